"""What the employer said about next steps: when they decide, or when to call."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.model import Promise, PromiseKind
from bot.parsing.cleaning import _MAX_ANSWER, _MAX_PIECE, _clean, _trim
from bot.parsing.dates import (
    _DATE_KINDS,
    _DAY_INDEX,
    _DAY_NEXT_WEEK,
    _NUMWORD,
    _SPECIFICITY,
    _WEEK_TOMORROW,
    _WEEKDAY,
    _cut_dates,
    _dateparse,
    _day_of_month,
    _in_range,
    _local_now,
    _month_day,
    _nearest_year,
    _Token,
    _week_on,
    weekday_of,
)
from bot.rules.holidays import country_for_zone, public_holidays

_NO_PROMISE = re.compile(
    r"\b(?:no\s+(?:promises?|timeline|time\s*frame|date|dates|word\s+on\s+timing|commitment)"
    r"|(?:nothing|none)\s+promised|(?:didn'?t|did\s+not|don'?t|do\s+not)\s+(?:say|know|give|mention)"
    r"|not\s+sure\s+when|no\s+idea\s+when)\b",
    re.I,
)
_THEY_CONTACT = re.compile(
    r"\b(?:they|he|she|we|recruiter|hr|team|company|office|manager)(?:'ll|'d|\s+will|\s+would|"
    r"\s+should|\s+are\s+going\s+to"
    # "she gon call me back", "dey go call me", "he's gonna ring me": a future said plainly
    r"|(?:'s|\s+is|'re|\s+are)?\s+(?:gonna|gon|go|goin\s+to|finna)"
    r"|\s+is\s+going\s+to|\s+promised\s+to|\s+said\s+they'?d|\s+said\s+they\s+will)?\s+"
    r"(?:(?:call|ring|bell|buzz|phone|telephone|email|text|contact|reach\s+out\s+to)\s+me\b|reach\s+out\b"
    # "they aim to reach out to all candidates": theirs, whatever they mean to do first
    r"|(?:aim|plan|hope|intend|expect|want)s?\s+to\s+(?:reach\s+out|contact|call|email|get\s+back)\b"
    # "he'll give us a bell by Friday": he calls; "give us a bell" alone is theirs to take
    r"|give\s+(?:me|us)\s+a\s+(?:call|ring|bell|buzz|shout|tinkle|phone))",
    re.I,
)
#: Their words quoted, to "you" ("I'll give you a call by Wednesday"), or someone named
#: who will contact "me" ("Jane's going to email me", "Dana will call me Tuesday").
_THEY_TO_YOU = re.compile(
    r"\b(?:i'?ll|i\s+will|we'?ll|we\s+will)\s+(?:give\s+you\s+a\s+(?:call|ring|bell|buzz)|"
    r"(?:call|ring|phone|email|e-mail|text|contact)\s+you)\b|"
    r"\b(?!i\b|you\b|to\b|please\b|pls\b|just\b|then\b|and\b|so\b)[a-z]+(?:(?:'s|\s+is)\s+"
    r"(?:going\s+to|gonna)|'ll|\s+will|\s+would|'d|\s+promised\s+to)"
    r"(?:\s+(?:totally|definitely|surely|probably|certainly|hopefully|actually|def))?"
    r"\s+(?:call|ring|bell|phone|telephone|email|text|contact)\s+me\b", re.I)
#: Their call to come, its "me" left out ("they'll call in 4 days", "she'll ring back"),
#: or said as under way ("she's phoning me friday").
_THEY_WILL_CALL = re.compile(
    r"\b(?:they|he|she|recruiter|hr|manager)(?:'ll|'d|\s+will|\s+would|\s+(?:are|is)\s+going\s+"
    r"to|\s+(?:are|is)\s+gonna|\s+promised\s+to)"
    # "they'll TOTALLY call me tomorrow": a word of how sure, between
    r"(?:\s+(?:totally|definitely|surely|probably|certainly|hopefully|actually|def))?"
    r"\s+(?:call|ring|phone|telephone|email|text)(?:\s+back)?\b"
    r"(?!\s+(?:them|her|him|us|you|the|their)\b)|"
    # "she's phoning me friday with details"
    r"\b(?:they|he|she)(?:'s|'re|\s+is|\s+are)\s+(?:calling|phoning|ringing|emailing|texting)\s+me\b",
    re.I)
_YOU_CONTACT = re.compile(
    r"\b(?:(?:call|ring|phone|telephone|email|ping|contact)\s+(?:me|her|him|them|us|she|he)\b"
    r"|give\s+(?:them|her|him|us)\s+a\s+(?:call|ring|bell|buzz|jingle|shout|holler)\b"
    # "follow up", but not "their follow-up email": someone else's message
    r"|(?<!her\s)(?<!his\s)(?<!their\s)follow(?:\s|-)?up(?!\s+(?:e-?mail|message|note|letter|"
    r"text)\b)"
    r"|check\s+(?:in|back)|reach\s+out|i(?:'ll|\s+will|\s+should|\s+can|\s+may)\s+call"
    r"|(?:wants?|asked|told)\s+me\s+to\s+\W*circle\s+back"
    # "they asked me to call on Monday the 30th"
    r"|(?:asked|told|want(?:s|ed)?)\s+me\s+to\s+(?:call|ring|phone|telephone|contact)\b"
    r"|^\s*(?:to\s+)?(?:call|ring|phone)\s+(?:them\s+|her\s+|him\s+)?back\b"
    r"|^\s*(?:call|ring|phone)\s+(?:on|by|next|this|in|tomorrow|mon|tue|wed|thu|fri|jan|feb|"
    r"mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b|^\s*(?:call|ring|phone)\s+\d)",
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
    r"|\s+expect|\s+plan|\s+hope|\s+aim|\s+are\s+going\s+to|\s+wants?|\s+asked\s+me\s+to)\b"
    r"|said\b|told\s+me\b|promised\b|(?:be\s+)?in\s+touch\s+(?=within|by|on|in|next|before|"
    r"this|after|end)|will\s+(?:let|decide|get|call|email|be\s+in\s+touch|reach|contact"
    r"|hear)\b|let\s+me\s+know\b|hear\s+back\b|get\s+back\b|decide\b|decision\b"
    r"|(?:call|ring|phone|email|ping|contact)\s+(?:me|her|him|them|us)\b"
    r"|follow(?:\s|-)?up\s+(?=in\b|on\b|by\b|within\b|after\b|next\b|end\b|this\b|tomorrow\b)"
    r"|check\s+(?:in|back)\s+(?=in\b|on\b|by\b|within\b|after\b|next\b)|expect\s+to\s+hear\b|should\s+hear\b)",
    re.I,
)
_PROMISE_LEAD = re.compile(
    r"^(?:(?:and|but|also|so|then|plus)\b\s*)*(?:(?:said|told\s+me)(?:\s+(?:that|to))?\b\s*)?", re.I
)
_END_OF = re.compile(
    r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<wnext>next\s+)?week|eow"
    r"|(?P<later>later\s+this|this)\s+week"
    r"|(?P<nw>(?P<early>early\s+)?next\s+week)(?!\s*(?:on\s+)?(?:" + _WEEKDAY + r"))"
    r"|(?:the\s+)?end\s+(?:of\s+)?(?:the\s+|this\s+)?(?P<mnext>next\s+)?month|eom"
    r"|end\s+of\s+(?:the\s+)?(?:day|play)|eod|close\s+of\s+business|cob)\b",
    re.I,
)


#: A kind given by its name, the way a command would: `call_on`, `decide_by`, `they_contact`.
_KIND_NAMED = re.compile(r"(?<![\w-])(?:(?P<you>(?:you_)?call_on)|(?:they_)?decide_by|"
                         r"they_contact)(?![\w-])", re.I)


def _promise_kind(text: str, default_kind: PromiseKind) -> PromiseKind:
    """Who moves next: "they'll call me" is theirs, "call her in 4 days" is the user's.
    Where clauses say both, the last one that holds a day says it ("Jane call me back
    about the salary, and she mention they decide until Tuesday 1 December")."""
    named = _KIND_NAMED.search(text)  # "promise 1 call_on 2026-11-30", as `help` spells it
    if named:
        return PromiseKind.YOU_CALL_ON if named.group("you") else PromiseKind.THEY_DECIDE_BY
    clauses = [c for c in _CLAUSES.split(text) if c.strip()]
    if len(clauses) > 1:
        dated = [c for c in clauses if _A_DAY_SAID.search(c) and _cued(c)]
        if dated:
            text = dated[-1]
    return _kind_of(text, default_kind)


def _cued(clause: str) -> bool:
    return any(p.search(clause) for p in (_THEY_CONTACT, _THEY_TO_YOU, _THEY_WILL_CALL,
                                          _YOU_CONTACT, _THEY_DECIDE))


#: Where a clause of a line ends: "…, and she mention …", "…; …", "…. …".
_CLAUSES = re.compile(r",\s*(?:and|but)\s+|;\s*|(?<=[a-z])\.\s+", re.I)
#: A day in a clause, by name, number or distance.
_A_DAY_SAID = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|week|month|"
                         r"fortnight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def _kind_of(text: str, default_kind: PromiseKind) -> PromiseKind:
    if _THEY_CONTACT.search(text) or _THEY_TO_YOU.search(text) or _THEY_WILL_CALL.search(text):
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
    if "month" in phrase or phrase == "eom":
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


_WEEK_AFTER = re.compile(r"\b(?:the\s+)?week\s+after\s+(?P<what>.{3,40})$", re.I)
#: "They said 2 weeks": a span with no "in" before it still counts from the interview.
_BARE_SPAN = re.compile(
    rf"(?<!\bin\s)(?<!\bwithin\s)(?<!\bafter\s)\b(?=(?:\d{{1,3}}|{_NUMWORD})\s+"
    r"(?:business\s+|working\s+)?(?:days?|weeks?)\b(?!\s+ago))",
    re.I,
)


#: "Within 4 working days": counted on business days, not on the calendar.
_WORKING_DAYS = re.compile(
    rf"\b(?:in|within|after)?\s*(?P<count>\d{{1,2}}|{_NUMWORD})\s+(?:more\s+|further\s+|extra\s+|"
    r"additional\s+|other\s+)?(?:business|working)\s+days?\b",
    re.I)
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "fifteen": 15, "twenty": 20}


