"""SqlRepository against real databases: what the core relies on, call by call."""

from __future__ import annotations

import inspect
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, time
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError

from bot.model import (
    CallRecord,
    CallResult,
    Channel,
    CheckpointKind,
    CheckpointState,
    Culture,
    Identity,
    Interviewer,
    JournalEntry,
    NewInterview,
    Outcome,
    Platform,
    Promise,
    PromiseKind,
    QuietHours,
    ShareLevel,
    Tone,
)
from bot.ports.repository import PlanChange, Repository, RepositoryUnavailable
from storage.database import make_engine
from storage.models import (
    CallRow,
    CheckpointRow,
    ConversationRow,
    IdentityRow,
    InterviewerRow,
    InterviewRow,
    JournalRow,
    PersonRow,
)
from storage.repository import SqlRepository, open_repository
from tests.storage.conftest import (
    CALL_ON_FRIDAY,
    NOW,
    later,
    new_interview,
    someone,
    thank_you_steps,
)
from tests.threads import all_at_once

PARIS = ZoneInfo("Europe/Paris")


def _interview_of(repo: SqlRepository, checkpoint_id: int) -> int:
    checkpoint = repo.get_checkpoint(checkpoint_id)
    assert checkpoint is not None
    return checkpoint.interview_id


def _state(repo: SqlRepository, checkpoint_id: int) -> CheckpointState | None:
    checkpoint = repo.get_checkpoint(checkpoint_id)
    return None if checkpoint is None else checkpoint.state


def test_every_protocol_method_is_implemented_with_its_signature() -> None:
    declared = {
        name: inspect.signature(member)
        for name, member in vars(Repository).items()
        if inspect.isfunction(member) and not name.startswith("_")
    }
    implemented = {name: inspect.signature(getattr(SqlRepository, name)) for name in declared}
    assert implemented == declared


# --- people ---------------------------------------------------------------------------
def test_a_person_is_created_once_per_identity_with_the_defaults(repo: SqlRepository) -> None:
    quiet = QuietHours(time(22, 30), time(7, 15))
    first = repo.person_for(Identity(Platform.SLACK, "T1", "U1"), "Europe/Paris", quiet)
    again = repo.person_for(Identity(Platform.SLACK, "T1", "U1"), "Asia/Tokyo", QuietHours())

    assert again == first
    assert (first.tz, first.quiet, first.tz_confirmed) == ("Europe/Paris", quiet, False)
    assert repo.get_person(first.id) == first
    assert repo.identities_of(first.id) == [Identity(Platform.SLACK, "T1", "U1")]


def test_the_same_user_id_elsewhere_is_another_person(repo: SqlRepository) -> None:
    people = {
        someone(repo, "U1", Platform.SLACK).id,
        someone(repo, "U1", Platform.DISCORD).id,
        repo.person_for(Identity(Platform.SLACK, "T2", "U1"), "UTC", QuietHours()).id,
    }
    assert len(people) == 3


def test_updating_a_person_changes_only_what_is_given(repo: SqlRepository) -> None:
    person = someone(repo)
    repo.update_person(person.id, phone="+33 6 12 34 56 78", display_name="Sam")
    updated = repo.update_person(
        person.id, tz="America/New_York", tz_confirmed=True, quiet=QuietHours(time(23), time(6))
    )

    assert updated == repo.get_person(person.id)
    assert updated.tz == "America/New_York" and updated.tz_confirmed
    assert updated.quiet == QuietHours(time(23), time(6))
    assert (updated.phone, updated.display_name) == ("+33 6 12 34 56 78", "Sam")


def test_updating_an_unknown_person_is_a_lookup_error(repo: SqlRepository) -> None:
    with pytest.raises(LookupError):
        repo.update_person(404, tz="UTC")


# --- interviews -------------------------------------------------------------------------
def test_interviews_are_numbered_per_person(repo: SqlRepository) -> None:
    sam, kim = someone(repo, "U1"), someone(repo, "U2")
    numbers = [
        repo.add_interview(sam.id, new_interview("Acme"), NOW).number,
        repo.add_interview(kim.id, new_interview("Globex"), NOW).number,
        repo.add_interview(sam.id, new_interview("Initech"), NOW).number,
    ]

    assert numbers == [1, 1, 2]
    found = repo.find_interview(sam.id, 2)
    assert found is not None and found.company == "Initech"
    assert repo.find_interview(kim.id, 2) is None
    assert [i.company for i in repo.list_interviews(sam.id)] == ["Acme", "Initech"]


def test_an_interview_round_trips_with_interviewers_promise_and_calls(
    repo: SqlRepository,
) -> None:
    person = someone(repo)
    first = repo.add_interview(person.id, new_interview(), NOW)
    new = NewInterview(
        company="Acme",
        role="Staff engineer",
        starts_at=datetime(2026, 3, 1, 10, 0, tzinfo=PARIS),
        interviewers=(
            Interviewer("Ann Lee", email="ann@acme.example", title="CTO"),
            Interviewer("Bo Chen", note="asked about Kafka"),
        ),
        promise=CALL_ON_FRIDAY,
        culture=Culture.TRADITIONAL,
        channel=Channel.POST,
        stage="final",
        parent_id=first.id,
    )
    stored = repo.add_interview(person.id, new, NOW)

    assert [(i.name, i.email, i.title, i.note) for i in stored.interviewers] == [
        ("Ann Lee", "ann@acme.example", "CTO", None),
        ("Bo Chen", None, None, "asked about Kafka"),
    ]
    assert all(i.id is not None for i in stored.interviewers)
    assert stored.promise == CALL_ON_FRIDAY
    assert (stored.culture, stored.channel, stored.stage) == (
        Culture.TRADITIONAL,
        Channel.POST,
        "final",
    )
    assert stored.parent_id == first.id
    assert stored.starts_at == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert (stored.created_at, stored.share, stored.calls) == (NOW, ShareLevel.PROGRESS, ())
    assert stored.is_open
    assert repo.get_interview(stored.id) == stored

    repo.add_call(stored.id, CallRecord(later(days=5), CallResult.ANSWERED))
    with_calls = repo.add_call(stored.id, CallRecord(later(days=4), CallResult.NO_ANSWER))
    assert with_calls.calls == (
        CallRecord(later(days=4), CallResult.NO_ANSWER),
        CallRecord(later(days=5), CallResult.ANSWERED),
    )
    assert repo.get_interview(stored.id) == with_calls


