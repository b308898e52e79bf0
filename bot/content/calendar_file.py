"""A person's follow-up plan as an RFC 5545 calendar, for a subscribable feed.

Pure: records and a clock in, the calendar's bytes out; the adapter serves them.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from bot.model import (
    FINISHED,
    Checkpoint,
    CheckpointKind,
    Interview,
    Interviewer,
    Outcome,
    Person,
)
from bot.rules.plan import INTERVIEW_LENGTH

PRODID = "-//followup-bot//Interview follow-ups//EN"
CALENDAR_NAME = "Interview follow-ups"
UID_DOMAIN = "followup-bot"
#: How often a subscribed client should fetch the feed again: plans move when
#: the user reports a call or a new promise, so a day would be too slow.
REFRESH = timedelta(hours=1)

#: A call is a short slot; writing a note takes a little longer.
DURATIONS: dict[CheckpointKind, timedelta] = {
    CheckpointKind.PREPARE: timedelta(minutes=20),
    CheckpointKind.THANK_YOU: timedelta(minutes=30),
    CheckpointKind.THANK_YOU_NUDGE: timedelta(minutes=15),
    CheckpointKind.HANDWRITTEN: timedelta(minutes=30),
    CheckpointKind.FIRST_CALL: timedelta(minutes=15),
    CheckpointKind.SECOND_CALL: timedelta(minutes=15),
    CheckpointKind.CALL_CHECK: timedelta(minutes=15),
    CheckpointKind.MOVE_ON: timedelta(minutes=15),
    CheckpointKind.REFLECT: timedelta(minutes=20),
}


def feed_token() -> str:
    """A fresh unguessable token for a private feed URL: the URL is the only secret.

    Shown to the person once, in the link; only `feed_token_hash` of it is stored."""
    return secrets.token_urlsafe(32)


def feed_token_hash(token: str) -> str:
    """What is stored for a feed token, and looked up when a calendar app fetches it:
    SHA-256, in hex. A stolen copy of the database then holds no working link.

    No salt and no slow hash: those protect secrets people choose, which are few enough
    to try them all. A feed token is 256 random bits, so no table of precomputed hashes
    or brute force reaches one, and an unsalted hash can be found by an index lookup.
    `storage/migrations/versions/0009_feed_token_hash.py` spells out the same function.
    """
    return hashlib.sha256(token.encode()).hexdigest()


def checkpoint_uid(checkpoint: Checkpoint) -> str:
    """Stable per checkpoint, so a client updates an event in place when it moves."""
    return f"checkpoint-{checkpoint.id}@{UID_DOMAIN}"


def interview_uid(interview: Interview) -> str:
    return f"interview-{interview.id}@{UID_DOMAIN}"


def plan_calendar(
    person: Person,
    items: Iterable[tuple[Interview, list[Checkpoint]]],
    now: datetime,
    *,
    include_interviews: bool = True,
) -> bytes:
    """The calendar of every checkpoint still to do, each with an alarm at its start.

    Done and cancelled checkpoints are left out: a feed shows what is ahead. Times are
    written in UTC with X-WR-TIMEZONE naming the person's zone, which clients use to
    display them. The same input always gives the same bytes (DTSTAMP is `now`), so
    a feed can be cached and compared.
    """
    stamp = now.astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-timezone", person.tz)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)

    events: list[tuple[datetime, str, Event]] = []
    for interview, checkpoints in items:
        if include_interviews and interview.outcome is not Outcome.CANCELLED:
            event = _interview_event(interview, stamp)
            events.append((interview.starts_at, interview_uid(interview), event))
        for checkpoint in checkpoints:
            if checkpoint.state in FINISHED:
                continue
            event = _checkpoint_event(checkpoint, interview, stamp)
            events.append((checkpoint.due_at, checkpoint_uid(checkpoint), event))
    # Sorted so the bytes do not depend on the order the repository returned rows in.
    for _, _, event in sorted(events, key=lambda e: (e[0], e[1])):
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def summary(checkpoint: Checkpoint, interview: Interview) -> str:
    """A title that says the action and who it is for, readable in a month view."""
    company, role = interview.company, interview.role
    who = _interviewer(interview, checkpoint.interviewer_id)
    to = who.name if who else company
    match checkpoint.kind:
        case CheckpointKind.PREPARE:
            return f"Prepare for the {company} interview ({role})"
        case CheckpointKind.THANK_YOU:
            return f"Send a thank-you note to {to} ({company})"
        case CheckpointKind.THANK_YOU_NUDGE:
            return f"Thank-you note to {to} still to send ({company})"
        case CheckpointKind.HANDWRITTEN:
            return f"Write and post a card to {to} ({company})"
        case CheckpointKind.FIRST_CALL:
            return f"Call {company} about {role}"
        case CheckpointKind.SECOND_CALL:
            return f"Call {company} again about {role} (last call)"
        case CheckpointKind.CALL_CHECK:
            return f"Tell the coach how the {company} call went"
        case CheckpointKind.MOVE_ON:
            return f"Time to move on from {company}"
        case CheckpointKind.REFLECT:
            return f"Reflect on the {company} interview"


def description(checkpoint: Checkpoint, interview: Interview) -> str:
    """What to do, in a sentence or two: the event is the reminder when the bot is away."""
    who = _interviewer(interview, checkpoint.interviewer_id)
    name = who.name if who else "each interviewer"
    match checkpoint.kind:
        case CheckpointKind.PREPARE:
            return (
                "Before it starts: plan to ask when they expect to decide and when you "
                "may follow up, and collect every interviewer's contact details and the "
                "spelling of their names."
            )
        case CheckpointKind.THANK_YOU:
            return (
                f"Email {name} a short personal thank-you today: thanks for their time, "
                "that you want the job, and one reason you fit. Ask to hear either way."
            )
        case CheckpointKind.THANK_YOU_NUDGE:
            return f"The note to {name} has not gone out yet. Send it now: late beats never."
        case CheckpointKind.HANDWRITTEN:
            return (
                f"Write a brief card to {name} and post it so it goes out within "
                "48 hours of the interview."
            )
        case CheckpointKind.FIRST_CALL:
            return (
                f"Call about the {interview.role} role: say your name, the role and the "
                "interview date, that you are still keen, and ask where things stand."
            )
        case CheckpointKind.SECOND_CALL:
            return (
                "One more try, and the last one: a second call shows initiative, a third "
                "would be too much. If you reach voicemail, leave your number twice, slowly."
            )
        case CheckpointKind.CALL_CHECK:
            return (
                "If you called, report how it went so the plan can go on; if not, call "
                "today with the script from your reminder."
            )
        case CheckpointKind.MOVE_ON:
            return (
                f"Still no word from {interview.company}. Put your energy into the next "
                "opportunity; you did your part well."
            )
        case CheckpointKind.REFLECT:
            return "Note what went well and what you would do differently next time."


def _checkpoint_event(checkpoint: Checkpoint, interview: Interview, stamp: datetime) -> Event:
    start = checkpoint.due_at.astimezone(UTC)
    title = summary(checkpoint, interview)
    event = Event()
    event.add("uid", checkpoint_uid(checkpoint))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + DURATIONS[checkpoint.kind])
    event.add("summary", title)
    event.add("description", description(checkpoint, interview))
    event.add("categories", ["Follow-up"])
    # A reminder should not block the person's free/busy time.
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event


def _interview_event(interview: Interview, stamp: datetime) -> Event:
    start = interview.starts_at.astimezone(UTC)
    names = ", ".join(p.name for p in interview.interviewers)
    event = Event()
    event.add("uid", interview_uid(interview))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + INTERVIEW_LENGTH)
    event.add("summary", f"Interview: {interview.title}")
    event.add("description", f"With {names}." if names else "Interview.")
    event.add("categories", ["Interview"])
    return event


def _interviewer(interview: Interview, interviewer_id: int | None) -> Interviewer | None:
    if interviewer_id is None:
        return None
    return next((p for p in interview.interviewers if p.id == interviewer_id), None)
