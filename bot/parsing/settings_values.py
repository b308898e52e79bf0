"""Short answers for settings: durations, time zones and quiet-hour ranges."""

from __future__ import annotations

import re
import unicodedata
from datetime import time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import available_timezones

from bot.parsing.cleaning import _clean
from bot.parsing.dates import _MERIDIEM, _NUMBERS, _NUMWORD

if TYPE_CHECKING:
    pass


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
