"""Benchmark 2: does the cost of one user's work stay flat as the database grows?

SQLite files of 10k, 100k and 1M interviews (ten per person, each with a plan of four
checkpoints; built once and cached under /tmp, see `bench.seed.growth_database`),
plus an empty database as the baseline. For each: time from process start to ready
and resident memory of a fresh process that builds the runtime and answers one `list`
(`probe` child; a bare `python -c 'import sqlite3'` is the floor), then per-user
latencies in another child (`ops`): `list` through `Coach.handle`, `repo.next_due_at`,
and `claim_due` of a small batch. Every SQL statement those run is checked with
EXPLAIN QUERY PLAN, so a full-table scan shows up as a finding.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from bench import seed
from bench.worker import emit, run_worker
from storage.repository import open_repository

STARTS = 3  # fresh processes per size by default; the median is reported
FLOOR_SCRIPT = ("import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                "c.execute('SELECT count(*) FROM people WHERE id = 1').fetchall(); "
                "s = dict(l.split(':', 1) for l in open('/proc/self/status') if ':' in l); "
                "print(json.dumps({'rss_kb': int(s['VmRSS'].split()[0]), "
                "'hwm_kb': int(s['VmHWM'].split()[0])}), flush=True)")


@dataclass
class Size:
    """One database size and what it cost."""

    interviews: int
    people: int
    checkpoints: int
    file_mb: float
    start_seconds: float  # median of STARTS fresh processes, spawn to first answer
    rss_mb: float  # resident memory at ready
    peak_mb: float  # the process's high-water mark
    list_ms: float  # p50 of one user's `list` through Coach.handle
    list_p95_ms: float
    next_due_ms: float  # p50 of repo.next_due_at
    claim_ms: float  # p50 of claim_due(now, CLAIM, [slack])
    pending: int  # pending checkpoints next_due_at has to consider
    plans: list[dict[str, Any]] = field(default_factory=list)  # EXPLAIN QUERY PLAN per query


@dataclass
class GrowthResult:
    sizes: list[Size]
    floor_start_seconds: float
    floor_rss_mb: float
    claim_batch: int
    samples: int
    starts: int = STARTS

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def by_interviews(self, interviews: int) -> Size | None:
        return next((s for s in self.sizes if s.interviews == interviews), None)


CLAIM = 20


def warm_file_cache(path: Path, chunk: int = 8 << 20) -> None:
    """Read the database file once, as a running server would have its pages cached: a
    freshly seeded 1.3 GB file is otherwise read from disk, and the per-user figures
    would measure the disk rather than the queries."""
    with Path(path).open("rb") as handle:
        while handle.read(chunk):
            pass


def _spawn_until_answer(args: list[str], *, timeout: float = 120) -> tuple[float, dict[str, Any]]:
    """Seconds from spawning `args` to its first JSON line, and that JSON."""
    import json

    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    try:
        assert process.stdout is not None
        deadline = started + timeout
        while time.perf_counter() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("{"):
                return time.perf_counter() - started, dict(json.loads(line))
        raise RuntimeError(f"no answer from {args[:4]}")
    finally:
        process.wait(timeout)
        if process.stdout is not None:
            process.stdout.close()


def _starts(url: str, starts: int) -> tuple[float, float, float]:
    """Median start-to-ready seconds, RSS and peak RSS (MB) over `starts` processes."""
    runs = [_spawn_until_answer([sys.executable, "-m", "bench.growth", "probe", "--url", url])
            for _ in range(starts)]
    seconds = statistics.median(r[0] for r in runs)
    rss = statistics.median(r[1]["rss_kb"] for r in runs) / 1024
    peak = statistics.median(r[1]["hwm_kb"] for r in runs) / 1024
    return seconds, rss, peak


def run(sizes: list[int], *, samples: int, starts: int = STARTS,
        log: Callable[[str], None] = print) -> GrowthResult:
    results: list[Size] = []
    floor: list[tuple[float, dict[str, Any]]] = []
    with TemporaryDirectory(prefix="followup-bench-") as folder:
        empty = Path(folder) / "empty.db"
        files = [(0, empty)]
        open_repository(f"sqlite:///{empty}").close()
        files += [(n, seed.growth_database(n, log=log)) for n in sizes]
        # One start outside the figures, so the first measured one meets warm file caches.
        _spawn_until_answer([sys.executable, "-m", "bench.growth", "probe", "--url",
                             f"sqlite:///{empty}"])
        for interviews, path in files:
            seed.reset_claims(path)
            warm_file_cache(path)
            url = f"sqlite:///{path}"
            log(f"  {interviews:,} interviews: start, memory, per-user latency")
            floor += [_spawn_until_answer([sys.executable, "-c", FLOOR_SCRIPT, str(path)])
                      for _ in range(starts if interviews == 0 else 0)]
            start, rss, peak = _starts(url, starts)
            ops = run_worker("bench.growth", ["ops", "--url", url, "--samples", str(samples)],
                             timeout=600, name=f"growth-ops-{interviews}")
            seed.reset_claims(path)
            results.append(Size(
                interviews=interviews, people=int(ops["people"]),
                checkpoints=int(ops["checkpoints"]),
                file_mb=path.stat().st_size / 1e6, start_seconds=start, rss_mb=rss,
                peak_mb=peak, list_ms=ops["list_ms"], list_p95_ms=ops["list_p95_ms"],
                next_due_ms=ops["next_due_ms"], claim_ms=ops["claim_ms"],
                pending=int(ops["pending"]), plans=ops["plans"]))
            log(f"    start {start:.2f} s, {rss:.0f} MB, list {ops['list_ms']:.1f} ms, "
                f"next_due {ops['next_due_ms']:.2f} ms, claim {ops['claim_ms']:.2f} ms")
    return GrowthResult(
        sizes=results, floor_start_seconds=statistics.median(f[0] for f in floor),
        floor_rss_mb=statistics.median(f[1]["rss_kb"] for f in floor) / 1024,
        claim_batch=CLAIM, samples=samples, starts=starts)


# --- the children ------------------------------------------------------------------------
class NoSender:
    """Lets the probe's Deliverer know it serves Slack; the probe never delivers."""

    def send(self, to: Any, reply: Any) -> None:
        raise AssertionError("the probe delivers nothing")


