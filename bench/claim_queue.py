"""Benchmark 7: the claim queue itself, with nothing to do per job.

Empty jobs in a table of their own (`bench_jobs`, made here on a fresh PostgreSQL
database), drained by 1 and by 4 worker processes, each claiming `batch` at a time:

- *product*: `storage.queue.ClaimQueue`, the queue every worker of the product uses (the
  inbox's shape: due as soon as stored, deleted when done): one transaction claims
  (`UPDATE … WHERE id = ANY(ARRAY(SELECT … FOR UPDATE SKIP LOCKED)) RETURNING`), a second
  completes (DELETE), as a worker that holds its claim under a lease while it works;
- *plain*: the loop written here on psycopg alone, the textbook queue: one transaction
  that selects `… ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED`, deletes what it got and
  commits (no lease: a worker that dies mid-job gives its rows back by rolling back).

Jobs a second = jobs ÷ (last worker's end − first worker's start, every worker released
together); CPU is the workers' own per job (the server's is not included).

`python -m bench.claim_queue [--write docs/BENCHMARKS.md]`
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bench.report import keep_and_write, table, wrap
from bench.worker import (
    WORK_DIR,
    announce,
    collect,
    emit,
    release,
    spawn,
    wait_for_go,
    wait_ready,
)

RESULTS = WORK_DIR / "claim_queue.json"
SECTION = "claim-queue"
#: (batch, jobs) per run: a batch of one shows the cost of each claim, the inbox's 20 a
#: worker's usual shape.
SHAPES = ((1, 2_000), (20, 40_000))
WORKERS = (1, 4)


class _Base(DeclarativeBase):
    pass


class JobRow(_Base):
    """An empty job: only where it stands."""

    __tablename__ = "bench_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


def _queue() -> Any:
    from storage.queue import ClaimQueue, QueueSpec

    return ClaimQueue(QueueSpec(row=JobRow, key=JobRow.id, state=JobRow.state,
                                waiting="waiting", claimed="working",
                                claimed_at=JobRow.claimed_at, order=(JobRow.id,)))


def product_worker(url: str, batch: int) -> int:
    from storage.database import make_engine

    queue = _queue()
    engine = make_engine(url)
    done = 0
    try:
        while True:
            with engine.begin() as connection:
                rows = queue.claim(connection, datetime.now(UTC), batch,
                                   returning=[JobRow.id])
            if not rows:
                return done
            with engine.begin() as connection:
                queue.complete(connection, [(row.id, None) for row in rows])
            done += len(rows)
    finally:
        engine.dispose()


def plain_worker(url: str, batch: int) -> int:
    import psycopg

    from storage.database import database_url

    dsn = database_url(url).set(drivername="postgresql").render_as_string(
        hide_password=False)
    done = 0
    with psycopg.connect(dsn) as connection:
        while True:
            with connection.transaction(), connection.cursor() as cursor:
                cursor.execute("SELECT id FROM bench_jobs WHERE state = 'waiting' ORDER BY id "
                               "LIMIT %s FOR UPDATE SKIP LOCKED", (batch,))
                ids = [row[0] for row in cursor.fetchall()]
                if ids:
                    cursor.execute("DELETE FROM bench_jobs WHERE id = ANY(%s)", (ids,))
            if not ids:
                return done
            done += len(ids)


def worker(variant: str, url: str, batch: int, ready: Path, go: Path) -> dict[str, Any]:
    """Say ready, wait for `go`, then drain the queue; when it started and ended, and its
    CPU."""
    if variant == "product":
        import storage.queue  # noqa: F401  (imported before the clock starts)
    announce(ready)
    wait_for_go(go, poll=0.005)
    cpu, started = time.process_time(), time.time()
    done = (product_worker if variant == "product" else plain_worker)(url, batch)
    return {"done": done, "started": started, "ended": time.time(),
            "cpu": time.process_time() - cpu}


def fill(url: str, jobs: int) -> None:
    from sqlalchemy import text

    from storage.database import make_engine

    engine = make_engine(url)
    try:
        _Base.metadata.create_all(engine)
        with engine.begin() as connection:
            connection.execute(text("TRUNCATE bench_jobs RESTART IDENTITY"))
            connection.execute(text("INSERT INTO bench_jobs (state) SELECT 'waiting' "
                                    "FROM generate_series(1, :n)"), {"n": jobs})
            connection.execute(text("ANALYZE bench_jobs"))
    finally:
        engine.dispose()


def one_run(url: str, variant: str, workers: int, batch: int, jobs: int) -> dict[str, Any]:
    import tempfile

    fill(url, jobs)
    with tempfile.TemporaryDirectory() as folder:
        go = Path(folder) / "go"
        names = [f"claim-queue-{variant}-{workers}-{batch}-{n}" for n in range(workers)]
        children = [spawn("bench.claim_queue", [
            "worker", "--variant", variant, "--url", url, "--batch", str(batch),
            "--ready", str(Path(folder) / f"ready-{n}"), "--go", str(go)], name=name)
            for n, name in enumerate(names)]
        wait_ready(Path(folder), workers, children)  # every child imported and waiting
        release(go)
        found = [collect(child, timeout=300, name=name)
                 for child, name in zip(children, names, strict=True)]
    seconds = max(f["ended"] for f in found) - min(f["started"] for f in found)
    done = sum(f["done"] for f in found)
    return {"variant": variant, "workers": workers, "batch": batch, "jobs": jobs,
            "done": done, "seconds": seconds, "rate": done / seconds,
            "cpu_us_per_job": 1e6 * sum(f["cpu"] for f in found) / max(done, 1)}


def run(pg_url: str, *, scale: float = 1.0, log: Any = print) -> list[dict[str, Any]]:
    from bench.seed import fresh_database

    url = fresh_database(pg_url, "followup_claim_queue")
    results = []
    for batch, jobs in SHAPES:
        for workers in WORKERS:
            for variant in ("plain", "product"):
                result = one_run(url, variant, workers, batch, max(int(jobs * scale), 200))
                log(f"  {variant}, {workers} worker(s), batch {batch}: "
                    f"{result['rate']:,.0f} jobs/s")
                results.append(result)
    return results


def section(results: list[dict[str, Any]], command: str) -> str:
    plain = {(r["workers"], r["batch"]): r for r in results if r["variant"] == "plain"}
    rows = []
    for r in results:
        base = plain[(r["workers"], r["batch"])]
        name = ("plain `SELECT … FOR UPDATE SKIP LOCKED` loop (psycopg)" if r["variant"] ==
                "plain" else "`storage.queue.ClaimQueue` (claim, then complete)")
        rows.append([name, str(r["workers"]), str(r["batch"]), f"{r['done']:,}",
                     f"{r['seconds']:.1f}", f"**{r['rate']:,.0f}**",
                     f"{r['rate'] / base['rate']:.2f}×", f"{r['cpu_us_per_job']:.0f}"])
    return wrap(SECTION, [
        "## 7. The claim queue itself", "",
        "Empty jobs drained from a table of their own on PostgreSQL (loopback, the same "
        "server as the other parts) by 1 and 4 worker processes released together. "
        "*ClaimQueue* is the product's one claim queue (`storage/queue.py`, the inbox's "
        "shape: a job is deleted when done) through SQLAlchemy: one transaction claims a "
        "batch (`UPDATE … WHERE id = ANY(ARRAY(SELECT … FOR UPDATE SKIP LOCKED)) "
        "RETURNING`), a second completes it, since the product's workers hold their "
        "claims under a lease while they work and commit nothing else meanwhile. *Plain* "
        "is the textbook loop written in the bench on psycopg alone: one transaction "
        "selects `… LIMIT n FOR UPDATE SKIP LOCKED`, deletes those rows and commits. "
        "Worker CPU is the workers' own (the server's is not included). On two shared "
        "cores four workers and the server compete for the same CPU, so four workers "
        "add less than on a bigger machine.", "",
        table(["queue", "workers", "batch", "jobs", "seconds", "jobs/s", "× plain",
               "worker CPU µs/job"], rows), "", f"Run: {command}."])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="the claim queue against a plain loop")
    parser.add_argument("mode", nargs="?", choices=["bench", "worker"], default="bench")
    parser.add_argument("--variant", choices=["plain", "product"])
    parser.add_argument("--url")
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--ready", type=Path)
    parser.add_argument("--go", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.mode == "worker":
        emit(worker(args.variant, args.url, args.batch, args.ready, args.go))
        return
    pg_url = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")
    if not pg_url:
        parser.error("set FOLLOWUP_TEST_POSTGRES_URL (a PostgreSQL on loopback)")
    results = run(pg_url, scale=args.scale)
    keep_and_write(results, RESULTS, args.write, SECTION, lambda c: section(results, c),
                   "`FOLLOWUP_TEST_POSTGRES_URL=postgresql://… python -m bench.claim_queue "
                   f"--write {args.write}` (`bash bench/run.sh` runs it too, part `queue`)")


if __name__ == "__main__":
    main()
