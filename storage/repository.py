"""The core's `Repository` protocol on SQLAlchemy: one short transaction per call, or
one per person's unit of work (`serialised`), which every call inside it joins.

Rows never leave this module; every method hands back the frozen records of `bot.model`.
"""

from __future__ import annotations

import json
import threading
from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    Row,
    Select,
    String,
    Table,
    Text,
    Update,
    any_,
    bindparam,
    column,
    delete,
    event,
    false,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, StatementError
from sqlalchemy.orm import Session, joinedload, sessionmaker

from bot.clubs.model import PostKind, PostState
from bot.model import (
    CallRecord,
    CallResult,
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Identity,
    Interview,
    Interviewer,
    JournalEntry,
    NewInterview,
    Outcome,
    Person,
    Platform,
    Promise,
    QuietHours,
    ShareLevel,
    Tone,
)
from bot.ports.repository import PlanChange, RepositoryUnavailable
from storage.answers import (
    COMMIT_AFTER,
    SENT_BEFORE,
    AnsweredRequestRow,
    AnswerStorage,
    send_pending_answer,
)
from storage.clubs import POSTS, ClubStorage
from storage.database import SQLITE_IMMEDIATE, open_database
from storage.inbox import FINISH_AND_COMMIT, FINISHED_ROWS, InboxStorage
from storage.mail import MailAddressRow, MailStorage
from storage.models import (
    Base,
    CallRow,
    CheckpointRow,
    ClubMemberRow,
    ClubPostRow,
    ClubRow,
    ConversationRow,
    EnumText,
    IdempotencyKeyRow,
    IdentityRow,
    InterviewerRow,
    InterviewRow,
    JournalRow,
    PersonRow,
    UtcDateTime,
)
from storage.queue import _JSON_ROWS as _JSON_IDS
from storage.queue import ClaimQueue, QueueSpec
from storage.set_aside import SetAsideRow, SetAsideStorage
from storage.statements import required, upsertable_insert
from storage.workspaces import WorkspaceStorage

#: How long a platform event id is remembered; platforms retry within minutes.
KEEP_IDEMPOTENCY_KEYS = timedelta(days=1)

#: PostgreSQL's SQLSTATE for a NULL in a NOT NULL column.
_NOT_NULL_VIOLATION = "23502"

#: Due checkpoints: claimed as SENDING, confirmed as SENT when the message went out; a
#: failed send counts an attempt and waits for its retry.
CHECKPOINTS = ClaimQueue(QueueSpec(
    row=CheckpointRow, key=CheckpointRow.id, state=CheckpointRow.state,
    waiting=CheckpointState.PENDING, claimed=CheckpointState.SENDING,
    claimed_at=CheckpointRow.claimed_at,
    # The (state, platform, due_at, id) index, read from its due end.
    order=(CheckpointRow.due_at, CheckpointRow.id), due=CheckpointRow.due_at,
    done=CheckpointState.SENT, done_at=CheckpointRow.sent_at,
    attempts=CheckpointRow.attempts, count_attempt_on="release",
))


def open_repository(url: str) -> SqlRepository:
    """A repository on `url` with its schema migrated to the newest revision (and checked:
    `storage.database.DatabaseUnusable` says why not)."""
    return SqlRepository(open_database(url, Base.metadata))


