"""Private mail addresses: one row per person holding the SHA-256 of its token.

The token is the address's local part; only its hash is stored (like calendar feeds,
0009), so a copy of the database routes no mail and reveals no address. A reset
replaces the hash, so the old address finds no row and bounces. `MailStorage` is a
mixin of `SqlRepository`; the row goes with its person (ON DELETE CASCADE).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, select
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


__all__ = ["MailAddressRow", "MailStorage", "PersonRow"]