def test_the_last_call_put_right_changes_only_its_result(repo: SqlRepository) -> None:
    person = someone(repo)
    stored = repo.add_interview(person.id, new_interview(), NOW)
    assert repo.set_last_call_result(stored.id, CallResult.NO_ANSWER).calls == ()  # none yet
    repo.add_call(stored.id, CallRecord(later(days=4), CallResult.NO_ANSWER))
    repo.add_call(stored.id, CallRecord(later(days=5), CallResult.ANSWERED))
    put_right = repo.set_last_call_result(stored.id, CallResult.NO_ANSWER)
    assert put_right.calls == (CallRecord(later(days=4), CallResult.NO_ANSWER),
                               CallRecord(later(days=5), CallResult.NO_ANSWER))
    assert repo.get_interview(stored.id) == put_right


def test_promise_outcome_share_and_notes_are_updated_in_place(repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    decide = Promise(PromiseKind.THEY_DECIDE_BY, date(2026, 3, 5), "we'll decide by Thursday")

    assert repo.set_promise(interview.id, decide).promise == decide
    assert repo.set_promise(interview.id, None).promise is None
    assert repo.set_share(interview.id, ShareLevel.DETAILS).share == ShareLevel.DETAILS
    repo.set_interviewer_note(interview.interviewers[1].id or 0, "likes open source")
    closed = repo.set_outcome(interview.id, Outcome.OFFER, later(days=3))

    assert (closed.outcome, closed.outcome_at, closed.is_open) == (
        Outcome.OFFER,
        later(days=3),
        False,
    )
    assert [i.note for i in closed.interviewers] == [None, "likes open source"]
    assert repo.list_interviews(person.id, open_only=True) == []
    reopened = repo.set_outcome(interview.id, None, None)
    assert repo.list_interviews(person.id, open_only=True) == [reopened]


def test_changing_an_unknown_interview_is_a_lookup_error(repo: SqlRepository) -> None:
    with pytest.raises(LookupError):
        repo.set_share(404, ShareLevel.NONE)
    with pytest.raises(LookupError):
        repo.add_interview(404, new_interview(), NOW)
    with pytest.raises(LookupError):  # one statement on PostgreSQL, two on SQLite
        repo.set_outcome(404, Outcome.OFFER, NOW)


# --- checkpoints ----------------------------------------------------------------------------
def test_checkpoints_are_listed_by_due_time(repo: SqlRepository) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    ann = interview.interviewers[0].id
    call = repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    thanks = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, ann, later(hours=1), NOW)

    assert repo.checkpoints_for(interview.id) == [thanks, call]
    assert thanks.state == CheckpointState.PENDING
    assert (thanks.interviewer_id, thanks.attempts, thanks.snoozed) == (ann, 0, False)
    assert (thanks.created_at, thanks.sent_at) == (NOW, None)
    assert repo.get_checkpoint(call.id) == call


def test_a_checkpoint_changes_only_in_an_expected_state(repo: SqlRepository) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    checkpoint = repo.add_checkpoint(
        interview.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW
    )

    snoozed = repo.update_checkpoint(
        checkpoint.id, due_at=later(days=6), snoozed=True, expect=[CheckpointState.PENDING]
    )
    refused = repo.update_checkpoint(
        checkpoint.id, state=CheckpointState.DONE, expect=[CheckpointState.SENT]
    )

    assert snoozed is not None and (snoozed.due_at, snoozed.snoozed) == (later(days=6), True)
    assert refused is None
    assert repo.get_checkpoint(checkpoint.id) == snoozed
    done = repo.update_checkpoint(checkpoint.id, state=CheckpointState.DONE)
    assert done is not None and done.state == CheckpointState.DONE
    assert repo.update_checkpoint(404, state=CheckpointState.DONE) is None


