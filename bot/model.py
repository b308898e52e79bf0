"""The coach's domain records: people, interviews, checkpoints.

Frozen dataclasses shared by the rules, the conversation layer and the repository,
so that no layer passes dicts around as records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


class Platform(StrEnum):
    CONSOLE = "console"
    SLACK = "slack"
    DISCORD = "discord"


class CheckpointKind(StrEnum):
    PREPARE = "prepare"
    THANK_YOU = "thank_you"
    THANK_YOU_NUDGE = "thank_you_nudge"
    HANDWRITTEN = "handwritten"
    FIRST_CALL = "first_call"
    SECOND_CALL = "second_call"
    CALL_CHECK = "call_check"  # a call reminder went out and the user never said how it went
    MOVE_ON = "move_on"
    REFLECT = "reflect"


class CheckpointState(StrEnum):
    PENDING = "pending"  # waiting for its due time
    SENDING = "sending"  # claimed by a delivery worker, not yet confirmed
    SENT = "sent"  # the reminder went out; the user has not marked it done
    DONE = "done"  # the user did what it asked
    CANCELLED = "cancelled"  # the plan no longer needs it


#: States a delivery worker may claim.
CLAIMABLE = (CheckpointState.PENDING,)
#: States after which the checkpoint never goes out again on its own.
FINISHED = (CheckpointState.DONE, CheckpointState.CANCELLED)


class Outcome(StrEnum):
    OFFER = "offer"
    REJECTED = "rejected"
    NEXT_ROUND = "next_round"
    HEARD = "heard"  # heard back, something else
    WITHDREW = "withdrew"
    NO_RESPONSE = "no_response"  # closed by the move-on checkpoint
    CANCELLED = "cancelled"  # the user stopped coaching for it (added by mistake, say)


class PromiseKind(StrEnum):
    THEY_DECIDE_BY = "they_decide_by"  # "we'll decide by Friday": they contact you
    YOU_CALL_ON = "you_call_on"  # "call me in four days": you call them


class Culture(StrEnum):
    MODERN = "modern"
    TRADITIONAL = "traditional"


class Channel(StrEnum):
    EMAIL = "email"
    POST = "post"
    PHONE = "phone"


class CallResult(StrEnum):
    NO_ANSWER = "no_answer"
    ANSWERED = "answered"  # spoke to someone, no decision yet


class Tone(StrEnum):
    FORMAL = "formal"
    WARM = "warm"


class ShareLevel(StrEnum):
    NONE = "none"
    PROGRESS = "progress"
    DETAILS = "details"


@dataclass(frozen=True, slots=True)
class Identity:
    """Where a person is on one platform: workspace/guild plus the platform's user id.

    `dm_channel` is the platform's id of the bot's DM channel with them, once known (on
    Discord, posting to it saves opening the channel first); it is a cached detail, not
    part of who they are, so equality and hashing ignore it.
    """

    platform: Platform
    workspace: str
    user: str
    dm_channel: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class ChannelRef:
    """A shared channel on a platform: where a job-search club meets."""

    platform: Platform
    workspace: str
    channel: str


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: time = time(21, 0)
    end: time = time(8, 0)

    def contains(self, moment: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    tz: str
    quiet: QuietHours = field(default_factory=QuietHours)
    tz_confirmed: bool = False  # set explicitly by the user or read from the platform
    phone: str | None = None
    display_name: str | None = None
    tone: Tone = Tone.FORMAL  # how thank-you drafts address people
    # SHA-256 of the private calendar feed's token, if a feed is on; the token itself is
    # shown once and never stored (bot.content.calendar_file.feed_token_hash).
    calendar_token_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Promise:
    kind: PromiseKind
    on: date
    text: str = ""


#: Who a note goes to when the person didn't catch the interviewer's name.
UNNAMED_INTERVIEWER = "the hiring team"


@dataclass(frozen=True, slots=True)
class Interviewer:
    name: str
    email: str | None = None
    title: str | None = None
    note: str | None = None
    id: int | None = None
    phone: str | None = None  # to call them directly; set with `fix <n> phone <name> <number>`
    salutation: str | None = None  # how notes address them, when the user said ("Maria")


@dataclass(frozen=True, slots=True)
class CallRecord:
    at: datetime
    result: CallResult


@dataclass(frozen=True, slots=True)
class NewInterview:
    """What the conversation layer hands the repository to store a new interview."""

    company: str
    role: str
    starts_at: datetime  # aware
    interviewers: tuple[Interviewer, ...]
    promise: Promise | None = None
    culture: Culture | None = None
    channel: Channel | None = None
    stage: str | None = None
    parent_id: int | None = None
    employer_tz: str | None = None


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    person_id: int
    number: int  # per person, what the user types: "plan 1"
    company: str
    role: str
    starts_at: datetime  # aware, UTC from storage
    interviewers: tuple[Interviewer, ...]
    created_at: datetime
    promise: Promise | None = None
    culture: Culture | None = None
    channel: Channel | None = None
    stage: str | None = None
    parent_id: int | None = None
    outcome: Outcome | None = None
    outcome_at: datetime | None = None
    calls: tuple[CallRecord, ...] = ()
    share: ShareLevel = ShareLevel.PROGRESS
    employer_tz: str | None = None  # calls land in the employer's business hours

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def title(self) -> str:
        return f"{self.role} at {self.company}"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    id: int
    interview_id: int
    kind: CheckpointKind
    due_at: datetime  # aware
    state: CheckpointState
    created_at: datetime
    interviewer_id: int | None = None
    sent_at: datetime | None = None
    attempts: int = 0
    snoozed: bool = False

    @property
    def key(self) -> tuple[CheckpointKind, int | None]:
        return (self.kind, self.interviewer_id)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    interview_id: int | None
    at: datetime
    question: str
    answer: str


class Reverted(StrEnum):
    """How putting an interview back as it was before a change went."""

    DONE = "done"
    GONE = "gone"  # no such copy: used, its time is up, or not this person's
    CHANGED = "changed"  # changed again since: undoing would undo that too
    BUSY = "busy"  # one of its reminders is going out this moment


@dataclass(frozen=True, slots=True)
class Revert:
    status: Reverted
    interview_id: int | None = None
    note: str | None = None  # what the caller kept with the copy (the question waiting)
