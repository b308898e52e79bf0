"""Fixtures shared by the Discord adapter's tests: the REST stand-in, settings that point
the real discord.py client at it, and that client running as the bot."""

from __future__ import annotations

from collections.abc import Iterator

import discord
import pytest
from pydantic import SecretStr

from adapters.discord_bot.client import build_client
from adapters.runtime import Runtime
from adapters.settings import Settings
from tests.standins.discord_api import DISCORD_TOKEN, BotProcess, DiscordApiStandIn

ADA = 4_242_424_242_424_242  # the person the Discord tests speak as


@pytest.fixture
def api() -> Iterator[DiscordApiStandIn]:
    original = discord.http.Route.BASE
    standin = DiscordApiStandIn().start()
    yield standin
    standin.stop()
    discord.http.Route.BASE = original  # build_client points the whole process at the stand-in


@pytest.fixture
def discord_settings(settings: Settings, api: DiscordApiStandIn) -> Settings:
    return settings.model_copy(update={"discord_token": SecretStr(DISCORD_TOKEN),
                                       "discord_api_url": api.url})


@pytest.fixture
def bot(runtime: Runtime, discord_settings: Settings, api: DiscordApiStandIn
        ) -> Iterator[BotProcess]:
    process = BotProcess(build_client(runtime, discord_settings), runtime, api, ADA)
    yield process
    process.close()
