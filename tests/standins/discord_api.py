"""A stand-in for Discord's REST API on 127.0.0.1, plus real-shaped gateway payloads.

discord.py's HTTP client is pointed here (its `Route.BASE`), so the bot's own code path
runs unchanged: every REST call is recorded (method, path, JSON, files) and answered in
Discord's shapes. Tests can make the next calls fail with a 429 (with `retry_after` in
body and headers, as Discord sends it), make a user's DMs closed (403, code 50007), or
hold calls unanswered until released (`hold`, `tests/standins/hold.py`).

`GET /gateway/bot` answers `gateway_url` (a closed port until a test sets it, e.g. to a
`tests/standins/discord_gateway.py` server), `shards` and a session-start limit. Tests
that need no WebSocket hand INTERACTION_CREATE and MESSAGE_CREATE payloads built here to
the client's connection state, as the gateway would.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from aiohttp import web

from adapters.discord_bot.discord_internals import feed_gateway_event
from bot.model import Platform
from tests.log_secrets import secret
from tests.standins.hold import Hold

T = TypeVar("T")

DISCORD_EPOCH_MS = 1_420_070_400_000
API_PREFIX = "/api/v10"
APP_ID = 1_180_000_000_000_000_001
BOT_ID = APP_ID  # a bot user shares its application's id
GUILD_ID = 1_180_000_000_000_000_777
GUILD_CHANNEL_ID = 1_180_000_000_000_000_778
#: A member's resolved permissions in the channel, as the interaction carries them.
EVERY_PERMISSION = 2_147_483_647  # the server owner: manage channels included
MEMBER_PERMISSIONS = 0x400 | 0x800 | 0x10000 | 0x80000000  # view, send, history, commands
WAIT = 5.0  # seconds: the longest any test waits for one expected call
#: The token the bot logs in with here; no log record may hold it.
DISCORD_TOKEN = secret("discord-standin-bot-token-0123456789", "the Discord token")

_ids = itertools.count(1)


def snowflake() -> int:
    """A fresh Discord id carrying the current time, as real ones do."""
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_ids) & 0x3FFFFF)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def user_payload(user_id: int, name: str = "ada", *, bot: bool = False) -> dict[str, Any]:
    return {"id": str(user_id), "username": name, "global_name": name.title(),
            "discriminator": "0", "avatar": None, "bot": bot, "public_flags": 0}


BOT_USER = user_payload(BOT_ID, "followup", bot=True)


class LoopThread:
    """An asyncio event loop running in a daemon thread.

    The bot runs the same way in production: discord.py's loop in one thread, the
    delivery scheduler calling the sender from another. Tests are that other thread.
    """

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = WAIT) -> T:
        """Run `coro` on the loop and wait (bounded) for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def call(self, fn: Callable[..., Any], *args: Any) -> None:
        """Call `fn` on the loop's thread, as the gateway reader would."""
        self.loop.call_soon_threadsafe(fn, *args)

    def stop(self) -> None:
        async def _drain() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self.loop.is_running():
            self.run(_drain())
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(WAIT)
        self.loop.close()


