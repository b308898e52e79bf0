"""The Procfile's processes, started as the Procfile starts them, under faults: kill -9
mid-burst and a database outage, on a real PostgreSQL, with the Slack stand-in.

Shared by `tests/adapters/test_procfile_faults.py` (small bursts, in CI) and
`bench/faults.py` (the issue's sizes, by hand, figures in docs/RELIABILITY.md): one code
path, two sizes. Each scenario returns what it saw; the caller asserts or reports.
Every wait is bounded; every line the processes wrote goes through `check_output`.
"""

from __future__ import annotations

import http.client
import re
import shlex
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from adapters.slack.app import NOT_SAVED
from tests.adapters.slack.conftest import SECRET, TOKEN
from tests.log_secrets import check_output
from tests.standins.bot_subprocess import ROOT, BotSubprocess, clean_environment
from tests.standins.ports import free_port
from tests.standins.slack_api import TEAM, SlackApiStandIn, SlackWorkspace
from tests.standins.tcp_proxy import TcpProxy

PROCFILE = ROOT / "Procfile"
ADDED = "Added #1"  # the start of every answer to an `add` (one interview per person)
ADD = "add Company {n}, analyst, tomorrow 2pm with Jane Smith"
#: Commands in flight at once in a burst: what a killed web process may have stored
#: without acking (Slack retries them; each such retry is told what the first did).
CONCURRENCY = 8
WAIT = 120.0  # seconds: the bound on any wait for answers (a loaded 2-core machine)


def procfile_entry(name: str) -> tuple[dict[str, str], list[str]]:
    """The environment and argv of the Procfile's `name` line, the script resolved
    beside this Python (where `pip install -e .` put it)."""
    for line in PROCFILE.read_text().splitlines():
        key, _, command = line.partition(":")
        if key.strip() != name:
            continue
        words = shlex.split(command)
        env = {}
        while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
            variable, _, value = words.pop(0).partition("=")
            env[variable] = value
        script = Path(sys.executable).with_name(words[0])
        return env, [str(script) if script.exists() else words[0], *words[1:]]
    raise AssertionError(f"no {name!r} process in the Procfile")


@dataclass
class Deployment:
    """The Procfile's processes on one database, talking to one Slack stand-in (None:
    no Slack) and whatever `env` points them at besides (Discord's stand-in, OAuth)."""

    tmp_path: Path
    database_url: str
    api: SlackApiStandIn | None
    #: DEBUG in CI, so every line an operator could turn on is checked for secrets;
    #: the bench measures at INFO, the production default.
    log_level: str = "DEBUG"
    port: int = field(default_factory=free_port)
    processes: list[BotSubprocess] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    #: SLACK_BOT_TOKEN; None for a deployment with OAuth's installations instead.
    slack_token: str | None = TOKEN

    @property
    def root(self) -> str:
        """Where the web process serves."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def workspace(self) -> SlackWorkspace:
        return self.workspace_of(TEAM)

    def workspace_of(self, team: str) -> SlackWorkspace:
        """Slack's side of the web process, for one workspace."""
        assert self.api is not None, "a deployment without Slack"
        return SlackWorkspace(f"{self.root}/slack/events", SECRET, self.api, team=team)

    def start(self, name: str) -> BotSubprocess:
        """`name` as the Procfile starts it; `web` and `discord` waited for until
        healthy, `clock` and `answer` until they say they deliver."""
        env, argv = procfile_entry(name)
        slack = {} if self.api is None else {
            "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": self.api.url,
            **({"SLACK_BOT_TOKEN": self.slack_token} if self.slack_token else {})}
        process = BotSubprocess(self.tmp_path, clean_environment(self.tmp_path, **{
            **slack, "FOLLOWUP_DATABASE_URL": self.database_url, "PORT": str(self.port),
            "FOLLOWUP_LOG_LEVEL": self.log_level, **self.env, **env}), argv,
            health_port=self.port if name == "web" else None)
        self.processes.append(process)
        if name in ("web", "discord"):
            process.wait_health(200, timeout=WAIT)
        else:
            process.wait_for_lines(rf"followup-bot {name}: delivering", timeout=WAIT)
        return process

    def stop(self) -> None:
        for process in self.processes:
            process.stop()
            check_output(process.output, "a Procfile process's output")

    def output(self) -> str:
        return "\n".join(process.output for process in self.processes)

    def interviews(self) -> int:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return int(connection.execute(text("SELECT count(*) FROM interviews")).scalar_one())
        finally:
            engine.dispose()


