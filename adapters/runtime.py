"""Wires the core together for a process: storage, coach, delivery and its senders."""

from __future__ import annotations

import gc
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from adapters.departures import Purger, leave
from adapters.library_logs import quiet_body_loggers
from adapters.settings import Settings
from bot.conversation.coach import Coach, CoachDefaults
from bot.delivery.budget import budget_key
from bot.delivery.deliverer import Delivered, Deliverer
from bot.delivery.scheduler import POLL_SECONDS, DeliveryScheduler
from bot.model import Platform
from bot.ports.clock import Clock, SimulatedClock
from bot.ports.request_budget import RequestBudget
from bot.ports.sender import Sender
from storage.repository import SqlRepository, open_repository
from storage.request_budget import shared_budget

SEND_WORKERS = 4


@dataclass
class Runtime:
    """Everything one process needs; adapters add their senders before starting delivery."""

    settings: Settings
    clock: Clock
    repo: SqlRepository
    coach: Coach
    senders: dict[Platform, Sender] = field(default_factory=dict)
    on_delivered: Callable[[Delivered], None] | None = None
    deliverer: Deliverer | None = None
    scheduler: DeliveryScheduler | None = None
    purger: Purger | None = None

    def start_delivery(self, senders: Mapping[Platform, Sender], *, background: bool = True,
                       poll_seconds: float = POLL_SECONDS, purge: bool = True) -> Deliverer:
        """Create the deliverer for these platforms; with `background`, start APScheduler,
        which also looks for due rows every `poll_seconds` (a test that must tell a
        wake-up from the poll pushes the poll out of its reach), and, with `purge`, the
        purger of old data (one per deployment is enough: the `answer` process leaves it
        to the clock)."""
        self.senders.update(senders)
        # Real time sends a few at once; simulated time stays sequential so that what the
        # terminal and the tests see comes out in a fixed order.
        workers = 1 if isinstance(self.clock, SimulatedClock) else SEND_WORKERS
        self.deliverer = Deliverer(self.repo, self.clock, self.coach, self.senders,
                                   on_delivered=self.on_delivered, workers=workers)
        if background and self.settings.delivery == "inline":
            self.scheduler = DeliveryScheduler(self.deliverer, poll_seconds)
            self.scheduler.start()
            if purge and not isinstance(self.clock, SimulatedClock):
                self.purger = Purger(self.repo, self.clock).start()
        return self.deliverer

    def shared_budget(self, scope: str, secret: str, *, rate: float, burst: float
                      ) -> RequestBudget | None:
        """The request budget every process using `secret` (a bot token) shares, kept in
        this PostgreSQL database under a hash of `secret`; None on SQLite (one process)."""
        return shared_budget(self.repo.engine, budget_key(scope, secret), rate=rate,
                             burst=burst)

    def workspace_left(self, platform: Platform, workspace: str) -> dict[str, int]:
        """The bot was removed from `workspace` (`adapters.departures.leave`)."""
        return leave(self.repo, self.clock, self.settings.departed_grace_days, platform,
                     workspace)

    def poke(self) -> None:
        if self.scheduler is not None:
            self.scheduler.poke()

    def stop(self) -> None:
        if self.purger is not None:
            self.purger.stop()
        if self.scheduler is not None:
            self.scheduler.stop()
        if self.deliverer is not None:
            self.deliverer.close()
        for sender in self.senders.values():
            close = getattr(sender, "close", None)
            if callable(close):  # connections and loop threads a sender keeps open
                close()
        self.repo.engine.dispose()


#: Allocations between two collections of the youngest objects (CPython's default: 700).
YOUNG_OBJECTS = 10_000


def freeze_start_up() -> None:
    """For a long-running process, once it has started: what start-up made and keeps
    (modules, the ORM's mappings, compiled statements, clients) is moved out of the
    garbage collector's reach (`gc.freeze`), after a last collection so that no garbage
    is kept. A full collection then scans only what was made since: delivering 12,000
    reminders set off five, which cost 0.49 s of CPU scanning the start-up objects each
    time (0.04 ms a reminder), and 0.04 s once frozen. Objects made later are collected
    as before; the youngest are collected every `YOUNG_OBJECTS` allocations instead of
    700, so a burst's short-lived objects are mostly gone before a collection scans
    them (ad hoc, 20,000 reminders: 0.40 -> 0.39 ms of CPU each). Only from the
    process's main thread: a server started on another thread runs inside a host
    process (the tests'), whose collector is not its to change."""
    if threading.current_thread() is not threading.main_thread():
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


def build_runtime(settings: Settings, clock: Clock) -> Runtime:
    repo = open_repository(settings.database_url)
    runtime: Runtime
    defaults = CoachDefaults(tz=settings.timezone, quiet=settings.quiet,
                             public_url=settings.public_url,
                            mail_domain=settings.mail_domain)
    coach = Coach(repo, clock, defaults,
                  on_plan_changed=lambda: runtime.poke())
    runtime = Runtime(settings=settings, clock=clock, repo=repo, coach=coach)
    return runtime


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with any `extra=` fields (checkpoint id, request id)."""

    STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in self.STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


#: APScheduler logs three INFO lines for every wake-up of delivery (the job added,
#: running, executed): under a burst of commands, dozens a second that say nothing, each
#: formatted and written by the clock. Its warnings and errors (a job that failed) stay;
#: FOLLOWUP_LOG_LEVEL=DEBUG shows the rest.
PER_JOB_LOGGERS = ("apscheduler.scheduler", "apscheduler.executors.default")


def configure_logging(level: str, fmt: str = "text") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    chosen = getattr(logging, level.upper(), logging.INFO)
    logging.basicConfig(level=chosen, handlers=[handler], force=True)
    quiet_body_loggers()  # FOLLOWUP_LOG_LEVEL=DEBUG still logs no message bodies
    for name in PER_JOB_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET if chosen <= logging.DEBUG
                                         else max(chosen, logging.WARNING))
