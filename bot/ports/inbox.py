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


@dataclass(frozen=True, slots=True)
class StoredRequest:
    """One request waiting for an answer; `payload` is the platform's own JSON."""

    id: int
    payload: str
    received_at: datetime
    attempts: int


class RequestAppender(Protocol):
    """The web process's way in: stores requests in one write, as cheaply as it can."""

    def append(self, platform: Platform, requests: Sequence[tuple[str, str]],
               at: datetime) -> None:
        """Store (author, payload) requests in one transaction, in the order given."""
        ...

    def close(self) -> None: ...


class RequestInbox(Protocol):
    """Claiming and finishing stored requests; one author's are answered in order."""

    def request_appender(self) -> RequestAppender:
        """A new appender, owned by the one thread that writes through it."""
        ...

    def claim_requests(self, platform: Platform, now: datetime, limit: int
                       ) -> list[StoredRequest]:
        """Up to `limit` requests, at most each author's oldest, claimed for this worker."""
        ...

    def finish_request(self, request_id: int) -> None:
        """Answered (or given up on): gone from the inbox."""
        ...

    def recover_requests(self, claimed_before: datetime) -> int:
        """Requests a dead worker claimed before then go back to waiting; how many."""
        ...
