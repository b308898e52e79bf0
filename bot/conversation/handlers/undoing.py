"""Undo for what the bot did on its own reading: "Not what I meant", and a BCC'd note.

A change read from a sentence carries "Not what I meant": the interview goes back to
the copy kept just before the change (`keep_before`), its plan recomputed, and the
question that waited then is asked again. An interview added from a sentence is
deleted instead (with the delete's own Undo). Neither undoes later changes: once the
person has changed the interview again, the button says so and leaves it.

A step marked done on the bot's reading (a BCC'd thank-you) has its done row cancelled,
not put back: its history stays honest (it was never really done), and `replan` then
plans the step again as if it had never been marked.
"""

from __future__ import annotations

import json

from bot.commands import UndoAdd, UndoDone, UndoReading
from bot.conversation import flows
from bot.conversation.handlers.correcting import UNDO_FOR, delete_with_undo
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.model import CheckpointState, Reverted


def undo_done(turn: Turn, command: UndoDone) -> list[Reply]:
    found = turn.step(command.step)
    if isinstance(found, Reply):
        return [found]
    interview, cp = found
    if cp.state is not CheckpointState.DONE or turn.repo.update_checkpoint(
            cp.id, state=CheckpointState.CANCELLED, expect=[CheckpointState.DONE]) is None:
        return [Reply(text="That step isn't marked done any more, so there's nothing to "
                           "undo.", replace_original=False)]
    turn.replan(turn.repo.get_interview(interview.id) or interview)
    return [Reply(text=f"Undone: that step of #{interview.number} ({interview.title}) "
                       f"is waiting again. `plan {interview.number}` shows when.")]


def undo_reading(turn: Turn, command: UndoReading) -> list[Reply]:
    """"Not what I meant" under a change read from words."""
    result = turn.repo.revert_interview(command.held, turn.person.id, turn.now)
    interview = None if result.interview_id is None \
        else turn.owned_interview(result.interview_id)
    if interview is None:
        return [Reply(text="There's nothing to put back: that was undone already, or its "
                           "day for undoing is over. `list` shows your interviews, and "
                           "`fix <number> …` changes any detail.", replace_original=False)]
    n = interview.number
    if result.status is Reverted.CHANGED:
        return [Reply(text=f"#{n} ({interview.title}) has changed since I read that, so "
                           "putting it back would undo your later changes too. I left it "
                           f"as it is: `plan {n}` shows it, and `fix {n} …` changes any "
                           "detail.", replace_original=False)]
    if result.status is Reverted.BUSY:
        return [Reply(text=f"A reminder about #{n} is going out this very moment, so I "
                           "changed nothing yet. Press the button again in a minute.",
                      replace_original=False)]
    turn.replan(interview)
    text = (f"OK, not that. #{n} ({interview.title}) is back as it was before, with its "
            f"plan: `plan {n}` shows it.")
    asked = _question_again(turn, result.note)
    return [Reply(text=text + (f"\nBack to my question: {asked}" if asked else ""),
                  replace_original=False)]


def _question_again(turn: Turn, stored: str | None) -> str | None:
    """The question that waited when the change was read, waiting again (if nothing
    else waits now); its words, or None."""
    if not stored or turn.flow() is not None:
        return None
    try:
        flow = flows.load(json.loads(stored))
    except (flows.StaleFlow, ValueError):
        return None
    turn.set_flow(flow)
    return flow.question


def undo_add(turn: Turn, command: UndoAdd) -> list[Reply]:
    """"Not what I meant" under an interview added from words: it goes, with an Undo."""
    interview = turn.owned_interview(command.interview.record_id)
    if interview is None:
        return [Reply(text="That interview is gone already. `list` shows yours.",
                      replace_original=False)]
    if turn.now - interview.created_at > UNDO_FOR:
        return [Reply(text=f"#{interview.number} was added over a day ago, so I left it. "
                           f"`delete {interview.number}` deletes it (with an Undo).",
                      replace_original=False)]
    return [delete_with_undo(turn, interview)]
