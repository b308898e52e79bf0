"""How dates, checkpoints and interviews read in the bot's messages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.model import Checkpoint, CheckpointKind, CheckpointState, Interview, Outcome

KIND_LABELS: dict[CheckpointKind, str] = {
    CheckpointKind.PREPARE: "Prepare your questions",
    CheckpointKind.THANK_YOU: "Thank-you note",
    CheckpointKind.THANK_YOU_NUDGE: "Thank-you nudge",
    CheckpointKind.HANDWRITTEN: "Handwritten card",
    CheckpointKind.FIRST_CALL: "First follow-up call",
    CheckpointKind.SECOND_CALL: "Second (last) call",
    CheckpointKind.CALL_CHECK: "How did the call go?",
    CheckpointKind.MOVE_ON: "Time to move on",
    CheckpointKind.REFLECT: "Reflect",
}

STATE_LABELS: dict[CheckpointState, str] = {
    CheckpointState.PENDING: "planned",
    CheckpointState.SENDING: "sending",
    CheckpointState.SENT: "reminded",
    CheckpointState.DONE: "done",
    CheckpointState.CANCELLED: "not needed",
}

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.OFFER: "offer",
    Outcome.REJECTED: "rejected",
    Outcome.NEXT_ROUND: "next round",
    Outcome.HEARD: "heard back",
    Outcome.WITHDREW: "withdrew",
    Outcome.NO_RESPONSE: "moved on after no response",
    Outcome.CANCELLED: "stopped",
}


def when(moment: datetime, tz: ZoneInfo) -> str:
    """'Mon 2026-11-23 16:30 EST': weekday, ISO date and local time, never ambiguous."""
    here = moment.astimezone(tz)
    return f"{here:%a %Y-%m-%d %H:%M} {here.tzname()}"


def day(moment: datetime, tz: ZoneInfo) -> str:
    here = moment.astimezone(tz)
    return f"{here:%a %Y-%m-%d}"


def checkpoint_label(checkpoint: Checkpoint, interview: Interview) -> str:
    label = KIND_LABELS[checkpoint.kind]
    if checkpoint.interviewer_id is not None:
        for person in interview.interviewers:
            if person.id == checkpoint.interviewer_id:
                return f"{label} to {person.name}"
    return label


def interview_status(interview: Interview) -> str:
    if interview.outcome is None:
        return "open"
    return OUTCOME_LABELS[interview.outcome]


def checkpoint_ref(interview: Interview, position: int) -> str:
    """What the user types to name a checkpoint: '<interview>.<position>', e.g. '1.3'."""
    return f"{interview.number}.{position}"
