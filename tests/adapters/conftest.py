"""Fixtures shared by the Discord adapter's tests: the REST stand-in, settings that point
the real discord.py client at it, and that client running as the bot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from adapters.discord_bot.client import build_client
from adapters.discord_bot.discord_internals import (
    gateway_now,
    point_gateway_at,
    point_rest_at,
    rest_base_now,
)
from adapters.runtime import Runtime
from adapters.settings import Settings
from tests.standins.discord_api import DISCORD_TOKEN, BotProcess, DiscordApiStandIn

ADA = 4_242_424_242_424_242  # the person the Discord tests speak as


@pytest.fixture
def api() -> Iterator[DiscordApiStandIn]:
    rest, gateway = rest_base_now(), gateway_now()
    standin = DiscordApiStandIn().start()
    yield standin
    standin.stop()
    # build_client (and connecting) point the whole process at the stand-in
    point_rest_at(rest)
    point_gateway_at(gateway)


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
