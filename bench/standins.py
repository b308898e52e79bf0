"""Loopback stand-ins for Slack's Web API and Discord's REST API, each in its own process.

Run as `python -m bench.standins slack|discord [--limit N] [--lifetime S]`: it binds
127.0.0.1 on a free port, prints `port <n>` and serves until stopped or `--lifetime`
runs out. Every message is counted by the checkpoint id its buttons carry, so a
benchmark can check that each reminder arrived exactly once. The Discord stand-in
enforces a global limit of `--limit` requests per one-second window, answering 429
with `{"retry_after": s, "global": true}` and `Retry-After` as Discord does. The Slack
one also takes `response_url` posts at `/respond/<tag>` and notes when each arrived.
`StandIn` starts one from the benchmark and reads its counters over `/_bench/stats`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

#: Every reminder carries snooze buttons whose ids end in the checkpoint id, on both
#: platforms (`followup:snooze_2h:<id>` in Slack, the same custom id in Discord).
CHECKPOINT_ID = re.compile(rb"snooze_2h:(\d+)")
BOT_USER_ID = "1180000000000000001"
DISCORD_EPOCH_MS = 1_420_070_400_000
#: A stand-in never outlives this unless told otherwise: every load loop is bounded.
DEFAULT_LIFETIME = 1800.0


@dataclass
class Counters:
    """What the stand-in saw, served as JSON on GET /_bench/stats."""

    requests: int = 0  # every API request, rate-limited ones included
    messages: int = 0  # messages accepted (chat.postMessage / POST channel messages)
    rate_limited: int = 0  # requests answered 429
    unmatched: int = 0  # messages without a checkpoint id in them
    ids: list[int] = field(default_factory=list)  # checkpoint id of each accepted message
    first_at: float | None = None  # time.time() of the first accepted message
    last_at: float | None = None  # and of the last
    by_path: dict[str, int] = field(default_factory=dict)
    per_second: dict[int, int] = field(default_factory=dict)  # whole epoch second -> messages
    #: time.time() of every API request, 429s included: the busiest second of any start.
    request_times: list[float] = field(default_factory=list)
    responses: dict[str, float] = field(default_factory=dict)  # response_url tag -> time

    def as_json(self) -> dict[str, Any]:
        return {
            "requests": self.requests, "messages": self.messages,
            "rate_limited": self.rate_limited, "unmatched": self.unmatched,
            "ids": self.ids, "first_at": self.first_at, "last_at": self.last_at,
            "by_path": self.by_path,
            "per_second": [[second, n] for second, n in sorted(self.per_second.items())],
            "request_times": self.request_times,
            "responses": self.responses,
        }


class FixedWindowLimit:
    """At most `limit` requests in each one-second window, as Discord's global limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._window = math.floor(time.monotonic())
        self._used = 0

    def retry_after(self) -> float | None:
        """None if the request may pass (and count it), else seconds until the next window."""
        now = time.monotonic()
        window = math.floor(now)
        if window != self._window:
            self._window, self._used = window, 0
        if self._used < self.limit:
            self._used += 1
            return None
        return max(window + 1 - now, 0.001)


