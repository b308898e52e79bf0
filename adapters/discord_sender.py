"""Delivering reminders as Discord DMs, from the delivery scheduler's thread.

`Sender.send` is synchronous and runs outside discord.py's event loop, so it schedules
the DM on the client's loop and waits, bounded, for the outcome. Discord's refusals
become `SendFailed` the deliverer understands: closed DMs are permanent, a 429 carries
Discord's own `retry_after`, anything else is retried with backoff.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import re
import threading

import aiohttp
import discord
import discord.http

from adapters.discord_views import render
from bot.messages import Reply
from bot.model import Identity, Platform
from bot.sender import SendFailed
from bot.settings import Settings

log = logging.getLogger(__name__)

#: discord.py sleeps through a 429 up to this long; a longer one raises `RateLimited`,
#: which reaches the deliverer as `SendFailed(retry_after=…)` (discord.py's minimum is 30).
RATE_LIMIT_WAIT = 30.0
#: How long the scheduler thread waits for one DM: a sleep through a 429 and then some.
SEND_TIMEOUT = RATE_LIMIT_WAIT + 30.0
LOGIN_TIMEOUT = 30.0
CLOSED_DMS = 50007  # "Cannot send messages to this user"
#: Discord's global limit is 50 requests a second per bot; staying under it means a
#: burst of due reminders never turns into a storm of 429s.
PACE_PER_SECOND = 45.0


class Pacer:
    """Spaces requests evenly at `rate` per second, across every DM the process sends."""

    def __init__(self, rate: float = PACE_PER_SECOND) -> None:
        self.interval = 1.0 / rate
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            loop = asyncio.get_running_loop()
            now = loop.time()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = loop.time()
            self._next = max(now, self._next) + self.interval


_PACERS: dict[int, Pacer] = {}


def pacer_for(client: discord.Client) -> Pacer:
    """One pacer per client (its loop owns the asyncio lock)."""
    return _PACERS.setdefault(id(client), Pacer())


def use_api_url(url: str | None) -> None:
    """Point discord.py's REST calls at `url` (DISCORD_API_URL: a proxy, or a test stand-in).

    discord.py builds every REST and webhook URL from `Route.BASE`, one class attribute,
    so this applies to the whole process. Accepts a host (`http://127.0.0.1:8080`) or a
    full base (`…/api/v10`).
    """
    if not url:
        return
    base = url.rstrip("/")
    if not re.search(r"/api/v\d+$", base):
        base += "/api/v10"
    discord.http.Route.BASE = base


def _retry_after(error: discord.HTTPException) -> float | None:
    """Discord's wait for a 429 that discord.py gave up retrying, from `Retry-After`."""
    response = error.response
    header = response.headers.get("Retry-After") if response is not None else None
    try:
        return float(header) if header is not None else None
    except ValueError:
        return None


async def send_dm(client: discord.Client, user_id: int, reply: Reply) -> discord.Message:
    """Open (or reuse) the DM channel with `user_id` and post the rendered reply."""
    pacer = pacer_for(client)
    try:
        if client._connection._get_private_channel_by_user(user_id) is None:
            await pacer.wait()  # opening the DM channel is a request of its own
        channel = await client.create_dm(discord.Object(user_id))
        await pacer.wait()
        return await channel.send(**render(reply).send_kwargs())
    except discord.Forbidden as error:
        # Closed DMs (50007) or no shared server. A later issue falls back to the
        # person's club channel; until then the checkpoint is parked and tried later.
        reason = ("the user does not accept DMs from the bot" if error.code == CLOSED_DMS
                  else f"Discord refused the DM (code {error.code})")
        raise SendFailed(reason, permanent=True) from error
    except discord.NotFound as error:
        raise SendFailed(f"unknown Discord user {user_id}", permanent=True) from error
    except discord.RateLimited as error:
        raise SendFailed("Discord rate limit", retry_after=error.retry_after) from error
    except discord.HTTPException as error:
        if error.status == 429:
            raise SendFailed("Discord rate limit", retry_after=_retry_after(error)) from error
        raise SendFailed(f"Discord answered {error.status}: {error.text[:200]}") from error
    except (aiohttp.ClientError, OSError) as error:
        raise SendFailed(f"could not reach Discord: {error}") from error


