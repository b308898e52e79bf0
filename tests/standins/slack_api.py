"""A stand-in for Slack on 127.0.0.1: its Web API (recording every call) and the signed
requests Slack sends an app, in Slack's own payload shapes.

`SlackApiStandIn` answers like Slack (`{"ok": true, ...}`), can answer 429 with
Retry-After or an error for the next calls, can hold calls unanswered until the test
releases them (`hold`), and serves `response_url`s too. Like Slack,
it takes an app-level token (`xapp-`) for `apps.connections.open` only, and answers with
`socket_url` (see `tests/standins/slack_socket.py`) for Socket Mode.
For "Add to Slack" it plays Slack's OAuth side too: `authorize(team)` is an installer
approving the app on Slack's page (it returns the code Slack redirects with),
`oauth.v2.access` exchanges that code, once, for a bot token of that team's own, and
`uninstall(team)` revokes the team's tokens. Every call is recorded with the team whose
token it carried (`ApiCall.team`), never the token.
`SlackPayloads` builds what Slack sends an app, for one workspace (team id);
`SlackWorkspace` signs and posts those over HTTP.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import re
import secrets
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.standins.hold import Hold

TEAM = "T0TEAM"
BOT_USER = "U0BOT"
BOT_ID = "B0BOT"
API_APP = "A0APP"
#: Who created #general in the stand-in workspace: nobody the tests speak as.
FOUNDER = "U0FOUNDER"


@dataclass(frozen=True)
class ApiCall:
    """One request the app made: the Web API method (or `response_url`) and its arguments."""

    method: str
    args: dict[str, Any]
    authorized: bool  # carried a bearer token (response_url calls do not need one)
    answer: dict[str, Any] = field(default_factory=dict)  # what the stand-in replied
    at: datetime | None = None  # the (simulated) time it arrived, once `stamp_with` is set
    token_kind: str = ""  # "xoxb", "xapp"…: the kind of token, never the token itself
    team: str | None = None  # whose token it carried, for tokens minted by oauth.v2.access


@dataclass
class _Planned:
    method: str | None  # None: any method
    times: int
    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class _State:
    lock: threading.Lock = field(default_factory=threading.Lock)
    calls: list[ApiCall] = field(default_factory=list)
    planned: list[_Planned] = field(default_factory=list)
    holds: list[Hold] = field(default_factory=list)
    ts: itertools.count = field(default_factory=lambda: itertools.count(1))
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file id -> name, bytes
    connections: int = 0  # TCP connections accepted


class SlackApiStandIn:
    """A small threaded HTTP server that answers the Web API methods this app uses."""

    def __init__(self, default_tz: str = "America/New_York") -> None:
        self.default_tz = default_tz
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.add_channel("C0GENERAL", creator=FOUNDER, name="general")
        #: What apps.connections.open answers: a Socket Mode stand-in's `ws://` address.
        self.socket_url: str | None = None
        self._now: Callable[[], datetime] | None = None
        self._state = _State()
        #: The app's client id and secret, as oauth.v2.access checks them.
        self.client_credentials: tuple[str, str] | None = None
        self._codes: dict[str, dict[str, Any]] = {}  # code -> what the install granted
        self._tokens: dict[str, str] = {}  # bot token -> its team
        self._revoked: set[str] = set()
        self._refresh_tokens: dict[str, str] = {}  # refresh token -> its team
        self.rotations = 0  # tokens refreshed so far
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    # --- life cycle -------------------------------------------------------------------
    def start(self) -> SlackApiStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._state.lock:
            holds = list(self._state.holds)
        for hold in holds:  # nothing is left waiting in a request thread
            hold.release()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def root(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        """What SLACK_API_URL is set to: the WebClient's base_url."""
        return f"{self.root}/api/"

    @property
    def connections(self) -> int:
        """TCP connections accepted so far (a client that keeps them alive opens few)."""
        with self._state.lock:
            return self._state.connections

    def response_url(self, tag: str) -> str:
        return f"{self.root}/respond/{tag}"

    # --- Slack's OAuth side --------------------------------------------------------------
    def authorize(self, team: str, *, enterprise: str | None = None,
                  org_wide: bool = False, expires_in: int | None = None) -> str:
        """An installer approves the app for `team` (or, `org_wide`, for the whole
        Enterprise Grid org `enterprise`): the code Slack puts in its redirect. With
        `expires_in` the app has token rotation on: its token lasts that many seconds
        and comes with a refresh token."""
        from tests.log_secrets import secret

        code = secret(SlackPayloads.next_id(f"code.{team}."), "an OAuth code")
        with self._state.lock:
            self._codes[code] = {"team": team, "enterprise": enterprise, "org_wide": org_wide,
                                 "expires_in": expires_in}
        return code

    def tokens_of(self, team: str) -> list[str]:
        """Bot tokens minted for `team` so far (for the test to know, never to log)."""
        with self._state.lock:
            return [t for t, owner in self._tokens.items() if owner == team]

    def uninstall(self, team: str) -> None:
        """The workspace removes the app: its tokens stop working, as Slack's do."""
        with self._state.lock:
            self._revoked.update(t for t, owner in self._tokens.items() if owner == team)

    def _exchange(self, args: dict[str, Any], basic: str) -> dict[str, Any]:
        """oauth.v2.access: the app's credentials (HTTP Basic) and a code, good once (or,
        with token rotation, a refresh token)."""
        from tests.log_secrets import secret

        expected = self.client_credentials
        given = base64.b64decode(basic).decode() if basic else ""
        if expected is None or given != f"{expected[0]}:{expected[1]}":
            return {"ok": False, "error": "invalid_client_id"}
        if args.get("grant_type") == "refresh_token":
            return self._refresh(str(args.get("refresh_token", "")))
        with self._state.lock:
            grant = self._codes.pop(str(args.get("code", "")), None)
        if grant is None:
            return {"ok": False, "error": "invalid_code"}
        team = grant["team"]
        token = secret(f"xoxb-{team}-{secrets.token_hex(12)}", f"the bot token of {team}")
        with self._state.lock:
            self._tokens[token] = team
        rotating = {}
        if grant["expires_in"] is not None:
            rotating = {"refresh_token": self._refresh_token_for(team),
                        "expires_in": grant["expires_in"]}
        enterprise = {"id": grant["enterprise"], "name": "Grid"} if grant["enterprise"] \
            else None
        return {"ok": True, "app_id": API_APP, "access_token": token, "token_type": "bot",
                "scope": "chat:write,commands,im:history", "bot_user_id": BOT_USER,
                "authed_user": {"id": "U0INSTALLER"},
                "team": None if grant["org_wide"] else {"id": team, "name": f"Team {team}"},
                "enterprise": enterprise, "is_enterprise_install": grant["org_wide"],
                **rotating}

    def _refresh_token_for(self, team: str) -> str:
        from tests.log_secrets import secret

        refresh = secret(f"xoxe-1-{team}-{secrets.token_hex(12)}", f"a refresh token of {team}")
        with self._state.lock:
            self._refresh_tokens[refresh] = team
        return refresh

    def _refresh(self, refresh: str) -> dict[str, Any]:
        """Token rotation: a refresh token, good once, for a new token (and a new refresh
        token); the team's older tokens stop working, so a call still using one fails."""
        from tests.log_secrets import secret

        with self._state.lock:
            team = self._refresh_tokens.pop(refresh, None)
        if team is None:
            return {"ok": False, "error": "invalid_refresh_token"}
        token = secret(f"xoxb-{team}-{secrets.token_hex(12)}", f"the bot token of {team}")
        with self._state.lock:
            self._revoked.update(t for t, owner in self._tokens.items() if owner == team)
            self._tokens[token] = team
            self.rotations += 1
        return {"ok": True, "access_token": token, "token_type": "bot", "expires_in": 43200,
                "refresh_token": self._refresh_token_for(team),
                "team": {"id": team, "name": f"Team {team}"}}

    # --- arranging answers ------------------------------------------------------------
    def add_user(self, user: str, *, tz: str | None = None, real_name: str = "Alex Doe",
                 admin: bool = False, owner: bool = False, team: str = TEAM) -> None:
        """A person users.info knows; `admin`/`owner` are workspace roles."""
        self.users[user] = {"tz": tz or self.default_tz, "real_name": real_name,
                            "is_admin": admin or owner, "is_owner": owner, "team": team}

    def stamp_with(self, now: Callable[[], datetime]) -> None:
        """Stamp every call from now on with `now()` (a simulated clock's), so a test can
        say when, in the app's time, something was posted."""
        self._now = now

    def add_channel(self, channel: str, *, creator: str, name: str = "job-club",
                    private: bool = False, mpim: bool = False) -> None:
        """A channel conversations.info answers for (others are channel_not_found)."""
        self.channels[channel] = {"name": name, "creator": creator, "is_private": private,
                                  "is_mpim": mpim}

    def rate_limit(self, times: int = 1, *, retry_after: int = 30,
                   method: str | None = "chat.postMessage") -> None:
        """Answer the next `times` calls (to `method`, or any) with 429 and Retry-After."""
        with self._state.lock:
            self._state.planned.append(_Planned(method, times, status=429, error="ratelimited",
                                                retry_after=retry_after))

    def hold(self, method: str | None = None, *, after: int = 0) -> Hold:
        """Keep every call to `method` (None: to any Web API method), after the first
        `after` of them, unanswered until the returned hold is released; `response_url`
        calls are held only by a hold for `method="response_url"` itself."""
        hold = Hold(None if method is None else re.escape(method), after)
        with self._state.lock:
            self._state.holds.append(hold)
        return hold

    def fail(self, method: str, error: str, times: int = 1) -> None:
        """Answer the next `times` calls to `method` with `{"ok": false, "error": error}`."""
        with self._state.lock:
            self._state.planned.append(_Planned(method, times, error=error))

    # --- what the app did -------------------------------------------------------------
    def calls(self, method: str | None = None) -> list[ApiCall]:
        with self._state.lock:
            return [c for c in self._state.calls if method is None or c.method == method]

    def uploaded(self) -> list[dict[str, Any]]:
        """Files shared in a conversation: name, content bytes and the channel they went to."""
        shared = []
        for call in self.calls("files.completeUploadExternal"):
            for item in call.args.get("files") or []:
                with self._state.lock:
                    stored = dict(self._state.files.get(item["id"], {}))
                shared.append({**stored, "channel": call.args.get("channel_id")})
        return shared

    def clear(self) -> None:
        with self._state.lock:
            self._state.calls.clear()

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0,
                 where: Callable[[ApiCall], bool] | None = None) -> list[ApiCall]:
        """The calls to `method` once there are at least `count` (matching `where`).

        Listeners run in Bolt's worker threads after the ack, so tests poll, with a deadline.
        """
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls(method) if where is None or where(c)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = [c.method for c in self.calls()]
                raise AssertionError(f"expected {count} {method} call(s) within {timeout}s; "
                                     f"got {len(found)}. All calls: {seen}")
            time.sleep(0.02)

    def settle(self, quiet: float = 0.3, timeout: float = 5.0) -> list[ApiCall]:
        """All calls once none has arrived for `quiet` seconds: for asserting that nothing
        more (a duplicate) happens."""
        deadline = time.monotonic() + timeout
        last = -1
        stable_since = time.monotonic()
        while time.monotonic() < deadline:
            now_count = len(self.calls())
            if now_count != last:
                last, stable_since = now_count, time.monotonic()
            elif time.monotonic() - stable_since >= quiet:
                break
            time.sleep(0.02)
        return self.calls()

    # --- answering --------------------------------------------------------------------
    def _hold_for(self, method: str) -> Hold | None:
        with self._state.lock:
            holds = list(self._state.holds)
        if method == "response_url":  # only a hold that names it: hold() holds API calls
            holds = [h for h in holds if h.pattern == re.escape("response_url")]
        return next((h for h in holds if h.takes(method)), None)

    def _planned_for(self, method: str) -> _Planned | None:
        with self._state.lock:
            for plan in self._state.planned:
                if plan.times > 0 and plan.method in (None, method):
                    plan.times -= 1
                    return plan
        return None

    def _record(self, call: ApiCall) -> None:
        with self._state.lock:
            self._state.calls.append(call)

    def _next_ts(self) -> str:
        with self._state.lock:
            return f"1800000000.{next(self._state.ts):06d}"

    def _answer(self, method: str, args: dict[str, Any], team: str | None = None
                ) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://standin.slack.com/", "team": "Stand-in",
                    "user": "followup", "team_id": team or TEAM, "user_id": BOT_USER,
                    "bot_id": BOT_ID}
        if method == "users.info":
            user = str(args.get("user", ""))
            known = self.users.get(user, {"tz": self.default_tz, "real_name": "Alex Doe"})
            return {"ok": True, "user": {
                "id": user, "team_id": known.get("team", TEAM), "name": user.lower(),
                "tz": known["tz"],
                "real_name": known["real_name"],
                "is_admin": known.get("is_admin", False),
                "is_owner": known.get("is_owner", False),
                "is_primary_owner": False, "is_bot": False,
                "profile": {"real_name": known["real_name"], "display_name": ""},
            }}
        if method == "conversations.info":
            channel_id = str(args.get("channel", ""))
            channel = self.channels.get(channel_id)
            if channel is None:
                return {"ok": False, "error": "channel_not_found"}
            return {"ok": True, "channel": {
                "id": channel_id, "name": channel["name"], "is_channel": not channel["is_mpim"],
                "is_group": channel["is_private"], "is_im": False, "is_mpim": channel["is_mpim"],
                "is_private": channel["is_private"] or channel["is_mpim"], "is_archived": False,
                "creator": channel["creator"], "created": 1700000000, "is_member": True,
            }}
        if method == "conversations.open":
            user = str(args.get("users", "")).split(",")[0]
            return {"ok": True, "channel": {"id": _dm_of(user)}}
        if method == "chat.postMessage":
            channel = str(args.get("channel", ""))
            if channel.startswith(("U", "W")):
                channel = _dm_of(channel)
            ts = self._next_ts()
            return {"ok": True, "channel": channel, "ts": ts,
                    "message": {"type": "message", "text": args.get("text", ""),
                                "blocks": args.get("blocks", []), "ts": ts,
                                "user": BOT_USER, "bot_id": BOT_ID}}
        if method == "chat.update":
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts"),
                    "text": args.get("text", "")}
        if method == "files.getUploadURLExternal":
            file_id = f"F{self._next_ts()[-6:]}"
            with self._state.lock:
                self._state.files[file_id] = {"name": args.get("filename"), "content": b""}
            return {"ok": True, "file_id": file_id,
                    "upload_url": f"{self.root}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            with self._state.lock:
                shared = [{"id": f["id"], "title": f.get("title"),
                           "name": self._state.files.get(f["id"], {}).get("name")}
                          for f in args.get("files") or []]
            return {"ok": True, "files": shared}
        if method == "apps.connections.open" and self.socket_url:
            return {"ok": True, "url": self.socket_url}
        if method in ("views.open", "views.publish", "views.update", "views.push"):
            view = dict(args.get("view") or {})
            view.update(id=f"V{self._next_ts()[-6:]}", hash="h1", team_id=TEAM,
                        app_id=API_APP)
            return {"ok": True, "view": view}
        return {"ok": True}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with standin._state.lock:
                    standin._state.connections += 1

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._serve()

            def do_POST(self) -> None:
                self._serve()

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length) if length else b""
                if parts.path.startswith("/upload/"):  # step 2 of files_upload_v2: raw bytes
                    file_id = parts.path.removeprefix("/upload/")
                    with standin._state.lock:
                        standin._state.files.setdefault(file_id, {})["content"] = data
                    standin._record(ApiCall("file_upload", {"file_id": file_id}, False))
                    self._send(200, "OK - " + str(len(data)), "text/plain")
                    return
                raw = data.decode("utf-8")
                args: dict[str, Any] = dict(parse_qsl(parts.query))
                if "json" in (self.headers.get("Content-Type") or "") and raw:
                    args.update(json.loads(raw))
                elif raw:
                    args.update(parse_qsl(raw))
                args = {k: _decoded(v) for k, v in args.items()}
                bearer = self.headers.get("Authorization") or ""
                authorized = bearer.startswith("Bearer ")
                token = bearer.removeprefix("Bearer ") if authorized else ""
                kind = token.split("-", 1)[0] if authorized else ""
                with standin._state.lock:
                    team = standin._tokens.get(token)
                    revoked = token in standin._revoked
                at = standin._now() if standin._now is not None else None
                if parts.path.startswith("/respond/"):
                    args["_tag"] = parts.path.removeprefix("/respond/")
                    hold = standin._hold_for("response_url")
                    if hold is not None:
                        hold.keep()
                    standin._record(ApiCall("response_url", args, authorized, at=at))
                    self._send(200, "ok", "text/plain")
                    return
                if not parts.path.startswith("/api/"):
                    self._send(404, "not found", "text/plain")
                    return
                method = parts.path.removeprefix("/api/")
                if method == "oauth.v2.access":
                    basic = bearer.removeprefix("Basic ") if bearer.startswith("Basic ") else ""
                    answer = standin._exchange(args, basic)
                    hidden = ("access_token", "refresh_token", "code")
                    standin._record(ApiCall(
                        method, {k: v for k, v in args.items() if k not in hidden}, False,
                        {k: v for k, v in answer.items() if k not in hidden}, at))
                    self._send(200, json.dumps(answer), "application/json")
                    return
                hold = standin._hold_for(method)
                if hold is not None:
                    hold.keep()
                plan = standin._planned_for(method)
                if plan is None and authorized and \
                        (kind == "xapp") != (method == "apps.connections.open"):
                    # Slack: apps.connections.open takes only an app-level token, and an
                    # app-level token works for nothing else.
                    plan = _Planned(method, 0, error="not_allowed_token_type")
                if plan is None and revoked:
                    plan = _Planned(method, 0, error="token_revoked")
                if plan is not None:
                    failure = {"ok": False, "error": plan.error}
                    standin._record(ApiCall(method, args, authorized, failure, at, kind, team))
                    headers = {"Retry-After": str(plan.retry_after)} if plan.retry_after else {}
                    self._send(plan.status, json.dumps(failure), "application/json", headers)
                    return
                answer = standin._answer(method, args, team)
                standin._record(ApiCall(method, args, authorized, answer, at, kind, team))
                self._send(200, json.dumps(answer), "application/json")

            def _send(self, status: int, body: str, content_type: str,
                      headers: dict[str, str] | None = None) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", f"{content_type}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


