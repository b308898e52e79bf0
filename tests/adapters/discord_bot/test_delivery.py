"""Reminders as Discord DMs when Discord says no: rate limits, closed DMs, no gateway.

The deliverer calls the sender from this (non-async) thread, as the scheduler does;
the stand-in answers with Discord's real 429 and 403 shapes.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from adapters.discord_bot.client import build_client, discord_sender
from adapters.discord_bot.sender import DiscordSender
from adapters.runtime import Runtime
from adapters.settings import Settings
from bot.delivery.deliverer import PARKED
from bot.messages import Reply
from bot.model import Checkpoint, CheckpointKind, CheckpointState, Identity, Platform
from bot.ports.clock import SimulatedClock
from bot.ports.sender import SendFailed
from tests.standins.discord_api import BotProcess, DiscordApiStandIn, only

ADA = 4_242_424_242_424_242
ADA_ID = Identity(Platform.DISCORD, "dm", str(ADA))
MESSAGES = r"^/channels/\d+/messages$"


def thank_you_due(bot: BotProcess) -> Checkpoint:
    """An interview at 2pm today (it is 4:30pm): its thank-you reminder is due now."""
    bot.command("tz", zone="America/New_York")
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    repo = bot.runtime.repo
    (interview,) = repo.list_interviews(1)
    (checkpoint,) = [c for c in repo.checkpoints_for(interview.id)
                     if c.kind is CheckpointKind.THANK_YOU]
    return checkpoint


def state_of(bot: BotProcess, checkpoint: Checkpoint) -> Checkpoint:
    found = bot.runtime.repo.get_checkpoint(checkpoint.id)
    assert found is not None
    return found


def test_a_short_429_is_waited_out_and_the_reminder_goes_out(bot: BotProcess) -> None:
    checkpoint = thank_you_due(bot)
    # As Discord does, the stand-in refuses again a retry that comes before retry_after.
    bot.api.rate_limit(1, retry_after=0.3, enforced=True)
    attempts = bot.deliver()
    assert [c.status for c in attempts] == [429, 200]  # the wait was honoured: one retry
    assert state_of(bot, checkpoint).state is CheckpointState.SENT


def test_a_long_429_reschedules_the_reminder_after_discords_retry_after(
        bot: BotProcess, clock: SimulatedClock) -> None:
    checkpoint = thank_you_due(bot)
    bot.api.rate_limit(1, retry_after=120)
    assert [c.status for c in bot.deliver()] == [429]
    waiting = state_of(bot, checkpoint)
    assert waiting.state is CheckpointState.PENDING
    assert waiting.due_at == clock.now() + timedelta(seconds=120)

    clock.advance(timedelta(seconds=120))
    assert [c.status for c in bot.deliver()] == [200]
    assert state_of(bot, checkpoint).state is CheckpointState.SENT


def test_a_429_discord_py_gives_up_on_surfaces_with_its_retry_after(bot: BotProcess) -> None:
    bot.api.rate_limit(5, retry_after=0.01)  # discord.py tries five times, then raises
    with pytest.raises(SendFailed) as failed:
        bot.client.sender.send(ADA_ID, Reply(text="hello"))
    assert failed.value.retry_after == 1.0 and not failed.value.permanent
    assert len(bot.api.calls_since(0, "POST", MESSAGES)) == 5


def test_closed_dms_are_a_permanent_failure_and_the_reminder_is_parked(
        bot: BotProcess, clock: SimulatedClock) -> None:
    checkpoint = thank_you_due(bot)
    bot.api.close_dms(ADA)
    (refused,) = bot.deliver()
    assert refused.status == 403 and refused.response["code"] == 50007
    parked = state_of(bot, checkpoint)
    assert parked.state is CheckpointState.PENDING and parked.due_at == clock.now() + PARKED

    with pytest.raises(SendFailed) as failed:
        bot.client.sender.send(ADA_ID, Reply(text="hello"))
    assert failed.value.permanent


def test_the_clock_process_sender_logs_in_over_rest_and_sends_a_dm(
        runtime: Runtime, discord_settings: Settings, api: DiscordApiStandIn) -> None:
    sender = discord_sender(discord_settings, runtime.repo)
    try:
        sender.send(ADA_ID, Reply(text="Time to call Acme", title="Call today"))
    finally:
        sender.close()  # type: ignore[attr-defined]
    calls = api.calls
    assert only(calls, "GET", "/users/@me").status == 200
    assert only(calls, "POST", "/users/@me/channels").json == {"recipient_id": ADA}
    message = only(calls, "POST", "/messages")
    assert message.embeds[0]["title"] == "Call today"
    assert not [c for c in calls if c.method == "PUT"]  # no commands: it is not the bot


def test_the_sender_refuses_people_who_are_not_on_discord(bot: BotProcess) -> None:
    with pytest.raises(SendFailed) as failed:
        bot.client.sender.send(Identity(Platform.SLACK, "T1", "U1"), Reply(text="hi"))
    assert failed.value.permanent


def test_a_sender_whose_client_is_not_running_fails_for_a_retry(
        runtime: Runtime, discord_settings: Settings) -> None:
    sender = DiscordSender(build_client(runtime, discord_settings))
    with pytest.raises(SendFailed) as failed:
        sender.send(ADA_ID, Reply(text="hi"))
    assert not failed.value.permanent


def due_thank_yous(bot: BotProcess, count: int) -> None:
    """`count` interviews at 2pm today, so `count` thank-you reminders are due now."""
    bot.command("tz", zone="America/New_York")
    for n in range(count):
        bot.command("add", company=f"Acme {n}", role="Analyst", when="today 2pm",
                    interviewers="Jane Smith")


def test_a_storm_of_long_429s_resumes_no_earlier_than_each_retry_after(
        bot: BotProcess, clock: SimulatedClock) -> None:
    """Four 429s in a row (retry_after 120 s) over six due DMs: after each, nothing is
    sent until 120 s have passed on the clock; all six go out once."""
    due_thank_yous(bot, 6)
    bot.api.rate_limit(4, retry_after=120)
    rounds: list[tuple[timedelta, list[int]]] = []
    start = clock.now()
    for _ in range(200):  # bounded: 10 s steps
        rounds.append((clock.now() - start, [c.status for c in bot.deliver()]))
        if sum(statuses.count(200) for _, statuses in rounds) == 6:
            break
        clock.advance(timedelta(seconds=10))
    limited = [at for at, statuses in rounds if 429 in statuses]
    assert len(limited) == 4
    for at in limited:
        early = [s for when, s in rounds if at < when < at + timedelta(seconds=120) and s]
        assert not early, (at, early)
    assert sum(statuses.count(200) for _, statuses in rounds) == 6
    assert sum(len(statuses) for _, statuses in rounds) == 6 + 4  # none refused again


def test_a_storm_of_short_global_429s_is_waited_out_without_one_early_retry(
        bot: BotProcess, clock: SimulatedClock) -> None:
    """Eight global 429s in a row (0.2 s each), and the stand-in refusing again any
    request that comes before a retry_after has passed, as Discord does: discord.py
    waits out five, then the reminder is put back for Retry-After; exactly eight 429s,
    so no request came early; every DM out once."""
    due_thank_yous(bot, 4)
    bot.api.rate_limit(8, retry_after=0.2, is_global=True, enforced=True)
    statuses: list[int] = []
    for _ in range(20):  # bounded
        statuses += [c.status for c in bot.deliver()]
        if statuses.count(200) == 4:
            break
        # What the deliverer was told to wait (Retry-After, 1 s), on both clocks: the
        # reminder's due time is simulated, the stand-in's limit real.
        clock.advance(timedelta(seconds=1))
        time.sleep(1.0)
    assert statuses.count(429) == 8 and statuses.count(200) == 4, statuses
