"""A worker that dies holding claims: its reminders go out within seconds, not minutes.

A real `Deliverer` in another process (`tests.lease_worker delivery`) claims every due
reminder and hangs on its first send, renewing its leases; it is then killed with
SIGKILL. Another deliverer on the same database (SQLite and PostgreSQL) leaves the
claims alone while their worker lives, and sends them once its leases run out.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta

from adapters.runtime import build_runtime
from adapters.settings import Settings
from bot.delivery.deliverer import Deliverer
from bot.messages import Reply
from bot.model import Identity, Platform
from tests.chat import Chat
from tests.conftest import START
from tests.lease_worker import RunningClock
from tests.processes import WorkerProcess

LEASE = timedelta(seconds=2)


class CountingSender:
    def __init__(self) -> None:
        self.sent: Counter[int | None] = Counter()

    def send(self, to: Identity, reply: Reply) -> None:
        self.sent[reply.checkpoint_id] += 1


def test_reminders_a_killed_worker_held_are_sent_once_its_lease_runs_out(
        db_settings: Settings) -> None:
    clock = RunningClock(START, time.time())
    runtime = build_runtime(db_settings, clock)
    for n in range(3):
        Chat(runtime).say(f"add Company{n}, analyst, today 2pm with Jane Smith and Bob Lee")
    due = {cp.id for i in runtime.repo.list_interviews(1)
           for cp in runtime.repo.checkpoints_for(i.id) if cp.due_at <= clock.now()}
    assert len(due) == 6
    sender = CountingSender()
    live = Deliverer(runtime.repo, clock, runtime.coach, {Platform.CONSOLE: sender},
                     lease=LEASE)
    worker = WorkerProcess("delivery", db_settings.database_url, clock, LEASE)
    try:
        in_flight = int(worker.line("SENDING").split()[1])
        time.sleep(3 * LEASE.total_seconds())  # three leases: only renewal keeps them
        assert live.deliver_due() == 0  # a live worker's claims are left alone
    finally:
        worker.kill()
    killed = time.monotonic()
    sent = 0
    for _ in range(600):  # bounded: 60 s at most
        sent += live.deliver_due()
        if sent >= len(due):
            break
        time.sleep(0.1)
    taken_over_in = time.monotonic() - killed
    live.close()
    runtime.stop()

    assert set(sender.sent) == due and max(sender.sent.values()) == 1  # none lost
    assert in_flight in due  # the one in flight went again: at most that one twice
    print(f"\n{db_settings.database_url.split(':')[0]}: all {len(due)} reminders a killed "
          f"worker held were sent {taken_over_in:.1f} s after the kill (lease "
          f"{LEASE.total_seconds():.0f} s)")
