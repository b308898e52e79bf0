"""Benchmark 6: what one Slack command costs the process that answers it, before and after.

For `add` (one line), `list`, `sent`, `snooze` and `heard`, answered as the clock process
answers a queued `/followup …` (`SlackCoach.apply` on `command_inbound`, the real
`SqlRepository` on PostgreSQL): statements, round trips and CPU per command, measured by
`bench/command_child.py` in a child process. The same child measures the code at
`BASELINE` (the commit this work started from, unpacked with `git archive` and put first
on PYTHONPATH) and the current tree, each on a fresh database of the same server,
alternating `ROUNDS` times so that a machine growing busier or quieter moves both; CPU
is each variant's best round (the least disturbed), counts are the most seen.

`python -m bench.command_cost [--cycles N] [--write docs/BENCHMARKS.md]`
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.report import keep_and_write, table, wrap
from bench.seed import fresh_database
from bench.worker import WORK_DIR, run_child

ROOT = Path(__file__).resolve().parent.parent
#: The code before this work: the figures' "before".
BASELINE = "cc50aff"
BASE_DIR = WORK_DIR / "command-cost"
RESULTS = BASE_DIR / "results.json"
ROUNDS = 2
COMMANDS = ("add", "list", "sent", "snooze", "heard")
#: The targets: CPU per command in the answering process, and round trips.
CPU_TARGET_MS = 3.0
TRIPS_TARGET = 4
SECTION = "command-cost"


def baseline_tree() -> Path:
    """The BASELINE commit's files, unpacked once (no git metadata, nothing installed)."""
    tree = BASE_DIR / f"tree-{BASELINE}"
    if not (tree / "bot").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def measure(tree: Path, url: str, cycles: int, *, profile: bool,
            name: str = "command-cost") -> dict[str, Any]:
    """One child run on `tree`'s code (a script, not a module: it runs on the old tree)."""
    command = [sys.executable, str(ROOT / "bench" / "command_child.py"), url, str(cycles)]
    return run_child(command + (["--profile"] if profile else []), timeout=600, name=name,
                     env={"PYTHONPATH": str(tree)}, cwd=tree)


def run(pg_url: str, cycles: int, *, log: Callable[[str], None] = print,
        rounds: int = ROUNDS) -> dict[str, Any]:
    trees = {"before": baseline_tree(), "after": ROOT}
    runs: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    for round_ in range(rounds):
        for variant, tree in trees.items():
            url = fresh_database(pg_url, f"followup_cost_{variant}")
            last = round_ == rounds - 1
            runs[variant].append(measure(tree, url, cycles, profile=last,
                                         name=f"command-cost-{variant}-{round_ + 1}"))
            cost = runs[variant][-1]["commands"]
            log(f"  {variant} round {round_ + 1}: " + ", ".join(
                f"{name} {cost[name]['cpu_ms']:.1f} ms / {cost[name]['trips']} trips"
                for name in COMMANDS))
    result: dict[str, Any] = {"baseline": BASELINE, "cycles": cycles, "rounds": rounds,
                              "variants": {}}
    for variant, found in runs.items():
        result["variants"][variant] = {
            "commands": {name: {
                "cpu_ms": min(r["commands"][name]["cpu_ms"] for r in found),
                "cpu_ms_rounds": [r["commands"][name]["cpu_ms"] for r in found],
                "statements": max(r["commands"][name]["statements"] for r in found),
                "trips": max(r["commands"][name]["trips"] for r in found),
                "texts": found[-1]["commands"][name]["texts"],
            } for name in COMMANDS},
            "profile": found[-1].get("profile", {}),
            "same_answers": found[-1]["sample"] == runs["before"][-1]["sample"],
        }
    return result


