"""Work on several threads released at the same moment, as several processes would race."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence


def all_at_once(calls: Sequence[Callable[[], object]], *, timeout: float = 60.0
                ) -> list[BaseException]:
    """Run each call on a thread of its own, all released together by a barrier, and wait
    up to `timeout` seconds for each. What they raised, and a TimeoutError for each one
    still running then (a hang): empty when every call returned in time."""
    start = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        try:
            start.wait(timeout=10)
            call()
        except BaseException as error:  # reported to the caller
            errors.append(error)

    threads = [threading.Thread(target=run, args=(call,), daemon=True) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    errors += [TimeoutError(f"{thread.name} hung: still running after {timeout} s")
               for thread in threads if thread.is_alive()]
    return errors
