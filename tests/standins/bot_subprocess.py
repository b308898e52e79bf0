"""`followup-bot discord` as a child process, watched from outside: its log lines as they
come, its `/healthz`, and kill -9.

Everything it talks to is a loopback stand-in the test started; the environment it gets
is built here from scratch, so no developer token or `.env` reaches it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.standins.discord_api import DISCORD_TOKEN, WAIT, DiscordApiStandIn
from tests.standins.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
START_WAIT = 60.0  # seconds: a cold Python start on a busy machine, imports and all


def clean_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This machine's environment without a developer's tokens or `.env` settings
    (SLACK_*, DISCORD_*, FOLLOWUP_*), a home in `tmp_path`, and `extra`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DISCORD_", "FOLLOWUP_"))}
    env.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               FOLLOWUP_DATABASE_URL=f"sqlite:///{tmp_path / 'followup.db'}",
               FOLLOWUP_TIMEZONE="America/New_York", FOLLOWUP_LOG_LEVEL="INFO")
    env.update(extra)
    return env


def bot_environment(tmp_path: Path, api: DiscordApiStandIn, **extra: str) -> dict[str, str]:
    """What the child sees: the stand-in's address, a SQLite file in `tmp_path`, quick
    retries, delivery left to a clock process as in the Procfile."""
    return clean_environment(tmp_path, **{
        "DISCORD_TOKEN": DISCORD_TOKEN, "DISCORD_API_URL": api.url,
        "FOLLOWUP_DELIVERY": "off", "DISCORD_RETRY_FIRST_SECONDS": "0.05",
        "DISCORD_RETRY_MAX_SECONDS": "0.4", **extra})


def _command() -> list[str]:
    """The installed `followup-bot` script beside this Python, as the Procfile runs it."""
    script = Path(sys.executable).with_name("followup-bot")
    if script.exists():
        return [str(script), "discord"]
    return [sys.executable, "-m", "adapters.cli", "discord"]


class BotSubprocess:
    """One `followup-bot discord` process (or `command`, another of the Procfile's, whose
    `/healthz` is on `health_port`); `lines` is its stdout and stderr, merged."""

    def __init__(self, tmp_path: Path, env: dict[str, str], command: list[str] | None = None,
                 health_port: int | None = None) -> None:
        self.health_port = health_port or free_port()
        self.process = subprocess.Popen(
            command or _command(), cwd=tmp_path,
            env={**env, "DISCORD_HEALTH_PORT": str(self.health_port)},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="bot-output", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()

    @property
    def output(self) -> str:
        with self._cond:
            return "\n".join(self.lines)

    def wait_for_lines(self, pattern: str, count: int = 1, timeout: float = START_WAIT
                       ) -> list[str]:
        """Block until `count` output lines match the regex `pattern`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [line for line in self.lines if re.search(pattern, line)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise AssertionError(f"no {count}× {pattern!r}; output:\n"
                                         + "\n".join(self.lines))
                self._cond.wait(min(left, 0.5))

    def health(self) -> tuple[int, dict[str, Any]] | None:
        """`/healthz`'s status and body; None while nothing answers on the port."""
        url = f"http://127.0.0.1:{self.health_port}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=WAIT) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read())
        except OSError:
            return None

    def wait_health(self, status: int, timeout: float = START_WAIT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            seen = self.health()
            if seen is not None and seen[0] == status:
                return seen[1]
            assert self.process.poll() is None, f"the bot exited:\n{self.output}"
            assert time.monotonic() < deadline, f"/healthz never said {status} (last: {seen})"
            time.sleep(0.1)

    def kill(self) -> int:
        """kill -9: no chance to close anything."""
        self.process.kill()
        return self.process.wait(WAIT)

    def stop(self) -> int:
        """SIGTERM, as a process manager stops it; the exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(4 * WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(WAIT)
        self._reader.join(WAIT)
        return self.process.returncode
