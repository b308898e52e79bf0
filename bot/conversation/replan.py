"""Keeps stored checkpoints in step with the rules after every change to an interview.

The rules say what the plan should be; this module makes the table say the same,
without ever re-sending what already went out unless the plan moved it (a new promise).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.model import Checkpoint, CheckpointState, Interview, Outcome
from bot.ports.repository import PlanChange, Repository
from bot.rules.plan import CALL_KINDS, Key, Prefs, plan_checkpoints

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
    before: Interview | None = None,
    rows: list[Checkpoint] | None = None,
    also: Sequence[PlanChange] = (),
    outcome: Outcome | None = None,
) -> list[Checkpoint]:
    """Add, move or cancel the interview's checkpoints to match `plan_checkpoints`, and
    return them as this left them (ordered by due time, as `checkpoints_for` gives them).
    `rows`: the interview's checkpoints when the caller knows them without reading (an
    interview just added has none); else they are read. `also`: the caller's own changes
    to the checkpoints, written together with the plan's; `rows` then shows them made.
    `outcome`: the outcome the caller records for the interview at `now`, written with
    the plan too (`interview` shows it already).

    `before` is the interview as it was before the employer named a new day: a call
    reminder that already went out comes again when the new day moved that call, even
    if the day is today or already past. A step moved to a time already past is due
    now (not "late", as if the bot had been offline).
    """
    if rows is None:
        rows = repo.checkpoints_for(interview.id)
    if before is not None and _rearm_calls(repo, before, interview, prefs, now, rows):
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
    changes: list[PlanChange] = []
    for p in planned:
        row = active.get(p.key)
        if row is None:
            continue
        if row.state is CheckpointState.PENDING and row.due_at != p.due_at and \
                not (p.due_at <= now and row.due_at <= now):
            changes.append(PlanChange(row.id, (CheckpointState.PENDING,),
                                      due_at=max(p.due_at, now)))

    for key, row in active.items():
        if key not in wanted:
            # A reminder in flight (SENDING) is cancelled too: delivery checks the row
            # again just before it sends, so an outcome stops it going out.
            changes.append(PlanChange(row.id, (row.state,), state=CheckpointState.CANCELLED))
    # The plan's writes (and the caller's) together: one statement where the database
    # allows.
    changes = [*also, *changes]
    added, changed = repo.change_plan(interview.id, new, changes, now, outcome=outcome) \
        if new or changes or outcome is not None else ([], [])
    left = {row.id: row for row in rows}
    left.update((row.id, row) for row in added)
    if None in changed:
        # A row moved meanwhile (delivery claimed or sent it): read them all again.
        return repo.checkpoints_for(interview.id)
    left.update((row.id, row) for row in changed if row is not None)
    return sorted(left.values(), key=lambda row: (row.due_at, row.id))


def _rearm_calls(
    repo: Repository, before: Interview, after: Interview, prefs: Prefs, now: datetime,
    rows: list[Checkpoint],
) -> bool:
    """Put call reminders that went out back in the queue, for the calls the new promise
    moved (compared plan to plan: a snooze or a held delivery is not a move)."""
    was = {p.key: p.due_at for p in plan_checkpoints(before, prefs, now)}
    will = {p.key: p.due_at for p in plan_checkpoints(after, prefs, now)}
    moved = False
    for key, row in active_by_key(rows).items():
        due = will.get(key)
        if row.kind in CALL_KINDS and row.state is CheckpointState.SENT and due is not None \
                and due != was.get(key):
            moved |= None is not repo.update_checkpoint(
                row.id, state=CheckpointState.PENDING, due_at=max(due, now),
                expect=[CheckpointState.SENT],
            )
    return moved