@dataclass(frozen=True, slots=True)
class Call:
    """One REST request as the stand-in saw it; `path` is without the /api/v10 prefix."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: tuple[tuple[str, bytes], ...] = ()
    status: int = 0  # what the stand-in answered
    response: Any = None  # the JSON it answered with (a message object, say)

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list((self.data or {}).get("embeds") or [])

    @property
    def data(self) -> dict[str, Any] | None:
        """The message part: the body itself, or `data` of an interaction callback."""
        if not isinstance(self.json, dict):
            return None
        if "/callback" in self.path:
            return self.json.get("data")
        return self.json

    @property
    def custom_ids(self) -> list[str]:
        rows = (self.data or {}).get("components") or []
        return [c["custom_id"] for row in rows for c in row.get("components", [])
                if "custom_id" in c]

    @property
    def text(self) -> str:
        """Everything a person would read in the message, for loose assertions."""
        data = self.data or {}
        parts = [data.get("content") or ""]
        for embed in data.get("embeds") or []:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
            parts.append((embed.get("footer") or {}).get("text", ""))
        return "\n".join(p for p in parts if p)


@dataclass
class _Fault:
    times: int
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    method: str
    path: re.Pattern[str]
    enforced: bool = False  # a matching call before `until` is refused again
    until: float = 0.0  # time.monotonic() when the limit last answered lifts


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    faults: list[_Fault] = field(default_factory=list)
    dm_channels: dict[int, int] = field(default_factory=dict)  # user id -> channel id
    closed_dms: set[int] = field(default_factory=set)  # user ids
    forbidden_channels: dict[int, int] = field(default_factory=dict)  # channel -> code
    gone_channels: set[int] = field(default_factory=set)  # answered 404 Unknown Channel
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    originals: dict[str, int] = field(default_factory=dict)  # interaction token -> message
    channels_of_tokens: dict[str, int] = field(default_factory=dict)
    holds: list[Hold] = field(default_factory=list)


class DiscordApiStandIn:
    """Discord's REST API, small and local. Start it, point discord.py at `api_base`."""

    def __init__(self, port: int = 0) -> None:
        self._state = _State()
        self._cond = threading.Condition()
        self._loop: LoopThread | None = None
        self._runner: web.AppRunner | None = None
        self.port = port  # 0: any free one
        #: What `GET /gateway/bot` answers: where to connect, the shards Discord
        #: recommends, and the session-start limit (IDENTIFYs left, and how many at once).
        self.gateway_url = "ws://127.0.0.1:9/"  # the discard port: nothing answers there
        self.shards = 1
        self.sessions_remaining = 1000
        self.max_concurrency = 1

    # --- lifecycle ----------------------------------------------------------------
    def start(self) -> DiscordApiStandIn:
        self._loop = LoopThread("discord-api-standin")
        self._loop.run(self._start())
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])  # the ephemeral port it got

    def stop(self) -> None:
        if self._loop is None:
            return
        with self._cond:
            holds = list(self._state.holds)
        for hold in holds:  # nothing is left waiting on the loop
            hold.release()
        if self._runner is not None:
            self._loop.run(self._runner.cleanup())
        self._loop.stop()
        self._loop = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return self.url + API_PREFIX

    # --- what tests read ------------------------------------------------------------
    @property
    def calls(self) -> list[Call]:
        with self._cond:
            return list(self._state.calls)

    def mark(self) -> int:
        """How many calls so far: pass it as `since` to look only at what comes next."""
        with self._cond:
            return len(self._state.calls)

    def calls_since(self, since: int, method: str | None = None, path: str = ""
                    ) -> list[Call]:
        return [c for c in self.calls[since:]
                if (method is None or c.method == method) and re.search(path, c.path)]

    def wait_for(self, method: str, path: str, *, since: int = 0, count: int = 1,
                 timeout: float = WAIT) -> list[Call]:
        """Block until `count` calls matching `method` and the `path` regex arrived."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self._state.calls[since:]
                         if c.method == method and re.search(path, c.path)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [f"{c.method} {c.path}" for c in self._state.calls[since:]]
                    raise AssertionError(f"no {count}× {method} {path} within {timeout}s; "
                                         f"saw {seen}")
                self._cond.wait(left)

    def message(self, message_id: int) -> dict[str, Any]:
        with self._cond:
            return json.loads(json.dumps(self._state.messages[message_id]))

    def dm_channel_of(self, user_id: int) -> int:
        """The DM channel between the bot and `user_id`, opened now if it was not yet."""
        return int(self._dm_channel(user_id)["id"])

    # --- faults -----------------------------------------------------------------------
    def rate_limit(self, times: int, retry_after: float, *, method: str = "POST",
                   path: str = r"^/channels/\d+/messages$", is_global: bool = False,
                   enforced: bool = False) -> None:
        """Answer the next `times` matching calls with a 429, as Discord's limiter does.

        `enforced`: like Discord, also refuse (429 again) a matching call that comes
        before `retry_after` seconds have passed since a 429 was answered, so a client
        that retried without waiting it out shows in the calls' statuses. Not for a test
        that moves a simulated clock past the wait instead of waiting in real time."""
        headers = {
            "Retry-After": str(max(1, round(retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "X-RateLimit-Bucket": "standin-messages",
            "X-RateLimit-Scope": "global" if is_global else "user",
            "Via": "1.1 google",  # discord.py treats a 429 without it as a Cloudflare ban
        }
        body = {"message": "You are being rate limited.", "retry_after": retry_after,
                "global": is_global}
        with self._cond:
            self._state.faults.append(_Fault(times, 429, body, headers, method,
                                             re.compile(path), enforced))

    def hold(self, method: str, path: str, *, after: int = 0) -> Hold:
        """Keep every `method` call whose path fully matches the regex `path`, after the
        first `after` of them, unanswered until the returned hold is released."""
        hold = Hold(f"{re.escape(method)} {path}", after)
        with self._cond:
            self._state.holds.append(hold)
        return hold

    def close_dms(self, user_id: int) -> None:
        """The user blocks DMs from server members: sending to them gets 403, code 50007."""
        with self._cond:
            self._state.closed_dms.add(user_id)

    def forbid_channel(self, channel_id: int, code: int = 50013) -> None:
        """The bot may not post in this channel: 403 with `code` (50013 Missing
        Permissions; 50001 Missing Access when it cannot even see it)."""
        with self._cond:
            self._state.forbidden_channels[channel_id] = code

    def lose_dm_channel(self, user_id: int) -> int:
        """Discord no longer knows the DM channel with `user_id`: posting there gets 404
        (10003 Unknown Channel) and opening one gives a new id. Returns the old id."""
        with self._cond:
            gone = self._state.dm_channels.pop(user_id, None) or snowflake()
            self._state.gone_channels.add(gone)
            return gone

    def posts_in(self, channel_id: int, since: int = 0) -> list[Call]:
        """Messages the bot posted in `channel_id` (answered 200) since the `since` mark."""
        return [c for c in self.calls_since(since, "POST", rf"^/channels/{channel_id}/messages$")
                if c.status == 200]

    # --- gateway helpers ----------------------------------------------------------------
    def remember_interaction(self, payload: dict[str, Any]) -> None:
        """Tie an interaction's token to its channel and message, for @original edits."""
        with self._cond:
            token = payload["token"]
            self._state.channels_of_tokens[token] = int(payload["channel"]["id"])
            message = payload.get("message")
            if message:
                self._state.originals[token] = int(message["id"])

    # --- the server -------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path.removeprefix(API_PREFIX)
        body, files = await _read_body(request)
        call = Call(request.method, path, dict(request.query), body, files)
        with self._cond:
            holds = list(self._state.holds)
        hold = next((h for h in holds if h.takes(f"{call.method} {path}")), None)
        if hold is not None:
            await hold.keep_async()
        headers: dict[str, str] = {}
        with self._cond:
            fault = self._take_fault(call)
        if fault is not None:
            status, answer, headers = fault.status, fault.body, fault.headers
        else:
            try:
                status, answer = self._route(call)
            except _Forbidden as refusal:
                status, answer = 403, {"message": str(refusal), "code": refusal.code}
        with self._cond:
            # Recorded once answered, so a test that saw the call can also read the answer.
            self._state.calls.append(replace(call, status=status, response=answer))
            self._cond.notify_all()
        if status == 204:
            return web.Response(status=204)
        # Exactly "application/json", as Discord sends it: discord.py compares the header
        # verbatim, and aiohttp's json_response would add "; charset=utf-8".
        return web.Response(body=json.dumps(answer).encode(), status=status,
                            headers={**headers, "Content-Type": "application/json"})

    def _take_fault(self, call: Call) -> _Fault | None:
        now = time.monotonic()
        for fault in self._state.faults:
            if fault.method != call.method or not fault.path.search(call.path):
                continue
            if fault.times > 0:
                fault.times -= 1
                if fault.enforced:
                    fault.until = now + float(fault.body.get("retry_after", 0.0))
                return fault
            if now < fault.until:  # retried before the limit lifted: refused again
                return fault
        return None

    def _route(self, call: Call) -> tuple[int, Any]:
        route = f"{call.method} {call.path}"
        if route == "GET /users/@me":
            return 200, BOT_USER
        if route == "GET /oauth2/applications/@me":
            return 200, _application()
        if route == "GET /gateway/bot":
            return 200, {"url": self.gateway_url, "shards": self.shards,
                         "session_start_limit": {
                             "total": 1000, "remaining": self.sessions_remaining,
                             "reset_after": 1000, "max_concurrency": self.max_concurrency}}
        if re.fullmatch(r"PUT /applications/\d+(?:/guilds/\d+)?/commands", route):
            return 200, [_registered(c) for c in call.json or []]
        if route == "POST /users/@me/channels":
            return 200, self._dm_channel(int(call.json["recipient_id"]))
        if found := re.fullmatch(r"POST /channels/(\d+)/messages", route):
            channel_id = int(found.group(1))
            with self._cond:
                if channel_id in self._state.gone_channels:
                    return 404, {"message": "Unknown Channel", "code": 10003}
            self._check_may_post(channel_id)
            return 200, self._store(channel_id, call)
        if found := re.fullmatch(r"PATCH /channels/\d+/messages/(\d+)", route):
            return 200, self._edit(int(found.group(1)), call)
        if found := re.fullmatch(r"POST /interactions/\d+/([^/]+)/callback", route):
            return self._callback(found.group(1), call)
        if found := re.fullmatch(r"(?:GET|PATCH) /webhooks/\d+/([^/]+)/messages/@original",
                                 route):
            return 200, self._original(found.group(1), call)
        if found := re.fullmatch(r"POST /webhooks/(\d+)/([^/]+)", route):
            channel = self._state.channels_of_tokens.get(found.group(2), GUILD_CHANNEL_ID)
            return 200, self._store(channel, call, webhook=int(found.group(1)))
        return 404, {"message": "404: Not Found", "code": 0}

    def _dm_channel(self, user_id: int) -> dict[str, Any]:
        with self._cond:
            channel_id = self._state.dm_channels.setdefault(user_id, snowflake())
        return {"id": str(channel_id), "type": 1, "last_message_id": None, "flags": 0,
                "recipients": [user_payload(user_id)]}

    def _check_may_post(self, channel_id: int) -> None:
        with self._cond:
            code = self._state.forbidden_channels.get(channel_id)
            if code is not None:
                raise _Forbidden("Missing Permissions" if code == 50013 else "Missing Access",
                                 code)
            for user_id, dm in self._state.dm_channels.items():
                if dm == channel_id and user_id in self._state.closed_dms:
                    raise _Forbidden("Cannot send messages to this user", 50007)

    def _store(self, channel_id: int, call: Call, *, webhook: int | None = None
               ) -> dict[str, Any]:
        data = dict(call.data or {})
        message = _message(snowflake(), channel_id, data, call.files, webhook=webhook)
        with self._cond:
            self._state.messages[int(message["id"])] = message
        return message

    def _edit(self, message_id: int, call: Call) -> dict[str, Any]:
        with self._cond:
            message = self._state.messages.get(message_id)
            if message is None:
                message = _message(message_id, GUILD_CHANNEL_ID, {}, ())
            for key in ("content", "embeds", "components", "flags"):
                if call.data and key in call.data:
                    message[key] = call.data[key]
            message["edited_timestamp"] = now_iso()
            self._state.messages[message_id] = message
            return message

    def _callback(self, token: str, call: Call) -> tuple[int, Any]:
        kind = int(call.json["type"])
        data = call.json.get("data") or {}
        channel = self._state.channels_of_tokens.get(token, GUILD_CHANNEL_ID)
        message: dict[str, Any] | None = None
        if kind in (4, 5):  # a new reply, or "thinking…" that the first followup fills
            message = _message(snowflake(), channel, data, call.files)
            with self._cond:
                self._state.messages[int(message["id"])] = message
                self._state.originals[token] = int(message["id"])
        elif kind == 7:  # update the message the button was on
            original = self._state.originals.get(token)
            if original is not None:
                message = self._edit(original, call)
        if call.query.get("with_response") not in ("1", "true", "True"):
            return 204, None
        body: dict[str, Any] = {
            "interaction": {
                "id": call.path.split("/")[2],
                "type": 2,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
            },
            "resource": {"type": kind},
        }
        if message is not None and kind in (4, 7):
            body["resource"]["message"] = message
        return 200, body

    def _original(self, token: str, call: Call) -> dict[str, Any]:
        original = self._state.originals.get(token)
        if call.method == "PATCH":
            if original is None:
                channel = self._state.channels_of_tokens.get(token, GUILD_CHANNEL_ID)
                stored = self._store(channel, call)
                with self._cond:
                    self._state.originals[token] = int(stored["id"])
                return stored
            return self._edit(original, call)
        if original is None:
            return _message(snowflake(), GUILD_CHANNEL_ID, {}, ())
        return self.message(original)


