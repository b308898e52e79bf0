"""Dates no calendar has ("31/02", "Feb 30", "2026-13-01"), found in a line to say so.

A line whose date cannot exist reads as nothing at all to the date readers, and the
person would otherwise hear a vague "I didn't follow that". Naming the day that does
not exist tells them what to fix. A numeric date is impossible only when it is
impossible both ways (day/month and month/day): "02/30" and "31/02" are; "12/4" is not.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_MONTHS = {name: n for n, names in enumerate((
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"))) for name in names}
_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?(?![\d/-])")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_NAME})\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*:)", re.I)


@dataclass(frozen=True, slots=True)
class Impossible:
    said: str  # as written in the line
    why: str  # "February has 29 days at most"


def _why(day: int, month: int) -> str | None:
    """Why `day` of `month` cannot be (February counted with its leap day), or None."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    most = 29 if month == 2 else calendar.monthrange(2025, month)[1]
    if not 1 <= day <= most:
        return f"{calendar.month_name[month]} has {most} days{' at most' if month == 2 else ''}"
    return None


def impossible_date(text: str) -> Impossible | None:
    """The first date in `text` that no calendar has, with why; None when every date
    it holds could be real (or it holds none)."""
    for match in _ISO.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        why = _why(day, month)
        if why is None and month == 2 and day == 29 and not calendar.isleap(year):
            why = f"{year} is not a leap year"
        if why:
            return Impossible(match.group(0), why)
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        day_month, month_day = _why(first, second), _why(second, first)
        if day_month and month_day:
            return Impossible(match.group(0), day_month if second <= 12 else month_day)
    for match in _DAY_MONTH.finditer(text):
        why = _why(int(match.group(1)), _MONTHS[match.group(2).lower()])
        if why:
            return Impossible(match.group(0), why)
    for match in _MONTH_DAY.finditer(text):
        why = _why(int(match.group(2)), _MONTHS[match.group(1).lower()])
        if why:
            return Impossible(match.group(0), why)
    return None


def why_not(text: str) -> str:
    """" (February has 29 days at most)" when `text` holds an impossible date, else "":
    the reason to append to "I couldn't read … as a date"."""
    found = impossible_date(text)
    return "" if found is None else f" ({found.why})"
