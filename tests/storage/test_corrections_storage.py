"""The repository's corrections: an interview's details, its interviewers, and deleting
one entered by mistake with everything only it owns."""

from __future__ import annotations

from datetime import time

import pytest
from alembic import command
from sqlalchemy import insert, select

from bot.clubs.model import PostKind, PostState
from bot.model import (
    CallRecord,
    CallResult,
    ChannelRef,
    CheckpointKind,
    Interviewer,
    JournalEntry,
    Platform,
)
from storage.database import alembic_config, make_engine, migrate
from storage.models import Base
from storage.repository import SqlRepository
from tests.storage.conftest import NOW, later, new_interview, someone


def test_an_interviews_details_change_only_where_given(repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview("Acme", "Ann"), NOW)

    changed = repo.update_interview(interview.id, company="Initech")
    assert (changed.company, changed.role, changed.starts_at) == (
        "Initech", interview.role, interview.starts_at)
    moved = repo.update_interview(interview.id, role="QA lead", starts_at=later(days=1))
    assert (moved.company, moved.role, moved.starts_at) == ("Initech", "QA lead",
                                                             later(days=1))
    assert repo.get_interview(interview.id) == moved
    with pytest.raises(LookupError):
        repo.update_interview(interview.id + 99, company="Nobody")


def test_interviewers_are_added_last_changed_in_place_and_removed_with_their_steps(
        repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    ann, bo = interview.interviewers

    added = repo.add_interviewer(interview.id, Interviewer("Cy Lee", email="cy@acme.test",
                                                           phone="555 0100"))
    assert [p.name for p in added.interviewers] == ["Ann", "Bo", "Cy Lee"]
    cy = added.interviewers[-1]
    assert (cy.email, cy.phone) == ("cy@acme.test", "555 0100") and cy.id is not None

    assert bo.id is not None and ann.id is not None
    renamed = repo.update_interviewer(bo.id, name="Beau", phone="555 0199")
    assert [(p.name, p.email, p.phone) for p in renamed.interviewers] == [
        ("Ann", None, None), ("Beau", None, "555 0199"), ("Cy Lee", "cy@acme.test", "555 0100")]
    assert repo.update_interviewer(ann.id, email="ann@acme.test").interviewers[0].email == \
        "ann@acme.test"

    note = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, bo.id, later(hours=1), NOW)
    call = repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    left = repo.remove_interviewer(bo.id)
    assert [p.name for p in left.interviewers] == ["Ann", "Cy Lee"]
    assert repo.get_checkpoint(note.id) is None  # the step was Beau's
    assert repo.get_checkpoint(call.id) is not None
    # Numbering of positions goes on after the last one, even with a gap.
    assert [p.name for p in repo.add_interviewer(interview.id, Interviewer("Di")).interviewers
            ] == ["Ann", "Cy Lee", "Di"]
    with pytest.raises(LookupError):
        repo.remove_interviewer(bo.id)
    with pytest.raises(LookupError):
        repo.update_interviewer(bo.id, name="Nobody")


