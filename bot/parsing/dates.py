"""Dates and times in what people type ("tomorrow 2pm", "Dec 3"), read with dateparser."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.parsing.cleaning import (
    _DEFAULT_HOUR,
    _EARLIEST,
    _HORIZON,
    _MAX_ANSWER,
    _MAX_DATE_TOKENS,
    _MAX_PIECE,
    _PART_OF_DAY,
    _clean,
)

if TYPE_CHECKING:
    from dateparser.conf import Settings


_MONTH = (
    r"january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
    r"september|sept|sep|october|oct|november|nov|december|dec"
)
#: A month's name, whole or cut short, as a whole word: never the start of "maybe 45" or
#: "marketing 12", which "may…" or "mar…" followed by any letters would take for dates.
MONTH = rf"(?:{_MONTH})\b"
_WEEKDAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|weds|"
    # "wed 25", "wed the 25th", "thu nov 26": a short day before its date
    r"(?:mon|tue|wed|thu|fri|sat|sun)\.?(?=,?\s+(?:\d|the\s+\d|(?:" + _MONTH + r")\b))|fri|"
    # "by wed", "until thu": a short day after a word that only a day can follow
    r"(?:(?<=\bby\s)|(?<=\bon\s)|(?<=\buntil\s)|(?<=\btil\s)|(?<=\btill\s)|(?<=\bthis\s)|"
    r"(?<=\bnext\s)|(?<=\blast\s)|(?<=\bbefore\s)|(?<=\bback\s)|"
    # "decision by COB wed", "EOD thu": the day whose close is meant
    r"(?<=\bcob\s)|(?<=\beod\s)|(?<=\bbusiness\s))(?:mon|tue|wed|thu|sat|sun)\b"
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
  | (?P<dotted>(?<!\bat\s)(?<![\d.:])\b(?:(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.
        (?P<dotted_year>\d{{4}})?
        # "by 30.11": no clock has a 30th hour, so the day needs no closing dot
        |(?:2[4-9]|3[01])\.(?:0?[1-9]|1[0-2])(?![.:]))(?!\d))
  | (?P<dom>(?:\bthe\s+|(?<=day\s)|(?<=\b(?:mon|tue|wed|thu|fri|sat|sun)\s)|(?<=\bon\s)|(?<=\bby\s))
        \d{{1,2}}(?:st|nd|rd|th)\b
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
_DATE_KINDS = ("iso", "md", "dm", "slash", "dotted", "dom", "rel", "ago", "span", "wd")
DATE_KINDS = frozenset(_DATE_KINDS)
_TIME_KINDS = ("trange", "time", "bare")
# The more a token pins down a calendar day, the more it is trusted when tokens disagree.
_SPECIFICITY = {"iso": 0, "md": 1, "dm": 1, "dotted": 1, "slash": 2, "dom": 2, "rel": 3,
                "ago": 3, "span": 3, "wd": 4}
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
    if kind == "dotted":  # "4.12." or "4.12.2026", day first as everywhere it is written
        day, month = raw.split(".")[:2]
        year = match.group("dotted_year") or ""
        return f"{calendar.month_name[int(month)].lower()} {int(day)} {year}".strip()
    if kind == "dom":  # the month is chosen later (`_month_day`); January has every day
        return f"january {_day_of_month(raw)}"
    return raw


def _day_of_month(text: str) -> int:
    """The number in "the 15th"."""
    return int(re.sub(r"\D", "", text))


def _month_day(day: int, today: date, past: bool, skip_short: bool = True) -> date | None:
    """ "The 15th": this month's if it is still ahead (or today), else next month's; in the
    past tense, the latest one not after today. A month without that day is skipped, or,
    with `skip_short` False, makes the day unreadable ("by the 31st" said in November)."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:
            if not skip_short:
                return None
            found = None
        if found is not None and (found <= today if past else found >= today):
            return found
        month += -1 if past else 1
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    return None


