"""The Discord pacer: never more than Discord's 50 requests in any second, and a slot
missed in a lull is made up rather than lost."""

from __future__ import annotations

import asyncio

from adapters.discord_bot.sender import PACE_BURST, PACE_PER_SECOND, Pacer

LIMIT = 50  # Discord's global limit per second


def granted_at(waits: int, *, lull: float = 0.0) -> list[float]:
    """When each of `waits` back-to-back requests was let through, in loop seconds."""

    async def run() -> list[float]:
        pacer, loop = Pacer(), asyncio.get_running_loop()
        await pacer.wait()
        if lull:
            await asyncio.sleep(lull)
        times = []
        for _ in range(waits):
            await pacer.wait()
            times.append(loop.time())
        return times

    return asyncio.run(run())


def test_no_second_ever_holds_more_than_discords_limit() -> None:
    times = granted_at(120, lull=0.5)  # a lull first: the bucket is as full as it gets
    for start in times:
        assert sum(1 for t in times if start <= t < start + 1.0) <= LIMIT
    assert PACE_PER_SECOND + PACE_BURST <= LIMIT


def test_after_a_lull_the_missed_slots_are_made_up_at_once() -> None:
    times = granted_at(3, lull=0.2)
    assert times[1] - times[0] < 0.5 / PACE_PER_SECOND  # the banked slot: no wait
    assert times[2] - times[1] >= 1 / PACE_PER_SECOND * 0.9
