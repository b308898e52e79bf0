"""The inbox of queued platform requests, on SQLite and PostgreSQL: stored in order,
claimed once, one author's requests strictly one after another, recovered after a crash."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from bot.model import Platform
from bot.ports.repository import RepositoryUnavailable
from storage import database
from storage.inbox import InboxAppender
from storage.repository import SqlRepository, open_repository
from tests.conftest import NEEDS_POSTGRES, POSTGRES_URL, fresh_postgres_schema
from tests.storage.conftest import NOW, later, someone

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


def test_a_worker_finishes_its_answered_batch_together_and_only_those_rows_go(
    repo: SqlRepository,
) -> None:
    repo.enqueue(SLACK, [("T:alex", "alex 1"), ("T:alex", "alex 2"), ("T:sam", "sam 1"),
                         ("T:kim", "kim 1")], NOW)
    alex, sam, _kim = repo.claim_requests(SLACK, NOW, 10)

    repo.finish_requests([alex.id, sam.id])
    assert payloads(repo.claim_requests(SLACK, NOW, 10)) == ["alex 2"]
    assert repo.waiting_requests(SLACK) == 2  # kim 1 (still being answered) and alex 2
    repo.finish_requests([])  # nothing answered: nothing sent
    assert repo.waiting_requests(SLACK) == 2


def test_a_dead_workers_claims_come_back_once_stale(repo: SqlRepository) -> None:
    repo.enqueue(SLACK, [("T:alex", "list")], NOW)
    [claimed] = repo.claim_requests(SLACK, NOW, 10)

    assert repo.recover_requests(claimed_before=NOW) == 0  # a fresh claim is left alone
    assert repo.recover_requests(claimed_before=later(minutes=3)) == 1
    [again] = repo.claim_requests(SLACK, later(minutes=3), 10)
    assert (again.id, again.payload, again.attempts) == (claimed.id, "list", 2)


def test_the_web_processs_appender_stores_in_order_on_its_own_connection(
    repo: SqlRepository,
) -> None:
    appender = InboxAppender(repo)
    try:
        appender.append(SLACK, [("T:alex", "alex 1"), ("T:sam", "sam 1")], NOW)
        appender.append(SLACK, [("T:alex", "alex 2")], NOW)
        appender.append(SLACK, [], NOW)
    finally:
        appender.close()

    assert payloads(repo.claim_requests(SLACK, NOW, 10)) == ["alex 1", "sam 1"]
    assert repo.waiting_requests(SLACK) == 3
    # The pool's connections were left as they were: transactions still roll back.
    with pytest.raises(RuntimeError), repo._connection(write=True) as connection:
        connection.execute(text("DELETE FROM inbox"))
        raise RuntimeError("abandon the transaction")
    assert repo.waiting_requests(SLACK) == 3


@pytest.mark.skipif(not POSTGRES_URL, reason="needs a PostgreSQL server (.ci/run starts one; "
                    "CI fails rather than skip)")
def test_the_appender_replaces_a_connection_the_server_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.2)
    with fresh_postgres_schema() as url:
        repo = open_repository(url)
        appender = InboxAppender(repo)
        try:
            appender.append(SLACK, [("T:alex", "1")], NOW)
            _end_appender_sessions(repo)
            # Dropped while in use: this write fails plainly, and the next one reconnects.
            with pytest.raises(RepositoryUnavailable):
                appender.append(SLACK, [("T:alex", "2")], NOW)
            appender.append(SLACK, [("T:alex", "3")], NOW)
            # Dropped while idle: the ping before the write finds out; nothing fails.
            _end_appender_sessions(repo)
            time.sleep(0.3)
            appender.append(SLACK, [("T:alex", "4")], NOW)
            stored = []
            for _ in range(4):  # one author's requests come one at a time
                [request] = repo.claim_requests(SLACK, NOW, 10) or [None]
                if request is None:
                    break
                stored.append(request.payload)
                repo.finish_request(request.id)
            assert stored == ["1", "3", "4"]
        finally:
            appender.close()
            repo.close()


def _end_appender_sessions(repo: SqlRepository) -> None:
    """End the server sessions whose last statement was an inbox INSERT (the appender's)."""
    with repo.engine.begin() as connection:
        ended = connection.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND query LIKE 'INSERT INTO inbox%'")).scalar_one()
    assert ended >= 1


def test_an_answered_rows_delete_rides_with_the_threads_next_unit_and_only_if_it_commits(
    repo: SqlRepository,
) -> None:
    person = someone(repo)
    repo.enqueue(SLACK, [("T:a", "1"), ("T:b", "2"), ("T:c", "3")], NOW)
    first, second, third = repo.claim_requests(SLACK, NOW, 10)
    if not repo.finish_request_with_next_unit(first.id):  # SQLite: finished at once
        assert repo.engine.dialect.name == "sqlite"
        return
    assert repo.waiting_requests(SLACK) == 3  # nothing sent yet

    with pytest.raises(RuntimeError), repo.serialised(person.id, request="k1"):
        repo.record_answer("k1", person.id, ("a",), NOW)
        raise RuntimeError("this unit rolls back")
    assert repo.waiting_requests(SLACK) == 3  # still waiting for a unit that commits

    with repo.serialised(person.id, request="k2"):
        repo.record_answer("k2", person.id, ("b",), NOW)
    assert repo.waiting_requests(SLACK) == 2 and repo.answered_keys() == ["k2"]

    repo.finish_request_with_next_unit(second.id)
    repo.finish_request_with_next_unit(third.id)  # one a thread: the second goes now
    assert repo.waiting_requests(SLACK) == 1
    assert repo.take_unfinished_riders() == [third.id]
    assert repo.take_unfinished_riders() == []


# Planner statistics are PostgreSQL's, so only its run is taken (CI always has a server).
@pytest.mark.parametrize("database_url", [pytest.param("postgresql", marks=NEEDS_POSTGRES)],
                         indirect=True)
def test_a_backlogs_claim_walks_the_ids_in_order_once_the_inbox_statistics_see_it(
    repo: SqlRepository,
) -> None:
    assert repo.engine.dialect.name == "postgresql"
    with repo.engine.begin() as connection:
        connection.execute(text("ANALYZE inbox"))  # as autovacuum left it: nothing waits
    repo.enqueue(SLACK, [(f"T:{n % 60}", str(n)) for n in range(600)], NOW)

    batch = repo.claim_requests(SLACK, NOW, 20)  # a full batch: a backlog is there

    assert payloads(batch) == [str(n) for n in range(20)]
    with repo.engine.connect() as connection:
        plan = "\n".join(str(line) for line in connection.execute(text(
            "EXPLAIN SELECT inbox.id FROM inbox WHERE inbox.state = 'waiting' AND NOT EXISTS "
            "(SELECT 1 FROM inbox AS older WHERE older.author = inbox.author AND "
            "older.id < inbox.id) ORDER BY inbox.id LIMIT 20 FOR UPDATE SKIP LOCKED")).scalars())
    # Planned on the old statistics it read every waiting row and sorted them.
    assert "Sort" not in plan and "pk_inbox" in plan
