"""The coaching rules of docs/COACHING.md as pure functions: interview + history + clock -> plan.

Nothing here does I/O or reads the real time. `plan_checkpoints` is re-run after every
change (a call reported, a new promise, an outcome) and the conversation layer
reconciles stored checkpoints against its answer.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.model import (
    Channel,
    CheckpointKind,
    Culture,
    Interview,
    Outcome,
    PromiseKind,
    QuietHours,
)
from bot.rules.calendar import (
    NO_HOLIDAYS,
    add_business_days,
    at_local,
    business_day_on_or_after,
    call_slot,
    end_of_quiet,
    in_working_hours,
    latest_before_quiet,
    local,
)

INTERVIEW_LENGTH = timedelta(hours=1)
THANK_YOU_AFTER_END = timedelta(hours=1)
PREPARE_LEAD = timedelta(hours=2)
PREPARE_TOO_LATE = timedelta(minutes=15)
MORNING = time(9, 0)
CALL_TIME = time(10, 0)
WORK_OPENS = time(9, 0)
WORK_CLOSES = time(17, 0)
HANDWRITTEN_DEADLINE = timedelta(hours=48)
SUNDAY = 6  # date.weekday(): no post is collected
NO_PROMISE_BUSINESS_DAYS = 5  # about one working week (004's one-week rule)
SECOND_CALL_BUSINESS_DAYS = 2
CALL_CHECK_BUSINESS_DAYS = 2  # when the second call would have come
MOVE_ON_AFTER = timedelta(days=7)
REFLECT_AFTER = timedelta(hours=1)
CALL_SLOT = timedelta(hours=1)  # a call reminder late by less than this is still on time
MAX_CALLS = 2
EMPLOYER_CALL_HOURS = (10, 11, 9, 12, 13, 14, 15, 16)

CALL_KINDS = frozenset({CheckpointKind.FIRST_CALL, CheckpointKind.SECOND_CALL})
#: Reminders that ask the user to pick up the phone, in working hours only.
PHONE_KINDS = CALL_KINDS | {CheckpointKind.CALL_CHECK}
#: Reminders to write to the interviewers: the thank-you note, its nudge, the card.
NOTE_KINDS = frozenset({CheckpointKind.THANK_YOU, CheckpointKind.THANK_YOU_NUDGE,
                        CheckpointKind.HANDWRITTEN})

Key = tuple[CheckpointKind, int | None]


@dataclass(frozen=True, slots=True)
class Prefs:
    """What the rules need to know about the person, not the interview."""

    tz: ZoneInfo
    quiet: QuietHours = field(default_factory=QuietHours)
    holidays: Container[date] = NO_HOLIDAYS


@dataclass(frozen=True, slots=True)
class Planned:
    kind: CheckpointKind
    due_at: datetime
    interviewer_id: int | None = None

    @property
    def key(self) -> Key:
        return (self.kind, self.interviewer_id)


def plan_checkpoints(
    interview: Interview,
    prefs: Prefs,
    now: datetime,
    *,
    done: Container[Key] = frozenset(),
    snoozed: Mapping[Key, datetime] | None = None,
    reminded: Mapping[Key, datetime] | None = None,
) -> list[Planned]:
    """Every checkpoint the interview still needs, with its due time.

    `done` holds the keys the user already completed (a thank-you marked sent);
    `snoozed` the keys the user pushed to a time of their own choosing; `reminded`
    the call reminders that went out (with when) and that the user has not answered
    yet. Due times may lie in the past: such a checkpoint is due now.
    """
    snoozed = snoozed or {}
    reminded = reminded or {}
    if interview.outcome is Outcome.CANCELLED:
        planned = []
    elif interview.outcome is not None:
        planned = [_reflect(interview, prefs)]
    else:
        planned = [
            *_prepare(interview, prefs, now),
            *_thank_yous(interview, prefs, done),
            *_handwritten(interview, prefs),
            *_calls_and_move_on(interview, prefs, reminded),
        ]
    result = [
        Planned(p.kind, snoozed[p.key], p.interviewer_id) if p.key in snoozed else p
        for p in planned
        if p.key not in done
    ]
    return sorted(result, key=lambda p: (p.due_at, list(CheckpointKind).index(p.kind)))


def thank_you_due(interview: Interview, prefs: Prefs) -> datetime:
    """About an hour after the interview ends, the same day; due at once if added late.

    Quiet hours never push a same-day thank-you past midnight: speed matters most.
    """
    tz = prefs.tz
    start = local(interview.starts_at, tz)
    ideal = start + INTERVIEW_LENGTH + THANK_YOU_AFTER_END
    if local(ideal, tz).date() != start.date():
        # Keep it on the interview's day: no later than 23:45, no earlier than its end.
        last_call = at_local(start.date(), time(23, 45), tz)
        ideal = max(min(ideal, last_call), start + INTERVIEW_LENGTH)
    # Told about the interview only later: the note is due as soon as we know.
    ideal = max(ideal, interview.created_at)
    if local(ideal, tz).date() != start.date():
        ideal = end_of_quiet(ideal, prefs.quiet, tz)
    return ideal


def next_morning(moment: datetime, prefs: Prefs) -> datetime:
    here = local(moment, prefs.tz)
    morning = at_local(here.date() + timedelta(days=1), MORNING, prefs.tz)
    return end_of_quiet(morning, prefs.quiet, prefs.tz)


def handwritten_deadline(interview: Interview, prefs: Prefs) -> datetime:
    """48 hours after the interview, moved on to a day the post is collected.

    A card dropped in a box on a Sunday or a public holiday sits there until the next
    collection, so the deadline is the first collection day at or after the 48 hours.
    """
    deadline = interview.starts_at + HANDWRITTEN_DEADLINE
    while not is_collection_day(local(deadline, prefs.tz).date(), prefs.holidays):
        deadline += timedelta(days=1)
    return deadline


def is_collection_day(day: date, holidays: Container[date] = NO_HOLIDAYS) -> bool:
    """Post boxes are emptied Monday to Saturday, except on public holidays."""
    return day.weekday() != SUNDAY and day not in holidays


def wants_handwritten(interview: Interview) -> bool:
    return interview.culture is Culture.TRADITIONAL or interview.channel is Channel.POST


def first_call_due(interview: Interview, prefs: Prefs) -> datetime:
    """On the day the employer named, the business day after their deadline, or a week on."""
    tz, holidays = prefs.tz, prefs.holidays
    promised = promised_call(interview, prefs)
    if promised is None:
        interview_day = local(interview.starts_at, tz).date()
        day = add_business_days(interview_day, NO_PROMISE_BUSINESS_DAYS, holidays)
        promised = call_moment(day, interview, prefs)
    return _not_before_known(promised, interview, prefs)


def promised_call(interview: Interview, prefs: Prefs) -> datetime | None:
    """The call the employer's word points to: on their day, or the business day after."""
    promise = interview.promise
    if promise is None:
        return None
    day = promise.on
    if promise.kind is PromiseKind.THEY_DECIDE_BY:
        day = add_business_days(promise.on, 1, prefs.holidays)
    return call_moment(day, interview, prefs)


