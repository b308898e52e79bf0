"""Which of the person's interviews a sentence is about: by number, company or person.

"#2", "interview 2", "Initech", "initech's", "Acem" (a slip of Acme), "Dana" or
"Raj Patel" each point at interviews; a line that points at none is about the only open
interview, or it is unclear and the coach asks which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.parsing.understanding.lexicon import words
from bot.text import one_slip

_NUMBER = re.compile(r"(?:#|\b(?:interview|number|no\.?|num)\s*#?\s*)(\d{1,6})\b"
                     # "my #1 pick just called": a ranking, not interview #1
                     r"(?!\s+(?:pick|choice|option|priority|fave|favou?rite|dream|company|job)\b)",
                     re.I)
#: "interview number one": a number said in words, only after "number".
_NUMBER_IN_WORDS = re.compile(r"\b(?:interview\s+)?number\s+(one|two|three|four|five|six|seven|"
                              r"eight|nine)\b", re.I)
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
#: "caled 2 no anwser", a grammar verb mistyped: the number after it is the interview's.
_VERB_NUMBER = re.compile(r"^(?:called|rang|phoned|sent|heard|snooze|cancel|delete|remove)\s+"
                          r"(\d{1,3})\b(?![:./]\d)(?!\s*(?:h|hrs?|hours?|d|days?|w|wks?|weeks?|"
                          r"mins?|minutes?)\b)", re.I)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
#: Words of a company name that say nothing about which company it is.
_GENERIC = words("""inc ltd llc plc corp corporation co company group the and of enterprises
    industries international global technologies technology tech systems solutions""")


@dataclass(frozen=True, slots=True)
class KnownInterview:
    """What the coach knows of one interview, enough to recognise it in a sentence."""

    number: int
    record_id: int
    company: str
    role: str
    names: tuple[str, ...] = ()
    open: bool = True
    promised: date | None = None  # the day of their word on it, if any ("pushed back a week")
    starts_at: datetime | None = None  # "it was at 11, not 10": the one that was at 10


@dataclass(frozen=True, slots=True)
class Mentions:
    """The interviews a line points at, and the interviewers it names on each."""

    numbers: frozenset[int] = frozenset()
    people: dict[int, tuple[str, ...]] = field(default_factory=dict)
    by_company: frozenset[int] = frozenset()
    company_words: frozenset[str] = frozenset()  # the words that named a company
    by_when: frozenset[int] = frozenset()  # "the one from friday": found by its day


def mentions(text: str, known: tuple[KnownInterview, ...]) -> Mentions:
    numbers: set[int] = set()
    for match in (*_NUMBER.finditer(text), *_VERB_NUMBER.finditer(text.strip())):
        numbers.add(int(match.group(1)))
    for match in _NUMBER_IN_WORDS.finditer(text):
        numbers.add(_NUMBER_WORDS.index(match.group(1).lower()) + 1)
    said = [w.removesuffix("'s").strip("'") for w in _WORDS.findall(text)]
    words = [w.lower() for w in said]
    by_company: set[int] = set()
    company_words: set[str] = set()
    people: dict[int, tuple[str, ...]] = {}
    for interview in known:
        named = _company_words(interview.company, words)
        if named:
            by_company.add(interview.number)
            company_words |= named
        by_role = _role_words(interview.role, text)
        if by_role:  # "the qa one", "the data analyst job"
            by_company.add(interview.number)
            company_words |= by_role
        who = tuple(name for name in interview.names if _names_person(name, words, said))
        if who:
            people[interview.number] = who
    return Mentions(frozenset(numbers | by_company | set(people)), people,
                    frozenset(by_company), frozenset(company_words))


def _company_words(company: str, words: list[str]) -> set[str]:
    """The words of the line that name the company (exactly, or with one slip if long)."""
    own = [w.lower() for w in _WORDS.findall(company)]
    key = [w for w in own if w not in _GENERIC] or own
    if not key:
        return set()
    found = set()
    for word in words:
        for part in key:
            if word == part or one_slip(word, part):
                found.add(word)
    # Every distinctive word of the name must be there: "Acme" for "Acme Corp", but
    # "Wayne" alone is not "Wayne Enterprises"' only clue unless it is the only one.
    return found if len(found) >= min(len(key), 1) else set()


#: "the qa one", "the QA job", "qa people": an interview named by its role.
_ROLE_REF = re.compile(r"\b(?P<words>[a-z]+(?:\s+[a-z]+)?)\s+(?:one|job|role|interview|position|"
                       r"people|team|folks|place|guys|gig|thing|process|application|entry|"
                       r"interviewer|panel|call)\b", re.I)


def _role_words(role: str, text: str) -> set[str]:
    """The words of the line that name the interview by its role, if they do."""
    own = {w.lower() for w in _WORDS.findall(role)}
    for match in _ROLE_REF.finditer(text):
        said = match.group("words").lower().split()
        while said and said[0] not in own:  # "the qa": only the role's own words count
            if said.pop(0) not in _LEADS:
                said = []  # "a devops engineer role" is another job than "QA engineer"
        if said and all(w in own for w in said):
            return set(said)
    return set()


#: Words that may come before a role named as a reference: "the qa one", "my analyst job".
_LEADS = frozenset({"the", "a", "an", "my", "that", "this", "their", "his", "her", "our",
                    "your", "for", "at", "about", "with", "re", "on", "from", "of"})


def _names_person(name: str, words: list[str], said: list[str]) -> bool:
    """Whether the line names the person; a name that is also a word ("Will", "Hope")
    only in capitals, unless the whole line is typed in lower case ("they will call")."""
    parts = [p.lower().strip(".") for p in name.split() if len(p.strip(".")) > 1]
    lower_case = not any(w[:1].isupper() for w in said)
    return any(part in words and (part not in _WORD_NAMES or lower_case or
                                  any(w == part.capitalize() for w in said))
               for part in parts if part not in _TITLES)


#: Names that are also everyday words.
_WORD_NAMES = words("""will hope grace faith joy mark bill rose ray pat jack sky dawn summer
    hunter chase miles gene sandy penny rob sue frank art august may june april""")


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "mx", "sir", "dame",
                     # words any line has, which point at nobody even inside a stored name
                     "the", "an", "of", "and", "from", "one", "is", "to", "in", "on", "at",
                     "for", "with"})


def pick(found: Mentions, known: tuple[KnownInterview, ...]) -> KnownInterview | None:
    """The one interview the line is about, when exactly one fits; else None."""
    by_number = {k.number: k for k in known}
    candidates = [by_number[n] for n in found.numbers if n in by_number]
    if found.numbers and not candidates:
        return None
    if not found.numbers:
        candidates = [k for k in known if k.open]
    if len(candidates) > 1:
        open_ones = [k for k in candidates if k.open]
        candidates = open_ones if len(open_ones) == 1 and not found.numbers else candidates
    return candidates[0] if len(candidates) == 1 else None
