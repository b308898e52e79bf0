"""Time zones people name beside a clock ("10am Pacific", "2pm CET", "9am my time"), and
the zone each stands for, kept in one place for every reader that meets them."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

_A_ZONE = (r"\b(?:pacific|mountain|central|eastern|p[sd]?t|m[sd]?t|c[sd]?t|e[sd]?t|gmt|utc|bst|"
           r"cet|cest|london|berlin|paris|l\.?a\.?|my\s+time|their\s+time|local\s+time|"
           r"your\s+time)\b(?:\s+time\b)?")
#: A zone named last, with a time: "remind me at 7pm pacific", "2pm CET".
ZONE_SAID = re.compile(rf"{_A_ZONE}(?!\s*\w)", re.I)
#: A zone named right after a clock, whatever follows: "10am Pacific with Jane".
_ZONE_NEXT = re.compile(_A_ZONE, re.I)
_ZONES = ((r"pacific|p[sd]?t|l\.?a\.?", "America/Los_Angeles"),
          (r"mountain|m[sd]?t", "America/Denver"),
          (r"central|c[sd]?t", "America/Chicago"), (r"eastern|e[sd]?t", "America/New_York"),
          (r"gmt|utc", "UTC"), (r"bst|london", "Europe/London"),
          (r"cet|cest|berlin|paris", "Europe/Berlin"))
#: A clock then a zone: "10am Pacific", "11:00 AM – 12:00 PM Eastern Time", "14:00 CET".
_CLOCK_THEN_ZONE = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*\d{1,2}"
                              r"(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?\s+(?=(?P<zone>\S+(?:\s+\S+)?))",
                              re.I)


def zone_named(said: str) -> str | None:
    """The IANA zone a word names ("pacific" → America/Los_Angeles); None when it names the
    person's own clock or one that is not said ("their time")."""
    words = re.sub(r"\s+time$", "", said.strip(), flags=re.I)
    return next((z for pattern, z in _ZONES if re.fullmatch(pattern, words, re.I)), None)


def zone_after_clock(text: str) -> re.Match[str] | None:
    """The zone named right after a clock time in `text`, if any."""
    for clock in _CLOCK_THEN_ZONE.finditer(text):
        zone = _ZONE_NEXT.match(text, clock.end())
        if zone is not None:
            return zone
    return None


def in_zone(moment: datetime, zone: str, tz: ZoneInfo) -> datetime:
    """The wall time of `moment` read in `zone` instead, as the person's own clock shows it."""
    return moment.replace(tzinfo=None).replace(tzinfo=ZoneInfo(zone)).astimezone(tz)
