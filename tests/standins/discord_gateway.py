"""A stand-in for Discord's gateway on 127.0.0.1: a WebSocket server speaking its protocol.

Each connection gets HELLO; an IDENTIFY gets READY (the bot user, no guilds, a session
id and a `resume_gateway_url` pointing back here); heartbeats are ACKed; a RESUME of a
known session gets RESUMED. Tests push dispatches (INTERACTION_CREATE, MESSAGE_CREATE) to
the live session of a shard and read what each session sent. Frames are JSON text, which
discord.py reads alongside its compressed binary ones.

`DiscordApiStandIn.gateway_url` is what its `GET /gateway/bot` answers, so a bot that
asks there finds this server.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.standins.discord_api import APP_ID, BOT_USER, WAIT, LoopThread

HELLO, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HEARTBEAT_ACK, DISPATCH = (
    10, 1, 2, 6, 7, 9, 11, 0)


@dataclass
class Session:
    """One gateway connection as the stand-in saw it."""

    number: int
    ws: web.WebSocketResponse
    identify: dict[str, Any] | None = None
    resumed: bool = False
    session_id: str = ""
    sequence: int = 0
    heartbeats: int = 0
    ops: list[int] = field(default_factory=list)  # every op the bot sent, in order
    closed: bool = False

    @property
    def shard(self) -> tuple[int, int]:
        shard = (self.identify or {}).get("shard") or [0, 1]
        return int(shard[0]), int(shard[1])

    @property
    def token(self) -> str:
        return str((self.identify or {}).get("token", ""))


class DiscordGatewayStandIn:
    """Discord's gateway, small and local. Start it, hand `url` to the REST stand-in."""

    def __init__(self, heartbeat_ms: int = 41_250) -> None:
        self.heartbeat_ms = heartbeat_ms
        self._sessions: list[Session] = []
        self._by_id: dict[str, Session] = {}
        self._numbers = itertools.count(1)
        self._cond = threading.Condition()
        self._loop: LoopThread | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0
        #: Connections (numbered from 1) closed at once, before HELLO: a gateway that
        #: goes away between one connection and the next.
        self.drop: set[int] = set()

    # --- lifecycle ----------------------------------------------------------------
    def start(self) -> DiscordGatewayStandIn:
        self._loop = LoopThread("discord-gateway-standin")
        self._loop.run(self._start())
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/", self._connection)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    def stop(self) -> None:
        if self._loop is None:
            return
        for session in self.sessions:
            if not session.closed:
                self._loop.run(session.ws.close())
        if self._runner is not None:
            self._loop.run(self._runner.cleanup())
        self._loop.stop()
        self._loop = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    # --- what tests read and do ---------------------------------------------------------
    @property
    def sessions(self) -> list[Session]:
        with self._cond:
            return list(self._sessions)

    def wait_identified(self, *, count: int = 1, shard: int | None = None,
                        timeout: float = 6 * WAIT) -> list[Session]:
        """Block until `count` sessions (of `shard`, if given) have IDENTIFYed."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [s for s in self._sessions if s.identify is not None
                         and (shard is None or s.shard[0] == shard)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                assert left > 0, f"no {count} IDENTIFY within {timeout}s; saw {self._sessions}"
                self._cond.wait(left)

    def wait_heartbeats(self, session: Session, count: int, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while session.heartbeats < count:
                left = deadline - time.monotonic()
                assert left > 0, f"only {session.heartbeats} heartbeats within {timeout}s"
                self._cond.wait(left)

    def live(self, shard: int = 0) -> Session:
        """The newest open session of `shard` that said IDENTIFY or RESUME."""
        found = [s for s in self.sessions if not s.closed and s.shard[0] == shard
                 and (s.identify is not None or s.resumed)]
        assert found, f"no live session on shard {shard}"
        return found[-1]

    def dispatch(self, event: str, data: dict[str, Any], *, shard: int = 0) -> None:
        """Send a DISPATCH to the live session of `shard`, as Discord would."""
        assert self._loop is not None
        session = self.live(shard)
        self._loop.run(self._send_dispatch(session, event, data))

    # --- the server -----------------------------------------------------------------
    async def _connection(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        session = Session(next(self._numbers), ws)
        with self._cond:
            self._sessions.append(session)
            self._cond.notify_all()
        if session.number in self.drop:
            session.closed = True
            await ws.close(code=1011)
            return ws
        await ws.send_json({"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_ms},
                            "s": None, "t": None})
        try:
            async for message in ws:
                if message.type is not WSMsgType.TEXT:
                    continue
                await self._received(session, json.loads(message.data))
        finally:
            with self._cond:
                session.closed = True
                self._cond.notify_all()
        return ws

    async def _received(self, session: Session, payload: dict[str, Any]) -> None:
        op = int(payload["op"])
        with self._cond:
            session.ops.append(op)
        if op == HEARTBEAT:
            with self._cond:
                session.heartbeats += 1
                self._cond.notify_all()
            await session.ws.send_json({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            data = payload["d"]
            with self._cond:
                session.identify = data
                session.session_id = f"standin-session-{session.number}"
                self._by_id[session.session_id] = session
                self._cond.notify_all()
            await self._send_dispatch(session, "READY", {
                "v": 10, "user": BOT_USER, "guilds": [], "private_channels": [],
                "session_id": session.session_id, "session_type": "normal",
                "resume_gateway_url": self.url, "shard": list(session.shard),
                "application": {"id": str(APP_ID), "flags": 0},
            })
        elif op == RESUME:
            old = self._by_id.get(str(payload["d"].get("session_id")))
            if old is None:
                await session.ws.send_json({"op": INVALID_SESSION, "d": False, "s": None,
                                            "t": None})
                return
            with self._cond:
                session.identify, session.session_id = old.identify, old.session_id
                session.sequence, session.resumed = old.sequence, True
                self._by_id[session.session_id] = session
                self._cond.notify_all()
            await self._send_dispatch(session, "RESUMED", {})

    async def _send_dispatch(self, session: Session, event: str, data: dict[str, Any]) -> None:
        with self._cond:
            session.sequence += 1
            sequence = session.sequence
        await session.ws.send_json({"op": DISPATCH, "t": event, "s": sequence, "d": data})