def find_dates(text: str) -> list[_Token]:
    """The date and time phrases of `text`, in order, where the text has them."""
    return _find_dates(text)


def _find_dates(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _DATE_TOKEN.finditer(text):
        kind = match.lastgroup or ""
        if kind not in _DATE_KINDS and kind not in _TIME_KINDS and kind != "part":
            # lastgroup names the innermost closed group; find the outer alternative instead.
            kind = next(k for k in (*_DATE_KINDS, *_TIME_KINDS, "part") if match.group(k))
        year_group = {"md": "md_year", "dm": "dm_year", "slash": "slash_year",
                      "dotted": "dotted_year"}.get(kind)
        tokens.append(
            _Token(
                kind=kind,
                text=match.group(0),
                query=_token_query(kind, match),
                start=match.start(),
                end=match.end(),
                # "this coming Monday" is the next one, never today: read as a bare weekday
                modifier=(match.group("wd_mod") or "").lower().replace("coming", "")
                if kind == "wd" else "",
                has_year=not year_group or bool(match.group(year_group)),
            )
        )
        if len(tokens) >= _MAX_DATE_TOKENS:
            break
    return tokens


_ISO_T = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2})t(\d{1,2}:\d{2})(?::\d{2})?\b", re.I)


#: "@ 1400", "at 0930 hrs": a 24-hour clock without its colon, only after "at" or "@".
_MILITARY = re.compile(r"(?P<lead>(?:\bat|@)\s*)(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)"
                       r"(?:\s*(?:h|hrs|hours)\b)?(?![\d/:.])", re.I)


#: "0800 tomorrow", "1400 hrs": one with a leading zero or its "hrs" needs no "at" (never
#: a phone number's first digits: "0800 123 456").
_MILITARY_BARE = re.compile(r"\b(?:(?P<zh>0\d)(?P<zm>[0-5]\d)(?:\s*(?:h|hrs|hours)\b)?|"
                            r"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:h|hrs|hours)\b)"
                            r"(?![\d/:.])(?!\s*[\d(+-])", re.I)


#: "930 am", "at 1030am": a clock typed without its colon, its am or pm after it.
_NO_COLON_MERIDIEM = re.compile(r"(?<![\d:.])\b(?P<h>[1-9]|1[0-2])(?P<m>[0-5]\d)\s*"
                                r"(?P<half>[ap]\.?m\b\.?)", re.I)


def military_time(text: str) -> str:
    """`text` with "@ 1400" written "@ 14:00", and "930 am" "9:30 am", which every reader
    of times knows."""
    text = _NO_COLON_MERIDIEM.sub(lambda m: f"{m['h']}:{m['m']} {m['half']}", text)
    text = _MILITARY.sub(lambda m: f"{m.group('lead')}{m.group('h')}:{m.group('m')}", text)
    return _MILITARY_BARE.sub(lambda m: f"{m['zh'] or m['h']}:{m['zm'] or m['m']}", text)


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
#: "on the fourth", "by the twenty-first", "Tuesday the first": a day of the month in words,
#: only after a word that puts a day next ("the second round" is no date).
_ORDINAL_DAY = re.compile(
    r"(?P<lead>\b(?:on|by|until|till|til|before|from|for|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day)\s+)the\s+(?:(?P<tens>twenty|thirty)[\s-])?"
    r"(?P<unit>" + "|".join(_ORDINAL_WORDS) + r")\b"
    r"(?!\s+(?:one|interview|round|stage|time|call|person|guy|lady|floor|place|step|week)\b)",
    re.I)


def ordinal_days(text: str) -> str:
    """`text` with a day of the month said in words written in digits ("on the 4th")."""
    def digits(match: re.Match[str]) -> str:
        day = _ORDINAL_WORDS[match.group("unit").lower()]
        tens = (match.group("tens") or "").lower()
        day += {"twenty": 20, "thirty": 30}.get(tens, 0) if day < 10 else 0
        return f"{match.group('lead')}the {day}{_SUFFIX.get(day, 'th')}"

    return _ORDINAL_DAY.sub(digits, text)