@dataclass
class Burst:
    """What a burst of `/followup add` commands (one person each) came to."""

    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)  # HTTP status of each final ack
    refused: int = 0  # acked "not saved, try again": not done, and the person told so
    resent: int = 0  # sent again as Slack's retry after the web process did not answer
    tags: dict[str, str] = field(default_factory=dict)  # response_url tag -> user
    accepted: list[str] = field(default_factory=list)  # tags of commands acked as stored
    kill_after: int = 0  # answers at the stand-in when the process was killed
    restart_seconds: float = 0.0  # kill -9 -> the new process ready
    first_answer_seconds: float = 0.0  # new process ready -> its first answer
    all_answered_seconds: float = 0.0  # new process ready -> every command answered
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def answers(self, api: SlackApiStandIn) -> Counter[str]:
        """Answers of an `add` that reached each response_url, by tag."""
        return Counter(c.args["_tag"] for c in api.calls("response_url")
                       if ADDED in str(c.args.get("text", "")) + str(c.args.get("blocks", "")))

    def lost(self, api: SlackApiStandIn) -> int:
        answered = self.answers(api)
        return sum(1 for tag in self.accepted if tag not in answered)

    def repeated(self, api: SlackApiStandIn) -> int:
        return sum(n - 1 for n in self.answers(api).values())


def send_burst(deployment: Deployment, burst: Burst, count: int,
               workers: int = CONCURRENCY,
               prefix: str = "U0BURST", pause: float = 0.0) -> None:
    """`count` signed slash commands at once (`workers` at a time). A command the web
    process did not answer (it was killed) is sent again as Slack does, with
    X-Slack-Retry-Num, until it is acked (bounded)."""
    workspace = deployment.workspace

    def one(n: int) -> None:
        user = f"{prefix}{n:05d}"
        payload = workspace.command_payload(user, ADD.format(n=n))
        tag = payload["response_url"].rsplit("/", 1)[1]
        headers: dict[str, str] = {}
        for attempt in range(int(WAIT / 0.5)):
            try:
                answer = workspace.send_command(payload, headers=headers)
                break
            except (OSError, http.client.HTTPException):
                headers = {"X-Slack-Retry-Num": str(attempt + 1),
                           "X-Slack-Retry-Reason": "http_error"}
                with burst.lock:
                    burst.resent += 1
                time.sleep(0.5)
        else:
            raise AssertionError(f"the web process never acked {user}'s command")
        with burst.lock:
            burst.sent += 1
            burst.statuses[answer.status] += 1
            burst.tags[tag] = user
            if NOT_SAVED in answer.body:
                burst.refused += 1
            elif answer.status == 200:
                burst.accepted.append(tag)
        if pause:
            time.sleep(pause)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(count)))


