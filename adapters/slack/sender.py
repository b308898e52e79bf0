"""Delivering reminders as Slack DMs and club posts in channels, and the Web API client
both the app and it use.

Slack's answers become `SendFailed`: a 429 carries its Retry-After, so the core's
Deliverer waits exactly as long as Slack asked; a user who left is a permanent failure.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import platform
import threading
import weakref
from collections.abc import Sequence
from typing import Any

import aiohttp
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import RateLimitErrorRetryHandler, RetryHandler
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.slack_response import SlackResponse
from slack_sdk.webhook import WebhookResponse

from adapters.settings import Settings
from adapters.slack.blocks import message
from adapters.slack.tokens import SingleToken, Tokens
from bot.messages import Attachment, Reply
from bot.model import ChannelRef, Identity
from bot.ports.sender import SendFailed

log = logging.getLogger(__name__)

#: Errors that no amount of retrying fixes for this person (or this token).
PERMANENT_ERRORS = frozenset({
    "user_not_found", "account_inactive", "user_disabled", "channel_not_found",
    "cannot_dm_bot", "is_archived", "not_in_channel", "user_not_visible",
    "invalid_auth", "not_authed", "token_revoked", "token_expired", "no_permission",
    "missing_scope", "team_access_not_granted", "restricted_action",
})
DEFAULT_RETRY_AFTER = 30.0
TIMEOUT_SECONDS = 15
#: Open connections kept to the Web API by the reminder sender (aiohttp's default is 100).
CONNECTIONS = 16
#: Open connections kept for answers through response_url, apart from the reminders' so
#: that a burst of reminders never holds an answer back.
ANSWER_CONNECTIONS = 8


def web_client(settings: Settings, *, retry_handlers: list[RetryHandler] | None = None
               ) -> WebClient:
    """A WebClient for the bot token, pointed at `SLACK_API_URL` when set (tests, proxies)."""
    # With OAuth it carries no token: it is the template of each workspace's client.
    token = settings.slack_bot_token.get_secret_value() \
        if settings.slack_bot_token and not settings.slack_oauth else None
    kwargs: dict[str, Any] = {"token": token, "timeout": TIMEOUT_SECONDS}
    if settings.slack_api_url:
        base = settings.slack_api_url
        kwargs["base_url"] = base if base.endswith("/") else base + "/"
    if retry_handlers is not None:
        kwargs["retry_handlers"] = retry_handlers
    return WebClient(**kwargs)


def interactive_client(settings: Settings) -> WebClient:
    """For answering people: one polite retry on a 429, since they are waiting for it."""
    return web_client(settings, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])


def retry_after(error: SlackApiError) -> float:
    headers = error.response.headers or {}
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(raw), 1.0)
            except (TypeError, ValueError):
                break
    return DEFAULT_RETRY_AFTER


def as_send_failed(error: SlackClientError) -> SendFailed:
    """Translate a Web API failure into the core's terms (never including the token)."""
    if isinstance(error, SlackApiError):
        if error.response.status_code == 429:
            return SendFailed("slack rate limited", retry_after=retry_after(error))
        code = str(error.response.get("error") or f"http {error.response.status_code}")
        return SendFailed(f"slack {code}", permanent=code in PERMANENT_ERRORS)
    return SendFailed(f"slack unreachable ({type(error).__name__})")


def post_reply(client: WebClient, channel: str, reply: Reply) -> str:
    """Post `reply` in `channel` (a user id means their DM with the app), then upload its
    files there; return the conversation id Slack posted in. Raises on the message only:
    a file that fails is logged, so the message is never sent twice for it."""
    posted = client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False,
                                     **message(reply))
    conversation = str(posted.get("channel") or channel)
    upload_files(client, conversation, reply.files)
    return conversation


def upload_files(client: WebClient, conversation: str, files: Sequence[Attachment]) -> None:
    """Upload each file into a conversation (files need its id, not a user id)."""
    for attachment in files:
        try:
            client.files_upload_v2(channel=conversation, filename=attachment.filename,
                                   title=attachment.filename, content=attachment.content)
        except (SlackClientError, OSError) as exc:
            code = exc.response.get("error") if isinstance(exc, SlackApiError) else \
                type(exc).__name__
            log.warning("uploading %s failed (%s)", attachment.filename, code)


