"""What a free-text line was understood as: a command to run, or a question to ask.

`Reading.command` set means the reader is sure: the coach runs it and says, in one line
(`understood`), what it took the words to mean. Otherwise `question` and `choices` ask
the person, with one button per reading; a choice without a command changes nothing.
Commands in a reading point at interviews by record id, so a choice pressed later still
means the interview it named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.commands import Command
from bot.parsing.dates import DAY_NAMES
from bot.parsing.understanding.lexicon import words
from bot.parsing.understanding.references import KnownInterview, Mentions, mentions, pick


@dataclass(frozen=True, slots=True)
class Choice:
    label: str
    command: Command | None  # None: "neither", nothing changes


@dataclass(frozen=True, slots=True)
class Reading:
    command: Command | None = None
    understood: str = ""
    question: str = ""
    choices: tuple[Choice, ...] = ()
    editable: bool = False  # the question offers an Edit button for its one command


@dataclass(frozen=True, slots=True)
class Context:
    """The moment a line was said, and what the coach knows of the person's interviews."""

    now: datetime
    tz: ZoneInfo
    known: tuple[KnownInterview, ...] = ()
    holidays: frozenset[date] = frozenset()
    #: Said right after a call someone answered: what "they said" was said today.
    just_spoke: bool = False

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()


@dataclass(frozen=True, slots=True)
class Line:
    """A normalised line with the interviews and people it mentions."""

    text: str
    lower: str
    found: Mentions

    @classmethod
    def of(cls, text: str, ctx: Context) -> Line:
        found = mentions(text, ctx.known)
        by_day = _named_by_day(text, ctx) or _named_by_age(text, ctx) or \
            _named_by_hour(text, ctx)
        if by_day is not None and not found.numbers:
            found = replace(found, numbers=frozenset({by_day}), by_when=frozenset({by_day}))
        quiet = _quiet_only(text, ctx, found)
        if quiet is not None:
            # "ACME OFFERED!!! still radio silence from initech": the news is Acme's
            found = replace(found, numbers=found.numbers - {quiet},
                            by_company=found.by_company - {quiet},
                            people={n: p for n, p in found.people.items() if n != quiet})
        return cls(text, text.lower(), found)


def _quiet_only(text: str, ctx: Context, found: Mentions) -> int | None:
    """Of two interviews named, the one named only to say nothing came from it yet, when
    the other is named outside such words."""
    if len(found.numbers) != 2:
        return None
    quiet: set[int] = set()
    told: set[int] = set()
    for clause in _CLAUSE.split(text):
        named = mentions(clause, ctx.known).numbers
        (quiet if _NOTHING_YET.search(clause) else told).update(named)
    only_quiet = quiet - told
    return next(iter(only_quiet)) if len(only_quiet) == 1 and told else None


_CLAUSE = re.compile(r"[.;!?\n]+|,\s*|\s+\bbut\b\s+|\s+-\s+|\s*[—–]\s*|\)\s*|\s+\d\)\s*")
#: Nothing from an interview yet: "still radio silence from initech", "acme hasnt said
#: anything yet", "haven't tried acme yet", "initech - nothing yet".
_NOTHING_YET = re.compile(r"\b(?:still\s+(?:no\b|nothing|waiting|hasn'?t|hasnt|haven'?t|havent|"
                          r"crickets|radio\s+silence|pending|alive)|nothing\s+(?:yet\s+)?(?:from|"
                          r"yet)|no\s+(?:news|word)\s+(?:yet\s+)?from|hasn'?t\s+(?:said|called|"
                          r"replied|got\s+back|gotten\s+back)|hasnt\s+(?:said|called)|"
                          r"haven'?t\s+(?:heard|tried|called)|havent\s+(?:heard|tried|called)|"
                          r"radio\s+silence|crickets|still\s+pending|waiting\s+(?:on|till|for)|"
                          r"not\s+(?:heard|a\s+peep)|"
                          # "initech can stay as is", "keep acme going": left as it is
                          r"(?:can|should)\s+stay\s+(?:as\s+(?:is|it\s+is)|the\s+same)|"
                          r"keep\s+[\w&'-]+\s+(?:going|as\s+is|running|on)|"
                          r"leave\s+[\w&'-]+\s+(?:alone|as\s+(?:is|it\s+is)|be)|"
                          r"todav[ií]a\s+nada)\b", re.I)