def test_the_database_refuses_a_second_active_checkpoint_of_a_step(
    repo: SqlRepository,
) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview("Acme", "Ann", "Bo"), NOW)
    ann, bo = (person.id for person in interview.interviewers)
    thanks = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, ann, later(hours=1),
                                 NOW)
    call = repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None, later(days=5),
                               NOW)
    repo.claim_due(later(hours=1), 5, [Platform.SLACK])  # sending is active too

    for kind, interviewer in ((CheckpointKind.THANK_YOU, ann), (CheckpointKind.FIRST_CALL, None)):
        with pytest.raises(IntegrityError):
            repo.add_checkpoint(interview.id, kind, interviewer, later(days=6), NOW)
    # Another interviewer, another kind or another interview is another step.
    other = repo.add_interview(someone(repo).id, new_interview(), NOW)
    repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, bo, later(hours=1), NOW)
    repo.add_checkpoint(interview.id, CheckpointKind.SECOND_CALL, None, later(days=9), NOW)
    repo.add_checkpoint(other.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    rows = repo.checkpoints_for(interview.id)
    assert {thanks.id, call.id} < {c.id for c in rows}
    assert sorted(c.key for c in rows if c.interviewer_id is not None) == [
        (CheckpointKind.THANK_YOU, ann), (CheckpointKind.THANK_YOU, bo)]
    assert sorted(c.kind for c in rows if c.interviewer_id is None) == [
        CheckpointKind.FIRST_CALL, CheckpointKind.SECOND_CALL]


def test_finished_checkpoints_stand_beside_the_active_one_of_their_step(
    repo: SqlRepository,
) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    step = (interview.id, CheckpointKind.FIRST_CALL, None)
    done = repo.add_checkpoint(*step, later(days=5), NOW)
    repo.update_checkpoint(done.id, state=CheckpointState.DONE)
    cancelled = repo.add_checkpoint(*step, later(days=6), NOW)
    repo.update_checkpoint(cancelled.id, state=CheckpointState.CANCELLED)
    active = repo.add_checkpoint(*step, later(days=7), NOW)
    repo.claim_due(later(days=7), 5, [Platform.SLACK])
    repo.confirm_sent(active.id, later(days=7))  # SENT is active: it awaits the report

    # A finished one cannot come back while the step has an active one.
    with pytest.raises(IntegrityError):
        repo.update_checkpoint(cancelled.id, state=CheckpointState.PENDING)
    assert [_state(repo, c.id) for c in (done, cancelled, active)] == [
        CheckpointState.DONE, CheckpointState.CANCELLED, CheckpointState.SENT]


# --- units of work --------------------------------------------------------------------------
def test_a_unit_commits_every_call_in_it_at_its_end_and_nothing_before(
    database_url: str,
) -> None:
    repo, other = open_repository(database_url), open_repository(database_url)
    try:
        person = someone(repo)
        with repo.serialised(person.id):
            interview = repo.add_interview(person.id, new_interview(), NOW)
            repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None, later(days=5),
                                NOW)
            with repo.serialised(person.id):  # a nested unit joins; it commits nothing
                repo.set_promise(interview.id, CALL_ON_FRIDAY)
            assert [c.kind for c in repo.checkpoints_for(interview.id)] == [
                CheckpointKind.FIRST_CALL]  # the unit reads its own changes
            assert other.get_interview(interview.id) is None  # nobody else, yet

        stored = other.get_interview(interview.id)
        assert stored is not None and stored.promise == CALL_ON_FRIDAY
        assert len(other.checkpoints_for(interview.id)) == 1
    finally:
        repo.close()
        other.close()


def test_an_error_in_a_unit_undoes_every_call_in_it(repo: SqlRepository) -> None:
    person = someone(repo)

    with pytest.raises(LookupError), repo.serialised(person.id):
        repo.add_interview(person.id, new_interview(), NOW)
        repo.update_person(person.id, display_name="Kim")
        repo.set_promise(404, CALL_ON_FRIDAY)  # no such interview

    assert repo.list_interviews(person.id) == []
    assert repo.get_person(person.id) == person
    with repo.serialised(person.id):  # and the next unit starts clean
        repo.add_interview(person.id, new_interview(), NOW)
    assert [i.number for i in repo.list_interviews(person.id)] == [1]


# --- delivery -------------------------------------------------------------------------------
def test_claiming_takes_due_pending_checkpoints_of_the_given_platforms_in_due_order(
    repo: SqlRepository,
) -> None:
    slack = repo.add_interview(someone(repo, "U1", Platform.SLACK).id, new_interview(), NOW)
    discord = repo.add_interview(someone(repo, "U2", Platform.DISCORD).id, new_interview(), NOW)
    late = repo.add_checkpoint(discord.id, CheckpointKind.PREPARE, None, later(minutes=-1), NOW)
    early = repo.add_checkpoint(discord.id, CheckpointKind.THANK_YOU, None, later(hours=-2), NOW)
    repo.add_checkpoint(discord.id, CheckpointKind.FIRST_CALL, None, later(minutes=1), NOW)
    on_slack = repo.add_checkpoint(slack.id, CheckpointKind.THANK_YOU, None, later(hours=-3), NOW)

    claimed = repo.claim_due(NOW, 10, [Platform.DISCORD])

    assert [c.id for c in claimed] == [early.id, late.id]
    assert all(c.state == CheckpointState.SENDING for c in claimed)
    assert _state(repo, on_slack.id) == CheckpointState.PENDING
    assert repo.claim_due(NOW, 10, [Platform.DISCORD]) == []
    assert repo.claim_due(NOW, 10, []) == []
    assert [c.id for c in repo.claim_due(NOW, 1, list(Platform))] == [on_slack.id]


def test_concurrent_claimers_never_get_the_same_checkpoint(database_url: str) -> None:
    setup = open_repository(database_url)
    created = set(thank_you_steps(setup, [later(minutes=-n) for n in range(60)]))
    # Separate engines, like separate bot processes.
    workers = [SqlRepository(make_engine(database_url)) for _ in range(4)]
    claims: list[list[int]] = [[] for _ in workers]

    def drain(worker: SqlRepository, into: list[int]) -> None:
        while batch := worker.claim_due(NOW, 3, [Platform.SLACK]):
            into.extend(c.id for c in batch)

    errors = all_at_once([partial(drain, worker, into)
                          for worker, into in zip(workers, claims, strict=True)])
    for worker in [*workers, setup]:
        worker.close()

    assert errors == []  # nothing raised, and no claimer hung
    every_claim = [id_ for claim in claims for id_ in claim]
    assert len(every_claim) == len(set(every_claim)), "a checkpoint was claimed twice"
    assert set(every_claim) == created


