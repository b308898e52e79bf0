"""`python -m bench [--quick]`: run every benchmark and write docs/BENCHMARKS.md.

Order, to fit a full run in 15 minutes on 2 cores: the pacing test (bound by its
50 requests/s limit, about a quarter of one core) runs in the background while the
growth test runs, then while the Slack tests gate the Slack path and the cost of a
command is counted (CPU time and statements, not wall time); then the Slack command
path, delivery, the global limit, the claim queue and the answer under load, whose
latencies and rates the other tests would disturb, each run alone. Raw results go to
/tmp/followup-bench/results.json; `--from-json` rewrites the report from such a file
without measuring again.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import (
    answer_latency,
    claim_queue,
    command_cost,
    delivery,
    global_limit,
    growth,
    machine,
    pacing,
    report,
    slack_path,
)
from bench.worker import WORK_DIR

RESULTS = WORK_DIR / "results.json"
PARTS = ("delivery", "growth", "pacing", "slack", "global", "cost", "queue", "answer")


@dataclass(frozen=True)
class Plan:
    """How much of everything one run does."""

    name: str
    delivery_count: int
    delivery_cap: float  # seconds per delivery run
    fix_count: int
    profile_count: int
    growth_sizes: tuple[int, ...]
    growth_samples: int
    pacing_count: int
    pacing_cap: float
    growth_starts: int  # fresh processes per size for start time and memory
    slack_seconds: float  # per concurrency level
    slack_levels: tuple[int, ...]
    global_count: int = 2_000  # DMs four processes share under one global limit
    cost_cycles: int = 60  # cycles of five commands, per variant and round
    queue_scale: float = 0.5  # of bench.claim_queue.SHAPES' job counts
    answer_headline: float = answer_latency.HEADLINE_SECONDS  # the 200/s step (open loop)
    answer_seconds: float = answer_latency.SECONDS  # per probe rate after it
    answer_bare: float = answer_latency.BARE_STEP_SECONDS  # the bare app per rate, open loop
    answer_probes: int = answer_latency.PROBES  # rates tried after the 200/s headline
    answer_profiled: int = answer_latency.PROFILED  # commands answered under pyinstrument


# Each rate is steady within seconds (the delivery timeline plot), so 20 s per delivery
# run (10 s for floor 2) measure it, and 50,000 due at once are more than any sender
# posts in 20 s here (seeding 100,000 on PostgreSQL took half a minute); the pacing
# test's 4,000 DMs (and 400 first contacts) take about as long as the growth test, the
# Slack gate and the cost of a command that run beside it (8,000 left it alone for two
# minutes).
FULL = Plan("full", delivery_count=50_000, delivery_cap=20, fix_count=1_500,
            profile_count=1_500, growth_sizes=(10_000, 100_000, 1_000_000), growth_samples=200,
            pacing_count=4_000, pacing_cap=540, growth_starts=3, slack_seconds=2.5,
            slack_levels=(1, 16, 64), answer_bare=4.0)
QUICK = Plan("quick", delivery_count=500, delivery_cap=10, fix_count=200, profile_count=200,
             growth_sizes=(10_000, 100_000), growth_samples=30, pacing_count=1_000,
             pacing_cap=90, growth_starts=1, slack_seconds=1.0, slack_levels=(1, 16),
             cost_cycles=20, queue_scale=0.1, answer_headline=5.0, answer_seconds=5.0,
             answer_probes=1, answer_profiled=60, answer_bare=2.0, global_count=300)

_print_lock = threading.Lock()


def say(line: str) -> None:
    with _print_lock:
        print(line, flush=True)


def measure(plan: Plan, parts: set[str], *, slack_check: bool) -> dict[str, Any]:
    pg_url = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")
    started = time.perf_counter()
    results: dict[str, Any] = {"plan": plan.__dict__, "machine": machine.describe(pg_url)}
    say(f"followup-bot benchmarks ({plan.name}); PostgreSQL: "
        f"{results['machine']['postgresql']}")

    pacing_thread = None
    if "pacing" in parts:
        def background() -> None:
            try:
                result = pacing.run(plan.pacing_count, cap=plan.pacing_cap,
                                    log=lambda line: say(f"[pacing] {line.strip()}"))
                results["pacing"] = result.as_json()
            except Exception as error:
                results["pacing_error"] = repr(error)
                say(f"[pacing] failed: {error!r}")

        pacing_thread = threading.Thread(target=background, name="pacing")
        pacing_thread.start()
    if "growth" in parts:
        say("growth")
        results["growth"] = growth.run(list(plan.growth_sizes), samples=plan.growth_samples,
                                       starts=plan.growth_starts, log=say).as_json()
    # While the pacing test (bound by its limit) still runs: the Slack tests that gate
    # the Slack path, and the cost of a command, which counts CPU time and statements,
    # not wall time.
    gate = slack_path.gate(say) if "slack" in parts and slack_check else None
    if "cost" in parts and pg_url:
        say("what one command costs, before and after"
            + (" (alongside the pacing test)" if pacing_thread and pacing_thread.is_alive()
               else ""))
        results["command_cost"] = command_cost.run(pg_url, plan.cost_cycles, log=say)
    if pacing_thread is not None:
        pacing_thread.join()
    if "slack" in parts:
        say("slack command path")
        results["slack"] = (slack_path.SlackPathResult(measured=False, reason=gate) if gate
                            else slack_path.run(seconds=plan.slack_seconds,
                                                levels=plan.slack_levels, pg_url=pg_url,
                                                log=say, check=False)).as_json()
    if "delivery" in parts:
        say("delivery")
        results["delivery"] = delivery.run(
            plan.delivery_count, pg_url, cap=plan.delivery_cap, fix_count=plan.fix_count,
            profile_count=plan.profile_count, log=say).as_json()
    if "global" in parts and pg_url:
        say("one global rate limit across processes")
        results["global_limit"] = [r.as_json() for r in global_limit.run(
            plan.global_count, pg_url, cap=180.0, log=say)]
    if "queue" in parts and pg_url:
        say("the claim queue itself")
        results["claim_queue"] = claim_queue.run(pg_url, scale=plan.queue_scale, log=say)
    if "answer" in parts and pg_url:
        say("the answer, not only the ack (open loop)")
        results["answer_latency"] = answer_latency.run(
            pg_url, seconds=plan.answer_seconds, headline_seconds=plan.answer_headline,
            bare_seconds=plan.answer_bare,
            probes=plan.answer_probes,
            profiled=plan.answer_profiled, log=say)
    results["machine"]["load_at_end"] = machine.load()
    results["runtime_seconds"] = time.perf_counter() - started
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run (about 4 minutes)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default: {','.join(PARTS)})")
    parser.add_argument("--out", default="docs/BENCHMARKS.md")
    parser.add_argument("--from-json", type=Path, default=None,
                        help="write the report from saved results; measure nothing")
    parser.add_argument("--slack-anyway", action="store_true",
                        help="measure the Slack path even if its tests do not pass")
    args = parser.parse_args(argv)
    if args.from_json:
        results = json.loads(args.from_json.read_text())
    else:
        parts = {p.strip() for p in args.only.split(",") if p.strip()}
        unknown = parts - set(PARTS)
        if unknown:
            parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
        results = measure(QUICK if args.quick else FULL, parts,
                          slack_check=not args.slack_anyway)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results))
        say(f"raw results: {RESULTS}")
    out = Path(args.out)
    report.write(results, out)
    say(f"report: {out} (plots in {out.parent / 'bench'}); "
        f"{results.get('runtime_seconds', 0):.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