def _cut_dates(text: str) -> tuple[str, list[list[_Token]]]:
    """Remove date/time phrases from `text`; return what is left and the phrases as groups."""
    text = military_time(ordinal_days(_ISO_T.sub(r"\1 \2", text)))  # ISO's "2026-12-02T09:00"
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
    """One dateparser call, never raising: its failures mean "not understood". The
    commonest words ("yesterday 2pm", "today 14:00", "tomorrow") are read here as
    dateparser reads them (a test holds the two together), at a fraction of its cost."""
    simple = near_day(query, relative_base)
    if simple is not None:
        return simple
    from dateparser import parse

    try:
        result = parse(query[:_MAX_PIECE], languages=["en"], settings=_settings(relative_base))
    except Exception:  # dateparser raises assorted errors on odd input; none is the user's fault
        return None
    return result if isinstance(result, datetime) else None


_NEAR_DAY = re.compile(r"(?P<day>today|yesterday|tomorrow)(?:\s+(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?"
                       r"\s*(?P<ampm>[ap]m)?)?", re.I)
_NEAR_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1}


def near_day(query: str, relative_base: datetime) -> datetime | None:
    """"yesterday 2pm", "today 14:00", "tomorrow": the day next to `relative_base`, at the
    clock said (else at the base's own time, as dateparser gives it); None for anything
    else, or a clock that is no clock ("today 13pm")."""
    found = _NEAR_DAY.fullmatch(query.strip())
    if found is None:
        return None
    day = relative_base + timedelta(days=_NEAR_OFFSET[found.group("day").lower()])
    if found.group("h") is None:
        return day
    hour, minute = int(found.group("h")), int(found.group("m") or 0)
    ampm = (found.group("ampm") or "").lower()
    no_clock = not 1 <= hour <= 12 if ampm else hour > 23 or found.group("m") is None
    if no_clock:
        return None  # "13pm", "today 7" (a bare hour is left to dateparser)
    if ampm:
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


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
    if time_token and any("morning" in t.text.lower() for t in tokens) and \
            re.fullmatch(r"\d{1,2}(?::\d\d)?", time_token.text.strip()):
        clock = [f"{time_token.text.strip()} am"]  # "this morning at 7": not 7 in the evening
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
        said = {w for t in date_tokens if (w := _weekday_named(t)) is not None}
        if found is not None and said and found.weekday() not in said:
            # "Thursday the 19th", said on the 23rd: the 19th that was a Thursday
            other = _month_day(_day_of_month(chosen.text), local_now.date(), not past)
            found = other if other is not None and other.weekday() in said else found
        if found is None:
            return None, False
        day = found
    elif chosen is not None and not chosen.has_year:
        nearest = _nearest_year(day, local_now.date())
        if nearest is None:
            return None, False
        day = nearest
    if _weekday_disagrees(date_tokens, chosen, day):
        return None, False  # "Tuesday the 25th" when the 25th is a Wednesday: asked
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


#: The weekdays in Python's order (Monday is 0).
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_of(token: _Token) -> int | None:
    """The weekday a bare weekday token names (0 = Monday), or None for any other."""
    if token.kind != "wd" or token.modifier:
        return None
    name = token.query.split()[-1]
    return DAY_NAMES.index(name) if name in DAY_NAMES else None


def _weekday_named(token: _Token) -> int | None:
    """The weekday a weekday token names, "this" or "next" before it or not ("this thurs the
    19th" names a Thursday as surely as "Thursday the 19th")."""
    if token.kind != "wd":
        return None
    name = token.query.split()[-1]
    return DAY_NAMES.index(name) if name in DAY_NAMES else None