class StandInApp:
    """The aiohttp application of one stand-in; all state lives on its single event loop."""

    def __init__(self, kind: str, limit: int | None) -> None:
        self.kind = kind
        self.counters = Counters()
        self.limit = FixedWindowLimit(limit) if limit else None
        self._ts = itertools.count(1)
        self._snowflakes = itertools.count(1)

    def build(self) -> web.Application:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_get("/_bench/stats", self._stats)
        app.router.add_post("/_bench/reset", self._reset)
        app.router.add_route("*", "/api/{tail:.*}", self._api)
        app.router.add_post("/respond/{tag}", self._respond)
        return app

    async def _respond(self, request: web.Request) -> web.Response:
        """Slack's response_url: when did the answer to request `tag` arrive?"""
        await request.read()
        self.counters.responses.setdefault(request.match_info["tag"], time.time())
        return web.Response(text="ok", content_type="text/plain")

    async def _stats(self, _request: web.Request) -> web.Response:
        return web.json_response(self.counters.as_json())

    async def _reset(self, _request: web.Request) -> web.Response:
        self.counters = Counters()
        return web.json_response({"ok": True})

    async def _api(self, request: web.Request) -> web.Response:
        counters = self.counters
        counters.requests += 1
        counters.request_times.append(time.time())
        body = await request.read()
        path = request.path
        key = re.sub(r"/\d+", "/{id}", path)
        counters.by_path[key] = counters.by_path.get(key, 0) + 1
        if self.kind == "slack":
            return self._slack(path, body)
        return self._discord(request.method, path, body)

    def _count_message(self, body: bytes) -> None:
        counters = self.counters
        found = CHECKPOINT_ID.search(body)
        if found is None:
            counters.unmatched += 1
        else:
            counters.ids.append(int(found.group(1)))
        counters.messages += 1
        now = time.time()
        if counters.first_at is None:
            counters.first_at = now
        counters.last_at = now
        second = int(now)
        counters.per_second[second] = counters.per_second.get(second, 0) + 1

    # --- Slack -------------------------------------------------------------------------
    def _slack(self, path: str, body: bytes) -> web.Response:
        method = path.removeprefix("/api/")
        if method == "chat.postMessage":
            self._count_message(body)
            ts = f"1800000000.{next(self._ts):06d}"
            return _json({"ok": True, "channel": "D0BENCH", "ts": ts})
        if method == "auth.test":
            return _json({"ok": True, "team_id": "T0BENCH", "user_id": "U0BOT",
                          "bot_id": "B0BOT"})
        return _json({"ok": True})

    # --- Discord -----------------------------------------------------------------------
    def _discord(self, method: str, path: str, body: bytes) -> web.Response:
        if self.limit is not None:
            wait = self.limit.retry_after()
            if wait is not None:
                self.counters.rate_limited += 1
                headers = {"Retry-After": str(math.ceil(wait)), "X-RateLimit-Global": "true",
                           "X-RateLimit-Scope": "global",
                           # discord.py takes a 429 without Via for a Cloudflare ban
                           "Via": "1.1 google"}
                return _json({"message": "You are being rate limited.",
                              "retry_after": round(wait, 3), "global": True},
                             status=429, headers=headers)
        route = f"{method} {path.removeprefix('/api/v10')}"
        if route == "GET /users/@me":
            return _json(_discord_user(BOT_USER_ID, "followup", bot=True))
        if route == "GET /oauth2/applications/@me":
            return _json(_application())
        if route == "POST /users/@me/channels":
            recipient = str(json.loads(body)["recipient_id"])
            return _json({"id": str(self._snowflake()), "type": 1, "last_message_id": None,
                          "flags": 0, "recipients": [_discord_user(recipient, "user")]})
        if found := re.fullmatch(r"POST /channels/(\d+)/messages", route):
            self._count_message(body)
            data = json.loads(body) if body[:1] == b"{" else {}
            return _json(_discord_message(self._snowflake(), found.group(1), data))
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    def _snowflake(self) -> int:
        millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (millis << 22) | (next(self._snowflakes) & 0x3FFFFF)


def _json(data: Any, *, status: int = 200, headers: dict[str, str] | None = None
          ) -> web.Response:
    # Exactly "application/json": discord.py compares the header verbatim.
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={**(headers or {}), "Content-Type": "application/json"})


def _discord_user(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {"id": user_id, "username": name, "global_name": name.title(),
            "discriminator": "0", "avatar": None, "bot": bot, "public_flags": 0}


def _application() -> dict[str, Any]:
    return {"id": BOT_USER_ID, "name": "followup", "description": "", "icon": None,
            "bot_public": True, "bot_require_code_grant": False,
            "owner": _discord_user("1", "owner"), "verify_key": "0" * 64, "flags": 0,
            "bot": _discord_user(BOT_USER_ID, "followup", bot=True)}


def _discord_message(message_id: int, channel_id: str, data: dict[str, Any]
                     ) -> dict[str, Any]:
    return {
        "id": str(message_id), "channel_id": channel_id,
        "author": _discord_user(BOT_USER_ID, "followup", bot=True),
        "content": data.get("content") or "", "timestamp": "2026-11-23T21:30:00+00:00",
        "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": data.get("embeds") or [],
        "pinned": False, "type": 0, "flags": 0, "components": data.get("components") or [],
    }


async def _serve(kind: str, limit: int | None, lifetime: float) -> None:
    runner = web.AppRunner(StandInApp(kind, limit).build(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    port = int(runner.addresses[0][1])
    print(f"port {port}", flush=True)
    try:
        await asyncio.sleep(lifetime)
    finally:
        await runner.cleanup()


# --- the benchmark's side ----------------------------------------------------------------
class StandIn:
    """A stand-in in a child process: `with StandIn("slack") as api: api.url …`."""

    def __init__(self, kind: str, *, limit: int | None = None,
                 lifetime: float = DEFAULT_LIFETIME) -> None:
        self.kind = kind
        self._args = [sys.executable, "-m", "bench.standins", kind, "--lifetime",
                      str(lifetime)]
        if limit:
            self._args += ["--limit", str(limit)]
        self._process: subprocess.Popen[str] | None = None
        self.port = 0

    def __enter__(self) -> StandIn:
        self._process = subprocess.Popen(self._args, stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        if not line.startswith("port "):
            self.close()
            raise RuntimeError(f"the {self.kind} stand-in did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            stop_process(process)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/_bench/stats", timeout=30) as answer:
            return dict(json.loads(answer.read()))

    def reset(self) -> None:
        request = urllib.request.Request(f"{self.url}/_bench/reset", data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=30):
            pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=["slack", "discord"])
    parser.add_argument("--limit", type=int, default=None,
                        help="global requests per second (Discord only)")
    parser.add_argument("--lifetime", type=float, default=DEFAULT_LIFETIME)
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.kind, args.limit, args.lifetime))


if __name__ == "__main__":
    main()


def stop_process(process: subprocess.Popen[str]) -> None:
    """Terminate a child, kill it if it lingers (bounded), and close its pipe."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    if process.stdout is not None:
        process.stdout.close()