def test_a_sent_checkpoint_records_when_and_is_not_claimed_again(repo: SqlRepository) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    checkpoint = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, None, NOW, NOW)
    repo.claim_due(NOW, 5, [Platform.SLACK])

    repo.confirm_sent(checkpoint.id, later(seconds=3))

    sent = repo.get_checkpoint(checkpoint.id)
    assert sent is not None
    assert (sent.state, sent.sent_at) == (CheckpointState.SENT, later(seconds=3))
    assert repo.claim_due(later(days=1), 5, [Platform.SLACK]) == []


def test_confirming_leaves_a_checkpoint_that_is_no_longer_sending_alone(
    repo: SqlRepository,
) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    checkpoint = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, None, NOW, NOW)
    repo.claim_due(NOW, 5, [Platform.SLACK])
    repo.update_checkpoint(checkpoint.id, state=CheckpointState.CANCELLED)

    repo.confirm_sent(checkpoint.id, NOW)

    assert _state(repo, checkpoint.id) == CheckpointState.CANCELLED


def test_one_settle_confirms_a_group_each_at_its_own_time_and_checks_the_rest(
    repo: SqlRepository,
) -> None:
    ids = thank_you_steps(repo, [later(minutes=-n) for n in range(6)])
    repo.claim_due(NOW, 10, [Platform.SLACK])
    repo.update_checkpoint(ids[1], state=CheckpointState.CANCELLED)  # done meanwhile
    repo.update_checkpoint(ids[4], state=CheckpointState.CANCELLED)

    wanted = repo.settle([(ids[0], later(seconds=1)), (ids[1], later(seconds=2)),
                          (ids[2], later(seconds=3))], [ids[3], ids[4], ids[5]])

    assert wanted == {ids[3], ids[5]}  # ids[4] was cancelled: not to be sent
    states = {i: repo.get_checkpoint(i) for i in ids}
    assert [(states[i].state, states[i].sent_at) for i in ids[:3]] == [
        (CheckpointState.SENT, later(seconds=1)), (CheckpointState.CANCELLED, None),
        (CheckpointState.SENT, later(seconds=3))]
    assert repo.settle([], []) == set()


def test_a_checkpoint_confirmed_and_checked_in_one_settle_is_not_still_wanted(
    repo: SqlRepository,
) -> None:
    """The check sees the group's confirmations (on PostgreSQL both are one statement)."""
    ids = thank_you_steps(repo, [later(minutes=-n) for n in range(2)])
    repo.claim_due(NOW, 10, [Platform.SLACK])

    assert repo.settle([(ids[0], later(seconds=1))], [ids[0], ids[1]]) == {ids[1]}
    assert repo.get_checkpoint(ids[0]).state == CheckpointState.SENT


def test_a_released_checkpoint_waits_for_its_retry_time_and_counts_the_attempt(
    repo: SqlRepository,
) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    checkpoint = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, None, NOW, NOW)
    repo.claim_due(NOW, 5, [Platform.SLACK])

    repo.release(checkpoint.id, later(minutes=5))

    released = repo.get_checkpoint(checkpoint.id)
    assert released is not None
    assert (released.state, released.due_at, released.attempts) == (
        CheckpointState.PENDING,
        later(minutes=5),
        1,
    )
    assert repo.claim_due(later(minutes=4), 5, [Platform.SLACK]) == []
    assert [c.attempts for c in repo.claim_due(later(minutes=5), 5, [Platform.SLACK])] == [1]


def test_recovery_puts_stale_sending_checkpoints_back_to_pending(repo: SqlRepository) -> None:
    ids = thank_you_steps(repo, [later(minutes=-minutes) for minutes in (1, 2, 3)])
    interview_id = _interview_of(repo, ids[0])
    repo.add_checkpoint(interview_id, CheckpointKind.MOVE_ON, None, later(days=9), NOW)
    repo.claim_due(NOW, 2, [Platform.SLACK])

    # Claims as new as the cutoff may belong to a live worker: left alone.
    assert repo.recover_in_flight(NOW) == 0
    assert repo.recover_in_flight(later(minutes=1)) == 2
    assert repo.recover_in_flight(later(minutes=1)) == 0
    states = [c.state for c in repo.checkpoints_for(interview_id)]
    assert states == [CheckpointState.PENDING] * 4


def test_next_due_is_the_earliest_pending_checkpoint_on_the_platforms(
    repo: SqlRepository,
) -> None:
    slack = repo.add_interview(someone(repo, "U1", Platform.SLACK).id, new_interview(), NOW)
    discord = repo.add_interview(someone(repo, "U2", Platform.DISCORD).id, new_interview(), NOW)
    assert repo.next_due_at([Platform.SLACK]) is None

    repo.add_checkpoint(discord.id, CheckpointKind.THANK_YOU, None, later(hours=1), NOW)
    repo.add_checkpoint(slack.id, CheckpointKind.THANK_YOU, None, later(hours=2), NOW)
    claimed = repo.add_checkpoint(slack.id, CheckpointKind.PREPARE, None, later(hours=-1), NOW)
    repo.claim_due(NOW, 1, [Platform.SLACK])

    assert _state(repo, claimed.id) == CheckpointState.SENDING
    assert repo.next_due_at([Platform.SLACK]) == later(hours=2)
    assert repo.next_due_at([Platform.SLACK, Platform.DISCORD]) == later(hours=1)
    assert repo.next_due_at([Platform.CONSOLE]) is None
    assert repo.next_due_at([]) is None
    # All the scheduler needs in one round trip: the earliest due, and the oldest claim.
    assert repo.oldest_in_flight() == NOW
    assert repo.next_wakeup([Platform.SLACK], []) == (later(hours=2), NOW)
    assert repo.next_wakeup([Platform.SLACK, Platform.DISCORD], [Platform.SLACK]) == (
        later(hours=1), NOW)
    assert repo.next_wakeup([], []) == (None, NOW)
    due, oldest = repo.next_wakeup([Platform.DISCORD], [])
    assert due is not None and due.tzinfo == UTC and oldest is not None and oldest.tzinfo == UTC


