"""Delivery never loses a checkpoint: crashes, restarts, platform errors and rate limits.

Every delivery test runs on SQLite and on PostgreSQL (`db_runtime`, `db_settings`)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.runtime import build_runtime
from bot.delivery.deliverer import Delivered, backoff
from bot.messages import Reply
from bot.model import CheckpointState, Identity, Platform
from bot.ports.sender import SendFailed
from tests.chat import Chat
from tests.conftest import START
from tests.log_secrets import check_output
from tests.threads import all_at_once

ROOT = Path(__file__).resolve().parents[3]


class FlakySender:
    """Fails the first `failures` sends with the given error, then delivers."""

    def __init__(self, failures: int, error: SendFailed) -> None:
        self.failures = failures
        self.error = error
        self.calls = 0

    def send(self, to: Identity, reply: Reply) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error


def test_a_rate_limited_send_waits_retry_after_then_goes_once(db_runtime):
    sent: list[Delivered] = []
    db_runtime.on_delivered = sent.append
    sender = FlakySender(1, SendFailed("429", retry_after=30))
    deliverer = db_runtime.start_delivery({Platform.CONSOLE: sender}, background=False)
    Chat(db_runtime).say("add Acme, analyst, today 2pm with Jane Smith")
    assert deliverer.deliver_due() == 0
    assert deliverer.next_due() == START + timedelta(seconds=30)
    db_runtime.clock.advance(timedelta(seconds=29))
    assert deliverer.deliver_due() == 0
    db_runtime.clock.advance(timedelta(seconds=1))
    assert deliverer.deliver_due() == 1
    assert [d.reply.title for d in sent] == ["Send your thank-you note to Jane Smith today"]


def test_an_outage_is_retried_with_growing_backoff_and_nothing_is_lost(db_runtime):
    sent: list[Delivered] = []
    db_runtime.on_delivered = sent.append
    sender = FlakySender(5, SendFailed("503 from the platform"))
    deliverer = db_runtime.start_delivery({Platform.CONSOLE: sender}, background=False)
    Chat(db_runtime).say("add Acme, analyst, today 2pm with Jane Smith and Bob Lee")
    gaps = []
    for _ in range(20):
        deliverer.deliver_due()
        due = deliverer.next_due()
        if len(sent) == 2 or due is None:
            break
        gaps.append(due - db_runtime.clock.now())
        db_runtime.clock.set(max(due, db_runtime.clock.now()))
    assert len(sent) == 2
    assert gaps[-1] > gaps[0]  # backing off, not hammering


def test_backoff_grows_and_is_capped_with_jitter():
    assert backoff(0, lambda: 0.5) == timedelta(seconds=30)
    assert backoff(3, lambda: 0.5) == timedelta(seconds=240)
    assert backoff(50, lambda: 1.0) <= timedelta(hours=1, minutes=12)
    assert backoff(2, lambda: 0.0) < backoff(2, lambda: 1.0)


def test_what_fell_due_while_down_is_delivered_late_on_start_not_dropped(db_settings, clock):
    first = build_runtime(db_settings, clock)
    first.start_delivery({Platform.CONSOLE: FlakySender(0, SendFailed("-"))},
                         background=False).deliver_due()
    Chat(first).say("add Acme, analyst, today 2pm with Jane Smith, they'll decide by Friday")
    first.deliverer.deliver_due()
    first.stop()

    clock.advance(timedelta(days=9))  # the bot was down over the call day
    second = build_runtime(db_settings, clock)
    sent: list[Delivered] = []
    second.on_delivered = sent.append
    deliverer = second.start_delivery({Platform.CONSOLE: FlakySender(0, SendFailed("-"))},
                                      background=False)
    deliverer.recover()
    deliverer.deliver_due()
    second.stop()
    titles = [d.reply.title for d in sent]
    assert "Time to call about analyst at Acme" in titles
    call = next(d for d in sent if d.reply.title.startswith("Time to call"))
    assert "Late: this was due Mon 2026-11-30 10:00 EST" in call.reply.text


@pytest.mark.parametrize("path", ["in turn", "loop"])
def test_kill_9_mid_burst_loses_nothing_and_repeats_only_the_message_in_flight(db_settings,
                                                                               clock, path):
    """On the event loop's path a message's confirmation is stored together with the next
    message's check: killed right after a send, only that message is unconfirmed, and it
    alone goes again after the restart."""
    runtime = build_runtime(db_settings, clock)
    for n in range(5):
        Chat(runtime).say(f"add Company{n}, analyst, today 2pm with Jane Smith")
    rows = [cp for i in runtime.repo.list_interviews(1)
            for cp in runtime.repo.checkpoints_for(i.id)
            if cp.due_at <= clock.now() and cp.state is CheckpointState.PENDING]
    assert len(rows) == 5
    runtime.stop()

    def worker(kill_after: int) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "tests.bot.delivery.crash_worker", db_settings.database_url,
             clock.now().isoformat(), str(kill_after), *(["loop"] if path == "loop" else [])],
            capture_output=True, text=True, timeout=60, env=env, cwd=ROOT, check=False,
        )
        check_output(done.stderr, "the crash worker's stderr")
        return done

    crashed = worker(kill_after=3)
    assert crashed.returncode == -9
    clock.advance(timedelta(minutes=6))  # the restart finds the dead worker's claims stale
    restarted = worker(kill_after=0)
    assert restarted.returncode == 0, restarted.stderr
    first = [line.split()[1] for line in crashed.stdout.splitlines()]
    second = [line.split()[1] for line in restarted.stdout.splitlines()]
    delivered = first + second
    assert sorted(set(delivered)) == sorted(str(r.id) for r in rows)  # nothing lost
    repeats = len(delivered) - len(set(delivered))
    assert repeats == 1  # only the message in flight when the process died
    assert first[-1] in second

    after = build_runtime(db_settings, clock)
    states = {cp.state for i in after.repo.list_interviews(1)
              for cp in after.repo.checkpoints_for(i.id) if str(cp.id) in delivered}
    after.stop()
    assert states == {CheckpointState.SENT}


class CountingSender:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: Counter[int | None] = Counter()

    def send(self, to: Identity, reply: Reply) -> None:
        with self.lock:
            self.sent[reply.checkpoint_id] += 1


def test_two_clocks_at_once_send_each_checkpoint_exactly_once(db_settings, clock):
    setup = build_runtime(db_settings, clock)
    for n in range(60):
        Chat(setup).say(f"add Company{n}, analyst, today 2pm with Jane Smith and Bob Lee")
    expected = {cp.id for i in setup.repo.list_interviews(1)
                for cp in setup.repo.checkpoints_for(i.id) if cp.due_at <= clock.now()}
    setup.stop()
    assert len(expected) == 120

    sender = CountingSender()
    clocks = [build_runtime(db_settings, clock) for _ in range(2)]  # two processes' worth
    deliverers = [r.start_delivery({Platform.CONSOLE: sender}, background=False)
                  for r in clocks]
    errors = all_at_once([d.deliver_due for d in deliverers])
    for r in clocks:
        r.stop()
    assert errors == []
    assert set(sender.sent) == expected
    assert max(sender.sent.values()) == 1


class OutageSender:
    """The platform is down (every send fails) until `clock` reaches `back_at`."""

    def __init__(self, clock, back_at) -> None:
        self.clock = clock
        self.back_at = back_at
        self.failures = 0
        self.delivered: Counter[int | None] = Counter()

    def send(self, to: Identity, reply: Reply) -> None:
        if self.clock.now() < self.back_at:
            self.failures += 1
            raise SendFailed("503 Service Unavailable")
        self.delivered[reply.checkpoint_id] += 1


def test_a_60_second_platform_outage_delays_but_never_loses_a_reminder(db_settings, clock):
    setup = build_runtime(db_settings, clock)
    for n in range(50):
        Chat(setup).say(f"add Company{n}, analyst, today 2pm with Jane Smith")
    setup.stop()
    runtime = build_runtime(db_settings, clock)
    sender = OutageSender(clock, clock.now() + timedelta(seconds=60))
    deliverer = runtime.start_delivery({Platform.CONSOLE: sender}, background=False)
    for _ in range(200):  # the scheduler's wake-ups, driven by the simulated clock
        deliverer.deliver_due()
        due = deliverer.next_due()
        if due is None or due > clock.now() + timedelta(hours=1):
            break
        clock.set(max(due, clock.now()))
    runtime.stop()
    assert sender.failures >= 50  # every reminder met the outage at least once
    assert len(sender.delivered) == 50 and max(sender.delivered.values()) == 1


def test_a_429_pauses_the_whole_destination_not_just_one_message(db_runtime):
    sent: list[Delivered] = []
    db_runtime.on_delivered = sent.append
    sender = FlakySender(1, SendFailed("429", retry_after=30))
    deliverer = db_runtime.start_delivery({Platform.CONSOLE: sender}, background=False)
    Chat(db_runtime).say("add Acme, analyst, today 2pm with Jane Smith, Bob Lee and Ann Chu")
    assert deliverer.deliver_due() == 0
    assert sender.calls == 1  # the other two notes were held back, not sent into a 429
    db_runtime.clock.advance(timedelta(seconds=30))
    assert deliverer.deliver_due() == 3
    assert sender.calls == 4


class SlowOrderedSender:
    """Records arrival order per person; each send takes a little while, like a network."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_person: dict[str, list[str]] = {}
        self.threads: set[str] = set()

    def send(self, to: Identity, reply: Reply) -> None:
        import time

        time.sleep(0.005)
        with self.lock:
            self.by_person.setdefault(to.user, []).append(reply.title or "")
            self.threads.add(threading.current_thread().name)