def _working_days(match: re.Match[str], base: date, holidays: frozenset[date]) -> date | None:
    said = match.group("count").lower()
    count = int(said) if said.isdigit() else _NUMBER_WORDS.get(said)
    if count is None:
        return None
    day = base
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            count -= 1
    return day


_FORTNIGHT = re.compile(r"\b(?:a\s+)?fortnight'?s?\b", re.I)
#: "within 48 hours": whole days, said in hours.
_WHOLE_DAYS_IN_HOURS = re.compile(r"\b(24|48|72|96|120)\s*(?:hours|hrs|h)\b", re.I)
#: Said around Thanksgiving: "before Thanksgiving" is by its eve (three days off here; a
#: month off, "before Christmas" is a stretch of weeks, left to be asked), "the day after
#: Thanksgiving" its Friday.
_AROUND_THANKSGIVING = re.compile(r"\b(?:(?P<before>before)|(?:the\s+)?day\s+after)\s+"
                                  r"thanksgiving\b", re.I)


def _around_thanksgiving(match: re.Match[str], today: date) -> str:
    """The day `match` names around this year's Thanksgiving (the fourth Thursday of
    November), as a date; the words as said once it has gone by (next year's is no day
    anyone means)."""
    first = date(today.year, 11, 1)
    day = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if day <= today:
        return match.group(0)
    return f"by {day - timedelta(days=1)}" if match["before"] else f"{day + timedelta(days=1)}"


