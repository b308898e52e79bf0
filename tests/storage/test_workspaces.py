"""Workspaces the bot left, on SQLite and PostgreSQL: leaving cancels what was queued for
the people and channels there at once; the purge after the grace period deletes the
people reached only there and the clubs there, and nothing of anyone else."""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import text

from adapters.runtime import Runtime
from bot.clubs.model import PostKind, PostState
from bot.messages import Inbound
from bot.model import ChannelRef, CheckpointState, Identity, Platform

GONE, STAYS = "T0GONE", "T0STAYS"


def add(runtime: Runtime, who: Identity) -> None:
    runtime.coach.handle(Inbound(who, text="tz America/New_York"))
    runtime.coach.handle(Inbound(who, text="add Acme, analyst, tomorrow 2pm with Jane Smith"))


def states(runtime: Runtime, who: Identity) -> set[CheckpointState]:
    person = runtime.repo.find_person(who)
    assert person is not None
    return {cp.state for i in runtime.repo.list_interviews(person.id)
            for cp in runtime.repo.checkpoints_for(i.id)}


def test_leaving_cancels_there_and_the_purge_after_grace_deletes_only_what_was_there(
        db_runtime: Runtime) -> None:
    repo, now = db_runtime.repo, db_runtime.clock.now()
    only_there = Identity(Platform.SLACK, GONE, "U1")
    elsewhere = Identity(Platform.SLACK, STAYS, "U2")
    for who in (only_there, elsewhere):
        add(db_runtime, who)
    here = ChannelRef(Platform.SLACK, GONE, "C1")
    organiser = repo.person_for(only_there, "UTC", db_runtime.coach.defaults.quiet)
    club = repo.create_club(here, "Cohort", "UTC", 0, time(9), organiser.id, now)
    assert club is not None
    repo.add_post(club.id, PostKind.NOTICE, "hello", "A notice", now + timedelta(hours=1),
                  now)

    cancelled = repo.workspace_left(Platform.SLACK, GONE, now, now + timedelta(days=30))

    assert cancelled["reminders"] >= 1 and cancelled["club posts"] == 1
    assert CheckpointState.PENDING not in states(db_runtime, only_there)
    assert CheckpointState.PENDING in states(db_runtime, elsewhere)
    assert {p.state for p in repo.posts_of(club.id)} == {PostState.CANCELLED}
    # Leaving twice keeps the first date the data goes.
    repo.workspace_left(Platform.SLACK, GONE, now + timedelta(days=5),
                        now + timedelta(days=35))
    assert repo.purge_departed(now + timedelta(days=30)) == \
        {"workspaces": 1, "people": 1, "clubs": 1}
    assert repo.find_person(only_there) is None and repo.club_at(here) is None
    assert repo.find_person(elsewhere) is not None
    assert not repo.has_left(Platform.SLACK, GONE)


def test_a_person_reached_from_another_workspace_too_keeps_their_data(
        db_runtime: Runtime) -> None:
    repo, now = db_runtime.repo, db_runtime.clock.now()
    who = Identity(Platform.SLACK, GONE, "U1")
    add(db_runtime, who)
    person = repo.person_for(who, "UTC", db_runtime.coach.defaults.quiet)
    with repo.engine.begin() as connection:  # a second identity of the same person
        connection.execute(text("INSERT INTO identities (person_id, platform, workspace, "
                                "user_id) VALUES (:p, 'slack', :w, 'U9')"),
                           {"p": person.id, "w": STAYS})
    repo.workspace_left(Platform.SLACK, GONE, now, now)
    assert repo.purge_departed(now)["people"] == 0
    assert repo.get_person(person.id) is not None
