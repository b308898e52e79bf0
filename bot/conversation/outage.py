"""One log line when the database goes away and one when it is back, for a process that
meets an outage request by request (each person is told "not done, try again"): a line
per request would bury the one that says when it started."""

from __future__ import annotations

import logging
import threading


class OutageLog:
    """Counts the requests refused since the database was last reached; says so once
    each way. Safe to share between the threads that handle requests."""

    def __init__(self, log: logging.Logger, meanwhile: str) -> None:
        self._log = log
        self._meanwhile = meanwhile  # what happens to requests until it is back
        self._lock = threading.Lock()
        self._refused = 0

    def failed(self, error: BaseException) -> None:
        with self._lock:
            self._refused += 1
            first = self._refused == 1
        if first:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
            self._log.warning("the database is unavailable (%s); %s", reason, self._meanwhile)

    def succeeded(self) -> None:
        if not self._refused:  # the usual case: no lock taken
            return
        with self._lock:
            refused, self._refused = self._refused, 0
        if refused:
            self._log.info("the database is back after %d refused request(s)", refused)
