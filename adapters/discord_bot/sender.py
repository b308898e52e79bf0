"""Delivering reminders as Discord DMs and club posts in server channels, from the
delivery scheduler's thread.

`send` and `post` are synchronous and run outside discord.py's event loop, so they
schedule the request on the client's loop and wait, bounded, for the outcome. Discord's
refusals become `SendFailed` the deliverer understands: closed DMs and a channel the bot
may not post in are permanent, a 429 carries Discord's own `retry_after`, anything else
is retried with backoff. Someone whose DMs are closed hears about it once, without any
private detail, in the channel of a club they belong to.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import aiohttp
import discord

from adapters.discord_bot.discord_internals import forget_dm, has_cached_dm
from adapters.discord_bot.views import render, render_post
from adapters.settings import Settings
from bot.delivery.budget import LocalBudget
from bot.messages import Reply
from bot.model import ChannelRef, Identity, Platform
from bot.ports.clock import Clock, SystemClock
from bot.ports.repository import Repository, RepositoryUnavailable
from bot.ports.request_budget import RequestBudget
from bot.ports.sender import SendFailed

log = logging.getLogger(__name__)
T = TypeVar("T")

#: discord.py sleeps through a 429 up to this long; a longer one raises `RateLimited`,
#: which reaches the deliverer as `SendFailed(retry_after=…)` (discord.py's minimum is 30).
RATE_LIMIT_WAIT = 30.0
#: How long the scheduler thread waits for one DM: a sleep through a 429 and then some.
SEND_TIMEOUT = RATE_LIMIT_WAIT + 30.0
LOGIN_TIMEOUT = 30.0
CLOSED_DMS = 50007  # "Cannot send messages to this user"
#: Discord's global limit is 50 requests a second per bot token, across all its
#: processes; staying under it means a burst of due reminders never turns into a storm
#: of 429s.
PACE_PER_SECOND = 48.0
#: Requests a process pacing itself lets through back to back after a lull. A bucket
#: filling at `PACE_PER_SECOND` with this capacity sends at most 48 + 2 = 50 in any
#: second, while a slot missed between two batches of reminders is made up, not lost.
PACE_BURST = 2
#: The bucket shared through the database holds one: 48 + 1 = 49 in any second, a
#: request of margin for processes whose requests travel a little unevenly.
SHARED_BURST = 1


class Pacer:
    """Spaces every DM and club post a client sends by the bot's `RequestBudget`: in this
    process's memory (`LocalBudget`) or shared with every process using the same token
    (`storage.request_budget`).

    Its waiters take their slots one at a time, in the order they came (an asyncio lock),
    so a process holds at most one reservation and the shared bucket is asked once per
    request. `sleep` is how a wait is spent: a test passes a clock it moves itself, to
    check the schedule without waiting it out; bench/global_limit.py measures real time.
    """

    def __init__(self, budget: RequestBudget | None = None, *,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.budget = budget or LocalBudget(PACE_PER_SECOND, PACE_BURST)
        self.sleep = sleep
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            try:
                if self.budget.blocking:  # a database round trip: off the event loop
                    delay = await asyncio.to_thread(self.budget.reserve)
                else:
                    delay = self.budget.reserve()
            except Exception as error:
                # The reminder waits for the database, like any other send that failed.
                raise SendFailed(f"could not reserve a request slot ({type(error).__name__})"
                                 ) from error
            if delay > 0:
                await self.sleep(delay)


_PACERS: dict[int, Pacer] = {}


def pacer_for(client: discord.Client, budget: RequestBudget | None = None) -> Pacer:
    """The client's pacer (its loop owns the asyncio lock); with `budget`, a new one
    drawing on it."""
    if budget is not None:
        _PACERS[id(client)] = Pacer(budget)
    return _PACERS.setdefault(id(client), Pacer())


def _retry_after(error: discord.HTTPException) -> float | None:
    """Discord's wait for a 429 that discord.py gave up retrying, from `Retry-After`."""
    response = error.response
    header = response.headers.get("Retry-After") if response is not None else None
    try:
        return float(header) if header is not None else None
    except ValueError:
        return None


