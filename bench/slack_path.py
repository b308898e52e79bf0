"""Benchmark 4: correctly signed `/followup add …` and `/followup list` over real HTTP.

The production HTTP stack (`adapters.slack.server.SlackHttpServer` serving the app from
`adapters.slack.app.build_app`) in its two shapes: one process that answers each command
after the ack (`product`, as `followup-bot slack` alone runs), and the Procfile's web
process that stores the command and acks, answered by a separate clock process
(`queued`, FOLLOWUP_SLACK_COMMANDS=queue); against a bare Bolt app on the same server
stack that only acks. Each runs in its own process;
the load comes from a third (aiohttp, bounded in requests and seconds) at concurrency
1, 16 and 64. Measured: acks per second, ack latency p50/p99/max, and how long until
the answer reached Slack's `response_url` (the Slack stand-in records its arrival).
Direct messages (`dm`: a signed Events API `message.im`, answered in the serving
process after the ack, by chat.postMessage) are measured the same way against the bare
app acking the same event: their ack latency while the answers are being worked out
is the figure tests/adapters/slack/test_inbox.py leaves to the benchmark.

Measured only when `tests/adapters/slack/test_app.py` passes (the adapter is being
finished); otherwise the report says "not measured yet".
Child modes: `python -m bench.slack_path serve|work|load …`.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any
from urllib.parse import urlencode

from bench import seed
from bench.standins import StandIn, stop_process
from bench.worker import emit, run_worker

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-not-a-secret"
TEAM = "T0BENCH"
USERS = 200
LEVELS = (1, 16, 64)
#: Requests per level for the queued shape: its acks outrun its answers, and the backlog
#: must drain (bounded) before the next level measures acks on a quiet machine.
QUEUED_MAX_REQUESTS = 1_500
DRAIN_SECONDS = 90.0
#: Shapes whose web process stores commands for a clock process: `queued` runs both at
#: once, as deployed on one machine; `alone` runs no clock, to measure the web process
#: without the answering competing for the same cores (as on separate machines), and drops
#: what it stored after each level.
QUEUED_SHAPES = ("queued", "alone")
GATE = "tests/adapters/slack/test_app.py"


@dataclass
class Level:
    server: str  # "product" (one process), "queued" (web + clock), "alone" or "bare"
    command: str  # "add" or "list" (slash commands), or "dm" (a message.im event)
    concurrency: int
    requests: int
    errors: int  # non-200 answers or failed connections
    seconds: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    answered: int  # answers that reached response_url (slash commands only)
    answer_p50_ms: float  # request sent -> answer at response_url
    answer_p99_ms: float
    #: CPU seconds (user + system, all threads) the serving process spent per request
    #: while the load ran: less noisy than throughput on a shared machine.
    cpu_ms: float = 0.0

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class SlackPathResult:
    measured: bool
    reason: str = ""  # why not, when not
    levels: list[Level] = field(default_factory=list)
    seconds_per_level: float = 0.0
    databases: dict[str, str] = field(default_factory=dict)  # shape -> database

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def find(self, server: str, command: str, concurrency: int) -> Level | None:
        return next((lv for lv in self.levels if (lv.server, lv.command, lv.concurrency)
                     == (server, command, concurrency)), None)


def gate(log: Callable[[str], None] = print) -> str | None:
    """None when the Slack adapter's own tests pass, else a one-line reason."""
    if not Path(GATE).exists():
        return f"{GATE} does not exist yet"
    log(f"  gate: python -m pytest -q {GATE}")
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", GATE],
                              capture_output=True, text=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        return f"{GATE} did not finish within 10 minutes"
    if done.returncode == 0:
        return None
    summary = [line for line in done.stdout.splitlines() if "failed" in line or "error" in line]
    last = summary[-1] if summary else f"exit {done.returncode}"
    return f"{GATE} does not pass yet ({last})"