class _QuietServer(ThreadingHTTPServer):
    """A client that went away (a worker killed mid-call) is not an error to print."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _dm_of(user: str) -> str:
    return "D" + user[1:]


def _decoded(value: Any) -> Any:
    """Form-encoded calls carry blocks and views as JSON strings; read them back as data."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


# --- Slack's side of the app's endpoint ---------------------------------------------------
def signature(secret: str, timestamp: str, body: str | bytes) -> str:
    """Slack's request signature: HMAC-SHA256 over `v0:{timestamp}:{body}`."""
    base = f"v0:{timestamp}:".encode() + (body if isinstance(body, bytes) else body.encode())
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Answer:
    status: int
    body: str

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


_IDS = itertools.count(1)


class SlackPayloads:
    """What Slack sends an app from one workspace (`team`), in Slack's own shapes: the
    same payloads go over signed HTTP (`SlackWorkspace`) or in Socket Mode envelopes
    (`tests/standins/slack_socket.py`)."""

    def __init__(self, api: SlackApiStandIn, team: str = TEAM) -> None:
        self.api = api
        self.team = team

    @staticmethod
    def next_id(prefix: str) -> str:
        """An id no other payload has (Slack's trigger and event ids are unique across
        workspaces, and the app drops a repeated one as Slack's retry)."""
        return f"{prefix}{next(_IDS):06d}"

    def command_payload(self, user: str, text: str, *, channel: str = "C0GENERAL",
                        channel_name: str = "general") -> dict[str, str]:
        """A slash command's fields, as Slack posts `/followup <text>` (all strings)."""
        return {
            "token": "legacy-verification-token", "team_id": self.team,
            "team_domain": "standin", "channel_id": channel, "channel_name": channel_name,
            "user_id": user, "user_name": user.lower(), "command": "/followup", "text": text,
            "api_app_id": API_APP, "is_enterprise_install": "false",
            "response_url": self.api.response_url(self.next_id("cmd")),
            "trigger_id": self.next_id("trigger."),
        }

    def event_payload(self, event: dict[str, Any], *, event_id: str | None = None
                      ) -> dict[str, Any]:
        """An Events API `event_callback` around `event`."""
        return {
            "token": "legacy-verification-token", "team_id": self.team,
            "api_app_id": API_APP, "event": event, "type": "event_callback",
            "event_id": event_id or self.next_id("Ev"), "event_time": int(time.time()),
            "authorizations": [{"team_id": self.team, "user_id": BOT_USER, "is_bot": True}],
        }

    @staticmethod
    def im_event(user: str, text: str) -> dict[str, Any]:
        """`user` writes `text` in the app's Messages tab (a `message.im` event)."""
        return {"type": "message", "channel": _dm_of(user), "user": user, "text": text,
                "ts": f"{time.time():.6f}", "channel_type": "im",
                "event_ts": f"{time.time():.6f}"}

    def press_payload(self, user: str, button: dict[str, Any], *,
                      message: ApiCall | None = None, channel: str | None = None,
                      ts: str | None = None, ephemeral: bool = False,
                      view: dict[str, Any] | None = None) -> dict[str, Any]:
        """A `block_actions` payload for pressing `button` (a Block Kit button element as
        the app rendered it).

        On a message: `message` is the chat.postMessage call that posted it (its blocks,
        channel and ts go in the payload, as Slack does); `channel`/`ts` override where it
        is. On a view: `view`.
        """
        action = {"type": "button", "action_id": button["action_id"],
                  "block_id": "b1", "text": button["text"], "value": button.get("value", ""),
                  "action_ts": f"{time.time():.6f}"}
        payload: dict[str, Any] = {
            "type": "block_actions", "user": {"id": user, "username": user.lower(),
                                              "team_id": self.team},
            "api_app_id": API_APP, "token": "legacy-verification-token",
            "team": {"id": self.team, "domain": "standin"},
            "trigger_id": self.next_id("trigger."), "actions": [action],
        }
        if view is not None:
            payload.update(container={"type": "view", "view_id": view.get("id", "V1")},
                           view=view)
        else:
            posted = message.answer if message is not None else {}
            channel = channel or posted.get("channel") or _dm_of(user)
            ts = ts or posted.get("ts") or "1800000000.000001"
            payload.update(
                container={"type": "message", "message_ts": ts, "channel_id": channel,
                           "is_ephemeral": ephemeral},
                channel={"id": channel, "name": "directmessage"},
                response_url=self.api.response_url(self.next_id("act")),
            )
            if not ephemeral and message is not None:
                payload["message"] = {"type": "message", "ts": ts, "bot_id": BOT_ID,
                                      "text": message.args.get("text", ""),
                                      "blocks": message.args.get("blocks", [])}
        return payload

    def message_action_payload(self, user: str, text: str, callback_id: str, *,
                               channel: str = "C0GENERAL", author: str = "U0RECRUIT"
                               ) -> dict[str, Any]:
        """A message shortcut (`message_action`) used by `user` on `author`'s message."""
        return {
            "type": "message_action", "callback_id": callback_id,
            "token": "legacy-verification-token", "action_ts": f"{time.time():.6f}",
            "team": {"id": self.team, "domain": "standin"},
            "user": {"id": user, "username": user.lower(), "team_id": self.team},
            "channel": {"id": channel, "name": "general"},
            "message": {"type": "message", "user": author, "ts": "1800000000.000100",
                        "text": text},
            "response_url": self.api.response_url(self.next_id("shortcut")),
            "trigger_id": self.next_id("trigger."), "api_app_id": API_APP,
        }

    def view_submission_payload(self, user: str, view: dict[str, Any],
                                values: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """Submitting a modal the app opened, with `values` as `view.state.values`."""
        submitted = dict(view)
        submitted.setdefault("id", "V0MODAL")
        submitted.setdefault("hash", "h1")
        submitted["state"] = {"values": values}
        return {
            "type": "view_submission", "team": {"id": self.team, "domain": "standin"},
            "user": {"id": user, "username": user.lower(), "team_id": self.team},
            "api_app_id": API_APP, "token": "legacy-verification-token",
            "trigger_id": self.next_id("trigger."), "view": submitted,
            "response_urls": [],
        }


class SlackWorkspace(SlackPayloads):
    """Posts correctly signed requests to an app, as Slack does, for one workspace."""

    def __init__(self, endpoint: str, signing_secret: str, api: SlackApiStandIn,
                 team: str = TEAM) -> None:
        super().__init__(api, team)
        self.endpoint = endpoint
        self.secret = signing_secret

    def post(self, body: str | bytes, content_type: str, *, timestamp: int | None = None,
             secret: str | None = None, headers: dict[str, str] | None = None) -> Answer:
        """Post `body` (bytes as they are: a test may send what Slack never would)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        data = body if isinstance(body, bytes) else body.encode()
        request = urllib.request.Request(self.endpoint, data=data, method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("X-Slack-Request-Timestamp", stamp)
        request.add_header("X-Slack-Signature", signature(secret or self.secret, stamp, body))
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())

    # --- the kinds of request ---------------------------------------------------------
    def command(self, user: str, text: str, *, channel: str = "C0GENERAL",
                channel_name: str = "general", **signing: Any) -> Answer:
        """A slash command, form-encoded, as Slack posts `/followup <text>`."""
        return self.send_command(self.command_payload(user, text, channel=channel,
                                                      channel_name=channel_name), **signing)

    def send_command(self, payload: dict[str, str], **signing: Any) -> Answer:
        """Post a `command_payload` (whose `response_url` the caller may want to watch)."""
        return self.post(urlencode(payload), "application/x-www-form-urlencoded", **signing)

    def event(self, event: dict[str, Any], *, event_id: str | None = None,
              retry_num: int | None = None, **signing: Any) -> Answer:
        """An Events API `event_callback`, JSON, optionally marked as Slack's retry."""
        body = json.dumps(self.event_payload(event, event_id=event_id))
        headers = dict(signing.pop("headers", None) or {})
        if retry_num is not None:
            headers.update({"X-Slack-Retry-Num": str(retry_num),
                            "X-Slack-Retry-Reason": "http_timeout"})
        return self.post(body, "application/json", headers=headers, **signing)

    def dm(self, user: str, text: str, **kwargs: Any) -> Answer:
        """The person writes `text` in the app's Messages tab (a `message.im` event)."""
        return self.event(self.im_event(user, text), **kwargs)

    def home_opened(self, user: str, **kwargs: Any) -> Answer:
        return self.event({"type": "app_home_opened", "user": user, "channel": _dm_of(user),
                           "tab": "home", "event_ts": f"{time.time():.6f}"}, **kwargs)

    def url_verification(self, challenge: str) -> Answer:
        body = json.dumps({"token": "legacy-verification-token", "challenge": challenge,
                           "type": "url_verification"})
        return self.post(body, "application/json")

    def interaction(self, payload: dict[str, Any], **signing: Any) -> Answer:
        """Any interactivity payload, form-encoded as `payload=<json>`."""
        return self.post(urlencode({"payload": json.dumps(payload)}),
                         "application/x-www-form-urlencoded", **signing)

    def press(self, user: str, button: dict[str, Any], *, message: ApiCall | None = None,
              channel: str | None = None, ts: str | None = None, ephemeral: bool = False,
              view: dict[str, Any] | None = None, **signing: Any) -> Answer:
        """Press `button`; see `press_payload`."""
        return self.interaction(self.press_payload(user, button, message=message,
                                                   channel=channel, ts=ts,
                                                   ephemeral=ephemeral, view=view), **signing)

    def message_action(self, user: str, text: str, callback_id: str, **kwargs: Any
                       ) -> Answer:
        """`user` uses the message shortcut `callback_id` on a message saying `text`."""
        return self.interaction(self.message_action_payload(user, text, callback_id,
                                                            **kwargs))

    def submit_view(self, user: str, view: dict[str, Any], values: dict[str, dict[str, Any]],
                    **signing: Any) -> Answer:
        """Submit a modal the app opened, with `values` as Slack's `view.state.values`."""
        return self.interaction(self.view_submission_payload(user, view, values), **signing)


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every button in some blocks (actions blocks and section accessories), in order."""
    found = []
    for block in blocks:
        if block.get("type") == "actions":
            found.extend(e for e in block.get("elements", []) if e.get("type") == "button")
        accessory = block.get("accessory") or {}
        if accessory.get("type") == "button":
            found.append(accessory)
    return found


def button_labelled(blocks: list[dict[str, Any]], label: str) -> dict[str, Any]:
    for element in buttons(blocks):
        if element["text"]["text"] == label:
            return element
    labels = [b["text"]["text"] for b in buttons(blocks)]
    raise AssertionError(f"no button {label!r}; buttons: {labels}")


def shown_text(args: dict[str, Any]) -> str:
    """Everything a person reads in a message or view (header, sections, fields, context),
    with mrkdwn's &amp; &lt; &gt; shown as the characters Slack displays."""
    parts: list[str] = []

    def read(text: dict[str, Any]) -> str:
        value = str(text.get("text", ""))
        if text.get("type") == "mrkdwn":
            value = value.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        return value

    for block in args.get("blocks") or (args.get("view") or {}).get("blocks") or []:
        text = block.get("text")
        if isinstance(text, dict):
            parts.append(read(text))
        parts.extend(read(f) for f in block.get("fields", []))
        if block.get("type") == "context":
            parts.extend(read(e) for e in block.get("elements", []))
    if not parts:
        parts.append(str(args.get("text", "")))
    return "\n".join(parts)
