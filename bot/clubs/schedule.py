"""When a club's weekly digest goes out: parsing the setting and keeping one digest queued.

Slots are computed on the club's local calendar and only then turned into an aware
moment (`at_local`), so "Monday 09:00" stays 09:00 across a daylight-saving change.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clubs.model import Club, ClubPost, PostKind, PostState
from bot.ports.repository import Repository
from bot.rules.calendar import at_local

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_DIGEST_DAY = 0  # Monday: the week starts with last week's wins
DEFAULT_DIGEST_TIME = time(9, 0)
#: A digest this late is about a week nobody remembers: it is dropped and the next one queued.
STALE_DIGEST = timedelta(days=2)

_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*m?\.?$", re.IGNORECASE)


def parse_weekday(word: str) -> int | None:
    """0-6 from "monday", "Mon", "fridays"; None if it is not a weekday."""
    word = word.strip().lower().rstrip("s").rstrip(".")
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word) or word == name:
            return index
    return None


def parse_time(text: str) -> time | None:
    """A clock time: "16:00", "4pm", "9", "9.30am"; None if it is not one."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower()
    if minute > 59 or hour > 23 or (meridiem and not 1 <= hour <= 12):
        return None
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    return time(hour, minute)


def parse_digest(text: str, weekday: int, at: time) -> tuple[int, time] | None:
    """"friday 16:00", "fri 4pm", "friday" or "10:00", keeping what is not given."""
    words = text.strip().split()
    if not 1 <= len(words) <= 3:
        return None
    day = parse_weekday(words[0])
    if day is not None:
        words = words[1:]
        weekday = day
    if words:
        found = parse_time(" ".join(words))
        if found is None:
            return None
        at = found
    elif day is None:
        return None
    return weekday, at


def digest_label(club: Club) -> str:
    """"Monday 09:00 (America/New_York)"."""
    return f"{WEEKDAYS[club.digest_weekday].title()} {club.digest_time:%H:%M} ({club.tz})"


def next_slot(club: Club, after: datetime) -> datetime:
    """The first digest moment strictly after `after`, in the club's zone."""
    tz = ZoneInfo(club.tz)
    day = after.astimezone(tz).date()
    for offset in range(15):
        candidate = day + timedelta(days=offset)
        if candidate.weekday() != club.digest_weekday:
            continue
        slot = at_local(candidate, club.digest_time, tz)
        if slot > after:
            return slot
    raise AssertionError("a weekday recurs within 15 days")  # pragma: no cover


def week_ref(slot: datetime, tz: ZoneInfo) -> str:
    """The ISO week of the slot's local date, "2026-W45": one digest per club and week."""
    year, week, _ = slot.astimezone(tz).date().isocalendar()
    return f"{year}-W{week:02d}"


def window(slot: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The seven local days a digest covers, ending at its slot (23 h or 25 h apart in UTC
    terms when the clocks change, never a gap or an overlap between two digests)."""
    here = slot.astimezone(tz)
    start_day: date = here.date() - timedelta(days=7)
    return at_local(start_day, here.time().replace(tzinfo=None), tz), slot


def digest_body(slot: datetime) -> str:
    return json.dumps({"slot": slot.isoformat()})


def digest_slot(post: ClubPost) -> datetime:
    """The moment a queued digest was planned for (its due time moves on retries)."""
    try:
        return datetime.fromisoformat(json.loads(post.body)["slot"])
    except (ValueError, KeyError, TypeError):
        return post.due_at


def ensure_digest(repo: Repository, club: Club, after: datetime, now: datetime) -> None:
    """Queue the club's next digest after `after`, unless one is already waiting.

    A week whose digest already went out is skipped, so moving the digest day never
    sends two in one week.
    """
    waiting = [p for p in repo.posts_of(club.id, kind=PostKind.DIGEST)
               if p.state is PostState.PENDING]
    if waiting:
        return
    tz = ZoneInfo(club.tz)
    for _ in range(4):
        slot = next_slot(club, after)
        if repo.add_post(club.id, PostKind.DIGEST, week_ref(slot, tz), digest_body(slot),
                         slot, now) is not None:
            return
        after = slot


def reschedule_digest(repo: Repository, club: Club, now: datetime) -> None:
    """The club's day, time or zone changed: the waiting digest moves to the new slot."""
    repo.cancel_posts(club.id, kind=PostKind.DIGEST)
    ensure_digest(repo, club, now, now)


def next_digest_at(repo: Repository, club: Club) -> datetime | None:
    waiting = [p.due_at for p in repo.posts_of(club.id, kind=PostKind.DIGEST)
               if p.state is PostState.PENDING]
    return min(waiting, default=None)