class SqlRepository(ClubStorage, InboxStorage, AnswerStorage, WorkspaceStorage, MailStorage,
                    SetAsideStorage):
    """`bot.ports.repository.Repository` on SQLite or PostgreSQL; safe for several processes.

    The club methods come from `storage.clubs.ClubStorage`, the inbox's from
    `storage.inbox.InboxStorage`, the answered requests' from `storage.answers`.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_engine = _read_engine(engine)
        self._reading = sessionmaker(self._read_engine, expire_on_commit=False)
        # On SQLite, writers take the lock at BEGIN (see storage.database).
        self._write_engine = engine.execution_options(**{SQLITE_IMMEDIATE: True})
        self._writing = sessionmaker(self._write_engine, expire_on_commit=False)
        # A person's unit: on PostgreSQL its connection is in autocommit at the driver,
        # so the driver sends no BEGIN of its own; the unit's first statement carries
        # BEGIN and its recorded answer carries COMMIT, in the same message
        # (`_begin_and_commit_with`).
        self._units = (self._writing if engine.dialect.name != "postgresql" else
                       sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT",
                                                             **{_UNIT: True}),
                                    expire_on_commit=False))
        # Answered inbox rows whose DELETE rides in the COMMIT message of the next unit
        # on the thread that answered them (PostgreSQL): at most one a thread.
        self._riders: dict[int, int] = {}
        self._riders_lock = threading.Lock()
        # The session of the `serialised` unit open in this thread (or task), if any.
        # Calls made inside it join it: a second pool connection for the same work could
        # wait for one the unit holds, and its changes would not be the unit's.
        self._unit: ContextVar[Session | None] = ContextVar(
            f"followup_unit_{id(self)}", default=None)
        if not event.contains(engine, "before_cursor_execute", _count_statement):
            event.listen(engine, "before_cursor_execute", _count_statement)
        if engine.dialect.name == "postgresql" and not event.contains(
                engine, "do_execute", _begin_and_commit_with):
            event.listen(engine, "do_execute", _begin_and_commit_with)
            event.listen(engine, "do_executemany", _begin_first)
            event.listen(engine, "do_execute_no_params", _begin_first_no_params)

    def close(self) -> None:
        """Close the pooled connections (at shutdown, or at the end of a test)."""
        self.engine.dispose()

    def serialised(self, person_id: int, request: str | None = None
                   ) -> AbstractContextManager[None]:
        """One transaction holding the person's lock, joined by every call made inside it
        on this thread: two units for one person, in any processes, run one after the
        other. On PostgreSQL other people's units run alongside; on SQLite every writer
        waits for it (the database has one write lock), so a unit should stay short."""
        return self._serialised(person_id, request)

    def serialised_as(self, identity: Identity, default_tz: str, quiet: QuietHours,
                      request: str | None = None) -> AbstractContextManager[Person]:
        """`serialised` for the person behind `identity`, found by the lock's own
        statement (no look-up before it), and created first on first sight."""
        return self._serialised_as(identity, default_tz, quiet, request)

    @contextmanager
    def _serialised_as(self, identity: Identity, default_tz: str, quiet: QuietHours,
                       request: str | None) -> Iterator[Person]:
        if self._unit.get() is None:
            with self._unit_session() as session:
                person = _lock_person(session, None, request, identity)
                if person is not None:
                    token = self._unit.set(session)
                    try:
                        yield person
                    finally:
                        self._unit.reset(token)
                    self._end_unit(session)
                    return
        # First sight (the person is created, then locked), or inside a unit already.
        found = self.person_for(identity, default_tz, quiet)
        with self._serialised(found.id, request):
            yield self.get_person(found.id) or found

    @contextmanager
    def _serialised(self, person_id: int, request: str | None) -> Iterator[None]:
        if self._unit.get() is not None:
            # Nested: the open unit's transaction, now holding this person's lock too.
            with self._session(write=True) as session:
                _lock_person(session, person_id, request)
            yield
            return
        # A write transaction from its BEGIN: on SQLite, BEGIN IMMEDIATE is what
        # serialises units (SQLite has no row locks, and ignores FOR UPDATE).
        with self._unit_session() as session:
            _lock_person(session, person_id, request)  # the first statement, on PostgreSQL
            token = self._unit.set(session)
            try:
                yield
            finally:
                self._unit.reset(token)
            self._end_unit(session)

    def _end_unit(self, session: Session) -> None:
        """The unit's last statements before it commits: its pending ORM changes, then
        the answer it recorded, which on PostgreSQL carries the COMMIT in its own
        message, and with it the DELETE of the inbox row this thread answered before
        (`finish_request_with_next_unit`)."""
        session.flush()
        with self._riders_lock:
            rider = self._riders.pop(threading.get_ident(), None)
        if rider is None:
            send_pending_answer(session, commit=True)
            return
        try:
            if not send_pending_answer(session, commit=True,
                                       before=(FINISHED_ROWS, {"finished_ids": [rider]})):
                session.connection().execute(FINISH_AND_COMMIT, {"ids": [rider]})
        except BaseException:
            with self._riders_lock:  # rolled back: it still waits, for this thread
                self._riders.setdefault(threading.get_ident(), rider)
            raise

    def finish_request_with_next_unit(self, request_id: int) -> bool:
        """`finish_request`, sent in the COMMIT message of the next person's unit this
        thread commits (a statement and a round trip less per answered command), or by
        whoever finishes `take_unfinished_riders`. A row of this thread's still waiting
        (no unit came to carry it) is finished now: at most one answered row a thread is
        left to be answered again should the process die. False where this is not done
        (SQLite): finish it now."""
        if self.engine.dialect.name != "postgresql":
            return False
        me = threading.get_ident()
        with self._riders_lock:
            earlier = self._riders.pop(me, None)
        if earlier is not None:
            try:
                self.finish_requests([earlier])
            except RepositoryUnavailable:
                with self._riders_lock:
                    self._riders[me] = earlier
                raise
        with self._riders_lock:
            self._riders[me] = request_id
        return True

    def take_unfinished_riders(self) -> list[int]:
        """Every thread's answered rows still waiting for a unit to carry their DELETE,
        handed to the caller to finish (a worker, at the end of its batch)."""
        with self._riders_lock:
            taken = sorted(self._riders.values())
            self._riders.clear()
        return taken

    @contextmanager
    def _unit_session(self) -> Iterator[Session]:
        """A person's unit's own transaction (see `_units`), committed on success."""
        with _storage_errors(), self._units.begin() as session:
            yield session

    @contextmanager
    def _connection(self, *, write: bool = False) -> Iterator[Connection]:
        """One Core transaction, for the per-message statements of delivery: a Session
        costs several times the statement itself there. Inside a unit, the unit's."""
        unit = self._unit.get()
        try:
            if unit is not None:
                with _joined(unit):
                    yield unit.connection()
                return
            with (self._write_engine if write else self.engine).begin() as connection:
                yield connection
        except (OperationalError, InterfaceError) as error:
            raise RepositoryUnavailable(str(error.orig or error)) from error

    @contextmanager
    def _single_statement(self) -> Iterator[Connection]:
        """A connection for one write statement that stands alone (a claim, a batch's
        DELETE): on PostgreSQL in autocommit, the statement its own transaction, with no
        BEGIN and COMMIT to send; elsewhere a write transaction. Inside a unit, the
        unit's."""
        if self._unit.get() is not None or self.engine.dialect.name != "postgresql":
            with self._connection(write=True) as connection:
                yield connection
            return
        try:
            with self._read_engine.connect() as connection:
                yield connection
        except (OperationalError, InterfaceError) as error:
            raise RepositoryUnavailable(str(error.orig or error)) from error

    @contextmanager
    def _core(self, *, write: bool = False) -> Iterator[Connection]:
        """`_connection` for the answering path: a Core statement costs a fraction of the
        ORM's. Inside a unit, the unit's; a read outside one as `_session` reads (in
        autocommit on PostgreSQL: no BEGIN and COMMIT to send)."""
        unit = self._unit.get()
        with _storage_errors():
            if unit is not None:
                with _joined(unit):
                    yield unit.connection()
                return
            if write:
                with self._write_engine.begin() as connection:
                    yield connection
                return
            with self._read_engine.connect() as connection:
                yield connection
                if connection.in_transaction():
                    connection.commit()

    @contextmanager
    def _session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error. Inside a
        unit, the unit's: it ends (commits or rolls back) with the unit."""
        unit = self._unit.get()
        factory = self._writing if write else self._reading
        with _storage_errors():
            if unit is not None:
                with _joined(unit):
                    yield unit
                return
            with factory.begin() as session:
                yield session

    # --- people -----------------------------------------------------------------
    def person_for(self, identity: Identity, default_tz: str, quiet: QuietHours) -> Person:
        """The person behind `identity`, created with these defaults on first sight."""
        known = self.find_person(identity)  # the common case needs no write lock
        if known is not None:
            return known
        try:
            with self._session(write=True) as session:
                row = session.scalar(_person_by_identity(identity))
                if row is None:
                    row = PersonRow(
                        tz=default_tz,
                        quiet_start=quiet.start,
                        quiet_end=quiet.end,
                        tz_confirmed=False,
                    )
                    row.identities.append(
                        IdentityRow(
                            platform=identity.platform,
                            workspace=identity.workspace,
                            user_id=identity.user,
                        )
                    )
                    session.add(row)
                    session.flush()
                return _person(row)
        except IntegrityError:
            # Another process created this person between our look-up and our insert.
            with self._session() as session:
                row = session.scalar(_person_by_identity(identity))
                if row is None:
                    raise
                return _person(row)

    def find_person(self, identity: Identity) -> Person | None:
        unit = self._unit.get()
        if unit is not None and identity in unit.info.get("identities", {}):
            # Locked by identity in this unit: as of the lock, or its last update in it.
            return _locked_people(unit).get(unit.info["identities"][identity])
        with self._core() as connection:
            row = connection.execute(_PERSON_BY_IDENTITY, {
                "platform": identity.platform, "workspace": identity.workspace,
                "user": identity.user}).first()
            return _person(row) if row is not None else None

    def get_person(self, person_id: int) -> Person | None:
        with self._session() as session:
            known = _locked_people(session).get(person_id)
            if known is not None:  # read with its lock in this unit; only we change it
                return known
            row = session.get(PersonRow, person_id)
            return None if row is None else _person(row)

    def update_person(
        self,
        person_id: int,
        *,
        tz: str | None = None,
        tz_confirmed: bool | None = None,
        quiet: QuietHours | None = None,
        phone: str | None = None,
        display_name: str | None = None,
        tone: Tone | None = None,
        calendar_token_hash: str | None = None,
        clear_calendar_token: bool = False,
        calendar_feed_made_at: datetime | None = None,
    ) -> Person:
        """Change the given fields (None leaves one as it is); LookupError if unknown."""
        with self._session(write=True) as session:
            row = required(session.get(PersonRow, person_id), "person", person_id)
            if tz is not None:
                row.tz = tz
            if tz_confirmed is not None:
                row.tz_confirmed = tz_confirmed
            if quiet is not None:
                row.quiet_start, row.quiet_end = quiet.start, quiet.end
            if phone is not None:
                row.phone = phone
            if display_name is not None:
                row.display_name = display_name
            if tone is not None:
                row.tone = tone
            if calendar_token_hash is not None:
                row.calendar_token_hash = calendar_token_hash
            if clear_calendar_token:
                row.calendar_token_hash = None
                row.calendar_feed_made_at = None
            if calendar_feed_made_at is not None:
                row.calendar_feed_made_at = calendar_feed_made_at
            session.flush()
            person = _person(row)
            if person_id in _locked_people(session):
                _locked_people(session)[person_id] = person
            return person

    def person_by_calendar_token_hash(self, token_hash: str) -> Person | None:
        if not token_hash:
            return None
        with self._session() as session:
            row = session.scalar(select(PersonRow)
                                 .where(PersonRow.calendar_token_hash == token_hash))
            return _person(row) if row is not None else None

    def identities_of(self, person_id: int) -> list[Identity]:
        with self._session() as session:
            rows = session.scalars(
                select(IdentityRow)
                .where(IdentityRow.person_id == person_id)
                .order_by(IdentityRow.id)
            )
            return [_identity(row) for row in rows]

    def remember_dm_channel(self, identity: Identity, channel_id: str) -> None:
        """Keep the bot's DM channel with `identity`, so the next DM needs no request to
        open it; an identity not stored yet is left alone."""
        with self._connection(write=True) as connection:
            connection.execute(
                update(IdentityRow)
                .where(IdentityRow.platform == identity.platform,
                       IdentityRow.workspace == identity.workspace,
                       IdentityRow.user_id == identity.user)
                .values(dm_channel=channel_id)
            )

    def forget_person(self, person_id: int) -> dict[str, int]:
        """Delete the person and everything theirs; return counts by kind of record.

        Every kind is listed, zeros included; an unknown person gives all zeros.
        """
        with self._session(write=True) as session:
            interviews = select(InterviewRow.id).where(InterviewRow.person_id == person_id)
            counted = {
                "people": select(func.count()).where(PersonRow.id == person_id),
                "identities": select(func.count()).where(IdentityRow.person_id == person_id),
                "interviews": select(func.count()).where(InterviewRow.person_id == person_id),
                "interviewers": select(func.count()).where(
                    InterviewerRow.interview_id.in_(interviews)
                ),
                "calls": select(func.count()).where(CallRow.interview_id.in_(interviews)),
                "checkpoints": select(func.count()).where(
                    CheckpointRow.interview_id.in_(interviews)
                ),
                "journal": select(func.count()).where(JournalRow.person_id == person_id),
                "conversations": select(func.count()).where(ConversationRow.person_id == person_id),
                "club memberships": select(func.count()).where(
                    ClubMemberRow.person_id == person_id
                ),
                "club posts": select(func.count()).where(ClubPostRow.person_id == person_id),
            }
            counts = {kind: session.scalar(query) or 0 for kind, query in counted.items()}
            _locked_people(session).pop(person_id, None)
            _locked_conversations(session).pop(person_id, None)
            # The foreign keys cascade from the person to everything else.
            session.execute(delete(PersonRow).where(PersonRow.id == person_id))
            return counts

    def export_person(self, person_id: int) -> dict[str, Any]:
        """Everything stored about the person, as JSON-ready data; LookupError if unknown."""
        with self._session() as session:
            person = required(session.get(PersonRow, person_id), "person", person_id)
            interviews = session.scalars(
                select(InterviewRow)
                .where(InterviewRow.person_id == person_id)
                .order_by(InterviewRow.number)
            ).all()
            checkpoints = session.scalars(
                select(CheckpointRow)
                .where(CheckpointRow.interview_id.in_([row.id for row in interviews]))
                .order_by(CheckpointRow.due_at, CheckpointRow.id)
            ).all()
            journal = session.scalars(_journal_of(person_id)).all()
            conversation = session.get(ConversationRow, person_id)
            clubs = session.execute(
                select(ClubRow, ClubMemberRow)
                .join(ClubMemberRow, ClubMemberRow.club_id == ClubRow.id)
                .where(ClubMemberRow.person_id == person_id)
                .order_by(ClubMemberRow.joined_at, ClubMemberRow.id)
            ).all()
            answers = session.scalars(
                select(AnsweredRequestRow).where(AnsweredRequestRow.person_id == person_id)
                .order_by(AnsweredRequestRow.answered_at)).all()
            posts = session.execute(
                select(ClubPostRow, ClubRow.name)
                .join(ClubRow, ClubRow.id == ClubPostRow.club_id)
                .where(ClubPostRow.person_id == person_id)
                .order_by(ClubPostRow.created_at, ClubPostRow.id)
            ).all()
            mail = session.get(MailAddressRow, person_id)
            set_aside = session.scalars(select(SetAsideRow).where(
                SetAsideRow.person_id == person_id).order_by(SetAsideRow.id)).all()
            return {
                "person": {
                    "id": person.id,
                    "tz": person.tz,
                    "tz_confirmed": person.tz_confirmed,
                    "quiet_start": _clock(person.quiet_start),
                    "quiet_end": _clock(person.quiet_end),
                    "phone": person.phone,
                    "display_name": person.display_name,
                    "tone": str(person.tone),
                    # That a feed exists and when it was made; never its token (or hash).
                    "calendar_feed": None if person.calendar_token_hash is None else {
                        "made_at": _iso(person.calendar_feed_made_at)},
                    # Likewise the private mail address: when it was made, never its token.
                    "mail_address": None if mail is None else {"made_at": _iso(mail.made_at)},
                    "told_dms_closed_at": _iso(person.dms_closed_told_at),
                },
                "identities": [
                    {"platform": str(row.platform), "workspace": row.workspace, "user": row.user_id,
                     **({"dm_channel": row.dm_channel} if row.dm_channel else {})}
                    for row in person.identities
                ],
                "interviews": [
                    _interview_export(row, [c for c in checkpoints if c.interview_id == row.id])
                    for row in interviews
                ],
                "journal": [
                    {
                        "interview_id": row.interview_id,
                        "at": _iso(row.at),
                        "question": row.question,
                        "answer": row.answer,
                    }
                    for row in journal
                ],
                "conversation": None if conversation is None else json.loads(conversation.state),
                "clubs": [
                    {
                        "name": club.name,
                        "platform": str(club.platform),
                        "workspace": club.workspace,
                        "channel": club.channel,
                        "role": str(member.role),
                        "mentions": member.mentions,
                        "joined_at": _iso(member.joined_at),
                    }
                    for club, member in clubs
                ],
                "club_posts": [
                    {
                        "club": club_name,
                        "kind": str(post.kind),
                        "ref": post.ref,
                        "body": post.body,
                        "due_at": _iso(post.due_at),
                        "state": str(post.state),
                        "created_at": _iso(post.created_at),
                    }
                    for post, club_name in posts
                ],
                # Kept a day, to answer a repeated request with what the first one said.
                "recent_answers": [
                    {"request": row.key, "answered_at": _iso(row.answered_at),
                     "answer": json.loads(row.answer)}
                    for row in answers
                ],
                # Interviews deleted in the last day, kept only for their Undo.
                "deleted_interviews": [
                    {"restorable_until": _iso(row.until), "rows": json.loads(row.rows)}
                    for row in set_aside if row.interview_id is None
                ],
                # Interviews as they were before a change read from words, kept only
                # for its "Not what I meant".
                "before_changes": [
                    {"interview_id": row.interview_id, "undoable_until": _iso(row.until),
                     "rows": json.loads(row.rows)}
                    for row in set_aside if row.interview_id is not None
                ],
            }

    # --- interviews --------------------------------------------------------------
    def add_interview(self, person_id: int, new: NewInterview, now: datetime) -> Interview:
        """Store it with the next per-person number and its interviewers (ids filled)."""
        with self._session(write=True) as session:
            # Locking the person serialises numbering on PostgreSQL (SQLite ignores
            # FOR UPDATE: its writers are already serialised by BEGIN IMMEDIATE); the
            # person's unit holds that lock already.
            if person_id not in _locked_people(session):
                locked = select(PersonRow.id).where(PersonRow.id == person_id).with_for_update()
                required(session.scalar(locked), "person", person_id)
            # Core statements, where the ORM's flush took four: the next number is
            # worked out inside the INSERT and handed back by it, and the interviewers
            # go in one INSERT … RETURNING.
            promise = new.promise
            values = dict(
                person_id=person_id, company=new.company, role=new.role,
                starts_at=new.starts_at, created_at=now, culture=new.culture,
                channel=new.channel, stage=new.stage, parent_id=new.parent_id,
                employer_tz=new.employer_tz, share=ShareLevel.PROGRESS,
                promise_kind=None if promise is None else promise.kind,
                promise_on=None if promise is None else promise.on,
                promise_text=None if promise is None else promise.text,
                outcome=None, outcome_at=None)
            people = [dict(position=position, name=person.name, email=person.email,
                           title=person.title, note=person.note, phone=person.phone,
                           salutation=None)
                      for position, person in enumerate(new.interviewers)]
            if session.connection().dialect.name == "postgresql":
                # One statement: the interviewers' INSERT reads the interview's id from
                # the interview's (a data-modifying CTE), their values as arrays.
                rows = session.execute(_ADD_INTERVIEW_AND_PEOPLE, {
                    **{f"new_{name}": value for name, value in values.items()},
                    "numbered_for": person_id,
                    **{f"people_{name}": [person[name] for person in people]
                       for name in _PEOPLE_FIELDS}}).all()
                interview_id, number = rows[0].id, rows[0].number
                ids = {row.position: row.interviewer_id for row in rows}
                for person in people:
                    person.update(interview_id=interview_id, id=ids[person["position"]])
            else:
                interview_id, number = session.execute(
                    _ADD_INTERVIEW, {**values, "numbered_for": person_id}).one()
                for person in people:
                    person["interview_id"] = interview_id
                if people:
                    ids_in_order = session.execute(_ADD_INTERVIEWERS, people).scalars().all()
                    for person, person_id_ in zip(people, ids_in_order, strict=True):
                        person["id"] = person_id_
            return _interview(SimpleNamespace(id=interview_id, number=number, **values),
                              [SimpleNamespace(**person) for person in people], [])

    def get_interview(self, interview_id: int) -> Interview | None:
        return next(iter(self._interviews(_INTERVIEW_BY_ID, {"id": interview_id})), None)

    def find_interview(self, person_id: int, number: int) -> Interview | None:
        """The person's interview with that number; None if it is not theirs."""
        return next(iter(self._interviews(_INTERVIEW_BY_NUMBER, {
            "person_id": person_id, "number": number})), None)

    def list_interviews(self, person_id: int, *, open_only: bool = False) -> list[Interview]:
        """The person's interviews by number; `open_only` leaves out those with an outcome."""
        return self._interviews(_OPEN_INTERVIEWS_OF if open_only else _INTERVIEWS_OF,
                                {"person_id": person_id})

    def interviews_with_checkpoints(self, person_id: int, number: int | None = None
                                    ) -> list[tuple[Interview, list[Checkpoint]]]:
        """The person's interviews by number (with `number`, only that one), each with
        its checkpoints ordered by due time: one statement on PostgreSQL, where
        `list_interviews` and then `checkpoints_for_many` took two."""
        values = {"person_id": person_id, "number": number}
        with self._core() as connection:
            prefetched = _prefetched_interviews(self._unit.get(), connection, person_id)
            if prefetched is not None:
                return [(interview, rows) for interview, rows in prefetched
                        if number is None or interview.number == number]
            if connection.dialect.name == "postgresql":
                query = _PLANNED_INTERVIEWS_OF if number is None else _PLANNED_INTERVIEW
                return _planned_interviews(connection.execute(query, values))
            query = _INTERVIEWS_OF if number is None else _INTERVIEW_BY_NUMBER
            interviews = _whole_interviews(connection.execute(query, values))
            plans: dict[int, list[Checkpoint]] = {i.id: [] for i in interviews}
            if plans:
                for row in connection.execute(_CHECKPOINTS_OF_MANY, {"ids": list(plans)}):
                    plans[row.interview_id].append(_checkpoint(row))
            return [(interview, plans[interview.id]) for interview in interviews]

    def _interviews(self, query: Select[Any], values: dict[str, Any]) -> list[Interview]:
        """Interviews with their interviewers and calls, from one Core statement."""
        with self._core() as connection:
            return _whole_interviews(connection.execute(query, values))

    def set_promise(self, interview_id: int, promise: Promise | None) -> Interview:
        with self._session(write=True) as session:
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            _put_promise(row, promise)
            session.flush()
            return _interview(row)

    def set_outcome(
        self, interview_id: int, outcome: Outcome | None, at: datetime | None
    ) -> Interview:
        """Record (or with None, clear) how the interview ended."""
        values = {"interview_id": interview_id, "new_outcome": outcome, "new_outcome_at": at}
        with self._core(write=True) as connection:
            if connection.dialect.name == "postgresql":
                # The change and the interview as it now is, in one statement (the row
                # comes from RETURNING: the statement's own read would see it as before).
                found = _whole_interviews(connection.execute(_SET_OUTCOME_WHOLE, values))
                return required(found[0] if found else None, "interview", interview_id)
            changed = connection.execute(_SET_OUTCOME, values)
            required(changed.rowcount or None, "interview", interview_id)
            return _whole_interviews(connection.execute(_INTERVIEW_BY_ID,
                                                        {"id": interview_id}))[0]

    def set_share(self, interview_id: int, share: ShareLevel) -> Interview:
        with self._session(write=True) as session:
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            row.share = share
            session.flush()
            return _interview(row)

    def add_call(self, interview_id: int, call: CallRecord) -> Interview:
        with self._session(write=True) as session:
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            row.calls.append(CallRow(at=call.at, result=call.result))
            session.flush()
            return _interview(row)

    def set_last_call_result(self, interview_id: int, result: CallResult) -> Interview:
        """The last call recorded, put right ("it went to voicemail actually")."""
        with self._session(write=True) as session:
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            if row.calls:
                row.calls[-1].result = result
                session.flush()
            return _interview(row)

    def set_interviewer_note(self, interviewer_id: int, note: str) -> None:
        with self._session(write=True) as session:
            row = session.get(InterviewerRow, interviewer_id)
            required(row, "interviewer", interviewer_id).note = note

    # --- corrections ---------------------------------------------------------------
    def update_interview(
        self,
        interview_id: int,
        *,
        company: str | None = None,
        role: str | None = None,
        starts_at: datetime | None = None,
    ) -> Interview:
        """Change the given fields (None leaves one as it is); LookupError if unknown."""
        with self._session(write=True) as session:
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            if company is not None:
                row.company = company
            if role is not None:
                row.role = role
            if starts_at is not None:
                row.starts_at = starts_at
            session.flush()
            return _interview(row)

    def add_interviewer(self, interview_id: int, interviewer: Interviewer) -> Interview:
        """Add someone after the interview's last interviewer (ids filled)."""
        with self._session(write=True) as session:
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            last = session.scalar(select(func.max(InterviewerRow.position))
                                  .where(InterviewerRow.interview_id == interview_id))
            row.interviewers.append(InterviewerRow(
                position=(-1 if last is None else last) + 1,
                name=interviewer.name,
                email=interviewer.email,
                title=interviewer.title,
                note=interviewer.note,
                phone=interviewer.phone,
            ))
            session.flush()
            return _interview(row)

    def update_interviewer(
        self,
        interviewer_id: int,
        *,
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        salutation: str | None = None,
    ) -> Interview:
        """Change one interviewer's details (None leaves one as it is); their interview."""
        with self._session(write=True) as session:
            person = required(session.get(InterviewerRow, interviewer_id), "interviewer",
                               interviewer_id)
            if name is not None:
                person.name = name
            if email is not None:
                person.email = email
            if salutation is not None:
                person.salutation = salutation
            if phone is not None:
                person.phone = phone
            session.flush()
            row = required(session.get(InterviewRow, person.interview_id), "interview",
                            person.interview_id)
            session.refresh(row, ["interviewers"])
            return _interview(row)

    def remove_interviewer(self, interviewer_id: int) -> Interview:
        """Take someone off their interview; their checkpoints go with them (the foreign
        key cascades). Returns the interview without them."""
        with self._session(write=True) as session:
            person = required(session.get(InterviewerRow, interviewer_id), "interviewer",
                               interviewer_id)
            interview_id = person.interview_id
            session.execute(delete(CheckpointRow)
                            .where(CheckpointRow.interviewer_id == interviewer_id))
            session.execute(delete(InterviewerRow).where(InterviewerRow.id == interviewer_id))
            session.expire_all()
            row = required(session.get(InterviewRow, interview_id, options=_WHOLE), "interview",
                           interview_id)
            return _interview(row)

    def _delete_interview(self, session: Session, row: InterviewRow) -> dict[str, int]:
        """Delete the interview and what is only its own; return counts by kind.

        Interviewers, calls and checkpoints go by their foreign keys' cascade (deleted
        here explicitly too, so the counts are what went); a journal entry about it and
        a next round after it stay (their links set to NULL). A club post about it that
        has not gone out is cancelled. Numbers are not shifted: the person's other
        interviews keep theirs.
        """
        interview_id = row.id
        counts = {"interviews": 1}
        for kind, table in (("checkpoints", CheckpointRow), ("calls", CallRow),
                            ("interviewers", InterviewerRow)):
            # Checkpoints first: a thank-you step would go with its interviewer
            # (cascade) and not be counted.
            result = session.execute(delete(table).where(table.interview_id == interview_id))
            counts[kind] = int(getattr(result, "rowcount", 0))
        session.execute(
            update(ClubPostRow)
            .where(ClubPostRow.person_id == row.person_id,
                   ClubPostRow.kind == PostKind.MOMENT,
                   ClubPostRow.ref.startswith(f"{interview_id}:"),
                   ClubPostRow.state == PostState.PENDING)
            .values(state=PostState.CANCELLED)
        )
        session.execute(delete(InterviewRow).where(InterviewRow.id == interview_id))
        session.expire_all()
        return counts

    # --- checkpoints -------------------------------------------------------------
    def checkpoints_for(self, interview_id: int) -> list[Checkpoint]:
        """All of the interview's checkpoints, ordered by due time."""
        with self._core() as connection:
            return [_checkpoint(row) for row in connection.execute(
                _CHECKPOINTS_OF, {"interview_id": interview_id})]

    def checkpoints_for_many(self, interview_ids: Sequence[int]) -> dict[int, list[Checkpoint]]:
        """Checkpoints of several interviews in one query (a list, a calendar, stats)."""
        found: dict[int, list[Checkpoint]] = {i: [] for i in interview_ids}
        if not found:
            return found
        with self._core() as connection:
            for row in connection.execute(_CHECKPOINTS_OF_MANY, {"ids": list(found)}):
                found[row.interview_id].append(_checkpoint(row))
        return found

    def delivery_context(
        self, interview_ids: Sequence[int]
    ) -> dict[int, tuple[Interview, Person, list[Identity]]]:
        """For a batch of due checkpoints: each interview with its person and identities,
        in one read transaction instead of three per reminder. Core statements, no ORM
        objects: this runs for every reminder delivered."""
        if not interview_ids:
            return {}
        ids = sorted(set(interview_ids))
        # Reads only: autocommitted on PostgreSQL (under READ COMMITTED each statement
        # has its own snapshot inside a transaction too), no BEGIN and COMMIT to send.
        with self._core() as connection:
            reads = _reads(connection)
            interviews = _fast(connection.execute(reads["interviews"],
                                                  {"ids": _ids(connection, ids)}).all())
            person_ids = sorted({row.person_id for row in interviews})
            interviewers: dict[int, list[Any]] = {row.id: [] for row in interviews}
            by_interview = {"ids": _ids(connection, ids)}
            for row in _fast(connection.execute(reads["interviewers"], by_interview).all()):
                interviewers[row.interview_id].append(row)
            calls: dict[int, list[Any]] = {row.id: [] for row in interviews}
            for row in _fast(connection.execute(reads["calls"], by_interview).all()):
                calls[row.interview_id].append(row)
            by_person = {"ids": _ids(connection, person_ids)}
            people = {row.id: _person(row) for row in _fast(
                connection.execute(reads["people"], by_person).all())}
            identities: dict[int, list[Identity]] = {pid: [] for pid in person_ids}
            for row in _fast(connection.execute(reads["identities"], by_person).all()):
                identities[row.person_id].append(_identity(row))
        return {
            row.id: (_interview(row, interviewers[row.id], calls[row.id]),
                     people[row.person_id], identities[row.person_id])
            for row in interviews if row.person_id in people
        }

    def get_checkpoint(self, checkpoint_id: int) -> Checkpoint | None:
        with self._session() as session:
            row = session.get(CheckpointRow, checkpoint_id)
            return None if row is None else _checkpoint(row)

    def add_checkpoint(
        self,
        interview_id: int,
        kind: CheckpointKind,
        interviewer_id: int | None,
        due_at: datetime,
        now: datetime,
    ) -> Checkpoint:
        """A new PENDING checkpoint, tagged with the platform its person is reached on."""
        return self.add_checkpoints(interview_id, [(kind, interviewer_id, due_at)], now)[0]

    def add_checkpoints(
        self,
        interview_id: int,
        items: Sequence[tuple[CheckpointKind, int | None, datetime]],
        now: datetime,
    ) -> list[Checkpoint]:
        """Several new PENDING checkpoints in one transaction (a fresh plan has five or so)."""
        if not items:
            return []
        rows = [{"interview_id": interview_id, "kind": kind, "interviewer_id": interviewer_id,
                 "due_at": due_at, "state": CheckpointState.PENDING, "created_at": now,
                 "attempts": 0, "snoozed": False} for kind, interviewer_id, due_at in items]
        with self._core(write=True) as connection:
            if connection.dialect.name == "postgresql":
                # One statement: each row's platform is read by the INSERT itself (its
                # rows go as one VALUES list), where reading it first took another.
                try:
                    added = connection.execute(_ADD_CHECKPOINTS_WITH_PLATFORM, [
                        {**row, "of_interview": interview_id} for row in rows])
                except IntegrityError as error:
                    if getattr(error.orig, "sqlstate", None) != _NOT_NULL_VIOLATION:
                        raise
                    # No platform (no such interview, or no identity): a NULL refused.
                    raise LookupError(f"no interview with id {interview_id} (or its person "
                                      "has no identity)") from error
                return [_checkpoint(row) for row in added]
            # SQLite would send that one row at a time: the platform first, then one batch.
            platform = connection.execute(_PLATFORM_OF_INTERVIEW,
                                          {"interview_id": interview_id}).scalar()
            if platform is None:
                raise LookupError(
                    f"no interview with id {interview_id} (or its person has no identity)")
            return [_checkpoint(row) for row in connection.execute(
                _ADD_CHECKPOINTS, [{**row, "platform": platform} for row in rows])]

    def change_plan(
        self,
        interview_id: int,
        new: Sequence[tuple[CheckpointKind, int | None, datetime]],
        changes: Sequence[PlanChange],
        now: datetime,
        *,
        outcome: Outcome | None = None,
    ) -> tuple[list[Checkpoint], list[Checkpoint | None]]:
        """A replan's writes (and an outcome recorded with it): on PostgreSQL in one
        statement (the INSERT and the UPDATEs as CTEs, the steps' rows as arrays), where
        `set_outcome`, `add_checkpoints` and one `update_checkpoint` per change took one
        each."""
        writes = len(changes) + bool(new) + (outcome is not None)
        if self.engine.dialect.name != "postgresql" or writes < 2:
            # Nothing to save by joining them: each as it comes (a unit's transaction).
            if outcome is not None:
                self.set_outcome(interview_id, outcome, now)
            added = self.add_checkpoints(interview_id, new, now)
            return added, [self.update_checkpoint(
                change.checkpoint_id, state=change.state, due_at=change.due_at,
                done_at=change.done_at, expect=change.expect) for change in changes]
        with self._core(write=True) as connection:
            values = {
                "of_interview": interview_id, "plan_now": now,
                "plan_outcome": None if outcome is None else outcome.value,
                "plan_state": CheckpointState.PENDING.value,
                "new_kinds": [kind.value for kind, _, _ in new],
                "new_interviewer_ids": [interviewer for _, interviewer, _ in new],
                "new_due_ats": [due.astimezone(UTC) for _, _, due in new],
                "change_ids": [change.checkpoint_id for change in changes],
                "change_expects": [",".join(state.value for state in change.expect)
                                   for change in changes],
                "change_states": [None if change.state is None else change.state.value
                                  for change in changes],
                "change_due_ats": [None if change.due_at is None else
                                   change.due_at.astimezone(UTC) for change in changes],
                "change_done_ats": [None if change.done_at is None else
                                    change.done_at.astimezone(UTC) for change in changes]}
            try:
                rows = connection.execute(_CHANGE_PLAN, values).all()
            except IntegrityError as error:
                if getattr(error.orig, "sqlstate", None) != _NOT_NULL_VIOLATION:
                    raise
                raise LookupError(f"no interview with id {interview_id} (or its person "
                                  "has no identity)") from error
        changed = {row.id: _checkpoint(row) for row in rows if not row.is_new}
        return ([_checkpoint(row) for row in rows if row.is_new],
                [changed.get(change.checkpoint_id) for change in changes])

    def update_checkpoint(
        self,
        checkpoint_id: int,
        *,
        state: CheckpointState | None = None,
        due_at: datetime | None = None,
        snoozed: bool | None = None,
        expect: Sequence[CheckpointState] | None = None,
        done_at: datetime | None = None,
    ) -> Checkpoint | None:
        """Change a checkpoint; with `expect`, only if its state is one of those.

        `done_at` records when the person marked it done. Returns the updated checkpoint,
        or None when `expect` did not match (or there is no such checkpoint).
        """
        changes = {name: value for name, value in (("state", state), ("due_at", due_at),
                   ("snoozed", snoozed), ("done_at", done_at)) if value is not None}
        statement = _checkpoint_update(tuple(changes), expect is not None)
        values = {**{f"new_{name}": value for name, value in changes.items()},
                  "checkpoint_id": checkpoint_id, "expect": list(expect or ())}
        with self._core(write=True) as connection:
            row = connection.execute(statement, values).first()
            return None if row is None else _checkpoint(row)

    # --- delivery ----------------------------------------------------------------
    def claim_due(
        self, now: datetime, limit: int, platforms: Sequence[Platform]
    ) -> list[Checkpoint]:
        """Atomically move up to `limit` pending checkpoints due by `now` to SENDING.

        The claim itself is `storage.queue`'s: never the same row to two workers, and
        at most `limit`.
        """
        if limit <= 0 or not platforms:
            return []
        kinds = list(dict.fromkeys(platforms))
        # One statement per platform, so each reads the (state, platform, due_at, id)
        # index in order and stops at its limit; with `platform IN (…)` the database
        # would read and sort every due row first. Each platform gets its share.
        share = -(-limit // len(kinds))
        claimed: list[Checkpoint] = []
        # Each platform's claim is one statement, atomic alone (autocommitted on
        # PostgreSQL: no BEGIN and COMMIT around it).
        with self._single_statement() as connection:
            for platform in kinds:
                rows = CHECKPOINTS.claim(connection, now, min(share, limit - len(claimed)),
                                         where=_ON_PLATFORM, params={"on_platform": platform})
                claimed += [_checkpoint(row) for row in _fast(rows)]
        # Each platform's share comes in order; together they must be ordered again.
        return sorted(claimed, key=lambda checkpoint: (checkpoint.due_at, checkpoint.id))

    def settle(self, sent: Sequence[tuple[int, datetime]], check: Sequence[int]) -> set[int]:
        """Confirmations and pre-send checks of several senders in one transaction (Core
        statements: a Session costs several times the statements here; on PostgreSQL the
        queue's one UPDATE confirms the whole group, and the check passes one array)."""
        if not sent and not check:
            return set()
        if self._unit.get() is None and CHECKPOINTS.settles_on_driver(self.engine.dialect):
            return self._settle_on_driver(sent, check)
        if sent and check and self.engine.dialect.name == "postgresql":
            # One statement (`complete_and_check`), autocommitted: a round trip a group
            # instead of four (BEGIN, the UPDATE, the check, COMMIT).
            with self._single_statement() as connection:
                return CHECKPOINTS.complete_and_check(connection, sent, check)
        with self._connection(write=bool(sent)) as connection:
            CHECKPOINTS.complete(connection, sent)
            return CHECKPOINTS.still_claimed(connection, check)

    def _settle_on_driver(self, sent: Sequence[tuple[int, datetime]],
                          check: Sequence[int]) -> set[int]:
        """`settle` on a pooled connection's driver, the same statements and the same
        transactions, without SQLAlchemy's execution around each statement (which cost
        delivery more CPU than the statements themselves): on PostgreSQL one statement in
        autocommit, on SQLite BEGIN IMMEDIATE (a plain read when there is nothing to
        confirm), the confirmations' UPDATE, the check and COMMIT."""
        dialect = self.engine.dialect
        dbapi = dialect.loaded_dbapi
        try:
            pooled = self.engine.raw_connection()
        except (OperationalError, InterfaceError) as error:
            raise RepositoryUnavailable(str(error.orig or error)) from error
        driver: Any = pooled.driver_connection
        postgresql = dialect.name == "postgresql"
        try:
            if postgresql:
                driver.autocommit = True  # the statement is its own transaction
            cursor = driver.cursor()
            try:
                if postgresql or not sent:
                    return CHECKPOINTS.complete_and_check_on_driver(cursor, dialect, sent,
                                                                    check)
                cursor.execute("BEGIN IMMEDIATE")
                try:
                    wanted = CHECKPOINTS.complete_and_check_on_driver(cursor, dialect, sent,
                                                                      check)
                    driver.commit()
                except BaseException:
                    driver.rollback()
                    raise
                return wanted
            finally:
                cursor.close()
        except (dbapi.OperationalError, dbapi.InterfaceError) as error:
            if dialect.is_disconnect(error, driver, None):
                pooled.invalidate(error)
            raise RepositoryUnavailable(str(error)) from error
        finally:
            if postgresql and pooled.is_valid and not driver.closed:
                driver.autocommit = False
            pooled.close()

    def confirm_sent(self, checkpoint_id: int, at: datetime) -> None:
        """SENDING -> SENT, recording when; a checkpoint in any other state is left alone."""
        self.settle([(checkpoint_id, at)], [])

    def release(self, checkpoint_id: int, retry_at: datetime) -> None:
        """SENDING -> PENDING at `retry_at`, counting one more attempt."""
        with self._session(write=True) as session:
            CHECKPOINTS.release(session.connection(), checkpoint_id, retry_at)

    def recover_in_flight(self, claimed_before: datetime) -> int:
        """Put SENDING rows claimed before `claimed_before` back to PENDING; return how many.

        Only stale claims: a live worker in another process may be sending the rest.
        """
        with self._session(write=True) as session:
            return CHECKPOINTS.recover(session.connection(), claimed_before)

    def renew_in_flight(self, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat of a live sender: its SENDING rows' leases start again at `now`."""
        with self._connection(write=True) as connection:
            return CHECKPOINTS.renew(connection, ids, now)

    def oldest_in_flight(self) -> datetime | None:
        """When the oldest claim on a checkpoint or club post was last renewed: the next
        lease that can run out (a dead sender's), or None when nothing is in flight."""
        with self._connection() as connection:
            found = [CHECKPOINTS.oldest_claim(connection), POSTS.oldest_claim(connection)]
        return min((at for at in found if at is not None), default=None)

    def next_wakeup(self, platforms: Sequence[Platform], post_platforms: Sequence[Platform]
                    ) -> tuple[datetime | None, datetime | None]:
        """`next_due_at`, `next_post_due` and `oldest_in_flight` in one round trip: the
        earliest due checkpoint or club post, and the oldest claim. The scheduler asks
        after every delivery round and every burst of plan changes."""
        statement, parts = _wakeup_query(tuple(sorted(set(platforms))),
                                         tuple(sorted(set(post_platforms))))
        with self._core() as connection:  # one read: autocommitted on PostgreSQL
            row = connection.execute(statement).one()
        found = list(row)
        due = min((d for d in found[:parts] if d is not None), default=None)
        oldest = min((d for d in found[parts:] if d is not None), default=None)
        return due, oldest

    def next_due_at(self, platforms: Sequence[Platform]) -> datetime | None:
        """The earliest due time among pending checkpoints, for the scheduler's wake-up.

        One index probe per platform (ORDER BY … LIMIT 1 on (state, platform, due_at)):
        a MIN over an IN list would walk every pending row.
        """
        if not platforms:
            return None
        with self._session() as session:
            connection = session.connection()
            found = [CHECKPOINTS.next_due(connection, where=[CheckpointRow.platform == platform])
                     for platform in set(platforms)]
        return min((due for due in found if due is not None), default=None)

    # --- conversation and journal ---------------------------------------------------
    def get_conversation(self, person_id: int) -> dict[str, Any] | None:
        with self._session() as session:
            known = _locked_conversations(session)
            if person_id in known:  # read with the person's lock in this unit
                encoded = known[person_id]
                return None if encoded is None else json.loads(encoded)
            row = session.get(ConversationRow, person_id)
            return None if row is None else json.loads(row.state)

    def forget_expired_conversations(self, now: datetime) -> int:
        with self._session(write=True) as session:
            gone = session.execute(delete(ConversationRow)
                                   .where(ConversationRow.expires_at <= now))
            return int(gone.rowcount)  # type: ignore[attr-defined]

    def set_conversation(self, person_id: int, state: dict[str, Any] | None,
                         expires_at: datetime | None = None) -> None:
        """Store the dialogue state (JSON-serialisable); None forgets it."""
        with self._session(write=True) as session:
            known = _locked_conversations(session)
            if person_id in known:
                known[person_id] = None if state is None else json.dumps(state)
            if state is None:
                session.execute(
                    delete(ConversationRow).where(ConversationRow.person_id == person_id)
                )
                return
            encoded = json.dumps(state)
            upsert = upsertable_insert(session, ConversationRow).values(
                person_id=person_id, state=encoded, expires_at=expires_at)
            session.execute(upsert.on_conflict_do_update(
                index_elements=["person_id"],
                set_={"state": encoded, "expires_at": expires_at}))

    def add_journal(self, person_id: int, entry: JournalEntry) -> None:
        with self._session(write=True) as session:
            session.add(
                JournalRow(
                    person_id=person_id,
                    interview_id=entry.interview_id,
                    at=entry.at,
                    question=entry.question,
                    answer=entry.answer,
                )
            )

    def journal(self, person_id: int) -> list[JournalEntry]:
        """The person's journal, oldest entry first."""
        with self._session() as session:
            return [_journal_entry(row) for row in session.scalars(_journal_of(person_id))]

    # --- idempotency ---------------------------------------------------------------
    def first_dms_closed_notice(self, person_id: int, now: datetime) -> bool:
        with self._session(write=True) as session:
            told = session.execute(
                update(PersonRow)
                .where(PersonRow.id == person_id, PersonRow.dms_closed_told_at.is_(None))
                .values(dms_closed_told_at=now)
            )
            return bool(told.rowcount)  # type: ignore[attr-defined]

    def first_time(self, key: str, now: datetime) -> bool:
        """True the first time `key` is seen; False on every later call (retries).

        Keys older than a day are forgotten on the way.
        """
        with self._session(write=True) as session:
            session.execute(
                delete(IdempotencyKeyRow).where(
                    IdempotencyKeyRow.seen_at < now - KEEP_IDEMPOTENCY_KEYS
                )
            )
            insert = (
                upsertable_insert(session, IdempotencyKeyRow)
                .values(key=key, seen_at=now)
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(IdempotencyKeyRow.key)
            )
            return session.scalar(insert) is not None


# --- queries and conversions ----------------------------------------------------------
@contextmanager
def _storage_errors() -> Iterator[None]:
    """The database's failures as the core's: unreachable is `RepositoryUnavailable`, and a
    bad value from the caller (a naive datetime, say) is the caller's ValueError."""
    try:
        yield
    except (OperationalError, InterfaceError) as error:
        raise RepositoryUnavailable(str(error.orig or error)) from error
    except StatementError as error:
        if type(error) is StatementError and isinstance(error.orig, ValueError):
            raise error.orig from error
        raise


@contextmanager
def _joined(unit: Session) -> Iterator[None]:
    """One call inside a unit: its changes are flushed at its end, not committed. Its
    rows are then forgotten, so the next call reads them afresh (another process may
    have claimed or confirmed one since), as a session of its own would."""
    depth = unit.info.get("depth", 0)
    # An answer recorded in the unit goes before anything that follows it.
    send_pending_answer(unit, commit=False)
    unit.info["depth"] = depth + 1
    try:
        yield
        unit.flush()
    finally:
        unit.info["depth"] = depth
        if depth == 0:
            unit.expunge_all()


#: The execution option marking a person's unit's connection (PostgreSQL, autocommit at
#: the driver): its first statement opens the transaction (`_begin_and_commit_with`).
_UNIT = "followup_unit"
_IDLE = 0  # psycopg's TransactionStatus.IDLE: no transaction open on the server


def _opens(context: Any, cursor: Any) -> bool:
    """True when this statement is a unit's first: nothing open on its connection yet."""
    return bool(context.execution_options.get(_UNIT)) and \
        int(cursor.connection.info.transaction_status) == _IDLE


def _begin_and_commit_with(cursor: Any, statement: str, parameters: Any, context: Any
                           ) -> bool:
    """On a unit's connection, send BEGIN in the first statement's message, and COMMIT
    in the message of a statement marked `COMMIT_AFTER` (the unit's recorded answer): one
    round trip each, where the driver would have sent BEGIN and COMMIT on their own.

    The statement's values are bound into its text by the driver (`mogrify`, the
    driver's own quoting), since only a statement without parameters may be sent with
    others in one message; the cursor is left on the statement's own result. True when
    it was sent here (the dialect then sends nothing)."""
    begin = _opens(context, cursor)
    commit = bool(context.execution_options.get(COMMIT_AFTER))
    before = context.execution_options.get(SENT_BEFORE)
    if not begin and not commit:
        return False
    mogrifier = _mogrifier(context, cursor)
    head = "" if before is None else mogrifier.mogrify(*before) + "; "
    bound = mogrifier.mogrify(statement, parameters)
    cursor.execute(("BEGIN; " if begin else "") + head + bound
                   + ("; COMMIT" if commit else ""))
    for _ in range(int(begin) + int(before is not None)):
        cursor.nextset()  # onto the statement's own result
    return True


def _begin_first(cursor: Any, _statement: str, _parameters: Any, context: Any) -> bool:
    """A unit whose first statement is an executemany: BEGIN on its own first (never
    seen on the answering path, whose first statement is the lock's)."""
    if _opens(context, cursor):
        cursor.execute("BEGIN")
    return False


def _begin_first_no_params(cursor: Any, _statement: str, context: Any) -> bool:
    return _begin_first(cursor, _statement, None, context)


def _mogrifier(context: Any, cursor: Any) -> Any:
    """A client-side binding cursor on the statement's connection, kept with it."""
    info = context.root_connection.info
    found = info.get("followup_mogrifier")
    if found is None or found.connection is not cursor.connection:
        from psycopg import ClientCursor

        found = info["followup_mogrifier"] = ClientCursor(cursor.connection)
    return found


def _lock_person(session: Session, person_id: int | None, request: str | None = None,
                 identity: Identity | None = None) -> Person | None:
    """Lock the person's row till the transaction ends (once per unit), found by id or,
    with `identity`, by the identity's row in the same statement; the person as locked,
    or None when there is no such person. NO KEY UPDATE excludes other units as FOR
    UPDATE would, but lets rows that only refer to the person (a club post, a journal
    entry) be written meanwhile.

    The lock reads the whole row, kept for the unit (`_locked_people`), and the person's
    conversation: while the unit holds the lock no one else can change them, so
    `get_person` and `get_conversation` inside the unit need no statement of their own,
    and `update_person` and `set_conversation` keep them current. With `request`, the
    request's earlier answer is read alongside (`answer_for` then costs nothing): a
    repeat of it waits for this lock, so none can be recorded meanwhile; on PostgreSQL
    the person's interviews are read alongside too, for the request's first read of
    them."""
    locked: set[int] = session.info.setdefault("locked", set())
    if person_id is not None and person_id in locked:
        return _locked_people(session).get(person_id)
    connection = session.connection()
    found: Any = None
    key: dict[str, Any] = {"id": person_id, "key": request or ""}
    if identity is not None:
        key.update(platform=identity.platform, workspace=identity.workspace,
                   user=identity.user)
    if connection.dialect.name == "sqlite":
        # BEGIN IMMEDIATE already serialised the unit: one statement reads them all.
        statement = _LOCK_PERSON if identity is None else _LOCK_IDENTITY
        row: Any = connection.execute(statement, key).first()
        conversation, found = (None, None) if row is None else (row.conversation, row)
    else:
        # A statement that waited for the lock sees other tables as they were when
        # it began (READ COMMITTED re-reads only the locked row), so the question
        # the unit before left, and the answer it recorded, are read after the lock
        # by the function's own query (migration 0021), in the same round trip.
        found = row = connection.execute(_LOCK_AND_READ, {
            "platform": None, "workspace": None, "user": None,
            "with_interviews": request is not None, **key}).first()
        conversation = None if found is None else found.conversation
        if request is not None and found is not None:
            # Kept as text, parsed only if the request reads its interviews, and only
            # while no other statement has run since (`_prefetched_interviews`).
            session.info.setdefault("interviews", {})[found.id] = (
                found.interviews_json or "[]", connection.info.get(_STATEMENTS))
    if row is None:
        return None
    locked.add(row.id)
    person = _locked_people(session)[row.id] = _person(row)
    _locked_conversations(session)[row.id] = conversation
    if identity is not None:
        session.info.setdefault("identities", {})[identity] = row.id
    if request is not None and found is not None:
        session.info.setdefault("answers", {})[request] = (
            None if found.answer is None else (found.answer, found.answered_at))
    return person


#: The statements sent on a pooled connection so far (in its `info`): what tells whether
#: anything ran on a unit's connection since its lock read the person's interviews.
_STATEMENTS = "followup_statements"


def _count_statement(connection: Connection, *_: Any) -> None:
    connection.info[_STATEMENTS] = connection.info.get(_STATEMENTS, 0) + 1


def _prefetched_interviews(unit: Session | None, connection: Connection, person_id: int
                           ) -> list[tuple[Interview, list[Checkpoint]]] | None:
    """The person's interviews as the unit's lock read them, once, if no statement has
    run on the unit's connection since (a write in the unit, or any other read, and they
    are read afresh); None when there are none to use."""
    if unit is None:
        return None
    kept = unit.info.get("interviews", {}).pop(person_id, None)
    if kept is None or kept[1] != connection.info.get(_STATEMENTS):
        return None
    return [(_interview(_INTERVIEW_JSON(interview), [_INTERVIEWER_JSON(p) for p in people or ()],
                        [_CALL_JSON(call) for call in calls or ()]),
             [_checkpoint(_CHECKPOINT_JSON(row)) for row in plan or ()])
            for interview, people, calls, plan in json.loads(kept[0])]


def table_of(mapped: type[Any]) -> Table:
    """A mapped class's table, for Core statements (typed as the Table it is)."""
    return cast(Table, mapped.__table__)


def _locked_people(session: Session) -> dict[int, Person]:
    """The people this unit has locked, as of the lock or their last update in it; empty
    for a session outside a unit."""
    people: dict[int, Person] = session.info.setdefault("people", {})
    return people


def _locked_conversations(session: Session) -> dict[int, str | None]:
    """The stored dialogue state (JSON text, None for none) of each person this unit has
    locked: read with the lock, kept current by `set_conversation`. Every write of a
    conversation happens in its person's unit, so no one else changes it meanwhile."""
    conversations: dict[int, str | None] = session.info.setdefault("conversations", {})
    return conversations


def _read_engine(engine: Engine) -> Engine:
    """The engine a read outside a unit uses. On PostgreSQL in autocommit: under READ
    COMMITTED each statement sees its own snapshot whether or not it runs in a
    transaction, so a read-only BEGIN and COMMIT only cost two round trips (a person's
    look-up: three trips become one). SQLite keeps its transaction, whose snapshot spans
    every statement of the read."""
    if engine.dialect.name != "postgresql":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def _person_by_identity(identity: Identity) -> Select[PersonRow]:
    return (
        select(PersonRow)
        .join(IdentityRow)
        .where(
            IdentityRow.platform == identity.platform,
            IdentityRow.workspace == identity.workspace,
            IdentityRow.user_id == identity.user,
        )
    )


def _journal_of(person_id: int) -> Select[JournalRow]:
    return (
        select(JournalRow)
        .where(JournalRow.person_id == person_id)
        .order_by(JournalRow.at, JournalRow.id)
    )


#: An interview with its interviewers and calls in one statement (LEFT JOINs) instead of
#: the relationships' three (`selectin`): an interview has a few of each.
_WHOLE = (joinedload(InterviewRow.interviewers), joinedload(InterviewRow.calls))


_INTERVIEWS_T = table_of(InterviewRow)
_INTERVIEWERS_T = table_of(InterviewerRow)
_CALLS_T = table_of(CallRow)
_CHECKPOINTS_T = table_of(CheckpointRow)

#: The person behind an identity, as Core reads it (the answering path's first statement).
_PERSON_BY_IDENTITY = (
    select(*table_of(PersonRow).c).join(IdentityRow, IdentityRow.person_id == PersonRow.id)
    .where(IdentityRow.platform == bindparam("platform"),
           IdentityRow.workspace == bindparam("workspace"),
           IdentityRow.user_id == bindparam("user")))

#: SQLite's unit lock (BEGIN IMMEDIATE has serialised the unit already): the person's
#: row with their stored conversation and the request's earlier answer, one statement.
_ANSWERED = table_of(AnsweredRequestRow)
#: A request's earlier answer, by its key (no key: "", which none has).
_EARLIER = (_ANSWERED.c.answer, _ANSWERED.c.answered_at)
_LOCK_PERSON = (
    select(*table_of(PersonRow).c, ConversationRow.state.label("conversation"),
           *(select(c).where(_ANSWERED.c.key == bindparam("key")).scalar_subquery()
             .label(c.name) for c in _EARLIER))
    .outerjoin(ConversationRow, ConversationRow.person_id == PersonRow.id)
    .where(PersonRow.id == bindparam("id"))
    .with_for_update(key_share=True, of=PersonRow))
#: The same, finding the person by an identity of theirs instead of by id.
_BY_IDENTITY = (IdentityRow.platform == bindparam("platform"),
                IdentityRow.workspace == bindparam("workspace"),
                IdentityRow.user_id == bindparam("user"))
_LOCK_IDENTITY = (
    select(*table_of(PersonRow).c, ConversationRow.state.label("conversation"),
           *(select(c).where(_ANSWERED.c.key == bindparam("key")).scalar_subquery()
             .label(c.name) for c in _EARLIER))
    .join(IdentityRow, IdentityRow.person_id == PersonRow.id)
    .outerjoin(ConversationRow, ConversationRow.person_id == PersonRow.id)
    .where(*_BY_IDENTITY)
    .with_for_update(key_share=True, of=PersonRow))
#: PostgreSQL's lock and reads after it, in one statement: `followup_lock_person`
#: (migration 0021) locks the person (by id, or by identity when the id is None), then
#: reads them, their question and the request's earlier answer (and `with_interviews`,
#: their interviews as JSON) with a snapshot of its own; no row when there is no such
#: person.
_LOCK_AND_READ = (
    text("SELECT " + ", ".join(f"(locked.person).{c.name} AS {c.name}"
                               for c in table_of(PersonRow).c)
         + ", locked.conversation, locked.answer, locked.answered_at"
         ", locked.interviews_json FROM followup_lock_person("
         ":id, :platform, :workspace, :user, :key, :with_interviews) AS locked")
    .bindparams(bindparam("id", type_=Integer), bindparam("key", type_=String),
                bindparam("with_interviews", type_=Boolean),
                *(bindparam(name, type_=found.type) for name, found in (
                    ("platform", table_of(IdentityRow).c.platform),
                    ("workspace", table_of(IdentityRow).c.workspace),
                    ("user", table_of(IdentityRow).c.user_id))))
    .columns(*(column(c.name, c.type) for c in table_of(PersonRow).c),
             column("conversation", Text), *(column(c.name, c.type) for c in _EARLIER),
             column("interviews_json", Text)))

#: Interviews with their interviewers and calls in one statement (LEFT JOINs, as the
#: ORM's joined loads did, an interview having a few of each), read as Core rows.
_WHOLE_INTERVIEWS = (
    select(*_INTERVIEWS_T.c,
           *(column.label(f"p_{column.name}") for column in _INTERVIEWERS_T.c),
           *(column.label(f"c_{column.name}") for column in _CALLS_T.c))
    .outerjoin(_INTERVIEWERS_T, _INTERVIEWERS_T.c.interview_id == _INTERVIEWS_T.c.id)
    .outerjoin(_CALLS_T, _CALLS_T.c.interview_id == _INTERVIEWS_T.c.id))
_INTERVIEW_BY_ID = _WHOLE_INTERVIEWS.where(_INTERVIEWS_T.c.id == bindparam("id"))
_INTERVIEW_BY_NUMBER = _WHOLE_INTERVIEWS.where(
    _INTERVIEWS_T.c.person_id == bindparam("person_id"),
    _INTERVIEWS_T.c.number == bindparam("number"))
_INTERVIEWS_OF = (_WHOLE_INTERVIEWS.where(_INTERVIEWS_T.c.person_id == bindparam("person_id"))
                  .order_by(_INTERVIEWS_T.c.number))
_OPEN_INTERVIEWS_OF = _INTERVIEWS_OF.where(_INTERVIEWS_T.c.outcome.is_(None))

#: Each interview's checkpoints as one JSON array of rows, ordered as `_CHECKPOINTS_OF`
#: orders them, sent as text so that it is parsed once per interview (the interviewers'
#: and calls' joins repeat it on each of their rows).
_PLAN_JSON = (
    select(func.json_agg(postgresql.aggregate_order_by(
        func.to_json(_CHECKPOINTS_T.table_valued()),
        _CHECKPOINTS_T.c.due_at, _CHECKPOINTS_T.c.id)))
    .where(_CHECKPOINTS_T.c.interview_id == _INTERVIEWS_T.c.id)
    .scalar_subquery().cast(Text).label("plan"))
_PLANNED_INTERVIEWS_OF = _INTERVIEWS_OF.add_columns(_PLAN_JSON)
_PLANNED_INTERVIEW = _INTERVIEW_BY_NUMBER.add_columns(_PLAN_JSON)

#: `add_interview`'s statements, built once (the other columns come from the values
#: passed): the next per-person number is worked out inside the INSERT and handed back
#: by it; the interviewers go in one INSERT … RETURNING.
_ADD_INTERVIEW = (
    insert(_INTERVIEWS_T)
    .values(number=select(func.coalesce(func.max(_INTERVIEWS_T.c.number), 0) + 1)
            .where(_INTERVIEWS_T.c.person_id == bindparam("numbered_for"))
            .scalar_subquery())
    .returning(_INTERVIEWS_T.c.id, _INTERVIEWS_T.c.number))
_ADD_INTERVIEWERS = insert(_INTERVIEWERS_T).returning(_INTERVIEWERS_T.c.id,
                                                      sort_by_parameter_order=True)
#: PostgreSQL's one statement for both: the interview's INSERT as a CTE, the
#: interviewers' INSERT … SELECT from it and from their values as arrays (`unnest`), and
#: one row back per interviewer (one with no interviewer when there is none).
_PEOPLE_FIELDS = ("position", "name", "email", "title", "note", "phone")
_NEW_PEOPLE = func.unnest(*(
    bindparam(f"people_{name}", type_=postgresql.ARRAY(_INTERVIEWERS_T.c[name].type))
    for name in _PEOPLE_FIELDS)).table_valued(*_PEOPLE_FIELDS).render_derived()
_ADDED = (insert(_INTERVIEWS_T)
          .values(number=select(func.coalesce(func.max(_INTERVIEWS_T.c.number), 0) + 1)
                  .where(_INTERVIEWS_T.c.person_id == bindparam("numbered_for"))
                  .scalar_subquery(),
                  **{column.name: bindparam(f"new_{column.name}", type_=column.type)
                     for column in _INTERVIEWS_T.c if column.name not in ("id", "number")})
          .returning(_INTERVIEWS_T.c.id, _INTERVIEWS_T.c.number).cte("added"))
_ADDED_PEOPLE = (insert(_INTERVIEWERS_T)
                 .from_select(["interview_id", *_PEOPLE_FIELDS],
                              select(_ADDED.c.id, *(_NEW_PEOPLE.c[n] for n in _PEOPLE_FIELDS))
                              .select_from(_ADDED.join(_NEW_PEOPLE, true())))
                 .returning(_INTERVIEWERS_T.c.id, _INTERVIEWERS_T.c.position)
                 .cte("added_people"))
_ADD_INTERVIEW_AND_PEOPLE = (
    select(_ADDED.c.id, _ADDED.c.number, _ADDED_PEOPLE.c.id.label("interviewer_id"),
           _ADDED_PEOPLE.c.position)
    .select_from(_ADDED.outerjoin(_ADDED_PEOPLE, true())))

_CHECKPOINTS_OF = (select(*_CHECKPOINTS_T.c)
                   .where(_CHECKPOINTS_T.c.interview_id == bindparam("interview_id"))
                   .order_by(_CHECKPOINTS_T.c.due_at, _CHECKPOINTS_T.c.id))
_CHECKPOINTS_OF_MANY = (select(*_CHECKPOINTS_T.c)
                        .where(_CHECKPOINTS_T.c.interview_id.in_(
                            bindparam("ids", expanding=True)))
                        .order_by(_CHECKPOINTS_T.c.due_at, _CHECKPOINTS_T.c.id))

#: The platform a new checkpoint is tagged with: its person's first identity's.
_PLATFORM_OF_INTERVIEW = (
    select(IdentityRow.platform)
    .join(InterviewRow, InterviewRow.person_id == IdentityRow.person_id)
    .where(InterviewRow.id == bindparam("interview_id"))
    .order_by(IdentityRow.id).limit(1))
_PLATFORM_OF = (
    select(IdentityRow.platform)
    .join(InterviewRow, InterviewRow.person_id == IdentityRow.person_id)
    .where(InterviewRow.id == bindparam("of_interview"))
    .order_by(IdentityRow.id).limit(1).scalar_subquery())


@cache
def _wakeup_query(platforms: tuple[Platform, ...], post_platforms: tuple[Platform, ...]
                  ) -> tuple[Select[Any], int]:
    """`next_wakeup`'s one SELECT for these platforms, built once (it is asked after
    every delivery round), and how many of its columns are due times."""
    parts = [CHECKPOINTS.next_due_query(where=[CheckpointRow.platform == platform])
             for platform in platforms]
    if post_platforms:
        parts.append(POSTS.next_due_query(
            where=[ClubPostRow.platform.in_(list(post_platforms))]))
    claims = [CHECKPOINTS.oldest_claim_query(), POSTS.oldest_claim_query()]
    return select(*(q.scalar_subquery() for q in parts + claims)), len(parts)


#: A checkpoint on one platform (`claim_due`'s filter, built once: the claim's statement
#: is kept by it).
_ON_PLATFORM = (CheckpointRow.platform == bindparam("on_platform", type_=EnumText(Platform)),)

#: `add_checkpoints`' INSERT … RETURNING, built once; on PostgreSQL each row's platform
#: is read by the INSERT itself.
_ADD_CHECKPOINTS = insert(_CHECKPOINTS_T).returning(*_CHECKPOINTS_T.c,
                                                    sort_by_parameter_order=True)
_ADD_CHECKPOINTS_WITH_PLATFORM = _ADD_CHECKPOINTS.values(platform=_PLATFORM_OF)


#: `change_plan`'s one statement on PostgreSQL: the new checkpoints' INSERT … SELECT
#: from arrays and the changes' UPDATE … FROM arrays (each only while the row is in a
#: state expected, those given as one comma-separated text), as CTEs; every row they
#: leave, marked `is_new` for an added one.
_UTC_TIMES = postgresql.ARRAY(DateTime(timezone=True))
_NEW_STEPS = func.unnest(
    bindparam("new_kinds", type_=postgresql.ARRAY(String)),
    bindparam("new_interviewer_ids", type_=postgresql.ARRAY(Integer)),
    bindparam("new_due_ats", type_=_UTC_TIMES),
).table_valued("kind", "interviewer_id", "due_at").render_derived()
_STEPS_ADDED = (
    insert(_CHECKPOINTS_T)
    .from_select(["interview_id", "kind", "interviewer_id", "due_at", "state", "created_at",
                  "attempts", "snoozed", "platform"],
                 select(bindparam("of_interview", type_=Integer), _NEW_STEPS.c.kind,
                        _NEW_STEPS.c.interviewer_id, _NEW_STEPS.c.due_at,
                        bindparam("plan_state", type_=String),
                        bindparam("plan_now", type_=DateTime(timezone=True)),
                        literal(0), false(), _PLATFORM_OF))
    .returning(*_CHECKPOINTS_T.c).cte("steps_added"))
_STEP_CHANGES = func.unnest(
    bindparam("change_ids", type_=postgresql.ARRAY(Integer)),
    bindparam("change_expects", type_=postgresql.ARRAY(String)),
    bindparam("change_states", type_=postgresql.ARRAY(String)),
    bindparam("change_due_ats", type_=_UTC_TIMES),
    bindparam("change_done_ats", type_=_UTC_TIMES),
).table_valued("id", "expect", "state", "due_at", "done_at").render_derived()
_STEPS_CHANGED = (
    update(_CHECKPOINTS_T)
    .where(_CHECKPOINTS_T.c.id == _STEP_CHANGES.c.id,
           _CHECKPOINTS_T.c.state == any_(func.string_to_array(_STEP_CHANGES.c.expect, ",")))
    .values(state=func.coalesce(_STEP_CHANGES.c.state, _CHECKPOINTS_T.c.state),
            due_at=func.coalesce(_STEP_CHANGES.c.due_at, _CHECKPOINTS_T.c.due_at),
            done_at=func.coalesce(_STEP_CHANGES.c.done_at, _CHECKPOINTS_T.c.done_at))
    .returning(*_CHECKPOINTS_T.c).cte("steps_changed"))
#: The interview's outcome, recorded with the plan when one is given (`plan_outcome`).
_PLAN_OUTCOME = (
    update(_INTERVIEWS_T)
    .where(_INTERVIEWS_T.c.id == bindparam("of_interview", type_=Integer),
           bindparam("plan_outcome", type_=String).is_not(None))
    .values(outcome=bindparam("plan_outcome", type_=String),
            outcome_at=bindparam("plan_now", type_=DateTime(timezone=True)))
    .cte("outcome_set"))
_CHANGE_PLAN = union_all(
    select(*_STEPS_ADDED.c, true().label("is_new")),
    select(*_STEPS_CHANGED.c, false().label("is_new"))).add_cte(_PLAN_OUTCOME)


def _changed_whole(change: Update) -> Select[Any]:
    """An interview's UPDATE, and the whole interview as it left it (PostgreSQL)."""
    changed = change.returning(*_INTERVIEWS_T.c).cte("changed")
    return (select(*changed.c,
                   *(column.label(f"p_{column.name}") for column in _INTERVIEWERS_T.c),
                   *(column.label(f"c_{column.name}") for column in _CALLS_T.c))
            .outerjoin(_INTERVIEWERS_T, _INTERVIEWERS_T.c.interview_id == changed.c.id)
            .outerjoin(_CALLS_T, _CALLS_T.c.interview_id == changed.c.id))


#: An interview's outcome set, by id (statements built once: building one, and its cache
#: key, cost more than sending it).
_SET_OUTCOME = (update(_INTERVIEWS_T).where(_INTERVIEWS_T.c.id == bindparam("interview_id"))
                .values(outcome=bindparam("new_outcome"),
                        outcome_at=bindparam("new_outcome_at")))
_SET_OUTCOME_WHOLE = _changed_whole(_SET_OUTCOME)


@cache
def _checkpoint_update(changed: tuple[str, ...], expecting: bool) -> Any:
    """`update_checkpoint`'s one statement for these columns, built once: the UPDATE
    checks the state and hands the row back, where reading it FOR UPDATE and then
    writing it took two (no change: the row read FOR UPDATE)."""
    matching = [_CHECKPOINTS_T.c.id == bindparam("checkpoint_id")]
    if expecting:
        matching.append(_CHECKPOINTS_T.c.state.in_(bindparam("expect", expanding=True)))
    if not changed:
        return select(*_CHECKPOINTS_T.c).where(*matching).with_for_update()
    return (update(_CHECKPOINTS_T).where(*matching)
            .values({name: bindparam(f"new_{name}") for name in changed})
            .returning(*_CHECKPOINTS_T.c))


def _whole_interviews(rows: Any) -> list[Interview]:
    """`_WHOLE_INTERVIEWS`' rows (one per interviewer and call) as interviews, in order."""
    return [_interview(row, people, calls) for row, people, calls in _grouped(rows)]


def _planned_interviews(rows: Any) -> list[tuple[Interview, list[Checkpoint]]]:
    """`_PLANNED_INTERVIEWS_OF`' rows as interviews, each with its checkpoints (parsed
    once per interview, not once per row)."""
    return [(_interview(row, people, calls), [_checkpoint(_CHECKPOINT_JSON(item))
                                              for item in json.loads(row.plan or "[]")])
            for row, people, calls in _grouped(rows)]


def _grouped(rows: Any) -> list[tuple[Any, list[Any], list[Any]]]:
    """Interview rows joined to interviewers and calls: each interview's first row, its
    interviewers and its calls, in the rows' order."""
    found: dict[int, tuple[Any, dict[int, Any], dict[int, Any]]] = {}
    for row in rows:
        known = found.get(row.id)
        if known is None:
            known = found[row.id] = (row, {}, {})
        if row.p_id is not None and row.p_id not in known[1]:
            known[1][row.p_id] = SimpleNamespace(
                id=row.p_id, position=row.p_position, name=row.p_name, email=row.p_email,
                title=row.p_title, note=row.p_note, phone=row.p_phone,
                salutation=row.p_salutation)
        if row.c_id is not None and row.c_id not in known[2]:
            known[2][row.c_id] = SimpleNamespace(id=row.c_id, at=row.c_at,
                                                 result=row.c_result)
    return [(row, list(people.values()), list(calls.values()))
            for row, people, calls in found.values()]


def _in_ids(column: Any) -> Any:
    return column.in_(bindparam("ids", expanding=True))


_INTERVIEWS = select(*InterviewRow.__table__.c).where(_in_ids(InterviewRow.id))
_INTERVIEWERS = select(*InterviewerRow.__table__.c).where(_in_ids(InterviewerRow.interview_id))
_CALLS = select(*CallRow.__table__.c).where(_in_ids(CallRow.interview_id))
_PEOPLE = select(*PersonRow.__table__.c).where(_in_ids(PersonRow.id))
_IDENTITIES = (select(*IdentityRow.__table__.c).where(_in_ids(IdentityRow.person_id))
               .order_by(IdentityRow.id))


def _any_ids(column: Any) -> Any:
    """`column = ANY(:ids)`, one array parameter: PostgreSQL's spelling of `_in_ids`."""
    return column == any_(bindparam("ids", type_=postgresql.ARRAY(Integer)))


_PG_READS = {
    "interviews": select(*InterviewRow.__table__.c).where(_any_ids(InterviewRow.id)),
    "interviewers": select(*InterviewerRow.__table__.c).where(
        _any_ids(InterviewerRow.interview_id)),
    "calls": select(*CallRow.__table__.c).where(_any_ids(CallRow.interview_id)),
    "people": select(*PersonRow.__table__.c).where(_any_ids(PersonRow.id)),
    "identities": select(*IdentityRow.__table__.c).where(_any_ids(IdentityRow.person_id))
    .order_by(IdentityRow.id),
}
_READS = {
    "interviews": _INTERVIEWS, "interviewers": _INTERVIEWERS, "calls": _CALLS,
    "people": _PEOPLE, "identities": _IDENTITIES,
}


def _json_ids(column: Any) -> Any:
    """`column IN (SELECT value FROM json_each(:ids))`, the ids as one JSON text: SQLite's
    spelling of `_any_ids`, whose text does not change with the number of ids."""
    return column.in_(select(literal_column("value")).select_from(
        func.json_each(bindparam("ids", type_=String))))


_LITE_READS = {
    "interviews": select(*InterviewRow.__table__.c).where(_json_ids(InterviewRow.id)),
    "interviewers": select(*InterviewerRow.__table__.c).where(
        _json_ids(InterviewerRow.interview_id)),
    "calls": select(*CallRow.__table__.c).where(_json_ids(CallRow.interview_id)),
    "people": select(*PersonRow.__table__.c).where(_json_ids(PersonRow.id)),
    "identities": select(*IdentityRow.__table__.c).where(_json_ids(IdentityRow.person_id))
    .order_by(IdentityRow.id),
}


def _reads(connection: Connection) -> dict[str, Any]:
    """The per-batch reads of delivery for this database. On PostgreSQL the ids go as one
    array (`= ANY`): the statement's text is then the same for every batch, so psycopg
    converts it once and the server prepares it once, where an IN list of a new length
    is a new statement each time (measured: 0.89 -> 0.80 ms of the deliverer's CPU per
    reminder, 20,000 due). On SQLite (3.38 on) they go as one JSON text (`_ids`), for
    the same reason: an IN list of a new length is compiled afresh by SQLAlchemy."""
    name = connection.dialect.name
    return _PG_READS if name == "postgresql" else _LITE_READS if _JSON_IDS else _READS


def _ids(connection: Connection, ids: list[int]) -> Any:
    """`ids` as `_reads`' statements take them on this database."""
    if _JSON_IDS and connection.dialect.name == "sqlite":
        return json.dumps(ids)
    return ids


def _put_promise(row: InterviewRow, promise: Promise | None) -> None:
    row.promise_kind = None if promise is None else promise.kind
    row.promise_on = None if promise is None else promise.on
    row.promise_text = None if promise is None else promise.text


@cache
def _fetched(fields: tuple[str, ...]) -> Callable[[Sequence[Any]], Any]:
    """A named tuple's maker for rows of these columns (one type per statement)."""
    kind: Any = namedtuple("Fetched", fields)  # type: ignore[misc]  # names: at run time
    return cast(Callable[[Sequence[Any]], Any], kind._make)


def _fast(rows: Sequence[Row[Any]]) -> list[Any]:
    """Rows of a batch as named tuples, read by the model's converters on every reminder
    delivered: a column of a Row by name costs several times one of a named tuple
    (about 0.3 against 0.03 µs; an interview reads 30), and the copy costs less than
    that."""
    if not rows:
        return []
    make = _fetched(tuple(rows[0]._fields))
    return [make(row) for row in rows]


def _utc(moment: datetime) -> datetime:
    # Rows just written still hold the caller's value, maybe in another zone.
    return moment.astimezone(UTC)


def _utc_or_none(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC)


def _person(row: PersonRow | Row[Any]) -> Person:
    return Person(
        id=row.id,
        tz=row.tz,
        quiet=QuietHours(start=row.quiet_start, end=row.quiet_end),
        tz_confirmed=row.tz_confirmed,
        phone=row.phone,
        display_name=row.display_name,
        tone=row.tone or Tone.FORMAL,
        calendar_token_hash=row.calendar_token_hash,
    )


def _identity(row: IdentityRow | Row[Any]) -> Identity:
    return Identity(platform=row.platform, workspace=row.workspace, user=row.user_id,
                    dm_channel=row.dm_channel)


def _interview(row: Any, interviewers: Sequence[Any] | None = None,
               calls: Sequence[Any] | None = None) -> Interview:
    """An interview from its row (ORM or Core); a Core row needs its interviewers and
    calls passed in."""
    interviewers = row.interviewers if interviewers is None else interviewers
    calls = row.calls if calls is None else calls
    promise = None
    if row.promise_kind is not None and row.promise_on is not None:
        promise = Promise(kind=row.promise_kind, on=row.promise_on, text=row.promise_text or "")
    return Interview(
        id=row.id,
        person_id=row.person_id,
        number=row.number,
        company=row.company,
        role=row.role,
        starts_at=_utc(row.starts_at),
        interviewers=tuple(
            Interviewer(
                id=person.id,
                name=person.name,
                email=person.email,
                title=person.title,
                note=person.note,
                phone=person.phone,
                salutation=person.salutation,
            )
            # One interviewer (most interviews): nothing to sort.
            for person in (interviewers if len(interviewers) < 2 else
                           sorted(interviewers, key=lambda person: person.position))
        ),
        created_at=_utc(row.created_at),
        promise=promise,
        culture=row.culture,
        channel=row.channel,
        stage=row.stage,
        parent_id=row.parent_id,
        outcome=row.outcome,
        outcome_at=_utc_or_none(row.outcome_at),
        calls=tuple(
            CallRecord(at=_utc(call.at), result=call.result)
            for call in sorted(calls, key=lambda call: (_utc(call.at), call.id or 0))
        ) if calls else (),
        share=row.share,
        employer_tz=row.employer_tz,
    )


def _checkpoint(row: CheckpointRow | Row[Any] | SimpleNamespace) -> Checkpoint:
    return Checkpoint(
        id=row.id,
        interview_id=row.interview_id,
        kind=row.kind,
        due_at=_utc(row.due_at),
        state=row.state,
        created_at=_utc(row.created_at),
        interviewer_id=row.interviewer_id,
        sent_at=_utc_or_none(row.sent_at),
        attempts=row.attempts,
        snoozed=row.snoozed,
    )


def _json_rows(table: Table) -> Callable[[dict[str, Any]], SimpleNamespace]:
    """Reads a row of `table` as PostgreSQL's `to_json` wrote it into what a Core row of
    it holds (enums, aware UTC datetimes, dates), by the table's own column types."""
    def instant(text: str) -> datetime:
        return datetime.fromisoformat(text).astimezone(UTC)

    readers: list[tuple[str, Callable[[Any], Any] | None]] = []
    for found in table.c:
        kind = found.type
        readers.append((found.name, kind.enum if isinstance(kind, EnumText) else
                        instant if isinstance(kind, UtcDateTime) else
                        date.fromisoformat if isinstance(kind, Date) else None))

    def read(item: dict[str, Any]) -> SimpleNamespace:
        values = {}
        for name, convert in readers:
            value = item.get(name)
            values[name] = value if value is None or convert is None else convert(value)
        return SimpleNamespace(**values)

    return read


_INTERVIEW_JSON = _json_rows(_INTERVIEWS_T)
_INTERVIEWER_JSON = _json_rows(_INTERVIEWERS_T)
_CALL_JSON = _json_rows(_CALLS_T)
_CHECKPOINT_JSON = _json_rows(_CHECKPOINTS_T)


def _journal_entry(row: JournalRow) -> JournalEntry:
    return JournalEntry(
        interview_id=row.interview_id, at=_utc(row.at), question=row.question, answer=row.answer
    )


def _iso(moment: datetime | date | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _clock(moment: time) -> str:
    return moment.strftime("%H:%M")


def _interview_export(row: InterviewRow, checkpoints: Sequence[CheckpointRow]) -> dict[str, Any]:
    interview = _interview(row)
    promise = interview.promise
    return {
        "id": interview.id,
        "number": interview.number,
        "company": interview.company,
        "role": interview.role,
        "starts_at": _iso(interview.starts_at),
        "created_at": _iso(interview.created_at),
        "promise": None
        if promise is None
        else {"kind": str(promise.kind), "on": _iso(promise.on), "text": promise.text},
        "culture": _text(interview.culture),
        "channel": _text(interview.channel),
        "stage": interview.stage,
        "parent_id": interview.parent_id,
        "outcome": _text(interview.outcome),
        "outcome_at": _iso(interview.outcome_at),
        "share": str(interview.share),
        "employer_tz": interview.employer_tz,
        "interviewers": [
            {
                "id": person.id,
                "name": person.name,
                "email": person.email,
                "title": person.title,
                "note": person.note,
                "phone": person.phone,
                "salutation": person.salutation,
            }
            for person in interview.interviewers
        ],
        "calls": [{"at": _iso(call.at), "result": str(call.result)} for call in interview.calls],
        "checkpoints": [
            {
                "id": checkpoint.id,
                "kind": str(checkpoint.kind),
                "interviewer_id": checkpoint.interviewer_id,
                "due_at": _iso(checkpoint.due_at),
                "state": str(checkpoint.state),
                "created_at": _iso(checkpoint.created_at),
                "sent_at": _iso(checkpoint.sent_at),
                "attempts": checkpoint.attempts,
                "snoozed": checkpoint.snoozed,
                "done_at": _iso(row.done_at and _utc(row.done_at)),
                "platform": str(row.platform),
                "claimed_at": _iso(row.claimed_at and _utc(row.claimed_at)),
            }
            for row, checkpoint in zip(checkpoints, map(_checkpoint, checkpoints), strict=True)
        ],
    }


def _text(value: str | None) -> str | None:
    return None if value is None else str(value)
