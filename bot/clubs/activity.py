"""What a club's members did over a stretch of time, counted without private details.

Only interviews a member shares with the club (`share` progress or details) count; the
digest and the organiser's report both read these tallies and nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.clubs.model import Club, DoneStep, Membership, shares_at_least
from bot.messages import mention as mention_of
from bot.model import CheckpointKind, Identity, Interview, Outcome, Person, Platform, ShareLevel
from bot.ports.repository import Repository
from bot.text import short

#: Outcomes that end an interview without good news; the organiser's report counts them
#: as "moved on", and the digest never mentions them.
MOVED_ON = frozenset({Outcome.REJECTED, Outcome.NO_RESPONSE, Outcome.WITHDREW})
#: Platforms whose messages understand `<@user id>` as a mention.
MENTIONABLE = frozenset({Platform.SLACK, Platform.DISCORD})


@dataclass(frozen=True, slots=True)
class Member:
    """A member as the club may see them: their shared interviews and how to name them."""

    membership: Membership
    person: Person
    identity: Identity | None  # their account on the club's platform, if any
    interviews: tuple[Interview, ...]  # only those shared at progress or details


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts over one stretch of time; `follow_ups` is what the club is rewarded for."""

    notes: int = 0  # thank-you notes marked sent
    cards: int = 0  # handwritten cards marked done
    calls: int = 0  # follow-up calls made
    offers: int = 0
    next_rounds: int = 0
    moved_on: int = 0
    added: int = 0  # interviews added

    @property
    def follow_ups(self) -> int:
        return self.notes + self.cards + self.calls


def identity_for(identities: Iterable[Identity], club: Club) -> Identity | None:
    """The member's account where the club meets: same platform, same workspace if any.

    Discord identities all use the workspace "dm" while the club's is the guild, so
    the platform alone decides when no workspace matches.
    """
    same_platform = [i for i in identities if i.platform is club.where.platform]
    for identity in same_platform:
        if identity.workspace == club.where.workspace:
            return identity
    return same_platform[0] if same_platform else None


def load_members(repo: Repository, club: Club) -> list[Member]:
    """Every member with the interviews they share with the club."""
    members = []
    for membership in repo.club_members(club.id):
        person = repo.get_person(membership.person_id)
        if person is None:
            continue
        shared = tuple(i for i in repo.list_interviews(person.id)
                       if shares_at_least(i.share, ShareLevel.PROGRESS))
        members.append(Member(membership, person,
                              identity_for(repo.identities_of(person.id), club), shared))
    return members


def done_steps(repo: Repository, members: Sequence[Member], since: datetime,
               until: datetime) -> list[DoneStep]:
    ids = [i.id for m in members for i in m.interviews]
    return repo.steps_done(ids, since, until)


def tally(members: Sequence[Member], steps: Iterable[DoneStep], since: datetime,
          until: datetime) -> Tally:
    """Counts of what happened at `since` <= t < `until` on the members' shared interviews.

    `steps` may cover a longer stretch; only those inside the window count.
    """
    interviews = [i for m in members for i in m.interviews]
    shared = {i.id for i in interviews}

    def inside(moment: datetime | None) -> bool:
        return moment is not None and since <= moment < until

    done = [s for s in steps if s.interview_id in shared and inside(s.at)]
    outcomes = [i.outcome for i in interviews if inside(i.outcome_at)]
    return Tally(
        notes=sum(1 for s in done if s.kind is CheckpointKind.THANK_YOU),
        cards=sum(1 for s in done if s.kind is CheckpointKind.HANDWRITTEN),
        calls=sum(1 for i in interviews for call in i.calls if inside(call.at)),
        offers=outcomes.count(Outcome.OFFER),
        next_rounds=outcomes.count(Outcome.NEXT_ROUND),
        moved_on=sum(1 for o in outcomes if o in MOVED_ON),
        added=sum(1 for i in interviews if inside(i.created_at)),
    )


def name_of(person: Person, identity: Identity | None, *, mention: bool,
            platform: Platform) -> tuple[str, str | None]:
    """How a channel post names a member, and the user id to ping if it may.

    A ping only when the member opted in; otherwise their display name, which the
    adapter renders as plain text.
    """
    if mention and identity is not None and platform in MENTIONABLE:
        return mention_of(identity.user), identity.user
    if person.display_name:
        return short(person.display_name, 60), None
    return "one of you", None


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
