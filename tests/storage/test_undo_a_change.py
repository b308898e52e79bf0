"""Putting an interview back as it was before a change read from words ("Not what I
meant"), on SQLite and PostgreSQL: whole, once, in time, never over a later change, and
never sending a reminder twice."""

from __future__ import annotations

from bot.model import (
    CallRecord,
    CallResult,
    CheckpointKind,
    CheckpointState,
    Outcome,
    Revert,
    Reverted,
)
from storage.repository import SqlRepository
from tests.storage.conftest import CALL_ON_FRIDAY, NOW, later, new_interview, someone


def test_a_change_is_put_back_whole_once_and_only_in_time(repo: SqlRepository) -> None:
    person, stranger = someone(repo, "U1"), someone(repo, "U2")
    interview = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    bo = interview.interviewers[1]
    assert bo.id is not None
    repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, bo.id, later(hours=1), NOW)
    call = repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None, later(days=5),
                               NOW)
    before, steps = repo.get_interview(interview.id), repo.checkpoints_for(interview.id)
    held = repo.keep_before(interview.id, later(days=1), note='{"the": "question"}')
    assert held is not None

    # The misreading: an offer, a call, Bo taken off (with his step), the call step
    # cancelled, a next round and a new step.
    repo.set_outcome(interview.id, Outcome.OFFER, NOW)
    repo.add_call(interview.id, CallRecord(NOW, CallResult.ANSWERED))
    repo.remove_interviewer(bo.id)
    repo.update_checkpoint(call.id, state=CheckpointState.CANCELLED)
    child = repo.add_interview(person.id, new_interview("Acme", parent_id=interview.id), NOW)
    repo.add_checkpoint(interview.id, CheckpointKind.REFLECT, None, later(days=1), NOW)
    assert repo.seal_before(held)

    assert repo.revert_interview(held, stranger.id, NOW) == Revert(Reverted.GONE)
    assert repo.revert_interview(held, person.id, later(days=1)) == Revert(Reverted.GONE)
    with repo.serialised(person.id):
        assert repo.revert_interview(held, person.id, later(hours=23)) == Revert(
            Reverted.DONE, interview.id, '{"the": "question"}')
    assert repo.get_interview(interview.id) == before
    assert repo.checkpoints_for(interview.id) == steps
    assert repo.get_interview(child.id) is None  # the next round the change made
    assert repo.revert_interview(held, person.id, NOW) == Revert(Reverted.GONE)  # used


def test_a_change_that_changed_nothing_leaves_nothing_to_undo(repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview("Acme"), NOW)
    held = repo.keep_before(interview.id, later(days=1))
    assert held is not None
    assert not repo.seal_before(held)
    assert repo.revert_interview(held, person.id, NOW) == Revert(Reverted.GONE)
    assert repo.keep_before(interview.id + 99, later(days=1)) is None


def test_a_later_change_is_never_undone_with_it(repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview("Acme"), NOW)
    held = repo.keep_before(interview.id, later(days=1))
    assert held is not None
    repo.set_promise(interview.id, CALL_ON_FRIDAY)
    assert repo.seal_before(held)
    changed = repo.add_call(interview.id, CallRecord(NOW, CallResult.NO_ANSWER))

    assert repo.revert_interview(held, person.id, NOW) == Revert(Reverted.CHANGED,
                                                                 interview.id)
    assert repo.get_interview(interview.id) == changed


def test_a_reminder_going_out_waits_and_one_delivered_meanwhile_stays_delivered(
        repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview("Acme"), NOW)
    (ann,) = interview.interviewers
    note = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, ann.id, NOW, NOW)
    held = repo.keep_before(interview.id, later(days=1))
    assert held is not None
    repo.set_outcome(interview.id, Outcome.REJECTED, NOW)
    assert repo.seal_before(held)

    # Delivery goes on meanwhile: claimed (the Undo waits), then sent.
    assert repo.update_checkpoint(note.id, state=CheckpointState.SENDING,
                                  expect=[CheckpointState.PENDING]) is not None
    assert repo.revert_interview(held, person.id, NOW).status is Reverted.BUSY
    repo.update_checkpoint(note.id, state=CheckpointState.SENT)
    assert repo.revert_interview(held, person.id, NOW).status is Reverted.DONE
    back = repo.get_interview(interview.id)
    assert back is not None and back.outcome is None
    sent = repo.get_checkpoint(note.id)
    assert sent is not None and sent.state is CheckpointState.SENT  # not sent twice


def test_copies_go_with_their_interview_show_in_the_export_and_expire(
        repo: SqlRepository) -> None:
    person = someone(repo)
    first = repo.add_interview(person.id, new_interview("Acme"), NOW)
    second = repo.add_interview(person.id, new_interview("Initech"), NOW)
    one = repo.keep_before(first.id, later(days=1))
    two = repo.keep_before(second.id, later(days=1))
    assert one is not None and two is not None
    repo.set_outcome(first.id, Outcome.OFFER, NOW)
    repo.set_outcome(second.id, Outcome.OFFER, NOW)
    assert repo.seal_before(one) and repo.seal_before(two)

    exported = repo.export_person(person.id)
    assert [c["interview_id"] for c in exported["before_changes"]] == [first.id, second.id]
    assert exported["deleted_interviews"] == []
    with repo.serialised(person.id):
        repo.set_aside_interview(first.id, later(days=1))  # deleted: its copy goes with it
    exported = repo.export_person(person.id)
    assert [c["interview_id"] for c in exported["before_changes"]] == [second.id]
    assert len(exported["deleted_interviews"]) == 1
    assert repo.forget_set_aside(later(days=1)) == 2
    assert repo.revert_interview(two, person.id, NOW) == Revert(Reverted.GONE)
