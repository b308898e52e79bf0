"""Dates that can honestly be read two ways, and the two lines they could mean.

"12/4" is the 4th of December to an American and the 12th of April to a Briton; a bare
"Wed" in an `add` line may be last Wednesday's interview or next Wednesday's. When a
weekday said beside the date settles it ("Thursday 12/3" can only be 3 December in
2026), the line is rewritten with the ISO date; otherwise both versions come back, for
the coach to ask which was meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.parsing.dates import MONTH, ordinal_days

_SLASH = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_BEFORE = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*(?:the\s+)?$", re.I)
_BARE_WEEKDAY = re.compile(
    r"(?<!last )(?<!next )(?<!this )(?<!coming )(?<!past )\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|"
    r"fri|sat(?:ur)?|sun)(?:day)?\b(?!,?\s*(?:the\s+)?\d{1,2}(?:/|st|nd|rd|th|\b(?!\s*[:.]?\d*\s*[ap]m)))"
    # "he sat in on it": the verb, not Saturday
    r"(?!(?<=[Ss]at)\s+(?:in|on|with|down|through|there|next|behind|beside|for)\b)"
    # "Friday just gone", "Thursday week": one day, said as the dates reader reads it
    r"(?!\s+(?:just\s+gone|week|wk|after\s+next)\b)",
    re.I)
#: Words that say whether the interview is behind or ahead.
_TENSE = re.compile(r"\b(?:had|was|were|did|went|interviewed|finished|met|spoke|done|last|"
                    r"ago|yesterday|will|going|coming|upcoming|next|this|tomorrow|today|"
                    r"tonight|have\s+an?|got\s+an?)\b", re.I)

_OTHER_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}|\b"
                         + MONTH + r"\.?\s+\d", re.I)
#: A weekday after these words is the employer's promise, not the interview's day.
_PROMISE_BEFORE = re.compile(r"\b(?:decide|decision|by|call|know|hear|touch|back|promise[sd]?|"
                             r"within|until|till|bell|ring|phone|contact|e-?mail|text|said|"
                             r"told|says)\b", re.I)


@dataclass(frozen=True, slots=True)
class Variant:
    text: str
    day: date


def _nearest(month: int, day: int, year: int | None, today: date) -> date | None:
    years = [year] if year else [today.year - 1, today.year, today.year + 1]
    found = []
    for y in years:
        try:
            found.append(date(y, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs((d - today).days)) if found else None


def date_variants(text: str, now: datetime, tz: ZoneInfo) -> list[Variant]:
    """The line's readings when a numeric date in it is ambiguous; [] when it is not."""
    today = now.astimezone(tz).date()
    month_first = _writers_order(text)
    for match in _SLASH.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 or second > 12 or first == second or first == 0 or second == 0:
            continue
        year = match.group(3)
        full = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
        readings = [d for d in (_nearest(first, second, full, today),
                                _nearest(second, first, full, today)) if d is not None]
        if month_first is not None and len(readings) == 2:
            # "11/20 @ 1400 … decision by 12/1": whoever wrote 11/20 writes the month first
            readings = [readings[0 if month_first else 1]]
            settled = text[:match.start()] + readings[0].isoformat() + text[match.end():]
            return [Variant(settled, readings[0])]
        before = _WEEKDAY_BEFORE.search(text[:match.start()])
        if before is not None:
            wanted = _WEEKDAYS.index(before.group(1).lower())
            fitting = [d for d in readings if d.weekday() == wanted]
            if len(fitting) == 1:
                settled = text[:match.start()] + fitting[0].isoformat() + text[match.end():]
                return [Variant(settled, fitting[0])]
        return [Variant(text[:match.start()] + d.isoformat() + text[match.end():], d)
                for d in readings]
    return []


def _writers_order(text: str) -> bool | None:
    """Whether the line's writer puts the month first, as one of its dates can only be
    read ("11/20" is month first, "20/11" day first); None when none says, or they clash."""
    orders = {int(m.group(2)) > 12 for m in _SLASH.finditer(text)
              if (int(m.group(1)) > 12) != (int(m.group(2)) > 12)}
    return orders.pop() if len(orders) == 1 else None


def weekday_variants(text: str, now: datetime, tz: ZoneInfo) -> list[Variant]:
    """An `add` line's readings when a bare weekday could be last week's or this week's
    ("Saturday the twenty first" is no bare weekday: its date is said in words)."""
    if _TENSE.search(text) or _OTHER_DATE.search(text) or ordinal_days(text) != text:
        return []
    match = _BARE_WEEKDAY.search(text)
    if match is None or _PROMISE_BEFORE.search(text[:match.start()]):
        return []
    today = now.astimezone(tz).date()
    wanted = _WEEKDAYS.index(match.group(1).lower()[:3])
    if wanted == today.weekday():
        return []
    ahead = today + timedelta(days=(wanted - today.weekday()) % 7)
    behind = ahead - timedelta(days=7)
    return [Variant(text[:match.start()] + d.isoformat() + text[match.end():], d)
            for d in (behind, ahead)]
