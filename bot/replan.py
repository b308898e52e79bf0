"""Keeps stored checkpoints in step with the rules after every change to an interview.

The rules say what the plan should be; this module makes the table say the same,
without ever re-sending what already went out unless the plan moved it (a new promise).
"""

from __future__ import annotations

from datetime import datetime

from bot.model import Checkpoint, CheckpointState, Interview
from bot.plan import CALL_KINDS, Key, Prefs, plan_checkpoints
from bot.repository import Repository

ACTIVE = (CheckpointState.PENDING, CheckpointState.SENDING, CheckpointState.SENT)


def active_by_key(rows: list[Checkpoint]) -> dict[Key, Checkpoint]:
    found: dict[Key, Checkpoint] = {}
    for row in sorted(rows, key=lambda r: r.id):
        if row.state in ACTIVE:
            found[row.key] = row
    return found


def replan(repo: Repository, interview: Interview, prefs: Prefs, now: datetime) -> None:
    """Add, move or cancel the interview's checkpoints to match `plan_checkpoints`."""
    rows = repo.checkpoints_for(interview.id)
    done = {row.key for row in rows if row.state is CheckpointState.DONE}
    active = active_by_key(rows)
    snoozed = {
        key: row.due_at
        for key, row in active.items()
        if row.snoozed and row.state is CheckpointState.PENDING
    }
    planned = plan_checkpoints(interview, prefs, now, done=done, snoozed=snoozed)
    wanted = {p.key for p in planned}

    new = [(p.kind, p.interviewer_id, p.due_at) for p in planned if p.key not in active]
    repo.add_checkpoints(interview.id, new, now)
    for p in planned:
        row = active.get(p.key)
        if row is None:
            continue
        if row.state is CheckpointState.PENDING and row.due_at != p.due_at:
            repo.update_checkpoint(row.id, due_at=p.due_at, expect=[CheckpointState.PENDING])
        elif (
            row.state is CheckpointState.SENT
            and row.kind in CALL_KINDS
            and row.due_at != p.due_at
            and p.due_at > now
        ):
            # The employer moved the date: the call reminder must come again then.
            repo.update_checkpoint(
                row.id, state=CheckpointState.PENDING, due_at=p.due_at,
                expect=[CheckpointState.SENT],
            )

    for key, row in active.items():
        if key not in wanted and row.state in (CheckpointState.PENDING, CheckpointState.SENT):
            repo.update_checkpoint(
                row.id, state=CheckpointState.CANCELLED, expect=[row.state]
            )