# --- conversation, journal, idempotency --------------------------------------------------------
def test_conversation_state_round_trips_and_can_be_cleared(repo: SqlRepository) -> None:
    person = someone(repo)
    assert repo.get_conversation(person.id) is None

    repo.set_conversation(person.id, {"step": "company", "draft": {"names": ["Ann", "Zoë"]}})
    repo.set_conversation(person.id, {"step": "when", "draft": {"company": "Acme"}})
    assert repo.get_conversation(person.id) == {"step": "when", "draft": {"company": "Acme"}}

    repo.set_conversation(person.id, None)
    assert repo.get_conversation(person.id) is None


def test_the_journal_keeps_entries_oldest_first(repo: SqlRepository) -> None:
    person = someone(repo)
    interview = repo.add_interview(person.id, new_interview(), NOW)
    later_entry = JournalEntry(interview.id, later(days=2), "What went well?", "The demo.")
    general = JournalEntry(None, later(days=1), "Anything else?", "Sleep more before.")
    repo.add_journal(person.id, later_entry)
    repo.add_journal(person.id, general)

    assert repo.journal(person.id) == [general, later_entry]
    assert repo.journal(someone(repo, "U2").id) == []


def test_a_key_is_new_only_once_and_forgotten_after_a_day(repo: SqlRepository) -> None:
    assert repo.first_time("slack:Ev123", NOW) is True
    assert repo.first_time("slack:Ev123", later(minutes=5)) is False
    assert repo.first_time("slack:Ev124", later(minutes=5)) is True
    assert repo.first_time("slack:Ev123", later(hours=23)) is False
    assert repo.first_time("slack:Ev123", later(days=1, minutes=1)) is True


# --- privacy ---------------------------------------------------------------------------------
def _fill(repo: SqlRepository, user: str) -> int:
    """A person with two interviews, checkpoints, a call, a journal entry and a dialogue."""
    person = someone(repo, user)
    first = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    second = repo.add_interview(person.id, new_interview("Globex", parent_id=first.id), NOW)
    for interviewer in first.interviewers:
        repo.add_checkpoint(first.id, CheckpointKind.THANK_YOU, interviewer.id, NOW, NOW)
    repo.add_checkpoint(second.id, CheckpointKind.FIRST_CALL, None, later(days=5), NOW)
    repo.add_call(first.id, CallRecord(later(days=4), CallResult.NO_ANSWER))
    repo.add_journal(person.id, JournalEntry(first.id, later(days=9), "Went well?", "Yes"))
    repo.set_conversation(person.id, {"step": "idle"})
    return person.id


def _rows_of(repo: SqlRepository, person_id: int) -> dict[str, int]:
    interviews = select(InterviewRow.id).where(InterviewRow.person_id == person_id)
    queries = {
        "people": select(func.count()).where(PersonRow.id == person_id),
        "identities": select(func.count()).where(IdentityRow.person_id == person_id),
        "interviews": select(func.count()).where(InterviewRow.person_id == person_id),
        "interviewers": select(func.count()).where(InterviewerRow.interview_id.in_(interviews)),
        "calls": select(func.count()).where(CallRow.interview_id.in_(interviews)),
        "checkpoints": select(func.count()).where(CheckpointRow.interview_id.in_(interviews)),
        "journal": select(func.count()).where(JournalRow.person_id == person_id),
        "conversations": select(func.count()).where(ConversationRow.person_id == person_id),
    }
    with repo.engine.connect() as connection:
        return {kind: connection.scalar(query) or 0 for kind, query in queries.items()}


def test_forgetting_a_person_deletes_all_their_records_and_counts_them(
    repo: SqlRepository,
) -> None:
    gone, kept = _fill(repo, "U1"), _fill(repo, "U2")
    before = _rows_of(repo, kept)

    counts = repo.forget_person(gone)

    assert counts == {
        "people": 1,
        "identities": 1,
        "interviews": 2,
        "interviewers": 3,
        "calls": 1,
        "checkpoints": 3,
        "journal": 1,
        "conversations": 1,
        "club memberships": 0,
        "club posts": 0,
    }
    assert set(_rows_of(repo, gone).values()) == {0}
    assert _rows_of(repo, kept) == before
    assert repo.get_person(gone) is None
    assert repo.forget_person(gone) == dict.fromkeys(counts, 0)


