"""Someone whose DMs are closed hears about it once, not again each day their reminders
bounce: the notice is kept with the person, not as a retry key that expires in a day."""

from __future__ import annotations

from datetime import timedelta

from bot.ports.clock import SimulatedClock
from tests.adapters.discord_bot.test_clubs import (
    BEA,
    CLOSED,
    add_interview,
    channel_posts,
    join,
    start_club,
)
from tests.standins.discord_api import BotProcess


def test_closed_dms_are_mentioned_once_across_days_of_bounced_reminders(
        bot: BotProcess, clock: SimulatedClock) -> None:
    start_club(bot)
    join(bot, BEA)
    add_interview(bot, BEA, "Acme", "Analyst", "Jane Smith")
    bot.api.close_dms(BEA)

    since = bot.api.mark()
    for _ in range(12):  # three days of retries, six hours apart
        bot.deliver()
        clock.advance(timedelta(hours=6))
    notices = [c for c in channel_posts(bot.api.calls_since(since)) if CLOSED.search(c.text)]
    assert len(notices) == 1