class SlackSender:
    """Posts one reminder to a person's DM with the app (channel = their user id), and
    club posts to a channel, over connections kept open between messages.

    slack_sdk's WebClient opens a fresh connection for every call (against slack.com, a
    TCP and TLS handshake per reminder). Here one event-loop thread owns an
    AsyncWebClient on a single aiohttp session, so a burst of reminders reuses a few
    warm connections: the Deliverer sends on that loop (`send_async`, many at once), and
    `send`/`post` hand one message over and wait. The loop starts on the first send;
    `close` (or the process ending) shuts it down.
    """

    def __init__(self, settings: Settings, tokens: Tokens | None = None) -> None:
        base = settings.slack_api_url or "https://slack.com/api/"
        # Each message goes with the token of the workspace it is for (OAuth), or the one
        # bot token; a workspace without one gets nothing (a permanent failure).
        self._tokens: Tokens = tokens or SingleToken(
            settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None)
        self._base_url = base if base.endswith("/") else base + "/"
        self._lock = threading.Lock()
        self._running: _Loop | None = None

    def send(self, to: Identity, reply: Reply) -> None:
        self._post(to.workspace, to.user, reply)

    def post(self, where: ChannelRef, reply: Reply) -> None:
        """A club post in its channel, for everyone there: links not unfurled, and only
        the people in `reply.mentions` pinged. A private reply is never posted in a
        channel (it was meant for one person); that is a permanent failure, not a leak."""
        if reply.private:
            log.error("refused to post a private reply in channel %s", where.channel)
            raise SendFailed("private reply not posted in a channel", permanent=True)
        self._post(where.workspace, where.channel, reply)

    def event_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop().loop

    async def send_async(self, to: Identity, reply: Reply) -> None:
        """`send` on `event_loop()`: the Deliverer's way, many at once."""
        running = self._running or self._loop()
        token = await self._token_async(to.workspace)
        await self._post_async(running, token, to.user, reply)

    def respond(self, response_url: str, **message: Any) -> WebhookResponse:
        """Post to a command's `response_url`, as Bolt's `respond(**message)` does, but
        over connections kept open on the sender's loop: Bolt's opens a new one (TCP and
        TLS) for every answer. An answer waits for its own connections, never for the
        reminders'."""
        running = self._loop()
        body = {key: value for key, value in message.items() if value is not None}
        future = asyncio.run_coroutine_threadsafe(running.respond(response_url, body),
                                                  running.loop)
        try:
            return future.result(TIMEOUT_SECONDS + 5)
        except (TimeoutError, concurrent.futures.CancelledError):
            future.cancel()
            raise

    def _post(self, team: str, channel: str, reply: Reply) -> None:
        running = self._loop()
        token = self._token(team)
        future = asyncio.run_coroutine_threadsafe(
            self._post_async(running, token, channel, reply), running.loop)
        try:
            future.result(TIMEOUT_SECONDS + 5)
        except (TimeoutError, concurrent.futures.CancelledError) as exc:
            future.cancel()
            raise SendFailed(f"slack unreachable ({type(exc).__name__})") from None

    def _token(self, team: str) -> str:
        token = self._tokens.token_for(team)
        if token is None:
            raise SendFailed("slack workspace has not installed the app", permanent=True)
        return token

    async def _token_async(self, team: str) -> str:
        """`_token` off the loop when it reads the database (installations)."""
        if isinstance(self._tokens, SingleToken):
            return self._token(team)
        return await asyncio.to_thread(self._token, team)

    @staticmethod
    async def _post_async(running: _Loop, token: str, channel: str, reply: Reply) -> None:
        try:
            conversation = await running.post_message(token, channel, reply)
        except SlackClientError as exc:
            raise as_send_failed(exc) from None
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:  # refused, reset, slow
            raise SendFailed(f"slack unreachable ({type(exc).__name__})") from None
        if reply.files:
            await upload_files_async(running.client(token), conversation, reply.files)

    def _loop(self) -> _Loop:
        with self._lock:
            if self._running is None:
                self._running = _Loop.start(self._base_url)
                weakref.finalize(self, self._running.stop)
            return self._running

    def close(self) -> None:
        """Close the connections and stop the loop thread; a later send starts afresh."""
        with self._lock:
            running, self._running = self._running, None
        if running is not None:
            running.stop()

    def __enter__(self) -> SlackSender:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


#: A message's JSON, compact, by one encoder made once (`json.dumps` with options makes
#: a new one for every call); the body is a fresh tree of dicts, lists and strings, so
#: no check for cycles is needed.
_encode = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode
#: Who posts, as Slack asks apps to say: this bot, then the HTTP library doing it.
_USER_AGENT = f"followup-bot Python/{platform.python_version()} aiohttp/{aiohttp.__version__}"
_ANSWER_HEADERS = {"Content-Type": "application/json;charset=utf-8", "User-Agent": _USER_AGENT}
#: A response_url POST whose connection broke is sent once more, this long after, as
#: slack_sdk's webhook client does by default.
ANSWER_RETRIES = 1
ANSWER_RETRY_WAIT = 0.5