def test_an_export_holds_all_of_a_persons_data_as_json(repo: SqlRepository) -> None:
    person_id = _fill(repo, "U1")
    _fill(repo, "U2")
    repo.update_person(person_id, phone="+1 555 0100")

    export = repo.export_person(person_id)

    assert json.loads(json.dumps(export)) == export
    assert export["person"]["phone"] == "+1 555 0100"
    assert export["person"]["quiet_start"] == "21:00"
    assert export["identities"] == [{"platform": "slack", "workspace": "T1", "user": "U1"}]
    acme, globex = export["interviews"]
    assert (acme["company"], acme["number"], globex["parent_id"]) == ("Acme", 1, acme["id"])
    assert [i["name"] for i in acme["interviewers"]] == ["Ann", "Bo"]
    assert acme["starts_at"] == "2026-03-02T08:00:00+00:00"
    assert acme["calls"] == [{"at": "2026-03-06T09:00:00+00:00", "result": "no_answer"}]
    assert [c["kind"] for c in acme["checkpoints"]] == ["thank_you", "thank_you"]
    assert [c["kind"] for c in globex["checkpoints"]] == ["first_call"]
    assert export["journal"][0]["answer"] == "Yes"
    assert export["conversation"] == {"step": "idle"}
    with pytest.raises(LookupError):
        repo.export_person(404)


# --- time and failure ------------------------------------------------------------------------
def test_times_in_any_zone_come_back_aware_in_utc(repo: SqlRepository) -> None:
    person = someone(repo)
    paris_evening = datetime(2026, 7, 1, 19, 30, tzinfo=PARIS)  # summer time: UTC+2
    interview = repo.add_interview(person.id, new_interview(), paris_evening)
    checkpoint = repo.add_checkpoint(
        interview.id, CheckpointKind.PREPARE, None, paris_evening, paris_evening
    )
    repo.set_outcome(interview.id, Outcome.HEARD, paris_evening)
    repo.add_journal(person.id, JournalEntry(None, paris_evening, "q", "a"))

    stored = repo.get_interview(interview.id)
    assert stored is not None
    moments = [
        stored.created_at,
        stored.outcome_at,
        checkpoint.due_at,
        repo.checkpoints_for(interview.id)[0].due_at,
        repo.journal(person.id)[0].at,
        repo.next_due_at([Platform.SLACK]),
    ]
    for moment in moments:
        assert moment == datetime(2026, 7, 1, 17, 30, tzinfo=UTC)
        assert moment is not None and moment.tzinfo == UTC


def test_a_naive_datetime_is_refused(repo: SqlRepository) -> None:
    interview = repo.add_interview(someone(repo).id, new_interview(), NOW)
    with pytest.raises(ValueError, match="naive"):
        repo.add_checkpoint(
            interview.id, CheckpointKind.PREPARE, None, datetime(2026, 3, 2, 9), NOW
        )
    assert repo.checkpoints_for(interview.id) == []


def test_an_unreachable_database_is_reported_as_unavailable(tmp_path: Path) -> None:
    unreachable = [
        # A folder where the database file should be.
        f"sqlite:///{tmp_path}",
        # Nothing listens on port 1 of the loopback interface.
        "postgresql+psycopg://nobody:nothing@127.0.0.1:1/none?connect_timeout=2",
    ]
    for url in unreachable:
        repo = SqlRepository(make_engine(url))
        try:
            with pytest.raises(RepositoryUnavailable):
                repo.get_person(1)
        finally:
            repo.close()


def test_find_person_never_creates_one(repo: SqlRepository) -> None:
    stranger = Identity(Platform.DISCORD, "dm", "404")
    assert repo.find_person(stranger) is None
    assert repo.find_person(stranger) is None
    created = repo.person_for(stranger, "UTC", QuietHours())
    assert repo.find_person(stranger) == created


def test_tone_calendar_token_and_employer_zone_round_trip(repo: SqlRepository) -> None:
    person = someone(repo)
    assert person.tone is Tone.FORMAL and person.calendar_token_hash is None
    person = repo.update_person(person.id, tone=Tone.WARM, calendar_token_hash="a1" * 32)
    assert person.tone is Tone.WARM and person.calendar_token_hash == "a1" * 32
    assert repo.person_by_calendar_token_hash("a1" * 32) == person
    assert repo.person_by_calendar_token_hash("b2" * 32) is None
    assert repo.person_by_calendar_token_hash("") is None
    repo.update_person(person.id, clear_calendar_token=True)
    assert repo.person_by_calendar_token_hash("a1" * 32) is None
    interview = repo.add_interview(person.id, replace(new_interview(), employer_tz="Europe/Berlin"),
                                   NOW)
    assert repo.get_interview(interview.id).employer_tz == "Europe/Berlin"


def test_a_question_with_an_expiry_is_deleted_then_and_one_without_is_kept(
        repo: SqlRepository) -> None:
    mail, typed = someone(repo, "U1"), someone(repo, "U2")
    repo.set_conversation(mail.id, {"flow": "choice"}, expires_at=later(days=7))
    repo.set_conversation(typed.id, {"flow": "add"})
    assert repo.forget_expired_conversations(later(days=7, seconds=-1)) == 0
    assert repo.forget_expired_conversations(later(days=7)) == 1
    assert repo.get_conversation(mail.id) is None
    assert repo.get_conversation(typed.id) == {"flow": "add"}
    repo.set_conversation(typed.id, {"flow": "choice"}, expires_at=later(days=1))
    repo.set_conversation(typed.id, {"flow": "add"})  # replaced: no expiry any more
    assert repo.forget_expired_conversations(later(days=30)) == 0


