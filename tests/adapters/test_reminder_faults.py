"""kill -9 of `followup-bot clock`, as the Procfile starts it, in the middle of a burst of
reminders due at once: Slack DMs and Discord DMs from one clock process, on PostgreSQL,
against the loopback stand-ins of Slack's Web API and Discord's REST API
(`tests/reminder_burst.py` says how the burst is caught mid-way)."""

from __future__ import annotations

from pathlib import Path

from adapters.discord_bot.commands import WORKSPACE
from bot.model import CheckpointState, Identity, Platform
from tests.procfile import Deployment
from tests.reminder_burst import (
    BOUND,
    DiscordDms,
    SlackDms,
    checkpoints_in,
    kill_clock_mid_burst,
    plan_due,
)
from tests.standins.discord_api import DISCORD_TOKEN, DiscordApiStandIn
from tests.standins.slack_api import TEAM, SlackApiStandIn

SLACK_PEOPLE, DISCORD_PEOPLE = 24, 12


def test_kill_9_of_the_clock_mid_burst_of_reminders_loses_none_and_repeats_only_in_flight(
        tmp_path: Path, pg_url: str) -> None:
    slack, discord = SlackApiStandIn().start(), DiscordApiStandIn().start()
    deployment = Deployment(tmp_path, pg_url, slack, env={
        "DISCORD_TOKEN": DISCORD_TOKEN, "DISCORD_API_URL": discord.url})
    users = [5_000_000_000_000_000 + n for n in range(DISCORD_PEOPLE)]
    people = [Identity(Platform.SLACK, TEAM, f"U0REM{n:03d}") for n in range(SLACK_PEOPLE)] \
        + [Identity(Platform.DISCORD, WORKSPACE, str(user)) for user in users]
    try:
        due = plan_due(pg_url, people)
        assert len(due) == len(people)  # one thank-you each, due now
        burst = kill_clock_mid_burst(deployment, [SlackDms(slack), DiscordDms(discord, users)],
                                     [who.user for who in people], after=4)
    finally:
        deployment.stop()
        slack.stop()
        discord.stop()
    print(f"\nkill -9 of clock mid-burst of reminders: {burst.summary()}")
    assert burst.lost() == []
    for platform in (Platform.SLACK, Platform.DISCORD):  # caught mid-way on both
        mine = {who.user for who in people if who.platform is platform}
        assert mine & set(burst.before) and mine & set(burst.in_flight), platform
        assert mine - set(burst.before) - set(burst.in_flight), platform  # some not yet sent
    # Only a message in flight at the kill may go twice, and no more than twice.
    assert set(burst.repeated()) <= set(burst.in_flight), burst.summary()
    assert set(burst.repeated().values()) <= {1}
    assert burst.all_delivered_seconds <= BOUND, burst.summary()
    assert sorted(checkpoints_in(pg_url, people, CheckpointState.SENT)) == sorted(due)
    assert "Traceback" not in deployment.output()
