"""Calls to a stand-in kept unanswered until the test releases them: one helper for the
Slack and the Discord stand-ins.

For showing by order, not with a stopwatch, that something did not wait for the
platform (an ack that arrives while the work's call is still held did not wait for it),
and for killing a process while it has calls in flight (`after`: the first calls pass,
the rest are held, so a burst is caught in the middle).
"""

from __future__ import annotations

import asyncio
import re
import threading
import time

#: How long a held call waits for its release at most, in seconds: longer than any wait
#: in a test (the app's HTTP answer, an ack, a reply), so a test that expected something
#: to happen while the call was held fails on its own wait first; only a test that never
#: releases is cut short.
HOLD_LIMIT = 30.0


class Hold:
    """Calls whose name fully matches the regex `pattern` (None: every call), after the
    first `after` of them, kept unanswered until `release`."""

    def __init__(self, pattern: str | None, after: int = 0) -> None:
        self.pattern = pattern
        self._after = after
        self._released = threading.Event()
        self._arrived = threading.Condition()
        self._held = 0
        self._left = 0  # held calls that have gone on since (answered, or their client gone)

    @property
    def held(self) -> int:
        """Calls that have arrived at the hold so far (waiting, or answered since)."""
        with self._arrived:
            return self._held

    def takes(self, name: str) -> bool:
        """Whether the call `name` is to be held (it counts towards `after` if not)."""
        if self._released.is_set() or (
                self.pattern is not None and not re.fullmatch(self.pattern, name)):
            return False
        with self._arrived:
            if self._after > 0:
                self._after -= 1
                return False
        return True

    def wait_held(self, count: int = 1, timeout: float = 5.0) -> None:
        """Return once `count` calls have arrived at the hold (bounded by `timeout`)."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: self._held >= count, timeout):
                raise AssertionError(f"expected {count} held {self.pattern or ''} "
                                     f"call(s) within {timeout}s; got {self._held}")

    def release(self, timeout: float = 5.0) -> None:
        """Answer what is held, and let later calls through at once; return once every
        held call has gone on (bounded by `timeout`)."""
        self._released.set()
        with self._arrived:
            if not self._arrived.wait_for(lambda: self._left >= self._held, timeout):
                raise AssertionError(f"{self._held - self._left} held call(s) still held")

    def _arrive(self) -> None:
        with self._arrived:
            self._held += 1
            self._arrived.notify_all()

    def _leave(self) -> None:
        with self._arrived:
            self._left += 1
            self._arrived.notify_all()

    def keep(self) -> None:
        """In a stand-in's request thread: wait here until released (bounded)."""
        self._arrive()
        try:
            self._released.wait(HOLD_LIMIT)
        finally:
            self._leave()

    async def keep_async(self) -> None:
        """`keep` on a stand-in's event loop, which goes on serving other calls."""
        self._arrive()
        deadline = time.monotonic() + HOLD_LIMIT
        try:
            while not self._released.is_set() and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
        finally:
            self._leave()