@contextmanager
def counting(repo: SqlRepository, statements: list[str]) -> Iterator[None]:
    """Every statement `repo` sends meanwhile, into `statements`."""
    def note(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(repo.engine, "before_cursor_execute", note)
    try:
        yield
    finally:
        event.remove(repo.engine, "before_cursor_execute", note)


def test_a_unit_by_identity_finds_the_person_with_its_lock_or_makes_them(
        repo: SqlRepository) -> None:
    """`serialised_as`: the lock itself finds the person (inside, their look-up is free)
    and, on first sight, the person is made first; either way one person per identity."""
    alex = Identity(Platform.SLACK, "T1", "U1")
    with repo.serialised_as(alex, "Europe/Paris", QuietHours()) as made:
        assert made.tz == "Europe/Paris" and not made.tz_confirmed
        repo.update_person(made.id, tz="Asia/Tokyo", tz_confirmed=True)
    with repo.serialised_as(alex, "Europe/Paris", QuietHours(), request="k1") as found:
        assert (found.id, found.tz, found.tz_confirmed) == (made.id, "Asia/Tokyo", True)
        statements: list[str] = []
        with counting(repo, statements):
            assert repo.find_person(alex) == found  # read with the lock: no statement
            assert repo.answer_for("k1") is None
        assert statements == []
        repo.record_answer("k1", found.id, ("done",), NOW)
    with repo.serialised_as(alex, "Europe/Paris", QuietHours(), request="k1"):
        earlier = repo.answer_for("k1")
        assert earlier is not None and earlier.texts == ("done",)
    assert repo.find_person(alex) == found


@pytest.mark.parametrize("by_identity", [False, True], ids=["by id", "by identity"])
def test_a_unit_that_waited_for_the_lock_reads_the_question_the_other_one_left(
        database_url: str, by_identity: bool) -> None:
    """Two processes, one person: the second unit waits for the first's lock, and must
    then read the conversation the first committed, not the one from before it waited
    (a statement that waits for a row lock on PostgreSQL still sees other rows as they
    were when it began)."""
    first, second = open_repository(database_url), open_repository(database_url)
    try:
        person = someone(first)
        inside, read = threading.Event(), []

        def later_unit() -> None:
            assert inside.wait(timeout=10)
            if by_identity:  # the lock finds the person by the identity (a Slack command)
                with second.serialised_as(Identity(Platform.SLACK, "T1", "U1"),
                                          "Europe/Paris", QuietHours()) as found:
                    read.append(second.get_conversation(found.id))
            else:
                with second.serialised(person.id):
                    read.append(second.get_conversation(person.id))

        waiter = threading.Thread(target=later_unit)
        waiter.start()
        with first.serialised(person.id):
            first.set_conversation(person.id, {"flow": "add", "asking": "role"})
            inside.set()
            threading.Event().wait(0.5)  # the other unit now waits for this lock
        waiter.join(timeout=10)
        assert read == [{"flow": "add", "asking": "role"}]
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("by_identity", [False, True], ids=["by id", "by identity"])
def test_a_repeat_that_waited_for_the_lock_finds_the_answer_the_other_one_recorded(
        database_url: str, by_identity: bool) -> None:
    """A request's repeat waits for the first delivery's unit, and must then find the
    answer that unit recorded (read with the lock, in the same statement on PostgreSQL):
    else it would be applied twice."""
    first, second = open_repository(database_url), open_repository(database_url)
    try:
        person = someone(first)
        inside, read = threading.Event(), []

        def repeat() -> None:
            assert inside.wait(timeout=10)
            if by_identity:
                with second.serialised_as(Identity(Platform.SLACK, "T1", "U1"),
                                          "Europe/Paris", QuietHours(), request="k1"):
                    read.append(second.answer_for("k1"))
            else:
                with second.serialised(person.id, request="k1"):
                    read.append(second.answer_for("k1"))

        waiter = threading.Thread(target=repeat)
        waiter.start()
        with first.serialised(person.id, request="k1"):
            assert first.answer_for("k1") is None
            first.record_answer("k1", person.id, ("done once",), NOW)
            inside.set()
            threading.Event().wait(0.5)  # the repeat now waits for this lock
        waiter.join(timeout=10)
        assert [None if found is None else found.texts for found in read] == [("done once",)]
    finally:
        first.close()
        second.close()


def test_interviews_come_with_their_checkpoints_as_the_separate_reads_give_them(
        repo: SqlRepository) -> None:
    """One read (one statement on PostgreSQL) gives each interview, its interviewers and
    calls, and its checkpoints, exactly as `find_interview` and `checkpoints_for` do."""
    person = someone(repo)
    first = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    second = repo.add_interview(person.id, new_interview("Globex"), NOW)
    repo.add_call(first.id, CallRecord(later(days=2), CallResult.NO_ANSWER))
    ann, bo = repo.find_interview(person.id, 1).interviewers  # type: ignore[union-attr]
    repo.add_checkpoints(first.id, [(CheckpointKind.THANK_YOU, ann.id, later(hours=3)),
                                    (CheckpointKind.THANK_YOU, bo.id, later(minutes=30)),
                                    (CheckpointKind.FIRST_CALL, None, later(days=3))], NOW)
    sent = repo.claim_due(later(hours=1), 5, [Platform.SLACK])
    repo.confirm_sent(sent[0].id, later(hours=1, microseconds=250))
    repo.update_checkpoint(sent[0].id, snoozed=True)

    expected = [(repo.find_interview(person.id, n), repo.checkpoints_for(i.id))
                for n, i in ((1, first), (2, second))]
    assert repo.interviews_with_checkpoints(person.id) == expected
    assert repo.interviews_with_checkpoints(person.id, 2) == expected[1:]
    assert repo.interviews_with_checkpoints(person.id, 3) == []
    assert repo.interviews_with_checkpoints(someone(repo, "U2").id, 1) == []
    assert expected[0][1][0].sent_at == later(hours=1, microseconds=250)


def test_a_requests_first_read_of_its_interviews_comes_with_the_lock_on_postgresql(
        repo: SqlRepository) -> None:
    """A request's unit reads the person's interviews with its lock (PostgreSQL): its
    first read of them sends no statement and gives what a read of its own would; after
    any other statement in the unit (a write), they are read afresh."""
    person = someone(repo)
    added = repo.add_interview(person.id, new_interview("Acme", "Ann", "Bo"), NOW)
    repo.add_interview(person.id, new_interview("Globex"), NOW)
    repo.add_call(added.id, CallRecord(later(days=2), CallResult.NO_ANSWER))
    step = repo.add_checkpoint(added.id, CheckpointKind.THANK_YOU, added.interviewers[0].id,
                               later(hours=3), NOW)
    expected = repo.interviews_with_checkpoints(person.id)
    postgresql = repo.engine.dialect.name == "postgresql"
    with repo.serialised(person.id, request="k1"):
        statements: list[str] = []
        with counting(repo, statements):
            assert repo.interviews_with_checkpoints(person.id, 1) == expected[:1]
        assert len(statements) == (0 if postgresql else 2)
        # Read once: the next read is a read of its own.
        assert repo.interviews_with_checkpoints(person.id) == expected
    with repo.serialised(person.id, request="k2"):
        moved = repo.update_checkpoint(step.id, due_at=later(hours=5))
        assert moved is not None
        assert repo.interviews_with_checkpoints(person.id, 1)[0][1] == [moved]


def test_an_interview_is_stored_with_its_interviewers_in_order_or_with_none(
        repo: SqlRepository) -> None:
    """`add_interview` (one statement on PostgreSQL) numbers the interview, and gives
    back each interviewer with the id stored for them, in the order given."""
    person = someone(repo)
    alone = repo.add_interview(person.id, replace(new_interview("Acme"), interviewers=()), NOW)
    three = repo.add_interview(person.id, new_interview("Globex", "Cy", "Ann", "Bo"), NOW)
    assert (alone.number, alone.interviewers) == (1, ())
    assert three.number == 2 and [p.name for p in three.interviewers] == ["Cy", "Ann", "Bo"]
    assert repo.find_interview(person.id, 1) == alone
    assert repo.find_interview(person.id, 2) == three


def test_a_plans_writes_go_together_and_a_step_moved_meanwhile_is_left_alone(
        repo: SqlRepository) -> None:
    """`change_plan` (one statement on PostgreSQL) adds the new steps and makes each
    change only to a step still in the state expected; the others come back as None."""
    interview = repo.add_interview(someone(repo).id, new_interview("Acme", "Ann"), NOW)
    ann = interview.interviewers[0].id
    sending = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, ann, later(hours=1),
                                  NOW)
    pending = repo.add_checkpoint(interview.id, CheckpointKind.FIRST_CALL, None,
                                  later(hours=2), NOW)
    assert [c.id for c in repo.claim_due(later(hours=3), 1, [Platform.SLACK])] == [sending.id]
    statements: list[str] = []
    with counting(repo, statements):
        added, changed = repo.change_plan(
            interview.id, [(CheckpointKind.REFLECT, None, later(days=1))],
            [PlanChange(sending.id, (CheckpointState.PENDING,), due_at=later(hours=4)),
             PlanChange(pending.id, (CheckpointState.PENDING, CheckpointState.SENT),
                        state=CheckpointState.CANCELLED)],
            NOW)
    if repo.engine.dialect.name == "postgresql":
        assert len(statements) == 1
    assert [(c.kind, c.due_at, c.state) for c in added] == [
        (CheckpointKind.REFLECT, later(days=1), CheckpointState.PENDING)]
    assert changed == [None, replace(pending, state=CheckpointState.CANCELLED)]
    assert sorted(repo.checkpoints_for(interview.id), key=lambda c: c.id) == [
        replace(sending, state=CheckpointState.SENDING), changed[1], added[0]]
    with pytest.raises(LookupError):
        repo.change_plan(interview.id + 100, [(CheckpointKind.REFLECT, None, later(days=1))],
                         [PlanChange(pending.id, (CheckpointState.PENDING,))], NOW)


def test_an_outcome_is_recorded_with_the_plan_it_leaves(repo: SqlRepository) -> None:
    """`change_plan(…, outcome=…)` records the outcome at `now` with the plan's writes
    (one statement on PostgreSQL), as `set_outcome` would."""
    interview = repo.add_interview(someone(repo).id, new_interview("Acme", "Ann"), NOW)
    nudge = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU,
                                interview.interviewers[0].id, later(hours=1), NOW)
    statements: list[str] = []
    with counting(repo, statements):
        added, changed = repo.change_plan(
            interview.id, [(CheckpointKind.REFLECT, None, later(days=1))],
            [PlanChange(nudge.id, (CheckpointState.PENDING,), state=CheckpointState.CANCELLED)],
            later(minutes=5), outcome=Outcome.REJECTED)
    if repo.engine.dialect.name == "postgresql":
        assert len(statements) == 1
    assert [c.kind for c in added] == [CheckpointKind.REFLECT]
    assert changed == [replace(nudge, state=CheckpointState.CANCELLED)]
    assert repo.find_interview(interview.person_id, 1) == replace(
        interview, outcome=Outcome.REJECTED, outcome_at=later(minutes=5))
