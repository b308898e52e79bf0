"""The Discord pacer of one process (SQLite): never more than Discord's 50 requests in
any second, and a slot missed in a lull is made up rather than lost. Processes sharing
the budget through PostgreSQL: tests/bot/delivery/test_budget.py (the schedule) and
tests/storage/test_request_budget.py (concurrent takers).

The pacer runs on a clock the test moves itself (only the pacer's own sleeps and the
test's lulls move it), so what is checked is the schedule the pacer chose, not how fast
this machine happened to be. The rate it reaches in real time, against Discord's limit
and the floor of count ÷ limit, is measured by bench/pacing.py (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import asyncio

import pytest

from adapters.discord_bot.sender import PACE_BURST, PACE_PER_SECOND, Pacer
from bot.delivery.budget import LocalBudget
from bot.ports.sender import SendFailed

LIMIT = 50  # Discord's global limit per second


class PacerClock:
    """A monotonic clock in seconds that moves only when told: by the pacer's sleeps,
    which it records, and by the test's lulls."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)  # still a suspension point, as a real sleep is


def granted_at(waits: int, *, lull: float, clock: PacerClock) -> list[float]:
    """When, on `clock`, each of `waits` requests made together after a `lull` was let
    through. One request goes first, so the lull is measured from a spent bucket."""

    async def run() -> list[float]:
        pacer = Pacer(LocalBudget(PACE_PER_SECOND, PACE_BURST, monotonic=clock),
                      sleep=clock.sleep)
        await pacer.wait()
        clock.now += lull
        granted: list[float] = []

        async def request() -> None:
            await pacer.wait()
            granted.append(clock.now)  # no await since the grant: the pacer's own moment

        await asyncio.gather(*(request() for _ in range(waits)))
        return granted

    return asyncio.run(run())


def test_no_second_ever_holds_more_than_discords_limit() -> None:
    clock = PacerClock()
    times = granted_at(120, lull=10.0, clock=clock)  # a long lull: the bucket is full

    assert len(times) == 120
    assert times == sorted(times)
    for start in times:  # the busiest one-second windows start at a grant
        assert sum(1 for t in times if start <= t < start + 1.0) <= LIMIT
    assert PACE_PER_SECOND + PACE_BURST <= LIMIT
    # Not slower than it has to be either: the banked slots at once, then one per slot.
    assert times[-1] - times[0] == pytest.approx((120 - PACE_BURST) / PACE_PER_SECOND)


def test_after_a_lull_the_missed_slots_are_made_up_at_once() -> None:
    clock = PacerClock()
    times = granted_at(3, lull=0.2, clock=clock)  # 0.2 s: more slots missed than banked

    assert times[1] == times[0]  # the banked slot: no wait
    assert times[2] - times[1] == pytest.approx(1 / PACE_PER_SECOND)  # then the next slot
    assert clock.sleeps == [pytest.approx(1 / PACE_PER_SECOND)]


class Refusing:
    """A budget whose database is down."""

    blocking = True

    def reserve(self) -> float:
        raise ConnectionError("the database went away")


def test_a_budget_that_cannot_be_reached_fails_the_send_for_a_retry() -> None:
    with pytest.raises(SendFailed) as failed:
        asyncio.run(Pacer(Refusing()).wait())
    assert not failed.value.permanent and "ConnectionError" in str(failed.value)
