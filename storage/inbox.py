"""A durable inbox of platform requests acknowledged by one process and answered by another.

The Slack web process stores a slash command here and acks at once; the process that
runs the clock claims it and does the work. Slack does not resend a slash command, so
storing it before the ack is what makes an acknowledged command survive a crash.
`InboxStorage` is a mixin that `storage.repository.SqlRepository` inherits (each method
one short transaction); `InboxAppender` is the web process's cheaper way in.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    any_,
    bindparam,
    delete,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from bot.model import Platform
from bot.ports.inbox import NewRequest, StoredRequest
from bot.ports.repository import RepositoryUnavailable
from storage import database
from storage.answers import COMMIT_AFTER
from storage.models import Base, EnumText, UtcDateTime
from storage.queue import ClaimQueue, QueueSpec

WAITING = "waiting"
WORKING = "working"
#: A claim that finds a backlog refreshes the inbox's planner statistics at most this
#: often (seconds; PostgreSQL). The inbox is nearly empty most of the time, so the
#: statistics autovacuum last took say almost nothing waits; planned on those, a claim
#: walks every waiting row, checks each for an older one of its author's and sorts them
#: (6,000 waiting: 5.6 ms a claim), so a burst's claims slow down as it grows. Refreshed,
#: the claim walks the ids in order and stops at its limit (0.06 ms).
RESTAT_EVERY = 10.0

log = logging.getLogger(__name__)


class InboxRow(Base):
    """One request waiting for an answer: `payload` is the platform's own JSON."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_author_id", "author", "id"),
                      UniqueConstraint("request_key", name="uq_inbox_request_key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[Platform] = mapped_column(EnumText(Platform))
    author: Mapped[str] = mapped_column(String(160))  # whose: their requests keep order
    payload: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default=WAITING, index=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: The request's idempotency key (Slack's trigger id): the same request delivered
    #: twice is stored once. NULL for a request without one (NULLs never clash).
    request_key: Mapped[str | None] = mapped_column(String(255))


#: Requests are due as soon as they are stored and go in the order received; each claim
#: counts an attempt; an answered one is deleted.
INBOX = ClaimQueue(QueueSpec(
    row=InboxRow, key=InboxRow.id, state=InboxRow.state, waiting=WAITING, claimed=WORKING,
    claimed_at=InboxRow.claimed_at, order=(InboxRow.id,),
    attempts=InboxRow.attempts, count_attempt_on="claim",
))
#: What a claimed request hands its worker.
_CLAIMED = (InboxRow.id, InboxRow.payload, InboxRow.received_at, InboxRow.attempts,
            InboxRow.request_key)
_OLDER = aliased(InboxRow)
#: A claimable request: the platform's, and its author's oldest (built once: `claim`
#: keeps its statement by these).
_CLAIMABLE = (InboxRow.platform == bindparam("on_platform", type_=EnumText(Platform)),
              ~(select(_OLDER.id).where(_OLDER.author == InboxRow.author,
                                        _OLDER.id < InboxRow.id).exists()))


#: Answered rows' DELETE as the driver's text, sent at the head of a person's unit's last
#: message on PostgreSQL (`SqlRepository.finish_request_with_next_unit`); and as a
#: statement of its own carrying the unit's COMMIT, when the unit recorded no answer.
FINISHED_ROWS = "DELETE FROM inbox WHERE id = ANY(%(finished_ids)s::integer[])"
FINISH_AND_COMMIT = delete(InboxRow).where(
    InboxRow.id == any_(bindparam("ids", type_=postgresql.ARRAY(Integer)))
).execution_options(**{COMMIT_AFTER: True})


def _row(platform: Platform, request: NewRequest, at: datetime) -> dict[str, Any]:
    key = request[2] if len(request) > 2 else None
    return {"platform": platform, "author": request[0], "payload": request[1],
            "received_at": at, "state": WAITING, "attempts": 0, "request_key": key}


