"""The inbox of queued platform requests, on SQLite and PostgreSQL: stored in order,
claimed once, one author's requests strictly one after another, recovered after a crash."""

from __future__ import annotations

from bot.model import Platform
from storage.repository import SqlRepository
from tests.storage.conftest import NOW, later

SLACK = Platform.SLACK


def payloads(requests) -> list[str]:
    return [request.payload for request in requests]


def test_requests_are_stored_in_the_order_given_and_claimed_once(repo: SqlRepository) -> None:
    ids = repo.enqueue(SLACK, [("T:a", "1"), ("T:b", "2"), ("T:c", "3")], NOW)

    assert ids == sorted(ids)
    assert payloads(repo.claim_requests(SLACK, NOW, 10)) == ["1", "2", "3"]
    assert repo.claim_requests(SLACK, NOW, 10) == []  # claimed: nobody else gets them
    assert repo.claim_requests(Platform.DISCORD, NOW, 10) == []


def test_one_authors_next_request_waits_until_the_one_before_is_finished(
    repo: SqlRepository,
) -> None:
    repo.enqueue(SLACK, [("T:alex", "alex 1"), ("T:alex", "alex 2"), ("T:sam", "sam 1")], NOW)

    first = repo.claim_requests(SLACK, NOW, 10)
    assert payloads(first) == ["alex 1", "sam 1"]  # a second worker gets nothing of Alex's
    assert repo.claim_requests(SLACK, NOW, 10) == []
    repo.finish_request(first[0].id)
    assert payloads(repo.claim_requests(SLACK, NOW, 10)) == ["alex 2"]
    assert repo.waiting_requests(SLACK) == 2  # sam 1 and alex 2, both being answered


def test_a_dead_workers_claims_come_back_once_stale(repo: SqlRepository) -> None:
    repo.enqueue(SLACK, [("T:alex", "list")], NOW)
    [claimed] = repo.claim_requests(SLACK, NOW, 10)

    assert repo.recover_requests(claimed_before=NOW) == 0  # a fresh claim is left alone
    assert repo.recover_requests(claimed_before=later(minutes=3)) == 1
    [again] = repo.claim_requests(SLACK, later(minutes=3), 10)
    assert (again.id, again.payload, again.attempts) == (claimed.id, "list", 2)
