"""Private mail addresses: one row per person holding the SHA-256 of its token.

The token is the address's local part; only its hash is stored (like calendar feeds,
0009), so a copy of the database routes no mail and reveals no address. A reset
replaces the hash, so the old address finds no row and bounces. `MailStorage` is a
mixin of `SqlRepository`; the row goes with its person (ON DELETE CASCADE).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.model import Person
from storage.models import Base, PersonRow, UtcDateTime


class MailAddressRow(Base):
    """A person's current private address, as its token's hash (migration 0015)."""

    __tablename__ = "mail_addresses"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MailArrivalRow(Base):
    """Some message reached the address with this token hash at this time (0017); only
    for the per-address limit, so nothing about the message itself."""

    __tablename__ = "mail_arrivals"
    __table_args__ = (Index("ix_mail_arrivals_address_time", "address_hash", "arrived_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    address_hash: Mapped[str] = mapped_column(String(64))
    arrived_at: Mapped[datetime] = mapped_column(UtcDateTime)


#: Arrivals are counted over a day at most, so older rows are of no use.
KEEP_ARRIVALS = timedelta(days=1)


class MailStorage:
    """The mail-address half of `SqlRepository`."""

    if TYPE_CHECKING:
        def _session(self, *, write: bool = False) -> AbstractContextManager[Session]: ...
        def get_person(self, person_id: int) -> Person | None: ...

    def set_mail_token_hash(self, person_id: int, token_hash: str, made_at: datetime) -> None:
        with self._session(write=True) as session:
            row = session.get(MailAddressRow, person_id)
            if row is None:
                session.add(MailAddressRow(person_id=person_id, token_hash=token_hash,
                                           made_at=made_at))
            else:
                row.token_hash, row.made_at = token_hash, made_at
            session.flush()

    def has_mail_address(self, person_id: int) -> bool:
        with self._session() as session:
            return session.get(MailAddressRow, person_id) is not None

    def person_by_mail_token_hash(self, token_hash: str) -> Person | None:
        if not token_hash:
            return None
        with self._session() as session:
            person_id = session.scalar(select(MailAddressRow.person_id)
                                       .where(MailAddressRow.token_hash == token_hash))
        return None if person_id is None else self.get_person(person_id)

    def mail_arrivals_since(self, token_hash: str, since: datetime) -> int:
        with self._session() as session:
            return int(session.scalar(
                select(func.count()).select_from(MailArrivalRow)
                .where(MailArrivalRow.address_hash == token_hash,
                       MailArrivalRow.arrived_at > since)) or 0)

    def admit_mail(self, token_hash: str, at: datetime, per_hour: int, per_day: int) -> bool:
        """Count one arrival at the address unless it has taken `per_hour` messages in
        the hour or `per_day` in the day before `at`. Counting and noting are one
        transaction holding the address's row (FOR UPDATE on PostgreSQL, the write lock
        on SQLite), so processes receiving at once never let one message too many in."""
        with self._session(write=True) as session:
            held = session.scalar(select(MailAddressRow.person_id)
                                  .where(MailAddressRow.token_hash == token_hash)
                                  .with_for_update())
            if held is None:
                return False  # reset or never made: nothing to count
            session.execute(delete(MailArrivalRow)
                            .where(MailArrivalRow.arrived_at < at - KEEP_ARRIVALS))
            hour, day = session.execute(
                select(func.count().filter(MailArrivalRow.arrived_at > at - timedelta(hours=1)),
                       func.count().filter(MailArrivalRow.arrived_at > at - timedelta(days=1)))
                .where(MailArrivalRow.address_hash == token_hash)).one()
            if hour >= per_hour or day >= per_day:
                return False
            session.add(MailArrivalRow(address_hash=token_hash, arrived_at=at))
            session.flush()
            return True

__all__ = ["MailAddressRow", "MailArrivalRow", "MailStorage", "PersonRow"]