class _Loop:
    """An event loop in a daemon thread, with the session it owns and an AsyncWebClient
    per token on that one session (a workspace's messages reuse the same connections)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, thread: threading.Thread,
                 template: AsyncWebClient, answers: aiohttp.ClientSession) -> None:
        self.loop, self.thread, self.template = loop, thread, template
        self.answers = answers  # the session for response_url answers
        self._clients: dict[str, AsyncWebClient] = {}
        self._guard = threading.Lock()
        self._post_url = f"{template.base_url}chat.postMessage"
        self._headers: dict[str, dict[str, str]] = {}  # by token; only the loop's thread

    async def post_message(self, token: str, channel: str, reply: Reply) -> str:
        """chat.postMessage on the kept session, its JSON body encoded once, the way
        slack_sdk's AsyncWebClient sends it (bearer token, JSON, a User-Agent) but
        without the client's per-call work, which cost as much CPU as the HTTP request
        itself (profile: 0.2 against 0.12 ms a message). Returns the conversation id
        Slack posted in; Slack's refusals come back as `SlackApiError`, as the client
        raises them."""
        headers = self._headers.get(token)
        if headers is None:
            headers = self._headers[token] = {
                "Content-Type": "application/json;charset=utf-8",
                "User-Agent": _USER_AGENT, "Authorization": f"Bearer {token}"}
        body = _encode({"channel": channel, "unfurl_links": False, "unfurl_media": False,
                        **message(reply)}).encode()
        session = self.template.session
        assert session is not None  # made with it, in `start`
        async with session.post(self._post_url, data=body, headers=headers) as response:
            raw = await response.read()
            status, answer_headers = response.status, response.headers
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = {}
        if not isinstance(answer, dict):
            answer = {}
        if status != 200 or not answer.get("ok"):
            raise SlackApiError(f"chat.postMessage failed: {answer.get('error')}",
                                SlackResponse(client=None, http_verb="POST",
                                              api_url=self._post_url, req_args={},
                                              data=answer, headers=dict(answer_headers),
                                              status_code=status))
        return str(answer.get("channel") or channel)

    async def respond(self, url: str, body: dict[str, Any]) -> WebhookResponse:
        """POST `body` to a response_url on the answers' kept session, as slack_sdk's
        AsyncWebhookClient sends it (JSON, a User-Agent; one retry, half a second on, when
        the connection broke) without the client made for every answer and its per-call
        work (headers, the body walked again, retry state): the clock spent more CPU on
        those than on the request. Slack's answer comes back as a `WebhookResponse`."""
        data = json.dumps(body).encode()
        for attempt in range(1 + ANSWER_RETRIES):
            try:
                async with self.answers.post(url, data=data,
                                             headers=_ANSWER_HEADERS) as response:
                    text = await response.text()
                    return WebhookResponse(url=url, status_code=response.status, body=text,
                                           headers=dict(response.headers))
            except (aiohttp.ServerConnectionError, aiohttp.ClientOSError):
                if attempt == ANSWER_RETRIES:
                    raise
                await asyncio.sleep(ANSWER_RETRY_WAIT)
        raise AssertionError("unreachable")  # pragma: no cover

    def client(self, token: str) -> AsyncWebClient:
        with self._guard:
            found = self._clients.get(token)
            if found is None:
                t = self.template
                found = self._clients[token] = AsyncWebClient(
                    token=token, base_url=t.base_url, timeout=t.timeout, session=t.session,
                    retry_handlers=[])
            return found

    @classmethod
    def start(cls, base_url: str) -> _Loop:
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="slack-sender", daemon=True)
        thread.start()

        async def open_sessions() -> tuple[AsyncWebClient, aiohttp.ClientSession]:
            # Sessions made inside their loop; no retries: the Deliverer owns backoff.
            session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS),
                connector=aiohttp.TCPConnector(limit=CONNECTIONS))
            answers = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS),
                connector=aiohttp.TCPConnector(limit=ANSWER_CONNECTIONS))
            return AsyncWebClient(base_url=base_url, timeout=TIMEOUT_SECONDS,
                                  session=session, retry_handlers=[]), answers

        client, answers = asyncio.run_coroutine_threadsafe(open_sessions(), loop).result(
            TIMEOUT_SECONDS)
        return cls(loop, thread, client, answers)

    def stop(self) -> None:
        if self.loop.is_closed():
            return
        for session in (self.template.session, self.answers):
            if session is None or session.closed:
                continue
            closing = asyncio.run_coroutine_threadsafe(session.close(), self.loop)
            try:
                closing.result(TIMEOUT_SECONDS)
            except Exception:
                log.warning("the Slack sender's connections did not close cleanly")
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(TIMEOUT_SECONDS)
        if not self.thread.is_alive():
            self.loop.close()


async def upload_files_async(client: AsyncWebClient, conversation: str,
                             files: Sequence[Attachment]) -> None:
    """`upload_files` on the async client, after the message: a file that fails is
    logged and not raised (the message must not be sent twice for it)."""
    for attachment in files:
        try:
            await client.files_upload_v2(channel=conversation, filename=attachment.filename,
                                         title=attachment.filename,
                                         content=attachment.content)
        except (SlackClientError, aiohttp.ClientError, OSError) as exc:
            code = exc.response.get("error") if isinstance(exc, SlackApiError) else \
                type(exc).__name__
            log.warning("uploading %s failed (%s)", attachment.filename, code)


def slack_sender(settings: Settings, tokens: Tokens | None = None) -> SlackSender:
    """The reminder sender. No automatic retries: the Deliverer owns backoff and Retry-After,
    and a thread sleeping inside slack_sdk would hold up every other reminder."""
    return SlackSender(settings, tokens)
