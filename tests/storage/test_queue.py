"""The one claim queue (storage/queue.py) on SQLite and PostgreSQL: a claim takes exactly
what it asked for, never a row another worker holds; an expired lease comes back, a
released row waits for its retry time; and each call site claims through it."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine, func, select, text

from bot.clubs.model import PostKind
from bot.model import ChannelRef, CheckpointKind, CheckpointState, Platform
from storage.database import SQLITE_IMMEDIATE, make_engine
from storage.models import CheckpointRow
from storage.repository import CHECKPOINTS, SqlRepository, open_repository
from tests.storage.conftest import NOW, later, new_interview, someone
from tests.threads import all_at_once

SLACK = Platform.SLACK
#: How long a claim is a worker's own in these tests.
LEASE = timedelta(minutes=2)


def waiting_checkpoints(repo: SqlRepository, count: int, *, platform: Platform = SLACK,
                        user: str = "U1") -> list[int]:
    """`count` pending checkpoints, one a minute, the last due a minute before NOW; their
    ids, first due first. Each is a thank-you to its own interviewer of one big panel:
    the schema keeps one active step per (interview, kind, interviewer)."""
    panel = [f"Interviewer {n}" for n in range(count)]
    interview = repo.add_interview(someone(repo, user, platform).id,
                                   new_interview("Acme", *panel), NOW)
    items = [(CheckpointKind.THANK_YOU, person.id, later(minutes=-(count - n)))
             for n, person in enumerate(interview.interviewers)]
    return [checkpoint.id for checkpoint in repo.add_checkpoints(interview.id, items, NOW)]


@pytest.fixture
def writer(repo: SqlRepository) -> Engine:
    """The repository's engine as its writers use it (BEGIN IMMEDIATE on SQLite)."""
    return repo.engine.execution_options(**{SQLITE_IMMEDIATE: True})


def claim(engine: Engine, now: datetime, limit: int) -> list[int]:
    """One worker's claim in a transaction of its own."""
    with engine.begin() as connection:
        return [row.id for row in CHECKPOINTS.claim(connection, now, limit)]


def count_in(engine: Engine, state: CheckpointState) -> int:
    with engine.connect() as connection:
        return connection.scalar(
            select(func.count()).where(CheckpointRow.state == state)) or 0


# --- the queue ----------------------------------------------------------------------------
def test_a_claim_of_n_takes_exactly_the_first_n_due_however_many_wait(
    repo: SqlRepository, writer: Engine,
) -> None:
    ids = waiting_checkpoints(repo, 200)
    repo.add_checkpoint(repo.add_interview(someone(repo, "U9").id, new_interview(), NOW).id,
                        CheckpointKind.MOVE_ON, None, later(minutes=1), NOW)  # not due yet

    assert claim(writer, NOW, 20) == ids[:20]
    assert count_in(writer, CheckpointState.SENDING) == 20
    assert count_in(writer, CheckpointState.PENDING) == 181
    assert claim(writer, NOW, 500) == ids[20:]  # the one not due stays behind
    assert claim(writer, NOW, 0) == []


def test_two_workers_claiming_at_once_never_share_a_row_and_together_take_all(
    repo: SqlRepository, database_url: str,
) -> None:
    ids = waiting_checkpoints(repo, 150)
    # An engine each, like two bot processes: each thread claims on its own connection.
    engines = [make_engine(database_url).execution_options(**{SQLITE_IMMEDIATE: True})
               for _ in range(2)]
    claims: list[list[list[int]]] = [[] for _ in engines]

    def drain(engine: Engine, batches: list[list[int]]) -> None:
        for _ in range(len(ids)):  # bounded: every round claims at least one row
            batch = claim(engine, NOW, 7)
            if not batch:
                return
            batches.append(batch)

    errors = all_at_once([partial(drain, engine, batches)
                          for engine, batches in zip(engines, claims, strict=True)])
    for engine in engines:
        engine.dispose()

    assert errors == []  # nothing raised, and no worker hung
    every_claim = [row for batches in claims for batch in batches for row in batch]
    assert len(every_claim) == len(set(every_claim)), "a row was claimed twice"
    assert sorted(every_claim) == ids
    # Each batch is at most what was asked for, in the queue's order.
    assert all(len(batch) <= 7 and batch == sorted(batch)
               for batches in claims for batch in batches)


def test_on_postgresql_a_claim_skips_rows_another_worker_holds_without_waiting(
        pg_url: str) -> None:
    """PostgreSQL only (`pg_url`): SQLite has no row locks, its writers take turns."""
    repo = open_repository(pg_url)
    ids = waiting_checkpoints(repo, 12)
    writer, other = repo.engine, make_engine(pg_url)
    try:
        with writer.begin() as first, other.begin() as second:
            held = [row.id for row in CHECKPOINTS.claim(first, NOW, 5)]
            # Waiting for the first worker's locks would be a bug: fail, do not hang.
            second.execute(text("SET LOCAL lock_timeout = '5s'"))
            taken = [row.id for row in CHECKPOINTS.claim(second, NOW, 5)]
    finally:
        other.dispose()
        repo.close()

    assert (held, taken) == (ids[:5], ids[5:10])


