"""The durable inbox of platform requests: acknowledged by one process, answered by another.

A web process stores a request (Slack's slash command) and acks at once; whichever
process runs the clock claims it and answers. `storage/inbox.py` implements both halves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.model import Platform

#: (author, payload) or (author, payload, idempotency key) of a request to store.
NewRequest = tuple[str, str] | tuple[str, str, str | None]


@dataclass(frozen=True, slots=True)
class StoredRequest:
    """One request waiting for an answer; `payload` is the platform's own JSON."""

    id: int
    payload: str
    received_at: datetime
    attempts: int
    key: str | None = None  # its idempotency key: the same request is applied once


class RequestAppender(Protocol):
    """The web process's way in: stores requests in one write, as cheaply as it can."""

    def append(self, platform: Platform, requests: Sequence[NewRequest],
               at: datetime) -> None:
        """Store (author, payload[, key]) requests in one transaction, in the order given;
        one whose key is stored already is skipped (a repeat)."""
        ...

    def close(self) -> None: ...


class RequestListener(Protocol):
    """Told when a request is stored (PostgreSQL's LISTEN), so an idle worker need not
    poll."""

    def wait(self, timeout: float) -> bool:
        """Block until a request is stored (True) or `timeout` seconds pass (False).
        Raises RepositoryUnavailable when the database cannot be listened to."""
        ...

    def close(self) -> None: ...


class RequestInbox(Protocol):
    """Claiming and finishing stored requests; one author's are answered in order."""

    def request_appender(self) -> RequestAppender:
        """A new appender, owned by the one thread that writes through it."""
        ...

    def request_listener(self) -> RequestListener | None:
        """A listener of its own for one worker thread, or None where the database
        cannot tell (SQLite: the worker backs off while idle instead)."""
        ...

    def claim_requests(self, platform: Platform, now: datetime, limit: int
                       ) -> list[StoredRequest]:
        """Up to `limit` requests, at most each author's oldest, claimed for this worker."""
        ...

    def finish_request(self, request_id: int) -> None:
        """Answered (or given up on): gone from the inbox."""
        ...

    def finish_requests(self, request_ids: Sequence[int]) -> None:
        """`finish_request` for several at once (one statement)."""
        ...

    def finish_request_with_next_unit(self, request_id: int) -> bool:
        """`finish_request` carried by the next unit of work this thread commits (at most
        one row a thread waits so); False where not done: finish it now."""
        ...

    def take_unfinished_riders(self) -> list[int]:
        """The rows still waiting for a unit to carry their finish, for the caller to
        finish."""
        ...

    def renew_requests(self, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat: this worker's claims among `ids` are renewed as of `now`."""
        ...

    def recover_requests(self, claimed_before: datetime) -> int:
        """Requests a dead worker claimed before then go back to waiting; how many."""
        ...

    def oldest_request_claim(self) -> datetime | None:
        """When the longest-held claim was last renewed (its lease runs out first)."""
        ...
