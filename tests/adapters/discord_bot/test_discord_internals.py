"""The discord.py internals `adapters/discord_bot/discord_internals.py` relies on are
still there and still mean what it thinks. When a discord.py release changes one, these
fail with a message naming the seam, not somewhere deep in a connection test."""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import discord
import discord.gateway
import discord.http
import pytest
import yarl

from adapters.discord_bot import discord_internals as seam
from tests.standins.discord_api import DISCORD_TOKEN, DiscordApiStandIn, LoopThread

CHANGED = ("discord.py {version} changed {what}; adapters/discord_bot/discord_internals.py "
           "must follow it")


def changed(what: str) -> str:
    return CHANGED.format(version=discord.__version__, what=what)


@pytest.fixture
def restored() -> Iterator[None]:
    rest, gateway = seam.rest_base_now(), seam.gateway_now()
    yield
    seam.point_rest_at(rest)
    seam.point_gateway_at(gateway)


def test_rest_urls_are_built_from_route_base(restored: None) -> None:
    assert isinstance(getattr(discord.http.Route, "BASE", None), str), changed("Route.BASE")
    seam.point_rest_at("http://127.0.0.1:1")
    url = discord.http.Route("GET", "/users/@me").url
    assert url == "http://127.0.0.1:1/api/v10/users/@me", changed("how Route builds a URL")
    seam.point_rest_at("http://127.0.0.1:1/api/v9/")
    assert discord.http.Route("GET", "/gateway/bot").url == \
        "http://127.0.0.1:1/api/v9/gateway/bot"


def test_the_gateway_is_dialled_at_default_gateway_unless_told(restored: None) -> None:
    socket_class = discord.gateway.DiscordWebSocket
    assert isinstance(getattr(socket_class, "DEFAULT_GATEWAY", None), yarl.URL), \
        changed("DiscordWebSocket.DEFAULT_GATEWAY")
    source = inspect.getsource(socket_class)
    # Client.connect passes no gateway at first; discord.py falls back to the default,
    # and goes back to it after an invalidated session.
    assert "gateway or cls.DEFAULT_GATEWAY" in source, changed("where from_client dials")
    assert "self.gateway = self.DEFAULT_GATEWAY" in source, \
        changed("where an invalidated session reconnects")
    seam.point_gateway_at("ws://127.0.0.1:2/")
    assert seam.gateway_now() == "ws://127.0.0.1:2/"


def test_gateway_bot_is_read_through_the_http_client(api: DiscordApiStandIn,
                                                     restored: None) -> None:
    assert inspect.iscoroutinefunction(
        getattr(discord.http.HTTPClient, "get_bot_gateway", None)), \
        changed("HTTPClient.get_bot_gateway")
    api.gateway_url, api.shards, api.sessions_remaining = "ws://127.0.0.1:3/", 2, 7
    seam.point_rest_at(api.url)
    loop = LoopThread("seam-test")
    client = discord.Client(intents=discord.Intents.none())
    try:
        loop.run(client.login(DISCORD_TOKEN))
        info = loop.run(seam.fetch_gateway(client))
    finally:
        loop.run(client.close())
        loop.stop()
    assert info == seam.GatewayInfo(url="ws://127.0.0.1:3/", shards=2, total=1000,
                                    remaining=7, reset_after_ms=1000, max_concurrency=1)


def test_the_dm_channel_cache_has_the_calls_the_sender_uses() -> None:
    from discord.state import ConnectionState

    for name in ("_get_private_channel_by_user", "_remove_private_channel"):
        assert callable(getattr(ConnectionState, name, None)), changed(f"ConnectionState.{name}")
    client = discord.Client(intents=discord.Intents.none())
    assert not seam.has_cached_dm(client, 1)
    seam.forget_dm(client, 1, 2)  # nothing cached: nothing to forget, no error


def test_gateway_events_are_parsed_by_name() -> None:
    client = discord.Client(intents=discord.Intents.none())
    parsers = getattr(client._connection, "parsers", None)
    assert isinstance(parsers, dict), changed("ConnectionState.parsers")
    for event in ("INTERACTION_CREATE", "MESSAGE_CREATE", "READY"):
        assert callable(parsers.get(event)), changed(f"the parser of {event}")
