"""A month in a 30-member job-search club, played by the core's, Slack's and Discord's club
tests through their own paths: the members' made-up companies, roles and interviewers
(words that must never reach the channel unless shared), and when each member does what.

Times are New York wall-clock times counted in days from a start; the clubs' tests start
on Thursday 22 October 2026 (`START`), ten days before the US clocks go back.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")
#: Thursday, 10 days before daylight saving time ends in the US (Sunday 1 November 2026).
START = datetime(2026, 10, 22, 12, 0, tzinfo=NEW_YORK)

COMPANIES = [a + b for a in ("Kestrel", "Bramble", "Vantor", "Quillon", "Morrow", "Tessel")
             for b in ("wick", "coast", "ford", "haven", "mere")]
SURNAMES = [a + b for a in ("Pell", "Fenn", "Marsh", "Grave", "Thorn", "Wyck")
            for b in ("ridge", "wright", "ton", "by", "more")]
FIRST_NAMES = ("Quilla", "Oswin", "Dalia", "Ferris", "Imogen", "Lucan", "Petra", "Soren",
               "Tamsin", "Wendel")
ROLES = [f"{a} {b}" for a in ("orbital", "coastal", "lunar", "alpine", "boreal", "tidal")
         for b in ("cartographer", "surveyor", "archivist", "navigator", "botanist")]


def local(day: int, hour: int, minute: int = 0, start: datetime = START) -> datetime:
    """`day` days after `start`'s date at hour:minute, New York wall-clock time."""
    date = start.date() + timedelta(days=day)
    return datetime(date.year, date.month, date.day, hour, minute, tzinfo=NEW_YORK)


def share_of(i: int) -> str:
    """What member `i` shares with the club: none, details, or progress (the default)."""
    return "none" if i % 5 == 0 else "details" if i % 5 == 1 else "progress"


def plan_month() -> list[tuple[datetime, int, str, str]]:
    """(when, member, what they type, what the digest counts it as, or "") for 30 members
    who join the club on the first day and look for work over the month after START."""
    events: list[tuple[datetime, int, str, str]] = []
    for i in range(30):
        day = i % 20
        interviewer = f"{FIRST_NAMES[i % 10]} {SURNAMES[i]}"
        events.append((local(0, 13, i), i, "club join", ""))
        if i % 3 == 0:
            events.append((local(0, 13, 30 + i), i, "club mentions on", ""))
        events.append((local(day, 12, 0), i,
                       f"add {COMPANIES[i]}, {ROLES[i]}, today 10am with {interviewer}", ""))
        if share_of(i) != "progress":  # the default
            events.append((local(day, 12, 1), i, f"share 1 {share_of(i)}", ""))
        if i % 4 != 3:
            events.append((local(day + (i % 2), 15, 0), i, "sent 1", "note"))
        if i % 2 == 0:
            events.append((local(day + 3, 12, 0), i,
                           f"add {COMPANIES[i]}, senior {ROLES[i]}, today 9am with "
                           f"{interviewer}", ""))
            if share_of(i) != "progress":
                events.append((local(day + 3, 12, 1), i, f"share 2 {share_of(i)}", ""))
            events.append((local(day + 3, 16, 0), i, "sent 2", "note"))
        if i % 3 != 2:
            events.append((local(day + 6, 11, 0), i, "called 1 no answer", "call"))
        if i % 6 == 0:
            events.append((local(day + 8, 12, 0), i, "heard 1 offer", "offer"))
        elif i % 6 == 1:
            events.append((local(day + 8, 12, 0), i, "heard 1 next round", "next_round"))
            events.append((local(day + 8, 12, 0), i, "cancel", ""))
        elif i % 6 == 2:
            events.append((local(day + 8, 12, 0), i, "heard 1 rejected", ""))
    return sorted(events, key=lambda e: e[0])
