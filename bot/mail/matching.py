"""Which interview, and which interviewer, a message is about.

Strongest first: an interviewer's own address among the recipients (or as the forwarded
message's sender), then their name on the address, then the company's domain, then
(for a thank-you) the name in the greeting. Nothing is guessed: a message that fits two
interviews, or none, is matched to none, and the person is asked instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.mail.reading import Mail
from bot.model import Interview, Interviewer

#: Mailboxes anyone can have: their domain says nothing about the employer.
_PUBLIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
    "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de",
    "fastmail.com", "hey.com", "mail.com", "yandex.com", "zoho.com"})
_GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\s+"
    r"(?:(?:mr|ms|mrs|mx|dr|prof)\.?\s+)?([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*[,!:\n]",
    re.I)
#: How alike two spellings must be to be the same name misspelt rather than another person.
ALIKE = 60


@dataclass(frozen=True, slots=True)
class Match:
    interview: Interview
    interviewer: Interviewer | None = None
    greeted: str | None = None  # the greeting's name when spelt unlike the interviewer's


def _company_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_company(mail: Mail, company: str) -> bool:
    """The forwarded message names `company` as a word, in its subject or early text."""
    words = re.escape(company.strip().lower())
    return bool(words) and re.search(rf"(?<![\w.@-]){words}(?![\w@-]|\.\w)",
                                     (mail.subject + "\n" + mail.text[:2000]).lower()) is not None


def _domain_fits(address: str, company: str) -> bool:
    domain = address.rpartition("@")[2].lower()
    key = _company_key(company)
    if not domain or domain in _PUBLIC_DOMAINS or len(key) < 2:
        return False
    labels = [_company_key(label) for label in domain.split(".")[:-1]
              if label not in {"mail", "www", "co", "email"}]
    return any(_label_fits(label, key) for label in labels)


def _label_fits(label: str, key: str) -> bool:
    """acme.com for Acme, acmecorp.io for Acme, acme.com for "Acme Corporation"."""
    if label == key:
        return True
    if len(key) >= 3 and label.startswith(key):
        return True
    return len(label) >= 4 and key.startswith(label)


def _named(name: str, interviewer: Interviewer) -> bool:
    """`name` (a display name or a local part like jane.smith) is the interviewer's."""
    words = set(re.split(r"[^\w'’-]+|[._]", name.lower())) - {""}
    parts = interviewer.name.lower().split()
    return len(parts) >= 1 and parts[0] in words and (len(parts) == 1 or parts[-1] in words)


def greeting_name(text: str) -> str | None:
    found = _GREETING.match(text)
    return found[1].strip() if found else None


def _greeted(greeting: str | None, interviewer: Interviewer) -> tuple[bool, bool]:
    """(whether the greeting names them, whether it misspells them)."""
    if not greeting:
        return False, False
    said = greeting.split()[0].lower()
    best = max((fuzz.ratio(said, part.lower()) for part in interviewer.name.split()),
               default=0)
    exact = any(said == part.lower() for part in interviewer.name.split())
    return exact or best >= ALIKE, not exact and best >= ALIKE


def match(mail: Mail, interviews: list[Interview]) -> Match | None:
    """The one interview `mail` is about, with the interviewer when one is clear."""
    people = [mail.forwarded_from] if mail.forwarded else list(mail.recipients)
    people = [p for p in people if p is not None]
    greeting = None if mail.forwarded else greeting_name(mail.text)
    found: dict[int, tuple[Interview, Interviewer | None, int]] = {}

    def note(interview: Interview, who: Interviewer | None, strength: int) -> None:
        old = found.get(interview.id)
        if old is None or strength > old[2]:
            found[interview.id] = (interview, who, strength)

    who: Interviewer | None
    for interview in interviews:
        for name, address in people:
            for who in interview.interviewers:
                if who.email and who.email.lower() == address.lower():
                    note(interview, who, 4)
                elif _named(name or address.partition("@")[0], who) and \
                        _domain_fits(address, interview.company):
                    note(interview, who, 3)
            if _domain_fits(address, interview.company):
                note(interview, None, 2)
        if mail.forwarded and _names_company(mail, interview.company):
            # A recruiter's or a scheduler's message names the employer in words.
            note(interview, None, 1)
    if not found:
        return None
    strongest = max(strength for _, _, strength in found.values())
    best = [entry for entry in found.values() if entry[2] == strongest]
    if len(best) != 1:
        return None
    interview, who = best[0][0], best[0][1]
    misspelt = False
    if who is None and not mail.forwarded:
        greeted = [(p, _greeted(greeting, p)) for p in interview.interviewers]
        named = [(p, wrong) for p, (fits, wrong) in greeted if fits]
        if len(named) == 1:
            who, misspelt = named[0][0], named[0][1]
        elif len(interview.interviewers) == 1:
            who = interview.interviewers[0]
    if who is not None and not mail.forwarded and not misspelt:
        misspelt = _greeted(greeting, who)[1]
    return Match(interview, who, greeting if misspelt else None)
