"""Requests applied once, as the schema keeps it (SQLite and PostgreSQL): one answer per
key, one inbox row per request key, and leases that only a renewal keeps alive."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from bot.model import Platform
from storage.answers import KEEP_ANSWERS, PURGE_EVERY
from storage.inbox import InboxAppender
from storage.repository import SqlRepository
from tests.storage.conftest import NOW, later, someone

SLACK = Platform.SLACK


def test_the_database_refuses_a_second_answer_for_one_key(repo: SqlRepository) -> None:
    person = someone(repo)
    repo.record_answer("slack:command:abc", person.id, ("Added #1",), NOW)

    with pytest.raises(IntegrityError):
        repo.record_answer("slack:command:abc", person.id, ("Added #2",), later(seconds=1))
    stored = repo.answer_for("slack:command:abc")
    assert stored is not None and stored.texts == ("Added #1",)


def test_answers_are_forgotten_after_a_day_and_with_their_person(repo: SqlRepository) -> None:
    alex, sam = someone(repo, "U1"), someone(repo, "U2")
    repo.record_answer("old", alex.id, ("a",), NOW)
    repo.record_answer("alex", alex.id, ("b",), later(hours=23))
    repo.record_answer("sam", sam.id, ("c",), later(days=1, minutes=1))  # forgets "old"

    assert repo.answered_keys() == ["alex", "sam"]
    repo.forget_person(alex.id)
    assert repo.answered_keys() == ["sam"]


@contextmanager
def purges(repo: SqlRepository) -> Iterator[list[str]]:
    """The DELETEs of old answers sent meanwhile (alone, or as a recording's CTE)."""
    sent: list[str] = []

    def note(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "DELETE FROM answered_requests" in statement:
            sent.append(statement)

    event.listen(repo.engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(repo.engine, "before_cursor_execute", note)


@pytest.mark.parametrize("in_a_unit", [False, True], ids=["alone", "in a unit"])
def test_old_answers_are_purged_at_most_once_a_purge_interval(
        repo: SqlRepository, in_a_unit: bool) -> None:
    person = someone(repo)

    def record(key: str, at: Any) -> None:
        if not in_a_unit:
            repo.record_answer(key, person.id, (key,), at)
            return
        with repo.serialised(person.id, request=key):
            repo.record_answer(key, person.id, (key,), at)

    with purges(repo) as sent:
        record("old", NOW)  # the first recording purges
        assert len(sent) == 1
        record("recent", NOW + KEEP_ANSWERS - PURGE_EVERY / 2)  # purges; "old" too young
        assert len(sent) == 2
        # Past a day, but within PURGE_EVERY of the last purge: "old" stays a little longer.
        record("soon", NOW + KEEP_ANSWERS + PURGE_EVERY / 4)
        assert len(sent) == 2 and "old" in repo.answered_keys()
        record("later", NOW + KEEP_ANSWERS + PURGE_EVERY)  # an interval on: purged
        assert len(sent) == 3

    assert repo.answered_keys() == ["recent", "soon", "later"]


def test_a_request_key_is_stored_once_however_it_is_written(repo: SqlRepository) -> None:
    first = repo.enqueue(SLACK, [("T:a", "list", "key-1"), ("T:a", "list", "key-1"),
                                 ("T:b", "help", None), ("T:b", "help", None)], NOW)
    appender = InboxAppender(repo)  # the web process's way in (raw SQL on PostgreSQL)
    try:
        appender.append(SLACK, [("T:a", "list", "key-1"), ("T:c", "add", "key-2"),
                                ("T:c", "add", "key-2")], NOW)
    finally:
        appender.close()

    assert len(first) == 3  # no key: never a repeat
    claimed = repo.claim_requests(SLACK, NOW, 10)
    assert sorted((r.key or "", r.payload) for r in claimed) == [
        ("", "help"), ("key-1", "list"), ("key-2", "add")]
    assert repo.waiting_requests(SLACK) == 4


def test_only_a_renewed_claim_outlives_its_lease(repo: SqlRepository) -> None:
    repo.enqueue(SLACK, [("T:a", "1"), ("T:b", "2")], NOW)
    kept, dropped = repo.claim_requests(SLACK, NOW, 10)

    assert repo.renew_requests([kept.id], later(seconds=8)) == 1  # its heartbeat
    assert repo.recover_requests(later(seconds=5)) == 1  # the other's lease ran out
    assert [r.id for r in repo.claim_requests(SLACK, later(seconds=9), 10)] == [dropped.id]
    assert repo.renew_requests([dropped.id, 999], later(seconds=9)) == 1  # claimed rows only


def test_an_answer_recorded_in_a_unit_is_kept_only_if_the_unit_commits(
        repo: SqlRepository) -> None:
    person = someone(repo)
    with pytest.raises(RuntimeError), repo.serialised(person.id, request="gone"):
        repo.record_answer("gone", person.id, ("Added #1",), NOW)
        raise RuntimeError("the unit failed after its answer was recorded")
    with repo.serialised(person.id, request="kept"):
        repo.record_answer("kept", person.id, ("Added #2",), NOW)

    assert repo.answered_keys() == ["kept"]


def test_a_unit_reads_the_answer_it_recorded_and_a_second_one_for_the_key_fails_it(
        repo: SqlRepository) -> None:
    person = someone(repo)
    with repo.serialised(person.id, request="key"):
        repo.record_answer("key", person.id, ("Added #1",), NOW)
        stored = repo.answer_for("key")  # what the unit did comes before this read
        assert stored is not None and stored.texts == ("Added #1",)

    with pytest.raises(IntegrityError), repo.serialised(person.id, request="key"):
        repo.record_answer("key", person.id, ("Added #2",), later(seconds=1))
    stored = repo.answer_for("key")
    assert stored is not None and stored.texts == ("Added #1",)