class Server:
    """`python -m bench.slack_path serve` in a child process; `port` once it listens. The
    queued shape also starts its clock process (`work`), which answers the commands."""

    def __init__(self, kind: str, api: str, url: str) -> None:
        self.kind, self.url = kind, url
        self._args = [sys.executable, "-m", "bench.slack_path", "serve", "--kind", kind,
                      "--api", api, "--url", url]
        self._work = [sys.executable, "-m", "bench.slack_path", "work", "--api", api,
                      "--url", url] if kind in QUEUED_SHAPES else None
        self._processes: list[subprocess.Popen[str]] = []
        self._clock: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def pid(self) -> int:
        """The serving (web) process."""
        return self._processes[0].pid

    def __enter__(self) -> Server:
        process = subprocess.Popen(self._args, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        self._processes.append(process)
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        if not line.startswith("port "):
            self.__exit__()
            raise RuntimeError(f"the {self.kind} Slack server did not start: {line!r}")
        self.port = int(line.split()[1])
        if self.kind == "queued":
            self.start_clock()
        return self

    def start_clock(self) -> None:
        """The clock process that answers stored commands (queued shapes)."""
        if self._work and self._clock is None:
            self._clock = subprocess.Popen(self._work, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, text=True)
            self._processes.append(self._clock)

    def __exit__(self, *_exc: object) -> None:
        processes, self._processes = self._processes, []
        for process in processes:
            stop_process(process)


def run(*, seconds: float, levels: tuple[int, ...] = LEVELS, pg_url: str | None = None,
        log: Callable[[str], None] = print, check: bool = True) -> SlackPathResult:
    """Each shape at each level. The queued shape is the Procfile's production deployment,
    so it runs on PostgreSQL when one is available (two processes writing one SQLite
    file wait on its single write lock); the single process keeps SQLite, its default."""
    reason = gate(log) if check else None
    if reason:
        log(f"  not measured: {reason}")
        return SlackPathResult(measured=False, reason=reason)
    result = SlackPathResult(measured=True, seconds_per_level=seconds)
    with StandIn("slack", lifetime=1800) as api, \
            TemporaryDirectory(prefix="followup-bench-") as folder:
        sqlite = f"sqlite:///{Path(folder) / 'slack.db'}"
        # DMs are answered in the serving process even when commands are queued, so the
        # web process alone would measure nothing `queued` does not.
        shapes = (("product", ("add", "list", "dm")), ("queued", ("add", "list", "dm")),
                  ("alone", ("add", "list")), ("bare", ("list", "dm")))
        for kind, commands in shapes:
            with ExitStack() as stack:
                url = sqlite
                if kind in QUEUED_SHAPES and pg_url:
                    url = stack.enter_context(seed.postgres_schema(pg_url))
                result.databases[kind] = "PostgreSQL" if url.startswith("postgresql") \
                    else "SQLite" if kind != "bare" else "none"
                server = stack.enter_context(Server(kind, api.url, url))
                for command in commands:
                    for concurrency in levels:
                        level = _one_level(api, server, kind, command, concurrency, seconds)
                        result.levels.append(level)
                        log(f"  {kind:7s} {command:4s} c={concurrency:<3d} "
                            f"{level.throughput:6.0f} req/s  p50 {level.p50_ms:6.1f} ms  "
                            f"p99 {level.p99_ms:7.1f} ms  cpu {level.cpu_ms:.2f} ms/req  "
                            f"errors {level.errors}  "
                            f"answered {level.answered}/{level.requests - level.errors}")
    return result


def process_cpu(pid: int) -> float:
    """User + system CPU seconds process `pid` has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _one_level(api: StandIn, server: Server, kind: str, command: str, concurrency: int,
               seconds: float) -> Level:
    api.reset()
    limit = QUEUED_MAX_REQUESTS if kind in QUEUED_SHAPES else 50_000
    cpu_before = process_cpu(server.pid)
    answer = run_worker(
        "bench.slack_path",
        ["load", "--port", str(server.port), "--api", api.url, "--command", command,
         "--concurrency", str(concurrency), "--seconds", str(seconds),
         "--prefix", f"{kind}{command}{concurrency}", "--max", str(limit)],
        timeout=seconds + 120, name=f"slack-{kind}-{command}-{concurrency}")
    cpu = process_cpu(server.pid) - cpu_before
    if kind == "alone":
        # The web process measured alone; what it stored is dropped, not answered: the
        # `queued` rows and section 8 measure the clock answering.
        seed.clear_inbox(server.url)
    level = _level(kind, command, concurrency, answer,
                   _drained(api, answer, waits=kind not in ("bare", "alone")
                            and command != "dm"))
    level.cpu_ms = 1000 * cpu / level.requests if level.requests else 0.0
    return level


def _drained(api: StandIn, answer: dict[str, Any], *, waits: bool) -> dict[str, Any]:
    """The stand-in's stats once every answer arrived (bounded: `DRAIN_SECONDS`)."""
    stats = api.stats()
    if not waits:
        return stats
    deadline = time.monotonic() + DRAIN_SECONDS
    while time.monotonic() < deadline and len(stats["responses"]) < answer["ok"]:
        time.sleep(0.5)
        stats = api.stats()
    return stats


def _level(kind: str, command: str, concurrency: int, answer: dict[str, Any],
           stats: dict[str, Any]) -> Level:
    latencies = sorted(answer["latencies_ms"])
    sent_at: dict[str, float] = answer["sent_at"]
    arrived = stats.get("responses", {})
    answers = sorted((arrived[tag] - at) * 1000 for tag, at in sent_at.items() if tag in arrived)

    def pct(values: list[float], share: float) -> float:
        return values[min(len(values) - 1, int(share * len(values)))] if values else 0.0

    return Level(
        server=kind, command=command, concurrency=concurrency, requests=len(latencies),
        errors=int(answer["errors"]), seconds=float(answer["seconds"]),
        p50_ms=statistics.median(latencies) if latencies else 0.0,
        p99_ms=pct(latencies, 0.99), max_ms=latencies[-1] if latencies else 0.0,
        answered=len(answers), answer_p50_ms=pct(answers, 0.5),
        answer_p99_ms=pct(answers, 0.99))


# --- the children ------------------------------------------------------------------------
def serve_child(kind: str, api: str, url: str) -> None:
    """Serve until terminated: the product's Slack app as `run_slack` wires it, or a bare
    Bolt app that only acks, both behind `SlackHttpServer` on 127.0.0.1."""
    from slack_bolt import App
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from adapters.runtime import build_runtime, configure_logging
    from adapters.settings import load_settings
    from adapters.slack import server as slack_server
    from adapters.slack.sender import interactive_client, slack_sender
    from bot.model import Platform
    from bot.ports.clock import SimulatedClock

    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00", slack_bot_token=TOKEN,
                             slack_signing_secret=SECRET, slack_api_url=f"{api}/api/",
                             log_level="INFO", delivery="inline")
    configure_logging(settings.log_level)
    if kind in QUEUED_SHAPES:  # the Procfile's web process: store, ack, deliver nothing
        settings = settings.model_copy(update={"slack_commands": "queue", "delivery": "off"})
    runtime = build_runtime(settings, SimulatedClock(seed.NOW))
    if kind in ("product", *QUEUED_SHAPES):
        from adapters.slack.app import build_app
        from adapters.slack.inbox import CommandInbox

        inbox = CommandInbox(runtime.repo, runtime.clock) if kind in QUEUED_SHAPES else None
        app = build_app(runtime, settings, interactive_client(settings), inbox=inbox)
        runtime.start_delivery({Platform.SLACK: slack_sender(settings)})
        make_wsgi = getattr(slack_server, "slack_wsgi", None)
        wsgi: Any = make_wsgi(app, runtime) if make_wsgi else app
    else:
        bare = App(signing_secret=SECRET, token_verification_enabled=False,
                   client=interactive_client(settings))

        @bare.command("/followup")
        def _ack(ack: Callable[[], None]) -> None:
            ack()

        @bare.event("message")
        def _ack_event() -> None:
            pass  # Bolt acks an event before its listener runs

        wsgi = SlackRequestHandler(bare, path=slack_server.EVENTS_PATH)
    server = slack_server.SlackHttpServer(wsgi, "127.0.0.1", 0)
    server.start_background()
    print(f"port {server.port}", flush=True)
    try:
        threading.Event().wait(1800)  # bounded; the benchmark terminates it long before
    finally:
        server.stop()
        runtime.stop()


