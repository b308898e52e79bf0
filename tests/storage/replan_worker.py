"""One of the processes of the two-process replan race (`test_concurrent_replans`).

Run as `python -m tests.storage.replan_worker DB_URL START_ISO BARRIER_DIR NAME PEERS
TRIES THREADS`. For each try it waits at a file barrier until all PEERS processes are
there, then sends THREADS commands about that try's interview #1 at once; at the end it
prints `APOLOGIES <n>`, the commands answered with an apology instead.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

from adapters.runtime import build_runtime
from adapters.settings import load_settings
from bot.ports.clock import SimulatedClock
from tests.storage.replan_race import at_once, commands, failures, someone

#: How often, and how many times at most, a process looks for the others at a barrier.
POLL_SECONDS = 0.002
POLLS = 30_000


def wait_for_peers(barrier: Path, name: str, peers: int, step: int) -> None:
    """Say this process is at `step`; return once all `peers` are."""
    (barrier / f"{step}.{name}").touch()
    for _ in range(POLLS):
        if len(list(barrier.glob(f"{step}.*"))) >= peers:
            return
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"{name}: the other processes never reached step {step}")


def main() -> None:
    url, start, barrier, name = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
    peers, tries, threads = (int(arg) for arg in sys.argv[5:8])
    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00")
    runtime = build_runtime(settings, SimulatedClock(datetime.fromisoformat(start)))
    offset = sum(map(ord, name))  # each process sends its own mix of commands
    apologies = 0
    try:
        for attempt in range(tries):
            wait_for_peers(barrier, name, peers, attempt)
            texts = commands(threads, offset=offset + attempt)
            apologies += len(failures(at_once(runtime.coach, someone(attempt), texts)))
    finally:
        runtime.stop()
    print(f"APOLOGIES {apologies}", flush=True)


if __name__ == "__main__":
    main()
