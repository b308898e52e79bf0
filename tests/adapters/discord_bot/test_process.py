"""`followup-bot discord` end to end, as a process: it asks `GET /gateway/bot` where to
connect, speaks the gateway protocol to a loopback stand-in, registers its commands,
answers interactions and DMs, and its buttons still work after kill -9 and a restart.
With the gateway unreachable it keeps trying, a line per attempt, not ready until in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.log_secrets import check_output
from tests.standins.bot_subprocess import START_WAIT, BotSubprocess, bot_environment
from tests.standins.discord_api import (
    DISCORD_TOKEN,
    Call,
    DiscordApiStandIn,
    button_press,
    dm_message,
    slash_command,
)
from tests.standins.discord_gateway import DiscordGatewayStandIn, Session
from tests.standins.ports import free_port

ADA = 4_242_424_242_424_242
GUILDS_AND_DMS = 1 | 1 << 12  # the only intents the bot asks for


@pytest.fixture
def gateway() -> Iterator[DiscordGatewayStandIn]:
    standin = DiscordGatewayStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture
def running(tmp_path: Path) -> Iterator[list[BotSubprocess]]:
    """Bot processes a test starts; each is stopped (SIGTERM) and checked for the token."""
    started: list[BotSubprocess] = []
    yield started
    for bot in started:
        bot.stop()
        assert DISCORD_TOKEN not in bot.output
        check_output(bot.output, "a followup-bot discord process's output")


def start(running: list[BotSubprocess], tmp_path: Path, api: DiscordApiStandIn,
          **env: str) -> BotSubprocess:
    bot = BotSubprocess(tmp_path, bot_environment(tmp_path, api, **env))
    running.append(bot)
    return bot


def identified(gateway: DiscordGatewayStandIn, running: list[BotSubprocess], *,
               count: int = 1) -> list[Session]:
    """The gateway's IDENTIFYed sessions once `count` are in, allowing a cold start of each
    process (two starting together share this machine's cores with the test); what every
    process said, when they are not."""
    try:
        return gateway.wait_identified(count=count, timeout=START_WAIT)
    except AssertionError as late:
        said = "\n".join(f"--- process {n}:\n{bot.output}" for n, bot in enumerate(running))
        raise AssertionError(f"{late}\n{said}") from None


def interact(api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
             payload: dict[str, Any], method: str, path: str, shard: int = 0
             ) -> list[Call]:
    """INTERACTION_CREATE over the gateway; the bot's `method` calls to `path` in answer."""
    since = api.mark()
    api.remember_interaction(payload)
    gateway.dispatch("INTERACTION_CREATE", payload, shard=shard)
    return api.wait_for(method, path, since=since)


def test_the_process_connects_where_the_api_says_answers_and_survives_kill_9(
        tmp_path: Path, api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
        running: list[BotSubprocess]) -> None:
    api.gateway_url = gateway.url
    bot = start(running, tmp_path, api)

    (session,) = identified(gateway, running)
    assert session.token == DISCORD_TOKEN
    assert session.identify is not None and session.identify["intents"] == GUILDS_AND_DMS
    gateway.wait_heartbeats(session, 1)
    (synced,) = api.wait_for("PUT", r"^/applications/\d+/commands$")
    assert [c["name"] for c in synced.json] == ["followup", "Follow up on this"]
    assert bot.wait_health(200)["gateway"] == "connected"
    assert [c.path for c in api.calls if c.method == "GET"][:3] == [
        "/users/@me", "/oauth2/applications/@me", "/gateway/bot"]

    # A slash command arrives over the gateway and is answered over REST.
    calls = interact(api, gateway, slash_command(ADA, "tz", {"zone": "America/New_York"}),
                     "POST", r"^/webhooks/")
    assert "America/New_York" in calls[-1].text
    calls = interact(api, gateway, slash_command(ADA, "add", {
        "company": "Acme", "role": "Analyst", "when": "yesterday 2pm",
        "interviewers": "Jane Smith"}), "POST", r"^/webhooks/")
    assert "Added #1: Analyst at Acme" in calls[-1].text

    # A DM gets an answer with buttons in the DM channel.
    channel = api.dm_channel_of(ADA)
    since = api.mark()
    gateway.dispatch("MESSAGE_CREATE", dm_message(ADA, channel, "delete 1"))
    (deleted,) = api.wait_for("POST", rf"^/channels/{channel}/messages$", since=since)
    assert "Deleted #1" in deleted.text
    (undo,) = [c for c in deleted.custom_ids if c.startswith("followup:undo_delete:")]

    assert bot.kill() == -9
    again = start(running, tmp_path, api)
    identified(gateway, running, count=2)
    again.wait_health(200)

    message = api.message(int(deleted.response["id"]))
    calls = interact(api, gateway, button_press(ADA, message, undo), "POST", r"^/webhooks/")
    assert "Back: #1" in calls[-1].text
    calls = interact(api, gateway, slash_command(ADA, "list"), "POST", r"^/webhooks/")
    assert "Analyst at Acme" in calls[-1].text

    assert again.stop() == 0  # SIGTERM: a clean stop
    for process in (bot, again):
        assert "Traceback" not in process.output, process.output


def test_an_unreachable_gateway_is_retried_a_line_per_attempt_and_not_ready_meanwhile(
        tmp_path: Path, api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
        running: list[BotSubprocess]) -> None:
    # /gateway/bot names a port where nothing listens, as when the gateway is down.
    bot = start(running, tmp_path, api)
    failed = bot.wait_for_lines(r"Discord gateway attempt \d+ failed", count=3)
    assert [line.split("attempt ")[1].split()[0] for line in failed[:3]] == ["1", "2", "3"]
    assert all("trying again in" in line for line in failed)
    status = bot.health()
    assert status is not None and status[0] == 503 and status[1]["gateway"] == "connecting"
    assert not gateway.sessions

    api.gateway_url = gateway.url  # the gateway is back, at an address /gateway/bot gives
    identified(gateway, running)
    assert bot.wait_health(200)["gateway"] == "connected"
    connected = bot.wait_for_lines(r"connected to the Discord gateway as")
    lines = bot.output.splitlines()
    assert lines.index(failed[-1]) < lines.index(connected[0])
    assert "Traceback" not in bot.output and "AttributeError" not in bot.output


def test_a_gateway_lost_between_the_probe_and_discord_pys_first_connection_is_retried(
        tmp_path: Path, api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
        running: list[BotSubprocess]) -> None:
    """The crash of the issue: discord.py's first connection failing tripped over its own
    missing socket (`ws.sequence`). Here it fails, and the process tries again."""
    api.gateway_url = gateway.url
    gateway.drop = {2}  # the probe (1) sees HELLO; discord.py's own connection (2) is cut
    bot = start(running, tmp_path, api)
    bot.wait_for_lines(r"Discord gateway attempt 1 failed")
    (session,) = identified(gateway, running)
    assert session.number > 2
    assert bot.wait_health(200)["gateway"] == "connected"
    assert bot.process.poll() is None


def test_a_spent_session_start_limit_is_waited_out_before_identifying(
        tmp_path: Path, api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
        running: list[BotSubprocess]) -> None:
    api.gateway_url, api.sessions_remaining = gateway.url, 0
    bot = start(running, tmp_path, api)
    bot.wait_for_lines(r"Discord allows no new gateway session")
    assert not [s for s in gateway.sessions if s.identify is not None]
    api.sessions_remaining = 5  # the limit was reset
    identified(gateway, running)
    bot.wait_health(200)


def test_each_shard_process_knows_its_role_and_only_shard_0_registers_commands(
        tmp_path: Path, api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
        running: list[BotSubprocess]) -> None:
    api.gateway_url, api.shards, api.max_concurrency = gateway.url, 2, 2
    zero = start(running, tmp_path, api, DISCORD_SHARD_ID="0", DISCORD_SHARD_COUNT="2")
    one = start(running, tmp_path, api, DISCORD_SHARD_ID="1", DISCORD_SHARD_COUNT="2")

    sessions = identified(gateway, running, count=2)
    assert sorted(s.shard for s in sessions) == [(0, 2), (1, 2)]
    assert zero.wait_health(200)["shard"] == "shard 0 of 2 (servers and DMs)"
    assert one.wait_health(200)["shard"] == "shard 1 of 2 (servers only)"
    one.wait_for_lines(r"leaving the slash commands to shard 0")
    assert len(api.wait_for("PUT", r"/commands$")) == 1

    # DMs come to shard 0 only, and it answers them.
    channel = api.dm_channel_of(ADA)
    since = api.mark()
    gateway.dispatch("MESSAGE_CREATE", dm_message(ADA, channel, "list"), shard=0)
    (answer,) = api.wait_for("POST", rf"^/channels/{channel}/messages$", since=since)
    assert "No interviews yet" in answer.text
    # A server's command reaches whichever shard holds that server; shard 1 answers too.
    calls = interact(api, gateway, slash_command(ADA, "list"), "POST", r"^/webhooks/",
                     shard=1)
    assert "No interviews yet" in calls[-1].text


def test_discord_unreachable_at_login_is_retried_too(
        tmp_path: Path, gateway: DiscordGatewayStandIn, running: list[BotSubprocess]) -> None:
    down = DiscordApiStandIn(port=free_port())  # Discord's address, nothing listening yet
    bot = start(running, tmp_path, down)
    failed = bot.wait_for_lines(r"Discord login attempt \d+ failed", count=2)
    assert all("trying again in" in line for line in failed)
    status = bot.health()
    assert status is not None and status[0] == 503

    down.gateway_url = gateway.url
    down.start()  # Discord is back
    try:
        identified(gateway, running)
        bot.wait_health(200)
        assert "Traceback" not in bot.output, bot.output
    finally:
        bot.stop()
        down.stop()


def test_kill_9_mid_burst_then_a_restart_answers_every_command_the_new_process_gets(
        tmp_path: Path, api: DiscordApiStandIn, gateway: DiscordGatewayStandIn,
        running: list[BotSubprocess]) -> None:
    """A burst of `add` commands over the gateway, kill -9 once a third are answered,
    a restart, another burst. Discord never hands a dead session's interactions to a
    new one: those in flight at the kill go unanswered (the person sees "did not
    respond"); each is applied at most once. Every command after the restart is answered
    once; none before it twice."""
    api.gateway_url = gateway.url
    bot = start(running, tmp_path, api)
    identified(gateway, running)
    bot.wait_health(200)
    interact(api, gateway, slash_command(ADA, "tz", {"zone": "America/New_York"}),
             "POST", r"^/webhooks/")

    def send(n: int) -> str:
        payload = slash_command(ADA, "add", {"company": f"Acme {n}", "role": "Analyst",
                                             "when": "yesterday 2pm",
                                             "interviewers": "Jane Smith"})
        api.remember_interaction(payload)
        gateway.dispatch("INTERACTION_CREATE", payload)
        return str(payload["token"])

    def answers(token: str) -> int:
        return sum(1 for c in api.calls if c.method == "POST"
                   and c.path.startswith("/webhooks/") and f"/{token}" in c.path)

    burst = 12
    before = [send(n) for n in range(burst)]
    api.wait_for("POST", r"^/webhooks/", count=1 + burst // 3, timeout=START_WAIT)
    assert bot.kill() == -9
    in_flight = [token for token in before if not answers(token)]
    again = start(running, tmp_path, api)
    identified(gateway, running, count=2)
    again.wait_health(200)
    after = [send(n) for n in range(burst, 2 * burst)]
    api.wait_for("POST", r"^/webhooks/", count=1 + 2 * burst - len(in_flight),
                 timeout=START_WAIT)
    assert all(answers(token) == 1 for token in after)
    assert all(answers(token) <= 1 for token in before)
    assert len(in_flight) < burst
    listed = interact(api, gateway, slash_command(ADA, "list"), "POST", r"^/webhooks/")
    added = listed[-1].text.count("Acme ")
    print(f"\nkill -9 of the Discord process mid-burst: {burst - len(in_flight)} answered "
          f"before, {len(in_flight)} in flight at the kill ({added - 2 * burst + len(in_flight)} "
          f"of them applied), {burst} after the restart, all answered")
    # Applied once each: every answered add, and at most the ones in flight besides.
    assert 2 * burst - len(in_flight) <= added <= 2 * burst, listed[-1].text
    for process in (bot, again):
        assert "Traceback" not in process.output, process.output
