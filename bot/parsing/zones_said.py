"""Time zones people name beside a clock ("10am Pacific", "2pm CET", "noon London time",
"9am my time"), and the zone each stands for, kept in one place for every reader that
meets them."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.parsing.settings_values import parse_zone

_A_ZONE = (# "15:00 UTC+1", as an invite in another zone is turned into a line
           r"\b(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::00)?(?![\d:])"
           r"|\b(?:pacific|mountain|central|eastern|p[sd]?t|m[sd]?t|c[sd]?t|e[sd]?t|bst|cet|cest|"
           r"sgt|aest|aedt|jst|hkt|kst|sast|eat|wat|nzst|nzdt|"
           r"london|berlin|paris|l\.?a\.?|my\s+time|their\s+time|local\s+time|your\s+time|"
           r"uk\s+time|ny\s+time|(?:gmt|utc)(?!\s*[+-]\s*\d))\b(?:\s+time\b)?"
           # "9am Tokyo time", "noon New York time": a place, then "time"
           r"|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+time\b")
#: A zone named last, with a time: "remind me at 7pm pacific", "2pm CET".
ZONE_SAID = re.compile(rf"(?:{_A_ZONE})(?!\s*\w)", re.I)
#: A zone named right after a clock, whatever follows: "10am Pacific with Jane".
_ZONE_NEXT = re.compile(_A_ZONE, re.I)
_ZONES = ((r"pacific|p[sd]?t|l\.?a\.?", "America/Los_Angeles"),
          (r"mountain|m[sd]?t", "America/Denver"),
          (r"central|c[sd]?t", "America/Chicago"), (r"eastern|e[sd]?t|ny", "America/New_York"),
          (r"gmt|utc", "UTC"), (r"bst|london|uk", "Europe/London"),
          (r"cet|cest|berlin|paris", "Europe/Berlin"), (r"sgt", "Asia/Singapore"),
          (r"aest|aedt", "Australia/Sydney"), (r"jst", "Asia/Tokyo"), (r"hkt", "Asia/Hong_Kong"),
          (r"kst", "Asia/Seoul"), (r"sast", "Africa/Johannesburg"), (r"eat", "Africa/Nairobi"),
          (r"wat", "Africa/Lagos"), (r"nzst|nzdt", "Pacific/Auckland"))
#: A clock then a zone: "10am Pacific", "11:00 AM – 12:00 PM Eastern Time", "noon London".
_CLOCK_THEN_ZONE = re.compile(r"(?:\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*\d{1,2}"
                              r"(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?|\bnoon|\bmidday)\s+", re.I)


def zone_named(said: str) -> str | None:
    """The IANA zone a word names ("pacific" → America/Los_Angeles, "Tokyo time" →
    Asia/Tokyo); None when it names the person's own clock or one that is not said
    ("my time", "their time")."""
    words = re.sub(r"\s+time$", "", said.strip(), flags=re.I)
    fixed = re.fullmatch(r"(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::00)?", words, re.I)
    if fixed is not None:  # "UTC+1" is Etc/GMT-1: the IANA name counts the other way
        hours = int(fixed[2])
        return "UTC" if hours == 0 else f"Etc/GMT{'-' if fixed[1] == '+' else '+'}{hours}"
    if re.fullmatch(r"my|your|their|local|cst|ist", words, re.I):
        return None  # "CST" is China's as well as Chicago's, "IST" India's, Ireland's, Israel's
    return next((z for pattern, z in _ZONES if re.fullmatch(pattern, words, re.I)),
                None) or parse_zone(words)


def zones_after_clocks(text: str) -> list[re.Match[str]]:
    """Each zone named right after a clock time in `text`, in order."""
    found = (_ZONE_NEXT.match(text, clock.end()) for clock in _CLOCK_THEN_ZONE.finditer(text))
    return [zone for zone in found if zone is not None]


def zone_after_clock(text: str) -> re.Match[str] | None:
    """The first zone named right after a clock time in `text`, if any."""
    return next(iter(zones_after_clocks(text)), None)


def my_clock(said: str, now: datetime, tz: ZoneInfo) -> bool:
    """Whether a zone said keeps the person's own clock ("my time"; "EST" in New York)."""
    name = zone_named(said)
    if name is None:
        return re.fullmatch(r"(?:my|your)\s+time", said.strip(), re.I) is not None
    return now.astimezone(ZoneInfo(name)).utcoffset() == now.astimezone(tz).utcoffset()


def without_my_zone(text: str, now: datetime, tz: ZoneInfo) -> str:
    """`text` without the zones said after its clocks that keep the person's own clock
    ("Wednesday at 11 Eastern", said in New York; "at 3 my time"): nothing to convert."""
    for said in reversed(zones_after_clocks(text)):
        if my_clock(said.group(0), now, tz):
            text = f"{text[:said.start()].rstrip()} {text[said.end():].lstrip()}".strip()
    return text


def in_zone(moment: datetime, zone: str, tz: ZoneInfo) -> datetime:
    """The wall time of `moment` read in `zone` instead, as the person's own clock shows it."""
    return moment.replace(tzinfo=None).replace(tzinfo=ZoneInfo(zone)).astimezone(tz)
