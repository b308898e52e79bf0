"""Interviews deleted with an Undo: a copy of their rows, kept for a short while.

`delete 2` acts at once (the person said so) and offers Undo instead of asking first.
The interview's own rows (the interview, its interviewers, calls and checkpoints) are
deleted as before, and a copy of them is kept here, as JSON, until `until`; Undo puts
them back with their ids, so buttons and links made before still point at them (on
SQLite, which hands a freed id to the next row, a taken id is replaced by a new one). The
links others held (a journal note, a next round) were set to NULL by the delete and
are set back if still empty. A copy goes with its person (ON DELETE CASCADE: `forget
me` leaves none), and the clock deletes the copies whose time is up.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Date, ForeignKey, Table, Text, delete, func, insert, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.models import (
    Base,
    CallRow,
    CheckpointRow,
    InterviewerRow,
    InterviewRow,
    JournalRow,
    UtcDateTime,
)


class SetAsideRow(Base):
    """A deleted interview's rows, restorable until `until` (migration 0019)."""

    __tablename__ = "set_aside_interviews"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           index=True)
    rows: Mapped[str] = mapped_column(Text)
    until: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


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
            kept: dict[str, Any] = {
                name: [_plain(_table(row), r._mapping) for r in session.execute(
                    select(_table(row)).where(_owned_by(_table(row), interview_id)))]
                for name, row in _OWN}
            kept["journal"] = list(session.scalars(
                select(JournalRow.id).where(JournalRow.interview_id == interview_id)))
            kept["next_rounds"] = list(session.scalars(
                select(InterviewRow.id).where(InterviewRow.parent_id == interview_id)))
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
            if held is None or held.person_id != person_id or held.until <= now:
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

    def forget_set_aside(self, now: datetime) -> int:
        """Delete the copies whose time for Undo is up; how many went."""
        with self._session(write=True) as session:
            gone = session.execute(delete(SetAsideRow).where(SetAsideRow.until <= now))
            return int(gone.rowcount)  # type: ignore[attr-defined]


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
