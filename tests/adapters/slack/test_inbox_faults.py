"""The inbox worker under faults: killed with SIGKILL mid-answer, the database down while
it answers, idle for long, and woken by PostgreSQL's NOTIFY.

Signed HTTP requests go to the real Bolt app with a `CommandInbox`; the real
`InboxWorker` answers through the loopback Slack stand-in. Waits are bounded; nothing
asserts how long something took (the figures printed are for docs/RELIABILITY.md).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from adapters.slack.answering import SlackCoach
from adapters.slack.inbox import (
    IDLE_FIRST,
    IDLE_MAX,
    OUTAGE_MAX,
    WAITING_FOR_DATABASE,
    CommandInbox,
    InboxWorker,
    stored_fields,
)
from adapters.slack.sender import interactive_client
from bot.delivery.lease import LEASE
from bot.model import Platform
from bot.ports.clock import SimulatedClock
from tests.adapters.slack.conftest import TOKEN, USER, Slack, serve
from tests.conftest import START
from tests.lease_worker import RunningClock
from tests.processes import WorkerProcess
from tests.standins.slack_api import SlackApiStandIn, shown_text
from tests.standins.tcp_proxy import TcpProxy

ADD = "add Acme, data analyst, today 2pm with Jane Smith"
SHORT_LEASE = timedelta(seconds=2)


def worker_for(settings: Settings, runtime: Runtime, **options: Any) -> InboxWorker:
    return InboxWorker(SlackCoach(runtime, interactive_client(settings)), **options)


def web_process(runtime: Runtime, settings: Settings, api: SlackApiStandIn
                ) -> tuple[Slack, CommandInbox]:
    inbox = CommandInbox(runtime.repo, runtime.clock)
    return serve(runtime, settings, api, inbox), inbox


# --- kill -9 mid-answer -----------------------------------------------------------------
def test_a_command_a_killed_worker_was_answering_is_answered_within_seconds(
        db_settings: Settings, slack_settings: Settings, slack_api: SlackApiStandIn
) -> None:
    settings = slack_settings.model_copy(update={"database_url": db_settings.database_url})
    clock = RunningClock(START, time.time())
    runtime = build_runtime(settings, clock)
    web, inbox = web_process(runtime, settings, slack_api)
    users_info = slack_api.hold("users.info")
    killed: WorkerProcess | None = None
    try:
        web.workspace.command(USER, ADD)
        killed = WorkerProcess("inbox", settings.database_url, clock, SHORT_LEASE, env={
            "SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack_api.url})
        users_info.wait_held(timeout=60)  # it claimed the command and is answering it
        live = worker_for(settings, runtime, lease=SHORT_LEASE)
        time.sleep(3 * SHORT_LEASE.total_seconds())  # three leases: only renewal keeps it
        assert live.drain() == 0  # a live worker's claim is left alone
        killed.kill()
        killed_at = time.monotonic()
        users_info.release()
        answered = 0
        for _ in range(600):  # bounded: 60 s at most
            answered = live.drain()
            if answered:
                break
            time.sleep(0.1)
        taken_over_in = time.monotonic() - killed_at
    finally:
        users_info.release()
        if killed is not None and killed.process.poll() is None:
            killed.kill()
        web.stop()
        inbox.close()
    [reply] = slack_api.wait_for("response_url")
    assert answered == 1 and "Added #1" in shown_text(reply.args)
    assert len(web.interviews()) == 1
    runtime.stop()
    print(f"\n{settings.database_url.split(':')[0]}: a killed worker's command was "
          f"answered {taken_over_in:.1f} s after the kill (lease "
          f"{SHORT_LEASE.total_seconds():.0f} s)")


# --- a database outage ------------------------------------------------------------------
@pytest.fixture
def proxy(pg_url: str) -> Iterator[TcpProxy]:
    url = make_url(pg_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    yield proxy
    proxy.cut()


def through(proxy: TcpProxy, url: str) -> str:
    return make_url(url).set(host="127.0.0.1", port=proxy.port) \
        .render_as_string(hide_password=False)


def test_an_outage_after_the_answer_went_out_never_answers_the_command_twice(
        pg_url: str, proxy: TcpProxy, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock) -> None:
    """The answer reached Slack, then the database went away before the worker could
    remove the command's row: once it is back, the row is finished, not answered again
    (its lease long run out by then)."""
    settings = slack_settings.model_copy(update={"database_url": pg_url})
    runtime = build_runtime(settings, clock)
    web, inbox = web_process(runtime, settings, slack_api)
    worker_runtime = build_runtime(
        settings.model_copy(update={"database_url": through(proxy, pg_url)}), clock)
    worker = worker_for(settings, worker_runtime)
    finish = worker.repo.finish_request
    cuts = []

    def cut_then_finish(request_id: int) -> None:
        if not cuts:  # the outage starts just after the first answer was posted
            cuts.append(request_id)
            proxy.cut()
        finish(request_id)

    worker.repo.finish_request = cut_then_finish  # type: ignore[method-assign]
    try:
        web.workspace.command(USER, ADD)
        for _ in range(4):  # rounds during the outage
            worker.step()
        proxy.start()
        clock.advance(LEASE + timedelta(seconds=1))  # any lease has run out
        for _ in range(20):  # bounded: the pool finds its connections dead, then recovers
            if worker.step() == 0:
                break
    finally:
        web.stop()
        inbox.close()
        worker_runtime.stop()

    said = [shown_text(call.args) for call in slack_api.calls("response_url")]
    assert cuts and sum("Added #1" in text for text in said) == 1, said
    assert len(web.interviews()) == 1
    with runtime.repo.engine.connect() as db:
        assert db.exec_driver_sql("SELECT count(*) FROM inbox").scalar() == 0  # finished
    runtime.stop()


def test_an_outage_while_answering_applies_the_command_once_when_the_database_is_back(
        pg_url: str, proxy: TcpProxy, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock, caplog: pytest.LogCaptureFixture) -> None:
    settings = slack_settings.model_copy(update={"database_url": pg_url})
    runtime = build_runtime(settings, clock)
    web, inbox = web_process(runtime, settings, slack_api)
    worker_runtime = build_runtime(
        settings.model_copy(update={"database_url": through(proxy, pg_url)}), clock)
    worker = worker_for(settings, worker_runtime)
    users_info = slack_api.hold("users.info")
    try:
        web.workspace.command(USER, ADD)
        with ThreadPoolExecutor(max_workers=1) as pool:
            first = pool.submit(worker.step)
            users_info.wait_held()  # claimed, and being answered…
            proxy.cut()  # …when the database goes away
            users_info.release()
            waits = [first.result(timeout=60)]
        waits += [worker.step() for _ in range(8)]
        proxy.start()
        clock.advance(LEASE + timedelta(seconds=1))  # its claim's lease has run out
        for _ in range(20):  # bounded: the pool finds its connections dead, then recovers
            if worker.step() == 0:
                break
    finally:
        web.stop()
        inbox.close()
        worker_runtime.stop()

    said = [shown_text(call.args) for call in slack_api.wait_for("response_url", 2)]
    assert said[0] == WAITING_FOR_DATABASE and "Added #1" in said[1]
    assert not any("try again" in text for text in said)
    assert len(web.interviews()) == 1  # applied once, after the outage
    runtime.stop()
    assert waits == sorted(waits) and waits[-1] == OUTAGE_MAX  # capped exponential
    worker_lines = [r for r in caplog.records if r.name == "adapters.slack.inbox"
                    and r.levelno >= logging.INFO]
    assert [r.getMessage().split(" (")[0].split(" after")[0] for r in worker_lines
            if "the database is" in r.getMessage()] == [
        "the database is unavailable", "the database is back"]  # one line each way
    assert all(r.exc_info is None for r in caplog.records)  # no traceback storm


# --- idle ---------------------------------------------------------------------------------
def test_an_idle_worker_without_listen_backs_off_to_a_slow_poll(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    worker = worker_for(slack_settings, runtime)  # SQLite: nothing to LISTEN to
    waits = [worker.step() for _ in range(8)]
    assert waits[0] == IDLE_FIRST and waits == sorted(waits) and waits[-1] == IDLE_MAX

    web, inbox = web_process(runtime, slack_settings, slack_api)
    try:
        web.workspace.command(USER, "help")
        assert worker.step() == 0  # work: look again at once
        assert worker.step() == IDLE_FIRST  # and idle again from the start
    finally:
        web.stop()
        inbox.close()


def test_on_postgresql_an_idle_worker_sends_no_statement_and_a_notify_wakes_it(
        pg_url: str, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock) -> None:
    settings = slack_settings.model_copy(update={"database_url": pg_url})
    worker_runtime = build_runtime(settings, clock)
    statements: list[str] = []
    event.listen(worker_runtime.repo.engine, "before_cursor_execute",
                 lambda *args: statements.append(args[2]))
    worker = worker_for(settings, worker_runtime, safety_poll=60.0).start()
    web_runtime = build_runtime(settings, clock)  # another process: it cannot wake() it
    web, inbox = web_process(web_runtime, settings, slack_api)
    try:
        idle = threading.Event()
        looked = -1
        for _ in range(40):  # bounded: the worker has looked once and waits
            if len(statements) == looked:
                break
            looked = len(statements)
            idle.wait(0.5)
        idle.wait(1.5)
        assert len(statements) == looked  # 100 ms polling would have sent about 30
        web.workspace.command(USER, "help")  # stored by the other process: a NOTIFY
        [reply] = slack_api.wait_for("response_url", timeout=10)  # long before 60 s
        assert "Here's what I understand" in shown_text(reply.args)
    finally:
        web.stop()
        inbox.close()
        worker.stop()
        worker_runtime.stop()
        web_runtime.stop()
    assert web_runtime.repo.waiting_requests(Platform.SLACK) == 0


def test_on_postgresql_a_persons_next_command_stored_with_their_first_is_answered_at_once(
        pg_url: str, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock) -> None:
    """Two commands of one person in one write make one NOTIFY; the worker it wakes can
    claim only the first. Deleting the answered first notifies again (migration 0022),
    so the second is answered then, not at the worker's safety poll (60 s here)."""
    settings = slack_settings.model_copy(update={"database_url": pg_url})
    worker_runtime = build_runtime(settings, clock)
    worker = worker_for(settings, worker_runtime, safety_poll=60.0).start()
    web_runtime = build_runtime(settings, clock)  # another process: it cannot wake() it
    web, inbox = web_process(web_runtime, settings, slack_api)
    try:
        bodies = [web.workspace.command_payload(USER, text) for text in (ADD, "list")]
        web_runtime.repo.enqueue(Platform.SLACK, [
            (f"{b['team_id']}:{b['user_id']}", json.dumps(stored_fields(b)), b["trigger_id"])
            for b in bodies], clock.now())  # one transaction: one NOTIFY for both
        replies = slack_api.wait_for("response_url", 2, timeout=20)  # long before 60 s
    finally:
        web.stop()
        inbox.close()
        worker.stop()
        worker_runtime.stop()
        web_runtime.stop()
    first, second = (shown_text(reply.args) for reply in replies)
    assert "Added #1: data analyst at Acme" in first  # in the order sent
    assert "Acme" in second and "Added" not in second
    assert web_runtime.repo.waiting_requests(Platform.SLACK) == 0
