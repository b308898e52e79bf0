"""The club half of SqlRepository against real databases: clubs, members and the post outbox."""

from __future__ import annotations

import inspect
from datetime import time
from functools import partial

import pytest

from bot.clubs.model import ClubRole, PostKind, PostState
from bot.model import ChannelRef, CheckpointKind, CheckpointState, Platform
from bot.ports.repository import ClubRepository
from storage.database import make_engine
from storage.repository import SqlRepository, open_repository
from tests.storage.conftest import NOW, later, new_interview, someone
from tests.threads import all_at_once

HERE = ChannelRef(Platform.SLACK, "T1", "C1")


def club_in(repo: SqlRepository, where: ChannelRef = HERE, user: str = "U1"):
    organiser = someone(repo, user)
    club = repo.create_club(where, "Cohort", "Europe/Paris", 0, time(9), organiser.id, NOW)
    assert club is not None
    return club, organiser


def test_every_club_method_is_implemented_with_its_signature() -> None:
    declared = {
        name: inspect.signature(member)
        for name, member in vars(ClubRepository).items()
        if inspect.isfunction(member) and not name.startswith("_")
    }
    implemented = {name: inspect.signature(getattr(SqlRepository, name)) for name in declared}
    assert implemented == declared


def test_a_channel_is_one_club_whose_starter_organises_it(repo: SqlRepository) -> None:
    club, organiser = club_in(repo)

    assert repo.create_club(HERE, "Again", "UTC", 1, time(10), organiser.id, NOW) is None
    assert repo.club_at(HERE) == club == repo.get_club(club.id)
    assert repo.club_at(ChannelRef(Platform.SLACK, "T2", "C1")) is None
    assert repo.club_at(ChannelRef(Platform.DISCORD, "T1", "C1")) is None
    (member,) = repo.club_members(club.id)
    assert (member.person_id, member.role, member.mentions) == (organiser.id, ClubRole.ORGANISER,
                                                                 False)
    moved = repo.update_club(club.id, name="Cohort 5", digest_weekday=4, digest_time=time(16))
    assert (moved.name, moved.tz, moved.digest_weekday, moved.digest_time) == (
        "Cohort 5", "Europe/Paris", 4, time(16))


def test_members_join_once_change_their_mentions_and_leave(repo: SqlRepository) -> None:
    club, _ = club_in(repo)
    other, _ = club_in(repo, ChannelRef(Platform.SLACK, "T1", "C2"), "U9")
    alex = someone(repo, "U2")

    assert repo.add_member(club.id, alex.id, ClubRole.MEMBER, later(hours=1)) is not None
    assert repo.add_member(club.id, alex.id, ClubRole.ORGANISER, later(hours=2)) is None
    repo.add_member(other.id, alex.id, ClubRole.MEMBER, later(hours=3))
    updated = repo.update_member(club.id, alex.id, mentions=True)

    assert updated is not None and updated.mentions and updated.role is ClubRole.MEMBER
    assert [c.id for c in repo.clubs_of(alex.id)] == [club.id, other.id]
    assert [m.person_id for m in repo.club_members(club.id)][-1] == alex.id
    assert repo.remove_member(club.id, alex.id) is True
    assert repo.remove_member(club.id, alex.id) is False
    assert repo.get_member(club.id, alex.id) is None
    assert repo.update_member(club.id, alex.id, mentions=False) is None


