"""SQLAlchemy tables behind the repository: people, interviews, checkpoints and their kin.

Times are stored in UTC and always come back timezone-aware; enums are stored as text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from bot.clubs.model import ClubRole, PostKind, PostState
from bot.model import (
    CallResult,
    Channel,
    CheckpointKind,
    CheckpointState,
    Culture,
    Outcome,
    Platform,
    PromiseKind,
    ShareLevel,
    Tone,
)

#: Constraint names fixed by convention so migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; SQLite drops the zone, so it is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: the repository only takes aware times")
        value = value.astimezone(UTC)
        # SQLite compares datetimes as text, so every stored value must share one form.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """A StrEnum member stored as its plain text value (no native enum types to migrate)."""

    impl = String(20)
    cache_ok = True

    def __init__(self, enum: type[E]) -> None:
        super().__init__(length=20)
        self.enum = enum
        # Each stored text's member, looked up as a dict, not by calling the enum (its
        # metaclass's __call__ and __new__: delivery reads about ten a reminder).
        self._members: dict[Any, E] = {member.value: member for member in enum}

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        if value is None:
            return None
        member = self._members.get(value)
        return member if member is not None else self.enum(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PersonRow(Base):
    """A job seeker, whatever platforms they reach the bot from."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("calendar_token_hash", name="uq_people_calendar_token"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tz: Mapped[str] = mapped_column(String(64))
    quiet_start: Mapped[time] = mapped_column(Time)
    quiet_end: Mapped[time] = mapped_column(Time)
    tz_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40))
    display_name: Mapped[str | None] = mapped_column(String(200))
    tone: Mapped[Tone] = mapped_column(EnumText(Tone), default=Tone.FORMAL)
    # SHA-256 hex of the private calendar feed's token: the token is never stored. The
    # unique constraint keeps the name it had when the column held tokens (0009).
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64))
    # When the feed's current token was made (0012): `export` says so, never the token.
    calendar_feed_made_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # When they were told their DMs are closed (0012): told once, not per bounced reminder.
    dms_closed_told_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    identities: Mapped[list[IdentityRow]] = relationship(
        back_populates="person", passive_deletes=True, order_by="IdentityRow.id"
    )