#: "call her back after the long weekend": the first working day after the next public
#: holiday's weekend.
_AFTER_LONG_WEEKEND = re.compile(r"\bafter\s+the\s+(?:long|holiday|bank\s+holiday|thanksgiving|"
                                 r"[\w'-]+\s+day)\s+weekend\b", re.I)


def _after_long_weekend(base: date, tz: ZoneInfo) -> date | None:
    """The first working day after the long weekend of the next public holiday within two
    weeks of `base` (Thursday's Thanksgiving: the Monday after; a Monday holiday: Tuesday)."""
    holidays = public_holidays(country_for_zone(tz.key), range(base.year, base.year + 2))
    holiday = next((base + timedelta(days=n) for n in range(15)
                    if base + timedelta(days=n) in holidays), None)
    if holiday is None:
        return None
    day = holiday + timedelta(days=7 - holiday.weekday() if holiday.weekday() >= 3 else 1)
    while day.weekday() >= 5 or day in holidays:
        day += timedelta(days=1)
    return day


#: "next Wednesday": said early in a week, the coming one or the one after.
_NEXT_WEEKDAY = re.compile(r"\bnext\s+(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|"
                           r"sun)(?:day)?\b", re.I)


#: "on Tuesday" alone, said on a Monday: tomorrow, most likely, but a next round the day
#: after the first is quick enough that it is asked.
_TOMORROWS_WEEKDAY = re.compile(r"(?<!next\s)(?<!this\s)(?<!last\s)\b(?P<day>mon|tues?|"
                                r"wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
                                r"(?!\s*,?\s*(?:the\s+)?\d)(?!\s+(?:next\s+)?week\b)"
                                # "Tue Dec 1": the date says which Tuesday
                                r"(?!\s*,?\s*(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"
                                r"[a-z]*\b|may\s*\d))", re.I)  # "tuesday december first" too


