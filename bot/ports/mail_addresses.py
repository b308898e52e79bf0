"""Where each person's private mail address is looked up: by its token's hash only,
and how much mail each address took lately (its limit)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.model import Person


class MailAddresses(Protocol):
    def set_mail_token_hash(self, person_id: int, token_hash: str, made_at: datetime) -> None:
        """The person's address is now the one whose token hashes to `token_hash`; the
        one before (if any) stops routing at once."""
        ...

    def has_mail_address(self, person_id: int) -> bool: ...

    def person_by_mail_token_hash(self, token_hash: str) -> Person | None:
        """Whose address has a token with this hash; None for an unknown or reset one."""
        ...

    def mail_arrivals_since(self, token_hash: str, since: datetime) -> int:
        """How many messages the address with this token hash took after `since` (a
        day back at most: older arrivals are forgotten)."""
        ...

    def admit_mail(self, token_hash: str, at: datetime, per_hour: int, per_day: int) -> bool:
        """Count a message reaching the address with this token hash at `at`, unless it
        took `per_hour` in the hour or `per_day` in the day before (False: refuse it).
        Atomic across processes; nothing of the message is kept."""
        ...
