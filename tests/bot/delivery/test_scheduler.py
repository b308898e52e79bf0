"""APScheduler in real time wakes delivery when a checkpoint falls due, and on a poke."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import make_url

from adapters.runtime import build_runtime
from adapters.settings import Settings
from bot.delivery.scheduler import ROUND_GAP, DeliveryScheduler
from bot.messages import Inbound, Reply
from bot.model import CheckpointKind, Identity, Platform
from bot.ports.clock import SystemClock
from tests.standins.tcp_proxy import TcpProxy

ME = Identity(Platform.CONSOLE, "local", "alex")
#: The scheduler's poll, in seconds: far beyond any wait below, so once the start-up
#: round has run, whatever arrives was delivered by a wake-up, never by the poll.
NO_POLL = 3600.0


class Recorder:
    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.arrived = threading.Event()

    def send(self, to: Identity, reply: Reply) -> None:
        self.replies.append(reply)
        self.arrived.set()


def awake_now(settings: Settings) -> Settings:
    """Quiet hours well away from this moment: with the real clock, the default 21:00-08:00
    would hold every reminder back whenever the tests run in a New York night."""
    here = datetime.now(ZoneInfo(settings.timezone))
    start, end = here + timedelta(hours=6), here + timedelta(hours=7)
    return settings.model_copy(update={"quiet_hours": f"{start:%H:%M}-{end:%H:%M}"})


def test_the_scheduler_delivers_what_is_due_and_wakes_for_a_new_due_time(settings):
    runtime = build_runtime(awake_now(settings), SystemClock())
    recorder = Recorder()
    try:
        runtime.start_delivery({Platform.CONSOLE: recorder}, poll_seconds=NO_POLL)
        runtime.coach.handle(Inbound(identity=ME, text="add Acme, analyst, yesterday 2pm with "
                                     "Jane Smith", platform_tz="America/New_York"))
        assert recorder.arrived.wait(timeout=15)
        assert recorder.replies[0].title == "Send your thank-you note to Jane Smith now"

        # A checkpoint due in a second is delivered by the wake-up job the poke armed:
        # the poll does not come round again within the (bounded) wait.
        recorder.arrived.clear()
        interview = runtime.repo.find_interview(1, 1)
        now = runtime.clock.now()
        runtime.repo.add_checkpoint(interview.id, CheckpointKind.REFLECT, None,
                                    now + timedelta(seconds=1), now)
        runtime.poke()
        assert recorder.arrived.wait(timeout=15)
        assert recorder.replies[-1].title.startswith("A few minutes to look back")
    finally:
        runtime.stop()


class HeldRecorder(Recorder):
    """Holds its first send until released: a delivery round that is still running."""

    def __init__(self) -> None:
        super().__init__()
        self.sending = threading.Event()
        self.release = threading.Event()

    def send(self, to: Identity, reply: Reply) -> None:
        if not self.sending.is_set():
            self.sending.set()
            assert self.release.wait(timeout=15), "the test never released the send"
        super().send(to, reply)


def test_a_step_due_while_a_round_is_still_sending_is_woken_for_not_left_to_the_poll(
        settings):
    runtime = build_runtime(awake_now(settings), SystemClock())
    recorder = HeldRecorder()
    try:
        runtime.start_delivery({Platform.CONSOLE: recorder}, poll_seconds=NO_POLL)
        runtime.coach.handle(Inbound(identity=ME, text="add Acme, analyst, yesterday 2pm with "
                                     "Jane Smith", platform_tz="America/New_York"))
        assert recorder.sending.wait(timeout=15)  # the thank-you round is mid-send
        interview = runtime.repo.find_interview(1, 1)
        now = runtime.clock.now()
        runtime.repo.add_checkpoint(interview.id, CheckpointKind.REFLECT, None, now, now)
        runtime.poke()  # armed while that round still runs
        recorder.release.set()
        deadline = 15.0
        while deadline > 0 and len(recorder.replies) < 2:
            recorder.arrived.clear()
            recorder.arrived.wait(timeout=1.0)
            deadline -= 1.0
        titles = [r.title for r in recorder.replies]
        assert titles[0] == "Send your thank-you note to Jane Smith now"
        assert any(t and t.startswith("A few minutes to look back") for t in titles[1:])
    finally:
        recorder.release.set()
        runtime.stop()


def test_a_database_outage_is_one_line_when_it_starts_and_one_when_it_ends(
        pg_url: str, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    url = make_url(pg_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False)
    runtime = build_runtime(settings.model_copy(update={"database_url": proxied}),
                            SystemClock())
    rounds: list[int] = []
    deliverer = runtime.start_delivery({Platform.CONSOLE: Recorder()}, background=False)
    counted = deliverer.deliver_due

    def deliver_due() -> int:
        rounds.append(1)
        return counted()

    deliverer.deliver_due = deliver_due  # type: ignore[method-assign]
    scheduler = DeliveryScheduler(deliverer, poll_seconds=0.05)
    try:
        scheduler.start()
        proxy.cut()
        seen = len(rounds)
        for _ in range(400):  # bounded: until ten rounds have met the outage
            if len(rounds) >= seen + 10:
                break
            time.sleep(0.02)
        proxy.start()
        for _ in range(400):  # bounded: until it says the database is back
            if "delivery resumes" in caplog.text:
                break
            time.sleep(0.02)
    finally:
        scheduler.stop()
        runtime.stop()
        proxy.cut()

    lines = [r for r in caplog.records if r.name == "bot.delivery.scheduler"]
    assert len(rounds) >= seen + 10
    assert [r.getMessage().split(" (")[0].split(" after")[0] for r in lines] == [
        "the database is unavailable", "the database is back"]
    assert all(r.exc_info is None for r in lines)


def test_a_burst_of_pokes_shares_its_reads_of_the_next_due_time(settings):
    """Each poke used to read three due times in the answering thread; now the pokes of a
    burst are coalesced by one re-arming thread, and the wake-up still comes."""
    runtime = build_runtime(awake_now(settings), SystemClock())
    recorder = Recorder()
    reads = []
    try:
        runtime.start_delivery({Platform.CONSOLE: recorder}, poll_seconds=NO_POLL)
        deliverer = runtime.deliverer
        assert deliverer is not None
        next_due = deliverer.next_due

        def counted():
            reads.append(threading.current_thread().name)
            return next_due()

        deliverer.next_due = counted  # type: ignore[method-assign]
        runtime.coach.handle(Inbound(identity=ME, text="add Acme, analyst, yesterday 2pm with "
                                     "Jane Smith", platform_tz="America/New_York"))
        assert recorder.arrived.wait(timeout=15)
        recorder.arrived.clear()
        interview = runtime.repo.find_interview(1, 1)
        now = runtime.clock.now()
        runtime.repo.add_checkpoint(interview.id, CheckpointKind.REFLECT, None,
                                    now + timedelta(seconds=1), now)
        before = len(reads)
        for _ in range(200):
            runtime.poke()
        assert recorder.arrived.wait(timeout=15)
        assert recorder.replies[-1].title.startswith("A few minutes to look back")
        poked = reads[before:]
        assert 1 <= len(poked) < 200  # shared, not one read per poke
        assert "delivery-rearm" in poked  # read off the poking thread
        assert threading.current_thread().name not in poked
    finally:
        runtime.stop()


def test_rounds_woken_by_plan_changes_are_spaced_so_a_burst_shares_them(settings):
    """Each `add` of a burst made a thank-you due at once and woke a round of its own;
    a round now begins no sooner than ROUND_GAP after the one before, and carries
    whatever came due meanwhile."""
    runtime = build_runtime(awake_now(settings), SystemClock())
    recorder = Recorder()
    began: list[datetime] = []
    try:
        deliverer = runtime.start_delivery({Platform.CONSOLE: recorder}, background=False)
        scheduler = DeliveryScheduler(deliverer, poll_seconds=NO_POLL)
        deliver_due = deliverer.deliver_due

        def counted() -> int:
            assert scheduler._round_began is not None
            began.append(scheduler._round_began)
            return deliver_due()

        deliverer.deliver_due = counted  # type: ignore[method-assign]
        scheduler.start()
        runtime.coach.handle(Inbound(identity=ME, text="add Acme, analyst, yesterday 2pm with "
                                     "Jane Smith", platform_tz="America/New_York"))
        scheduler.poke()
        assert recorder.arrived.wait(timeout=15)
        for company in ("Beta", "Gamma", "Delta"):  # each a thank-you due now, poked at once
            recorder.arrived.clear()
            runtime.coach.handle(Inbound(identity=ME, text=f"add {company}, analyst, "
                                         "yesterday 2pm with Jane Smith"))
            scheduler.poke()
            assert recorder.arrived.wait(timeout=15)
        scheduler.stop()
    finally:
        runtime.stop()
    assert len(recorder.replies) == 4 and len(began) >= 2
    assert all(later - earlier >= ROUND_GAP for earlier, later in pairwise(began))
