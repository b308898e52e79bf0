"""Worker processes a fault test starts and kills: `tests.lease_worker` run with the
test's database and clock, its stdout read line by line with a deadline."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from tests.lease_worker import RunningClock
from tests.log_secrets import check_output

ROOT = Path(__file__).resolve().parents[1]


class WorkerProcess:
    """`python -m tests.lease_worker KIND …` in the background."""

    def __init__(self, kind: str, url: str, clock: RunningClock, lease: timedelta,
                 env: dict[str, str] | None = None) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        self._stderr: str | None = None
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.lease_worker", kind, url, clock.start.isoformat(),
             repr(clock.anchor), str(lease.total_seconds())],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            check_output(line, "a lease worker's stdout")
            self._lines.put(line.strip())

    def line(self, prefix: str, timeout: float = 60.0) -> str:
        """The next stdout line starting with `prefix` (bounded by `timeout`)."""
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"the worker never printed {prefix!r}; stderr: "
                                     f"{self.stderr()[-2000:]}") from None
            if line.startswith(prefix):
                return line

    def kill(self) -> None:
        """SIGKILL: no clean-up, no last renewal. Its logs (at DEBUG) are then checked
        for every secret the session knows."""
        self.process.kill()
        self.process.wait(timeout=30)
        check_output(self.stderr(), "a lease worker's logs")

    def stderr(self) -> str:
        if self.process.poll() is None:
            return ""
        if self._stderr is None:
            assert self.process.stderr is not None
            self._stderr = self.process.stderr.read()
        return self._stderr