def test_an_expired_lease_is_recovered_and_claimable_again_one_within_it_is_not(
    repo: SqlRepository, writer: Engine,
) -> None:
    stale, fresh = waiting_checkpoints(repo, 2)
    assert claim(writer, NOW, 1) == [stale]
    assert claim(writer, later(minutes=3), 1) == [fresh]

    now = later(minutes=4)
    with writer.begin() as connection:
        assert CHECKPOINTS.recover(connection, now - LEASE) == 1  # claimed at NOW only

    assert claim(writer, now, 10) == [stale]
    with writer.begin() as connection:
        assert CHECKPOINTS.still_claimed(connection, [stale, fresh]) == {stale, fresh}
        assert CHECKPOINTS.recover(connection, now - LEASE) == 0


def test_a_released_row_is_due_again_only_at_its_retry_time(
    repo: SqlRepository, writer: Engine,
) -> None:
    [row] = waiting_checkpoints(repo, 1)
    assert claim(writer, NOW, 5) == [row]

    with writer.begin() as connection:
        CHECKPOINTS.release(connection, row, later(minutes=10))
        assert CHECKPOINTS.next_due(connection) == later(minutes=10)

    assert claim(writer, later(minutes=10) - timedelta(seconds=1), 5) == []
    with writer.begin() as connection:
        [again] = CHECKPOINTS.claim(connection, later(minutes=10), 5)
    assert (again.id, again.attempts) == (row, 1)  # the failed attempt was counted


def test_next_due_reflects_waiting_rows_only(repo: SqlRepository, writer: Engine) -> None:
    claimed, completed, waiting = waiting_checkpoints(repo, 3)
    with writer.begin() as connection:
        assert CHECKPOINTS.next_due(connection) == later(minutes=-3)

    assert claim(writer, NOW, 2) == [claimed, completed]
    with writer.begin() as connection:
        CHECKPOINTS.complete(connection, [(completed, NOW)])
        assert CHECKPOINTS.next_due(connection) == later(minutes=-1)
        assert CHECKPOINTS.next_due(
            connection, where=[CheckpointRow.platform == Platform.DISCORD]) is None
    assert claim(writer, NOW, 1) == [waiting]
    with writer.begin() as connection:
        assert CHECKPOINTS.next_due(connection) is None


# --- each call site claims through it ---------------------------------------------------------
def test_claim_due_honours_its_limit_with_many_waiting(repo: SqlRepository) -> None:
    ids = waiting_checkpoints(repo, 200)

    claimed = repo.claim_due(NOW, 20, [SLACK])

    assert [checkpoint.id for checkpoint in claimed] == ids[:20]
    assert repo.next_due_at([SLACK]) == later(minutes=-180)


def test_claim_posts_honours_its_limit_with_many_waiting(repo: SqlRepository) -> None:
    # Before storage/queue.py, PostgreSQL claimed all 200 here too.
    organiser = someone(repo)
    club = repo.create_club(ChannelRef(SLACK, "T1", "C1"), "Cohort", "Europe/Paris", 0, time(9),
                            organiser.id, NOW)
    assert club is not None
    posts = [repo.add_post(club.id, PostKind.NOTICE, f"notice {n}", "Welcome!",
                           later(minutes=n - 200), NOW) for n in range(200)]

    claimed = repo.claim_posts(NOW, 20, [SLACK])

    assert [post.id for post in claimed] == [post.id for post in posts[:20] if post]
    assert repo.next_post_due([SLACK]) == later(minutes=-180)


def test_the_inbox_claim_honours_its_limit_with_many_waiting(repo: SqlRepository) -> None:
    # Before storage/queue.py, PostgreSQL claimed all 200 here (a nested-loop semi-join
    # ran the LIMIT 20 subquery once per row); SQLite claimed 20.
    ids = repo.enqueue(SLACK, [(f"T:U{n}", f"command {n}") for n in range(200)], NOW)

    claimed = repo.claim_requests(SLACK, NOW, 20)

    assert [request.id for request in claimed] == ids[:20]
    assert repo.claim_requests(SLACK, NOW, 1000)[-1].id == ids[-1]


def test_the_inbox_limit_counts_only_each_authors_oldest_request(repo: SqlRepository) -> None:
    repo.enqueue(SLACK, [("T:alex", "alex 1"), ("T:alex", "alex 2"), ("T:sam", "sam 1"),
                         ("T:kim", "kim 1"), ("T:lee", "lee 1")], NOW)

    first = repo.claim_requests(SLACK, NOW, 3)

    assert [request.payload for request in first] == ["alex 1", "sam 1", "kim 1"]
    assert [request.payload for request in repo.claim_requests(SLACK, NOW, 3)] == ["lee 1"]