def test_a_post_exists_once_per_club_kind_and_ref_and_a_cancelled_one_comes_back(
    repo: SqlRepository,
) -> None:
    club, organiser = club_in(repo)
    other, _ = club_in(repo, ChannelRef(Platform.SLACK, "T1", "C2"), "U9")

    first = repo.add_post(club.id, PostKind.MOMENT, "7:offer", "{}", NOW, NOW, organiser.id)
    assert first is not None and first.state is PostState.PENDING
    assert repo.add_post(club.id, PostKind.MOMENT, "7:offer", "{}", NOW, NOW) is None
    assert repo.add_post(club.id, PostKind.DRAFT, "7:offer", "{}", NOW, NOW) is not None
    assert repo.add_post(other.id, PostKind.MOMENT, "7:offer", "{}", NOW, NOW) is not None

    assert repo.cancel_posts(club.id, kind=PostKind.MOMENT) == 1
    revived = repo.add_post(club.id, PostKind.MOMENT, "7:offer", '{"v": 2}', later(hours=1), NOW)
    assert revived is not None and revived.id == first.id
    assert (revived.state, revived.body, revived.due_at) == (PostState.PENDING, '{"v": 2}',
                                                             later(hours=1))
    with pytest.raises(LookupError):
        repo.add_post(10_000, PostKind.DIGEST, "w", "{}", NOW, NOW)


def test_posts_are_claimed_when_due_on_the_given_platforms_and_confirmed_once(
    repo: SqlRepository,
) -> None:
    club, _ = club_in(repo)
    on_discord, _ = club_in(repo, ChannelRef(Platform.DISCORD, "G1", "C1"), "U9")
    due = repo.add_post(club.id, PostKind.NOTICE, "a", "{}", later(minutes=-1), NOW)
    repo.add_post(club.id, PostKind.NOTICE, "b", "{}", later(hours=1), NOW)
    repo.add_post(on_discord.id, PostKind.NOTICE, "c", "{}", later(minutes=-2), NOW)

    assert repo.next_post_due([Platform.SLACK]) == later(minutes=-1)
    assert repo.next_post_due([]) is None
    assert repo.claim_posts(NOW, 10, []) == []
    (claimed,) = repo.claim_posts(NOW, 10, [Platform.SLACK])
    assert claimed.id == due.id and claimed.state is PostState.SENDING
    assert repo.claim_posts(NOW, 10, [Platform.SLACK]) == []

    repo.release_post(claimed.id, later(minutes=5))
    again = repo.get_post(claimed.id)
    assert (again.state, again.due_at, again.attempts) == (PostState.PENDING, later(minutes=5), 1)
    assert repo.claim_posts(later(minutes=5), 1, [Platform.SLACK])[0].id == claimed.id
    repo.confirm_post(claimed.id, later(minutes=5))
    sent = repo.get_post(claimed.id)
    assert (sent.state, sent.sent_at) == (PostState.SENT, later(minutes=5))
    repo.release_post(claimed.id, later(hours=9))  # only a claimed post goes back
    assert repo.get_post(claimed.id).state is PostState.SENT


def test_only_stale_claims_are_recovered(repo: SqlRepository) -> None:
    club, _ = club_in(repo)
    old = repo.add_post(club.id, PostKind.NOTICE, "old", "{}", later(minutes=-20), NOW)
    repo.claim_posts(later(minutes=-10), 10, [Platform.SLACK])
    fresh = repo.add_post(club.id, PostKind.NOTICE, "fresh", "{}", NOW, NOW)
    repo.claim_posts(NOW, 10, [Platform.SLACK])

    assert repo.recover_posts(later(minutes=-5)) == 1
    assert repo.get_post(old.id).state is PostState.PENDING
    assert repo.get_post(fresh.id).state is PostState.SENDING
    repo.cancel_post(fresh.id)
    assert repo.get_post(fresh.id).state is PostState.CANCELLED


def test_concurrent_claimers_never_get_the_same_post(database_url: str) -> None:
    setup = open_repository(database_url)
    club, _ = club_in(setup)
    created = {setup.add_post(club.id, PostKind.MOMENT, str(n), "{}", later(minutes=-n), NOW).id
               for n in range(40)}
    workers = [SqlRepository(make_engine(database_url)) for _ in range(3)]
    claims: list[list[int]] = [[] for _ in workers]

    def drain(worker: SqlRepository, into: list[int]) -> None:
        while batch := worker.claim_posts(NOW, 3, [Platform.SLACK]):
            into.extend(p.id for p in batch)

    errors = all_at_once([partial(drain, w, into)
                          for w, into in zip(workers, claims, strict=True)])
    for worker in [*workers, setup]:
        worker.close()

    assert errors == []
    every = [id_ for claim in claims for id_ in claim]
    assert len(every) == len(set(every)) and set(every) == created


