"""Undo for a step the bot marked done on its own reading (a BCC'd thank-you).

The done row is cancelled, not put back: its history stays honest (it was never really
done), and `replan` then plans the step again as if it had never been marked.
"""

from __future__ import annotations

from bot.commands import UndoDone
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.model import CheckpointState


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