def _memory() -> dict[str, int]:
    status = dict(line.split(":", 1) for line in
                  Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {"rss_kb": int(status["VmRSS"].split()[0]),
            "hwm_kb": int(status["VmHWM"].split()[0])}


def probe_child(url: str) -> dict[str, Any]:
    """What a real process does before it is ready: build the runtime (migrations
    included), recover claims, find the next due time, answer one `list`."""
    from adapters.runtime import build_runtime
    from adapters.settings import load_settings
    from bot.messages import Inbound
    from bot.model import Identity, Platform
    from bot.ports.clock import SimulatedClock

    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00", delivery="off")
    runtime = build_runtime(settings, SimulatedClock(seed.NOW))
    deliverer = runtime.start_delivery({Platform.SLACK: NoSender()}, background=False)
    deliverer.recover()
    deliverer.next_due()
    identity = Identity(Platform.SLACK, seed.WORKSPACE[Platform.SLACK],
                        seed.user_id(Platform.SLACK, 1))
    replies = runtime.coach.handle(Inbound(identity=identity, text="list", command=True))
    answer = {"replies": len(replies), **_memory()}
    runtime.stop()
    return answer


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def ops_child(url: str, samples: int) -> dict[str, Any]:
    """Per-user latencies, and the query plan of every statement they ran."""
    from sqlalchemy import event, func, select, update

    from adapters.runtime import build_runtime
    from adapters.settings import load_settings
    from bot.messages import Inbound
    from bot.model import CheckpointState, Identity, Platform
    from bot.ports.clock import SimulatedClock
    from storage.models import CheckpointRow, PersonRow

    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00", delivery="off")
    runtime = build_runtime(settings, SimulatedClock(seed.NOW))
    repo, coach, engine = runtime.repo, runtime.coach, runtime.repo.engine
    with engine.connect() as connection:
        people = int(connection.scalar(select(func.count()).select_from(PersonRow)) or 0)
        checkpoints = int(connection.scalar(
            select(func.count()).select_from(CheckpointRow)) or 0)
        pending = int(connection.scalar(select(func.count()).select_from(CheckpointRow)
                                        .where(CheckpointRow.state == "pending")) or 0)
    rng = random.Random(7)
    slack = [Platform.SLACK]

    def list_for(n: int) -> None:
        identity = Identity(Platform.SLACK, seed.WORKSPACE[Platform.SLACK],
                            seed.user_id(Platform.SLACK, n))
        coach.handle(Inbound(identity=identity, text="list", command=True))

    def timed(fn: Callable[[], Any], count: int) -> list[float]:
        spent = []
        for _ in range(count):
            started = time.perf_counter()
            fn()
            spent.append((time.perf_counter() - started) * 1000)
        return spent

    users = [rng.randint(1, max(people, 1)) for _ in range(samples + 10)]
    for n in users[:10]:
        list_for(n)  # warm the statement caches and the page cache
    lists = timed(lambda: list_for(users.pop()), samples)
    next_dues = timed(lambda: repo.next_due_at(slack), max(20, samples // 4))
    claims = timed(lambda: repo.claim_due(seed.NOW, CLAIM, slack), max(10, samples // 10))
    # Which statements ran, and how SQLite plans each (EXPLAIN runs nothing).
    statements: dict[str, Any] = {}

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any,
                 _many: bool) -> None:
        statements.setdefault(statement, parameters)

    event.listen(engine, "before_cursor_execute", remember)
    list_for(users.pop())
    repo.next_due_at(slack)
    repo.claim_due(seed.NOW, CLAIM, slack)
    event.remove(engine, "before_cursor_execute", remember)
    with engine.begin() as connection:  # the cached file stays as seeded
        connection.execute(update(CheckpointRow)
                           .where(CheckpointRow.state == CheckpointState.SENDING)
                           .values(state=CheckpointState.PENDING, claimed_at=None))
    plans = []
    with engine.connect() as connection:
        for statement, parameters in statements.items():
            if not statement.lstrip().upper().startswith(("SELECT", "UPDATE")):
                continue
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                              parameters).all()
            plans.append({"sql": " ".join(statement.split())[:400],
                          "plan": [str(row[-1]) for row in rows]})
    runtime.stop()
    return {
        "people": people, "checkpoints": checkpoints, "pending": pending,
        "list_ms": statistics.median(lists), "list_p95_ms": _percentile(lists, 0.95),
        "next_due_ms": statistics.median(next_dues), "claim_ms": statistics.median(claims),
        "plans": plans,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="one growth measurement (child process)")
    parser.add_argument("mode", choices=["probe", "ops"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args(argv)
    if args.mode == "probe":
        emit(probe_child(args.url))
    else:
        emit(ops_child(args.url, args.samples))


if __name__ == "__main__":
    main()
