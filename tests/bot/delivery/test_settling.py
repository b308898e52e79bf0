"""Group commit of the per-message check and confirmation (`bot.delivery.settling`), on a real
SQLite repository: callers that arrive together share a transaction, each still gets
its own answer, and a failure reaches every caller it concerns."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import pytest

from bench import seed
from bot.delivery.settling import AsyncSettler, Settler
from bot.model import CheckpointState, Platform
from bot.ports.repository import RepositoryUnavailable
from storage.repository import SqlRepository, open_repository
from tests.conftest import START

PEOPLE = 8


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[SqlRepository]:
    url = f"sqlite:///{tmp_path / 'settle.db'}"
    seed.due_reminders(url, PEOPLE * 2, Platform.SLACK)
    repository = open_repository(url)
    yield repository
    repository.engine.dispose()


class Counting:
    """`repo.settle`, counted; the first call can be held so that others queue behind it."""

    def __init__(self, repo: SqlRepository, *, hold_first: bool = False) -> None:
        self.repo = repo
        self.calls: list[tuple[int, int]] = []
        self.release = threading.Event()
        if not hold_first:
            self.release.set()
        self.fail_with: Exception | None = None

    def __call__(self, sent: Sequence[tuple[int, datetime]], check: Sequence[int]) -> set[int]:
        first = not self.calls
        self.calls.append((len(sent), len(check)))
        if first:
            assert self.release.wait(5)
        if self.fail_with is not None:
            raise self.fail_with
        return self.repo.settle(sent, check)


def claimed(repo: SqlRepository) -> list[int]:
    """The seeded reminders, claimed (SENDING) as a sender would hold them."""
    return [cp.id for cp in repo.claim_due(seed.NOW, PEOPLE * 2, [Platform.SLACK])]


def states(repo: SqlRepository, ids: Sequence[int]) -> list[CheckpointState]:
    found = [repo.get_checkpoint(i) for i in ids]
    return [cp.state for cp in found if cp is not None]


def test_threads_that_arrive_together_share_a_commit_and_each_get_their_own_answer(repo):
    ids = claimed(repo)
    to_confirm, to_check = ids[:PEOPLE], ids[PEOPLE:]
    repo.settle([(to_check[0], START)], [])  # one of the checked ones went out already
    settle = Counting(repo, hold_first=True)
    settler = Settler(settle)
    answers: dict[int, bool] = {}

    def sender(n: int) -> None:
        settler.confirm(to_confirm[n], START)
        answers[to_check[n]] = settler.still_wanted(to_check[n])

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)  # the others queue behind the first, which is held
    settle.release.set()
    for thread in threads:
        thread.join(5)

    assert states(repo, to_confirm) == [CheckpointState.SENT] * PEOPLE
    assert answers == {i: i != to_check[0] for i in to_check}
    requests = sum(sent + check for sent, check in settle.calls)
    assert requests == 2 * PEOPLE
    assert len(settle.calls) < requests  # shared, not one transaction each


def test_a_failed_commit_is_raised_in_every_thread_that_shared_it(repo):
    ids = claimed(repo)
    settle = Counting(repo, hold_first=True)
    settle.fail_with = RepositoryUnavailable("database is down")
    settler = Settler(settle)
    errors: list[Exception] = []

    def sender(checkpoint_id: int) -> None:
        try:
            settler.confirm(checkpoint_id, START)
        except RepositoryUnavailable as error:
            errors.append(error)

    threads = [threading.Thread(target=sender, args=(i,)) for i in ids[:4]]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    settle.release.set()
    for thread in threads:
        thread.join(5)

    assert len(errors) == 4  # nobody goes on as if their message were recorded
    assert states(repo, ids[:4]) == [CheckpointState.SENDING] * 4


def test_coroutines_share_the_database_thread_and_each_get_their_own_answer(repo):
    ids = claimed(repo)
    to_confirm, to_check = ids[:PEOPLE], ids[PEOPLE:]
    repo.settle([(to_check[-1], START)], [])
    settle = Counting(repo)
    settler = AsyncSettler(settle)

    async def sender(n: int) -> bool:
        await settler.confirm(to_confirm[n], START)
        return await settler.still_wanted(to_check[n])

    async def all_senders() -> list[bool]:
        return await asyncio.gather(*(sender(n) for n in range(PEOPLE)))

    answers = asyncio.run(all_senders())

    assert answers == [True] * (PEOPLE - 1) + [False]
    assert states(repo, to_confirm) == [CheckpointState.SENT] * PEOPLE
    assert len(settle.calls) < 2 * PEOPLE


def test_the_database_thread_ends_when_idle_and_comes_back_on_demand(repo):
    ids = claimed(repo)
    settler = AsyncSettler(repo.settle)
    settler.IDLE_SECONDS = 0.05

    others = {t for t in threading.enumerate() if t.name == "settle"}  # earlier tests'

    def settle_threads() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name == "settle"} - others

    assert asyncio.run(settler.still_wanted(ids[0]))
    for _ in range(100):  # bounded: up to 5 s
        if not settle_threads():
            break
        time.sleep(0.05)
    assert not settle_threads()

    asyncio.run(settler.confirm(ids[0], START))
    assert states(repo, ids[:1]) == [CheckpointState.SENT]


def test_a_failure_reaches_each_waiting_coroutine(repo):
    settle = Counting(repo)
    settle.fail_with = RepositoryUnavailable("database is down")
    settler = AsyncSettler(settle)

    async def both() -> list[object]:
        return await asyncio.gather(settler.still_wanted(1), settler.confirm(2, START),
                                    return_exceptions=True)

    results = asyncio.run(both())

    assert [type(result) for result in results] == [RepositoryUnavailable] * 2


def test_a_confirmation_and_the_next_check_go_as_one_request(repo):
    ids = claimed(repo)
    repo.settle([(ids[2], START)], [])  # the third went out already (by another worker)
    settle = Counting(repo)
    settler = AsyncSettler(settle)

    async def lane() -> list[bool]:
        return [await settler.confirm_and_check((ids[0], START), ids[1]),
                await settler.confirm_and_check((ids[1], START), ids[2])]

    assert asyncio.run(lane()) == [True, False]
    assert settle.calls == [(1, 1), (1, 1)]  # one transaction each, not two
    assert states(repo, ids[:3]) == [CheckpointState.SENT] * 3


def test_coroutines_of_one_loop_turn_reach_the_database_thread_together(repo):
    ids = claimed(repo)
    settle = Counting(repo)
    settler = AsyncSettler(settle)

    async def all_at_once() -> list[bool]:
        return list(await asyncio.gather(*(settler.still_wanted(i) for i in ids)))

    assert asyncio.run(all_at_once()) == [True] * len(ids)
    assert settle.calls == [(0, len(ids))]  # asked in one turn: one transaction