def _weekday_disagrees(tokens: list[_Token], chosen: _Token | None, day: date) -> bool:
    """A weekday said beside a date (`day`, as read) that falls on another day ("Tuesday
    the 25th")."""
    if chosen is None or chosen.kind == "wd":
        return False
    said = [w for t in tokens if (w := _weekday_named(t)) is not None]
    return bool(said) and day.weekday() not in said


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


# --- hours said in words -----------------------------------------------------------------
HOUR_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve")
#: British "half ten", "half past 2": half an hour after the hour named.
_HALF_HOUR = re.compile(r"\bhalf\s+(?:past\s+)?(\w+)\b", re.I)


def hour_said(word: str) -> int | None:
    """The hour a word or number names ("ten", "10"), 1 to 12; None for any other word."""
    word = word.lower()
    hour = int(word) if word.isdigit() else (
        HOUR_NAMES.index(word) + 1 if word in HOUR_NAMES else None)
    return hour if hour is not None and 1 <= hour <= 12 else None


def half_past(text: str, *, office_hours: bool = False) -> str:
    """`text` with "half ten" written as 10:30 and "at three fifteen" as 3:15; with
    `office_hours`, 1 to 7 is the afternoon ("half two" for an interview is 2:30pm)."""
    def half(found: re.Match[str]) -> str:
        hour = hour_said(found.group(1))
        if hour is None:
            return found.group(0)
        return f"{hour}:30{('pm' if hour <= 7 else 'am') if office_hours else ''}"

    def spoken(found: re.Match[str]) -> str:
        hour = hour_said(found.group("hour"))
        minutes = _MINUTE_WORDS[re.sub(r"[\s-]+", " ", found.group("minutes").lower())]
        if hour is None:
            return found.group(0)
        meridiem = ("pm" if hour <= 7 else "am") if office_hours and not found.group("ap") else ""
        return f"{found.group('lead')}{hour}:{minutes:02d}{meridiem}{found.group('ap') or ''}"

    text = dotted_clock(text)
    return _SPOKEN_CLOCK.sub(spoken, _HALF_HOUR.sub(half, quarter_hours(text, office_hours)))


#: "at 9.15", "@ 14.30": a clock written with a dot, after a word that puts a time next
#: ("by 12.11" may be a date, so only these).
def part_of_today(text: str) -> time | None:
    """The hour "this morning", "this afternoon" or "this evening" stands for, when an
    interview's day is told that way: time enough to plan on (a snooze asks instead)."""
    said = _THIS_PART.search(text)
    return None if said is None else _PART_OF_DAY[said.group(1).lower()]


_THIS_PART = re.compile(r"\bthis\s+(morning|afternoon|evening)\b", re.I)


def hour_of_part(text: str) -> str:
    """`text` with an hour given its part of the day written with am or pm: "8 this
    morning" is 8:00am, "3 in the afternoon tomorrow" 3:00pm, "10 in the am" 10:00am,
    "10.30 tomorrow morning" 10:30am."""
    def said(match: re.Match[str]) -> str:
        part = (match["part"] or match["inpart"] or "").lower().replace(".", "")
        half = "am" if part in ("morning", "am") else "pm"
        return f"{match['hour']}:{match['minute'] or '00'}{half} "

    return _HOUR_THEN_PART.sub(said, text)


_HOUR_THEN_PART = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s+"
    r"(?:(?=(?:this|tomorrow|today)\s+(?P<part>morning|afternoon|evening)\b)|(?=tonight\b)|"
    r"in\s+the\s+(?P<inpart>a\.?m\b\.?|p\.?m\b\.?|morning\b|afternoon\b|evening\b)\s*)",
    re.I)


def dotted_clock(text: str) -> str:
    """`text` with "at 9.15" and "this morning 9.30" written as 9:15 and 9:30."""
    return _DOTTED_CLOCK.sub(r"\g<lead>\g<h>:\g<m>", text)


