"""Each measurement runs in a fresh child process: its own memory, GIL and imports.

The parent's side:

- `run_worker` runs `python -m <module> <args>` (or `run_child` any command) to the end,
  bounded in time, sends its stderr (the bot's logs) to a file, and returns the JSON
  object the child prints last;
- `spawn` starts one such child without waiting, `collect` waits for it and reads its
  result, and `wait_ready` / `release` start several children's measurement together
  (each child touches its `ready` file, then waits for the shared `go` file).

The child's side: `emit` prints its result, `announce` and `wait_for_go` take part in
the start signal. `bench/command_child.py` runs on an older tree and imports none of it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: Where every part keeps its raw results, logs and cached files (FOLLOWUP_BENCH_DIR to
#: move it, e.g. to try a first run on a machine that ran the bench before).
WORK_DIR = Path(os.environ.get("FOLLOWUP_BENCH_DIR") or "/tmp/followup-bench")
LOG_DIR = WORK_DIR / "logs"


class WorkerFailed(RuntimeError):
    """A child exited badly or printed no result; the message names its log."""


def _log_path(name: str) -> Path:
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    return LOG_DIR / f"{name}.log"


def last_json(stdout: str) -> dict[str, Any] | None:
    """The last line of `stdout` that is a JSON object, if any."""
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    return dict(json.loads(lines[-1])) if lines else None


def _result(name: str, returncode: int, stdout: str, log_path: Path) -> dict[str, Any]:
    found = last_json(stdout)
    if returncode != 0 or found is None:
        tail = log_path.read_text()[-2000:]
        raise WorkerFailed(f"{name} exited {returncode} (log: {log_path}):\n{tail}")
    return found


def run_child(argv: list[str], *, timeout: float, name: str,
              env: dict[str, str] | None = None, cwd: Path | None = None) -> dict[str, Any]:
    """Run `argv` to the end (at most `timeout` s); the JSON object it printed last."""
    log_path = _log_path(name)
    child_env = {**os.environ, **(env or {})}
    with log_path.open("w") as log:
        try:
            done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=log, text=True,
                                  timeout=timeout, env=child_env, cwd=cwd, check=False)
        except subprocess.TimeoutExpired as expired:
            raise WorkerFailed(f"{name} ran past {timeout:.0f} s (log: {log_path})") from expired
    return _result(name, done.returncode, done.stdout, log_path)


def run_worker(module: str, args: list[str], *, timeout: float, name: str,
               env: dict[str, str] | None = None) -> dict[str, Any]:
    """`python -m module args` to the end; the JSON object it printed last."""
    return run_child([sys.executable, "-m", module, *args], timeout=timeout, name=name,
                     env=env)


def spawn(module: str, args: list[str], *, name: str) -> subprocess.Popen[str]:
    """Start `python -m module args` without waiting; stderr goes to its log."""
    with _log_path(name).open("w") as log:
        return subprocess.Popen([sys.executable, "-m", module, *args], stdout=subprocess.PIPE,
                                stderr=log, text=True)


def collect(child: subprocess.Popen[str], *, timeout: float, name: str) -> dict[str, Any]:
    """Wait for a child from `spawn`; the JSON object it printed last."""
    out, _ = child.communicate(timeout=timeout)
    return _result(name, child.returncode, out, LOG_DIR / f"{name}.log")


def wait_ready(folder: Path, count: int, children: list[subprocess.Popen[str]],
               timeout: float = 180.0) -> None:
    """Until `count` children have touched their `ready-*` file in `folder` (bounded)."""
    deadline = time.monotonic() + timeout
    while len(list(folder.glob("ready-*"))) < count:
        if any(child.poll() is not None for child in children):
            raise WorkerFailed(f"a child exited before it was ready (logs in {LOG_DIR})")
        if time.monotonic() > deadline:
            raise WorkerFailed(f"the children were not ready in {timeout:.0f} s")
        time.sleep(0.05)


def release(go: Path) -> float:
    """Start every waiting child's measurement; the wall-clock time it was given."""
    started = time.time()
    go.touch()
    return started


def announce(ready: Path) -> None:
    """The child's side of `wait_ready`."""
    ready.touch()


def wait_for_go(go: Path, *, poll: float = 0.01, timeout: float = 600.0) -> None:
    """The child's side of `release` (bounded: it goes ahead after `timeout`)."""
    for _ in range(int(timeout / poll)):
        if go.exists():
            return
        time.sleep(poll)


def emit(result: dict[str, Any]) -> None:
    """The child's answer: one JSON line on stdout."""
    print(json.dumps(result), flush=True)
