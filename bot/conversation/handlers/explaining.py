"""`why`: the rule behind a step's day, so a date the bot picked never feels arbitrary."""

from __future__ import annotations

from datetime import date

from bot.commands import ExplainStep, OnlyOpenInterview, StepNumber
from bot.content.explanations import explanation
from bot.content.formatting import checkpoint_label
from bot.conversation.replan import ACTIVE
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.rules.explain import explain


def why(turn: Turn, command: ExplainStep) -> list[Reply]:
    if command.on is not None:
        return _on_day(turn, command.on)
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


def _on_day(turn: Turn, day: date) -> list[Reply]:
    """"Why Monday?": the rule behind each step planned that day."""
    lines = []
    for interview, steps in turn.items():
        for cp in steps:
            if cp.state in ACTIVE and cp.due_at.astimezone(turn.tz).date() == day:
                reason = explain(cp.kind, cp.due_at, interview, turn.prefs(),
                                 snoozed=cp.snoozed)
                lines.append(f"{checkpoint_label(cp, interview)} — "
                             + explanation(reason, interview, turn.tz))
    if not lines:
        return [Reply(text=f"Nothing is planned for {day:%a %d %b}. `list` shows what's next.")]
    return [Reply(text="\n".join(lines[:4]))]
