"""The storage interface the core needs; `storage/` implements it with SQLAlchemy.

Declared here so the core depends on nothing but this protocol. Every method is one
transaction; times going in and out are timezone-aware.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.model import (
    CallRecord,
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Identity,
    Interview,
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


class RepositoryUnavailable(Exception):
    """The database could not be reached; the caller tells the user to try again."""


class Repository(Protocol):
    # --- people -----------------------------------------------------------------
    def person_for(self, identity: Identity, default_tz: str, quiet: QuietHours) -> Person:
        """The person behind `identity`, created with these defaults on first sight."""
        ...

    def find_person(self, identity: Identity) -> Person | None:
        """The person behind `identity` if we know them; never creates one."""
        ...

    def get_person(self, person_id: int) -> Person | None: ...

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
        calendar_token: str | None = None,
        clear_calendar_token: bool = False,
    ) -> Person: ...

    def person_by_calendar_token(self, token: str) -> Person | None:
        """Whose private calendar feed this is; None for an unknown or revoked token."""
        ...

    def identities_of(self, person_id: int) -> list[Identity]: ...

    def forget_person(self, person_id: int) -> dict[str, int]:
        """Delete the person and everything theirs; return counts by kind of record."""
        ...

    def export_person(self, person_id: int) -> dict[str, Any]:
        """Everything stored about the person, as JSON-ready data."""
        ...

    # --- interviews --------------------------------------------------------------
    def add_interview(self, person_id: int, new: NewInterview, now: datetime) -> Interview:
        """Store it with the next per-person number and its interviewers (ids filled)."""
        ...

    def get_interview(self, interview_id: int) -> Interview | None: ...

    def find_interview(self, person_id: int, number: int) -> Interview | None:
        """The person's interview with that number; None if it is not theirs."""
        ...

    def list_interviews(self, person_id: int, *, open_only: bool = False) -> list[Interview]: ...

    def set_promise(self, interview_id: int, promise: Promise | None) -> Interview: ...

    def set_outcome(
        self, interview_id: int, outcome: Outcome | None, at: datetime | None
    ) -> Interview: ...

    def set_share(self, interview_id: int, share: ShareLevel) -> Interview: ...

    def add_call(self, interview_id: int, call: CallRecord) -> Interview: ...

    def set_interviewer_note(self, interviewer_id: int, note: str) -> None: ...

    # --- checkpoints -------------------------------------------------------------
    def checkpoints_for(self, interview_id: int) -> list[Checkpoint]:
        """All of the interview's checkpoints, ordered by due time."""
        ...

    def get_checkpoint(self, checkpoint_id: int) -> Checkpoint | None: ...

    def add_checkpoint(
        self,
        interview_id: int,
        kind: CheckpointKind,
        interviewer_id: int | None,
        due_at: datetime,
        now: datetime,
    ) -> Checkpoint: ...

    def update_checkpoint(
        self,
        checkpoint_id: int,
        *,
        state: CheckpointState | None = None,
        due_at: datetime | None = None,
        snoozed: bool | None = None,
        expect: Sequence[CheckpointState] | None = None,
    ) -> Checkpoint | None:
        """Change a checkpoint; with `expect`, only if its state is one of those.

        Returns the updated checkpoint, or None when `expect` did not match.
        """
        ...

    # --- delivery ----------------------------------------------------------------
    def claim_due(
        self, now: datetime, limit: int, platforms: Sequence[Platform]
    ) -> list[Checkpoint]:
        """Atomically move up to `limit` pending checkpoints due by `now` to SENDING.

        Only checkpoints of people on one of `platforms` (the ones this process can
        deliver to). Two workers calling this at once never get the same row.
        """
        ...

    def confirm_sent(self, checkpoint_id: int, at: datetime) -> None:
        """SENDING -> SENT, recording when."""
        ...

    def release(self, checkpoint_id: int, retry_at: datetime) -> None:
        """SENDING -> PENDING at `retry_at`, counting one more attempt."""
        ...

    def recover_in_flight(self, claimed_before: datetime) -> int:
        """Put SENDING rows claimed before `claimed_before` back to PENDING (a crashed
        worker's); return how many. Fresher claims may belong to a live process."""
        ...

    def next_due_at(self, platforms: Sequence[Platform]) -> datetime | None:
        """The earliest due time among pending checkpoints, for the scheduler's wake-up."""
        ...

    # --- conversation and journal ---------------------------------------------------
    def get_conversation(self, person_id: int) -> dict[str, Any] | None: ...

    def set_conversation(self, person_id: int, state: dict[str, Any] | None) -> None: ...

    def add_journal(self, person_id: int, entry: JournalEntry) -> None: ...

    def journal(self, person_id: int) -> list[JournalEntry]: ...

    # --- idempotency ---------------------------------------------------------------
    def first_time(self, key: str, now: datetime) -> bool:
        """True the first time `key` is seen; False on every later call (retries)."""
        ...