def test_deleting_an_interview_takes_what_only_it_owns_and_keeps_the_others_numbers(
        repo: SqlRepository) -> None:
    person = someone(repo)
    first = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    second = repo.add_interview(person.id, new_interview("Initech"), NOW)
    after = repo.add_interview(person.id, new_interview("Acme", parent_id=second.id), NOW)
    repo.add_call(second.id, CallRecord(later(days=5), CallResult.NO_ANSWER))
    ann = second.interviewers[0]
    repo.add_checkpoint(second.id, CheckpointKind.THANK_YOU, ann.id, later(hours=1), NOW)
    repo.add_checkpoint(second.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    kept = repo.add_checkpoint(first.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    repo.add_journal(person.id, JournalEntry(second.id, NOW, "What went well?", "The demo."))
    club = repo.create_club(ChannelRef(Platform.SLACK, "T1", "C1"), "Cohort", "Europe/Paris",
                            0, time(9), person.id, NOW)
    assert club is not None
    about = repo.add_post(club.id, PostKind.MOMENT, f"{second.id}:offer", "{}", NOW, NOW,
                          person.id)
    other = repo.add_post(club.id, PostKind.MOMENT, f"{first.id}:offer", "{}", NOW, NOW,
                          person.id)
    assert about is not None and other is not None

    with repo.serialised(person.id):  # as the Coach calls it, inside the person's unit
        set_aside = repo.set_aside_interview(second.id, later(days=1))
    assert set_aside is not None
    _, counts = set_aside

    assert counts == {"interviews": 1, "checkpoints": 2, "calls": 1, "interviewers": 1}
    assert repo.get_interview(second.id) is None
    assert repo.checkpoints_for(second.id) == []
    assert [i.number for i in repo.list_interviews(person.id)] == [1, 3]
    assert repo.get_checkpoint(kept.id) is not None
    next_round = repo.get_interview(after.id)
    assert next_round is not None and next_round.parent_id is None
    assert [e.interview_id for e in repo.journal(person.id)] == [None]  # a general note now
    assert {p.id: p.state for p in repo.posts_of(club.id)} == {
        about.id: PostState.CANCELLED, other.id: PostState.PENDING}
    assert repo.set_aside_interview(second.id, later(days=1)) is None
    # The next interview takes the number after the highest one left.
    assert repo.add_interview(person.id, new_interview("Globex"), NOW).number == 4


def test_a_set_aside_interview_comes_back_whole_with_its_links_once_and_in_time(
        repo: SqlRepository) -> None:
    person, stranger = someone(repo, "U1"), someone(repo, "U2")
    kept = repo.add_interview(person.id, new_interview("Acme", "Ann"), NOW)
    second = repo.add_interview(person.id, new_interview("Initech", "Ann", "Bo"), NOW)
    after = repo.add_interview(person.id, new_interview("Initech", parent_id=second.id), NOW)
    repo.add_call(second.id, CallRecord(later(days=5), CallResult.NO_ANSWER))
    bo = second.interviewers[1]
    note = repo.add_checkpoint(second.id, CheckpointKind.THANK_YOU, bo.id, later(hours=1), NOW)
    repo.add_checkpoint(second.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    repo.add_journal(person.id, JournalEntry(second.id, NOW, "What went well?", "The demo."))
    before = repo.get_interview(second.id)
    steps = repo.checkpoints_for(second.id)

    with repo.serialised(person.id):
        set_aside = repo.set_aside_interview(second.id, later(days=1))
    assert set_aside is not None
    held, counts = set_aside
    assert counts == {"interviews": 1, "checkpoints": 2, "calls": 1, "interviewers": 2}
    assert repo.get_interview(second.id) is None and repo.checkpoints_for(second.id) == []
    assert repo.set_aside_interview(second.id, later(days=1)) is None

    assert repo.restore_interview(held, stranger.id, NOW) is None  # not theirs
    assert repo.restore_interview(held, person.id, later(days=1)) is None  # too late
    with repo.serialised(person.id):
        assert repo.restore_interview(held, person.id, later(hours=23)) == second.id
    assert repo.get_interview(second.id) == before
    assert repo.checkpoints_for(second.id) == steps
    assert repo.get_checkpoint(note.id) == steps[0]  # its interviewer's step, same id
    next_round = repo.get_interview(after.id)
    assert next_round is not None and next_round.parent_id == second.id
    assert [e.interview_id for e in repo.journal(person.id)] == [second.id]
    assert repo.restore_interview(held, person.id, NOW) is None  # back already
    assert [i.number for i in repo.list_interviews(person.id)] == [1, 2, 3]
    assert repo.get_interview(kept.id) is not None


def test_set_aside_copies_expire_and_go_with_their_person(repo: SqlRepository) -> None:
    person, other = someone(repo, "U1"), someone(repo, "U2")
    mine = repo.add_interview(person.id, new_interview("Acme"), NOW)
    theirs = repo.add_interview(other.id, new_interview("Initech"), NOW)
    assert repo.set_aside_interview(mine.id, later(days=1)) is not None
    held = repo.set_aside_interview(theirs.id, later(days=2))
    assert held is not None
    assert repo.forget_set_aside(later(days=1, seconds=-1)) == 0
    assert repo.forget_set_aside(later(days=1)) == 1
    repo.forget_person(other.id)
    assert repo.forget_set_aside(later(days=30)) == 0  # theirs went with them
    assert repo.restore_interview(held[0], other.id, NOW) is None


def test_migrating_from_0008_gives_every_interviewer_an_empty_phone(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0008")
        tables = Base.metadata.tables
        with engine.begin() as connection:
            connection.execute(insert(tables["people"]).values(
                id=1, tz="UTC", quiet_start=time(21), quiet_end=time(8), tz_confirmed=True))
            connection.execute(insert(tables["interviews"]).values(
                id=1, person_id=1, number=1, company="Acme", role="Analyst", starts_at=NOW,
                created_at=NOW))
            connection.execute(insert(tables["interviewers"]).values(
                id=1, interview_id=1, position=0, name="Ann", email="ann@acme.test"))
        migrate(engine)
        interviewers = tables["interviewers"]
        with engine.connect() as connection:
            row = connection.execute(select(interviewers.c.name, interviewers.c.email,
                                            interviewers.c.phone)).one()
        assert tuple(row) == ("Ann", "ann@acme.test", None)
    finally:
        engine.dispose()
