"""The club half of the repository: clubs, members, and the outbox of channel posts.

A mixin that `storage.repository.SqlRepository` inherits; it relies only on that class's
`_session`, so each method is still one short transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from bot.clubs.model import (
    Club,
    ClubPost,
    ClubRole,
    DoneStep,
    Membership,
    OpenStep,
    PostKind,
    PostState,
)
from bot.model import ChannelRef, CheckpointKind, CheckpointState, Platform
from storage.models import CheckpointRow, ClubMemberRow, ClubPostRow, ClubRow
from storage.queue import ClaimQueue, QueueSpec
from storage.statements import required, upsertable_insert

#: Checkpoint states that still wait for the person.
_WAITING = (CheckpointState.PENDING, CheckpointState.SENDING, CheckpointState.SENT)

#: The outbox of channel posts: claimed as SENDING, SENT once posted; a failed post
#: counts an attempt and waits for its retry.
POSTS = ClaimQueue(QueueSpec(
    row=ClubPostRow, key=ClubPostRow.id, state=ClubPostRow.state,
    waiting=PostState.PENDING, claimed=PostState.SENDING, claimed_at=ClubPostRow.claimed_at,
    order=(ClubPostRow.due_at, ClubPostRow.id), due=ClubPostRow.due_at,
    done=PostState.SENT, done_at=ClubPostRow.sent_at,
    attempts=ClubPostRow.attempts, count_attempt_on="release",
))
#: A post on one of some platforms (`claim_posts`' filter, built once: the claim's
#: statement is kept by it).
_ON_PLATFORMS = (ClubPostRow.platform.in_(bindparam("on_platforms", expanding=True)),)


class ClubStorage:
    """`bot.ports.repository.ClubRepository` on SQLAlchemy (SQLite or PostgreSQL)."""

    if TYPE_CHECKING:

        def _session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...

        def _single_statement(self) -> AbstractContextManager[Connection]: ...

    # --- clubs ---------------------------------------------------------------------
    def create_club(
        self,
        where: ChannelRef,
        name: str,
        tz: str,
        digest_weekday: int,
        digest_time: time,
        organiser_id: int,
        now: datetime,
    ) -> Club | None:
        """Make the channel a club with its organiser as first member; None if it is one."""
        with self._session(write=True) as session:
            insert = (
                upsertable_insert(session, ClubRow)
                .values(
                    platform=where.platform,
                    workspace=where.workspace,
                    channel=where.channel,
                    name=name,
                    tz=tz,
                    digest_weekday=digest_weekday,
                    digest_time=digest_time,
                    created_at=now,
                )
                # Two managers starting a club at once: the second finds the first's.
                .on_conflict_do_nothing(index_elements=["platform", "workspace", "channel"])
                .returning(ClubRow.id)
            )
            club_id = session.scalar(insert)
            if club_id is None:
                return None
            session.add(
                ClubMemberRow(
                    club_id=club_id,
                    person_id=organiser_id,
                    role=ClubRole.ORGANISER,
                    mentions=False,
                    joined_at=now,
                )
            )
            return _club(required(session.get(ClubRow, club_id), "club", club_id))

    def club_at(self, where: ChannelRef) -> Club | None:
        with self._session() as session:
            row = session.scalar(
                select(ClubRow).where(
                    ClubRow.platform == where.platform,
                    ClubRow.workspace == where.workspace,
                    ClubRow.channel == where.channel,
                )
            )
            return None if row is None else _club(row)

    def get_club(self, club_id: int) -> Club | None:
        with self._session() as session:
            row = session.get(ClubRow, club_id)
            return None if row is None else _club(row)

    def update_club(
        self,
        club_id: int,
        *,
        name: str | None = None,
        tz: str | None = None,
        digest_weekday: int | None = None,
        digest_time: time | None = None,
    ) -> Club:
        with self._session(write=True) as session:
            row = required(session.get(ClubRow, club_id), "club", club_id)
            if name is not None:
                row.name = name
            if tz is not None:
                row.tz = tz
            if digest_weekday is not None:
                row.digest_weekday = digest_weekday
            if digest_time is not None:
                row.digest_time = digest_time
            session.flush()
            return _club(row)

    def delete_club(self, club_id: int) -> dict[str, int]:
        """Delete the club; memberships and posts cascade. Returns what went, by kind."""
        with self._session(write=True) as session:
            counts = {
                "memberships": session.scalar(
                    select(func.count()).where(ClubMemberRow.club_id == club_id)
                ) or 0,
                "pending posts": session.scalar(
                    select(func.count()).where(
                        ClubPostRow.club_id == club_id,
                        ClubPostRow.state.in_([PostState.PENDING, PostState.SENDING]),
                    )
                ) or 0,
                "clubs": session.scalar(select(func.count()).where(ClubRow.id == club_id)) or 0,
            }
            session.execute(delete(ClubRow).where(ClubRow.id == club_id))
            return counts

    def clubs_of(self, person_id: int) -> list[Club]:
        with self._session() as session:
            rows = session.scalars(
                select(ClubRow)
                .join(ClubMemberRow, ClubMemberRow.club_id == ClubRow.id)
                .where(ClubMemberRow.person_id == person_id)
                .order_by(ClubRow.created_at, ClubRow.id)
            )
            return [_club(row) for row in rows]

    # --- members -------------------------------------------------------------------
    def add_member(
        self, club_id: int, person_id: int, role: ClubRole, now: datetime
    ) -> Membership | None:
        """Join the person to the club; None if they are a member already."""
        with self._session(write=True) as session:
            insert = (
                upsertable_insert(session, ClubMemberRow)
                .values(club_id=club_id, person_id=person_id, role=role, mentions=False,
                        joined_at=now)
                .on_conflict_do_nothing(index_elements=["club_id", "person_id"])
                .returning(ClubMemberRow.id)
            )
            member_id = session.scalar(insert)
            if member_id is None:
                return None
            return _member(required(session.get(ClubMemberRow, member_id), "member", member_id))

    def update_member(
        self,
        club_id: int,
        person_id: int,
        *,
        role: ClubRole | None = None,
        mentions: bool | None = None,
    ) -> Membership | None:
        with self._session(write=True) as session:
            row = session.scalar(_membership(club_id, person_id))
            if row is None:
                return None
            if role is not None:
                row.role = role
            if mentions is not None:
                row.mentions = mentions
            session.flush()
            return _member(row)

    def remove_member(self, club_id: int, person_id: int) -> bool:
        with self._session(write=True) as session:
            result = session.execute(
                delete(ClubMemberRow).where(
                    ClubMemberRow.club_id == club_id, ClubMemberRow.person_id == person_id
                ),
                execution_options={"synchronize_session": False},
            )
            return int(getattr(result, "rowcount", 0)) > 0

    def get_member(self, club_id: int, person_id: int) -> Membership | None:
        with self._session() as session:
            row = session.scalar(_membership(club_id, person_id))
            return None if row is None else _member(row)

    def club_members(self, club_id: int) -> list[Membership]:
        with self._session() as session:
            rows = session.scalars(
                select(ClubMemberRow)
                .where(ClubMemberRow.club_id == club_id)
                .order_by(ClubMemberRow.joined_at, ClubMemberRow.id)
            )
            return [_member(row) for row in rows]

    def steps_done(
        self, interview_ids: Sequence[int], since: datetime, until: datetime
    ) -> list[DoneStep]:
        if not interview_ids:
            return []
        with self._session() as session:
            rows = session.execute(
                select(CheckpointRow.interview_id, CheckpointRow.kind, CheckpointRow.done_at)
                .where(
                    CheckpointRow.interview_id.in_(list(interview_ids)),
                    CheckpointRow.state == CheckpointState.DONE,
                    CheckpointRow.done_at >= since,
                    CheckpointRow.done_at < until,
                )
                .order_by(CheckpointRow.done_at, CheckpointRow.id)
            )
            return [
                DoneStep(interview_id=interview_id, kind=CheckpointKind(kind), at=_utc(at))
                for interview_id, kind, at in rows
                if at is not None  # the filter above already excludes it
            ]

    def steps_open(
        self, interview_ids: Sequence[int], due_before: datetime
    ) -> list[OpenStep]:
        if not interview_ids:
            return []
        with self._session() as session:
            rows = session.execute(
                select(CheckpointRow.interview_id, CheckpointRow.kind, CheckpointRow.due_at)
                .where(
                    CheckpointRow.interview_id.in_(list(interview_ids)),
                    CheckpointRow.state.in_(_WAITING),
                    CheckpointRow.due_at < due_before,
                )
                .order_by(CheckpointRow.due_at, CheckpointRow.id)
            )
            return [
                OpenStep(interview_id=interview_id, kind=CheckpointKind(kind), due_at=_utc(due))
                for interview_id, kind, due in rows
            ]

    # --- channel posts -----------------------------------------------------------------
    def add_post(
        self,
        club_id: int,
        kind: PostKind,
        ref: str,
        body: str,
        due_at: datetime,
        now: datetime,
        person_id: int | None = None,
    ) -> ClubPost | None:
        """Queue a post; None if this (club, kind, ref) exists. A cancelled one is revived."""
        with self._session(write=True) as session:
            platform = session.scalar(select(ClubRow.platform).where(ClubRow.id == club_id))
            if platform is None:
                raise LookupError(f"no club with id {club_id}")
            insert = (
                upsertable_insert(session, ClubPostRow)
                .values(
                    club_id=club_id, person_id=person_id, kind=kind, ref=ref, body=body,
                    due_at=due_at, state=PostState.PENDING, created_at=now, attempts=0,
                    platform=platform,
                )
                .on_conflict_do_nothing(index_elements=["club_id", "kind", "ref"])
                .returning(ClubPostRow.id)
            )
            post_id = session.scalar(insert)
            if post_id is None:
                # It exists: only one that never went out may be queued again.
                post_id = session.scalar(
                    update(ClubPostRow)
                    .where(
                        ClubPostRow.club_id == club_id,
                        ClubPostRow.kind == kind,
                        ClubPostRow.ref == ref,
                        ClubPostRow.state == PostState.CANCELLED,
                    )
                    .values(
                        state=PostState.PENDING, body=body, due_at=due_at, attempts=0,
                        person_id=person_id, claimed_at=None,
                    )
                    .returning(ClubPostRow.id),
                    execution_options={"synchronize_session": False},
                )
                if post_id is None:
                    return None
            return _post(required(session.get(ClubPostRow, post_id), "post", post_id))

    def get_post(self, post_id: int) -> ClubPost | None:
        with self._session() as session:
            row = session.get(ClubPostRow, post_id)
            return None if row is None else _post(row)

    def posts_of(self, club_id: int, *, kind: PostKind | None = None) -> list[ClubPost]:
        query = select(ClubPostRow).where(ClubPostRow.club_id == club_id)
        if kind is not None:
            query = query.where(ClubPostRow.kind == kind)
        with self._session() as session:
            rows = session.scalars(query.order_by(ClubPostRow.due_at, ClubPostRow.id))
            return [_post(row) for row in rows]

    def cancel_posts(
        self, club_id: int, *, kind: PostKind | None = None, person_id: int | None = None
    ) -> int:
        conditions = [ClubPostRow.club_id == club_id, ClubPostRow.state == PostState.PENDING]
        if kind is not None:
            conditions.append(ClubPostRow.kind == kind)
        if person_id is not None:
            conditions.append(ClubPostRow.person_id == person_id)
        with self._session(write=True) as session:
            result = session.execute(
                update(ClubPostRow).where(*conditions).values(state=PostState.CANCELLED),
                execution_options={"synchronize_session": False},
            )
            return int(getattr(result, "rowcount", 0))

    def cancel_post(self, post_id: int) -> None:
        with self._session(write=True) as session:
            session.execute(
                update(ClubPostRow)
                .where(
                    ClubPostRow.id == post_id,
                    ClubPostRow.state.in_([PostState.PENDING, PostState.SENDING]),
                )
                .values(state=PostState.CANCELLED),
                execution_options={"synchronize_session": False},
            )

    def claim_posts(
        self, now: datetime, limit: int, platforms: Sequence[Platform]
    ) -> list[ClubPost]:
        """Up to `limit` pending posts due by `now` on `platforms`, now SENDING, first due
        first (`storage.queue`'s claim)."""
        if limit <= 0 or not platforms:
            return []
        with self._single_statement() as connection:  # autocommitted on PostgreSQL
            rows = POSTS.claim(connection, now, limit, where=_ON_PLATFORMS,
                               params={"on_platforms": sorted(set(platforms))})
            return [_post(row) for row in rows]

    def confirm_post(self, post_id: int, at: datetime) -> None:
        with self._session(write=True) as session:
            POSTS.complete(session.connection(), [(post_id, at)])

    def release_post(self, post_id: int, retry_at: datetime) -> None:
        with self._session(write=True) as session:
            POSTS.release(session.connection(), post_id, retry_at)

    def recover_posts(self, claimed_before: datetime) -> int:
        """Stale claims only: a live worker in another process may be posting the rest."""
        with self._session(write=True) as session:
            return POSTS.recover(session.connection(), claimed_before)

    def renew_posts(self, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat of a live poster: its SENDING posts' leases start again."""
        with self._session(write=True) as session:
            return POSTS.renew(session.connection(), ids, now)

    def next_post_due(self, platforms: Sequence[Platform]) -> datetime | None:
        if not platforms:
            return None
        with self._session() as session:
            return POSTS.next_due(session.connection(),
                                  where=[ClubPostRow.platform.in_(list(platforms))])


# --- queries and conversions ----------------------------------------------------------
def _membership(club_id: int, person_id: int) -> Select[ClubMemberRow]:
    return select(ClubMemberRow).where(
        ClubMemberRow.club_id == club_id, ClubMemberRow.person_id == person_id
    )


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive UTC from raw column selects; rows just written keep their zone.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _utc_or_none(moment: datetime | None) -> datetime | None:
    return None if moment is None else _utc(moment)


def _club(row: ClubRow) -> Club:
    return Club(
        id=row.id,
        where=ChannelRef(platform=row.platform, workspace=row.workspace, channel=row.channel),
        name=row.name,
        tz=row.tz,
        digest_weekday=row.digest_weekday,
        digest_time=row.digest_time,
        created_at=_utc(row.created_at),
    )


def _member(row: ClubMemberRow) -> Membership:
    return Membership(
        club_id=row.club_id,
        person_id=row.person_id,
        role=row.role,
        mentions=row.mentions,
        joined_at=_utc(row.joined_at),
    )


def _post(row: Any) -> ClubPost:
    """A post from its row (ORM, or Core as a claim returns it)."""
    return ClubPost(
        id=row.id,
        club_id=row.club_id,
        kind=row.kind,
        ref=row.ref,
        body=row.body,
        due_at=_utc(row.due_at),
        state=row.state,
        created_at=_utc(row.created_at),
        person_id=row.person_id,
        attempts=row.attempts,
        sent_at=_utc_or_none(row.sent_at),
    )