def test_steps_done_are_counted_by_when_they_were_marked_done(repo: SqlRepository) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview("Acme", "Ann", "Bo"), NOW)
    ann, bo = (p.id for p in interview.interviewers)
    note = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, ann, NOW, NOW)
    late = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, bo, NOW, NOW)
    repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    repo.update_checkpoint(note.id, state=CheckpointState.DONE, done_at=later(hours=2))
    repo.update_checkpoint(late.id, state=CheckpointState.DONE, done_at=later(days=8))

    done = repo.steps_done([interview.id], NOW, later(days=7))
    assert [(s.kind, s.at) for s in done] == [(CheckpointKind.THANK_YOU, later(hours=2))]
    assert repo.steps_done([], NOW, later(days=9)) == []
    waiting = repo.steps_open([interview.id], later(days=6))
    assert [(s.kind, s.due_at) for s in waiting] == [(CheckpointKind.FIRST_CALL, later(days=5))]
    assert repo.steps_open([interview.id], later(days=4)) == []
    assert repo.export_person(interview.person_id)["interviews"][0]["checkpoints"][0][
        "done_at"] == later(hours=2).isoformat()


def test_ending_a_club_deletes_its_members_and_posts_but_not_their_interviews(
    repo: SqlRepository,
) -> None:
    club, _ = club_in(repo)
    alex = someone(repo, "U2")
    repo.add_member(club.id, alex.id, ClubRole.MEMBER, NOW)
    repo.add_interview(alex.id, new_interview(), NOW)
    repo.add_post(club.id, PostKind.DIGEST, "2026-W10", "{}", later(days=7), NOW)
    sent = repo.add_post(club.id, PostKind.NOTICE, "started", "{}", NOW, NOW)
    repo.claim_posts(NOW, 10, [Platform.SLACK])
    repo.confirm_post(sent.id, NOW)

    counts = repo.delete_club(club.id)

    assert counts == {"memberships": 2, "pending posts": 1, "clubs": 1}
    assert repo.get_club(club.id) is None and repo.club_members(club.id) == []
    assert repo.get_post(sent.id) is None and repo.next_post_due([Platform.SLACK]) is None
    assert len(repo.list_interviews(alex.id)) == 1 and repo.clubs_of(alex.id) == []


def test_forgetting_a_person_removes_their_memberships_and_posts(repo: SqlRepository) -> None:
    club, organiser = club_in(repo)
    other, _ = club_in(repo, ChannelRef(Platform.DISCORD, "G1", "C1"), "U9")
    alex = someone(repo, "U2")
    for each in (club, other):
        repo.add_member(each.id, alex.id, ClubRole.MEMBER, NOW)
        repo.add_post(each.id, PostKind.MOMENT, "1:offer", "{}", NOW, NOW, alex.id)
    repo.add_post(club.id, PostKind.DIGEST, "2026-W10", "{}", later(days=7), NOW)
    exported = repo.export_person(alex.id)["clubs"]

    counts = repo.forget_person(alex.id)

    assert [c["channel"] for c in exported] == ["C1", "C1"]
    assert {c["platform"] for c in exported} == {"slack", "discord"}
    assert (counts["club memberships"], counts["club posts"]) == (2, 2)
    assert [m.person_id for m in repo.club_members(club.id)] == [organiser.id]
    assert [p.kind for p in repo.posts_of(club.id)] == [PostKind.DIGEST]
    assert repo.posts_of(other.id) == []
