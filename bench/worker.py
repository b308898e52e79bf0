"""Each measurement runs in a fresh child process: its own memory, GIL and imports.

`run_worker` starts `python -m <module> <args>`, bounded in time, sends its stderr
(the bot's logs) to a file, and returns the JSON object the child prints last.
`emit` is the child's side.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

LOG_DIR = Path("/tmp/followup-bench/logs")


class WorkerFailed(RuntimeError):
    """A child exited badly or printed no result; the message names its log."""


def run_worker(module: str, args: list[str], *, timeout: float, name: str,
               env: dict[str, str] | None = None) -> dict[str, Any]:
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / f"{name}.log"
    child_env = {**os.environ, **(env or {})}
    with log_path.open("w") as log:
        try:
            done = subprocess.run([sys.executable, "-m", module, *args], stdout=subprocess.PIPE,
                                  stderr=log, text=True, timeout=timeout, env=child_env,
                                  check=False)
        except subprocess.TimeoutExpired as expired:
            raise WorkerFailed(f"{name} ran past {timeout:.0f} s (log: {log_path})") from expired
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = log_path.read_text()[-2000:]
        raise WorkerFailed(f"{name} exited {done.returncode} (log: {log_path}):\n{tail}")
    return dict(json.loads(lines[-1]))


def emit(result: dict[str, Any]) -> None:
    """The child's answer: one JSON line on stdout."""
    print(json.dumps(result), flush=True)