def round_day_two_ways(text: str, today: date) -> tuple[date, date] | None:
    """The two days a next round's day may mean: "next Thursday"'s two, or for "Tuesday"
    alone said on a Monday, tomorrow or next week's; None when it is clear."""
    two_ways = next_weekday_two_ways(text, today)
    bare = _TOMORROWS_WEEKDAY.search(text)
    if two_ways is not None or bare is None \
            or _DAY_INDEX[bare.group("day")[:2].lower()] != (today.weekday() + 1) % 7:
        return two_ways
    tomorrow = today + timedelta(days=1)
    return tomorrow, tomorrow + timedelta(days=7)


def next_weekday_two_ways(text: str, today: date) -> tuple[date, date] | None:
    """The two days "next Thursday" may mean when said before Thursday in the same week
    (this week's, or the one after); None when the line has no such phrase."""
    found = _NEXT_WEEKDAY.search(text)
    if found is None:
        return None
    wanted = _DAY_INDEX[found.group("day")[:2].lower()]
    if wanted <= today.weekday():
        return None
    this_week = today + timedelta(days=wanted - today.weekday())
    return this_week, this_week + timedelta(days=7)


def settle_next_weekday(text: str, day: date) -> str:
    """`text` with its "next Thursday" (or its "Tuesday" alone) written as the day the
    person chose."""
    if _NEXT_WEEKDAY.search(text):
        return _NEXT_WEEKDAY.sub(day.isoformat(), text, count=1)
    return _TOMORROWS_WEEKDAY.sub(day.isoformat(), text, count=1)


def _promise_day(
    text: str, base: date, now: datetime, tz: ZoneInfo, kind: PromiseKind
) -> date | None:
    local_now = _local_now(now, tz)
    text = _FORTNIGHT.sub("2 weeks", text)
    text = _WHOLE_DAYS_IN_HOURS.sub(lambda m: f"{int(m.group(1)) // 24} days", text)
    text = _AROUND_THANKSGIVING.sub(lambda m: _around_thanksgiving(m, local_now.date()), text)
    if _AFTER_LONG_WEEKEND.search(text):
        that_day = _after_long_weekend(base, tz)
        return that_day if that_day is not None and _in_range(that_day, local_now.date()) else None
    if _WEEK_TOMORROW.search(text):
        that_day = base + timedelta(days=8)
        return that_day if _in_range(that_day, local_now.date()) else None
    weekday = _DAY_NEXT_WEEK.search(text)
    if weekday is not None:
        that_day = _week_on(weekday, base)
        return that_day if _in_range(that_day, local_now.date()) else None
    working = _WORKING_DAYS.search(text)
    if working is not None:
        holidays = public_holidays(country_for_zone(tz.key), range(base.year, base.year + 2))
        day = _working_days(working, base, holidays)
        return day if day is not None and _in_range(day, local_now.date()) else None
    after = _WEEK_AFTER.search(text)
    if after is not None:
        # "The week after Dec 5": that date's following week, to its Friday for their
        # decision, from its Monday for the user's call.
        what = after.group("what").strip(" .!")
        _, named = _cut_dates(what)
        # "The week after next": the week after next week's Monday.
        day = base + timedelta(days=7) if what.lower() == "next" else _promise_date(named, base)
        if day is not None:
            monday = day + timedelta(days=7 - day.weekday())
            day = monday if kind is PromiseKind.YOU_CALL_ON else monday + timedelta(days=4)
            return day if _in_range(day, local_now.date()) else None
    end = _END_OF.search(text)
    _, groups = _cut_dates(_BARE_SPAN.sub("in ", text))
    day = _promise_date(groups, base)
    # A week's or month's end is a date of its own; "end of day" only says when on a date.
    if end and (day is None or "week" in end.group(0).lower() or "month" in end.group(0).lower()
                or end.group(0).lower() == "eom"):
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
    if token.kind == "dom":
        day = _month_day(_day_of_month(token.text), base + timedelta(days=1), past=False,
                         skip_short=False) or day
    elif not token.has_year and token.kind != "wd":
        day = _nearest_year(day, base) or day
    said = {w for t in date_tokens if (w := weekday_of(t)) is not None}
    if token.kind != "wd" and said and day.weekday() not in said:
        return None  # "by Tuesday the 25th", and the 25th is a Wednesday: which is meant?
    if token.kind == "wd" and not token.modifier:
        # "Decide by Friday" said on a Friday means the next one, never the same day.
        return base + timedelta(days=(day.weekday() - base.weekday()) % 7 or 7)
    if token.kind == "dom":  # "by the 15th": the next 15th after the interview day
        # "by the 31st" in November: December's, or a slip for the 30th? Asked.
        return _month_day(_day_of_month(token.text), base + timedelta(days=1), past=False,
                          skip_short=False)
    if not token.has_year:
        return _nearest_year(day, base)
    return day


