"""Logging in and opening the gateway where `GET /gateway/bot` says, waiting out a
Discord that cannot be reached instead of crashing.

discord.py's `Client.connect` dials a fixed address, and when its very first connection
fails it trips over its own missing socket (`AttributeError: ... 'sequence'`). So before
handing over to it, each attempt asks `/gateway/bot` (the address, the shards Discord
recommends, the IDENTIFYs left) and opens the gateway once to see its HELLO; only then
does `Client.connect` run, and from its first READY on, reconnecting and resuming are
discord.py's. A failed attempt is one log line and a capped exponential wait.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import aiohttp
import discord
import yarl

from adapters.discord_bot.discord_internals import GatewayInfo, fetch_gateway, point_gateway_at
from adapters.discord_bot.shards import ShardRole

log = logging.getLogger(__name__)

#: Discord's spacing of IDENTIFYs in one concurrency bucket.
IDENTIFY_SPACING = 5.0
PROBE_TIMEOUT = 10.0
HELLO = 10
#: Close codes after which connecting again cannot help (bad token, shards, intents).
FATAL_CLOSE_CODES = frozenset({4004, 4010, 4011, 4012, 4013, 4014})


class GatewayDown(Exception):
    """The gateway answered, but not with HELLO."""


#: What "Discord cannot be reached right now" looks like while connecting.
UNREACHABLE = (OSError, aiohttp.ClientError, asyncio.TimeoutError, discord.GatewayNotFound,
               discord.HTTPException, GatewayDown)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Waits between attempts: `first`, doubling, never above `cap` (seconds)."""

    first: float = 1.0
    cap: float = 60.0

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield min(delay, self.cap)
            delay = min(delay * 2, self.cap)


def describe(error: BaseException) -> str:
    """One line for the log: the error's kind and message, never a traceback."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


async def probe(url: str, timeout: float = PROBE_TIMEOUT) -> None:
    """Open the gateway at `url` and read its HELLO, then close: no IDENTIFY, so it
    spends none of the day's session starts."""
    target = yarl.URL(url).with_query(v=10, encoding="json")
    async with aiohttp.ClientSession() as session, \
            session.ws_connect(target, timeout=aiohttp.ClientWSTimeout(ws_close=timeout)) as ws:
        message = await ws.receive(timeout=timeout)
        if message.type is not aiohttp.WSMsgType.TEXT \
                or json.loads(message.data).get("op") != HELLO:
            raise GatewayDown(f"no HELLO from the gateway (got {message.type.name})")


async def log_in(client: discord.Client, token: str, backoff: Backoff) -> None:
    """`client.login`, tried again while Discord's REST API cannot be reached. A token
    Discord refuses raises `discord.LoginFailure` at once."""
    delays = backoff.delays()
    attempt = 0
    while True:
        attempt += 1
        try:
            await client.login(token)
            return
        except discord.LoginFailure:
            raise
        except UNREACHABLE as error:
            if isinstance(error, discord.HTTPException) and error.status < 500 \
                    and error.status != 429:
                raise
            delay = next(delays)
            log.warning("Discord login attempt %d failed (%s); trying again in %.1fs",
                        attempt, describe(error), delay)
            await asyncio.sleep(delay)


class GatewayConnector:
    """Connects `client` as `role` and keeps at it until the client closes.

    `connected` is set from the client's on_connect/on_resumed and cleared on
    disconnect (the client calls `mark`); `/healthz` reads it.
    """

    def __init__(self, client: discord.Client, role: ShardRole, backoff: Backoff, *,
                 identify_spacing: float = IDENTIFY_SPACING) -> None:
        self.client = client
        self.role = role
        self.backoff = backoff
        self.identify_spacing = identify_spacing
        self.connected = False
        self.ever_connected = False
        self.gateway: GatewayInfo | None = None

    def mark(self, connected: bool) -> None:
        if connected and not self.connected:
            log.info("connected to the Discord gateway as %s", self.role.describe())
        self.connected = connected
        self.ever_connected = self.ever_connected or connected

    async def run(self) -> None:
        delays = self.backoff.delays()
        attempt = 0
        first = True
        while not self.client.is_closed():
            attempt += 1
            try:
                info = await self._reachable_gateway()
            except UNREACHABLE as error:
                await self._wait(attempt, error, next(delays))
                continue
            if first:
                first = False
                wait = self.role.identify_delay(info.max_concurrency, self.identify_spacing)
                if wait:
                    log.info("waiting %.0fs for this shard's turn to identify", wait)
                    await asyncio.sleep(wait)
            failure = await self._connect(info)
            if failure is None or self.client.is_closed():
                return
            await self._wait(attempt, failure, next(delays))

    async def _connect(self, info: GatewayInfo) -> BaseException | None:
        """Hand over to discord.py at `info.url` until the client closes (None). A first
        connection that fails anyway (the gateway went between probe and connect) is
        returned, to try again; a fatal close or a failure after READY is raised."""
        point_gateway_at(info.url)
        log.info("connecting to the Discord gateway at %s as %s", info.url,
                 self.role.describe())
        try:
            await self.client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired:
            raise
        except discord.ConnectionClosed as closed:
            if closed.code in FATAL_CLOSE_CODES or self.ever_connected:
                raise
            return closed
        except Exception as failure:  # discord.py's first connection failing
            if self.ever_connected:
                raise
            # discord.py reports this as its own missing socket (`ws.sequence`).
            return GatewayDown(f"the first connection broke off ({describe(failure)})")
        return None

    async def _wait(self, attempt: int, error: BaseException, delay: float) -> None:
        log.warning("Discord gateway attempt %d failed (%s); trying again in %.1fs",
                    attempt, describe(error), delay)
        await asyncio.sleep(delay)

    async def _reachable_gateway(self) -> GatewayInfo:
        """`/gateway/bot`, honoured: wait out a spent session-start limit, say when
        Discord wants more shards, and see the gateway's HELLO before going on."""
        info = await fetch_gateway(self.client)
        self.gateway = info
        advice = self.role.advice(info.shards)
        if advice:
            log.warning(advice)
        while info.remaining <= 0:
            wait = max(info.reset_after_ms, 1000) / 1000
            log.warning("Discord allows no new gateway session for %.0fs (%d a day); "
                        "waiting", wait, info.total)
            await asyncio.sleep(wait)
            info = await fetch_gateway(self.client)
            self.gateway = info
        await probe(info.url)
        return info
