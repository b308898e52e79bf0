"""A pressed button as the typed command it stands for.

A button carries an `ActionId` and a record id (a checkpoint's or an interview's); both
are structured already, so nothing here reads text. A value that is no record id (a
forged or stale button) gives None, which the conversation answers as not found.
"""

from __future__ import annotations

from datetime import timedelta

from bot.commands import (
    AddInterview,
    CallNews,
    Command,
    ConfirmDelete,
    ConfirmForget,
    EditChoice,
    InterviewRecord,
    MarkDone,
    Reflect,
    ReportCall,
    ReportOutcome,
    ShowPlan,
    Snooze,
    SnoozeFor,
    SnoozeTillMorning,
    StepRecord,
    UndoAdd,
    UndoDelete,
    UndoDone,
    UndoReading,
)
from bot.messages import ActionId
from bot.model import CallResult, Outcome

_OUTCOMES = {
    ActionId.OUTCOME_OFFER: Outcome.OFFER,
    ActionId.OUTCOME_REJECTED: Outcome.REJECTED,
    ActionId.OUTCOME_NEXT_ROUND: Outcome.NEXT_ROUND,
    ActionId.OUTCOME_OTHER: Outcome.HEARD,
}
_CALLS = {
    ActionId.CALLED_NO_ANSWER: CallResult.NO_ANSWER,
    ActionId.CALLED_ANSWERED: CallResult.ANSWERED,
}


def record_id(value: str) -> int | None:
    """A button's record id, if it is one: plain ASCII digits that fit a database integer."""
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


def command_for(action: ActionId, value: str) -> Command | None:
    if action is ActionId.ADD:
        return AddInterview()
    record = record_id(value)
    if record is None:
        return None
    if action is ActionId.EDIT:
        return EditChoice(record)
    step, interview = StepRecord(record), InterviewRecord(record)
    if action in (ActionId.SENT, ActionId.DONE):
        return MarkDone(step)
    if action is ActionId.UNDO_DONE:
        return UndoDone(step)
    if action is ActionId.SNOOZE_2H:
        return Snooze(step, SnoozeFor(timedelta(hours=2)))
    if action is ActionId.SNOOZE_TOMORROW:
        return Snooze(step, SnoozeTillMorning())
    if action is ActionId.SHOW_DRAFTS:
        return ShowPlan(step)
    if action in _CALLS:
        return ReportCall(interview, _CALLS[action])
    if action in (ActionId.NAMED_A_DAY, ActionId.NO_NEWS):
        return CallNews(interview, no_news=action is ActionId.NO_NEWS)
    if action is ActionId.HEARD_BACK:
        return ReportOutcome(interview)
    if action in _OUTCOMES:
        return ReportOutcome(interview, _OUTCOMES[action])
    if action is ActionId.SHOW_PLAN:
        return ShowPlan(interview)
    if action is ActionId.REFLECT:
        return Reflect(interview)
    if action in (ActionId.DELETE_INTERVIEW, ActionId.KEEP_INTERVIEW):
        return ConfirmDelete(interview, yes=action is ActionId.DELETE_INTERVIEW)
    if action is ActionId.UNDO_DELETE:
        return UndoDelete(record)
    if action is ActionId.NOT_MEANT:
        return UndoReading(record)
    if action is ActionId.NOT_MEANT_ADD:
        return UndoAdd(interview)
    if action in (ActionId.FORGET_ME, ActionId.KEEP_MY_DATA):
        return ConfirmForget(record, yes=action is ActionId.FORGET_ME)
    return None
