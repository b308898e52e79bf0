"""Requests already applied, with what they answered: what makes a repeat harmless.

A platform may deliver one request twice (Slack retries an event or a slash command it
thinks failed; a person double-presses a button). Each request has a durable key, and
`answered_requests` holds one row per key, its primary key the invariant: the row is
written in the same transaction as the request's changes (`serialised`), so a request is
applied, and recorded as applied, together or not at all. A repeat finds the row and is
answered with what the first answer said. `AnswerStorage` is a mixin of `SqlRepository`.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    Connection,
    ForeignKey,
    String,
    Table,
    Text,
    bindparam,
    delete,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.ports.answers import StoredAnswer
from storage.models import Base, PersonRow, UtcDateTime

#: How long an applied request is remembered: platforms retry within minutes, and a
#: double press comes within seconds.
KEEP_ANSWERS = timedelta(days=1)
#: Answers older than `KEEP_ANSWERS` are deleted by a recording at most this often (by
#: the recording's own time), not by every one: the purge read the table's answered_at
#: index, or all of it while the planner had no statistics for a young table (a busy
#: minute's answers: 0.4 ms of the server's time a command), to find nothing to delete
#: almost every time. An answer is remembered at least `KEEP_ANSWERS`, at most this
#: much longer.
PURGE_EVERY = timedelta(minutes=1)


class AnsweredRequestRow(Base):
    """One applied request: its key, whose it was, and its answer's texts (JSON)."""

    __tablename__ = "answered_requests"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    answer: Mapped[str] = mapped_column(Text)


class AnswerStorage:
    """The answered-requests half of `SqlRepository`."""

    #: The recording time of this repository's last purge (`PURGE_EVERY`); None: none yet.
    _answers_purged_at: datetime | None = None

    if TYPE_CHECKING:
        def _session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...
        def _core(self, *, write: bool = False) -> AbstractContextManager[Connection]: ...
        _unit: ContextVar[Session | None]

    def answer_for(self, key: str) -> StoredAnswer | None:
        """What the request `key` answered, if it was applied (inside a unit: as of it)."""
        unit = self._unit.get()
        read: dict[str, tuple[str, datetime] | None] = (
            {} if unit is None else unit.info.get("answers", {}))
        if key in read:  # read with the person's lock (`serialised(…, request=key)`)
            earlier = read[key]
            return None if earlier is None else StoredAnswer(tuple(json.loads(earlier[0])),
                                                             earlier[1])
        with self._core() as connection:
            row = connection.execute(_ANSWER, {"key": key}).first()
            if row is None:
                return None
            return StoredAnswer(tuple(json.loads(row.answer)), row.answered_at)

    def record_answer(self, key: str, person_id: int, texts: tuple[str, ...],
                      at: datetime) -> None:
        """The request `key` is applied and answered `texts`. Call it inside the unit that
        applied it; a second record of one key breaks the primary key (IntegrityError:
        on PostgreSQL, inside a unit, when the unit ends, since the record is sent with
        its COMMIT). A request that deleted its person (`forget me`) leaves nothing of
        them behind, so nothing is recorded. Answers older than `KEEP_ANSWERS` are
        forgotten on the way, by a recording every `PURGE_EVERY` at most."""
        values: dict[str, Any] = {"key": key, "person_id": person_id, "answered_at": at,
                                  "answer": json.dumps(list(texts))}
        if self._purge_due(at):
            values["forget_before"] = at - KEEP_ANSWERS
        unit = self._unit.get()
        # Inside the person's unit the person is known to exist (its lock read the row).
        known = unit is not None and person_id in unit.info.get("people", {})
        if unit is not None:
            unit.info.get("answers", {}).pop(key, None)  # read afresh from now on
            if known and unit.get_bind().dialect.name == "postgresql":
                # Sent with the unit's COMMIT, in one message, or before whatever the
                # unit does next (`send_pending_answer`): a round trip saved.
                send_pending_answer(unit, commit=False)
                unit.info[_PENDING] = values
                return
        with self._core(write=True) as connection:
            if not known and connection.execute(
                    select(PersonRow.id).where(PersonRow.id == person_id)).first() is None:
                return
            purge = "forget_before" in values
            if connection.dialect.name == "postgresql":
                # The purge rides along in the same statement (a data-modifying CTE).
                connection.execute(_RECORD_AND_PURGE if purge else _RECORD, values)
                return
            if purge:
                connection.execute(_PURGE, values)
            connection.execute(_RECORD, values)

    def _purge_due(self, at: datetime) -> bool:
        """Whether a recording at `at` deletes the old answers (`PURGE_EVERY`), noting
        that it does. Two threads may both purge at once: harmless, as is a purge rolled
        back with its unit (the answers are kept a little longer)."""
        last = self._answers_purged_at
        if last is not None and timedelta(0) <= at - last < PURGE_EVERY:
            return False
        self._answers_purged_at = at
        return True

    def answered_keys(self) -> list[str]:
        """Every key remembered (tests and health)."""
        with self._session() as session:
            return list(session.scalars(select(AnsweredRequestRow.key)
                                        .order_by(AnsweredRequestRow.answered_at)))


_ANSWERS = cast(Table, AnsweredRequestRow.__table__)
_ANSWER = select(_ANSWERS.c.answer, _ANSWERS.c.answered_at).where(
    _ANSWERS.c.key == bindparam("key"))
#: `record_answer`'s statements, built once (building one costs more than sending it).
_PURGE = delete(_ANSWERS).where(_ANSWERS.c.answered_at < bindparam("forget_before"))
_RECORD = insert(_ANSWERS)  # its columns: the values passed
_RECORD_AND_PURGE = _RECORD.add_cte(_PURGE.cte("purged"))
#: The execution option asking for COMMIT in the same message as the statement
#: (`storage.repository`, on a unit's connection on PostgreSQL).
COMMIT_AFTER = "followup_commit_after"
#: A unit's recorded answer with its COMMIT: (purging, committing) -> statement.
_PENDING_STATEMENTS = {
    (True, True): _RECORD_AND_PURGE.execution_options(**{COMMIT_AFTER: True}),
    (True, False): _RECORD_AND_PURGE,
    (False, True): _RECORD.execution_options(**{COMMIT_AFTER: True}),
    (False, False): _RECORD,
}
#: Where a unit keeps the answer recorded in it until it is sent.
_PENDING = "pending_answer"


#: The execution option naming a statement (driver text, values) to send at the head of
#: the same message (`storage.repository`, on a unit's connection on PostgreSQL).
SENT_BEFORE = "followup_sent_before"


def send_pending_answer(unit: Session, *, commit: bool,
                        before: tuple[str, dict[str, Any]] | None = None) -> bool:
    """Send the answer `record_answer` left in the unit (PostgreSQL), if any: with
    `commit`, as the unit's last statement, COMMIT in the same message, and `before`
    (a statement's driver text and values) at its head. True if there was one."""
    values = unit.info.pop(_PENDING, None)
    if values is None:
        return False
    unit.connection().execute(_PENDING_STATEMENTS["forget_before" in values, commit], values,
                              execution_options={} if before is None else
                              {SENT_BEFORE: before})
    return True

__all__ = ["COMMIT_AFTER", "KEEP_ANSWERS", "PURGE_EVERY", "SENT_BEFORE", "AnswerStorage",
           "AnsweredRequestRow", "send_pending_answer"]