def work_child(api: str, url: str) -> None:
    """The clock process of the queued shape: it answers what the web process stored."""
    from adapters.runtime import build_runtime, configure_logging
    from adapters.settings import load_settings
    from adapters.slack.answering import SlackCoach
    from adapters.slack.inbox import InboxWorker
    from adapters.slack.sender import interactive_client
    from bot.ports.clock import SimulatedClock

    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00", slack_bot_token=TOKEN,
                             slack_signing_secret=SECRET, slack_api_url=f"{api}/api/",
                             log_level="INFO")
    configure_logging(settings.log_level)
    runtime = build_runtime(settings, SimulatedClock(seed.NOW))
    worker = InboxWorker(SlackCoach(runtime, interactive_client(settings))).start()
    try:
        threading.Event().wait(1800)  # bounded; the benchmark terminates it long before
    finally:
        worker.stop()
        runtime.stop()


def signature(timestamp: str, body: str) -> str:
    """Slack's request signature: HMAC-SHA256 of `v0:{timestamp}:{body}`."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()


def load_child(port: int, api: str, command: str, concurrency: int, seconds: float,
               prefix: str, max_requests: int = 50_000) -> dict[str, Any]:
    """`concurrency` workers posting slash commands (or, for `dm`, message.im events)
    until `seconds` pass (or `max_requests`); each request's latency, and when each
    command was sent (for response_url; a DM is answered by chat.postMessage instead)."""
    import aiohttp

    endpoint = f"http://127.0.0.1:{port}/slack/events"
    latencies: list[float] = []
    sent_at: dict[str, float] = {}
    errors = 0
    counter = iter(range(max_requests))

    def body(n: int, tag: str) -> str:
        user = f"U{(n % USERS) + 1:09d}"
        if command == "dm":
            return json.dumps({
                "token": "legacy", "team_id": TEAM, "api_app_id": "A0BENCH",
                "type": "event_callback", "event_id": f"Ev{tag}", "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM, "user_id": "U0BOT", "is_bot": True}],
                "event": {"type": "message", "channel": f"D{user[1:]}", "user": user,
                          "text": "list", "ts": f"{time.time():.6f}", "channel_type": "im",
                          "event_ts": f"{time.time():.6f}"},
            })
        text = (f"add Company {n}, data analyst, tomorrow 2pm with Jane Smith"
                if command == "add" else "list")
        return urlencode({
            "token": "legacy", "team_id": TEAM, "team_domain": "bench",
            "channel_id": "C0GENERAL", "channel_name": "general", "user_id": user,
            "user_name": user.lower(), "command": "/followup", "text": text,
            "api_app_id": "A0BENCH", "is_enterprise_install": "false",
            "response_url": f"{api}/respond/{tag}", "trigger_id": f"trigger.{tag}",
        })

    async def worker(session: aiohttp.ClientSession, index: int, stop_at: float) -> None:
        nonlocal errors
        for n in counter:
            if time.perf_counter() > stop_at:
                return
            tag = f"{prefix}-{index}-{n}"
            payload = body(n, tag)
            stamp = str(int(time.time()))
            kind = "application/json" if command == "dm" else \
                "application/x-www-form-urlencoded"
            headers = {"Content-Type": kind, "X-Slack-Request-Timestamp": stamp,
                       "X-Slack-Signature": signature(stamp, payload)}
            sent_at[tag] = time.time()
            started = time.perf_counter()
            try:
                async with session.post(endpoint, data=payload, headers=headers) as answer:
                    await answer.read()
                    ok = answer.status == 200
            except (TimeoutError, aiohttp.ClientError, OSError):
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            if not ok:
                errors += 1
                sent_at.pop(tag, None)

    async def main() -> float:
        # Slack gives up after 3 s; past 15 s an answer is only a failure that kept us waiting.
        timeout = aiohttp.ClientTimeout(total=15)
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            started = time.perf_counter()
            stop_at = started + seconds
            await asyncio.gather(*(worker(session, i, stop_at) for i in range(concurrency)))
            return time.perf_counter() - started

    elapsed = asyncio.run(main())
    return {"latencies_ms": latencies, "errors": errors, "seconds": elapsed,
            "ok": len(sent_at), "sent_at": sent_at}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="the Slack command path (child process)")
    parser.add_argument("mode", choices=["serve", "work", "load"])
    parser.add_argument("--kind", default="product")
    parser.add_argument("--api", required=True)
    parser.add_argument("--url", default="")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--command", default="list")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--prefix", default="r")
    parser.add_argument("--max", type=int, default=50_000)
    args = parser.parse_args(argv)
    if args.mode == "serve":
        serve_child(args.kind, args.api, args.url)
    elif args.mode == "work":
        work_child(args.api, args.url)
    else:
        emit(load_child(args.port, args.api, args.command, args.concurrency, args.seconds,
                        args.prefix, args.max))


if __name__ == "__main__":
    main()
