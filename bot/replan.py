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


def replan(
    repo: Repository,
    interview: Interview,
    prefs: Prefs,
    now: datetime,
    *,
    promise_moved: bool = False,
) -> None:
    """Add, move or cancel the interview's checkpoints to match `plan_checkpoints`.

    `promise_moved` says the employer named a new day: a call reminder that already
    went out must come again on it, even if that day is today or already past.
    """
    rows = repo.checkpoints_for(interview.id)
    if promise_moved and _rearm_calls(repo, interview, prefs, now, rows):
        rows = repo.checkpoints_for(interview.id)
    done = {row.key for row in rows if row.state is CheckpointState.DONE}
    active = active_by_key(rows)
    snoozed = {
        key: row.due_at
        for key, row in active.items()
        if row.snoozed and row.state is CheckpointState.PENDING
    }
    reminded = {
        key: row.sent_at or row.due_at
        for key, row in active.items()
        if row.kind in CALL_KINDS and row.state is CheckpointState.SENT
    }
    planned = plan_checkpoints(interview, prefs, now, done=done, snoozed=snoozed,
                               reminded=reminded)
    wanted = {p.key for p in planned}

    new = [(p.kind, p.interviewer_id, p.due_at) for p in planned if p.key not in active]
    repo.add_checkpoints(interview.id, new, now)
    for p in planned:
        row = active.get(p.key)
        if row is None:
            continue
        if row.state is CheckpointState.PENDING and row.due_at != p.due_at:
            repo.update_checkpoint(row.id, due_at=p.due_at, expect=[CheckpointState.PENDING])

    for key, row in active.items():
        if key not in wanted:
            # A reminder in flight (SENDING) is cancelled too: delivery checks the row
            # again just before it sends, so an outcome stops it going out.
            repo.update_checkpoint(
                row.id, state=CheckpointState.CANCELLED, expect=[row.state]
            )


def _rearm_calls(
    repo: Repository, interview: Interview, prefs: Prefs, now: datetime,
    rows: list[Checkpoint],
) -> bool:
    """Put call reminders that went out back in the queue at the day the new promise names.

    A day already past means due now; delivery's release time moves it into working hours.
    """
    planned = {p.key: p.due_at for p in plan_checkpoints(interview, prefs, now)}
    moved = False
    for key, row in active_by_key(rows).items():
        due = planned.get(key)
        if row.kind in CALL_KINDS and row.state is CheckpointState.SENT and due is not None \
                and due != row.due_at:
            moved |= None is not repo.update_checkpoint(
                row.id, state=CheckpointState.PENDING, due_at=due,
                expect=[CheckpointState.SENT],
            )
    return moved