def _promise_text(text: str) -> str:
    phrase = _trim(_PROMISE_LEAD.sub("", _trim(text)))
    return phrase[:_MAX_PIECE].rstrip()


#: "by wed", "on Thurs.": a weekday cut short ("sat" and "sun" are left alone: words too).
_SHORT_WEEKDAY = re.compile(r"\b(?:by|on|till|until|before|this|next|from)\s+(mon|tues?|weds?|thu|"
                            r"thur|thurs|fri)\b\.?", re.I)
_FULL_WEEKDAYS = {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday",
                  "fr": "Friday"}


def _full_weekday(match: re.Match[str]) -> str:
    short = match.group(1)
    return match.group(0)[:match.start(1) - match.start(0)] + _FULL_WEEKDAYS[short[:2].lower()]


#: Words as they were said then, not now: "they said they'd call", "she would let me know".
_TOLD_BACK_THEN = re.compile(r"\b(?:would|could)\b|(?<=\w)'d\b", re.I)
_WEEKDAY_ONLY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri)day\b", re.I)


def parse_promise(
    text: str,
    base: date,
    now: datetime,
    tz: ZoneInfo,
    default_kind: PromiseKind = PromiseKind.THEY_DECIDE_BY,
) -> Promise | None:
    """What the employer said about next steps, or None for "no promise" or no readable date.

    Relative phrases ("in 4 days", "within 2 weeks", "by Friday") count from `base`; "end of
    week" is that week's Friday; "within 4 working days" skips weekends and the public
    holidays of the zone's country. "Call me/her ..." and "follow up ..." are the user's move
    (YOU_CALL_ON); "decide / let me know / hear back / get back to me" are theirs
    (THEY_DECIDE_BY); a bare date uses `default_kind`. The promise keeps the user's phrase.
    """
    try:
        cleaned, _ = _clean(text, _MAX_ANSWER)
        cleaned = cleaned.replace("\n", " ")
        if not cleaned or _NO_PROMISE.search(cleaned):
            return None
        kind = _promise_kind(cleaned, default_kind)
        said = _SHORT_WEEKDAY.sub(_full_weekday, cleaned)
        day = _promise_day(said, base, now, tz, kind)
        today = _local_now(now, tz).date()
        if day is not None and base < today and _WEEKDAY_ONLY.search(said) \
                and not re.search(r"\d", said) and (
                    day <= base or (day <= today and not _TOLD_BACK_THEN.search(said))):
            # "they'd let me know by this Friday", told on Monday of last Friday's
            # interview: no promise is for the interview's own day; "he wants me to call
            # him next Monday", "she said they will decide by Friday", told now of a past
            # interview, name a weekday still to come, counted from today ("they said
            # they'd call me by Friday", as they said it then, is that interview's Friday)
            day = _promise_day(said, today, now, tz, kind)
        if day is None:
            return None
        return Promise(kind=kind, on=day, text=_promise_text(cleaned))
    except Exception:  # a parser must never turn a user's words into a traceback
        return None
