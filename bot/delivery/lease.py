"""Short leases on claimed work, renewed while the work goes on.

A worker that claims rows from the claim queue (due reminders, club posts, queued slash
commands) holds them for `LEASE`; its `Heartbeat` renews every claim it still holds
every `RENEW_EVERY` seconds. A worker that dies stops renewing, so another finds its
claims older than the lease and takes them over within seconds, while a slow but live
worker (a 429 wait, a slow API) keeps what it holds.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from bot.ports.clock import Clock

log = logging.getLogger(__name__)

#: A claim not renewed for this long belongs to a worker taken for dead.
LEASE = timedelta(seconds=10)
#: A live worker renews what it holds three times per lease, so a beat lost to a slow
#: database does not cost the lease.

Renew = Callable[[Sequence[int], datetime], int]


class Heartbeat:
    """Renews the claims one worker holds (`hold`, until `drop`) from a daemon thread,
    started with the first claim and stopped by `close`."""

    def __init__(self, renew: Renew, clock: Clock, *, lease: timedelta = LEASE,
                 name: str = "heartbeat") -> None:
        self._renew = renew
        self._clock = clock
        self._every = lease.total_seconds() / 3  # three beats per lease
        self._name = name
        self._held: Counter[int] = Counter()  # a row may be held by two batches at once
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None
        self._failing = False

    def hold(self, ids: Iterable[int]) -> None:
        with self._lock:
            self._held.update(ids)
            if self._thread is None and not self._closed.is_set():
                self._thread = threading.Thread(target=self._run, name=self._name,
                                                daemon=True)
                self._thread.start()

    def drop(self, ids: Iterable[int]) -> None:
        with self._lock:
            held = self._held
            for row in ids:  # only these rows: not a copy of everything held, each batch
                left = held[row] - 1
                if left > 0:
                    held[row] = left
                else:
                    held.pop(row, None)  # held no more

    @property
    def held(self) -> set[int]:
        with self._lock:
            return set(self._held)

    def beat(self) -> int:
        """Renew every claim held now; how many rows were renewed. A failure (the
        database is down) is logged once until a beat succeeds again."""
        held = sorted(self.held)
        if not held:
            return 0
        try:
            renewed = self._renew(held, self._clock.now())
        except Exception as error:
            if not self._failing:
                log.warning("%s: could not renew %d claims (%s); trying again",
                            self._name, len(held), type(error).__name__)
            self._failing = True
            return 0
        if self._failing:
            log.info("%s: renewing claims again", self._name)
        self._failing = False
        return renewed

    def close(self) -> None:
        self._closed.set()
        thread = self._thread
        if thread is not None:
            thread.join(self._every + 1)

    def _run(self) -> None:
        while not self._closed.wait(self._every):
            self.beat()
