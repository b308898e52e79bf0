"""APScheduler in-process: wakes delivery at the next due time.

The checkpoints table is the source of truth; the scheduler only holds two jobs that
point at a bound method in a memory job store (nothing is pickled). A slow poll also
picks up rows written by other processes sharing the database.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.delivery.deliverer import Deliverer
from bot.ports.repository import RepositoryUnavailable

log = logging.getLogger(__name__)

POLL_SECONDS = 30
#: How often expired questions are deleted (a mail proposal's words are kept 7 days).
TIDY_SECONDS = 3600
#: How often the idle re-arming thread looks whether it should stop.
REARM_WAIT = 1.0
#: At most one read of the next due time per this many seconds: pokes in between share
#: it. A burst of commands poked after each, and each read is a few statements; a
#: reminder made due now by a command goes out at most this much later.
REARM_EVERY = 0.05
#: A round woken for a due time starts at least this long after the last round began.
#: Under a burst of commands each `add` made a thank-you due at once, and a round per
#: poke carried one or two reminders, each paying a round's fixed cost (claim, reads,
#: the next wake-up, a thread pool); spaced, a round carries what came due meanwhile.
#: A reminder made due now goes out at most this much later.
ROUND_GAP = timedelta(seconds=0.2)


class DeliveryScheduler:
    def __init__(self, deliverer: Deliverer, poll_seconds: float = POLL_SECONDS) -> None:
        self.deliverer = deliverer
        self.poll_seconds = poll_seconds
        self._lock = threading.Lock()
        self._stopping = False
        # The earliest wake-up armed and not yet fired. Each wake-up is a job of its own
        # (ids APScheduler makes up): replacing one fixed-id job from another thread
        # raced the scheduler's own removal of the job it had just fired, which raised
        # JobLookupError inside its loop and stopped the scheduler.
        self._armed_at: datetime | None = None
        self._round_began: datetime | None = None  # the last round's start (ROUND_GAP)
        self._arming = threading.Lock()
        # Rounds that found the database down since it last answered: one line when an
        # outage starts and one when it ends, not a traceback per round.
        self._failed_rounds = 0
        # A poke only asks for a re-arm; one thread reads the next due time for all the
        # pokes that came meanwhile, off the thread that answered the command (a burst of
        # commands poked twice each and read three due times per poke).
        self._rearm_wanted = threading.Event()
        self._rearmer = threading.Thread(target=self._rearm_loop, name="delivery-rearm",
                                         daemon=True)
        self._scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )

    def start(self) -> None:
        """Recover anything left in flight, deliver what came due while down, then wait."""
        self.deliverer.recover()
        self._scheduler.add_job(
            self._tick, "interval", seconds=self.poll_seconds, id="poll",
            next_run_time=datetime.now(UTC), replace_existing=True,
        )
        self._scheduler.add_job(self.tidy, "interval", seconds=TIDY_SECONDS, id="tidy",
                                replace_existing=True)
        self._scheduler.start()
        self._rearmer.start()

    def stop(self) -> None:
        """Stop waking, then wait for a delivery round in progress to finish.

        APScheduler 3 deadlocks if `shutdown(wait=True)` meets a job that adds a job,
        so the waiting is done on our own lock instead.
        """
        self._stopping = True
        self._rearm_wanted.set()
        if self._rearmer.is_alive():
            self._rearmer.join(timeout=REARM_WAIT * 2)
        if self._scheduler.running:
            # Paused first, so its loop stops picking up due jobs before the job store is
            # shut under it (APScheduler 3 can otherwise fail to remove a job it just ran).
            self._scheduler.pause()
            self._scheduler.shutdown(wait=False)
        with self._lock:
            pass

    def poke(self) -> None:
        """The plan changed: have the wake-up re-armed for the new earliest due time (by
        the re-arming thread, at once; pokes that arrive meanwhile share one read)."""
        if self._scheduler.running and not self._stopping:
            self._rearm_wanted.set()

    def _rearm_loop(self) -> None:
        while not self._stopping:
            if not self._rearm_wanted.wait(timeout=REARM_WAIT):
                continue
            self._rearm_wanted.clear()
            if not self._stopping:
                self._arm()
                time.sleep(REARM_EVERY)  # the pokes meanwhile share the next read

    def tidy(self) -> int:
        """Delete the open questions whose time is up, answered or not (a mail proposal
        holds some of the message's words), and the copies of deleted interviews whose
        Undo has run out: without it they would wait for the person's next message,
        which may never come. How many went."""
        try:
            repo, now = self.deliverer.repo, self.deliverer.clock.now()
            return repo.forget_expired_conversations(now) + repo.forget_set_aside(now)
        except RepositoryUnavailable:
            return 0  # the delivery round says the outage; the next hour tries again
        except Exception:
            log.exception("could not delete expired questions; the next hour tries again")
            return 0

    def _tick(self) -> None:
        with self._lock:
            if self._stopping:
                return
            self._round_began = datetime.now(UTC)
            try:
                self.deliverer.deliver_due()
            except RepositoryUnavailable as error:
                self._failed_rounds += 1
                if self._failed_rounds == 1:
                    log.warning("the database is unavailable (%s); delivery waits for it",
                                str(error).strip().splitlines()[0][:200] if str(error)
                                else type(error).__name__)
                return
            except Exception:
                log.exception("delivery round failed; the next poll will try again")
            else:
                if self._failed_rounds:
                    log.info("the database is back after %d failed delivery rounds; "
                             "delivery resumes", self._failed_rounds)
                    self._failed_rounds = 0
        if not self._stopping:
            self._arm()

    def _arm(self) -> None:
        try:
            due = self.deliverer.next_due()
        except RepositoryUnavailable:
            return  # said once by the round that found the outage
        except Exception:
            log.exception("could not read the next due time")
            return
        if due is None:
            return
        run_at = max(due, datetime.now(UTC))
        if self._round_began is not None:
            run_at = max(run_at, self._round_began + ROUND_GAP)
        with self._arming:
            if self._armed_at is not None and self._armed_at <= run_at:
                return  # a wake-up at least as early is already set
            self._armed_at = run_at
        self._scheduler.add_job(self._wake, "date", run_date=run_at, args=[run_at])

    def _wake(self, armed_at: datetime) -> None:
        with self._arming:
            if self._armed_at == armed_at:
                self._armed_at = None
        self._tick()