def test_parallel_senders_deliver_each_once_and_keep_each_persons_order(db_settings, clock):
    from bot.delivery.deliverer import Deliverer

    runtime = build_runtime(db_settings, clock)
    for n in range(12):
        who = Identity(Platform.CONSOLE, "local", f"user{n}")
        Chat(runtime, who).say("add Acme, analyst, today 2pm with Ann Lee and Bo Li")
    sender = SlowOrderedSender()
    deliverer = Deliverer(runtime.repo, clock, runtime.coach, {Platform.CONSOLE: sender},
                          workers=4)
    assert deliverer.deliver_due() == 24
    runtime.stop()
    assert len(sender.by_person) == 12
    for titles in sender.by_person.values():
        assert titles == ["Send your thank-you note to Ann Lee today",
                          "Send your thank-you note to Bo Li today"]
    assert len(sender.threads) > 1  # it really did send in parallel


class EndsTheRound(BaseException):
    """What a crash in the middle of a round looks like from the inside (as the bench's
    time cap ends one): not one failed reminder, but the end of the round."""


class LoopSender:
    """Sends on an event loop of its own, as the Slack sender does; the `fail_on`th send
    ends the round before it goes out."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.fail_on = fail_on
        self.sent: list[int | None] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def send(self, to: Identity, reply: Reply) -> None:
        raise AssertionError("the Deliverer sends on the loop")

    def event_loop(self) -> asyncio.AbstractEventLoop:
        return self.loop

    async def send_async(self, to: Identity, reply: Reply) -> None:
        if len(self.sent) + 1 == self.fail_on:
            raise EndsTheRound
        self.sent.append(reply.checkpoint_id)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


def due_now(runtime) -> list[int]:
    return sorted(cp.id for i in runtime.repo.list_interviews(1)
                  for cp in runtime.repo.checkpoints_for(i.id)
                  if cp.due_at <= runtime.clock.now() and cp.state is CheckpointState.PENDING)


def test_a_round_ended_mid_lane_stores_what_went_out_and_recovers_the_rest_once(db_runtime):
    """One lane, five reminders: the first two go out, the third ends the round before it
    goes. The second's confirmation was waiting to ride with the third's check: it is
    stored all the same, and recovery puts back only the third and the two after it."""
    from bot.delivery.deliverer import Deliverer

    for n in range(5):
        Chat(db_runtime).say(f"add Company{n}, analyst, today 2pm with Jane Smith")
    due = due_now(db_runtime)
    assert len(due) == 5
    failing = LoopSender(fail_on=3)
    deliverer = Deliverer(db_runtime.repo, db_runtime.clock, db_runtime.coach,
                          {Platform.CONSOLE: failing}, workers=4, lanes=1)
    try:
        deliverer.deliver_due()
    except EndsTheRound:
        pass
    else:
        raise AssertionError("the round should have ended")
    finally:
        deliverer.close()
        failing.close()
    states = {cp.id: cp.state for i in db_runtime.repo.list_interviews(1)
              for cp in db_runtime.repo.checkpoints_for(i.id) if cp.id in due}
    assert failing.sent == due[:2]  # each person's reminders in order
    assert [states[i] for i in due[:2]] == [CheckpointState.SENT] * 2
    assert [states[i] for i in due[2:]] == [CheckpointState.SENDING] * 3

    assert db_runtime.repo.recover_in_flight(db_runtime.clock.now() + timedelta(seconds=1)) \
        == 3
    again = LoopSender()
    deliverer = Deliverer(db_runtime.repo, db_runtime.clock, db_runtime.coach,
                          {Platform.CONSOLE: again}, workers=4, lanes=1)
    try:
        assert deliverer.deliver_due() == 3
    finally:
        deliverer.close()
        again.close()
    assert again.sent == due[2:]  # none lost, none sent twice
    assert due_now(db_runtime) == []


def test_the_loop_logs_one_info_line_per_batch_naming_each_reminder(db_runtime, caplog):
    from bot.delivery.deliverer import Deliverer

    for n in range(4):
        Chat(db_runtime, Identity(Platform.CONSOLE, "local", f"user{n}")).say(
            "add Acme, analyst, today 2pm with Ann Lee")
    sender = LoopSender()
    deliverer = Deliverer(db_runtime.repo, db_runtime.clock, db_runtime.coach,
                          {Platform.CONSOLE: sender}, workers=4)
    caplog.set_level("INFO", logger="bot.delivery.deliverer")
    try:
        assert deliverer.deliver_due() == 4
    finally:
        deliverer.close()
        sender.close()
    lines = [r for r in caplog.records if r.name == "bot.delivery.deliverer"
             and r.levelname == "INFO"]
    assert len(lines) == 1
    assert lines[0].getMessage().startswith("4 reminders delivered: checkpoints ")
    assert sorted(lines[0].checkpoint_ids) == sorted(sender.sent)
