"""Why a step falls when it does: the rule behind a checkpoint's day, as data.

Pure, like the plan itself: the same interview, preferences and history give the same
reason. `bot/content/explanations.py` turns a `Reason` into a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.model import CheckpointKind, Interview, PromiseKind
from bot.rules.calendar import is_business_day, local
from bot.rules.plan import (
    MAX_CALLS,
    NO_PROMISE_BUSINESS_DAYS,
    SECOND_CALL_BUSINESS_DAYS,
    Prefs,
    promised_call,
)


class Rule(StrEnum):
    """Which rule set a step's day."""

    PREPARE = "prepare"  # shortly before the interview
    THANK_YOU = "thank_you"  # the same day, about an hour after it ends
    NUDGE = "nudge"  # the next morning, if the note is still unsent
    CARD = "card"  # next morning, to be posted within 48 hours
    CALL_ON_THEIR_DAY = "call_on_their_day"  # they said when to call
    CALL_AFTER_DEADLINE = "call_after_deadline"  # the business day after their deadline
    CALL_AFTER_A_WEEK = "call_after_a_week"  # nothing promised: a working week on
    SECOND_CALL = "second_call"  # two business days after an unanswered first call
    CALL_CHECK = "call_check"  # a call reminder went out and nothing was reported
    MOVE_ON = "move_on"  # a week after the last call
    REFLECT = "reflect"  # an hour after the outcome
    SNOOZED = "snoozed"  # the person chose the time


@dataclass(frozen=True, slots=True)
class Reason:
    """The rule behind a step's day; `skipped` are the days it stepped over to reach a
    business day (weekends and `holidays` among them)."""

    rule: Rule
    due: datetime
    aimed_at: date | None = None  # the day the rule pointed to, before business days
    skipped: tuple[date, ...] = ()
    holidays: tuple[date, ...] = ()
    business_days: int | None = None  # the count of business days the rule adds


_CALLS = {CheckpointKind.FIRST_CALL, CheckpointKind.SECOND_CALL, CheckpointKind.CALL_CHECK}


def explain(kind: CheckpointKind, due: datetime, interview: Interview, prefs: Prefs, *,
            snoozed: bool = False) -> Reason:
    """The reason a `kind` step of `interview` is due at `due`."""
    if snoozed:
        return Reason(Rule.SNOOZED, due)
    simple = {
        CheckpointKind.PREPARE: Rule.PREPARE, CheckpointKind.THANK_YOU: Rule.THANK_YOU,
        CheckpointKind.THANK_YOU_NUDGE: Rule.NUDGE, CheckpointKind.HANDWRITTEN: Rule.CARD,
        CheckpointKind.MOVE_ON: Rule.MOVE_ON, CheckpointKind.REFLECT: Rule.REFLECT,
    }
    if kind in simple:
        return Reason(simple[kind], due)
    if kind is CheckpointKind.CALL_CHECK:
        return Reason(Rule.CALL_CHECK, due)
    day = local(due, prefs.tz).date()
    if kind is CheckpointKind.SECOND_CALL and interview.calls:
        promised = promised_call(interview, prefs)
        if promised is None or promised <= interview.calls[0].at or promised < due:
            aimed = local(interview.calls[0].at, prefs.tz).date() + timedelta(days=1)
            return _stepped(Reason(Rule.SECOND_CALL, due, aimed,
                                   business_days=SECOND_CALL_BUSINESS_DAYS), day, prefs)
    promise = interview.promise
    if promise is None or len(interview.calls) >= MAX_CALLS:
        start = local(interview.starts_at, prefs.tz).date() + timedelta(days=1)
        return _stepped(Reason(Rule.CALL_AFTER_A_WEEK, due, start,
                               business_days=NO_PROMISE_BUSINESS_DAYS), day, prefs)
    if promise.kind is PromiseKind.THEY_DECIDE_BY:
        return _stepped(Reason(Rule.CALL_AFTER_DEADLINE, due, promise.on + timedelta(days=1),
                               business_days=1), day, prefs)
    return _stepped(Reason(Rule.CALL_ON_THEIR_DAY, due, promise.on), day, prefs)


def _stepped(reason: Reason, day: date, prefs: Prefs) -> Reason:
    """Fill in the non-business days between where the rule aimed and the day it fell."""
    aimed = reason.aimed_at
    if aimed is None or aimed > day:
        return reason
    skipped = tuple(d for d in _days(aimed, day) if not is_business_day(d, prefs.holidays))
    holidays = tuple(d for d in skipped if d in prefs.holidays)
    return Reason(reason.rule, reason.due, aimed, skipped, holidays, reason.business_days)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
