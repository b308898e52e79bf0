"""The organiser's view of a club: aggregate counts over a period, and the same as CSV.

Counts only, from interviews members share with the club; never a name, company, role
or anything a member typed, so an organiser can pass it on to a careers service.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.clubs.activity import Tally, done_steps, load_members, tally
from bot.clubs.model import Club
from bot.messages import Attachment, Field, Reply
from bot.ports.repository import Repository

DEFAULT_DAYS = 30
MAX_DAYS = 366

COLUMNS = ("from", "to", "interviews_added", "notes_sent", "cards_sent", "calls_made",
           "offers", "next_rounds", "moved_on")


def report_reply(repo: Repository, club: Club, days: int, now: datetime) -> Reply:
    """Counts over the `days` before `now`, with a CSV of one row per week and a total."""
    tz = ZoneInfo(club.tz)
    since = now - timedelta(days=days)
    # Windows end just after `now`: what a member did this very second counts too.
    until = now + timedelta(seconds=1)
    members = load_members(repo, club)
    steps = done_steps(repo, members, since, until)
    total = tally(members, steps, since, until)
    joined = sum(1 for m in members if m.membership.joined_at >= since)
    rows = []
    start = since
    while start < now:
        end = start + timedelta(days=7)
        end = until if end >= now else end
        rows.append(_row(start, end, tally(members, steps, start, end), tz))
        start = end
    rows.append(["total", "", *_counts(total)])
    fields = (
        Field("Members", f"{len(members)} ({joined} joined in this period)"),
        Field("Interviews added", str(total.added)),
        Field("Thank-you notes sent", str(total.notes)),
        Field("Handwritten cards", str(total.cards)),
        Field("Follow-up calls made", str(total.calls)),
        Field("Offers", str(total.offers)),
        Field("Next rounds", str(total.next_rounds)),
        Field("Moved on", str(total.moved_on)),
    )
    first, last = since.astimezone(tz), now.astimezone(tz)
    text = (f"{club.name} over the last {days} days ({first:%d %b} – {last:%d %b %Y}). "
            "Counts only, from interviews members share with the club; interviews kept "
            "private (`share <n> none`) are left out. \"Moved on\" means a rejection, no "
            "response or a withdrawal. The CSV has one row per week.")
    return Reply(
        title=f"Club report: {club.name}",
        text=text,
        fields=fields,
        files=(Attachment(f"club-report-{last:%Y-%m-%d}.csv", _csv(rows), "text/csv"),),
    )


def _counts(t: Tally) -> list[str]:
    return [str(n) for n in (t.added, t.notes, t.cards, t.calls, t.offers, t.next_rounds,
                             t.moved_on)]


def _row(start: datetime, end: datetime, t: Tally, tz: ZoneInfo) -> list[str]:
    return [start.astimezone(tz).isoformat(timespec="minutes"),
            end.astimezone(tz).isoformat(timespec="minutes"), *_counts(t)]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
