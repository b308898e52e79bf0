"""The calendar feed parses back into the plan: one event per open checkpoint."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from bot.content.calendar_file import feed_token, plan_calendar
from bot.model import (
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Interview,
    Interviewer,
    Person,
)

NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=NEW_YORK)
PERSON = Person(id=7, tz="America/New_York")

INTERVIEW = Interview(
    id=3,
    person_id=7,
    number=1,
    company="Acme",
    role="data analyst",
    starts_at=START.astimezone(UTC),
    interviewers=(Interviewer("Jane Smith", email="jane@acme.test", id=11),),
    created_at=NOW.astimezone(UTC),
)


def _checkpoint(
    ident: int, kind: CheckpointKind, due: datetime, state: CheckpointState, who: int | None = None
) -> Checkpoint:
    return Checkpoint(
        id=ident,
        interview_id=INTERVIEW.id,
        kind=kind,
        due_at=due,
        state=state,
        created_at=NOW,
        interviewer_id=who,
    )


THANK_YOU = _checkpoint(
    101,
    CheckpointKind.THANK_YOU,
    datetime(2026, 11, 23, 18, 30, tzinfo=NEW_YORK),
    CheckpointState.SENT,
    11,
)
FIRST_CALL = _checkpoint(
    102,
    CheckpointKind.FIRST_CALL,
    datetime(2026, 12, 1, 10, 0, tzinfo=NEW_YORK),
    CheckpointState.PENDING,
)
CANCELLED = _checkpoint(
    103,
    CheckpointKind.THANK_YOU_NUDGE,
    datetime(2026, 11, 24, 9, 0, tzinfo=NEW_YORK),
    CheckpointState.CANCELLED,
    11,
)
DONE = _checkpoint(
    104,
    CheckpointKind.PREPARE,
    datetime(2026, 11, 23, 14, 30, tzinfo=NEW_YORK),
    CheckpointState.DONE,
)
ALL = [THANK_YOU, FIRST_CALL, CANCELLED, DONE]


def _events(data: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_each_open_checkpoint_becomes_an_event_at_its_due_time_in_utc() -> None:
    events = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))
    for checkpoint in (THANK_YOU, FIRST_CALL):
        event = events[f"checkpoint-{checkpoint.id}@followup-bot"]
        start = event.decoded("dtstart")
        assert start == checkpoint.due_at
        assert start.utcoffset() == timedelta(0)
        assert event.decoded("dtstamp") == NOW


def test_done_and_cancelled_checkpoints_are_left_out() -> None:
    events = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))
    assert "checkpoint-103@followup-bot" not in events
    assert "checkpoint-104@followup-bot" not in events
    assert set(events) == {
        "checkpoint-101@followup-bot",
        "checkpoint-102@followup-bot",
        "interview-3@followup-bot",
    }


def test_call_is_a_fifteen_minute_event_titled_with_company_and_role() -> None:
    event = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))["checkpoint-102@followup-bot"]
    assert str(event["summary"]) == "Call Acme about data analyst"
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=15)
    assert "still keen" in str(event["description"])


def test_thank_you_event_names_the_interviewer_and_lasts_at_most_half_an_hour() -> None:
    event = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))["checkpoint-101@followup-bot"]
    assert "Jane Smith" in str(event["summary"])
    length = event.decoded("dtend") - event.decoded("dtstart")
    assert timedelta(minutes=15) <= length <= timedelta(minutes=30)


def test_every_checkpoint_event_has_a_display_alarm_at_its_start() -> None:
    events = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))
    for uid in ("checkpoint-101@followup-bot", "checkpoint-102@followup-bot"):
        (alarm,) = events[uid].walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == timedelta(0)
        assert str(alarm["description"])


def test_calendar_carries_its_name_and_the_persons_zone() -> None:
    calendar = Calendar.from_ical(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))
    assert str(calendar["x-wr-timezone"]) == "America/New_York"
    assert str(calendar["x-wr-calname"])
    assert str(calendar["version"]) == "2.0"


def test_interview_itself_appears_for_an_hour_unless_left_out() -> None:
    events = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW))
    event = events["interview-3@followup-bot"]
    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == START + timedelta(hours=1)
    assert "data analyst at Acme" in str(event["summary"])
    without = _events(plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW, include_interviews=False))
    assert "interview-3@followup-bot" not in without


def test_output_is_the_same_bytes_whatever_the_order_of_checkpoints() -> None:
    first = plan_calendar(PERSON, [(INTERVIEW, ALL)], NOW)
    again = plan_calendar(PERSON, [(INTERVIEW, list(reversed(ALL)))], NOW)
    assert first == again


def test_uids_stay_the_same_when_a_checkpoint_moves() -> None:
    moved = _checkpoint(
        102,
        CheckpointKind.FIRST_CALL,
        datetime(2026, 12, 3, 10, 0, tzinfo=NEW_YORK),
        CheckpointState.PENDING,
    )
    before = _events(plan_calendar(PERSON, [(INTERVIEW, [FIRST_CALL])], NOW))
    after = _events(plan_calendar(PERSON, [(INTERVIEW, [moved])], NOW))
    assert set(before) == set(after)
    assert after["checkpoint-102@followup-bot"].decoded("dtstart") == moved.due_at


def test_feed_tokens_are_long_url_safe_and_fresh() -> None:
    tokens = {feed_token() for _ in range(20)}
    assert len(tokens) == 20
    for token in tokens:
        assert len(token) >= 43
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
