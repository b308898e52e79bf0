"""Fault runs at the issue's sizes, by hand: `python -m bench.faults [PART ...]`.

The scenarios of `tests/procfile.py` (the Procfile's `web` and `clock` as processes on
a throw-away PostgreSQL schema of FOLLOWUP_TEST_POSTGRES_URL, the Slack stand-in), with
a 300-command burst and a 30 s outage; `tests/reminder_burst.py` (kill -9 of `clock`
amid 300 due reminders, Slack and Discord) and `tests/discord_outage.py` (a 30 s outage
under `discord`); and `tests/hostile.py`'s 10,000 hostile inputs on each platform. CI
runs the same code at small sizes (`tests/adapters/test_procfile_faults.py`,
`test_workspace_faults.py`, `discord_bot/test_process_outage.py`,
`test_hostile_inputs.py`).
Prints one JSON line per part; the figures go to docs/RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

#: The processes' log level: production's default, unless FOLLOWUP_LOG_LEVEL says (DEBUG
#: checks every line an operator could turn on for secrets, and slows answering).
LOG_LEVEL = os.environ.get("FOLLOWUP_LOG_LEVEL", "INFO")
PARTS = ("kill-clock", "kill-web", "outage", "kill-clock-reminders", "outage-discord",
         "hostile-slack", "hostile-discord")


def _postgres() -> Any:
    from tests.conftest import fresh_postgres_schema
    from tests.log_secrets import secret

    url = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")
    if not url:
        raise SystemExit("set FOLLOWUP_TEST_POSTGRES_URL (eval \"$(cat /tmp/pg.env)\")")
    password = make_url(url).password
    if password:
        secret(str(password), "the PostgreSQL password")
    return fresh_postgres_schema()


def kill(victim: str, count: int) -> dict[str, Any]:
    from tests.procfile import Deployment, kill_mid_burst, summary
    from tests.standins.slack_api import SlackApiStandIn

    api = SlackApiStandIn().start()
    with _postgres() as url, tempfile.TemporaryDirectory() as folder:
        deployment = Deployment(Path(folder), url, api, log_level=LOG_LEVEL)
        try:
            burst = kill_mid_burst(deployment, victim, count)
            result = summary(burst, api) | {"interviews": deployment.interviews()}
        finally:
            deployment.stop()
            api.stop()
    return result | {"tracebacks": deployment.output().count("Traceback")}


def outage(seconds: float) -> dict[str, Any]:
    from tests.procfile import Deployment, database_outage, proxied, summary
    from tests.standins.slack_api import SlackApiStandIn

    api = SlackApiStandIn().start()
    with _postgres() as base, proxied(base) as (url, proxy), \
            tempfile.TemporaryDirectory() as folder:
        deployment = Deployment(Path(folder), url, api, log_level=LOG_LEVEL)
        try:
            seen = database_outage(deployment, proxy, seconds)
            result = summary(seen.burst, api) | {"interviews": deployment.interviews()}
        finally:
            deployment.stop()
            api.stop()
    return result | {"seconds": seconds, "log_lines": seen.lines,
                     "tracebacks": deployment.output().count("Traceback")}


def kill_reminders(count: int) -> dict[str, Any]:
    """`count` reminders due at once, two Slack DMs for each Discord one, from one clock."""
    from adapters.discord_bot.commands import WORKSPACE
    from bot.model import Identity, Platform
    from tests.procfile import Deployment
    from tests.reminder_burst import DiscordDms, SlackDms, kill_clock_mid_burst, plan_due
    from tests.standins.discord_api import DISCORD_TOKEN, DiscordApiStandIn
    from tests.standins.slack_api import TEAM, SlackApiStandIn

    slack, discord = SlackApiStandIn().start(), DiscordApiStandIn().start()
    users = [5_000_000_000_000_000 + n for n in range(count // 3)]
    people = [Identity(Platform.SLACK, TEAM, f"U0REM{n:04d}") for n in range(count - len(users))]
    people += [Identity(Platform.DISCORD, WORKSPACE, str(user)) for user in users]
    with _postgres() as url, tempfile.TemporaryDirectory() as folder:
        deployment = Deployment(Path(folder), url, slack, log_level=LOG_LEVEL, env={
            "DISCORD_TOKEN": DISCORD_TOKEN, "DISCORD_API_URL": discord.url})
        try:
            plan_due(url, people)
            burst = kill_clock_mid_burst(deployment, [SlackDms(slack),
                                                      DiscordDms(discord, users)],
                                         [who.user for who in people], after=count // 10)
        finally:
            deployment.stop()
            slack.stop()
            discord.stop()
    return burst.summary() | {"tracebacks": deployment.output().count("Traceback")}


def outage_discord(seconds: float) -> dict[str, Any]:
    from tests.discord_outage import discord_env, discord_outage
    from tests.procfile import Deployment, proxied
    from tests.standins.discord_api import DiscordApiStandIn
    from tests.standins.discord_gateway import DiscordGatewayStandIn

    api, gateway = DiscordApiStandIn().start(), DiscordGatewayStandIn().start()
    api.gateway_url = gateway.url
    with _postgres() as base, proxied(base) as (url, proxy), \
            tempfile.TemporaryDirectory() as folder:
        deployment = Deployment(Path(folder), url, None, log_level=LOG_LEVEL,
                                env=discord_env(api))
        try:
            seen = discord_outage(deployment, proxy, api, gateway, seconds)
        finally:
            deployment.stop()
            gateway.stop()
            api.stop()
    return {"seconds": seconds, "during": len(seen.during),
            "during_not_done": sum("try again" in text for text in seen.during),
            "added_after": "Added #2" in seen.after[0],
            "health_during": sorted(set(seen.health_during)), "alive": seen.alive,
            "gateway_sessions": seen.sessions, "log_lines": seen.lines,
            "tracebacks": deployment.output().count("Traceback")}


def hostile(platform: str, count: int) -> dict[str, Any]:
    from tests.hostile import run_discord, run_slack, verdict

    run: Callable[[int], dict[str, Any]] = run_slack if platform == "slack" else run_discord
    result = run(count)
    return result | verdict(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", metavar="PART", help=f"any of {', '.join(PARTS)}")
    parser.add_argument("--burst", type=int, default=300)
    parser.add_argument("--outage", type=float, default=30.0)
    parser.add_argument("--hostile", type=int, default=10_000)
    args = parser.parse_args()
    if set(args.parts) - set(PARTS):
        parser.error(f"parts are {', '.join(PARTS)}")
    from tests.log_secrets import watching

    for part in args.parts or PARTS:
        start = time.monotonic()
        if part == "kill-clock-reminders":
            result = kill_reminders(args.burst)
        elif part.startswith("kill-"):
            result = kill(part.removeprefix("kill-"), args.burst)
        elif part == "outage":
            result = outage(args.outage)
        elif part == "outage-discord":
            result = outage_discord(args.outage)
        else:
            result = hostile(part.removeprefix("hostile-"), args.hostile)
        result |= {"part": part, "wall_s": round(time.monotonic() - start, 1),
                   "secret_leaks": len(watching().leaks)}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
