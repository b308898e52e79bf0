"""The storage interface the core needs; `storage/` implements it with SQLAlchemy.

Declared here so the core depends on nothing but this protocol. Every method is one
transaction, or part of the one `serialised` holds open; times going in and out are
timezone-aware.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime, time
from typing import Any, NamedTuple, Protocol

from bot.clubs.model import (
    Club,
    ClubPost,
    ClubRole,
    DoneStep,
    Membership,
    OpenStep,
    PostKind,
)
from bot.model import (
    CallRecord,
    CallResult,
    ChannelRef,
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
    Revert,
    ShareLevel,
    Tone,
)
from bot.ports.answers import AnswerLog
from bot.ports.mail_addresses import MailAddresses


class PlanChange(NamedTuple):
    """One change a replan writes to a stored checkpoint: its new state, due time and/or
    when it was done, made only while it is still in one of the states `expect`s."""

    checkpoint_id: int
    expect: tuple[CheckpointState, ...]
    state: CheckpointState | None = None
    due_at: datetime | None = None
    done_at: datetime | None = None


class RepositoryUnavailable(Exception):
    """The database could not be reached; the caller tells the user to try again."""


class ClubRepository(Protocol):
    """Job-search clubs: the clubs, their members, and the outbox of channel posts."""

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
        """Make the channel a club with `organiser_id` as its organiser and first member.

        None when the channel is a club already.
        """
        ...

    def club_at(self, where: ChannelRef) -> Club | None:
        """The club meeting in this channel, if any."""
        ...

    def get_club(self, club_id: int) -> Club | None: ...

    def update_club(
        self,
        club_id: int,
        *,
        name: str | None = None,
        tz: str | None = None,
        digest_weekday: int | None = None,
        digest_time: time | None = None,
    ) -> Club:
        """Change the given settings (None leaves one as it is); LookupError if unknown."""
        ...

    def delete_club(self, club_id: int) -> dict[str, int]:
        """End the club: its memberships, settings and posts go; members' own data stays.

        Returns counts by kind of record deleted.
        """
        ...

    def clubs_of(self, person_id: int) -> list[Club]:
        """Every club the person is a member of, oldest first."""
        ...

    # --- members -------------------------------------------------------------------
    def add_member(
        self, club_id: int, person_id: int, role: ClubRole, now: datetime
    ) -> Membership | None:
        """Join the person to the club; None if they are a member already."""
        ...

    def update_member(
        self,
        club_id: int,
        person_id: int,
        *,
        role: ClubRole | None = None,
        mentions: bool | None = None,
    ) -> Membership | None:
        """Change a membership; None if the person is not a member."""
        ...

    def remove_member(self, club_id: int, person_id: int) -> bool:
        """Take the person out of the club; False if they were not in it."""
        ...

    def get_member(self, club_id: int, person_id: int) -> Membership | None: ...

    def club_members(self, club_id: int) -> list[Membership]:
        """The club's members in the order they joined."""
        ...

    def steps_done(
        self, interview_ids: Sequence[int], since: datetime, until: datetime
    ) -> list[DoneStep]:
        """Checkpoints of these interviews marked done at `since` <= done_at < `until`."""
        ...

    def steps_open(
        self, interview_ids: Sequence[int], due_before: datetime
    ) -> list[OpenStep]:
        """Checkpoints of these interviews still waiting (pending, sending or sent, not
        done) that are due before `due_before`."""
        ...

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
        """Queue a post; None if one with this (club, kind, ref) exists already.

        A cancelled one (it never went out) is revived with the new body and due time.
        """
        ...

    def get_post(self, post_id: int) -> ClubPost | None: ...

    def posts_of(
        self, club_id: int, *, kind: PostKind | None = None
    ) -> list[ClubPost]:
        """The club's posts (of one kind), ordered by due time."""
        ...

    def cancel_posts(
        self, club_id: int, *, kind: PostKind | None = None, person_id: int | None = None
    ) -> int:
        """Cancel the club's pending posts (of one kind, about one person); return how many."""
        ...

    def cancel_post(self, post_id: int) -> None:
        """A claimed or pending post that should not go out after all: CANCELLED."""
        ...

    def claim_posts(
        self, now: datetime, limit: int, platforms: Sequence[Platform]
    ) -> list[ClubPost]:
        """Atomically move up to `limit` pending posts due by `now`, in clubs on one of
        `platforms`, to SENDING. Two workers calling this at once never get the same row."""
        ...

    def confirm_post(self, post_id: int, at: datetime) -> None:
        """SENDING -> SENT, recording when."""
        ...

    def release_post(self, post_id: int, retry_at: datetime) -> None:
        """SENDING -> PENDING at `retry_at`, counting one more attempt."""
        ...

    def renew_posts(self, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat: SENDING posts among `ids` are claimed as of `now`."""
        ...

    def recover_posts(self, claimed_before: datetime) -> int:
        """Put SENDING posts claimed before `claimed_before` back to PENDING; return how many."""
        ...

    def next_post_due(self, platforms: Sequence[Platform]) -> datetime | None:
        """The earliest due time among pending posts, for the scheduler's wake-up."""
        ...


class Repository(ClubRepository, AnswerLog, MailAddresses, Protocol):
    # --- units of work -------------------------------------------------------------
    def serialised(self, person_id: int, request: str | None = None
                   ) -> AbstractContextManager[None]:
        """Calls inside share one transaction excluding the person's other units: no step
        twice. `request`, the key of the request the unit applies: its earlier answer is
        read with the lock, so `answer_for(request)` inside costs no statement."""
        ...

    def serialised_as(self, identity: Identity, default_tz: str, quiet: QuietHours,
                      request: str | None = None) -> AbstractContextManager[Person]:
        """`serialised` for the person behind `identity` (created on first sight), who
        is found by the lock itself: no look-up before the unit. Yields the person as
        locked; inside, `find_person(identity)` costs no statement."""
        ...

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
        calendar_token_hash: str | None = None,
        clear_calendar_token: bool = False,
        calendar_feed_made_at: datetime | None = None,
    ) -> Person: ...

    def person_by_calendar_token_hash(self, token_hash: str) -> Person | None:
        """Whose private calendar feed has a token with this hash (the repository never
        sees a feed token itself); None for an unknown or revoked one."""
        ...

    def identities_of(self, person_id: int) -> list[Identity]: ...

    def remember_dm_channel(self, identity: Identity, channel_id: str) -> None:
        """Store the bot's DM channel with `identity`: the next DM skips opening it."""
        ...

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

    def interviews_with_checkpoints(self, person_id: int, number: int | None = None
                                    ) -> list[tuple[Interview, list[Checkpoint]]]:
        """The person's interviews by number (with `number`, only that one, if theirs),
        each with all its checkpoints ordered by due time, read together."""
        ...

    def set_promise(self, interview_id: int, promise: Promise | None) -> Interview: ...

    def set_outcome(
        self, interview_id: int, outcome: Outcome | None, at: datetime | None
    ) -> Interview: ...

    def set_share(self, interview_id: int, share: ShareLevel) -> Interview: ...

    def add_call(self, interview_id: int, call: CallRecord) -> Interview: ...

    def set_last_call_result(self, interview_id: int, result: CallResult) -> Interview: ...

    def set_interviewer_note(self, interviewer_id: int, note: str) -> None: ...

    # --- corrections (what the person entered wrongly) --------------------------------
    def update_interview(
        self,
        interview_id: int,
        *,
        company: str | None = None,
        role: str | None = None,
        starts_at: datetime | None = None,
    ) -> Interview:
        """Change the given fields (None leaves one as it is); LookupError if unknown."""
        ...

    def add_interviewer(self, interview_id: int, interviewer: Interviewer) -> Interview:
        """Add someone after the interview's last interviewer; LookupError if unknown."""
        ...

    def update_interviewer(
        self,
        interviewer_id: int,
        *,
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        salutation: str | None = None,
    ) -> Interview:
        """Change one interviewer's details; returns their interview. LookupError if unknown."""
        ...

    def remove_interviewer(self, interviewer_id: int) -> Interview:
        """Take someone off an interview, with their steps (thank-you notes to them, done
        or not); returns the interview. LookupError if unknown."""
        ...

    def set_aside_interview(self, interview_id: int, until: datetime
                            ) -> tuple[int, dict[str, int]] | None:
        """Delete an interview entered by mistake with its interviewers, calls and steps
        (and cancel any club post about it still waiting; other interviews keep their
        numbers; journal entries about it and a next round that followed it stay,
        unlinked), keeping a copy that `restore_interview` can put back until `until`.
        The copy's id with counts by kind, or None if the interview is unknown."""
        ...

    def restore_interview(self, held_id: int, person_id: int, now: datetime) -> int | None:
        """Put back a copy `set_aside_interview` kept, with its ids (under the next free
        number if its own was taken since); the interview's id, or None when the copy
        is gone, its time is up, or it is not `person_id`'s."""
        ...

    def keep_before(self, interview_id: int, until: datetime, note: str | None = None
                    ) -> int | None:
        """Copy an interview's rows before a change read from words, with the caller's
        `note`, for `revert_interview` until `until`; the copy's id, or None if the
        interview is unknown."""
        ...

    def seal_before(self, held_id: int) -> bool:
        """After the change: record what it left (True), or drop the copy when the
        change left the interview as it was (False)."""
        ...

    def revert_interview(self, held_id: int, person_id: int, now: datetime) -> Revert:
        """Put an interview back as `keep_before` copied it, unless anything but
        delivery changed it since the change (CHANGED) or a reminder of it is going out
        this moment (BUSY); a reminder delivered since stays delivered."""
        ...

    def forget_set_aside(self, now: datetime) -> int:
        """Delete the kept copies whose time is up; how many went."""
        ...

    # --- checkpoints -------------------------------------------------------------
    def checkpoints_for(self, interview_id: int) -> list[Checkpoint]:
        """All of the interview's checkpoints, ordered by due time."""
        ...

    def checkpoints_for_many(self, interview_ids: Sequence[int]) -> dict[int, list[Checkpoint]]:
        """Checkpoints of several interviews at once, each list ordered by due time."""
        ...

    def delivery_context(
        self, interview_ids: Sequence[int]
    ) -> dict[int, tuple[Interview, Person, list[Identity]]]:
        """Each interview with its person and their identities; missing ones are left out."""
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

    def add_checkpoints(
        self,
        interview_id: int,
        items: Sequence[tuple[CheckpointKind, int | None, datetime]],
        now: datetime,
    ) -> list[Checkpoint]:
        """Several new checkpoints (kind, interviewer id, due) in one transaction."""
        ...

    def change_plan(
        self,
        interview_id: int,
        new: Sequence[tuple[CheckpointKind, int | None, datetime]],
        changes: Sequence[PlanChange],
        now: datetime,
        *,
        outcome: Outcome | None = None,
    ) -> tuple[list[Checkpoint], list[Checkpoint | None]]:
        """`add_checkpoints(new)` and each change as `update_checkpoint` makes it, together
        (one statement where the database allows): the checkpoints added, and each
        change's checkpoint as it left it, None where it was no longer as expected.
        `outcome`: recorded for the interview at `now` in the same go (`set_outcome`)."""
        ...

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

        `done_at` records when the person marked it done (the club digest counts by it).
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

    def settle(self, sent: Sequence[tuple[int, datetime]], check: Sequence[int]) -> set[int]:
        """In one transaction: confirm each `(id, at)` in `sent` (SENDING -> SENT at that
        time; any other state is left alone), and return which of `check` are still
        SENDING (the user may have marked one done, or an outcome cancelled it, since
        it was claimed). Concurrent senders share one call (`bot.delivery.settling`)."""
        ...

    def confirm_sent(self, checkpoint_id: int, at: datetime) -> None:
        """SENDING -> SENT, recording when: `settle` for one."""
        ...

    def release(self, checkpoint_id: int, retry_at: datetime) -> None:
        """SENDING -> PENDING at `retry_at`, counting one more attempt."""
        ...

    def recover_in_flight(self, claimed_before: datetime) -> int:
        """Put SENDING rows claimed before `claimed_before` back to PENDING (a crashed
        worker's); return how many. Fresher claims may belong to a live process."""
        ...

    def renew_in_flight(self, ids: Sequence[int], now: datetime) -> int:
        """The heartbeat: SENDING rows among `ids` are claimed as of `now` (a new lease)."""
        ...

    def oldest_in_flight(self) -> datetime | None:
        """When the oldest claim on a checkpoint or club post was last renewed."""
        ...

    def next_due_at(self, platforms: Sequence[Platform]) -> datetime | None:
        """The earliest due time among pending checkpoints, for the scheduler's wake-up."""
        ...

    def next_wakeup(self, platforms: Sequence[Platform], post_platforms: Sequence[Platform]
                    ) -> tuple[datetime | None, datetime | None]:
        """In one round trip: the earliest due time among pending checkpoints on
        `platforms` and club posts on `post_platforms`, and `oldest_in_flight()`."""
        ...

    # --- conversation and journal ---------------------------------------------------
    def get_conversation(self, person_id: int) -> dict[str, Any] | None: ...

    def set_conversation(self, person_id: int, state: dict[str, Any] | None,
                         expires_at: datetime | None = None) -> None:
        """Store the open question (None forgets it); one with `expires_at` is deleted
        then by `forget_expired_conversations`, answered or not."""
        ...

    def forget_expired_conversations(self, now: datetime) -> int:
        """Delete the questions whose time is up; how many went."""
        ...

    def add_journal(self, person_id: int, entry: JournalEntry) -> None: ...

    def journal(self, person_id: int) -> list[JournalEntry]: ...

    # --- idempotency ---------------------------------------------------------------
    def first_time(self, key: str, now: datetime) -> bool:
        """True the first time `key` is seen; False on every later call (retries)."""
        ...

    def first_dms_closed_notice(self, person_id: int, now: datetime) -> bool:
        """True once per person: whether to tell them now that their DMs are closed.
        Kept with the person, not as a key that expires, so they are told once."""
        ...
