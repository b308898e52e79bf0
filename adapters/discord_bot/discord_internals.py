"""The only place the bot reaches past discord.py's public API.

discord.py has no public setting for where it connects: every REST URL is built from
`Route.BASE` and the WebSocket dials `DiscordWebSocket.DEFAULT_GATEWAY` (also where it
goes back to after Discord invalidates a session), both class attributes, so pointing
them elsewhere applies to the whole process. It has no public call for `GET /gateway/bot`
on a plain `Client` either (`AutoShardedClient` makes it through `HTTPClient`), nor for
forgetting a DM channel Discord no longer knows, nor for handing the client a gateway
event without a socket (what in-process tests do). Each of those is one function here;
`tests/adapters/discord_bot/test_discord_internals.py` fails, naming this module, the
day a discord.py release moves any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import discord
import discord.gateway
import discord.http
import yarl

#: The REST API version the bot speaks; discord.py's `Route.BASE` ends with it.
API_VERSION_PATH = re.compile(r"/api/v\d+$")


def rest_base(url: str) -> str:
    """`http://127.0.0.1:8080` or `…/api/v10` -> the full base ending in /api/vN."""
    base = url.rstrip("/")
    if not API_VERSION_PATH.search(base):
        base += "/api/v10"
    return base


def point_rest_at(url: str | None) -> None:
    """Send every REST and webhook request of this process to `url` (DISCORD_API_URL:
    a proxy or a stand-in). None leaves discord.py's own address."""
    if url:
        discord.http.Route.BASE = rest_base(url)


def rest_base_now() -> str:
    """Where REST requests go now (for log lines and tests)."""
    return str(discord.http.Route.BASE)


def point_gateway_at(url: str) -> None:
    """Open every gateway connection of this process at `url`, as `GET /gateway/bot`
    said: the first one, and a fresh one after Discord invalidates a session (a resume
    goes where READY's `resume_gateway_url` says, which discord.py keeps itself)."""
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)


def gateway_now() -> str:
    return str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


@dataclass(frozen=True, slots=True)
class GatewayInfo:
    """`GET /gateway/bot`: where to connect, how many shards Discord recommends, and how
    many IDENTIFYs are left before `reset_after_ms` (and how many may run at once)."""

    url: str
    shards: int
    total: int
    remaining: int
    reset_after_ms: int
    max_concurrency: int


async def fetch_gateway(client: discord.Client) -> GatewayInfo:
    """Ask Discord (through the client's logged-in HTTP session, so its rate limits and
    `Route.BASE` apply) where to connect. Raises `discord.GatewayNotFound` on a refusal
    and aiohttp's or the OS's error when it cannot be reached."""
    shards, url, limit = await client.http.get_bot_gateway()
    return GatewayInfo(url=url, shards=int(shards), total=int(limit["total"]),
                       remaining=int(limit["remaining"]),
                       reset_after_ms=int(limit["reset_after"]),
                       max_concurrency=int(limit.get("max_concurrency", 1)))


def has_cached_dm(client: discord.Client, user_id: int) -> bool:
    """Does the client know the DM channel with `user_id` (no request to open it)?"""
    return client._connection._get_private_channel_by_user(user_id) is not None


def forget_dm(client: discord.Client, user_id: int, channel_id: int) -> None:
    """Drop the cached DM channel `channel_id` with `user_id` (Discord answered 404 for
    it), or `create_dm` would hand the dead one back instead of asking for a new one."""
    cached = client._connection._get_private_channel_by_user(user_id)
    if cached is not None and cached.id == channel_id:
        client._connection._remove_private_channel(cached)


def feed_gateway_event(client: discord.Client, event: str, data: dict[str, Any]) -> None:
    """Hand `client` one gateway DISPATCH (`INTERACTION_CREATE`, `MESSAGE_CREATE`…) as
    if its WebSocket had read it; for in-process tests, on the client's loop thread."""
    client._connection.parsers[event](data)
