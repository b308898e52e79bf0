"""Stored DM channels: a reminder to someone the bot has written to before is one request.

The real discord.py client against the REST stand-in, whose request log is the proof.
The first DM opens the channel (`POST /users/@me/channels`) and posts in it; its id is
then kept with the identity, so a later DM, even from a restarted process whose
discord.py cache is empty, posts straight to `POST /channels/<id>/messages`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from adapters.discord_bot.client import build_client, discord_sender
from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from bot.delivery.deliverer import PARKED
from bot.messages import Reply
from bot.model import CheckpointKind, CheckpointState, Identity, Platform, QuietHours
from bot.ports.clock import SimulatedClock
from bot.ports.sender import SendFailed
from tests.standins.discord_api import (
    GUILD_CHANNEL_ID,
    BotProcess,
    Call,
    DiscordApiStandIn,
)

ADA = 4_242_424_242_424_242
ADA_ID = Identity(Platform.DISCORD, "dm", str(ADA))
OPEN_DM = "POST /users/@me/channels"
LOGIN = {"GET /users/@me", "GET /oauth2/applications/@me"}


@contextmanager
def restarted(settings: Settings, clock: SimulatedClock, api: DiscordApiStandIn
              ) -> Iterator[BotProcess]:
    """A new bot process on the same database: a fresh client, nothing cached."""
    runtime = build_runtime(settings, clock)
    process = BotProcess(build_client(runtime, settings), runtime, api, ADA)
    try:
        yield process
    finally:
        process.close()
        runtime.stop()


def interview_due(bot: BotProcess, company: str = "Acme") -> int:
    """An interview at 2pm today (it is 4:30pm): its thank-you reminder is due now.
    Commands come from a server channel, so discord.py learns no DM channel from them."""
    bot.command("tz", zone="America/New_York")
    bot.command("add", company=company, role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    (interview,) = [i for i in bot.runtime.repo.list_interviews(person_id(bot))
                    if i.company == company]
    return interview.id


def person_id(bot: BotProcess) -> int:
    person = bot.runtime.repo.find_person(ADA_ID)
    assert person is not None
    return person.id


def stored_identity(bot: BotProcess) -> Identity:
    (identity,) = bot.runtime.repo.identities_of(person_id(bot))
    return identity


def requests(bot: BotProcess) -> list[Call]:
    """Every request one delivery round makes."""
    since = bot.api.mark()
    bot.deliverer.deliver_due()
    return bot.api.calls_since(since)


def routes(calls: list[Call]) -> list[str]:
    return [f"{c.method} {c.path}" for c in calls]


def test_the_first_dm_opens_the_channel_and_after_a_restart_the_next_is_one_request(
        bot: BotProcess, discord_settings: Settings, clock: SimulatedClock,
        api: DiscordApiStandIn) -> None:
    interview_due(bot, "Acme")
    assert stored_identity(bot).dm_channel is None

    first = requests(bot)
    channel = api.dm_channel_of(ADA)
    assert routes(first) == [OPEN_DM, f"POST /channels/{channel}/messages"]
    assert [c.status for c in first] == [200, 200]
    assert stored_identity(bot).dm_channel == str(channel)
    bot.close()

    with restarted(discord_settings, clock, api) as fresh:
        interview = interview_due(fresh, "Globex")
        second = requests(fresh)
        assert routes(second) == [f"POST /channels/{channel}/messages"]
        assert second[0].status == 200 and "Globex" in second[0].text
        (thanks,) = [c for c in fresh.runtime.repo.checkpoints_for(interview)
                     if c.kind is CheckpointKind.THANK_YOU]
        assert thanks.state is CheckpointState.SENT


def test_a_stored_channel_discord_no_longer_knows_is_opened_again_and_the_new_id_kept(
        bot: BotProcess, api: DiscordApiStandIn) -> None:
    interview_due(bot, "Acme")
    requests(bot)
    gone = api.lose_dm_channel(ADA)
    assert stored_identity(bot).dm_channel == str(gone)

    interview = interview_due(bot, "Globex")
    calls = requests(bot)
    new = api.dm_channel_of(ADA)
    assert new != gone
    assert routes(calls) == [f"POST /channels/{gone}/messages", OPEN_DM,
                             f"POST /channels/{new}/messages"]
    assert [c.status for c in calls] == [404, 200, 200]
    assert stored_identity(bot).dm_channel == str(new)
    (thanks,) = [c for c in bot.runtime.repo.checkpoints_for(interview)
                 if c.kind is CheckpointKind.THANK_YOU]
    assert thanks.state is CheckpointState.SENT

    interview_due(bot, "Initech")
    assert routes(requests(bot)) == [f"POST /channels/{new}/messages"]


def test_closed_dms_on_a_stored_channel_still_park_the_reminder_and_tell_the_club(
        bot: BotProcess, api: DiscordApiStandIn, clock: SimulatedClock) -> None:
    bot.command("club", what="start")
    interview_due(bot, "Acme")
    requests(bot)
    channel = api.dm_channel_of(ADA)
    api.close_dms(ADA)

    interview = interview_due(bot, "Globex")
    calls = requests(bot)
    assert routes(calls) == [f"POST /channels/{channel}/messages",
                             f"POST /channels/{GUILD_CHANNEL_ID}/messages"]
    refused, notice = calls
    assert refused.status == 403 and refused.response["code"] == 50007
    assert notice.status == 200 and f"<@{ADA}>" in notice.text and "Globex" not in notice.text
    (thanks,) = [c for c in bot.runtime.repo.checkpoints_for(interview)
                 if c.kind is CheckpointKind.THANK_YOU]
    assert thanks.state is CheckpointState.PENDING and thanks.due_at == clock.now() + PARKED

    with pytest.raises(SendFailed) as failed:
        bot.client.sender.send(stored_identity(bot), Reply(text="hello"))
    assert failed.value.permanent


def test_a_dm_from_the_person_stores_the_channel_they_wrote_in(
        bot: BotProcess, discord_settings: Settings, clock: SimulatedClock,
        api: DiscordApiStandIn) -> None:
    channel = api.dm_channel_of(ADA)
    replies = bot.dm("hello")
    assert routes(replies) == [f"POST /channels/{channel}/messages"]  # the coach answered
    assert stored_identity(bot).dm_channel == str(channel)
    assert routes(bot.dm("list")) == [f"POST /channels/{channel}/messages"]
    bot.close()

    with restarted(discord_settings, clock, api) as fresh:
        interview_due(fresh, "Acme")
        assert routes(requests(fresh)) == [f"POST /channels/{channel}/messages"]


def test_the_clock_process_sender_keeps_the_channel_in_the_clocks_repository(
        runtime: Runtime, discord_settings: Settings, api: DiscordApiStandIn) -> None:
    """`followup-bot clock` sends with a REST-only client and the clock's own repository."""
    person = runtime.repo.person_for(ADA_ID, "America/New_York", QuietHours())
    sender = discord_sender(discord_settings, runtime.repo)
    try:
        sender.send(ADA_ID, Reply(text="Time to call Acme"))
    finally:
        sender.close()  # type: ignore[attr-defined]
    channel = api.dm_channel_of(ADA)
    assert [r for r in routes(api.calls) if r not in LOGIN] == [
        OPEN_DM, f"POST /channels/{channel}/messages"]
    (stored,) = runtime.repo.identities_of(person.id)
    assert stored.dm_channel == str(channel) and stored == ADA_ID

    since = api.mark()
    again = discord_sender(discord_settings, runtime.repo)
    try:
        again.send(stored, Reply(text="Time to call Acme again"))
    finally:
        again.close()  # type: ignore[attr-defined]
    assert [r for r in routes(api.calls_since(since)) if r not in LOGIN] == [
        f"POST /channels/{channel}/messages"]