#: "today's one", "Friday's interview", "the one from Friday", "the Friday one": an
#: interview named by the day it was on.
_DAYS = r"today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_BY_DAY = re.compile(rf"\b(?P<day>{_DAYS})'?s\s+(?:one|interview|lot|people|crowd|place|team)\b|"
                     rf"\bthe\s+(?:one|interview)\s+(?:from|on)\s+(?:last\s+)?(?P<on>{_DAYS})\b|"
                     rf"\bthe\s+(?P<the>{_DAYS})\s+(?:one|interview)\b|"
                     # "the one I did today"
                     rf"\bthe\s+(?:one|interview)\s+i\s+(?:did|had|went\s+to)\s+(?:on\s+)?"
                     rf"(?P<did>{_DAYS})\b", re.I)


_NEAR_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}


def _named_by_day(text: str, ctx: Context) -> int | None:
    """The number of the one interview on the day a line names it by, if exactly one is
    (within the week before or after today, for a weekday)."""
    said = _BY_DAY.search(text)
    if said is None:
        return None
    day = next(d for d in said.groups() if d).lower()

    def fits(on: date) -> bool:
        if day in _NEAR_DAYS:
            return on == ctx.today + timedelta(days=_NEAR_DAYS[day])
        return on.weekday() == DAY_NAMES.index(day) and abs((on - ctx.today).days) < 7

    on_that_day = [k.number for k in ctx.known
                   if k.starts_at is not None and fits(k.starts_at.astimezone(ctx.tz).date())]
    return on_that_day[0] if len(on_that_day) == 1 else None


#: "the morning one", "the 10am one": named by the part of the day or the hour it was at.
_BY_HOUR = re.compile(r"\bthe\s+(?:(?P<part>morning|afternoon|evening)|(?P<hour>\d{1,2})"
                      r"(?::(?P<minute>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?)\s+(?:one|interview)\b",
                      re.I)
_HOURS = {"morning": range(5, 12), "afternoon": range(12, 17), "evening": range(17, 23)}


def _named_by_hour(text: str, ctx: Context) -> int | None:
    """The number of the one interview held at the part of the day or hour a line names."""
    said = _BY_HOUR.search(text)
    if said is None:
        return None

    def fits(at: datetime) -> bool:
        if said.group("part"):
            return at.hour in _HOURS[said.group("part").lower()]
        hour, minute = int(said.group("hour")), int(said.group("minute") or 0)
        ap = (said.group("ap") or "").lower()[:1]
        hours = {hour % 12 + (12 if ap == "p" else 0)} if ap else {hour % 12, hour % 12 + 12}
        return at.hour in hours and at.minute == minute  # "the 10am one", "the 2:30 one"

    held = [k.number for k in ctx.known
            if k.starts_at is not None and fits(k.starts_at.astimezone(ctx.tz))]
    return held[0] if len(held) == 1 else None


#: "the one last week", "last week's interview"; "the older one", "the newest interview".
_BY_AGE = re.compile(r"\bthe\s+(?:one|interview)\s+(?:from\s+)?(?P<week>last\s+week)\b|"
                     r"\b(?P<weeks>last\s+week)'?s\s+(?:one|interview)\b|"
                     r"\bthe\s+(?P<age>older|oldest|earlier|newer|newest|latest|(?:more|most)\s+"
                     r"recent)\s+(?:one|interview)\b", re.I)


def _named_by_age(text: str, ctx: Context) -> int | None:
    """The number of the one interview a line names by when it was, relative to today or
    to the others, if exactly one fits."""
    said = _BY_AGE.search(text)
    dated = sorted((k.starts_at, k.number) for k in ctx.known if k.starts_at is not None)
    if said is None or len(dated) < 2:
        return None
    if said.group("age"):
        # "the earlier one": held first, or told first? Only when both agree is it sure.
        by_number = sorted(n for _, n in dated)
        if [n for _, n in dated] != by_number or len({at for at, _ in dated}) < len(dated):
            return None
        oldest = said.group("age").lower() in ("older", "oldest", "earlier")
        return by_number[0] if oldest else by_number[-1]
    monday = ctx.today - timedelta(days=ctx.today.weekday())
    last_week = [n for at, n in dated
                 if monday - timedelta(days=7) <= at.astimezone(ctx.tz).date() < monday]
    return last_week[0] if len(last_week) == 1 else None


def label(k: KnownInterview) -> str:
    return f"#{k.number} {k.company}"


#: "a second one at Pied Piper", "an offer from Hooli": a company named after "at" or
#: "from" (capitalised, as names are written).
_AT_COMPANY = re.compile(r"\b(?:at|from)\s+(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})")
_NO_COMPANY = frozenset({"i", "the", "a", "my", "home", "work", "last", "first", "least",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                         "sunday", "noon", "midnight", "lunch", "christmas", "thanksgiving",
                         # departments: "Mei Lin from HR"
                         "hr", "it", "engineering", "finance", "sales", "marketing", "legal",
                         "design", "product", "recruiting", "talent", "operations", "ops"})


