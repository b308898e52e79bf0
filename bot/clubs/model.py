"""Records of job-search clubs: the club, its members, and the posts waiting for its channel.

Frozen dataclasses like those in `bot.model`, kept apart so the club feature reads as one
unit; the repository hands these back and the core never sees a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum

from bot.model import ChannelRef, CheckpointKind, ShareLevel


class ClubRole(StrEnum):
    ORGANISER = "organiser"  # may change settings, read the report, stop the club
    MEMBER = "member"


class PostKind(StrEnum):
    DIGEST = "digest"  # the weekly round-up; its ref is the ISO week
    MOMENT = "moment"  # an offer or a next round; its ref is "<interview id>:<outcome>"
    DRAFT = "draft"  # a thank-you draft a member asked the club to review
    NOTICE = "notice"  # the club's own announcements (it has started)


class PostState(StrEnum):
    PENDING = "pending"  # waiting for its due time
    SENDING = "sending"  # claimed by a delivery worker, not yet confirmed
    SENT = "sent"
    CANCELLED = "cancelled"  # never went out; adding the same (kind, ref) again revives it


#: How much of an interview each level lets the club see, in order.
SHARE_ORDER = (ShareLevel.NONE, ShareLevel.PROGRESS, ShareLevel.DETAILS)


def shares_at_least(level: ShareLevel, floor: ShareLevel) -> bool:
    """True when `level` lets the club see at least what `floor` does."""
    return SHARE_ORDER.index(level) >= SHARE_ORDER.index(floor)


@dataclass(frozen=True, slots=True)
class Club:
    """A channel the bot keeps on track; digests go out on `digest_weekday` (0 = Monday)
    at `digest_time` in `tz`, the club's own zone."""

    id: int
    where: ChannelRef
    name: str
    tz: str
    digest_weekday: int
    digest_time: time
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Membership:
    """One person in one club. `mentions` means the digest may tag them by name."""

    club_id: int
    person_id: int
    role: ClubRole
    mentions: bool
    joined_at: datetime

    @property
    def is_organiser(self) -> bool:
        return self.role is ClubRole.ORGANISER


@dataclass(frozen=True, slots=True)
class ClubPost:
    """One message for a club's channel, delivered like a checkpoint: claimed, sent, confirmed.

    `body` is what `bot.clubs.posts` stored for it (JSON); `person_id` is the member it is
    about, so their posts go when they leave or are forgotten.
    """

    id: int
    club_id: int
    kind: PostKind
    ref: str
    body: str
    due_at: datetime
    state: PostState
    created_at: datetime
    person_id: int | None = None
    attempts: int = 0
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DoneStep:
    """A checkpoint a person marked done, and when: what the digest counts as a note sent."""

    interview_id: int
    kind: CheckpointKind
    at: datetime


@dataclass(frozen=True, slots=True)
class OpenStep:
    """A follow-up still waiting for the person: what "due this week" in the digest counts."""

    interview_id: int
    kind: CheckpointKind
    due_at: datetime
