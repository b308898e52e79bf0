"""The lending token bucket behind the bot's request budget, on a clock the test moves.

Several processes drawing on one bucket are several takers interleaved on one clock;
each take is a reservation, so what is checked is the schedule of slots the bucket hands
out: never more than Discord's 50 in any one-second window, handed out in the order they
were asked for, and no slower than the rate allows.
"""

from __future__ import annotations

import itertools

import pytest

from bot.delivery.budget import LocalBudget, budget_key, slots_in_any_window, take

LIMIT = 50  # Discord's global requests a second per bot token
RATE, BURST = 48.0, 1.0  # the shared bucket's (adapters.discord_bot.sender)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def reserve_in_turn(budget: LocalBudget, clock: Clock, processes: int, each: int,
                    step: float) -> list[tuple[int, int, float]]:
    """`processes` processes each asking for `each` slots, their asks interleaved and
    `step` seconds apart; a process asks again as soon as its previous slot came, as
    the pacer does. Returns (order asked, process, slot)."""
    asked = itertools.count()
    free_at = [0.0] * processes
    granted: list[tuple[int, int, float]] = []
    for _ in range(each):
        for process in range(processes):
            clock.now = max(clock.now + step, free_at[process])
            slot = clock.now + budget.reserve()
            free_at[process] = slot
            granted.append((next(asked), process, slot))
    return granted


@pytest.mark.parametrize("processes", [1, 2, 4, 8])
def test_processes_sharing_one_bucket_never_exceed_the_limit_in_any_second(
        processes: int) -> None:
    clock = Clock()
    budget = LocalBudget(RATE, BURST, monotonic=clock)
    granted = reserve_in_turn(budget, clock, processes, each=300 // processes, step=0.001)
    slots = [slot for _, _, slot in granted]

    assert slots_in_any_window(slots) <= BURST + RATE <= LIMIT
    # As fast as the rate allows: after the first, one slot every 1/48 s.
    assert max(slots) - min(slots) == pytest.approx((len(slots) - BURST) / RATE)


def test_waiters_are_served_in_the_order_they_asked() -> None:
    clock = Clock()
    budget = LocalBudget(RATE, BURST, monotonic=clock)
    granted = reserve_in_turn(budget, clock, processes=4, each=25, step=0.0)
    in_order_asked = [slot for _, _, slot in sorted(granted)]

    assert in_order_asked == sorted(in_order_asked)
    assert len(set(in_order_asked)) == len(in_order_asked)  # no two share a slot


def test_a_process_that_stopped_asking_leaves_the_whole_rate_to_the_others() -> None:
    clock = Clock()
    budget = LocalBudget(RATE, BURST, monotonic=clock)
    slots = [clock.now + budget.reserve() for _ in range(96)]  # two processes' worth
    assert slots[-1] == pytest.approx(95 / RATE)


def test_a_lull_refills_no_more_than_the_burst() -> None:
    after = take(-5.0, 0.0, 100.0, rate=RATE, burst=2.0)  # in debt, then a long lull
    assert after.tokens == 1.0 and after.wait == 0.0
    next_one = take(after.tokens, after.stamp, 100.0, rate=RATE, burst=2.0)
    assert next_one.wait == 0.0
    lent = take(next_one.tokens, next_one.stamp, 100.0, rate=RATE, burst=2.0)
    assert lent.tokens == -1.0 and lent.wait == pytest.approx(1 / RATE)


def test_a_clock_that_went_back_refills_nothing_and_waits_the_difference() -> None:
    ahead = take(0.0, 10.0, 10.0, rate=RATE, burst=1.0)  # another process is ahead
    behind = take(ahead.tokens, ahead.stamp, 9.5, rate=RATE, burst=1.0)
    assert behind.stamp == 10.0
    assert behind.wait == pytest.approx(0.5 + 2 / RATE)


def test_the_key_is_a_hash_of_the_token_scoped_by_platform() -> None:
    token = "MTE4MDAwMDAwMDAwMDAwMDAwMQ.secret-part"
    key = budget_key("discord", token)
    assert len(key) == 64 and token not in key
    assert key == budget_key("discord", token)  # every process meets in one row
    assert key != budget_key("discord", token + "x") != budget_key("slack", token)


def test_the_busiest_window_counts_half_open_seconds() -> None:
    assert slots_in_any_window([0.0, 0.5, 1.0, 1.5]) == 2
    assert slots_in_any_window([0.0, 0.1, 0.2, 0.99]) == 4
    assert slots_in_any_window([]) == 0