def section(result: dict[str, Any], command: str) -> str:
    before = result["variants"]["before"]["commands"]
    after = result["variants"]["after"]["commands"]
    rows = []
    for name in COMMANDS:
        b, a = before[name], after[name]
        rows.append([
            f"`{name}`", f"{b['statements']} → **{a['statements']}**",
            f"{b['trips']} → **{a['trips']}**", f"{b['cpu_ms']:.1f} → **{a['cpu_ms']:.1f}**",
            "met" if a["cpu_ms"] <= CPU_TARGET_MS else "not met",
            "met" if a["trips"] <= TRIPS_TARGET else "not met"])
    same = result["variants"]["after"]["same_answers"]
    lines = [
        "## 6. What one command costs the process that answers it",
        "",
        "Each command answered as the clock process answers a queued `/followup …`: "
        "`SlackCoach.apply(key, command_inbound(glue, body))`, with the real "
        "`SqlRepository` on PostgreSQL on loopback, for people who have confirmed their "
        "zone (so Slack is never asked), each cycle one person's `add Company N, data "
        "analyst, yesterday 2pm with Jane Smith`, then `list`, `sent N`, `snooze N.3 2d` "
        "and `heard N rejected` (`bench/command_child.py`). *Statements* are every "
        "`before_cursor_execute` on the repository's engine. *Round trips* are those "
        "statements plus each BEGIN psycopg sends before a transaction's first "
        "statement and each COMMIT or ROLLBACK it sends while a transaction is open "
        "(none for a connection in autocommit, none for one with nothing open); a "
        "unit's BEGIN and COMMIT sent inside its lock's and its answer's messages are no "
        "trips of their own (a TCP proxy counting the turns between client and server "
        "agreed with these counts for this code and the commit before it); pings "
        "of idle pooled connections are not counted (commands follow each other within "
        "the pool's idle second). *CPU* is `time.process_time()` of the answering "
        "process around each command, the mean over "
        f"{result['cycles']} cycles, the best of {result['rounds']} rounds (the server's "
        "CPU is not included; posting the answer to `response_url` is not included). "
        f"*Before* is commit `{result['baseline']}` measured in the same run by the same "
        "child on a fresh database of the same server, the two alternating; the answers "
        f"were {'the same, word for word' if same else 'NOT the same'} in both.",
        "",
        table(["command", "statements before → after", "round trips before → after",
               "CPU ms before → after", "CPU ≤ 3 ms", "trips ≤ 4"], rows),
        "",
        "Where the time goes now (pyinstrument over more cycles of the same commands; "
        "wall time, so waiting on the server counts; callees included):",
        "",
        table(["function", "file", "share"],
              [[f"`{row['function']}`", row["where"], f"{row['share']:.0%}"]
               for row in result["variants"]["after"]["profile"].get("inclusive", [])[:12]]),
        "",
        "Self time by library, before → after:",
        "",
        table(["library", "before", "after"], _libraries(result)),
        "",
        f"Run: {command}.",
    ]
    return wrap(SECTION, lines)


def _libraries(result: dict[str, Any]) -> list[list[str]]:
    shares = {variant: {row["group"]: row["share"]
                        for row in result["variants"][variant]["profile"].get("by_library", [])}
              for variant in ("before", "after")}
    groups = sorted(set(shares["before"]) | set(shares["after"]),
                    key=lambda g: -shares["after"].get(g, 0))
    return [[g, f"{shares['before'].get(g, 0):.0%}", f"{shares['after'].get(g, 0):.0%}"]
            for g in groups]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--write", type=Path, default=None,
                        help="replace this section in a Markdown file (docs/BENCHMARKS.md)")
    args = parser.parse_args(argv)
    pg_url = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")
    if not pg_url:
        parser.error("set FOLLOWUP_TEST_POSTGRES_URL (a PostgreSQL on loopback)")
    result = run(pg_url, args.cycles, rounds=args.rounds)
    keep_and_write(result, RESULTS, args.write, SECTION, lambda c: section(result, c),
                   f"`FOLLOWUP_TEST_POSTGRES_URL=postgresql://… python -m bench.command_cost "
                   f"--cycles {args.cycles} --write {args.write}` (`bash bench/run.sh` runs "
                   "it too, part `cost`)")


if __name__ == "__main__":
    main()
