"""Interviews deleted with an Undo, or changed from words: a copy of their rows, kept a while.

`delete 2` acts at once (the person said so) and offers Undo instead of asking first.
The interview's own rows (the interview, its interviewers, calls and checkpoints) are
deleted as before, and a copy of them is kept here, as JSON, until `until`; Undo puts
them back with their ids, so buttons and links made before still point at them (on
SQLite, which hands a freed id to the next row, a taken id is replaced by a new one). The
links others held (a journal note, a next round) were set to NULL by the delete and
are set back if still empty. A copy goes with its person (ON DELETE CASCADE: `forget
me` leaves none), and the clock deletes the copies whose time is up.

A change read from a sentence ("they offered me the job!") keeps the same copy of the
interview from *before* the change (`keep_before`, migration 0020), so "Not what I meant"
can put it back (`revert_interview`). Its `interview_id` says which interview it is of
(it goes with that interview), and `after` a digest of what the change left: once
anything else has changed the interview, the copy is refused rather than undoing that
too. A reminder delivered meanwhile stays delivered: putting a step back never sends it
twice.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import AbstractContextManager
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.clubs.model import PostKind, PostState
from bot.model import CheckpointState, Revert, Reverted
from storage.models import (
    Base,
    CallRow,
    CheckpointRow,
    ClubPostRow,
    InterviewerRow,
    InterviewRow,
    JournalRow,
    UtcDateTime,
)


class SetAsideRow(Base):
    """A deleted interview's rows, restorable until `until` (migration 0019); or, with
    `interview_id`, that interview's rows before a change read from words (0020)."""

    __tablename__ = "set_aside_interviews"
    __table_args__ = (CheckConstraint("after IS NULL OR interview_id IS NOT NULL",
                                      name="after_only_for_a_change"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           index=True)
    rows: Mapped[str] = mapped_column(Text)
    until: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    after: Mapped[str | None] = mapped_column(Text)  # digest of the change's result


#: The rows an interview owns, parents first (the order to put them back in).
_OWN: tuple[tuple[str, type[Base]], ...] = (
    ("interviews", InterviewRow), ("interviewers", InterviewerRow), ("calls", CallRow),
    ("checkpoints", CheckpointRow))
#: The columns that point at another restored row, by table: (column, its table).
_PARENTS = {"interviewers": (("interview_id", "interviews"),),
            "calls": (("interview_id", "interviews"),),
            "checkpoints": (("interview_id", "interviews"), ("interviewer_id", "interviewers"))}


class SetAsideStorage:
    """The Undo half of deleting an interview, a mixin of `SqlRepository`."""

    if TYPE_CHECKING:
        def _session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...
        def _delete_interview(self, session: Session, row: InterviewRow) -> dict[str, int]: ...

    def set_aside_interview(self, interview_id: int, until: datetime
                            ) -> tuple[int, dict[str, int]] | None:
        """Delete the interview (`_delete_interview`), keeping a copy for Undo until
        `until`, in one transaction; the copy's id and the counts, or None if it is gone."""
        with self._session(write=True) as session:
            row = session.get(InterviewRow, interview_id)
            if row is None:
                return None
            kept = _copy(session, interview_id)
            person_id = row.person_id
            counts = self._delete_interview(session, row)
            held = SetAsideRow(person_id=person_id, rows=json.dumps(kept), until=until)
            session.add(held)
            session.flush()
            return held.id, counts

    def restore_interview(self, held_id: int, person_id: int, now: datetime) -> int | None:
        """Put a set-aside interview back (under its old number, or the next free one if
        that was taken since); its id, or None when the copy is gone, expired or not
        this person's."""
        with self._session(write=True) as session:
            held = session.get(SetAsideRow, held_id, with_for_update=True)
            if held is None or held.person_id != person_id or held.until <= now \
                    or held.interview_id is not None:
                return None
            kept = json.loads(held.rows)
            (interview,) = kept["interviews"]
            taken = session.scalar(select(InterviewRow.id).where(
                InterviewRow.person_id == person_id, InterviewRow.number == interview["number"]))
            if taken is not None:
                interview["number"] = 1 + (session.scalar(select(func.max(InterviewRow.number))
                                                          .where(InterviewRow.person_id
                                                                 == person_id)) or 0)
            new_ids: dict[str, dict[int, int]] = {}
            for name, row_type in _OWN:
                table = _table(row_type)
                new_ids[name] = {}
                for values in kept[name]:
                    row_values = _typed(table, values)
                    for column, parent in _PARENTS.get(name, ()):
                        if row_values[column] is not None:
                            row_values[column] = new_ids[parent][row_values[column]]
                    old_id = row_values["id"]
                    if session.get(row_type, old_id) is not None:
                        del row_values["id"]  # SQLite gave the id to a newer row
                    new_ids[name][old_id] = int(session.execute(
                        insert(table).values(row_values).returning(table.c.id)).scalar_one())
            interview_id = new_ids["interviews"][int(interview["id"])]
            if kept["journal"]:
                session.execute(update(JournalRow).where(
                    JournalRow.id.in_(kept["journal"]), JournalRow.interview_id.is_(None))
                    .values(interview_id=interview_id))
            if kept["next_rounds"]:
                session.execute(update(InterviewRow).where(
                    InterviewRow.id.in_(kept["next_rounds"]), InterviewRow.parent_id.is_(None))
                    .values(parent_id=interview_id))
            session.delete(held)
            session.flush()
            return interview_id

    def keep_before(self, interview_id: int, until: datetime, note: str | None = None
                    ) -> int | None:
        """Copy the interview's rows before a change, with `note` (the caller's, given
        back by `revert_interview`); the copy's id, or None if the interview is gone."""
        with self._session(write=True) as session:
            row = session.get(InterviewRow, interview_id)
            if row is None:
                return None
            kept = _copy(session, interview_id)
            kept["note"] = note
            held = SetAsideRow(person_id=row.person_id, rows=json.dumps(kept), until=until,
                               interview_id=interview_id)
            session.add(held)
            session.flush()
            return held.id

    def seal_before(self, held_id: int) -> bool:
        """After the change: record what it left, or drop the copy when it changed
        nothing (a question asked instead); whether there is something to undo."""
        with self._session(write=True) as session:
            held = session.get(SetAsideRow, held_id)
            if held is None or held.interview_id is None:
                return False
            now_digest = _digest(_copy(session, held.interview_id))
            if now_digest == _digest(json.loads(held.rows)):
                session.delete(held)
                return False
            held.after = now_digest
            return True

    def revert_interview(self, held_id: int, person_id: int, now: datetime) -> Revert:
        """Put the interview back as `keep_before` copied it, if nothing but delivery
        has touched it since the change; the copy is used up when it is."""
        with self._session(write=True) as session:
            held = session.get(SetAsideRow, held_id, with_for_update=True)
            if held is None or held.person_id != person_id or held.until <= now \
                    or held.interview_id is None or held.after is None:
                return Revert(Reverted.GONE)
            interview_id = held.interview_id
            session.get(InterviewRow, interview_id, with_for_update=True)
            current = _copy(session, interview_id)
            if _digest(current) != held.after:
                return Revert(Reverted.CHANGED, interview_id)
            if any(c["state"] == CheckpointState.SENDING.value for c in current["checkpoints"]):
                return Revert(Reverted.BUSY, interview_id)
            kept = json.loads(held.rows)
            for child in set(current["next_rounds"]) - set(kept["next_rounds"]):
                child_row = session.get(InterviewRow, child)
                if child_row is not None:  # a next round the change made
                    self._delete_interview(session, child_row)
            session.execute(
                update(ClubPostRow)
                .where(ClubPostRow.person_id == person_id,
                       ClubPostRow.kind == PostKind.MOMENT,
                       ClubPostRow.ref.startswith(f"{interview_id}:"),
                       ClubPostRow.state == PostState.PENDING,
                       ClubPostRow.id.not_in(kept["posts"]))
                .values(state=PostState.CANCELLED))
            _put_back(session, kept, current)
            session.delete(held)
            session.flush()
            return Revert(Reverted.DONE, interview_id, kept.get("note"))

    def forget_set_aside(self, now: datetime) -> int:
        """Delete the copies whose time for Undo is up; how many went."""
        with self._session(write=True) as session:
            gone = session.execute(delete(SetAsideRow).where(SetAsideRow.until <= now))
            return int(gone.rowcount)  # type: ignore[attr-defined]


def _copy(session: Session, interview_id: int) -> dict[str, Any]:
    """The interview's own rows as JSON can hold them, with the ids of the rows that
    point at it (journal notes, next rounds) and its club moments still waiting."""
    kept: dict[str, Any] = {
        name: [_plain(_table(row), r._mapping) for r in session.execute(
            select(_table(row)).where(_owned_by(_table(row), interview_id))
            .order_by(_table(row).c.id))]
        for name, row in _OWN}
    kept["journal"] = sorted(session.scalars(
        select(JournalRow.id).where(JournalRow.interview_id == interview_id)))
    kept["next_rounds"] = sorted(session.scalars(
        select(InterviewRow.id).where(InterviewRow.parent_id == interview_id)))
    kept["posts"] = sorted(session.scalars(
        select(ClubPostRow.id).where(ClubPostRow.kind == PostKind.MOMENT,
                                     ClubPostRow.ref.startswith(f"{interview_id}:"),
                                     ClubPostRow.state == PostState.PENDING)))
    return kept


#: A step's columns that delivery changes on its own: not part of "what the change left".
_DELIVERY = ("sent_at", "claimed_at", "attempts", "platform")
#: The states delivery moves a step through by itself, as one.
_UNDELIVERED = {CheckpointState.PENDING.value, CheckpointState.SENDING.value,
                CheckpointState.SENT.value}


def _digest(kept: dict[str, Any]) -> str:
    """What a person's change left, blind to delivery going on meanwhile."""
    steps = [{k: ("waiting" if k == "state" and v in _UNDELIVERED else v)
              for k, v in step.items() if k not in _DELIVERY}
             for step in kept["checkpoints"]]
    seen = {name: kept[name] for name in ("interviews", "interviewers", "calls",
                                          "next_rounds")}
    text = json.dumps({**seen, "checkpoints": steps}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _put_back(session: Session, kept: dict[str, Any], current: dict[str, Any]) -> None:
    """Make the interview's rows what `kept` holds: rows the change added go, rows it
    removed come back (under a new id if SQLite gave theirs away), the rest get their
    old values; a step delivered since keeps its delivery."""
    for name, row_type in reversed(_OWN[1:]):  # children first
        gone = {r["id"] for r in current[name]} - {r["id"] for r in kept[name]}
        if gone:
            session.execute(delete(_table(row_type)).where(_table(row_type).c.id.in_(gone)))
    now_rows = {name: {r["id"]: r for r in current[name]} for name, _ in _OWN}
    new_ids: dict[str, dict[int, int]] = {}
    for name, row_type in _OWN:
        table = _table(row_type)
        new_ids[name] = {}
        for values in kept[name]:
            old_id = int(values["id"])
            present = now_rows[name].get(old_id)
            if name == "checkpoints" and present is not None \
                    and present["state"] == CheckpointState.SENT.value \
                    and values["state"] == CheckpointState.PENDING.value:
                values = {**values, "state": present["state"],
                          **{k: present[k] for k in _DELIVERY}}
            row_values = _typed(table, values)
            for column, parent in _PARENTS.get(name, ()):
                if row_values[column] is not None:
                    row_values[column] = new_ids[parent].get(row_values[column],
                                                             row_values[column])
            if present is not None:
                session.execute(update(table).where(table.c.id == old_id)
                                .values({k: v for k, v in row_values.items() if k != "id"}))
                new_ids[name][old_id] = old_id
                continue
            if session.get(row_type, old_id) is not None:
                del row_values["id"]  # SQLite gave the id to a newer row
            new_ids[name][old_id] = int(session.execute(
                insert(table).values(row_values).returning(table.c.id)).scalar_one())


def _table(row: type[Base]) -> Table:
    return cast(Table, row.__table__)


def _owned_by(table: Table, interview_id: int) -> Any:
    return (table.c.id if table.name == "interviews" else table.c.interview_id) == interview_id


def _plain(table: Table, row: Any) -> dict[str, Any]:
    """A row's values as JSON can hold them (times and dates as ISO text, enums as text)."""
    plain: dict[str, Any] = {}
    for column in table.columns:
        value = row[column]
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, Enum):
            value = value.value
        plain[column.name] = value
    return plain


def _typed(table: Table, plain: dict[str, Any]) -> dict[str, Any]:
    """`_plain` undone, by each column's type."""
    typed: dict[str, Any] = {}
    for column in table.columns:
        value = plain.get(column.name)
        if value is not None and isinstance(column.type, UtcDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        typed[column.name] = value
    return typed


__all__ = ["SetAsideRow", "SetAsideStorage"]
