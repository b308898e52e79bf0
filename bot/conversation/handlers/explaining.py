"""`why`: the rule behind a step's day, so a date the bot picked never feels arbitrary."""

from __future__ import annotations

from datetime import date

from bot.commands import ExplainStep, InterviewRecord, OnlyOpenInterview, StepNumber
from bot.content.explanations import explanation
from bot.content.formatting import checkpoint_label, checkpoint_ref
from bot.conversation.replan import ACTIVE
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.model import Checkpoint, CheckpointKind, Interview, PromiseKind
from bot.rules.explain import explain


def why(turn: Turn, command: ExplainStep) -> list[Reply]:
    if command.on is not None:
        return _on_day(turn, command.on, command.interview)
    step = command.step
    if step is None:
        interview = turn.interview(OnlyOpenInterview())
        if isinstance(interview, Reply):
            return [interview]
        step = StepNumber(interview.number)
    found = turn.step(step)
    if isinstance(found, Reply):
        return [found]
    interview, cp = found
    if cp.state not in ACTIVE:
        return [Reply(text=f"{checkpoint_label(cp, interview)} is already "
                           f"{cp.state.value}; `plan {interview.number}` shows what's next.")]
    reason = explain(cp.kind, cp.due_at, interview, turn.prefs(), snoozed=cp.snoozed)
    return [Reply(text=f"{checkpoint_label(cp, interview)} — "
                       + explanation(reason, interview, turn.tz))]


def _on_day(turn: Turn, day: date, named: InterviewRecord | None = None) -> list[Reply]:
    """"Why Monday?": the rule behind each step planned that day, of the interview named
    if one was; each said with its interview when several are tracked."""
    items = [(i, steps) for i, steps in turn.items() if named is None or i.id == named.record_id]
    several = len(turn.items()) > 1
    lines = []
    for interview, steps in items:
        for cp in steps:
            if cp.state in ACTIVE and cp.due_at.astimezone(turn.tz).date() == day:
                reason = explain(cp.kind, cp.due_at, interview, turn.prefs(),
                                 snoozed=cp.snoozed)
                whose = f"#{interview.number} {interview.company}: " if several else ""
                lines.append(f"{whose}{checkpoint_label(cp, interview)} — "
                             + explanation(reason, interview, turn.tz))
    if not lines and named is not None and items:
        interview = items[0][0]
        return [Reply(text=f"Nothing of {interview.company} (#{interview.number}) is planned "
                           f"for {day:%a %d %b}. `plan {interview.number}` shows its days, and "
                           f"`why {interview.number}.<step>` explains any of them.")]
    if not lines:
        promised = _their_day(turn, items, day)
        if promised is not None:
            return [promised]
        return [Reply(text=f"Nothing is planned for {day:%a %d %b}. `list` shows what's next.")]
    return [Reply(text="\n".join(lines[:4]))]


def _their_day(turn: Turn, items: list[tuple[Interview, list[Checkpoint]]], day: date
               ) -> Reply | None:
    """"Why Friday?" when Friday is the day an employer said they'd decide by: nothing is
    planned on it, and the call comes after it; None when no promise falls that day."""
    for interview, steps in items:
        promise = interview.promise
        if promise is None or promise.kind is not PromiseKind.THEY_DECIDE_BY \
                or promise.on != day or not interview.is_open:
            continue
        call = next(((n, cp) for n, cp in enumerate(steps, 1) if cp.state in ACTIVE
                     and cp.kind in _CALLS and cp.due_at.astimezone(turn.tz).date() > day),
                    None)
        after = "" if call is None else (
            f": your call comes after it, on {call[1].due_at.astimezone(turn.tz):%a %d %b} "
            f"(`why {checkpoint_ref(interview, call[0])}`)")
        return Reply(text=f"{day:%a %d %b} is the day {interview.company} "
                          f"(#{interview.number}) said they'd decide by, so nothing is planned "
                          f"on it{after}.")
    return None


_CALLS = (CheckpointKind.FIRST_CALL, CheckpointKind.SECOND_CALL)