_DOTTED_CLOCK = re.compile(r"(?P<lead>(?:\b(?:at|around|morning|afternoon|evening|tonight)|@)\s*)"
                           r"(?P<h>[01]?\d|2[0-3])\."
                           r"(?P<m>[0-5]\d)\b(?![.\d])", re.I)


_QUARTER = re.compile(r"(?:\bat\s+)?\bquarter\s+(past|after|to|till|of)\s+(?P<hour>"
                      + "|".join(HOUR_NAMES) + r"|\d{1,2})\b(?!:)", re.I)


def quarter_hours(text: str, office_hours: bool = False) -> str:
    """`text` with "quarter past two" written as at 2:15 and "quarter to ten" as at 9:45;
    with `office_hours`, 1 to 7 is the afternoon."""
    def quarter(match: re.Match[str]) -> str:
        hour = hour_said(match.group("hour"))
        if hour is None or not 1 <= hour <= 12:
            return match.group(0)
        past = match.group(1).lower() in ("past", "after")
        hour, minute = (hour, 15) if past else ((hour - 2) % 12 + 1, 45)
        meridiem = ("pm" if 1 <= hour <= 7 else "am") if office_hours else ""
        return f"at {hour}:{minute:02d}{meridiem}"

    return _QUARTER.sub(quarter, text)


_MINUTE_WORDS = {"oh five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "forty": 40, "forty five": 45, "fifty": 50}
#: "at three fifteen", "ten forty-five am": a clock said in words, only after "at" or
#: before am/pm, so "two thirty-minute calls" stays words.
_SPOKEN_CLOCK = re.compile(
    r"(?P<lead>\b(?:at|@|around|by|from)\s+)(?P<hour>" + "|".join(HOUR_NAMES) + r")\s+"
    r"(?P<minutes>oh\s+five|forty[\s-]five|ten|fifteen|twenty|thirty|forty|fifty)\b(?!-)"
    r"(?:\s*(?P<ap>[ap]\.?m\b\.?))?", re.I)


#: The day words a slip is put right to: "tomorow", "wensday", "yesterdy".
_DAY_WORDS_SPELT = frozenset({"tomorrow", "yesterday", "tonight", "monday", "tuesday",
                              "wednesday", "thursday", "friday", "saturday", "sunday"})
_LONG_WORD = re.compile(r"\b[A-Za-z]{5,}\b")


def day_word_slips(text: str) -> str:
    """`text` with misspelt day words put right ("add Hooli, PM, tomorow 10am"), read as
    the coach reads any slip (`slip_of`): no English word, and one day word plainly meant."""
    from bot.parsing.english import slip_of  # the word list loads only for a line with a slip

    def fixed(match: re.Match[str]) -> str:
        lower = match.group(0).lower()
        if lower in _DAY_WORDS_SPELT or lower in _WEEKDAY_FULL:
            return match.group(0)
        return slip_of(lower, _DAY_WORDS_SPELT) or match.group(0)

    return _LONG_WORD.sub(fixed, text)


#: "Tuesday next week", "next week on Thursday": that weekday of the week after this one;
#: British "Tuesday week" ("Tues wk", "a week on Tuesday"): a week after the coming one.
_DAY_NEXT_WEEK = re.compile(
    rf"\b(?P<a>{_WEEKDAY})\s+(?:of\s+)?next\s+week\b"
    rf"|\bnext\s+week\s+(?:on\s+)?(?P<b>{_WEEKDAY})\b"
    # British: a week after the coming one ("Monday week" said on a Friday is 10 days on)
    rf"|\b(?P<c>{_WEEKDAY})\s+(?:week|wk)\b"
    rf"|\ba\s+week\s+(?:on|from)\s+(?P<d>{_WEEKDAY})\b"
    # "the Monday after next": as "Monday week"
    rf"|\b(?:the\s+)?(?P<e>{_WEEKDAY})\s+after\s+next\b",
    re.I)
#: British "a week tomorrow" ("tomorrow week", "a week from tomorrow"): eight days on.
_WEEK_TOMORROW = re.compile(r"\ba\s+week\s+(?:from\s+)?(?:tomorrow|tmrw)\b"
                            r"|\b(?:tomorrow|tmrw)\s+week\b", re.I)
_DAY_INDEX = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}
#: "Friday just gone": the last one.
_JUST_GONE = re.compile(rf"\b({_WEEKDAY})\s+just\s+gone\b", re.I)


