"""The "Not what I meant" button under a change read from a sentence.

A sure reading acts at once, so a misreading must cost one press to take back. Before
the change, the interview it touches is copied (`Repository.keep_before`, with the
question that waited); after it, the copy is sealed with what the change left, or
dropped when nothing changed (a question was asked instead). An `add` read from words
needs no copy: its button deletes the interview it made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from bot.commands import (
    AddInterview,
    AddInterviewFields,
    CancelInterview,
    Command,
    CorrectInterview,
    InterviewNumber,
    InterviewRecord,
    MarkDone,
    MarkSent,
    OnlyOpenInterview,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    Snooze,
)
from bot.conversation import flows
from bot.conversation.handlers.correcting import UNDO_FOR
from bot.conversation.turn import Turn
from bot.messages import Action, ActionId, Reply
from bot.model import Interview

#: Commands that change one existing interview (or a step of it).
_CHANGES = (MarkSent, MarkDone, ReportCall, ReportOutcome, RecordPromise, Snooze,
            CancelInterview, CorrectInterview)
LABEL = "Not what I meant"


@dataclass(frozen=True, slots=True)
class Undoable:
    """What to offer once the command has run: the copy kept before it, or (for an
    add) the interviews that were there before."""

    held: int | None = None
    known: frozenset[int] = frozenset()


def before(turn: Turn, command: Command) -> Undoable | None:
    """Keep what `command` may change; None when it changes no interview."""
    if isinstance(command, AddInterview | AddInterviewFields):
        return Undoable(known=frozenset(i.id for i in turn.repo.list_interviews(
            turn.person.id)))
    if not isinstance(command, _CHANGES):
        return None
    interview = _target(turn, command)
    if interview is None:
        return None  # its own reply asks which, or says why not
    return keep(turn, interview)


def keep(turn: Turn, interview: Interview) -> Undoable | None:
    """Copy the interview, and the question waiting now, before a change from words."""
    waiting = turn.flow()
    note = None if waiting is None else json.dumps(flows.dump(waiting))
    held = turn.repo.keep_before(interview.id, turn.now + UNDO_FOR, note)
    return None if held is None else Undoable(held=held)


def attach(turn: Turn, undo: Undoable | None, replies: list[Reply]) -> list[Reply]:
    """`replies` with the button under the first, when the change changed something."""
    actions = button(turn, undo)
    if not actions or not replies:
        return replies
    first = replies[0]
    return [replace(first, actions=(*first.actions, *actions)), *replies[1:]]


def button(turn: Turn, undo: Undoable | None) -> tuple[Action, ...]:
    """The button for what the command did; none when it changed nothing."""
    if undo is None:
        return ()
    if undo.held is not None:
        sealed = turn.repo.seal_before(undo.held)
        return (Action(ActionId.NOT_MEANT, LABEL, str(undo.held)),) if sealed else ()
    added = [i for i in turn.repo.list_interviews(turn.person.id) if i.id not in undo.known]
    return (Action(ActionId.NOT_MEANT_ADD, LABEL, str(added[0].id)),) if len(added) == 1 \
        else ()


def _target(turn: Turn, command: Command) -> Interview | None:
    if isinstance(command, Snooze | MarkDone):
        if command.step is None:
            open_ones = turn.open_interviews()
            return open_ones[0] if len(open_ones) == 1 else None
        found = turn.step(command.step)
        return None if not isinstance(found, tuple) else found[0]
    ref = getattr(command, "interview", None)
    if not isinstance(ref, InterviewNumber | InterviewRecord | OnlyOpenInterview):
        return None
    found_one = turn.interview(ref)
    return found_one if isinstance(found_one, Interview) else None
