"""Several answering processes drain one inbox: each person's commands are answered in the
order sent, each once, none lost, and a worker killed mid-command is taken over.

The web process is the real Bolt app with a `CommandInbox`; each worker is the real
`InboxWorker` on a runtime (engine, connections) of its own on the same database, as a
`clock` or `answer` process would be; answers reach the Slack stand-in's `response_url`.
Waits are bounded; nothing asserts how long anything took.
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from adapters.slack.answering import SlackCoach
from adapters.slack.inbox import CommandInbox, InboxWorker
from adapters.slack.sender import interactive_client
from bot.model import Platform
from bot.ports.clock import SimulatedClock
from tests.adapters.slack.conftest import TOKEN, Slack, serve
from tests.conftest import START
from tests.lease_worker import RunningClock
from tests.processes import WorkerProcess
from tests.standins.slack_api import SlackApiStandIn, shown_text

PEOPLE = 6
EACH = 4  # commands per person, sent interleaved with everyone else's
WORKERS = 3
SHORT_LEASE = timedelta(seconds=2)
ADDED = re.compile(r"Added #(\d+): analyst at Co(\d+)x(\d+)")


def add(person: int, k: int) -> str:
    return f"add Co{person}x{k}, analyst, today 2pm with Jane Smith"


@pytest.fixture
def settings_on_db(db_settings: Settings, slack_settings: Settings) -> Settings:
    """Slack's settings on SQLite and, where a server is set up, PostgreSQL."""
    return slack_settings.model_copy(update={"database_url": db_settings.database_url})


def web_process(runtime: Runtime, settings: Settings, api: SlackApiStandIn
                ) -> tuple[Slack, CommandInbox]:
    inbox = CommandInbox(runtime.repo, runtime.clock)
    return serve(runtime, settings, api, inbox), inbox


def worker_on(runtime: Runtime, settings: Settings, **options: object) -> InboxWorker:
    return InboxWorker(SlackCoach(runtime, interactive_client(settings)), **options)  # type: ignore[arg-type]


def drain_until_empty(worker: InboxWorker, repo: object, stop: threading.Event) -> int:
    """Drain, again and again, until nothing waits (bounded): a drain that finds only
    commands whose author's earlier one another worker holds answers nothing."""
    answered = 0
    for _ in range(1200):
        answered += worker.drain()
        if stop.is_set() or not repo.waiting_requests(Platform.SLACK):  # type: ignore[attr-defined]
            break
        time.sleep(0.02)
    return answered


@pytest.fixture
def workers(settings_on_db: Settings, clock: SimulatedClock) -> Iterator[list[InboxWorker]]:
    """`WORKERS` answering processes: a runtime each, all on the same database."""
    runtimes = [build_runtime(settings_on_db, clock) for _ in range(WORKERS)]
    yield [worker_on(runtime, settings_on_db) for runtime in runtimes]
    for runtime in runtimes:
        runtime.stop()


def test_several_workers_answer_each_persons_commands_once_and_in_the_order_sent(
        settings_on_db: Settings, clock: SimulatedClock, slack_api: SlackApiStandIn,
        workers: list[InboxWorker]) -> None:
    runtime = build_runtime(settings_on_db, clock)
    web, inbox = web_process(runtime, settings_on_db, slack_api)
    stop = threading.Event()
    try:
        for k in range(1, EACH + 1):  # interleaved: everyone's first, then everyone's second…
            for person in range(PEOPLE):
                assert web.workspace.command(f"U{person:04d}", add(person, k)).status == 200
        assert runtime.repo.waiting_requests(Platform.SLACK) == PEOPLE * EACH
        with ThreadPoolExecutor(WORKERS) as pool:
            drains = [pool.submit(drain_until_empty, worker, runtime.repo, stop)
                      for worker in workers]
            answered = [d.result(timeout=120) for d in drains]
        replies = slack_api.wait_for("response_url", PEOPLE * EACH, timeout=30)
        slack_api.settle(quiet=0.3)
        replies = slack_api.calls("response_url")
    finally:
        stop.set()
        web.stop()
        inbox.close()
    assert sum(answered) == PEOPLE * EACH  # none lost, none answered twice
    assert len([w for w in answered if w]) > 1  # the work was shared
    arrived: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for reply in replies:  # in the order the answers reached Slack
        found = ADDED.search(shown_text(reply.args))
        assert found, shown_text(reply.args)
        number, person, k = map(int, found.groups())
        arrived[person].append((k, number))
    assert len(replies) == PEOPLE * EACH  # each command answered exactly once
    for person in range(PEOPLE):
        # Answered in the order sent, and applied in that order: the k-th add is #k.
        assert arrived[person] == [(k, k) for k in range(1, EACH + 1)], person
    assert runtime.repo.waiting_requests(Platform.SLACK) == 0
    runtime.stop()


def test_a_worker_killed_mid_command_is_taken_over_and_the_persons_next_waits_for_it(
        settings_on_db: Settings, slack_api: SlackApiStandIn) -> None:
    """One worker (a process of its own) claims a person's first command and is killed
    while answering it; the person's second is queued behind it. The live worker leaves
    that second command alone while the first is held; once the dead worker's lease has
    run out it answers the first, then the second: in order, each once."""
    clock = RunningClock(START, time.time())
    runtime = build_runtime(settings_on_db, clock)
    web, inbox = web_process(runtime, settings_on_db, slack_api)
    users_info = slack_api.hold("users.info")  # a person's first command looks them up
    killed: WorkerProcess | None = None
    try:
        web.workspace.command("U0000", add(0, 1))
        killed = WorkerProcess("inbox", settings_on_db.database_url, clock, SHORT_LEASE,
                               env={"SLACK_BOT_TOKEN": TOKEN,
                                    "SLACK_API_URL": slack_api.url})
        users_info.wait_held(timeout=60)  # it claimed the command and is answering it
        web.workspace.command("U0000", add(0, 2))  # behind the first, same person
        live = worker_on(runtime, settings_on_db, lease=SHORT_LEASE)
        assert live.drain() == 0  # the second waits for the first, held by the other
        killed.kill()
        users_info.release()
        answered = 0
        for _ in range(600):  # bounded: 60 s at most
            answered += live.drain()
            if answered == 2:
                break
            time.sleep(0.1)
        replies = slack_api.wait_for("response_url", 2, timeout=30)
        slack_api.settle(quiet=0.3)
        replies = slack_api.calls("response_url")
    finally:
        users_info.release()
        if killed is not None and killed.process.poll() is None:
            killed.kill()
        web.stop()
        inbox.close()
    found = [ADDED.search(shown_text(reply.args)) for reply in replies]
    assert [m.groups() if m else None for m in found] == [("1", "0", "1"), ("2", "0", "2")]
    assert answered == 2
    assert runtime.repo.waiting_requests(Platform.SLACK) == 0
    runtime.stop()