class InboxStorage:
    """The inbox half of `SqlRepository`: store, claim, finish, recover."""

    _inbox_restat_at = -math.inf  # monotonic; set per repository by `_restat_inbox`

    if TYPE_CHECKING:
        engine: Engine

        def _session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...

        def _connection(self, *, write: bool = False
                        ) -> AbstractContextManager[Connection]: ...

        def _single_statement(self) -> AbstractContextManager[Connection]: ...

    def enqueue(self, platform: Platform, requests: Sequence[NewRequest], at: datetime
                ) -> list[int]:
        """Store (author, payload[, key]) requests in one transaction; their ids order
        them as given, behind everything stored before. A request whose key is stored
        already is skipped (a repeat): the ids are those of the rows stored."""
        if not requests:
            return []
        ids: list[int] = []
        with self._connection(write=True) as connection:
            dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
            for request in requests:  # one by one: a skipped repeat leaves no gap in order
                stored = connection.execute(
                    dialect.insert(InboxRow).values(_row(platform, request, at))
                    .on_conflict_do_nothing(index_elements=["request_key"])
                    .returning(InboxRow.id)).scalar()
                if stored is not None:
                    ids.append(int(stored))
        return ids

    def request_appender(self) -> InboxAppender:
        """The web process's cheaper way in (see `InboxAppender`)."""
        return InboxAppender(self)

    def request_listener(self) -> InboxListener | None:
        """On PostgreSQL, a LISTEN on the channel every inbox insert notifies (migration
        0011's trigger); elsewhere None."""
        return InboxListener(self.engine) if self.engine.dialect.name == "postgresql" \
            else None

    def claim_requests(self, platform: Platform, now: datetime, limit: int) -> list[StoredRequest]:
        """Oldest waiting requests first, marked as being worked on by this process.

        Only each author's oldest request is claimable (an older one of theirs is still
        waiting or being answered), so however many processes drain the inbox, one
        person's requests are answered one at a time, in the order they were sent.
        """
        with self._single_statement() as connection:
            rows = INBOX.claim(connection, now, limit, where=_CLAIMABLE, returning=_CLAIMED,
                               params={"on_platform": platform})
            claimed = [StoredRequest(row.id, row.payload, row.received_at, row.attempts,
                                     row.request_key) for row in rows]
        if len(claimed) == limit:  # a full batch: more may be waiting behind it
            self._restat_inbox()
        return claimed

    def _restat_inbox(self) -> None:
        """ANALYZE the inbox on PostgreSQL, at most every `RESTAT_EVERY` seconds, so that
        a backlog's claims are planned knowing it is there (see `RESTAT_EVERY`). A
        failure is logged once and never tried again: claims still work, only slower."""
        if self.engine.dialect.name != "postgresql":
            return
        if time.monotonic() - self._inbox_restat_at < RESTAT_EVERY:
            return
        self._inbox_restat_at = time.monotonic()
        try:
            with self._single_statement() as connection:
                # SKIP_LOCKED: never wait behind autovacuum or another worker's ANALYZE.
                connection.exec_driver_sql(
                    f"ANALYZE (SKIP_LOCKED) {InboxRow.__tablename__}")
        except RepositoryUnavailable:
            return  # the database is down: tried again on a later backlog
        except Exception as error:  # only the statistics are missed
            self._inbox_restat_at = math.inf
            log.warning("could not refresh the inbox's statistics (%s); a backlog's "
                        "claims may slow down", str(error).strip().splitlines()[0][:200])

    def finish_request(self, request_id: int) -> None:
        """Answered (or given up on with an apology): the row is not needed any more. One
        statement, autocommitted on PostgreSQL."""
        with self._single_statement() as connection:
            INBOX.complete(connection, [(request_id, None)])

    def finish_requests(self, request_ids: Sequence[int]) -> None:
        """`finish_request` for several rows, in one statement."""
        if len(request_ids) == 1:
            self.finish_request(request_ids[0])
        elif request_ids:
            with self._single_statement() as connection:
                INBOX.complete(connection, [(request_id, None) for request_id in request_ids])

    def recover_requests(self, claimed_before: datetime) -> int:
        """Requests a dead worker had claimed go back to the queue; how many."""
        with self._session(write=True) as session:
            return INBOX.recover(session.connection(), claimed_before)

    def oldest_request_claim(self) -> datetime | None:
        """When the longest-held claim was last renewed: a worker idle meanwhile wakes
        when its lease can run out, not only at its safety poll."""
        with self._session() as session:
            return INBOX.oldest_claim(session.connection())

    def renew_requests(self, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat of a live worker: its claims' leases start again at `now`."""
        with self._session(write=True) as session:
            return INBOX.renew(session.connection(), ids, now)

    def waiting_requests(self, platform: Platform) -> int:
        """How many requests wait or are being worked on (health and benchmarks)."""
        with self._session() as session:
            return int(session.scalar(
                select(func.count(InboxRow.id)).where(InboxRow.platform == platform)) or 0)


@lru_cache(maxsize=128)
def _insert_rows(count: int) -> str:
    """One PostgreSQL INSERT of `count` inbox rows (psycopg placeholders)."""
    row = "(%s, %s, %s, %s, %s, 0, %s)"
    return ("INSERT INTO inbox (platform, author, payload, state, received_at, attempts, "
            f"request_key) VALUES {', '.join([row] * count)} "
            "ON CONFLICT (request_key) DO NOTHING")


class InboxAppender:
    """Stores requests in the inbox over a PostgreSQL connection of its own, kept open.

    The Slack web process stores every slash command before it acks, from one writer
    thread, and on two cores its CPU per ack sets its throughput. Each write here is one
    autocommitted multi-row INSERT: one round trip, with no pool checkout, BEGIN, COMMIT
    or RETURNING around it. Measured in the web process at c=64 (A/B, three rounds):
    1.42 to 1.48 ms of CPU per ack through `InboxStorage.enqueue`, 1.13 to 1.17 ms this
    way; a bare Bolt app that stores nothing, 0.99 to 1.14. Rows get their ids in VALUES
    order, so requests stay in the order given. A connection idle longer than
    `PING_AFTER_IDLE` is pinged first and replaced if the server dropped it, as the pool
    does. On other databases (SQLite) it writes through `InboxStorage.enqueue`. One
    thread at a time.
    """

    def __init__(self, repo: InboxStorage) -> None:
        self._repo = repo
        self._engine = repo.engine
        self._connection: Any = None  # the driver's own connection, autocommitting
        self._used_at = 0.0

    def append(self, platform: Platform, requests: Sequence[NewRequest],
               at: datetime) -> None:
        """Store (author, payload[, key]) requests in one transaction, in the order given;
        one whose key is stored already is skipped. Raises RepositoryUnavailable when the
        database cannot store them."""
        if not requests:
            return
        if self._engine.dialect.name != "postgresql":
            self._repo.enqueue(platform, requests, at)
            return
        received = at.astimezone(UTC)
        values = [value for request in requests
                  for value in (platform.value, request[0], request[1], WAITING, received,
                                _row(platform, request, at)["request_key"])]
        connection = self._ready()
        try:
            with connection.cursor() as cursor:
                cursor.execute(_insert_rows(len(requests)), values)
        except self._engine.dialect.loaded_dbapi.Error as error:
            self.close()  # whatever went wrong, the next write starts on a fresh connection
            raise RepositoryUnavailable(str(error).strip().splitlines()[0]) from error
        self._used_at = time.monotonic()

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):  # a broken connection may fail to close
                connection.close()

    def _ready(self) -> Any:
        if (self._connection is not None
                and time.monotonic() - self._used_at > database.PING_AFTER_IDLE):
            try:
                self._engine.dialect.do_ping(self._connection)
            except self._engine.dialect.loaded_dbapi.Error:
                self.close()
        if self._connection is None:
            try:
                pooled = self._engine.raw_connection()
            except DBAPIError as error:
                raise RepositoryUnavailable(str(error).strip().splitlines()[0]) from error
            connection = pooled.driver_connection
            assert connection is not None  # a live pooled connection has its driver's
            pooled.detach()  # ours alone: it must never go back to the pool autocommitting
            connection.autocommit = True
            self._connection = connection
        return self._connection


#: What migration 0011's trigger notifies on every insert into the inbox.
INBOX_CHANNEL = "followup_inbox"


class InboxListener:
    """LISTEN on `INBOX_CHANNEL` over a PostgreSQL connection of its own: an idle worker
    waits here without sending a statement, and wakes as soon as a request is stored,
    whichever process stored it. One thread at a time."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Any = None

    def wait(self, timeout: float) -> bool:
        """True once a notification came, False after `timeout` seconds without one."""
        errors = self._engine.dialect.loaded_dbapi.Error
        try:
            connection = self._ready()
            return any(True for _ in connection.notifies(timeout=timeout, stop_after=1))
        except errors as error:
            self.close()
            raise RepositoryUnavailable(str(error).strip().splitlines()[0]) from error
        except DBAPIError as error:
            self.close()
            raise RepositoryUnavailable(str(error.orig or error)) from error

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()

    def _ready(self) -> Any:
        if self._connection is None:
            pooled = self._engine.raw_connection()
            connection = pooled.driver_connection
            assert connection is not None
            pooled.detach()  # ours alone: it listens, it never goes back to the pool
            connection.autocommit = True
            connection.execute(f"LISTEN {INBOX_CHANNEL}")
            self._connection = connection
        return self._connection