def second_call_due(interview: Interview, prefs: Prefs) -> datetime:
    """A couple of business days after the first call, or later if they named a later day.

    A promise that points past the first call ("we'll know next Tuesday", heard on
    that call) moves the second try to then, never earlier than the usual gap.
    """
    first = interview.calls[0]
    day = add_business_days(local(first.at, prefs.tz).date(), SECOND_CALL_BUSINESS_DAYS,
                            prefs.holidays)
    due = call_moment(day, interview, prefs)
    promised = promised_call(interview, prefs)
    if promised is not None and promised > first.at:
        due = max(due, promised)
    return due


def call_moment(day: date, interview: Interview, prefs: Prefs) -> datetime:
    """When to call on `day`: 10:00 for the user, or in the employer's office hours.

    With the employer in another zone, the first of their office hours (10:00 first)
    that is not in the user's quiet hours; if none is, 10:00 theirs moved out of quiet.
    """
    if not interview.employer_tz:
        return call_slot(day, CALL_TIME, prefs.quiet, prefs.tz, prefs.holidays)
    employer = ZoneInfo(interview.employer_tz)
    day = business_day_on_or_after(day, prefs.holidays)
    slots = [at_local(day, time(hour), employer) for hour in EMPLOYER_CALL_HOURS]
    awake = [m for m in slots if not prefs.quiet.contains(local(m, prefs.tz).time())]
    # Best: their office hours and the user's own working day; else any waking hour.
    for moment in awake:
        if WORK_OPENS <= local(moment, prefs.tz).time() < WORK_CLOSES:
            return moment
    if awake:
        return awake[0]
    return end_of_quiet(slots[0], prefs.quiet, prefs.tz)


def move_on_due(interview: Interview, prefs: Prefs) -> datetime:
    """A week after the last call; if they since named a later day, their call day (the
    business day after a deadline, or the day they said to call), if that is later."""
    last = interview.calls[MAX_CALLS - 1]
    due = week_after(last.at, prefs)
    promised = promised_call(interview, prefs)
    if promised is not None and promised > last.at:
        due = max(due, promised)
    return due


def week_after(moment: datetime, prefs: Prefs) -> datetime:
    day = local(moment, prefs.tz).date() + MOVE_ON_AFTER
    return end_of_quiet(at_local(day, CALL_TIME, prefs.tz), prefs.quiet, prefs.tz)


def call_check_due(reminded_at: datetime, interview: Interview, prefs: Prefs) -> datetime:
    """Two business days after an unanswered call reminder: once, to ask how it went."""
    day = add_business_days(local(reminded_at, prefs.tz).date(), CALL_CHECK_BUSINESS_DAYS,
                            prefs.holidays)
    return call_moment(day, interview, prefs)


