"""A database outage with the Procfile's `discord` process running: PostgreSQL reached
through a loopback TCP proxy that is cut, the REST and gateway stand-ins, slash commands
and DMs before, during and after. Shared by
`tests/adapters/discord_bot/test_process_outage.py` (a few seconds, in CI) and
`bench/faults.py outage-discord` (the issue's 30 s). Returns what it saw; the caller
asserts or reports."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from tests.procfile import OUTAGE_LINE, Deployment
from tests.standins.discord_api import (
    DISCORD_TOKEN,
    DiscordApiStandIn,
    dm_message,
    slash_command,
)
from tests.standins.discord_gateway import DiscordGatewayStandIn
from tests.standins.tcp_proxy import TcpProxy

ADA = 4_242_424_242_424_242  # the person who writes to the bot


def discord_env(api: DiscordApiStandIn) -> dict[str, str]:
    """What the `discord` process needs beyond the Procfile's line: the stand-in's
    address and its token, and quick retries."""
    return {"DISCORD_TOKEN": DISCORD_TOKEN, "DISCORD_API_URL": api.url,
            "DISCORD_RETRY_FIRST_SECONDS": "0.05", "DISCORD_RETRY_MAX_SECONDS": "0.4"}


def add(n: int) -> dict[str, Any]:
    return slash_command(ADA, "add", {"company": f"Acme {n}", "role": "Analyst",
                                      "when": "yesterday 2pm", "interviewers": "Jane Smith"})


@dataclass
class DiscordOutage:
    seconds: float
    before: list[str] = field(default_factory=list)  # answers before the cut
    during: list[str] = field(default_factory=list)  # answers while cut
    after: list[str] = field(default_factory=list)  # answers once restored: add, list
    health_during: list[int] = field(default_factory=list)  # /healthz statuses while cut
    health_after: dict[str, Any] = field(default_factory=dict)
    alive: bool = False  # the first process still running at the end
    sessions: int = 0  # gateway sessions identified (1: never reconnected)
    lines: list[str] = field(default_factory=list)  # WARNING/INFO lines about the database


def discord_outage(deployment: Deployment, proxy: TcpProxy, api: DiscordApiStandIn,
                   gateway: DiscordGatewayStandIn, seconds: float,
                   pause: float = 0.5) -> DiscordOutage:
    """`discord` on the proxied database; a slash command and a DM about every `pause`
    seconds while the proxy is cut for `seconds`; a command before and after."""
    bot = deployment.start("discord")
    gateway.wait_identified()
    channel = api.dm_channel_of(ADA)

    def answer(payload: dict[str, Any]) -> str:
        since = api.mark()
        api.remember_interaction(payload)
        gateway.dispatch("INTERACTION_CREATE", payload)
        return api.wait_for("POST", r"^/webhooks/", since=since)[-1].text

    def dm(text: str) -> str:
        since = api.mark()
        gateway.dispatch("MESSAGE_CREATE", dm_message(ADA, channel, text))
        return api.wait_for("POST", rf"^/channels/{channel}/messages$", since=since)[-1].text

    seen = DiscordOutage(seconds)
    seen.before = [answer(slash_command(ADA, "tz", {"zone": "America/New_York"})),
                   answer(add(0))]
    proxy.cut()
    cut = time.monotonic()
    for n in range(1, 1000):  # bounded; ends once the outage has lasted `seconds`
        seen.during += [answer(add(n)), dm(f"add Dm {n}, QA, yesterday 3pm with Bo Li")]
        seen.health_during.append((bot.health() or (0, {}))[0])
        if time.monotonic() - cut >= seconds:
            break
        time.sleep(pause)
    proxy.start()
    seen.after = [answer(add(1000)), answer(slash_command(ADA, "list"))]
    seen.health_after = bot.wait_health(200)
    seen.alive = bot.process.poll() is None
    seen.sessions = len([s for s in gateway.sessions if s.identify is not None])
    seen.lines = [line for line in bot.lines if OUTAGE_LINE.search(line)
                  and (" WARNING " in line or " INFO " in line)]
    return seen