def _week_on(match: re.Match[str], base: date) -> date:
    """The day a `_DAY_NEXT_WEEK` phrase names, counted from `base`."""
    said = next(match.group(g) for g in "abcde" if match.group(g)).lower()
    wanted = _DAY_INDEX[said[:2]]
    monday = base + timedelta(days=7 - base.weekday())
    if match.group("e"):  # that day in the week after next week
        return monday + timedelta(days=7 + wanted)
    if match.group("c") or match.group("d"):  # a week after the coming one (or today's)
        return base + timedelta(days=(wanted - base.weekday()) % 7 + 7)
    return monday + timedelta(days=wanted)


def next_week_days(text: str, base: date) -> str:
    """`text` with "Thursday next week" (or "Tuesday week") written as that date, and
    "Friday just gone" as the last Friday."""
    text = _JUST_GONE.sub(r"last \1", text)
    text = _WEEK_TOMORROW.sub((base + timedelta(days=8)).isoformat(), text)
    return _DAY_NEXT_WEEK.sub(lambda match: _week_on(match, base).isoformat(), text)


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
        cleaned = hour_of_part(next_week_days(day_word_slips(cleaned), _local_now(now, tz).date()))
        _, groups = _cut_dates(half_past(cleaned, office_hours=True))  # "half ten"
        return _when(groups, now, tz, bool(_PAST_TENSE.search(cleaned)))
    except Exception:  # a parser must never turn a user's words into a traceback
        return None, False


def names_a_day(text: str) -> bool:
    """Whether `text` names a day ("Dec 3", "Thursday", "tomorrow"), not only a time of day
    ("3pm"): a correction that gives only a time keeps the day it had."""
    try:
        cleaned, _ = _clean(text, _MAX_ANSWER)
        _, groups = _cut_dates(cleaned)
        return any(token.kind in _DATE_KINDS for group in groups for token in group)
    except Exception:  # a parser must never turn a user's words into a traceback
        return False


def parse_when(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The answer to "When was/is the interview?"; None if it names no date or time."""
    return parse_when_detail(text, now, tz)[0]


_UNTIL = re.compile(r"^(?:until|till|til|to|on|for)\s+", re.I)


#: A short day said alone after "until": the whole day.
_SHORT_DAYS = {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
               "sat": "saturday", "sun": "sunday"}


def parse_later(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    """A moment ahead, as in "snooze 1.3 until Monday", "… Dec 2 9am", "… 2026-12-02T09:00".

    Aware and strictly after `now`, or None. A date without a time is 09:00; a bare
    weekday that is today, said without a time, means next week's.
    """
    try:
        cleaned, _ = _clean(text, _MAX_ANSWER)
        cleaned = _UNTIL.sub("", cleaned.strip())
        cleaned = _SHORT_DAYS.get(cleaned.lower().rstrip("."), cleaned)  # "until wed"
        _, groups = _cut_dates(cleaned)
        moment, explicit = _when(groups, now, tz, past=False)
        if moment is None:
            return None
        weekday = any(t.kind == "wd" and not t.modifier for g in groups for t in g)
        if moment <= now and weekday and not explicit:
            moment = _localize(moment.replace(tzinfo=None) + timedelta(days=7), tz)
        return moment if moment > now else None
    except Exception:  # a parser must never turn a user's words into a traceback
        return None
