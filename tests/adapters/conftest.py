"""Fixtures shared by the Discord adapter's tests: the REST stand-in and settings that
point the real discord.py client at it."""

from __future__ import annotations

from collections.abc import Iterator

import discord
import pytest
from pydantic import SecretStr

from bot.settings import Settings
from tests.standins.discord_api import DiscordApiStandIn


@pytest.fixture
def api() -> Iterator[DiscordApiStandIn]:
    original = discord.http.Route.BASE
    standin = DiscordApiStandIn().start()
    yield standin
    standin.stop()
    discord.http.Route.BASE = original  # build_client points the whole process at the stand-in


@pytest.fixture
def discord_settings(settings: Settings, api: DiscordApiStandIn) -> Settings:
    return settings.model_copy(update={"discord_token": SecretStr("fake-token"),
                                       "discord_api_url": api.url})
