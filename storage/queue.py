"""The one claim queue every worker uses: due checkpoints, club posts, the command inbox.

A queue is a table with a state column. A row waits until it is due; a worker claims it
(state `claimed`, `claimed_at` = when) and then completes it, releases it to wait again
until a retry time, or dies holding it, and `recover` puts it back once its lease is over.
`QueueSpec` names the table's columns and states; `ClaimQueue` runs the statements. What
is particular to one table (what a claimed checkpoint turns into, settle's group commit,
the inbox's one-request-per-author rule) stays in that table's module, which passes its
own filters to `claim`.

What it guarantees, on SQLite and PostgreSQL alike:

- A claim takes at most `limit` rows: waiting ones, due by `now`, matching the caller's
  filters, the first in the queue's order. It hands them back in that order.
- No row is claimed by two workers at once. On PostgreSQL a claim skips the rows another
  transaction has locked (FOR UPDATE SKIP LOCKED), so workers take disjoint batches
  without waiting for each other; on SQLite, which has no row locks, writers take turns
  (BEGIN IMMEDIATE, `storage.database.SQLITE_IMMEDIATE`), so claim in a write
  transaction. The UPDATE re-checks the waiting state either way.
- On PostgreSQL the claim honours its LIMIT. It picks the ids once, into an array, and
  then updates `id = ANY(that array)`. The form `id IN (SELECT … LIMIT n FOR UPDATE SKIP
  LOCKED)` lets the planner run the subquery as the inner side of a nested-loop semi-join,
  rescanning it for every row updated; each rescan locks and returns another row, so the
  inbox's and the club posts' claims of 20 each took all 200 waiting
  (tests/storage/test_queue.py).
- Delivery is at least once. A worker that dies leaves its rows claimed; `recover` puts
  back those claimed before the lease cut-off, so a row is worked on twice only when a
  worker outlives its lease (or dies between its work and `complete`).
- A lease is short (seconds, `bot.delivery.lease`) and renewed while the work goes on:
  `renew` moves `claimed_at` of the rows a live worker still holds to now (its
  heartbeat), so only a dead worker's claims age past the cut-off. `oldest_claim` says
  when the next lease can run out, for a scheduler to look again then. Renewal cannot
  tell whose claim a row is: a worker that outlived its lease and renews a row taken
  over by another only lengthens that other's lease.
- `complete` and `release` change only rows still claimed (a row cancelled meanwhile stays
  cancelled), except that a queue which deletes its finished rows deletes them whatever
  their state, so that a row recovered from a slow worker is not worked on again.

Every method runs on the caller's connection, inside the caller's transaction, and never
commits: a call site can group several calls (settle's confirmations and checks) in one
transaction and adds no round trip. Fixed statements are built once per queue, so their
text is the same every time (psycopg converts them once, the server prepares them once).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    Delete,
    Integer,
    Row,
    Select,
    String,
    Update,
    any_,
    bindparam,
    delete,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

Column = InstrumentedAttribute[Any]

#: SQLite with UPDATE … FROM (3.33) and json_each built in (3.38): a group's ids go as one
#: JSON text; an older library takes the plain statements.
_JSON_ROWS = sqlite3.sqlite_version_info >= (3, 38)


@dataclass(frozen=True, slots=True)
class QueueSpec:
    """Which table is the queue and how its columns say where a row stands."""

    row: type[Any]  # the mapped class
    key: Column  # its integer primary key
    state: Column
    waiting: object  # the state of a row that may be claimed
    claimed: object  # … and of one a worker holds
    claimed_at: Column  # when it was claimed: what the lease runs from
    order: tuple[Column, ...]  # claim order; end with `key` so that ties are settled
    due: Column | None = None  # None: a row is due as soon as it is stored
    done: object | None = None  # the state of a completed row; None deletes it
    done_at: Column | None = None  # with `done`: when it was completed
    attempts: Column | None = None  # counted once per claim or per release
    count_attempt_on: Literal["claim", "release"] = "release"

    def __post_init__(self) -> None:
        if (self.done is None) != (self.done_at is None):
            raise ValueError("a queue's done state and done time go together")


def _unindexed(state: Any) -> Any:
    """`state || ''` on PostgreSQL: the same value, which no index on the state column
    answers, so the planner finds rows by their key and then tests their state."""
    return state.op("||", return_type=state.type)(literal_column("''"))


class ClaimQueue:
    """Claim, recover, release, complete and look ahead on the queue `spec` describes."""

    def __init__(self, spec: QueueSpec) -> None:
        self.spec = spec
        key, state = spec.key, spec.state
        self._sort_key = attrgetter(*(column.key for column in spec.order))
        self._recover: Update = (
            update(spec.row)
            .where(state == spec.claimed,
                   # NULL: claimed by a version that did not record when.
                   or_(spec.claimed_at.is_(None), spec.claimed_at < bindparam("before")))
            .values({state: spec.waiting})
        )
        retry: dict[Any, Any] = {state: spec.waiting}
        if spec.due is not None:
            retry[spec.due] = bindparam("retry_at")
        if spec.attempts is not None and spec.count_attempt_on == "release":
            retry[spec.attempts] = spec.attempts + 1
        self._release: Update = (
            update(spec.row)
            .where(key == bindparam("row_id"), state == spec.claimed)
            .values(retry)
        )
        self._still_claimed: Select[Any] = select(key).where(
            key.in_(bindparam("ids", expanding=True)), state == spec.claimed)
        # PostgreSQL: the ids as one array, so the text is the same whatever their number.
        # `state || ''`: each id found by its key and then its state tested, as `+state`
        # does on SQLite below. Through an index on the state, the check read the entry
        # of every row claimed since the last VACUUM, the dead ones left by each claim
        # and completion included (4,000 settled: 1.7 ms a settle group, 0.4 ms so).
        pg_unindexed = _unindexed(state)
        self._pg_still_claimed: Select[Any] = select(key).where(
            key == any_(bindparam("ids", type_=postgresql.ARRAY(Integer))),
            pg_unindexed == spec.claimed)
        # SQLite: the ids as one JSON array (json_each), so the text is the same whatever
        # their number: no IN list of a new length rendered for every call.
        # `+state`: SQLite would otherwise read every claimed row through the state
        # index and test each against the list, instead of finding each id by its key.
        unindexed = UnaryExpression(state.expression, operator=operators.custom_op("+"),
                                    type_=state.type)
        self._lite_still_claimed: Select[Any] = select(key).where(
            key.in_(select(literal_column("value")).select_from(
                func.json_each(bindparam("ids", type_=String)))),
            unindexed == spec.claimed)
        self._delete: Delete = delete(spec.row).where(key == bindparam("row_id"))
        # `claim`'s statements, by (filters, columns returned, dialect).
        self._claims: dict[tuple[Any, ...], Any] = {}
        self._pg_delete: Delete = delete(spec.row).where(
            key == any_(bindparam("ids", type_=postgresql.ARRAY(Integer))))
        self._renew: Update = (
            update(spec.row)
            .where(key.in_(bindparam("ids", expanding=True)), state == spec.claimed)
            .values({spec.claimed_at: bindparam("now")})
        )
        self._complete: Update | None = None
        self._pg_complete: Update | None = None
        if spec.done is not None and spec.done_at is not None:
            self._complete = (
                update(spec.row)
                .where(key == bindparam("row_id"), state == spec.claimed)
                .values({state: spec.done, spec.done_at: bindparam("at")})
            )
            # PostgreSQL: a whole group completed by one UPDATE over two arrays, not one
            # UPDATE per row.
            done = select(
                func.unnest(bindparam("ids", type_=postgresql.ARRAY(Integer))).label("id"),
                func.unnest(bindparam("ats", type_=postgresql.ARRAY(DateTime(timezone=True))))
                .label("at"),
            ).subquery()
            self._pg_complete = (
                update(spec.row)
                .where(key == done.c.id, state == spec.claimed)
                .values({state: spec.done, spec.done_at: done.c.at})
            )
            # SQLite: a whole group completed by one UPDATE … FROM json_each, not one
            # UPDATE per row (each a round of parameter processing).
            pairs = select(
                func.json_extract(literal_column("value"), "$[0]").label("id"),
                func.json_extract(literal_column("value"), "$[1]").label("at"),
            ).select_from(func.json_each(bindparam("done", type_=String))).subquery()
            self._lite_complete: Update | None = (
                update(spec.row)
                .where(key == pairs.c.id, unindexed == spec.claimed)
                .values({state: spec.done, spec.done_at: pairs.c.at})
            )
            # PostgreSQL: `complete` and `still_claimed` as one statement (the UPDATE in a
            # WITH), so a group settles in one autocommitted round trip instead of BEGIN,
            # two statements and COMMIT. A row it completes is not reported still
            # claimed, as when the check ran after the UPDATE.
            completed = self._pg_complete.returning(key).cte("completed")
            self._pg_complete_and_check: Select[Any] | None = select(key).where(
                key == any_(bindparam("check", type_=postgresql.ARRAY(Integer))),
                pg_unindexed == spec.claimed, key.not_in(select(completed.c.id)))
        else:
            self._pg_complete_and_check = None
            self._lite_complete = None
        # The done time as the column stores it on SQLite (its own bind processor).
        self._lite_at: Callable[[Any], Any] | None = None
        # Statements run on a DBAPI cursor, by (statement, dialect): `_driver`.
        self._on_driver: dict[tuple[int, str], Callable[[Any, dict[str, Any]], Any]] = {}

    def claim(
        self,
        connection: Connection,
        now: datetime,
        limit: int,
        *,
        where: Sequence[ColumnElement[bool]] = (),
        returning: Sequence[Column] | None = None,
        params: dict[str, Any] | None = None,
    ) -> list[Row[Any]]:
        """Claim up to `limit` waiting rows due by `now` that match `where`, in the queue's
        order; their `returning` columns (all by default, the order columns always).

        The statement is built once per (`where`, `returning`) and kept: building it, and
        its cache key, cost more than sending it. A caller that claims often passes the
        same `where` objects each time, with bound parameters (`params`) for what varies,
        as `bindparam("platform")`."""
        if limit <= 0:
            return []
        statement = self._claims.get((tuple(where), tuple(returning or ()),
                                      connection.dialect.name))
        if statement is None:
            statement = self._claim_statement(connection, where, returning)
        values = {**(params or {}), "claim_now": now, "claim_limit": limit}
        # RETURNING promises no order.
        return sorted(connection.execute(statement, values), key=self._sort_key)

    def _claim_statement(self, connection: Connection, where: Sequence[ColumnElement[bool]],
                         returning: Sequence[Column] | None) -> Any:
        spec = self.spec
        now = bindparam("claim_now", type_=DateTime(timezone=True))
        due = [spec.state == spec.waiting, *where]
        if spec.due is not None:
            due.append(spec.due <= now)
        picked = (
            select(spec.key)
            .where(*due)
            .order_by(*spec.order)
            .limit(bindparam("claim_limit", type_=Integer))
            .with_for_update(skip_locked=True)
        )
        still_waiting = spec.state == spec.waiting
        if connection.dialect.name == "postgresql":
            # ARRAY(subquery) is evaluated once, before the update (see the docstring).
            chosen = spec.key == any_(func.array(picked.scalar_subquery()))
            # The rows picked are found by their key, and only then their state tested
            # (`state || ''`, as `still_claimed` does): a plan that read every waiting
            # row through the state index and looked each up in the picked array took
            # time in proportion to the rows waiting (20,000 due: 60-140 ms a claim).
            still_waiting = _unindexed(spec.state) == spec.waiting
        else:
            # SQLite evaluates an uncorrelated IN list once; it ignores FOR UPDATE.
            chosen = spec.key.in_(picked)
        values: dict[Any, Any] = {spec.state: spec.claimed, spec.claimed_at: now}
        if spec.attempts is not None and spec.count_attempt_on == "claim":
            values[spec.attempts] = spec.attempts + 1
        columns: list[Any] = (list(spec.row.__table__.c) if returning is None
                              else list(returning))
        named = {column.key for column in columns}
        columns += [column for column in spec.order if column.key not in named]
        claim = (
            update(spec.row)
            .where(chosen, still_waiting)
            .values(values)
            .returning(*columns)
        )
        # Kept by the filters' identity: a caller building new ones each time only
        # misses, as before (a few are kept, not a growing number: see `claim`).
        if len(self._claims) < 64:
            self._claims[(tuple(where), tuple(returning or ()),
                          connection.dialect.name)] = claim
        return claim

    def recover(self, connection: Connection, claimed_before: datetime) -> int:
        """Rows claimed before `claimed_before` (their lease is over: the worker is taken
        for dead) wait again, claimable at once; how many."""
        result = connection.execute(self._recover, {"before": claimed_before})
        return int(result.rowcount or 0)

    def renew(self, connection: Connection, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat: rows of `ids` still claimed are claimed as of `now` (their lease
        starts again); how many."""
        if not ids:
            return 0
        return int(connection.execute(self._renew, {"ids": list(ids), "now": now}).rowcount
                   or 0)

    def oldest_claim(self, connection: Connection, *,
                     where: Sequence[ColumnElement[bool]] = ()) -> datetime | None:
        """When the longest-held claim among rows matching `where` was last renewed: its
        lease runs out first."""
        found: datetime | None = connection.scalar(self.oldest_claim_query(where=where))
        return found

    def oldest_claim_query(self, *, where: Sequence[ColumnElement[bool]] = ()) -> Select[Any]:
        """`oldest_claim`'s SELECT, to run as a scalar subquery beside others."""
        spec = self.spec
        return select(func.min(spec.claimed_at)).where(spec.state == spec.claimed, *where)

    def release(self, connection: Connection, row_id: int, retry_at: datetime) -> None:
        """A claimed row waits again, due at `retry_at` (a failed attempt: the spec says
        whether it is counted here)."""
        if self.spec.due is None:
            raise TypeError("this queue has no due time to retry at")
        connection.execute(self._release, {"row_id": row_id, "retry_at": retry_at})

    def complete(self, connection: Connection,
                 done: Sequence[tuple[int, datetime | None]]) -> None:
        """(row id, when) for rows whose work is done: claimed ones move to the done
        state, with that time; a queue without a done state deletes them."""
        if not done:
            return
        if self._complete is None:
            if connection.dialect.name == "postgresql":  # one statement, however many
                connection.execute(self._pg_delete, {"ids": [row_id for row_id, _ in done]})
                return
            connection.execute(self._delete, [{"row_id": row_id} for row_id, _ in done])
        elif self._pg_complete is not None and connection.dialect.name == "postgresql":
            connection.execute(self._pg_complete, {
                "ids": [row_id for row_id, _ in done],
                "ats": [None if at is None else at.astimezone(UTC) for _, at in done]})
        elif self._lite_complete is not None and _JSON_ROWS and len(done) > 1 \
                and connection.dialect.name == "sqlite":
            stored = self._stored_at(connection)
            connection.execute(self._lite_complete, {"done": json.dumps(
                [[row_id, stored(at)] for row_id, at in done])})
        else:
            connection.execute(self._complete,
                               [{"row_id": row_id, "at": at} for row_id, at in done])

    def complete_and_check(self, connection: Connection,
                           done: Sequence[tuple[int, datetime | None]],
                           check: Sequence[int]) -> set[int]:
        """`complete` then `still_claimed`, as one statement where the database allows
        (PostgreSQL, for a queue with a done state): atomic alone, so on a connection in
        autocommit it is committed when it returns."""
        if (not done or not check or self._pg_complete_and_check is None
                or connection.dialect.name != "postgresql"):
            self.complete(connection, done)
            return self.still_claimed(connection, check)
        return set(connection.scalars(self._pg_complete_and_check, {
            "ids": [row_id for row_id, _ in done],
            "ats": [None if at is None else at.astimezone(UTC) for _, at in done],
            "check": list(check)}))

    def settles_on_driver(self, dialect: Any) -> bool:
        """Whether `complete_and_check_on_driver` serves this queue on `dialect`:
        PostgreSQL, or a SQLite that reads JSON (3.38), for a queue with a done state."""
        if self._pg_complete_and_check is None:
            return False
        return dialect.name == "postgresql" or (dialect.name == "sqlite" and _JSON_ROWS)

    def complete_and_check_on_driver(self, cursor: Any, dialect: Any,
                                     done: Sequence[tuple[int, datetime | None]],
                                     check: Sequence[int]) -> set[int]:
        """`complete_and_check`'s statements, the same text, run on a DBAPI cursor: the
        per-message bookkeeping of delivery, where SQLAlchemy's execution of a statement
        (its context, events, parameter and result processing) cost more CPU than the
        driver's and the database's work together. Only where `settles_on_driver`;
        the caller owns the transaction (one statement on PostgreSQL, atomic alone)."""
        if dialect.name == "postgresql":
            ats = [None if at is None else at.astimezone(UTC) for _, at in done]
            ids = [row_id for row_id, _ in done]
            if done and check:
                run = self._driver(self._pg_complete_and_check, dialect)
                return set(run(cursor, {"ids": ids, "ats": ats, "check": list(check)}))
            if done:
                assert self._pg_complete is not None
                self._driver(self._pg_complete, dialect)(cursor, {"ids": ids, "ats": ats})
                return set()
            if not check:
                return set()
            return set(self._driver(self._pg_still_claimed, dialect)(
                cursor, {"ids": list(check)}))
        if done:
            assert self._lite_complete is not None
            stored = self._stored_at_for(dialect)
            self._driver(self._lite_complete, dialect)(cursor, {"done": json.dumps(
                [[row_id, stored(at)] for row_id, at in done])})
        if not check:
            return set()
        return set(self._driver(self._lite_still_claimed, dialect)(
            cursor, {"ids": json.dumps(list(check))}))

    def _driver(self, statement: Any, dialect: Any) -> Callable[[Any, dict[str, Any]], Any]:
        """`statement` compiled once for `dialect` into its text and constant parameters
        (the states, as their column types store them), as a function that runs it on a
        DBAPI cursor with the varying parameters and returns the first column of each
        row it returns."""
        key = (id(statement), dialect.name)
        found = self._on_driver.get(key)
        if found is not None:
            return found
        compiled = statement.compile(dialect=dialect)
        text = str(compiled)
        # Each parameter's conversion as its type gives it to the dialect (public API).
        processors = {name: process for name, bind in compiled.binds.items()
                      if (process := bind.type.dialect_impl(dialect).bind_processor(dialect))}
        constant = {name: processors[name](value) if name in processors else value
                    for name, value in compiled.params.items() if value is not None}
        positional = compiled.positional
        names = tuple(compiled.positiontup or ()) if positional else ()

        varying = {name: process for name, process in processors.items()
                   if name not in constant}

        def run(cursor: Any, values: dict[str, Any]) -> Any:
            merged = dict(constant)
            for name, value in values.items():
                process = varying.get(name)
                merged[name] = value if process is None or value is None else process(value)
            cursor.execute(text, tuple(merged[name] for name in names) if positional
                           else merged)
            if cursor.description is None:
                return ()
            return [row[0] for row in cursor.fetchall()]

        self._on_driver[key] = run
        return run

    def _stored_at_for(self, dialect: Any) -> Callable[[Any], Any]:
        """`_stored_at` from a dialect rather than a connection."""
        if self._lite_at is None:
            assert self.spec.done_at is not None
            kind = self.spec.done_at.type.dialect_impl(dialect)
            process = kind.bind_processor(dialect)
            self._lite_at = process if process is not None else (lambda value: value)
        return self._lite_at

    def still_claimed(self, connection: Connection, ids: Sequence[int]) -> set[int]:
        """Which of `ids` are still claimed: the check before a worker acts on a row that
        may have been cancelled or recovered since it was claimed."""
        if not ids:
            return set()
        dialect = connection.dialect.name
        if dialect == "postgresql":
            return set(connection.scalars(self._pg_still_claimed, {"ids": list(ids)}))
        if dialect == "sqlite" and _JSON_ROWS:
            return set(connection.scalars(self._lite_still_claimed,
                                          {"ids": json.dumps(list(ids))}))
        return set(connection.scalars(self._still_claimed, {"ids": list(ids)}))

    def _stored_at(self, connection: Connection) -> Callable[[Any], Any]:
        """The done-time column's own conversion to what SQLite stores (text), so a time
        written through JSON reads back as one written by a plain UPDATE."""
        return self._stored_at_for(connection.dialect)

    def next_due(self, connection: Connection, *,
                 where: Sequence[ColumnElement[bool]] = ()) -> datetime | None:
        """The earliest due time among waiting rows matching `where` (claimed rows are
        someone's work already): ORDER BY … LIMIT 1, one probe of a (state, …, due)
        index where one exists."""
        found: datetime | None = connection.scalar(self.next_due_query(where=where))
        return found

    def next_due_query(self, *, where: Sequence[ColumnElement[bool]] = ()) -> Select[Any]:
        """`next_due`'s SELECT, to run as a scalar subquery beside others."""
        spec = self.spec
        if spec.due is None:
            raise TypeError("this queue has no due times")
        return (select(spec.due).where(spec.state == spec.waiting, *where)
                .order_by(spec.due).limit(1))
