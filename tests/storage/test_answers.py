"""Requests applied once, as the schema keeps it (SQLite and PostgreSQL): one answer per
key, one inbox row per request key, and leases that only a renewal keeps alive."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from bot.model import Platform
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
