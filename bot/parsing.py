"""Understanding what users type: the one-line `add` description of an interview and short answers.

Pure functions of text, a clock value and a zone. Regular expressions cut a sentence into parts
(and read durations and quiet-hour ranges, which are not dates); dateparser reads every date
and time of day, nameparser keeps the names sensible. Nothing here raises on user input.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, available_timezones

from bot.model import Channel, Culture, Interviewer, Promise, PromiseKind

if TYPE_CHECKING:
    from dateparser.conf import Settings

__all__ = [
    "ParsedInterview",
    "parse_clock_range",
    "parse_duration",
    "parse_interview",
    "parse_people",
    "parse_promise",
    "parse_when",
    "parse_when_detail",
    "parse_zone",
]

# Work limits: a pasted essay must not make one message slow.
_MAX_LINE = 2000
_MAX_ANSWER = 300
_MAX_PIECE = 200
_MAX_PIECES = 40  # comma/semicolon pieces read from one line; real lines have under 15
_MAX_FRAGMENT = 80
_MAX_UNCLEAR = 8
_MAX_PEOPLE = 12
_MAX_NAME = 80
_MAX_FIELD = 100
_MAX_DATE_TOKENS = 6

_EARLIEST = date(1990, 1, 1)
_HORIZON = timedelta(days=730)
_DEFAULT_HOUR = time(9, 0)
_PART_OF_DAY = {"morning": time(9, 0), "afternoon": time(14, 0), "evening": time(18, 0)}


@dataclass(frozen=True, slots=True)
class ParsedInterview:
    """What one `add` line said; every field is optional so the conversation can ask for gaps."""

    company: str | None = None
    role: str | None = None
    starts_at: datetime | None = None  # aware, in the user's zone
    time_given: bool = True  # False: a date alone, read as 09:00 until the user says when
    interviewers: tuple[Interviewer, ...] = ()
    promise: Promise | None = None
    culture: Culture | None = None
    channel: Channel | None = None
    stage: str | None = None  # "phone screen" | "video" | "on-site" | "final" | None
    phone: str | None = None
    unclear: tuple[str, ...] = ()  # fragments it could not place, to show the user


# --------------------------------------------------------------------------- cleaning

_SLACK_LINK = re.compile(r"<(?:mailto:|https?://)[^<>|]{0,200}\|([^<>]{0,200})>")
_ANSI = re.compile(r"\x1b\[[0-9;?]{0,20}[A-Za-z]|\x1b\][^\x07]{0,200}\x07?")
_SLACK_MENTION = re.compile(r"<[!@#][^<>]{0,200}>")
_ANGLED = re.compile(r"<(?:mailto:)?([^<>|]{0,200})>")
_MARKDOWN = re.compile(r"[*~`]+|(?<!\w)_+|_+(?!\w)|^[ \t]*(?:>|#+)[ \t]*", re.M)
_DASHES = str.maketrans(
    {"–": "-", "—": "-", "−": "-", "‒": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}
)
_SPACES = re.compile(r"[ \t]+")


def _clean(text: object, limit: int) -> tuple[str, str]:
    """Plain, single-spaced text (newlines kept) and whatever was cut off beyond `limit`."""
    if not isinstance(text, str):
        return "", ""
    text, rest = text[:limit], text[limit : limit + 60]
    if rest:
        rest = _clean(rest, 60)[0].replace("\n", " ")
    text = _ANSI.sub(" ", unicodedata.normalize("NFC", text).translate(_DASHES))
    text = _SLACK_LINK.sub(r"\1", text)
    text = _SLACK_MENTION.sub(" ", text)  # <!channel>, <@U123>: never part of what they mean
    text = _ANGLED.sub(r" \1 ", text)
    text = "".join(_clean_char(c) for c in text)
    text = _MARKDOWN.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line), rest.strip()


def _clean_char(char: str) -> str:
    if char in "\n\r":
        return "\n"
    category = unicodedata.category(char)
    # Control, format and private-use characters and emoji carry nothing the coach can use.
    if category[0] == "C" or category in ("So", "Sk"):
        return " "
    return char


def _trim(fragment: str) -> str:
    """Strip edge punctuation and unbalanced brackets, keeping the ")" of "Acme (UK)"."""
    edges = " \t\n,;:.!?-|/\"'"
    previous = None
    while fragment != previous:
        previous = fragment = fragment.strip(edges)
        opened, closed = (
            fragment.count("(") + fragment.count("["),
            fragment.count(")") + fragment.count("]"),
        )
        if fragment[:1] in ("(", "[") and opened > closed:
            fragment = fragment[1:]
        elif fragment[-1:] in (")", "]") and closed > opened:
            fragment = fragment[:-1]
    return fragment


def _short(fragment: str) -> str:
    fragment = _trim(fragment)
    if len(fragment) > _MAX_FRAGMENT:
        fragment = fragment[: _MAX_FRAGMENT - 1].rstrip() + "…"
    return fragment


# --------------------------------------------------------------------------- dates and times

_MONTH = (
    r"january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
    r"september|sept|sep|october|oct|november|nov|december|dec"
)
_WEEKDAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|weds|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\.?(?=\s+\d)|fri"
)
_NUMWORD = (
    r"a\s+couple\s+of|a\s+couple|a\s+few|couple\s+of|few|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve"
)
_MERIDIEM = r"[ap]\.?\s?m\b\.?"
_NUMBERS = {
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "a": 1, "an": 1,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_DATE_TOKEN = re.compile(
    rf"""
    (?P<iso>\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b)
  | (?P<md>\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?::\d|{_MERIDIEM}))
        (?:,?\s+(?P<md_year>\d{{4}})\b)?)
  | (?P<dm>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b\.?
        (?:,?\s+(?P<dm_year>\d{{4}})\b)?)
  | (?P<slash>\b\d{{1,2}}/\d{{1,2}}(?:/(?P<slash_year>\d{{4}}|\d{{2}}))?\b)
  | (?P<dom>\bthe\s+\d{{1,2}}(?:st|nd|rd|th)\b
        (?!\s+(?:of\s+)?(?:{_MONTH})\b|\s+(?:round|interview|stage|time|call|one|floor)\b))
  | (?P<rel>\b(?:(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|today|tonight
        |tomorrow|tmrw|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night)\b)
  | (?P<ago>\b(?:\d{{1,3}}|{_NUMWORD})\s+(?:days?|weeks?)\s+ago\b)
  | (?P<span>\b(?:in|within|after)\s+(?:\d{{1,3}}|{_NUMWORD})\s+(?:business\s+|working\s+)?
        (?:days?|weeks?)\b)
  | (?P<wd>\b(?:(?P<wd_mod>next|last|this|coming|past)\s+)?(?:{_WEEKDAY})\b)
  | (?P<trange>\b(?P<tr_start>\d{{1,2}}(?::\d{{2}})?)\s*(?P<tr_ap1>{_MERIDIEM})?
        \s*(?:-|to|until|till)\s*\d{{1,2}}(?::\d{{2}})?\s*(?P<tr_ap2>{_MERIDIEM})
      | \b(?P<tr_24>\d{{1,2}}:\d{{2}})\s*(?:-|to|until|till)\s*\d{{1,2}}:\d{{2}}\b)
  | (?P<time>\b\d{{1,2}}(?:[:.]\d{{2}})?\s*{_MERIDIEM}|\b\d{{1,2}}:\d{{2}}\b
        |\b(?:noon|midday|midnight)\b)
  | (?P<bare>(?:(?<=\bat\s)|(?<=\d{{4}}-\d{{2}}-\d{{2}}\s))\d{{1,2}}\b
        (?!\s*(?:[:/.]\d|%|days?|weeks?|hours?|st\b|nd\b|rd\b|th\b)))
  | (?P<part>\b(?:in\s+the\s+)?(?:morning|afternoon|evening)\b)
    """,
    re.I | re.X,
)
_DATE_KINDS = ("iso", "md", "dm", "slash", "dom", "rel", "ago", "span", "wd")
_TIME_KINDS = ("trange", "time", "bare")
# The more a token pins down a calendar day, the more it is trusted when tokens disagree.
_SPECIFICITY = {"iso": 0, "md": 1, "dm": 1, "slash": 2, "dom": 2, "rel": 3, "ago": 3, "span": 3,
                "wd": 4}
_JOINER = re.compile(r"^[\s,]*(?:(?:at|on|@|around|about|from|-)[\s,]*)?$", re.I)
_LEAD_IN = re.compile(r"(?:\b(?:on|at|around|about|from)|@)\s*$", re.I)
_PAST_TENSE = re.compile(
    r"\b(?:interviewed|had|was|were|did|met|went|ago|last|yesterday|earlier|spoke|talked)\b", re.I
)
_WEEKDAY_FULL = {
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "weds": "wednesday",
    "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday",
    "sat": "saturday", "sun": "sunday",
}  # fmt: skip
_REL_WORDS = {
    "tonight": "today", "tmrw": "tomorrow", "last night": "yesterday",
    "day before yesterday": "2 days ago", "day after tomorrow": "in 2 days",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str  # as the user wrote it
    query: str  # what dateparser is asked
    start: int
    end: int
    modifier: str = ""  # next/last/this for weekdays
    has_year: bool = True


def _numbers_to_digits(text: str) -> str:
    return re.sub(
        rf"\b(?:{_NUMWORD})\b(?=\s+(?:business\s+|working\s+)?(?:days?|weeks?)\b)",
        lambda m: str(_NUMBERS[re.sub(r"\s+", " ", m.group(0).lower())]),
        text,
        flags=re.I,
    )


def _afternoon(clock: str) -> str:
    """ "at 3" or "2:30" for an interview is the afternoon: nobody is interviewed at 3 a.m."""
    hour, minute = clock.split(":")
    return f"{int(hour) + 12 if 1 <= int(hour) <= 7 else int(hour)}:{minute}"


def _token_query(kind: str, match: re.Match[str]) -> str:
    """Rewrite a token into words dateparser reads reliably; the reading itself is dateparser's."""
    raw = re.sub(r"\s+", " ", match.group(0).lower()).strip()
    if kind == "rel":
        raw = re.sub(r"^the ", "", raw)
        if raw.startswith("this "):
            return "today"
        return _REL_WORDS.get(raw, raw)
    if kind == "wd":
        words = raw.rstrip(".").split()
        words[-1] = _WEEKDAY_FULL.get(words[-1].rstrip("."), words[-1].rstrip("."))
        modifier = {"coming": "this", "past": "last"}.get(words[0], words[0])
        return " ".join([modifier, *words[1:]] if len(words) > 1 else words)
    if kind in ("ago", "span"):
        raw = _numbers_to_digits(raw)
        raw = re.sub(r"\b(?:business|working) ", "", raw)
        return re.sub(r"^(?:within|after) ", "in ", raw)
    if kind == "trange":
        if match.group("tr_24"):
            return match.group("tr_24")
        meridiem = match.group("tr_ap1") or match.group("tr_ap2")
        return f"{match.group('tr_start')} {meridiem.replace('.', '').replace(' ', '')}"
    if kind == "time":
        raw = re.sub(r"^(\d{1,2})\.(\d\d)", r"\1:\2", raw)
        if re.fullmatch(r"[1-7]:\d\d", raw):
            return _afternoon(raw)
        return {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}.get(raw, raw)
    if kind == "bare":
        return _afternoon(f"{int(raw)}:00")
    if kind == "dom":  # the month is chosen later (`_month_day`); January has every day
        return f"january {_day_of_month(raw)}"
    return raw


def _day_of_month(text: str) -> int:
    """The number in "the 15th"."""
    return int(re.sub(r"\D", "", text))


def _month_day(day: int, today: date, past: bool) -> date | None:
    """ "The 15th": this month's if it is still ahead (or today), else next month's; in the
    past tense, the latest one not after today. A month without that day is skipped."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and (found <= today if past else found >= today):
            return found
        month += -1 if past else 1
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    return None


def _find_dates(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _DATE_TOKEN.finditer(text):
        kind = match.lastgroup or ""
        if kind not in _DATE_KINDS and kind not in _TIME_KINDS and kind != "part":
            # lastgroup names the innermost closed group; find the outer alternative instead.
            kind = next(k for k in (*_DATE_KINDS, *_TIME_KINDS, "part") if match.group(k))
        year_group = {"md": "md_year", "dm": "dm_year", "slash": "slash_year"}.get(kind)
        tokens.append(
            _Token(
                kind=kind,
                text=match.group(0),
                query=_token_query(kind, match),
                start=match.start(),
                end=match.end(),
                modifier=(match.group("wd_mod") or "").lower() if kind == "wd" else "",
                has_year=not year_group or bool(match.group(year_group)),
            )
        )
        if len(tokens) >= _MAX_DATE_TOKENS:
            break
    return tokens


_ISO_T = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2})t(\d{1,2}:\d{2})(?::\d{2})?\b", re.I)


def _cut_dates(text: str) -> tuple[str, list[list[_Token]]]:
    """Remove date/time phrases from `text`; return what is left and the phrases as groups."""
    text = _ISO_T.sub(r"\1 \2", text)  # ISO 8601's "2026-12-02T09:00"
    tokens = _find_dates(text)
    if not tokens:
        return text, []
    groups: list[list[_Token]] = [[tokens[0]]]
    for token in tokens[1:]:
        if _JOINER.match(text[groups[-1][-1].end : token.start]):
            groups[-1].append(token)
        else:
            groups.append([token])
    pieces, cursor = [], 0
    for group in groups:
        start = group[0].start
        lead = _LEAD_IN.search(text, 0, start)
        if lead:
            start = lead.start()
        pieces.append(text[cursor:start])
        cursor = group[-1].end
    pieces.append(text[cursor:])
    return " ".join(p.strip() for p in pieces if p.strip()), groups


@lru_cache(maxsize=64)
def _settings(relative_base: datetime) -> Settings:
    """dateparser settings for one reference moment; cached because building them is not free."""
    from dateparser.conf import settings as defaults

    return defaults.replace(
        RELATIVE_BASE=relative_base,
        PREFER_DATES_FROM="current_period",
        RETURN_AS_TIMEZONE_AWARE=False,
        PARSERS=["relative-time", "absolute-time"],
        DEFAULT_LANGUAGES=["en"],
    )


def _dateparse(query: str, relative_base: datetime) -> datetime | None:
    """One dateparser call, never raising: its failures mean "not understood"."""
    from dateparser import parse

    try:
        result = parse(query[:_MAX_PIECE], languages=["en"], settings=_settings(relative_base))
    except Exception:  # dateparser raises assorted errors on odd input; none is the user's fault
        return None
    return result if isinstance(result, datetime) else None


def _local_now(now: datetime, tz: ZoneInfo) -> datetime:
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def _localize(naive: datetime, tz: ZoneInfo) -> datetime:
    """Attach the zone; a wall time that DST skips or repeats is settled by a round trip via UTC."""
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def _in_range(day: date, today: date) -> bool:
    return _EARLIEST <= day <= today + _HORIZON


def _nearest_year(day: date, anchor: date) -> date | None:
    """A date written without a year means its occurrence nearest to `anchor`."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:  # 29 February in a common year
            continue
    return min(candidates, key=lambda d: abs(d - anchor), default=None)


def _moment(
    groups: list[list[_Token]], local_now: datetime, past: bool
) -> tuple[datetime | None, bool]:
    """Read date/time groups as one naive local moment, plus whether a time of day was given."""
    tokens = [t for group in groups for t in group]
    date_tokens = sorted(
        (t for t in tokens if t.kind in _DATE_KINDS), key=lambda t: _SPECIFICITY[t.kind]
    )
    time_token = next((t for t in tokens if t.kind in _TIME_KINDS), None)
    part = next((t for t in tokens if t.kind == "part"), None)
    if not date_tokens and time_token is None:
        return None, False
    if any(_impossible(t) for t in date_tokens):
        return None, False  # "2026-13-01": asked again, never bent into another date
    if time_token is not None and _impossible(time_token):
        time_token = None  # "25:00": the date stands, and the time is asked for
    base = local_now.replace(tzinfo=None, second=0, microsecond=0)
    clock = [time_token.query] if time_token else []
    # All tokens together first; if they disagree, the most specific date alone; and a time
    # dateparser cannot read must not cost the user a date it can.
    attempts: list[tuple[list[str], _Token | None, bool]] = [
        ([t.query for t in date_tokens] + clock, date_tokens[0] if date_tokens else None, True)
    ]
    attempts += [([t.query, *clock], t, True) for t in date_tokens]
    attempts += [([t.query], t, False) for t in date_tokens if clock]
    reading = next(
        (
            (parsed, chosen, timed and time_token is not None)
            for words, chosen, timed in attempts
            if (parsed := _dateparse(" ".join(words), base)) is not None
        ),
        None,
    )
    if reading is None:
        return None, False
    parsed, chosen, timed = reading
    day = parsed.date()
    if chosen is not None and chosen.kind == "wd" and not chosen.modifier:
        day = _weekday_day(day.weekday(), local_now, parsed.time() if timed else None, past)
    elif chosen is not None and chosen.kind == "dom":
        found = _month_day(_day_of_month(chosen.text), local_now.date(), past)
        if found is None:
            return None, False
        day = found
    elif chosen is not None and not chosen.has_year:
        nearest = _nearest_year(day, local_now.date())
        if nearest is None:
            return None, False
        day = nearest
    if timed:
        clock_time = parsed.time()
    elif part is not None:
        clock_time = _PART_OF_DAY[part.text.lower().split()[-1]]
    else:
        clock_time = _DEFAULT_HOUR
    # "Tuesday afternoon" is time enough for the plan; a date alone is not.
    return datetime.combine(day, clock_time), timed or part is not None


_HOUR_MINUTE = re.compile(r"(\d{1,2})[:.h](\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _impossible(token: _Token) -> bool:
    """A date or time no calendar or clock has, which dateparser would bend into another."""
    if token.kind == "iso" and (found := _ISO_DATE.search(token.text)):
        try:
            date(*(int(part) for part in found.groups()))
        except ValueError:
            return True
    if token.kind in _TIME_KINDS and (found := _HOUR_MINUTE.search(token.text)):
        hour, minute = (int(part) for part in found.groups())
        return hour > 23 or minute > 59
    return False


def _weekday_day(weekday: int, local_now: datetime, at: time | None, past: bool) -> date:
    """A bare weekday: the last such day if the text is in the past tense, else the next one.

    Today counts unless a stated time puts it on the wrong side of now ("Monday 3pm" typed on a
    Monday at 16:30 is next Monday; "interviewed Monday 5pm" typed then is last Monday).
    """
    today = local_now.date()
    if past:
        day = today - timedelta(days=(today.weekday() - weekday) % 7)
        if day == today and at is not None and at > local_now.time():
            day -= timedelta(days=7)
        return day
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    if day == today and at is not None and at < local_now.time():
        day += timedelta(days=7)
    return day


def _when(
    groups: list[list[_Token]], now: datetime, tz: ZoneInfo, past: bool
) -> tuple[datetime | None, bool]:
    local_now = _local_now(now, tz)
    naive, explicit = _moment(groups, local_now, past)
    if naive is None or not _in_range(naive.date(), local_now.date()):
        return None, False
    return _localize(naive, tz), explicit


def parse_when_detail(text: str, now: datetime, tz: ZoneInfo) -> tuple[datetime | None, bool]:
    """The interview moment in an answer like "yesterday at 10am", and whether a time was given.

    Without a time of day the moment is that date at 09:00 and the flag is False so the
    caller can ask; morning/afternoon/evening count as a time (9/14/18 h). A bare weekday
    looks back in the past tense ("interviewed Tuesday") and ahead otherwise; a date
    without a year is its nearest occurrence; "at 3" or "2:30" without am/pm is the
    afternoon. Dates before 1990, more than two years ahead, or on no calendar
    ("2026-13-01") count as not understood.
    """
    try:
        cleaned, _ = _clean(text, _MAX_ANSWER)
        _, groups = _cut_dates(cleaned)
        return _when(groups, now, tz, bool(_PAST_TENSE.search(cleaned)))
    except Exception:  # a parser must never turn a user's words into a traceback
        return None, False


def parse_when(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The answer to "When was/is the interview?"; None if it names no date or time."""
    return parse_when_detail(text, now, tz)[0]


_UNTIL = re.compile(r"^(?:until|till|til|to|on|for)\s+", re.I)


def parse_later(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    """A moment ahead, as in "snooze 1.3 until Monday", "… Dec 2 9am", "… 2026-12-02T09:00".

    Aware and strictly after `now`, or None. A date without a time is 09:00; a bare
    weekday that is today, said without a time, means next week's.
    """
    try:
        cleaned, _ = _clean(text, _MAX_ANSWER)
        _, groups = _cut_dates(_UNTIL.sub("", cleaned.strip()))
        moment, explicit = _when(groups, now, tz, past=False)
        if moment is None:
            return None
        weekday = any(t.kind == "wd" and not t.modifier for g in groups for t in g)
        if moment <= now and weekday and not explicit:
            moment = _localize(moment.replace(tzinfo=None) + timedelta(days=7), tz)
        return moment if moment > now else None
    except Exception:  # a parser must never turn a user's words into a traceback
        return None


# --------------------------------------------------------------------------- promises

_NO_PROMISE = re.compile(
    r"\b(?:no\s+(?:promises?|timeline|time\s*frame|date|dates|word\s+on\s+timing|commitment)"
    r"|(?:nothing|none)\s+promised|(?:didn'?t|did\s+not|don'?t|do\s+not)\s+(?:say|know|give|mention)"
    r"|not\s+sure\s+when|no\s+idea\s+when)\b",
    re.I,
)
_THEY_CONTACT = re.compile(
    r"\b(?:they|he|she|we|recruiter|hr)(?:'ll|'d|\s+will|\s+would|\s+should|\s+are\s+going\s+to"
    r"|\s+is\s+going\s+to|\s+promised\s+to|\s+said\s+they'?d|\s+said\s+they\s+will)?\s+"
    r"(?:call|ring|phone|email|text|contact|reach\s+out\s+to)\s+me\b",
    re.I,
)
_YOU_CONTACT = re.compile(
    r"\b(?:(?:call|ring|phone|email|ping|contact)\s+(?:me|her|him|them|us)\b"
    r"|follow(?:\s|-)?up|check\s+in|reach\s+out|i(?:'ll|\s+will|\s+should|\s+can|\s+may)\s+call)",
    re.I,
)
_THEY_DECIDE = re.compile(
    r"\b(?:decide|decides|decided|decision|decisions|let\s+me\s+know|hear\s+back|hear|get\s+back"
    r"|back\s+to\s+me|be\s+in\s+touch|get\s+in\s+touch|news|answer|respond|reply|update|offer)\b",
    re.I,
)
_PROMISE_START = re.compile(
    r"\b(?:no\s+(?:promises?|timeline|time\s*frame|date|dates|word\s+on\s+timing|commitment)\b"
    r"|(?:nothing|none)\s+promised\b|(?:didn'?t|did\s+not)\s+(?:say|give|mention)\b"
    r"|(?:they|he|she|we)(?:'ll|'d|\s+will|\s+would|\s+should|\s+said|\s+say|\s+told|\s+promised"
    r"|\s+expect|\s+plan|\s+hope|\s+aim|\s+are\s+going\s+to|\s+want)\b"
    r"|said\b|told\s+me\b|promised\b|will\s+(?:let|decide|get|call|email|be\s+in\s+touch|reach|contact"
    r"|hear)\b|let\s+me\s+know\b|hear\s+back\b|get\s+back\b|decide\b|decision\b"
    r"|(?:call|ring|phone|email|ping|contact)\s+(?:me|her|him|them|us)\b"
    r"|follow(?:\s|-)?up\s+(?=in\b|on\b|by\b|within\b|after\b|next\b|end\b|this\b|tomorrow\b)"
    r"|check\s+in\s+(?=in\b|on\b|by\b|within\b|after\b|next\b)|expect\s+to\s+hear\b|should\s+hear\b)",
    re.I,
)
_PROMISE_LEAD = re.compile(
    r"^(?:(?:and|but|also|so|then|plus)\b\s*)*(?:(?:said|told\s+me)(?:\s+(?:that|to))?\b\s*)?", re.I
)
_END_OF = re.compile(
    r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<wnext>next\s+)?week|eow"
    r"|(?P<later>later\s+this|this)\s+week"
    r"|(?P<nw>(?P<early>early\s+)?next\s+week)(?!\s*(?:on\s+)?(?:" + _WEEKDAY + r"))"
    r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<mnext>next\s+)?month"
    r"|end\s+of\s+(?:the\s+)?day|eod|close\s+of\s+business|cob)\b",
    re.I,
)


def _promise_kind(text: str, default_kind: PromiseKind) -> PromiseKind:
    """Who moves next: "they'll call me" is theirs, "call her in 4 days" is the user's."""
    if _THEY_CONTACT.search(text):
        return PromiseKind.THEY_DECIDE_BY
    if _YOU_CONTACT.search(text):
        return PromiseKind.YOU_CALL_ON
    if _THEY_DECIDE.search(text):
        return PromiseKind.THEY_DECIDE_BY
    return default_kind


def _end_of(match: re.Match[str], base: date, kind: PromiseKind) -> date:
    """Week and month ends, which dateparser does not read: a working week ends on Friday."""
    phrase = match.group(0).lower()
    friday = base + timedelta(days=(4 - base.weekday()) % 7)
    next_monday = base + timedelta(days=7 - base.weekday())
    if "month" in phrase:
        year, month = base.year, base.month
        if match.group("mnext"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return date(year, month, calendar.monthrange(year, month)[1])
    if match.group("nw"):
        # "They'll decide next week" gives them the whole week; "call me next week" starts it.
        if match.group("early") or kind is PromiseKind.YOU_CALL_ON:
            return next_monday
        return next_monday + timedelta(days=4)
    if "week" in phrase or phrase == "eow":
        return friday + timedelta(days=7) if match.group("wnext") else friday
    return base


#: "They said 2 weeks": a span with no "in" before it still counts from the interview.
_BARE_SPAN = re.compile(
    rf"(?<!\bin\s)(?<!\bwithin\s)(?<!\bafter\s)\b(?=(?:\d{{1,3}}|{_NUMWORD})\s+"
    r"(?:business\s+|working\s+)?(?:days?|weeks?)\b(?!\s+ago))",
    re.I,
)


def _promise_day(
    text: str, base: date, now: datetime, tz: ZoneInfo, kind: PromiseKind
) -> date | None:
    local_now = _local_now(now, tz)
    end = _END_OF.search(text)
    _, groups = _cut_dates(_BARE_SPAN.sub("in ", text))
    day = _promise_date(groups, base)
    # A week's or month's end is a date of its own; "end of day" only says when on a date.
    if end and (day is None or "week" in end.group(0).lower() or "month" in end.group(0).lower()):
        day = _end_of(end, base, kind)
    if day is None or not _in_range(day, local_now.date()):
        return None
    return day


def _promise_date(groups: list[list[_Token]], base: date) -> date | None:
    """Read the date of a promise; relative phrases count from `base`, the interview day."""
    date_tokens = sorted(
        (t for g in groups for t in g if t.kind in _DATE_KINDS), key=lambda t: _SPECIFICITY[t.kind]
    )
    if not date_tokens:
        return None
    token = date_tokens[0]
    anchor = datetime.combine(base, time(12, 0))
    parsed = _dateparse(token.query, anchor)
    if parsed is None:
        return None
    day = parsed.date()
    if token.kind == "wd" and not token.modifier:
        # "Decide by Friday" said on a Friday means the next one, never the same day.
        return base + timedelta(days=(day.weekday() - base.weekday()) % 7 or 7)
    if token.kind == "dom":  # "by the 15th": the next 15th after the interview day
        return _month_day(_day_of_month(token.text), base + timedelta(days=1), past=False)
    if not token.has_year:
        return _nearest_year(day, base)
    return day


def _promise_text(text: str) -> str:
    phrase = _trim(_PROMISE_LEAD.sub("", _trim(text)))
    return phrase[:_MAX_PIECE].rstrip()


def parse_promise(
    text: str,
    base: date,
    now: datetime,
    tz: ZoneInfo,
    default_kind: PromiseKind = PromiseKind.THEY_DECIDE_BY,
) -> Promise | None:
    """What the employer said about next steps, or None for "no promise" or no readable date.

    Relative phrases ("in 4 days", "within 2 weeks", "by Friday") count from `base`; "end of
    week" is that week's Friday. "Call me/her ..." and "follow up ..." are the user's move
    (YOU_CALL_ON); "decide / let me know / hear back / get back to me" are theirs
    (THEY_DECIDE_BY); a bare date uses `default_kind`. The promise keeps the user's phrase.
    """
    try:
        cleaned, _ = _clean(text, _MAX_ANSWER)
        cleaned = cleaned.replace("\n", " ")
        if not cleaned or _NO_PROMISE.search(cleaned):
            return None
        kind = _promise_kind(cleaned, default_kind)
        day = _promise_day(cleaned, base, now, tz, kind)
        if day is None:
            return None
        return Promise(kind=kind, on=day, text=_promise_text(cleaned))
    except Exception:  # a parser must never turn a user's words into a traceback
        return None


# --------------------------------------------------------------------------- people


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.I)
_EMAIL_LABEL = re.compile(r"\b(?:e-?mail|mailto)\s*[:=]?\s*(?=[\w.+'-]+@)", re.I)
_NAME_SPLIT = re.compile(r"\s+(?:and|&|\+)\s+|\s*&\s*|\s+/\s+", re.I)
_PRONOUNS = re.compile(
    r"^(?:she|he|they|ze|xe)\s*/\s*(?:her|him|them|hers|his|theirs|zir|xem)$", re.I
)
# Runs of letters joined by single separators: unambiguous, so it cannot backtrack badly.
_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:(?:\. ?|'|-| )[^\W\d_]+)*[.']?$")
_PEOPLE_LEAD = re.compile(r"^(?:(?:and|both|also|plus|then|with|by|mr\.?\s+and)\s+)+", re.I)
_FROM = re.compile(r"\s+from\s+(?:the\s+)?(.+)$", re.I)
_TITLE_WORDS = _vocabulary(
    """
    manager hiring recruiter recruiting recruitment hr talent acquisition director head lead
    vp vice president ceo cto cfo coo cio cmo cpo founder co-founder cofounder partner
    engineer engineering senior principal staff chief officer team product owner analyst
    designer developer scientist specialist coordinator consultant associate architect
    supervisor executive chair dean professor hrbp people operations ops sales marketing
    data of the my future boss tech technical interviewer panel member sourcer generalist
    business peer colleague department finance legal research design qa group program
    project account customer success it
    """
)
_TITLE_HEADS = _vocabulary(
    """
    manager recruiter director head lead vp ceo cto cfo coo cio cmo cpo founder co-founder
    cofounder partner engineer hr analyst designer developer scientist specialist
    coordinator consultant architect supervisor officer president owner executive hrbp
    sourcer generalist interviewer professor dean chair boss member
    """
)
_NOT_NAMES = _vocabulary(
    """
    the a an and someone somebody them him her us me people guys folks team panel group
    everyone others colleague colleagues two three four five several some few couple i my
    our their his your it this that who
    """
)


def _words(text: str) -> list[str]:
    return [w.strip(".,:;()'\"").lower() for w in text.split() if w.strip(".,:;()'\"")]


def _title_like(text: str) -> bool:
    words = _words(text)
    if not words or len(words) > 6 or any(c.isdigit() for c in text):
        return False
    return all(w in _TITLE_WORDS for w in words) or any(w in _TITLE_HEADS for w in words)


def _is_suffix(text: str) -> bool:
    from nameparser.config import CONSTANTS

    word = text.strip().rstrip(".").replace(".", "").lower()
    return bool(word) and (
        word in CONSTANTS.suffix_acronyms or word in CONSTANTS.suffix_not_acronyms
    )


@lru_cache(maxsize=256)
def _valid_name(name: str) -> bool:
    """A plausible name: letters and the usual punctuation, not a title or pronoun, not huge."""
    if not name or len(name) > _MAX_NAME or not _NAME_CHARS.match(name):
        return False
    words = _words(name)
    if not words or len(words) > 6 or all(w in _NOT_NAMES or w in _TITLE_WORDS for w in words):
        return False
    from nameparser import HumanName

    parsed = HumanName(name)
    return bool(parsed.first or parsed.last)


def _split_top(text: str, separators: str) -> list[str]:
    """Split on single-character separators that are not inside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _split_names(text: str) -> list[str]:
    """Split "A, B and C" / "A & B" outside parentheses."""
    parts: list[str] = []
    for piece in _split_top(text, ",;"):
        protected = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace("&", "\0"), piece)
        parts.extend(p.replace("\0", "&") for p in _NAME_SPLIT.split(protected))
    return [p.strip() for p in parts if p and p.strip()]


def _person(piece: str) -> tuple[Interviewer | None, str | None, list[str]]:
    """One name with its email and title; returns (person, lone title, unplaced fragments)."""
    piece = _EMAIL_LABEL.sub("", piece)
    emails = _EMAIL.findall(piece)
    piece = _EMAIL.sub(" ", piece)
    titles: list[str] = []
    unclear: list[str] = []
    for inner in re.findall(r"\(([^()]*)\)", piece):
        for bit in re.split(r"[,;]", inner):
            bit = _trim(bit)
            if bit and not _PRONOUNS.match(bit):
                titles.append(bit)
    piece = re.sub(r"\([^()]*\)|[()<>\[\]]", " ", piece)
    source = _FROM.search(piece)
    if source:
        piece = piece[: source.start()]
        (titles if _title_like(source.group(1)) else unclear).append(_trim(source.group(1)))
    piece = _trim(_PEOPLE_LEAD.sub("", re.sub(r"\s+", " ", piece).strip()))
    piece = (
        re.sub(r"^(?:the|my|their|our)\s+", "", piece, flags=re.I) if _title_like(piece) else piece
    )
    if piece and _title_like(piece) and not _valid_name(piece):
        return None, piece, unclear
    words = piece.split()
    # "CTO Bob Lee": leading title words before a capitalised name.
    lead = 0
    while lead < len(words) - 1 and words[lead].lower().strip(".,") in _TITLE_WORDS:
        lead += 1
    if lead and words[lead][:1].isupper() and words[lead].lower() not in _TITLE_WORDS:
        titles.insert(0, " ".join(words[:lead]))
        piece = " ".join(words[lead:])
    if not _valid_name(piece):
        if piece:
            unclear.append(piece)
        return None, None, unclear
    email = emails[0] if emails else None
    title = ", ".join(titles)[:_MAX_FIELD] or None
    return Interviewer(name=piece, email=email, title=title), None, unclear


def _people(text: str) -> tuple[tuple[Interviewer, ...], list[str]]:
    people: list[Interviewer] = []
    unclear: list[str] = []
    pending_title: str | None = None
    pieces = _split_names(text)
    if len(pieces) > 2 * _MAX_PEOPLE:
        # Nobody is interviewed by a crowd; reading every "name" in a paste would be slow.
        unclear.append(", ".join(pieces[2 * _MAX_PEOPLE :]))
        pieces = pieces[: 2 * _MAX_PEOPLE]
    for piece in pieces:
        if len(piece) > _MAX_PIECE:
            unclear.append(piece)
            continue
        if _is_suffix(piece) and people:
            last = people[-1]
            people[-1] = Interviewer(f"{last.name}, {piece}", last.email, last.title)
            continue
        if _EMAIL.fullmatch(_trim(piece)) and people and people[-1].email is None:
            last = people[-1]
            people[-1] = Interviewer(last.name, _trim(piece), last.title)
            continue
        person, lone_title, bits = _person(piece)
        unclear.extend(bits)
        if person is None:
            if lone_title and people and people[-1].title is None:
                last = people[-1]
                people[-1] = Interviewer(last.name, last.email, lone_title)
            elif lone_title:
                pending_title = lone_title
            continue
        if pending_title and person.title is None:
            person = Interviewer(person.name, person.email, pending_title)
        pending_title = None
        if any(p.name.casefold() == person.name.casefold() for p in people):
            continue
        if len(people) >= _MAX_PEOPLE:
            unclear.append(person.name)
            continue
        people.append(person)
    if pending_title:
        unclear.append(pending_title)
    return tuple(people), unclear


def parse_people(text: str) -> tuple[Interviewer, ...]:
    """Interviewers in the order given: "Dr. Maria Garcia (maria@x.com), Bob Lee, CTO and Ann".

    Names are kept as written; titles come from parentheses, a following ", title" or a leading
    "CTO Bob Lee"; emails are lifted out. Titles alone ("the hiring manager") are not people.
    """
    try:
        cleaned, _ = _clean(text, _MAX_LINE)
        return _people(cleaned.replace("\n", ", "))[0]
    except Exception:  # a parser must never turn a user's words into a traceback
        return ()


# --------------------------------------------------------------------------- keywords

_STAGES = (
    ("final", r"final(?:\s+(?:round|interview|stage))?"),
    ("on-site", r"on[\s-]?site|in[\s-]person|at\s+(?:their|the)\s+office"),
    (
        "video",
        r"video(?:\s+(?:call|interview|chat|screen|meeting))?|zoom(?:\s+(?:call|interview))?"
        r"|(?:ms\s+|microsoft\s+)?teams\s+(?:call|interview|meeting)|(?:on|via|over)\s+teams"
        r"|google\s+meet|webex|skype",
    ),
    (
        "phone screen",
        r"phone(?:\s+(?:screen(?:ing)?|interview|call|chat))?|(?:recruiter|hr|intro|introductory"
        r"|screening)\s+(?:screen|call|chat)|screening(?:\s+call)?",
    ),
)
_STAGE_RE = re.compile(
    r"\b(?:(?:a|an|the|my|on|via|over|by)\s+)*(?:"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_STAGES))
    + r")\b",
    re.I,
)
_ROUND_RE = re.compile(
    r"\b(?:(?:a|an|the|my)\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|initial|next|technical"
    r"|tech|behaviou?ral|panel|case|group|coding|take[\s-]home)\s+(?:round|interview|stage)"
    r"|round\s+\d{1,2})\b",
    re.I,
)
_CHANNELS = (
    (
        Channel.POST,
        r"(?:(?:send|write|mail)\s+(?:an?\s+)?)?hand[\s-]?written(?:\s+(?:thank[\s-]you\s+)?"
        r"(?:notes?|cards?|letters?))?|snail[\s-]?mail|postal\s+mail|paper\s+(?:notes?|letters?)"
        r"|(?:by|via|through)\s+(?:post|mail|letter)",
    ),
    (Channel.EMAIL, r"(?:(?:by|via|over|through)\s+)?e-?mails?(?![\w.@+-]|\s*[:=]?\s*[\w.+'-]+@)"),
    (Channel.PHONE, r"(?<=prefers\s)(?:a\s+)?(?:phone(?:\s+calls?)?|calls?)"),
)
_CHANNEL_RE = re.compile(
    r"\b(?:(?:prefers?|likes?|wants?)\s+(?:an?\s+|to\s+get\s+)?(?=\w))?(?:"
    + "|".join(f"(?P<c{i}>{pattern})" for i, (_, pattern) in enumerate(_CHANNELS))
    + r")\b",
    re.I,
)
_CULTURE_RE = re.compile(
    r"\b(?:(?P<traditional>traditional|old[\s-]?school|old[\s-]fashioned|conservative|formal"
    r"|corporate|bank(?:ing)?|law\s+(?:firm|office)|legal|government|public\s+sector|insurance)"
    r"|(?P<modern>modern|start[\s-]?up|scale[\s-]?up|tech|casual|relaxed|informal))\b",
    re.I,
)
_CULTURE_FILLER = re.compile(
    r"\b(?:it'?s|its|is|they'?re|they\s+are|a|an|the|very|quite|pretty|super|really|feels?|seems?"
    r"|like|culture|company|firm|place|employer|shop|vibe|org|organi[sz]ation|environment|kind\s+of"
    r"|more|fairly|rather|type|style|small|big|large|and|sector|industry)\b",
    re.I,
)
_COMPANY_CULTURE = re.compile(r"\b(?:bank|law\s+firm|llp|insurance|credit\s+union)\b", re.I)


@dataclass(slots=True)
class _Found:
    """What one `add` line has yielded so far (private, mutable while reading the line)."""

    context: list[str] = field(default_factory=list)  # the words outside promises, for tense
    dates: list[list[_Token]] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    promises: list[str] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    culture: Culture | None = None
    channel: Channel | None = None
    phone: str | None = None


def _cut_keywords(piece: str, found: _Found) -> str:
    """Lift stage, channel and culture words out of a piece; return the rest."""

    def stage(match: re.Match[str]) -> str:
        index = next(i for i in range(len(_STAGES)) if match.group(f"s{i}"))
        found.stages.append(_STAGES[index][0])
        return " "

    def channel(match: re.Match[str]) -> str:
        index = next(i for i in range(len(_CHANNELS)) if match.group(f"c{i}"))
        found.channel = _CHANNELS[index][0]
        return " "

    # Channels first: "prefers phone calls" is a channel, "phone call" alone is a stage.
    piece = _CHANNEL_RE.sub(channel, piece)
    piece = _STAGE_RE.sub(stage, piece)
    piece = _ROUND_RE.sub(" ", piece)
    return _culture_only(piece, found)


def _culture_only(piece: str, found: _Found) -> str:
    """Take a piece as a culture note only if it is nothing else ("very old-school", "a bank")."""
    kinds = [m.lastgroup for m in _CULTURE_RE.finditer(piece)]
    if not kinds:
        return piece
    rest = _CULTURE_FILLER.sub(" ", _CULTURE_RE.sub(" ", piece))
    if _trim(rest.strip()):
        return piece
    found.culture = Culture.TRADITIONAL if kinds[0] == "traditional" else Culture.MODERN
    return ""


# --------------------------------------------------------------------------- the `add` line

_PHONE_LABELLED = re.compile(
    r"\b(?:(?:my|our)\s+)?(?:(?:phone|cell|mobile|tel|telephone)(?:\s+(?:number|no\.?|#))?|number"
    r"|(?:you\s+can\s+)?(?:call|reach|text)\s+me\s+(?:at|on))(?:\s+is)?\s*[:#]?\s*"
    r"(?P<number>\+?\(?\d[\d\s().-]{5,20}\d)",
    re.I,
)
_PHONE_BARE = re.compile(
    r"(?<![\w@.+-])(?P<number>(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5})(?![\w@-])"
)
_WITH = re.compile(
    r"\b(?:interviewed\s+by|met\s+with|interviewers?\s*:|panel\s*:|with|met)\s+", re.I
)
_PEOPLE_TAIL = re.compile(r"\s+(?:at|@|for)\s+(?=\S)", re.I)
_LABELS = re.compile(
    r"^(?:(?P<company>company|employer|firm)|(?P<role>role|position|job|title))\s*[:=]\s*(?P<value>.+)$",
    re.I,
)
_FILLER_WORDS = re.compile(r"\binterview(?:ed|ing|s)?\b", re.I)
_LEADING_FILLER = re.compile(
    r"^(?:(?:and|also|plus|then|so|but|i|i've|ive|i'm|im|we|just|had|have|has|got|did|my|our|an?"
    r"|the|it|it's|its|was|is|went|to|job|round|today's|tomorrow's|yesterday's|upcoming|new)\b\s*)+",
    re.I,
)
_TRAILING_ROLE = re.compile(r"\s+(?:role|position|job|opening|opportunity|vacancy)$", re.I)
_AT_FOR = re.compile(
    r"^(?:at|@)\s+(?P<company>.+?)\s+(?:for|as)\s+(?:(?:the|a|an)\s+)?(?P<role>.+)$", re.I
)
_ROLE_AT = re.compile(
    r"^(?:(?:for|as)\s+)?(?:(?:the|a|an)\s+)?(?P<role>.+?)\s+(?:at|@)\s+(?P<company>.+)$", re.I
)
_AT = re.compile(r"^(?:at|@)\s+(?P<company>.+)$", re.I)
_FOR = re.compile(r"^(?:for|as)\s+(?:(?:the|a|an)\s+)?(?P<role>.+)$", re.I)
_COMPANY_FOR = re.compile(
    r"^(?P<company>.+?)\s+(?:for|as)\s+(?:(?:the|a|an)\s+)?(?P<role>.+)$", re.I
)
_ROLE_WORDS = _vocabulary(
    """
    analyst engineer developer manager designer lead scientist intern director assistant
    associate specialist coordinator consultant architect administrator admin officer
    representative rep accountant nurse teacher writer editor recruiter programmer
    technician head vp executive clerk teller cashier chef cook driver agent advisor adviser
    counsel attorney lawyer paralegal qa sre devops tester researcher professor lecturer
    pharmacist therapist mechanic electrician operator supervisor president cto ceo cfo coo
    junior senior jr sr staff principal trainee apprentice fellow internship owner
    strategist planner marketer salesperson bookkeeper auditor controller secretary
    receptionist barista server technologist steward physician doctor dentist
    """
)


_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "mt", "inc"})


def _split_clauses(text: str) -> list[str]:
    """Strong separators: ';', '|', ' - ', ' / ', new lines and sentence ends (not "Dr. ")."""
    clauses: list[str] = []
    for chunk in re.split(r"\s*(?:[;|\n]|\s-+\s|\s/\s)\s*", text):
        start = 0
        for match in re.finditer(r"\.\s+(?=[A-Z])", chunk):
            before = chunk[start : match.start()].split()
            last = before[-1].lower() if before else ""
            if (len(last) == 1 and last.isalpha()) or last in _ABBREVIATIONS:
                continue
            clauses.append(chunk[start : match.start()])
            start = match.end()
        clauses.append(chunk[start:])
    return [c.strip() for c in clauses if c.strip()]


def _cut_phone(text: str) -> tuple[str, str | None]:
    for pattern in (_PHONE_LABELLED, _PHONE_BARE):
        for match in pattern.finditer(text):
            number = match.group("number").strip()
            if 7 <= sum(c.isdigit() for c in number) <= 15:
                return text[: match.start()] + " " + text[match.end() :], number
    return text, None


def _looks_like_people(piece: str) -> bool:
    """Whether a comma piece after "with X" continues the list of people."""
    piece = _trim(piece)
    if not piece or any(c.isdigit() for c in re.sub(_EMAIL, "", piece)) or len(piece.split()) > 10:
        return False
    first = _PEOPLE_LEAD.sub("", piece)[:1]
    return first.isupper() or _title_like(piece) or bool(_EMAIL.search(piece)) or _is_suffix(piece)


def _cut_people_tail(people: str, found: _Found) -> str:
    """ "Jane Smith at Initech for the QA role": the place and the role are not part of the name."""
    tail = _PEOPLE_TAIL.search(people)
    if tail is None:
        return people
    found.residue.append(people[tail.start() :])
    return people[: tail.start()]


def _read_piece(piece: str, found: _Found, in_people: bool) -> bool:
    """Place one comma piece; returns whether a list of people is still running after it."""
    promise = _PROMISE_START.search(piece)
    if promise:
        found.promises.append(piece[promise.start() :])
        piece = piece[: promise.start()]
    found.context.append(piece)
    piece, groups = _cut_dates(piece)
    found.dates.extend(groups)
    piece = _cut_keywords(piece, found)
    with_match = _WITH.search(piece)
    if with_match:
        found.residue.append(piece[: with_match.start()])
        found.people.append(_cut_people_tail(piece[with_match.end() :], found))
        return promise is None
    if in_people and _trim(piece) and _looks_like_people(piece):
        found.people[-1] += ", " + _cut_people_tail(piece, found)
        return promise is None
    found.residue.append(piece)
    return in_people and not _trim(piece) and promise is None


def _tidy(piece: str) -> str:
    piece = _FILLER_WORDS.sub(" ", piece)
    piece = re.sub(r"\s+", " ", piece).strip()
    piece = _trim(_LEADING_FILLER.sub("", _trim(piece)))
    # A label whose value went elsewhere ("when: today 2pm") leaves only the label behind.
    return "" if piece.lower() in ("when", "date", "time", "who", "where", "stage") else piece


def _role_like(text: str) -> bool:
    return any(w in _ROLE_WORDS for w in _words(text))


def _company_and_role(
    residue: Iterable[str], found: _Found
) -> tuple[str | None, str | None, list[str]]:
    """Company and role from what is left of the line, plus the pieces that are neither."""
    company: str | None = None
    role: str | None = None
    plain: list[str] = []
    for raw in residue:
        piece = _tidy(raw)
        if not piece:
            continue
        piece = _cut_keywords_inside_parentheses(piece, found)
        if not piece:
            continue
        if len(piece) > _MAX_FIELD:
            found.unclear.append(piece)
            continue
        label = _LABELS.match(piece)
        match = _AT_FOR.match(piece) or _ROLE_AT.match(piece)
        if label and label.group("company") and company is None:
            company = _trim(label.group("value"))
        elif label and label.group("role") and role is None:
            role = _trim(label.group("value"))
        elif match and company is None and role is None:
            company, role = _trim(match.group("company")), _trim(match.group("role"))
        elif (m := _AT.match(piece)) and company is None:
            company = _trim(m.group("company"))
        elif (m := _FOR.match(piece)) and role is None:
            role = _trim(m.group("role"))
        elif (m := _COMPANY_FOR.match(piece)) and company is None and role is None:
            company, role = _trim(m.group("company")), _trim(m.group("role"))
        else:
            plain.append(piece)
    if company is None and role is None and len(plain) >= 2:
        first, second = plain[0], plain[1]
        if _role_like(first) and not _role_like(second):
            first, second = second, first
        company, role = first, second
        plain = plain[2:]
    elif company is None and role is None and plain:
        if _role_like(plain[0]):
            role = plain.pop(0)
        else:
            company = plain.pop(0)
    elif company is None and plain:
        company = plain.pop(0)
    elif role is None and plain:
        role = plain.pop(0)
    if role:
        role = _TRAILING_ROLE.sub("", role) or role
    return company or None, role or None, plain


def _cut_keywords_inside_parentheses(piece: str, found: _Found) -> str:
    """ "Acme (startup)": a parenthesis that is only a culture or channel note is taken as one."""

    def inner(match: re.Match[str]) -> str:
        rest = _trim(_cut_keywords(match.group(1), found))
        return f"({rest})" if rest else " "

    return _trim(re.sub(r"\s+", " ", re.sub(r"\(([^()]*)\)", inner, piece)))


def _stage(stages: list[str]) -> str | None:
    # "Final round on Zoom" is about the step in the process more than the medium.
    if "final" in stages:
        return "final"
    return stages[0] if stages else None


def _finish_unclear(fragments: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for fragment in fragments:
        short = _short(fragment)
        if short and short.casefold() not in (s.casefold() for s in seen):
            seen.append(short)
    return tuple(seen[:_MAX_UNCLEAR])


def parse_interview(text: str, now: datetime, tz: ZoneInfo) -> ParsedInterview:
    """Read one free-text `add` line: company, role, when, who, what they promised, and more.

    Separators may be ',', ';', '|', ' - ' or sentence ends; "role at Company" and "interview
    with X on Tuesday at 3pm" work too. The interview date follows `parse_when_detail`; promise
    dates count from the interview day. Anything not placed is returned in `unclear`. Only the
    first 2,000 characters are read. Never raises.
    """
    try:
        return _parse_interview(text, now, tz)
    except Exception:  # a parser must never turn a user's words into a traceback
        cleaned, _ = _clean(text, _MAX_FRAGMENT)
        return ParsedInterview(unclear=_finish_unclear([cleaned]))


def _parse_interview(text: str, now: datetime, tz: ZoneInfo) -> ParsedInterview:
    cleaned, rest = _clean(text, _MAX_LINE)
    found = _Found()
    cleaned, found.phone = _cut_phone(cleaned)
    budget = _MAX_PIECES
    for clause in _split_clauses(cleaned):
        in_people = False
        for piece in _split_top(clause, ","):
            budget -= 1
            if len(piece) > _MAX_PIECE or budget < 0:
                found.unclear.append(piece)
                continue
            in_people = _read_piece(piece, found, in_people)
    company, role, leftovers = _company_and_role(found.residue, found)
    if found.culture is None and company and _COMPANY_CULTURE.search(company):
        found.culture = Culture.TRADITIONAL

    for index, leftover in enumerate(leftovers):
        # "Acme / analyst / Monday 3pm / Jane Smith": names need no "with" once the rest is placed.
        maybe = index < _MAX_PEOPLE and _looks_like_people(leftover)
        people, bits = _people(leftover) if maybe else ((), [])
        if people and not bits:
            found.people.append(leftover)
        else:
            found.unclear.append(leftover)

    interviewers: list[Interviewer] = []
    for chunk in found.people:
        people, bits = _people(chunk)
        found.unclear.extend(bits)
        interviewers.extend(
            p for p in people if all(p.name.casefold() != q.name.casefold() for q in interviewers)
        )

    past = bool(_PAST_TENSE.search(" ".join(found.context)))
    starts_at, time_given = _when(found.dates, now, tz, past)
    if starts_at is None and found.dates:
        found.unclear.extend(" ".join(t.text for t in g) for g in found.dates)

    promise = None
    base = starts_at.date() if starts_at else _local_now(now, tz).date()
    for phrase in found.promises:
        if _NO_PROMISE.search(phrase):
            continue
        promise = promise or parse_promise(phrase, base, now, tz)
        if promise is None:
            found.unclear.append(phrase)

    if rest:
        found.unclear.append(f"{rest[:40]}…")  # the user should know the tail was not read
    return ParsedInterview(
        company=company,
        role=role,
        starts_at=starts_at,
        time_given=time_given or starts_at is None,
        interviewers=tuple(interviewers[:_MAX_PEOPLE]),
        promise=promise,
        culture=found.culture,
        channel=found.channel,
        stage=_stage(found.stages),
        phone=found.phone,
        unclear=_finish_unclear(found.unclear),
    )


# --------------------------------------------------------------------------- settings answers

_DURATION_UNITS = {
    "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
    "d": 1440, "day": 1440, "days": 1440,
    "w": 10080, "wk": 10080, "wks": 10080, "week": 10080, "weeks": 10080,
    "mo": 43200, "month": 43200, "months": 43200,
}  # fmt: skip
_DURATION_PART = re.compile(
    rf"(?P<number>(?<![\d.])\d{{1,6}}(?:\.\d{{1,3}})?|\b(?:{_NUMWORD}|half\s+an?)\b)\s*"
    r"(?P<unit>minutes|minute|mins|min|months|month|mo|hours|hour|hrs|hr|h|days|day|d|weeks|week"
    r"|wks|wk|w|m)(?![a-z])",
    re.I,
)


def parse_duration(text: str) -> timedelta | None:
    """A snooze or delay: "2h", "30m", "1h30m", "3d", "1w", "an hour", "90 minutes".

    "m" is minutes, a month is 30 days. None for anything else, zero, or more than a year.
    """
    try:
        cleaned, _ = _clean(text, 100)
        cleaned = re.sub(
            r"^(?:for|in|snooze)\s+|\s+(?:from\s+now|later)$", "", cleaned.lower()
        ).strip(" .")
        position, minutes = 0, 0.0
        for match in _DURATION_PART.finditer(cleaned):
            if cleaned[position : match.start()].strip(" ,") not in ("", "and"):
                return None
            number = re.sub(r"\s+", " ", match.group("number"))
            value = 0.5 if number.startswith("half") else _NUMBERS.get(number)
            unit = _DURATION_UNITS[match.group("unit")]
            minutes += (float(number) if value is None else value) * unit
            position = match.end()
        if position == 0 or cleaned[position:].strip(" ,."):
            return None
        span = timedelta(minutes=round(minutes))
        return span if timedelta(0) < span <= timedelta(days=365) else None
    except Exception:  # a parser must never turn a user's words into a traceback
        return None


_ZONE_ALIASES = {
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "eastern": "America/New_York", "us eastern": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "central": "America/Chicago", "us central": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "mountain": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "us pacific": "America/Los_Angeles",
    "akst": "America/Anchorage", "alaska": "America/Anchorage",
    "hst": "Pacific/Honolulu", "hawaii": "Pacific/Honolulu",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "central european": "Europe/Berlin",
    "eet": "Europe/Athens", "eest": "Europe/Athens", "wet": "Europe/Lisbon",
    "uk": "Europe/London", "bst": "Europe/London", "gmt": "Europe/London",
    "britain": "Europe/London", "england": "Europe/London",
    "ist": "Asia/Kolkata", "india": "Asia/Kolkata", "jst": "Asia/Tokyo", "japan": "Asia/Tokyo",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "nz": "Pacific/Auckland",
    "utc": "UTC", "z": "UTC", "zulu": "UTC", "sf": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles", "nyc": "America/New_York",
    "washington dc": "America/New_York", "dc": "America/New_York", "boston": "America/New_York",
    "seattle": "America/Los_Angeles", "munich": "Europe/Berlin", "bangalore": "Asia/Kolkata",
}  # fmt: skip
_ZONE_AREAS = ("America", "Europe", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian")


def _fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces: "São_Paulo" -> "sao paulo"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s_-]+", " ", text).strip()


@lru_cache(maxsize=1)
def _zone_index() -> tuple[dict[str, str], dict[str, str]]:
    zones = available_timezones()
    exact = {z.lower(): z for z in zones}

    def preference(zone: str) -> tuple[int, str]:
        area = zone.split("/", 1)[0]
        return (_ZONE_AREAS.index(area) if area in _ZONE_AREAS and "/" in zone else 99, zone)

    cities: dict[str, str] = {}
    for zone in sorted(zones, key=preference):
        cities.setdefault(_fold(zone.rsplit("/", 1)[-1]), zone)
    return exact, cities


def parse_zone(text: str) -> str | None:
    """An IANA zone name from what people type: "Europe/Berlin", "EST", "Pacific", "new york".

    Common abbreviations and regions map to a representative city (so DST is right), and a
    city that ends an IANA name finds that zone. None if nothing matches.
    """
    try:
        cleaned, _ = _clean(text, 100)
        key = re.sub(r"\s*\((?:us|usa)\)\s*$", "", cleaned.strip().lower())
        key = re.sub(r"\s+(?:standard\s+|daylight\s+)?(?:time(?:\s*zone)?|timezone|tz)$", "", key)
        exact, cities = _zone_index()
        folded = _fold(key)
        if not folded:
            return None
        if folded in _ZONE_ALIASES:
            return _ZONE_ALIASES[folded]
        if key.replace(" ", "_") in exact:
            return exact[key.replace(" ", "_")]
        return cities.get(folded)
    except Exception:  # a parser must never turn a user's words into a traceback
        return None


_CLOCK = re.compile(
    rf"^(?:(?P<word>noon|midday|midnight)|(?P<hour>\d{{1,2}})(?:[:.h](?P<minute>\d{{2}}))?h?\s*"
    rf"(?P<meridiem>{_MERIDIEM})?)$",
    re.I,
)


def _clock(text: str) -> tuple[int, int, bool] | None:
    """(hour, minute, had am/pm) for one side of a range; quiet hours are plain clock times."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    if match.group("word"):
        return (0 if match.group("word").lower() == "midnight" else 12), 0, True
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    meridiem = (match.group("meridiem") or "").lower().replace(".", "").replace(" ", "")
    if minute > 59 or hour > 24 or (meridiem and not 1 <= hour <= 12):
        return None
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    return hour % 24, minute, bool(meridiem)


def parse_clock_range(text: str) -> tuple[time, time] | None:
    """Quiet hours such as "21:00-08:00", "9pm-7am", "22-7" or "from 10pm to 6:30am".

    Without am/pm the clock is 24-hour, except that a small start after a smaller end ("9-7")
    is read as evening to morning. None if it is not a range or starts where it ends.
    """
    try:
        cleaned, _ = _clean(text, 100)
        cleaned = re.sub(r"^(?:from|between)\s+", "", cleaned.lower()).strip(" .")
        sides = re.split(r"\s*(?:-|to|until|till|through|and)\s*", cleaned, maxsplit=1)
        if len(sides) != 2:
            return None
        start, end = _clock(sides[0]), _clock(sides[1])
        if start is None or end is None:
            return None
        start_hour = start[0]
        if (
            not start[2]
            and not end[2]
            and 0 < start_hour <= 12
            and end[0] <= 12
            and start_hour > end[0]
        ):
            start_hour = (start_hour + 12) % 24
        first, second = time(start_hour, start[1]), time(end[0], end[1])
        return (first, second) if first != second else None
    except Exception:  # a parser must never turn a user's words into a traceback
        return None
