"""Leaving a workspace cleanly, on every platform: recorded at once (its queued reminders
and club posts cancelled), its data deleted after the operator's grace period
(FOLLOWUP_DEPARTED_GRACE_DAYS, 30 by default) unless the bot is added back first.

`Purger` runs that deletion in each process that delivers: at start, then every
`PURGE_SECONDS`; the database makes it safe for several processes to run it at once.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from bot.model import Platform
from bot.ports.clock import Clock
from bot.ports.repository import RepositoryUnavailable
from bot.ports.workspaces import Workspaces

log = logging.getLogger(__name__)

PURGE_SECONDS = 3600.0


def leave(repo: Workspaces, clock: Clock, grace_days: int, platform: Platform,
          workspace: str) -> dict[str, int]:
    """The bot was removed from `workspace`: stop sending there now, purge it later."""
    now = clock.now()
    cancelled = repo.workspace_left(platform, workspace, now, now + timedelta(days=grace_days))
    log.info("removed from %s workspace %s: %d reminder(s) and %d club post(s) cancelled; "
             "its data is deleted in %d day(s) unless the bot is added back", platform.value,
             workspace, cancelled["reminders"], cancelled["club posts"], grace_days)
    return cancelled


class Purger:
    """Deletes the data of workspaces whose grace period is over, hourly, in a thread."""

    def __init__(self, repo: Workspaces, clock: Clock, every: float = PURGE_SECONDS) -> None:
        self.repo, self.clock, self.every = repo, clock, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="purger", daemon=True)

    def start(self) -> Purger:
        self._thread.start()
        return self

    def purge(self) -> dict[str, int]:
        counts = self.repo.purge_departed(self.clock.now())
        if counts.get("workspaces"):
            log.info("deleted the data of %d workspace(s) whose grace period ended: "
                     "%d person(s), %d club(s)", counts["workspaces"], counts["people"],
                     counts["clubs"])
        return counts

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.purge()
            except RepositoryUnavailable:
                log.warning("database unavailable; departed workspaces purged later")
            except Exception:
                log.exception("purging departed workspaces failed")
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
