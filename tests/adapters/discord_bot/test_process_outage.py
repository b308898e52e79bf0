"""A database outage with `followup-bot discord` running, as the Procfile starts it, on
PostgreSQL reached through a loopback TCP proxy the test cuts, against the REST and
gateway stand-ins (`tests/discord_outage.py`): no crash loop, one log line when it starts
and one when it ends, every command during it answered "not done, try again" and never
done later, nothing asked before or after it lost.

The issue's outage is 30 s (`python -m bench.faults outage-discord`); CI cuts the
database for a few seconds, with commands all through it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.conversation.coach import DATABASE_DOWN
from tests.discord_outage import discord_env, discord_outage
from tests.procfile import Deployment, proxied
from tests.standins.discord_api import DiscordApiStandIn
from tests.standins.discord_gateway import DiscordGatewayStandIn

OUTAGE = 3.0  # seconds the proxy stays cut in CI


@pytest.fixture
def standins() -> Iterator[tuple[DiscordApiStandIn, DiscordGatewayStandIn]]:
    api, gateway = DiscordApiStandIn().start(), DiscordGatewayStandIn().start()
    api.gateway_url = gateway.url
    yield api, gateway
    gateway.stop()
    api.stop()


def test_a_database_outage_with_the_discord_process_is_one_line_each_way_and_no_late_work(
        tmp_path: Path, pg_url: str,
        standins: tuple[DiscordApiStandIn, DiscordGatewayStandIn]) -> None:
    api, gateway = standins
    with proxied(pg_url) as (url, proxy):
        deployment = Deployment(tmp_path, url, None, env=discord_env(api))
        try:
            seen = discord_outage(deployment, proxy, api, gateway, OUTAGE)
        finally:
            deployment.stop()
    print(f"\n{OUTAGE:.0f} s database outage with followup-bot discord: "
          f"{len(seen.during)} commands during it; lines: {seen.lines}")
    assert "Added #1" in seen.before[1]
    # Every slash command and DM during it: told it was not done, and to try again.
    assert len(seen.during) >= 4 and all(DATABASE_DOWN in text for text in seen.during)
    assert "Added #2: Analyst at Acme 1000" in seen.after[0]  # nothing asked after it lost
    listed = seen.after[1]
    assert "Acme 0" in listed and "Acme 1000" in listed
    assert "Acme 1" not in listed.replace("Acme 1000", "") and "Dm " not in listed  # not later
    # No crash loop: one process, one gateway session; not ready while the database is away.
    assert seen.alive and seen.sessions == 1
    assert set(seen.health_during) == {503} and seen.health_after["database"] == "ok"
    down = [line for line in seen.lines if " WARNING " in line]
    back = [line for line in seen.lines if " INFO " in line]
    assert (len(down), len(back)) == (1, 1), seen.lines
    assert "Traceback" not in deployment.output()