class IdentityRow(Base):
    """One platform account of a person: (platform, workspace, user) is unique."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("platform", "workspace", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    platform: Mapped[Platform] = mapped_column(EnumText(Platform))
    workspace: Mapped[str] = mapped_column(String(128))
    user_id: Mapped[str] = mapped_column(String(128))
    # The bot's DM channel with them (Discord), once known: a DM then costs one request.
    dm_channel: Mapped[str | None] = mapped_column(String(32))

    person: Mapped[PersonRow] = relationship(back_populates="identities")


class InterviewRow(Base):
    """One interview; `number` is what the user types ("plan 2"), counted per person."""

    __tablename__ = "interviews"
    __table_args__ = (UniqueConstraint("person_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    promise_kind: Mapped[PromiseKind | None] = mapped_column(EnumText(PromiseKind))
    promise_on: Mapped[date | None] = mapped_column(Date)
    promise_text: Mapped[str | None] = mapped_column(Text)
    culture: Mapped[Culture | None] = mapped_column(EnumText(Culture))
    channel: Mapped[Channel | None] = mapped_column(EnumText(Channel))
    stage: Mapped[str | None] = mapped_column(String(100))
    # A next round points at the interview it follows; it outlives that row's deletion.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[Outcome | None] = mapped_column(EnumText(Outcome))
    outcome_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    share: Mapped[ShareLevel] = mapped_column(EnumText(ShareLevel), default=ShareLevel.PROGRESS)
    employer_tz: Mapped[str | None] = mapped_column(String(64))

    interviewers: Mapped[list[InterviewerRow]] = relationship(
        passive_deletes=True, order_by="InterviewerRow.position", lazy="selectin"
    )
    calls: Mapped[list[CallRow]] = relationship(
        passive_deletes=True, order_by=lambda: [CallRow.at, CallRow.id], lazy="selectin"
    )


class InterviewerRow(Base):
    """Someone the user met at an interview, kept in the order the user named them."""

    __tablename__ = "interviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    title: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))  # migration 0009
    salutation: Mapped[str | None] = mapped_column(String(80))  # migration 0016


class CallRow(Base):
    """A follow-up call the user made, so the plan can stop at two."""

    __tablename__ = "calls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    result: Mapped[CallResult] = mapped_column(EnumText(CallResult))


class CheckpointRow(Base):
    """A planned reminder; `platform` is copied from the person so claims need no joins."""

    __tablename__ = "checkpoints"
    __table_args__ = (
        Index(None, "state", "due_at"),
        # The scheduler asks "when is the next one due on my platforms?" after every change,
        # and delivery claims the next due in (due_at, id) order (migration 0007).
        Index(None, "state", "platform", "due_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CheckpointKind] = mapped_column(EnumText(CheckpointKind))
    interviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviewers.id", ondelete="CASCADE"), index=True
    )
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[CheckpointState] = mapped_column(EnumText(CheckpointState))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # when SENDING began
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    snoozed: Mapped[bool] = mapped_column(Boolean, default=False)
    platform: Mapped[Platform] = mapped_column(EnumText(Platform))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # when marked done


#: The states in which a checkpoint still reminds (or waits for a report): one per step.
_STILL_ACTIVE = text("state IN ({})".format(", ".join(
    f"'{state.value}'" for state in (CheckpointState.PENDING, CheckpointState.SENDING,
                                     CheckpointState.SENT))))
# At most one active checkpoint per step (interview, kind, interviewer), whatever runs at
# once: a second would remind twice, and an outcome would cancel only one (migration
# 0008). `coalesce` because NULLs never collide in a unique index; ids start at 1.
Index("uq_checkpoints_one_active_step", CheckpointRow.interview_id, CheckpointRow.kind,
      func.coalesce(CheckpointRow.interviewer_id, 0), unique=True,
      postgresql_where=_STILL_ACTIVE, sqlite_where=_STILL_ACTIVE)


class JournalRow(Base):
    """A reflection note; it survives its interview (kept as a general note)."""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)


class ConversationRow(Base):
    """Where a person is in a multi-step dialogue, as JSON text."""

    __tablename__ = "conversations"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(Text)
    # When the question is deleted, answered or not (mail's proposals: migration 0018).
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True,
                                                        index=True)


class IdempotencyKeyRow(Base):
    """Keys of platform events already handled, so retried deliveries are ignored."""

    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class RequestBudgetRow(Base):
    """A platform's request budget shared by every process with one bot token (0013): a
    token bucket, refilled by elapsed time and taken in one UPDATE
    (`storage.request_budget`). `key` is a SHA-256 of the token, never the token."""

    __tablename__ = "request_budgets"
    __table_args__ = (CheckConstraint("length(key) = 64", name="key_is_a_hash"),)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float] = mapped_column(Double)  # negative: slots lent ahead
    stamp: Mapped[float] = mapped_column(Double)  # seconds since the epoch, database clock


class ClubRow(Base):
    """A job-search club: one channel on one platform, with its digest schedule."""

    __tablename__ = "clubs"
    __table_args__ = (UniqueConstraint("platform", "workspace", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[Platform] = mapped_column(EnumText(Platform))
    workspace: Mapped[str] = mapped_column(String(128))
    channel: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(200))
    tz: Mapped[str] = mapped_column(String(64))
    digest_weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    digest_time: Mapped[time] = mapped_column(Time)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ClubMemberRow(Base):
    """A person in a club; forgetting the person or ending the club removes it."""

    __tablename__ = "club_members"
    __table_args__ = (UniqueConstraint("club_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[ClubRole] = mapped_column(EnumText(ClubRole))
    mentions: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ClubPostRow(Base):
    """The outbox of channel posts; (club, kind, ref) is unique so each goes out once.

    `platform` is copied from the club so claims need no joins, like checkpoints.
    """

    __tablename__ = "club_posts"
    __table_args__ = (
        UniqueConstraint("club_id", "kind", "ref"),
        Index(None, "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PostKind] = mapped_column(EnumText(PostKind))
    ref: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[PostState] = mapped_column(EnumText(PostState))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    platform: Mapped[Platform] = mapped_column(EnumText(Platform))


class SlackInstallationRow(Base):
    """A Slack workspace that installed the app (OAuth). `sealed` is the installation,
    tokens included, encrypted by the adapter: a copy of the database holds no token."""

    __tablename__ = "slack_installations"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sealed: Mapped[str] = mapped_column(Text)


class OAuthStateRow(Base):
    """An install link's state, kept as its SHA-256 until consumed once or expired."""

    __tablename__ = "slack_oauth_states"

    state_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DepartedWorkspaceRow(Base):
    """A workspace (Slack team, Discord server) the bot was removed from: nothing is sent
    there, and its data goes at `purge_after` unless the bot comes back first."""

    __tablename__ = "departed_workspaces"

    platform: Mapped[Platform] = mapped_column(EnumText(Platform), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(128), primary_key=True)
    left_at: Mapped[datetime] = mapped_column(UtcDateTime)
    purge_after: Mapped[datetime] = mapped_column(UtcDateTime)
