"""The request budget shared through PostgreSQL by every process with one bot token.

Threads with connections of their own stand for processes; each take is a reservation,
so the schedule of slots the database hands out is what is checked: never more than
Discord's 50 in any one-second window however the takes interleave, each taker's slots
in the order it asked, and the same arithmetic as the in-memory bucket. The row is keyed
by a hash; the token is never stored.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError

from bot.delivery.budget import LocalBudget, budget_key, slots_in_any_window
from storage.models import RequestBudgetRow
from storage.repository import open_repository
from storage.request_budget import Grant, SharedBudget, shared_budget

LIMIT = 50
RATE, BURST = 48.0, 1.0
TOKEN = "MTE4MDAwMDAwMDAwMDAwMDAwMQ.GbUdGt.not-a-real-token-but-shaped-like-one"
KEY = budget_key("discord", TOKEN)


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    repo = open_repository(pg_url)  # migrated to the newest revision
    yield repo.engine
    repo.close()


def test_concurrent_takers_never_get_more_than_the_budget_in_any_second(
        engine: Engine) -> None:
    threads, each = 8, 40
    granted: dict[int, list[Grant]] = {n: [] for n in range(threads)}
    start = threading.Barrier(threads)

    def process(n: int) -> None:
        budget = SharedBudget(engine, KEY, rate=RATE, burst=BURST)  # one per process
        start.wait()
        for _ in range(each):
            granted[n].append(budget.take())

    workers = [threading.Thread(target=process, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)

    slots = [grant.slot for grants in granted.values() for grant in grants]
    assert len(slots) == threads * each
    assert slots_in_any_window(slots) <= BURST + RATE <= LIMIT
    assert len(set(slots)) == len(slots)  # no slot given twice
    for grants in granted.values():  # each taker is served in the order it asked
        assert [g.slot for g in grants] == sorted(g.slot for g in grants)


def test_the_database_runs_the_same_arithmetic_as_the_bucket_in_memory(
        engine: Engine) -> None:
    moments = [0.0, 0.0, 0.001, 0.01, 0.01, 0.5, 3.0, 3.0, 3.0, 2.9, 10.0]
    clock = iter(moments)
    shared = [SharedBudget(engine, KEY, rate=RATE, burst=2, clock=lambda: next(clock))
              for _ in range(2)]  # two processes, taking in turn
    local_clock = iter(moments)
    local = LocalBudget(RATE, 2, monotonic=lambda: next(local_clock))

    in_database = [shared[n % 2].reserve() for n in range(len(moments))]
    in_memory = [local.reserve() for _ in moments]
    assert in_database == pytest.approx(in_memory, abs=1e-9)


def test_the_row_is_keyed_by_a_hash_and_holds_no_token(engine: Engine) -> None:
    SharedBudget(engine, KEY, rate=RATE, burst=BURST).reserve()
    SharedBudget(engine, KEY, rate=RATE, burst=BURST).reserve()  # a second process

    with engine.connect() as connection:
        rows = connection.execute(select(RequestBudgetRow.__table__)).all()
    assert [row.key for row in rows] == [KEY]  # one row per token, not per process
    assert not any(TOKEN in str(value) or "GbUdGt" in str(value) for value in rows[0])


def test_the_database_refuses_a_key_that_is_not_a_hash(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("INSERT INTO request_budgets (key, tokens, stamp) "
                                "VALUES (:key, 1, 0)"), {"key": TOKEN[:40]})
    with pytest.raises(ValueError):
        SharedBudget(engine, TOKEN, rate=RATE, burst=BURST)


def test_sqlite_has_no_shared_budget_its_one_process_paces_itself(tmp_path: Path) -> None:
    repo = open_repository(f"sqlite:///{tmp_path / 'one.db'}")
    try:
        assert shared_budget(repo.engine, KEY, rate=RATE, burst=BURST) is None
    finally:
        repo.close()
