"""kill -9 of the Procfile's `clock` in the middle of a burst of due reminders (many
people's thank-you notes due at once), on PostgreSQL, against the Slack and Discord
stand-ins.

The reminders are planned through the real coach before the clock starts. The
stand-ins let the first few messages through and hold the rest unanswered, so the kill
finds some delivered, some in flight (at the platform, not yet confirmed) and some
claimed but not yet sent. The held ones are then answered, as a platform does that got
a message whose sender died meanwhile; a restarted clock delivers the rest. Shared by
`tests/adapters/test_workspace_faults.py` (in CI) and `bench/faults.py
kill-clock-reminders` (300 reminders, one bot token).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from adapters.runtime import Runtime, build_runtime
from adapters.settings import load_settings
from bot.messages import Inbound
from bot.model import CheckpointState, Identity
from bot.ports.clock import SystemClock
from tests.procfile import WAIT, Deployment, wait_until
from tests.standins.discord_api import DiscordApiStandIn
from tests.standins.hold import Hold
from tests.standins.slack_api import SlackApiStandIn

#: A restarted clock delivers what the dead one left within this long of being ready:
#: a dead claim's lease (10 s) runs from the dead process's last renewal, before the kill.
WITHIN = 10.0
#: What the tests assert: WITHIN, with the slack a loaded 2-core machine needs.
BOUND = WITHIN + 10.0


def noon_zone(now: datetime | None = None) -> str:
    """A fixed-offset zone where it is about noon now, so quiet hours hold back none of
    the burst whatever time the test runs."""
    offset = 12 - (now or datetime.now(UTC)).hour  # Etc/GMT-5 is five hours ahead of UTC
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}" if offset else "Etc/GMT"


def plan_due(database_url: str, people: Sequence[Identity]) -> list[int]:
    """Each of `people` had an interview at 9 this morning: their thank-you is due now.
    Returns the ids of the checkpoints due."""
    zone = noon_zone()
    runtime = build_runtime(load_settings(database_url=database_url, timezone=zone),
                            SystemClock())
    try:
        for n, who in enumerate(people):
            runtime.coach.handle(Inbound(
                who, text=f"add Company {n}, analyst, today 9am with Jane Smith",
                platform_tz=zone))
        return due_checkpoints(runtime, people)
    finally:
        runtime.stop()


def checkpoints_in(database_url: str, people: Sequence[Identity],
                   state: CheckpointState) -> list[int]:
    """`due_checkpoints` as the database holds them now, read by a runtime of its own."""
    runtime = build_runtime(load_settings(database_url=database_url), SystemClock())
    try:
        return due_checkpoints(runtime, people, state)
    finally:
        runtime.stop()


def due_checkpoints(runtime: Runtime, people: Sequence[Identity],
                    state: CheckpointState = CheckpointState.PENDING) -> list[int]:
    """The ids of `people`'s checkpoints due by now that are in `state`."""
    repo, now = runtime.repo, runtime.clock.now()
    found = []
    for who in people:
        person = repo.find_person(who)
        assert person is not None, who
        found += [cp.id for interview in repo.list_interviews(person.id)
                  for cp in repo.checkpoints_for(interview.id)
                  if cp.due_at <= now and cp.state is state]
    return found


class Outlet(Protocol):
    """A platform's side of reminders: where they arrive, and holding them there."""

    def hold(self, after: int) -> Hold: ...

    def posts(self) -> Counter[str]:
        """Reminders the platform took, by recipient (user id)."""
        ...


class SlackDms:
    def __init__(self, api: SlackApiStandIn) -> None:
        self.api = api

    def hold(self, after: int) -> Hold:
        return self.api.hold("chat.postMessage", after=after)

    def posts(self) -> Counter[str]:
        return Counter(str(c.args.get("channel")) for c in self.api.calls("chat.postMessage")
                       if c.answer.get("ok"))


class DiscordDms:
    def __init__(self, api: DiscordApiStandIn, users: Sequence[int]) -> None:
        self.api = api
        self.user_of = {api.dm_channel_of(user): str(user) for user in users}

    def hold(self, after: int) -> Hold:
        return self.api.hold("POST", r"/channels/\d+/messages", after=after)

    def posts(self) -> Counter[str]:
        found = (re.fullmatch(r"/channels/(\d+)/messages", c.path) for c in self.api.calls
                 if c.method == "POST" and c.status == 200)
        return Counter(self.user_of[int(m.group(1))] for m in found
                       if m and int(m.group(1)) in self.user_of)


@dataclass
class ReminderBurst:
    """What the platforms took: before the kill, in flight at it, after the restart."""

    recipients: list[str]
    before: Counter[str]
    in_flight: Counter[str]
    after: Counter[str]
    restart_seconds: float = 0.0  # kill -9 -> the new clock ready
    all_delivered_seconds: float = 0.0  # the new clock ready -> every reminder delivered

    @property
    def delivered(self) -> Counter[str]:
        return self.before + self.in_flight + self.after

    def lost(self) -> list[str]:
        return [r for r in self.recipients if not self.delivered[r]]

    def repeated(self) -> Counter[str]:
        return Counter({r: n - 1 for r, n in self.delivered.items() if n > 1})

    def summary(self) -> dict[str, object]:
        return {"reminders": len(self.recipients), "before_kill": sum(self.before.values()),
                "in_flight": sum(self.in_flight.values()),
                "after_restart": sum(self.after.values()), "lost": len(self.lost()),
                "repeated": sum(self.repeated().values()),
                "restart_s": round(self.restart_seconds, 1),
                "all_delivered_s": round(self.all_delivered_seconds, 1)}


def _taken(outlets: Sequence[Outlet]) -> Counter[str]:
    return sum((outlet.posts() for outlet in outlets), Counter())


def steady(read: Callable[[], int], quiet: float = 0.5, timeout: float = WAIT) -> int:
    """`read()` once it has not changed for `quiet` seconds (bounded by `timeout`)."""
    deadline = time.monotonic() + timeout
    last, since = read(), time.monotonic()
    while time.monotonic() - since < quiet:
        assert time.monotonic() < deadline, "never steady"
        time.sleep(0.05)
        if (now := read()) != last:
            last, since = now, time.monotonic()
    return last


def kill_clock_mid_burst(deployment: Deployment, outlets: Sequence[Outlet],
                         recipients: Sequence[str], after: int) -> ReminderBurst:
    """Start `clock` with the burst due; once each outlet has let `after` through and
    holds what follows, kill -9 it; answer what was held; start it again; wait until
    every recipient has a reminder."""
    holds = [outlet.hold(after) for outlet in outlets]
    clock = deployment.start("clock")
    wait_until(lambda: all(hold.held for hold in holds), what="reminders in flight")
    steady(lambda: sum(hold.held for hold in holds))  # as many in flight as will be
    before = _taken(outlets)
    clock.kill()
    killed = time.monotonic()
    for hold in holds:  # the platform answers what it got: sent, unconfirmed
        hold.release()
    steady(lambda: sum(_taken(outlets).values()), quiet=0.3)
    in_flight = _taken(outlets) - before
    deployment.start("clock")
    ready = time.monotonic()
    burst = ReminderBurst(list(recipients), before, in_flight, Counter(),
                          restart_seconds=ready - killed)
    burst.all_delivered_seconds = wait_until(
        lambda: all(_taken(outlets)[r] for r in recipients), what="every reminder delivered")
    steady(lambda: sum(_taken(outlets).values()), quiet=1.0)  # no late repeat
    burst.after = _taken(outlets) - before - in_flight
    return burst
