"""A token bucket that lends: a request may take a token the bucket does not hold yet,
and waits until it would have been refilled.

Lending instead of refusing turns every take into a reservation of the next free slot,
so concurrent takers are spaced out in the order they asked, without polling. `take` is
the arithmetic alone; `LocalBudget` keeps one bucket in memory for a single process, and
`storage.request_budget` runs the same arithmetic in one atomic UPDATE for many.
A bucket filling at `rate` with capacity `burst` grants at most `burst + rate` in any
one-second window (`slots_in_any_window` checks it in the tests).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Taken:
    """The bucket after one take, and when the taker may send."""

    tokens: float  # negative: slots lent ahead of the refill
    stamp: float  # the moment the bucket was last refilled to
    wait: float  # seconds from `now` until the taker's slot


def take(tokens: float, stamp: float | None, now: float, *, rate: float,
         burst: float) -> Taken:
    """One token from a bucket holding `tokens` at `stamp` (None: never used, full),
    refilled at `rate` a second up to `burst`. A clock that went back refills nothing."""
    if stamp is None:
        tokens, stamp = burst, now
    refilled = min(burst, tokens + max(now - stamp, 0.0) * rate) - 1.0
    later = max(stamp, now)
    slot = later + max(-refilled, 0.0) / rate
    return Taken(refilled, later, max(slot - now, 0.0))


class LocalBudget:
    """A `RequestBudget` for one process (SQLite, the terminal, tests): a bucket in memory.

    `monotonic` is the clock it is read on; tests pass one they move themselves."""

    blocking = False

    def __init__(self, rate: float, burst: float, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.monotonic = monotonic
        self._tokens = 0.0
        self._stamp: float | None = None
        self._lock = threading.Lock()

    def reserve(self) -> float:
        with self._lock:
            taken = take(self._tokens, self._stamp, self.monotonic(), rate=self.rate,
                         burst=self.burst)
            self._tokens, self._stamp = taken.tokens, taken.stamp
            return taken.wait


def budget_key(scope: str, secret: str) -> str:
    """The name a shared budget is stored under: a SHA-256 of the secret it belongs to
    (a bot token), so the database holds no token, yet processes with the same token
    meet in one row and two bots never share one."""
    return hashlib.sha256(f"{scope}\0{secret}".encode()).hexdigest()


def slots_in_any_window(slots: list[float], window: float = 1.0) -> int:
    """The most slots that fall in any half-open window [t, t + window)."""
    ordered = sorted(slots)
    most, start = 0, 0
    for end, moment in enumerate(ordered):
        while ordered[start] <= moment - window:
            start += 1
        most = max(most, end - start + 1)
    return most