def wait_until(condition: Callable[[], bool], timeout: float = WAIT, what: str = "") -> float:
    """Seconds until `condition()` held; AssertionError after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.05)
    return time.monotonic() - start


#: The Procfile's processes that answer stored Slack commands, side by side.
ANSWERING = ("clock", "answer")


def kill_mid_burst(deployment: Deployment, victim: str, count: int) -> Burst:
    """Start web, clock and answer; send `count` commands; kill -9 `victim` once a third
    are answered (web: acked, so the rest are still arriving); start it again; wait for
    every accepted command to be answered."""
    processes = {name: deployment.start(name) for name in ("web", *ANSWERING)}
    burst = Burst()
    api = deployment.api
    assert api is not None
    sender = threading.Thread(target=send_burst, args=(deployment, burst, count), daemon=True)
    sender.start()
    if victim == "web":  # while the burst is still arriving
        wait_until(lambda: burst.sent >= count // 3, what="a third acked")
    else:  # while it is answering
        wait_until(lambda: len(burst.answers(api)) >= count // 3, what="a third answered")
    burst.kill_after = len(burst.answers(api))
    processes[victim].kill()
    killed_at = time.monotonic()
    deployment.start(victim)
    ready = time.monotonic()
    burst.restart_seconds = ready - killed_at
    answered_then = sum(burst.answers(api).values())
    burst.first_answer_seconds = wait_until(
        lambda: sum(burst.answers(api).values()) > answered_then
        or (not sender.is_alive() and not burst.lost(api)), what="an answer after restart")
    sender.join(WAIT)
    assert not sender.is_alive(), "the burst never ended"
    burst.all_answered_seconds = time.monotonic() - ready + wait_until(
        lambda: burst.lost(api) == 0, what="every accepted command answered")
    api.settle(quiet=1.0, timeout=30)
    return burst


@dataclass
class Outage:
    """A database outage with the processes running and commands arriving."""

    burst: Burst
    seconds: float
    lines: dict[str, list[str]]  # process -> its lines about the database going/coming


#: What the processes say when the database goes away and comes back.
OUTAGE_LINE = re.compile(r"database (is )?unavailable|database is back", re.IGNORECASE)


@contextmanager
def proxied(url: str) -> Iterator[tuple[str, TcpProxy]]:
    """`url` rewritten to reach its server through a loopback TCP proxy a test can cut."""
    parsed = make_url(url)
    proxy = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    proxy.start()
    try:
        yield parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(
            hide_password=False), proxy
    finally:
        proxy.cut()


def database_outage(deployment: Deployment, proxy: TcpProxy, seconds: float,
                    rate: float = 5.0) -> Outage:
    """Web, clock and answer on the proxied database; commands at about `rate` a second
    from before the cut until after it is restored; every accepted one answered."""
    processes = {name: deployment.start(name) for name in ("web", *ANSWERING)}
    burst = Burst()
    api = deployment.api
    assert api is not None
    count = int(rate * (seconds + 6))
    sender = threading.Thread(target=send_burst, args=(deployment, burst, count),
                              kwargs={"workers": 2, "pause": 2 / rate, "prefix": "U0OUT"},
                              daemon=True)
    sender.start()
    wait_until(lambda: len(burst.answers(api)) >= 3, what="answers before the outage")
    proxy.cut()
    time.sleep(seconds)
    proxy.start()
    sender.join(WAIT)
    assert not sender.is_alive(), "the commands never ended"
    wait_until(lambda: burst.lost(api) == 0, what="every accepted command answered")
    # Each part that said the database went away says it is back (the scheduler at its
    # next poll, up to 30 s on).
    wait_until(lambda: all(process.output.count("is unavailable (")
                           == process.output.count("is back after")
                           for process in processes.values()),
               what="a line saying the database is back for each saying it went away")
    api.settle(quiet=1.0, timeout=30)
    lines = {name: [line for line in process.lines if OUTAGE_LINE.search(line)
                    and (" WARNING " in line or " INFO " in line)]
             for name, process in processes.items()}
    return Outage(burst, seconds, lines)


def summary(result: Burst, api: SlackApiStandIn) -> dict[str, Any]:
    return {"sent": result.sent, "statuses": dict(result.statuses),
            "accepted": len(result.accepted), "refused": result.refused,
            "resent": result.resent, "lost": result.lost(api),
            "repeated": result.repeated(api), "kill_after": result.kill_after,
            "restart_s": round(result.restart_seconds, 1),
            "first_answer_s": round(result.first_answer_seconds, 1),
            "all_answered_s": round(result.all_answered_seconds, 1)}
