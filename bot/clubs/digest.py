"""The weekly club digest: counts that reward following up, good news, and a tip.

Computed when it is sent, from members' shared interviews only. It never names a
company, role or interviewer, never mentions rejections, and tags a member only if they
opted in with `club mentions on`.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.clubs.activity import Member, Tally, done_steps, load_members, name_of, plural, tally
from bot.clubs.model import Club
from bot.clubs.schedule import window
from bot.content.tips import tip_of_the_week
from bot.messages import Field, Reply
from bot.model import CheckpointKind
from bot.ports.repository import Repository

#: Steps a member does to follow up; reminders to prepare, move on or reflect are not.
FOLLOW_UP_KINDS = frozenset({
    CheckpointKind.THANK_YOU, CheckpointKind.HANDWRITTEN,
    CheckpointKind.FIRST_CALL, CheckpointKind.SECOND_CALL,
})
#: How many opted-in members the digest names before it sums up the rest.
MAX_NAMED = 15


def digest_reply(repo: Repository, club: Club, slot: datetime) -> Reply:
    """The digest planned for `slot`, covering the seven local days before it."""
    tz = ZoneInfo(club.tz)
    since, until = window(slot, tz)
    members = load_members(repo, club)
    start = min(since, club.created_at)
    steps = done_steps(repo, members, start, until)
    week = tally(members, steps, since, until)
    total = tally(members, steps, club.created_at, until)
    names, mentions, others = _due_this_week(repo, club, members, since,
                                             until + timedelta(days=7))

    lines = [_effort_line(week)]
    good = [text for count, text in ((week.offers, plural(week.offers, "offer")),
                                     (week.next_rounds, plural(week.next_rounds, "next round")))
            if count]
    if good:
        lines.append(f"Good news too: {' and '.join(good)}. 🎉 Congratulations!")
    if club.created_at < since and total.follow_ups:
        lines.append(f"Club tally since {club.created_at.astimezone(tz):%d %b %Y}: "
                     f"{plural(total.follow_ups, 'follow-up')}.")
    if names or others:
        who = ", ".join(names)
        if others:
            rest = plural(others, "other member")
            who = f"{who} and {rest}" if who else rest
        lines.append(f"Follow-ups due this week: {who}. Nobody needs to go it alone: "
                     "ask the club if you'd like a second pair of eyes on a note.")
    here = slot.astimezone(tz)
    lines.append(f"Tip of the week: {tip_of_the_week(here.date())}")
    fields = (
        Field("Follow-ups this week", str(week.follow_ups)),
        Field("Thank-you notes sent", str(week.notes + week.cards)),
        Field("Follow-up calls made", str(week.calls)),
        Field("Offers", str(week.offers)),
        Field("Next rounds", str(week.next_rounds)),
    )
    return Reply(
        title=f"{club.name} · the week to {here:%a} {here.day} {here:%b}",
        text="\n".join(lines),
        fields=fields,
        mentions=tuple(mentions),
        private=False,
    )


def _effort_line(week: Tally) -> str:
    if not week.follow_ups:
        return ("A quiet week for follow-ups. A fresh week is a fresh start: one prompt "
                "thank-you after your next interview is all it takes.")
    sent = [text for count, text in (
        (week.notes, plural(week.notes, "thank-you note")),
        (week.cards, plural(week.cards, "handwritten card")),
    ) if count]
    parts = [f"sent {' and '.join(sent)}"] if sent else []
    if week.calls:
        parts.append(f"made {plural(week.calls, 'follow-up call')}")
    return (f"This week the club {' and '.join(parts)}: "
            f"{plural(week.follow_ups, 'follow-up')} in all. That is exactly the habit that "
            "keeps candidates in a hiring manager's mind. 👏")


def _due_this_week(repo: Repository, club: Club, members: list[Member], since: datetime,
                   before: datetime) -> tuple[list[str], list[str], int]:
    """(names of opted-in members with follow-ups due, their user ids, how many others).

    Due means still waiting and due by `before`; a step overdue since before `since` is
    left out, so nobody is named week after week for a note they chose not to send.
    """
    owner = {i.id: m for m in members for i in m.interviews if i.is_open}
    steps = repo.steps_open(list(owner), before)
    counts = Counter(owner[s.interview_id].membership.person_id
                     for s in steps if s.kind in FOLLOW_UP_KINDS and s.due_at >= since)
    names: list[str] = []
    mentions: list[str] = []
    others = 0
    for member in members:
        count = counts.get(member.membership.person_id, 0)
        if not count:
            continue
        if not member.membership.mentions or len(names) >= MAX_NAMED:
            others += 1
            continue
        name, user = name_of(member.person, member.identity, mention=True,
                             platform=club.where.platform)
        names.append(f"{name} ({count})")
        if user:
            mentions.append(user)
    return names, mentions, others