class DiscordSender:
    """A `Sender` that posts DMs through `client`, whose loop runs in another thread."""

    def __init__(self, client: discord.Client, *, timeout: float = SEND_TIMEOUT) -> None:
        self.client = client
        self.timeout = timeout

    def send(self, to: Identity, reply: Reply) -> None:
        if to.platform is not Platform.DISCORD or not to.user.isdigit():
            raise SendFailed(f"not a Discord user: {to}", permanent=True)
        loop = self._loop()
        future = asyncio.run_coroutine_threadsafe(send_dm(self.client, int(to.user), reply),
                                                  loop)
        try:
            future.result(self.timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise SendFailed(f"Discord did not answer within {self.timeout:.0f}s") from None
        except concurrent.futures.CancelledError:
            raise SendFailed("the Discord client shut down while sending") from None

    def _loop(self) -> asyncio.AbstractEventLoop:
        loop = getattr(self.client, "loop", None)
        if not isinstance(loop, asyncio.AbstractEventLoop) or not loop.is_running() \
                or self.client.is_closed():
            raise SendFailed("the Discord client is not running")
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            # Waiting here would block the very loop that has to do the sending.
            raise RuntimeError("DiscordSender.send blocks; call it from a worker thread")
        return loop


def rest_client() -> discord.Client:
    """A client for REST calls only: it logs in but never opens the gateway."""
    return discord.Client(intents=discord.Intents.none(),
                          allowed_mentions=discord.AllowedMentions.none(),
                          max_ratelimit_timeout=RATE_LIMIT_WAIT)


class StandaloneDiscordSender(DiscordSender):
    """For the separate `clock` process: its own event-loop thread and a REST-only login,
    made on the first send, so a process that never has a reminder never connects."""

    def __init__(self, settings: Settings, *, timeout: float = SEND_TIMEOUT) -> None:
        super().__init__(rest_client(), timeout=timeout)
        if settings.discord_token is None:
            raise ValueError("DISCORD_TOKEN is not set")
        self._token = settings.discord_token.get_secret_value()
        self._lock = threading.Lock()
        self._loop_thread: threading.Thread | None = None
        self._event_loop: asyncio.AbstractEventLoop | None = None
        self._logged_in = False

    def send(self, to: Identity, reply: Reply) -> None:
        self._login()
        super().send(to, reply)

    def _login(self) -> None:
        with self._lock:
            if self._logged_in:
                return
            if self._event_loop is None:
                self._event_loop = asyncio.new_event_loop()
                self._loop_thread = threading.Thread(target=self._event_loop.run_forever,
                                                     name="discord-sender", daemon=True)
                self._loop_thread.start()
            future = asyncio.run_coroutine_threadsafe(self.client.login(self._token),
                                                      self._event_loop)
            try:
                future.result(LOGIN_TIMEOUT)
            except discord.LoginFailure as error:
                raise SendFailed("Discord rejected DISCORD_TOKEN", permanent=True) from error
            except (discord.HTTPException, aiohttp.ClientError, OSError,
                    concurrent.futures.TimeoutError) as error:
                future.cancel()
                raise SendFailed(f"could not log in to Discord: {error!r}") from error
            self._logged_in = True

    def close(self) -> None:
        """Close the HTTP session and stop the loop thread (for tests and clean exits)."""
        with self._lock:
            loop, self._event_loop = self._event_loop, None
            if loop is None:
                return
            try:
                asyncio.run_coroutine_threadsafe(self.client.close(), loop).result(LOGIN_TIMEOUT)
            finally:
                loop.call_soon_threadsafe(loop.stop)
                if self._loop_thread is not None:
                    self._loop_thread.join(LOGIN_TIMEOUT)
                loop.close()
                self._logged_in = False
