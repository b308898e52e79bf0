"""Benchmark 1: N reminders due at once, delivered by the real Deliverer to a Slack stand-in.

For SQLite and PostgreSQL: seed N thank-you checkpoints due now, then time
`Deliverer.deliver_due` (built by `adapters.runtime.build_runtime`, sending with
`adapters.slack.sender.SlackSender`) in a child process. The floor is a plain loop
posting the same messages, rendered by the product beforehand, with slack_sdk's
WebClient to the same stand-in. The stand-in counts every message by checkpoint id:
each must arrive exactly once, and every checkpoint not sent must still be pending.

Every run stops at a time cap: past it the bench's `TimeCapped` sender aborts the round
(as a crash would, before sending anything more), and the product's own
`recover_in_flight` puts the claimed rest back in the queue.

Child modes: `python -m bench.delivery bot|baseline …` (see `main`).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from bench import seed
from bench.machine import code_version
from bench.standins import StandIn
from bench.worker import emit, run_worker
from bot.messages import Reply
from bot.model import Identity, Platform
from bot.ports.sender import Sender

TOKEN = "xoxb-bench-not-a-secret"
#: The baseline renders this many messages outside the clock, then posts them inside it.
RENDER_CHUNK = 1_000


@dataclass
class Delivery:
    """One timed run: who sent, on which database, and what the stand-in and the
    database saw afterwards."""

    label: str
    database: str
    count: int  # checkpoints due at once
    seconds: float  # from the first claim to the last message accepted
    cpu_seconds: float
    messages: int  # accepted by the stand-in
    distinct: int  # distinct checkpoint ids among them
    duplicates: int  # checkpoint ids seen more than once
    unmatched: int  # messages without a checkpoint id
    sent: int  # rows in state SENT afterwards (baseline: messages posted)
    pending: int  # rows still PENDING afterwards (not reached before the cap)
    sending: int  # rows left SENDING (in flight): must be 0
    capped: bool  # the time cap stopped it before all were out
    variant: str = "product"
    seed_seconds: float = 0.0
    timeline: list[int] = field(default_factory=list)  # messages accepted in each second

    @property
    def rate(self) -> float:
        return self.messages / self.seconds if self.seconds else 0.0

    @property
    def exactly_once(self) -> bool:
        """Each message once, each one sent recorded, the rest still queued: none lost."""
        return (self.messages == self.distinct == self.sent and not self.duplicates
                and not self.unmatched and not self.sending
                and self.sent + self.pending == self.count)


@dataclass
class DeliveryResult:
    count: int
    cap: float
    baseline: Delivery  # the floor: its runs before and after the product's, pooled
    concurrent: Delivery | None = None  # floor 2 (AsyncWebClient, 32 in flight), pooled
    floors: list[Delivery] = field(default_factory=list)
    runs: list[Delivery] = field(default_factory=list)
    fixes: list[Delivery] = field(default_factory=list)
    profile: dict[str, Any] | None = None
    profile_count: int = 0
    fixed_profile: dict[str, Any] | None = None
    code: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"count": self.count, "cap": self.cap, "code": self.code,
                "baseline": asdict(self.baseline),
                "concurrent": None if self.concurrent is None else asdict(self.concurrent),
                "floors": [asdict(f) for f in self.floors],
                "runs": [asdict(r) for r in self.runs],
                "fixes": [asdict(r) for r in self.fixes], "profile": self.profile,
                "profile_count": self.profile_count, "fixed_profile": self.fixed_profile}


def _checked(label: str, database: str, count: int, answer: dict[str, Any],
             stats: dict[str, Any], variant: str = "product") -> Delivery:
    seen = Counter(int(i) for i in stats["ids"])
    return Delivery(
        label=label, database=database, count=count, seconds=float(answer["seconds"]),
        cpu_seconds=float(answer["cpu_seconds"]), messages=int(stats["messages"]),
        distinct=len(seen), duplicates=sum(1 for n in seen.values() if n > 1),
        unmatched=int(stats["unmatched"]), sent=int(answer["sent"]),
        pending=int(answer["pending"]), sending=int(answer["sending"]),
        capped=bool(answer["capped"]), variant=variant,
        seed_seconds=float(answer.get("seed_seconds", 0.0)),
        timeline=timeline(stats),
    )


def timeline(stats: dict[str, Any]) -> list[int]:
    """Messages the stand-in accepted in each second, from the first one on."""
    counts = {int(second): int(n) for second, n in stats.get("per_second", [])}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [counts.get(second, 0) for second in range(first, last + 1)]


@contextmanager
def sqlite_url() -> Iterator[str]:
    """A fresh SQLite file in a temporary folder, removed afterwards."""
    with TemporaryDirectory(prefix="followup-bench-") as folder:
        yield f"sqlite:///{Path(folder) / 'delivery.db'}"


def databases(pg_url: str | None
              ) -> Iterator[tuple[str, Callable[[], AbstractContextManager[str]]]]:
    yield "SQLite", sqlite_url
    if pg_url:
        yield "PostgreSQL", lambda: seed.postgres_schema(pg_url)


def _bot_run(api: StandIn, database: str, make_url: Callable[[], AbstractContextManager[str]],
             count: int, cap: float, *, variant: str = "product", profile: bool = False,
             label: str = "followup-bot Deliverer") -> tuple[Delivery, dict[str, Any]]:
    with make_url() as url:
        api.reset()
        seeded = seed.due_reminders(url, count, Platform.SLACK)
        args = ["bot", "--url", url, "--api", api.url, "--count", str(count), "--cap", str(cap),
                "--variant", variant]
        if profile:
            args.append("--profile")
        answer = run_worker("bench.delivery", args, timeout=cap + 300,
                            name=f"delivery-{variant}-{database.lower()}-{count}")
        answer["seed_seconds"] = seeded
        return _checked(label, database, count, answer, api.stats(), variant), answer


#: The floors: the one-at-a-time WebClient loop, and (floor 2) AsyncWebClient with as
#: many requests in flight as the product.
FLOORS = {"floor": ("baseline", "slack_sdk WebClient loop"),
          "floor2": ("concurrent", "slack_sdk AsyncWebClient, 32 in flight")}


def _floor(api: StandIn, count: int, cap: float, when: str,
           log: Callable[[str], None], variant: str = "floor") -> Delivery:
    mode, name = FLOORS[variant]
    log(f"  {variant} ({when}): {name}, {count:,} messages (cap {cap:.0f} s)")
    api.reset()
    answer = run_worker("bench.delivery", [mode, "--api", api.url, "--count",
                                           str(count), "--cap", str(cap)],
                        timeout=cap + 300, name=f"delivery-{mode}-{when}")
    floor = _checked(f"{name} ({variant.replace('floor2', 'floor 2')}, {when})", "none", count,
                     answer, api.stats(), variant=variant)
    log(f"    {floor.rate:,.0f} msg/s, {1000 * floor.cpu_seconds / max(floor.messages, 1):.2f} "
        "ms CPU/msg")
    return floor


def _pooled(before: Delivery, after: Delivery) -> Delivery:
    """Both floor runs as one: their messages over their seconds."""
    return replace(
        before, label=before.label.replace(", before)", ", both runs)"),
        seconds=before.seconds + after.seconds,
        cpu_seconds=before.cpu_seconds + after.cpu_seconds,
        messages=before.messages + after.messages, distinct=before.distinct + after.distinct,
        duplicates=before.duplicates + after.duplicates,
        unmatched=before.unmatched + after.unmatched, sent=before.sent + after.sent,
        pending=before.pending + after.pending, capped=before.capped or after.capped,
        count=before.count + after.count, timeline=[])


def run(count: int, pg_url: str | None, *, cap: float, fix_count: int, profile_count: int,
        log: Callable[[str], None] = print) -> DeliveryResult:
    """The floor, the product on each database, a profile, then the proposed fixes."""
    from bench.fixes import VARIANTS

    with StandIn("slack", lifetime=cap * 14 + 1200) as api:
        before = _floor(api, count, cap, "before", log)
        # Floor 2 at half the cap, before and after: its rate is steady within seconds,
        # and the whole run must fit 15 minutes.
        before2 = _floor(api, count, cap / 2, "before", log, "floor2")
        runs = []
        for database, make_url in databases(pg_url):
            log(f"  product on {database}: {count:,} due at once")
            delivered, _ = _bot_run(api, database, make_url, count, cap)
            runs.append(delivered)
            log(f"    {delivered.rate:,.0f} msg/s, {delivered.messages:,} sent, "
                f"exactly once: {delivered.exactly_once}")
        after2 = _floor(api, count, cap / 2, "after", log, "floor2")
        after = _floor(api, count, cap, "after", log)
        # The floors run before and after the product, so a machine that gets busier or
        # quieter meanwhile moves them too; the verdicts use the two runs together.
        result = DeliveryResult(count=count, cap=cap, baseline=_pooled(before, after),
                                floors=[before, after, before2, after2], runs=runs,
                                concurrent=_pooled(before2, after2))
        if profile_count:
            log(f"  profile (pyinstrument) of the product on SQLite, {profile_count:,} messages")
            _, answer = _bot_run(api, "SQLite", sqlite_url, profile_count, cap, profile=True)
            result.profile, result.profile_count = answer.get("profile"), profile_count
        if fix_count:
            for database, make_url in databases(pg_url):
                for variant in VARIANTS:
                    label = "product" if variant == "product" else variant
                    delivered, _ = _bot_run(api, database, make_url, fix_count, cap,
                                            variant=variant, label=label)
                    result.fixes.append(delivered)
                    log(f"  {variant} on {database}: {delivered.rate:,.0f} msg/s, "
                        f"exactly once: {delivered.exactly_once}")
            if profile_count:
                _, answer = _bot_run(api, "SQLite", sqlite_url, profile_count, cap,
                                     profile=True, variant="before")
                result.fixed_profile = answer.get("profile")
    result.code = code_version()
    return result


# --- the children ------------------------------------------------------------------------
class RealTimeFrom:
    """A `bot.ports.clock.Clock` that starts at `start` and then runs in real time: the product
    treats it as a real clock (concurrent sends), as it does the system clock."""

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._origin = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)


class CapReached(BaseException):
    """Ends a delivery round at the time cap; a BaseException, so the Deliverer's own
    `except Exception` does not treat it as one failed reminder and go on."""


class TimeCapped:
    """Bench-side `Sender` decorator: after `deadline` the next send aborts the round
    before sending anything. Remembers when the last message went out."""

    def __init__(self, inner: Sender, deadline: float) -> None:
        self.inner = inner
        self.deadline = deadline
        self.capped = False
        self.last_sent = time.perf_counter()

    def send(self, to: Identity, reply: Reply) -> None:
        if time.perf_counter() > self.deadline:
            self.capped = True
            raise CapReached
        self.inner.send(to, reply)
        self.last_sent = time.perf_counter()

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if callable(close):
            close()


class TimeCappedAsync(TimeCapped):
    """`TimeCapped` for a sender with its own event loop (`bot.ports.sender.AsyncSender`)."""

    inner: Any

    def event_loop(self) -> Any:
        return self.inner.event_loop()

    async def send_async(self, to: Identity, reply: Reply) -> None:
        if time.perf_counter() > self.deadline:
            self.capped = True
            raise CapReached
        await self.inner.send_async(to, reply)
        self.last_sent = time.perf_counter()


def time_capped(inner: Sender, deadline: float) -> TimeCapped:
    from bot.ports.sender import AsyncSender

    return (TimeCappedAsync if isinstance(inner, AsyncSender) else TimeCapped)(inner, deadline)


def _settings(url: str, api: str) -> Any:
    from adapters.settings import load_settings

    return load_settings(database_url=url, timezone="America/New_York",
                         quiet_hours="21:00-08:00", slack_bot_token=TOKEN,
                         slack_api_url=f"{api}/api/", log_level="INFO", delivery="off")


def state_counts(engine: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    from storage.models import CheckpointRow

    with engine.connect() as connection:
        rows = connection.execute(select(CheckpointRow.state, func.count())
                                  .group_by(CheckpointRow.state)).all()
    return {str(state): int(n) for state, n in rows}


def bot_child(url: str, api: str, count: int, cap: float, *, profile: bool,
              variant: str = "product") -> dict[str, Any]:
    """Deliver everything due through the product's own wiring; time it.

    Variant "before" swaps in the previous design, rebuilt in `bench.fixes`.
    """
    from adapters.runtime import SEND_WORKERS, build_runtime, configure_logging, freeze_start_up
    from bench.fixes import FROZEN, make_deliverer, make_sender

    settings = _settings(url, api)
    configure_logging(settings.log_level)  # as production: one INFO line per reminder
    # A real-time clock, so delivery runs as in production (a simulated one makes the
    # product send strictly one at a time, for the terminal's and the tests' sake). The
    # profile uses that one-at-a-time path: pyinstrument sees only the calling thread.
    from bot.ports.clock import SimulatedClock

    clock = SimulatedClock(seed.NOW) if profile else RealTimeFrom(seed.NOW)
    runtime = build_runtime(settings, clock)
    started = time.perf_counter()
    capped = time_capped(make_sender(variant, settings), started + cap)
    senders: dict[Platform, Sender] = {Platform.SLACK: capped}
    if variant == "product":
        deliverer = runtime.start_delivery(senders, background=False)
    else:
        deliverer = make_deliverer(variant)(runtime.repo, runtime.clock, runtime.coach,
                                            senders, on_delivered=runtime.on_delivered,
                                            workers=1 if profile else SEND_WORKERS)
    if variant in FROZEN:
        freeze_start_up()  # as the clock process does once it has started
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    started, cpu = time.perf_counter(), time.process_time()
    capped.deadline = started + cap
    delivered = 0
    try:
        for _ in range(10):  # one call normally delivers all; bounded either way
            sent = deliverer.deliver_due()
            delivered += sent
            if sent == 0 or delivered >= count:
                break
    except CapReached:
        pass
    seconds, cpu = capped.last_sent - started, time.process_time() - cpu
    if capped.capped:
        # What a restart does after a crash, with every claim counted as stale: the
        # claimed but unsent rest goes back to PENDING.
        runtime.repo.recover_in_flight(runtime.clock.now() + timedelta(seconds=1))
    answer: dict[str, Any] = {"seconds": seconds, "cpu_seconds": cpu, "delivered": delivered,
                              "capped": capped.capped}
    if profiler is not None:
        from bench.profiling import summarize

        profiler.stop()
        answer["profile"] = summarize(profiler)
    states = state_counts(runtime.repo.engine)
    answer.update(sent=states.get("sent", 0), pending=states.get("pending", 0),
                  sending=states.get("sending", 0))
    runtime.stop()
    capped.close()
    return answer


def _messages(first: int, last: int) -> list[tuple[str, dict[str, Any]]]:
    """The reminders the seeded checkpoints `first…last` make, rendered by the product."""
    from adapters.slack.blocks import message
    from bot.content.reminders import reminder
    from bot.model import (
        Checkpoint,
        CheckpointKind,
        CheckpointState,
        Interview,
        Interviewer,
        Person,
    )

    now = seed.NOW
    interview_at = now.astimezone(seed.NEW_YORK).replace(hour=14, minute=0).astimezone(UTC)
    created = interview_at.replace(minute=30)
    rendered = []
    for n in range(first, last + 1):
        person = Person(id=n, tz="America/New_York", tz_confirmed=True,
                        display_name=f"Person {n}")
        interview = Interview(id=n, person_id=n, number=1, company=f"Company {n}",
                              role="data analyst", starts_at=interview_at,
                              interviewers=(Interviewer("Jane Smith", id=n),), created_at=created)
        checkpoint = Checkpoint(id=n, interview_id=n, kind=CheckpointKind.THANK_YOU, due_at=now,
                                state=CheckpointState.SENDING, created_at=created,
                                interviewer_id=n)
        # Due exactly now, so not late: the bot renders the same reply.
        reply = reminder(checkpoint, interview, person, now, late=False)
        rendered.append((seed.user_id(Platform.SLACK, n), message(reply)))
    return rendered


def baseline_child(api: str, count: int, cap: float) -> dict[str, Any]:
    """Post the same messages with a plain WebClient loop: the floor the bot is held to."""
    from slack_sdk import WebClient

    client = WebClient(token=TOKEN, base_url=f"{api}/api/", timeout=15)
    seconds = cpu = 0.0
    posted = 0
    for first in range(1, count + 1, RENDER_CHUNK):
        if seconds > cap:
            break
        batch = _messages(first, min(first + RENDER_CHUNK - 1, count))
        started, cpu_started = time.perf_counter(), time.process_time()
        for channel, body in batch:
            client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False,
                                    **body)
        posted += len(batch)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    return {"seconds": seconds, "cpu_seconds": cpu, "delivered": posted, "sent": posted,
            "pending": count - posted, "sending": 0, "capped": posted < count}


def concurrent_child(api: str, count: int, cap: float) -> dict[str, Any]:
    """Floor 2: the same messages posted by slack_sdk's AsyncWebClient with as many
    requests in flight as the Deliverer (`LANES`) over one aiohttp session holding as
    many connections open as the product's sender (`CONNECTIONS`): the fastest plain way
    to post them from one process."""
    import asyncio

    import aiohttp
    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack.sender import CONNECTIONS
    from bot.delivery.deliverer import LANES

    async def lane(client: AsyncWebClient, waiting: Iterator[tuple[str, dict[str, Any]]]
                   ) -> None:
        """One request in flight at a time, taking the next message from the shared queue."""
        for channel, body in waiting:
            await client.chat_postMessage(channel=channel, unfurl_links=False,
                                          unfurl_media=False, **body)

    async def post_all() -> dict[str, Any]:
        seconds = cpu = 0.0
        posted = 0
        async with aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=CONNECTIONS)) as session:
            client = AsyncWebClient(token=TOKEN, base_url=f"{api}/api/", timeout=15,
                                    session=session)
            for first in range(1, count + 1, RENDER_CHUNK):
                if seconds > cap:
                    break
                batch = _messages(first, min(first + RENDER_CHUNK - 1, count))
                started, cpu_started = time.perf_counter(), time.process_time()
                waiting = iter(batch)
                await asyncio.gather(*(lane(client, waiting) for _ in range(LANES)))
                posted += len(batch)
                seconds += time.perf_counter() - started
                cpu += time.process_time() - cpu_started
        return {"seconds": seconds, "cpu_seconds": cpu, "delivered": posted, "sent": posted,
                "pending": count - posted, "sending": 0, "capped": posted < count}

    return asyncio.run(post_all())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="one delivery measurement (child process)")
    parser.add_argument("mode", choices=["bot", "baseline", "concurrent"])
    parser.add_argument("--url", default="")
    parser.add_argument("--api", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--cap", type=float, required=True, help="seconds")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--variant", default="product")
    args = parser.parse_args(argv)
    if args.mode == "bot":
        emit(bot_child(args.url, args.api, args.count, args.cap, profile=args.profile,
                       variant=args.variant))
    elif args.mode == "concurrent":
        emit(concurrent_child(args.api, args.count, args.cap))
    else:
        emit(baseline_child(args.api, args.count, args.cap))


if __name__ == "__main__":
    main()