class DmsClosed(SendFailed):
    """Discord refused a DM because the person does not accept them from the bot."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=True)


def _failure(error: BaseException, what: str) -> SendFailed:
    """One of discord.py's errors (or a network one) as the deliverer's `SendFailed`."""
    if isinstance(error, discord.Forbidden):
        # The bot may not post there (50001 Missing Access, 50013 Missing Permissions):
        # retrying soon cannot help, so the deliverer parks it for hours.
        return SendFailed(f"Discord refused {what} (code {error.code})", permanent=True)
    if isinstance(error, discord.NotFound):
        return SendFailed(f"Discord does not know {what} (code {error.code})",
                          permanent=True)
    if isinstance(error, discord.RateLimited):
        return SendFailed("Discord rate limit", retry_after=error.retry_after)
    if isinstance(error, discord.HTTPException):
        if error.status == 429:
            return SendFailed("Discord rate limit", retry_after=_retry_after(error))
        return SendFailed(f"Discord answered {error.status} for {what}: {error.text[:200]}")
    return SendFailed(f"could not reach Discord: {error}")


_DISCORD_ERRORS = (discord.HTTPException, discord.RateLimited, aiohttp.ClientError, OSError)


async def send_dm(client: discord.Client, user_id: int, reply: Reply,
                  channel_id: int | None = None) -> discord.Message:
    """Post the rendered reply in the DM channel with `user_id`.

    With the channel's id known (stored after an earlier DM) that is one request: every
    request counts against Discord's global limit, and opening the channel is one more.
    A channel Discord no longer knows is opened afresh; the returned message's channel
    tells the caller which id to keep.
    """
    pacer = pacer_for(client)
    try:
        if channel_id is not None:
            try:
                await pacer.wait()
                known = client.get_partial_messageable(channel_id,
                                                       type=discord.ChannelType.private)
                return await known.send(**render(reply).send_kwargs())
            except discord.NotFound:
                log.info("the DM channel %d with Discord user %d is gone; opening it again",
                         channel_id, user_id)
                forget_dm(client, user_id, channel_id)  # or create_dm reuses it
        if not has_cached_dm(client, user_id):
            await pacer.wait()  # opening the DM channel is a request of its own
        channel = await client.create_dm(discord.Object(user_id))
        await pacer.wait()
        return await channel.send(**render(reply).send_kwargs())
    except discord.Forbidden as error:
        if error.code == CLOSED_DMS:
            raise DmsClosed("the user does not accept DMs from the bot") from error
        raise _failure(error, "the DM") from error
    except _DISCORD_ERRORS as error:
        raise _failure(error, f"user {user_id}") from error


async def post_message(client: discord.Client, where: ChannelRef, reply: Reply
                       ) -> discord.Message:
    """Post a club's reply in its server channel, sharing the DMs' pacer."""
    guild = int(where.workspace) if where.workspace.isdigit() else None
    channel = client.get_partial_messageable(int(where.channel), guild_id=guild)
    try:
        await pacer_for(client).wait()
        return await channel.send(**render_post(reply).send_kwargs())
    except _DISCORD_ERRORS as error:
        raise _failure(error, f"channel {where.channel}") from error


def closed_dms_notice(user_id: str) -> Reply:
    """What a club's channel is told when a member's DMs are closed: no detail at all."""
    return Reply(
        text=(f"<@{user_id}>, you have a follow-up reminder waiting, but your DMs with me "
              "are closed. Open this server's menu → Privacy Settings → allow Direct "
              "Messages, then type /followup list."),
        mentions=(user_id,),
        private=False,
    )


class DiscordSender:
    """A `ChannelSender` that posts DMs and club posts through `client`, whose loop runs
    in another thread.

    With a repository and a clock it also tells someone whose DMs are closed, in one of
    their clubs' channels (see `tell_in_club`). `budget` is the bot's request budget
    (default: this process's own, as with SQLite).
    """

    def __init__(self, client: discord.Client, *, repo: Repository | None = None,
                 clock: Clock | None = None, timeout: float = SEND_TIMEOUT,
                 budget: RequestBudget | None = None) -> None:
        self.client = client
        self.pacer = pacer_for(client, budget)
        self.repo = repo
        self.clock = clock
        self.timeout = timeout

    def send(self, to: Identity, reply: Reply) -> None:
        if to.platform is not Platform.DISCORD or not to.user.isdigit():
            raise SendFailed(f"not a Discord user: {to}", permanent=True)
        known = int(to.dm_channel) if to.dm_channel and to.dm_channel.isdigit() else None
        try:
            message = self._run(send_dm(self.client, int(to.user), reply, known))
        except DmsClosed:
            self.tell_in_club(to)
            raise  # the reminder stays parked and is tried again later
        if message.channel.id != known:  # opened just now, or again after a 404
            self.remember_dm_channel(to, str(message.channel.id))

    def remember_dm_channel(self, to: Identity, channel_id: str) -> bool:
        """Store the DM channel a send just opened, so the next DM is one request; True
        once stored. The DM went out either way: a failure here is only logged."""
        try:
            repo = self._repository()
            if repo is None:
                return False
            repo.remember_dm_channel(to, channel_id)
        except RepositoryUnavailable:
            # The outage is said once by what met it first (the coach, the scheduler),
            # not once per DM; the channel is opened again next time.
            log.debug("could not store the DM channel of Discord user %s (database "
                      "unavailable)", to.user)
            return False
        except Exception as error:
            log.warning("could not store the DM channel of Discord user %s (%r)",
                        to.user, error)
            return False
        return True

    def post(self, where: ChannelRef, reply: Reply) -> None:
        """A club post, public in its channel; only `reply.mentions` are pinged."""
        if where.platform is not Platform.DISCORD or not where.channel.isdigit():
            raise SendFailed(f"not a Discord channel: {where}", permanent=True)
        if reply.private:
            # Meant for one person: never shown to a whole channel.
            log.error("refused to post a private reply in Discord channel %s", where.channel)
            raise SendFailed("private reply not posted in a channel", permanent=True)
        self._run(post_message(self.client, where, reply))

    def tell_in_club(self, to: Identity) -> bool:
        """After a refused DM: mention the person in their (oldest) Discord club's channel,
        saying only that a reminder waits and how to open DMs. Once per person, not per
        reminder; nothing for someone in no club. Never raises: the refused DM is what
        the deliverer must hear about. True when a notice went out."""
        store = self._store()
        if store is None:
            return False
        repo, clock = store
        try:
            person = repo.find_person(to)
            clubs = [] if person is None else [
                c for c in repo.clubs_of(person.id) if c.where.platform is Platform.DISCORD]
            if person is None or not clubs or \
                    not repo.first_dms_closed_notice(person.id, clock.now()):
                return False
            notice = closed_dms_notice(to.user)
            for club in clubs:
                try:
                    self.post(club.where, notice)
                except SendFailed as failure:
                    log.warning("could not tell Discord user %s in club %d that their DMs "
                                "are closed (%s)", to.user, club.id, failure)
                    continue
                log.info("told Discord user %s in club %d that their DMs are closed",
                         to.user, club.id)
                return True
        except Exception:
            log.exception("could not tell Discord user %s that their DMs are closed",
                          to.user)
        return False

    def _repository(self) -> Repository | None:
        return self.repo

    def _store(self) -> tuple[Repository, Clock] | None:
        repo = self._repository()
        if repo is None or self.clock is None:
            return None
        return repo, self.clock

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run one request on the client's loop and wait for it, bounded."""
        try:
            loop = self._loop()
        except BaseException:
            coro.close()  # never scheduled: no "coroutine was never awaited" warning
            raise
        future = asyncio.run_coroutine_threadsafe(coro, loop)
        try:
            return future.result(self.timeout)
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
    made on the first send or post, so a process that never has one never connects.

    The repository it is handed (the clock process's) stores a newly opened DM channel
    and finds the club of someone whose DMs are closed.
    """

    def __init__(self, settings: Settings, *, repo: Repository,
                 clock: Clock | None = None, timeout: float = SEND_TIMEOUT,
                 budget: RequestBudget | None = None) -> None:
        super().__init__(rest_client(), repo=repo, clock=clock, timeout=timeout,
                         budget=budget)
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

    def post(self, where: ChannelRef, reply: Reply) -> None:
        self._login()
        super().post(where, reply)

    def _store(self) -> tuple[Repository, Clock] | None:
        if self.clock is None:
            self.clock = SystemClock()
        return super()._store()

    def login(self) -> None:
        """Log in now rather than at the first send or post (a process that wants to
        know its token works before anything is due)."""
        self._login()

    def _login(self) -> None:
        with self._lock:
            if self._logged_in:
                return
            if self._event_loop is None:
                self._event_loop = asyncio.new_event_loop()
                self._loop_thread = threading.Thread(target=self._event_loop.run_forever,
                                                     name="discord-sender", daemon=True)
                self._loop_thread.start()
            future = asyncio.run_coroutine_threadsafe(self._paced_login(), self._event_loop)
            try:
                future.result(LOGIN_TIMEOUT)
            except discord.LoginFailure as error:
                raise SendFailed("Discord rejected DISCORD_TOKEN", permanent=True) from error
            except (discord.HTTPException, aiohttp.ClientError, OSError,
                    concurrent.futures.TimeoutError) as error:
                future.cancel()
                raise SendFailed(f"could not log in to Discord: {error!r}") from error
            self._logged_in = True

    async def _paced_login(self) -> None:
        """Logging in is a request too (GET /users/@me): it takes its slot like a DM."""
        await self.pacer.wait()
        await self.client.login(self._token)

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