class _Forbidden(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


async def _read_body(request: web.Request) -> tuple[Any, tuple[tuple[str, bytes], ...]]:
    """JSON, or discord.py's multipart (payload_json plus files[n]) when files go along."""
    if not request.can_read_body:
        return None, ()
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        payload = json.loads(str(form.get("payload_json") or "null"))
        files = tuple(
            (part.filename, part.file.read()) for name, part in form.items()
            if name.startswith("files[") and isinstance(part, web.FileField)
        )
        return payload, files
    raw = await request.read()
    return (json.loads(raw) if raw else None), ()


def _application() -> dict[str, Any]:
    return {"id": str(APP_ID), "name": "followup", "description": "", "icon": None,
            "bot_public": True, "bot_require_code_grant": False,
            "owner": user_payload(1, "owner"), "verify_key": "0" * 64, "flags": 0,
            "bot": BOT_USER}


def _registered(command: dict[str, Any]) -> dict[str, Any]:
    # Discord answers every command with a description, "" for a context menu's.
    return {"description": "", **command, "id": str(snowflake()),
            "application_id": str(APP_ID),
            "version": str(snowflake()), "default_member_permissions": None}


def _message(message_id: int, channel_id: int, data: dict[str, Any],
             files: tuple[tuple[str, bytes], ...], *, webhook: int | None = None
             ) -> dict[str, Any]:
    attachments = [
        {"id": str(snowflake()), "filename": name, "size": len(content),
         "url": f"https://cdn.invalid/{name}", "proxy_url": f"https://cdn.invalid/{name}"}
        for name, content in files
    ]
    message: dict[str, Any] = {
        "id": str(message_id), "channel_id": str(channel_id), "author": BOT_USER,
        "content": data.get("content") or "", "timestamp": now_iso(),
        "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": [], "mention_roles": [], "attachments": attachments,
        "embeds": data.get("embeds") or [], "pinned": False, "type": 0,
        "flags": int(data.get("flags") or 0), "components": data.get("components") or [],
    }
    if webhook is not None:
        message["webhook_id"] = str(webhook)
        message["application_id"] = str(APP_ID)
    return message


# --- gateway payloads -------------------------------------------------------------------
_OPTION_TYPES = {bool: 5, int: 4, float: 10, str: 3}


def _interaction(kind: int, user_id: int, data: dict[str, Any], *,
                 guild_id: int | None, channel_id: int | None,
                 message: dict[str, Any] | None = None,
                 permissions: int = EVERY_PERMISSION, name: str = "ada") -> dict[str, Any]:
    user = user_payload(user_id, name)
    payload: dict[str, Any] = {
        "id": str(snowflake()), "application_id": str(APP_ID), "type": kind, "data": data,
        "token": f"tok-{snowflake()}", "version": 1, "locale": "en-US",
        "attachment_size_limit": 8 * 1024 * 1024, "app_permissions": "0",
        "entitlements": [],
    }
    if guild_id is not None:
        channel = channel_id or GUILD_CHANNEL_ID
        payload.update(
            guild_id=str(guild_id), context=0,
            authorizing_integration_owners={"0": str(guild_id)},
            member={"user": user, "roles": [], "joined_at": now_iso(), "flags": 0,
                    "permissions": str(permissions), "deaf": False, "mute": False},
            channel={"id": str(channel), "type": 0, "guild_id": str(guild_id),
                     "name": "job-search", "position": 0, "permission_overwrites": [],
                     "nsfw": False, "parent_id": None},
            channel_id=str(channel),
        )
    else:
        channel = channel_id or snowflake()
        payload.update(
            user=user, context=1, authorizing_integration_owners={"0": str(user_id)},
            channel={"id": str(channel), "type": 1, "recipients": [user], "flags": 0},
            channel_id=str(channel),
        )
    if message is not None:
        payload["message"] = message
    return payload


def slash_command(user_id: int, subcommand: str, options: dict[str, Any] | None = None, *,
                  guild_id: int | None = GUILD_ID, channel_id: int | None = None,
                  focused: str | None = None, focused_type: int = 3,
                  command_id: int = 1, permissions: int = EVERY_PERMISSION,
                  name: str = "ada", group: str | None = None) -> dict[str, Any]:
    """INTERACTION_CREATE for `/followup <subcommand> …` (type 2), or its autocomplete
    (type 4) when `focused` names the option being typed. A focused value is what was
    typed so far, a string even for an integer option (`focused_type` 4). In a server,
    `permissions` are the member's in the channel (`MEMBER_PERMISSIONS`: no managing).
    With `group`, the subcommand is inside that subcommand group (`/followup fix email`)."""
    inner = []
    for key, value in (options or {}).items():
        option: dict[str, Any] = {"name": key, "type": _OPTION_TYPES[type(value)],
                                  "value": value}
        if key == focused:
            option.update(focused=True, type=focused_type, value=str(value))
        inner.append(option)
    chosen: dict[str, Any] = {"name": subcommand, "type": 1, "options": inner}
    if group is not None:
        chosen = {"name": group, "type": 2, "options": [chosen]}
    data = {"id": str(command_id), "name": "followup", "type": 1, "options": [chosen]}
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    return _interaction(4 if focused else 2, user_id, data, guild_id=guild_id,
                        channel_id=channel_id, permissions=permissions, name=name)


def message_command(user_id: int, name: str, content: str, *,
                    guild_id: int | None = GUILD_ID, author_id: int = 5_555_555_555_555_555,
                    command_id: int = 2) -> dict[str, Any]:
    """INTERACTION_CREATE for a message context-menu command (type 2, command type 3)
    used on someone's message saying `content`, resolved as Discord sends it."""
    target = snowflake()
    message = {
        "id": str(target), "channel_id": str(GUILD_CHANNEL_ID),
        "author": user_payload(author_id, "recruiter"), "content": content,
        "timestamp": now_iso(), "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": [],
    }
    data: dict[str, Any] = {"id": str(command_id), "name": name, "type": 3,
                            "target_id": str(target),
                            "resolved": {"messages": {str(target): message}}}
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    return _interaction(2, user_id, data, guild_id=guild_id, channel_id=None)


def button_press(user_id: int, message: dict[str, Any], custom_id: str, *,
                 guild_id: int | None = None) -> dict[str, Any]:
    """INTERACTION_CREATE for a button (type 3) on `message`, as the stand-in stored it."""
    return _interaction(3, user_id, {"custom_id": custom_id, "component_type": 2},
                        guild_id=guild_id, channel_id=int(message["channel_id"]),
                        message=message)


def modal_submit(user_id: int, custom_id: str, values: dict[str, str], *,
                 guild_id: int | None = GUILD_ID) -> dict[str, Any]:
    """INTERACTION_CREATE for a submitted modal (type 5): one text input per row."""
    rows = [{"type": 1, "components": [{"type": 4, "id": n, "custom_id": key, "value": value}]}
            for n, (key, value) in enumerate(values.items(), start=1)]
    return _interaction(5, user_id, {"custom_id": custom_id, "components": rows},
                        guild_id=guild_id, channel_id=None)


def dm_message(user_id: int, channel_id: int, content: str, *, bot: bool = False,
               author_id: int | None = None) -> dict[str, Any]:
    """MESSAGE_CREATE for a direct message (no guild_id) to the bot."""
    author = user_payload(author_id or user_id, "ada" if not bot else "otherbot", bot=bot)
    return {
        "id": str(snowflake()), "channel_id": str(channel_id), "author": author,
        "content": content, "timestamp": now_iso(), "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": [],
    }


class BotProcess:
    """One bot process seen from outside: a logged-in client whose loop runs in its own
    thread, fed gateway events; this thread plays the delivery scheduler.

    After each event it waits until every task the event started has finished, so tests
    read settled REST calls. `client` is the adapter's client (with `.sender`), `runtime`
    the process's runtime; nothing here knows the adapter beyond that.
    """

    def __init__(self, client: Any, runtime: Any, api: DiscordApiStandIn,
                 user_id: int) -> None:
        self.client = client
        self.runtime = runtime
        self.api = api
        self.user_id = user_id
        self.loop = LoopThread("discord-client")
        self.loop.run(client.login(DISCORD_TOKEN))  # GET /users/@me, app info, setup_hook
        self.deliverer = runtime.start_delivery({Platform.DISCORD: client.sender},
                                                background=False)
        self._closed = False

    # --- gateway events -------------------------------------------------------------------
    def interaction(self, payload: dict[str, Any]) -> list[Call]:
        """Deliver INTERACTION_CREATE; return the REST calls the bot made in answer."""
        since = self.api.mark()
        self.api.remember_interaction(payload)
        self.loop.call(feed_gateway_event, self.client, "INTERACTION_CREATE", payload)
        self.settle()
        return self.api.calls_since(since)

    def message(self, payload: dict[str, Any]) -> list[Call]:
        """Deliver MESSAGE_CREATE; return the REST calls the bot made in answer."""
        since = self.api.mark()
        self.loop.call(feed_gateway_event, self.client, "MESSAGE_CREATE", payload)
        self.settle()
        return self.api.calls_since(since)

    def command(self, subcommand: str, **options: Any) -> list[Call]:
        return self.interaction(slash_command(self.user_id, subcommand, options))

    def guild_event(self, event: str, guild_id: int, **data: Any) -> None:
        """GUILD_CREATE (the bot is added to a server) or GUILD_DELETE (removed
        from it) for `guild_id`, in Discord's shape."""
        payload: dict[str, Any] = {"id": str(guild_id), **data}
        if event == "GUILD_CREATE":
            payload.update({"name": "Job club", "owner_id": str(self.user_id), "roles": [],
                            "emojis": [], "features": [], "channels": [], "members": [],
                            "member_count": 1, **data})
        self.loop.call(feed_gateway_event, self.client, event, payload)
        self.settle()

    def press(self, message_id: int, custom_id: str, user: int | None = None) -> list[Call]:
        message = self.api.message(message_id)
        return self.interaction(button_press(user or self.user_id, message, custom_id))

    def dm(self, text: str) -> list[Call]:
        channel = self.api.dm_channel_of(self.user_id)
        return self.message(dm_message(self.user_id, channel, text))

    def deliver(self) -> list[Call]:
        """Deliver what is due from this thread, as the scheduler's thread would; return
        the messages posted."""
        since = self.api.mark()
        self.deliverer.deliver_due()
        return self.api.calls_since(since, "POST", r"^/channels/\d+/messages$")

    def settle(self, timeout: float = 2 * WAIT) -> None:
        """Wait for every task on the client's loop, except views idling until timeout."""

        async def _settled() -> None:
            me = asyncio.current_task()
            while True:
                busy = [t for t in asyncio.all_tasks() if t is not me and
                        "timeout_task_impl" not in getattr(t.get_coro(), "__qualname__", "")]
                if not busy:
                    return
                await asyncio.wait(busy)

        self.loop.run(_settled(), timeout)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.loop.run(self.client.close())
        self.loop.stop()


# --- reading the calls ----------------------------------------------------------------------
def only(calls: list[Call], method: str, path: str) -> Call:
    """The one call with `method` whose path contains `path`."""
    found = [c for c in calls if c.method == method and path in c.path]
    assert len(found) == 1, [f"{c.method} {c.path}" for c in calls]
    return found[0]


def followups(calls: list[Call]) -> list[Call]:
    """Interaction followups: the answers after a deferral."""
    return [c for c in calls if c.method == "POST" and c.path.startswith("/webhooks/")]


def answer_text(calls: list[Call]) -> str:
    return "\n".join(c.text for c in followups(calls))


def button(call: Call, action: str) -> str:
    """The custom id of the message's button for `action`."""
    (found,) = [c for c in call.custom_ids if c.startswith(f"followup:{action}:")]
    return found


def advance_until(bot: BotProcess, clock: Any, title: str,
                  limit: timedelta = timedelta(days=30)) -> Call:
    """Move the clock in 2-hour steps, delivering each time, until a DM with `title` is out."""
    step = timedelta(hours=2)
    moved = timedelta()
    while moved < limit:
        for call in bot.deliver():
            if title in call.text:
                return call
        clock.advance(step)
        moved += step
    raise AssertionError(f"no reminder {title!r} within {limit}")