def elsewhere(line: Line, ctx: Context) -> bool:
    """The line also names a company the coach doesn't track ("after acme I ran across
    town for a second one at Pied Piper"): what it says may be about that one."""
    known = [k.company.lower() for k in ctx.known] + \
        [w.lower() for k in ctx.known for name in k.names for w in name.split()]
    for found in _AT_COMPANY.finditer(line.text):
        name = found.group("name").lower()
        if name.split()[0] in _NO_COMPANY:
            continue
        if not any(name.startswith(k) or k.startswith(name) for k in known if k):
            return True
    return any(a_longer_name(line.text, k.company, known) for k in ctx.known)


def a_longer_name(text: str, company: str, known: list[str]) -> bool:
    """"Initech Health emailed me an offer": a company whose name begins with a tracked
    one's, and goes on with a word of its own, is another company ("the company name is
    Acme Analytics" renames it, though)."""
    if _A_NAME_GIVEN.search(text):
        return False
    for found in re.finditer(rf"\b{re.escape(company)}\s+(\w+)", text, re.I):
        word = found.group(1).lower()
        if word in ANOTHER_FIRMS_WORD and word not in company.lower().split():
            return True  # "acme foods want me back", in lower case too
        if not re.fullmatch(r"[A-Z][a-z]{2,}", found.group(1)):
            continue
        if word not in _GENERIC_SUFFIX and word not in _NO_COMPANY \
                and word not in company.lower().split() and word not in known:
            return True
    return False


#: Words that make a longer company name after a tracked one's: "Acme Foods", "Initech Labs".
ANOTHER_FIRMS_WORD = words("""foods labs lab bank holdings logistics health healthcare
    insurance capital partners pharma pharmaceuticals energy motors airlines hotels consulting
    services media studios games software analytics""")
_A_NAME_GIVEN = re.compile(r"\b(?:company|name|employer|firm|renamed?|spell\w*)\b", re.I)
#: Words after a company's name that keep it the same company: "Acme Corp", "Acme Team".
_GENERIC_SUFFIX = frozenset({"inc", "ltd", "llc", "plc", "corp", "corporation", "co", "company",
                             "group", "team", "people", "recruiting", "recruitment", "talent",
                             "careers", "interview", "role", "job", "office", "offer", "emailed",
                             "called", "rang", "said", "says", "wants", "offered", "rejected",
                             "just", "finally", "have", "has", "had", "are", "is", "was", "were",
                             "will", "got", "sent", "thanks", "folks", "guys", "lot", "one"})


def about_one(line: Line, ctx: Context, make: Callable[[KnownInterview], Command],
              said: Callable[[KnownInterview], str], ask: str, *, sure: bool = True,
              yes: str = "Yes") -> Reading:
    """Act on the one interview the line is about, or ask which (or whether) it is.

    `sure` False asks even when the interview is clear: the words themselves were not.
    """
    target = pick(line.found, ctx.known)
    if target is not None and sure and not elsewhere(line, ctx):
        return Reading(make(target), said(target))
    if target is not None and sure:
        # Sure of the words, not of the company: "Initech Health emailed me an offer".
        return Reading(question=f"Is that about {target.company} (#{target.number}), or a "
                                "company I don't track?",
                       choices=(Choice(f"Yes, {target.company}", make(target)),
                                Choice("Another company", None)))
    if target is not None:
        return Reading(question=ask.format(company=target.company, n=target.number),
                       choices=(Choice(yes, make(target)), Choice("No", None)))
    by_number = {k.number: k for k in ctx.known}
    candidates = [by_number[n] for n in sorted(line.found.numbers) if n in by_number] or \
        [k for k in ctx.known if k.open]
    if not candidates and not ctx.known:  # a newcomer's first story, not read as one
        return Reading(question="You aren't tracking any interviews yet, so I changed "
                                "nothing. If that was about a new one, give me the company, "
                                "role, when and who, e.g. `add Acme, data analyst, today 2pm "
                                "with Jane Smith`.")
    if not candidates:
        return Reading(question="I couldn't tell which interview you mean, and you have "
                                "none open. `list` shows them all.")
    return Reading(question="Which interview is that about?",
                   choices=(*(Choice(label(k), make(k)) for k in candidates[:5]),
                            Choice("None of these", None)))