def release_time(
    kind: CheckpointKind, interview: Interview, now: datetime, prefs: Prefs
) -> datetime:
    """When a due checkpoint may actually go out: `now`, or later if that would intrude.

    Used at delivery, for checkpoints that fell due while the bot was down or that
    were due the moment they were planned.
    """
    tz = prefs.tz
    if kind is CheckpointKind.THANK_YOU and (
        local(now, tz).date() == local(interview.starts_at, tz).date()
    ):
        return now
    office = ZoneInfo(interview.employer_tz) if interview.employer_tz else tz
    if kind in PHONE_KINDS and not in_working_hours(
        now, office, WORK_OPENS, WORK_CLOSES, prefs.holidays
    ):
        there = local(now, office)
        today = call_moment(there.date(), interview, prefs)
        if today <= now < today + CALL_SLOT:
            # The day's best slot lies outside office hours (the user's quiet hours
            # cover them): that slot is as good as it gets, so it goes now, not never.
            return now
        day = there.date() if there.time() < WORK_OPENS else there.date() + timedelta(days=1)
        return call_moment(day, interview, prefs)
    return end_of_quiet(now, prefs.quiet, tz)


# --- the individual rules -------------------------------------------------------


def _prepare(interview: Interview, prefs: Prefs, now: datetime) -> list[Planned]:
    start = interview.starts_at
    if now >= start - PREPARE_TOO_LATE or interview.created_at >= start - PREPARE_TOO_LATE:
        return []
    due = latest_before_quiet(start - PREPARE_LEAD, prefs.quiet, prefs.tz)
    due = max(due, interview.created_at)
    if prefs.quiet.contains(local(due, prefs.tz).time()):
        return []  # no quiet moment left before it; the add reply carries the tips instead
    return [Planned(CheckpointKind.PREPARE, due)]


def _thank_yous(interview: Interview, prefs: Prefs, done: Container[Key]) -> list[Planned]:
    due = thank_you_due(interview, prefs)
    nudge = next_morning(due, prefs)
    planned: list[Planned] = []
    for person in interview.interviewers:
        planned.append(Planned(CheckpointKind.THANK_YOU, due, person.id))
        if (CheckpointKind.THANK_YOU, person.id) not in done:
            planned.append(Planned(CheckpointKind.THANK_YOU_NUDGE, nudge, person.id))
    return planned


def _handwritten(interview: Interview, prefs: Prefs) -> list[Planned]:
    if not wants_handwritten(interview):
        return []
    deadline = handwritten_deadline(interview, prefs)
    if interview.created_at >= deadline:
        return []
    # Same evening as the e-mail is too much at once; the next morning still leaves a
    # day to write and post it within 48 hours.
    due = max(next_morning(interview.starts_at, prefs), interview.created_at)
    due = end_of_quiet(due, prefs.quiet, prefs.tz)
    if due >= deadline:
        return []  # too late to post in time; the e-mailed note has to do
    return [Planned(CheckpointKind.HANDWRITTEN, due)]


def _calls_and_move_on(
    interview: Interview, prefs: Prefs, reminded: Mapping[Key, datetime]
) -> list[Planned]:
    calls = interview.calls
    planned = [Planned(CheckpointKind.FIRST_CALL, first_call_due(interview, prefs))]
    if len(calls) >= 1:
        planned.append(Planned(CheckpointKind.SECOND_CALL, second_call_due(interview, prefs)))
    if len(calls) >= MAX_CALLS:
        planned.append(Planned(CheckpointKind.MOVE_ON, move_on_due(interview, prefs)))
        return planned
    # The reminder for the next call went out and the user never said how it went:
    # ask once, two business days later, and after a week of silence, move on.
    waiting = CheckpointKind.FIRST_CALL if not calls else CheckpointKind.SECOND_CALL
    reminded_at = reminded.get((waiting, None))
    if reminded_at is not None:
        planned.append(Planned(CheckpointKind.CALL_CHECK,
                               call_check_due(reminded_at, interview, prefs)))
        planned.append(Planned(CheckpointKind.MOVE_ON, week_after(reminded_at, prefs)))
    return planned


def _reflect(interview: Interview, prefs: Prefs) -> Planned:
    at = interview.outcome_at or interview.created_at
    return Planned(
        CheckpointKind.REFLECT, end_of_quiet(at + REFLECT_AFTER, prefs.quiet, prefs.tz)
    )


def _not_before_known(due: datetime, interview: Interview, prefs: Prefs) -> datetime:
    """A call whose day passed before we heard of the interview, or that a promise put
    before the interview had even ended, goes at the next slot after both."""
    known = max(interview.created_at, interview.starts_at + INTERVIEW_LENGTH)
    if due >= known:
        return due
    office = ZoneInfo(interview.employer_tz) if interview.employer_tz else prefs.tz
    if in_working_hours(known, office, WORK_OPENS, WORK_CLOSES, prefs.holidays) and \
            not prefs.quiet.contains(local(known, prefs.tz).time()):
        return known
    there = local(known, office)
    day = there.date() if there.time() < WORK_OPENS else there.date() + timedelta(days=1)
    return call_moment(day, interview, prefs)
