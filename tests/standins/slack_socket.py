"""Slack's end of Socket Mode on 127.0.0.1: a WebSocket server (aiohttp) that greets the
app with `hello`, sends it envelopes as Slack does and records every acknowledgement.

Point `SlackApiStandIn.socket_url` at `SlackSocketStandIn.url` and `apps.connections.open`
hands the app this address, as Slack hands out its `wss://wss-primary.slack.com/link/…`.
`SocketWorkspace` wraps the same payloads `SlackWorkspace` posts over HTTP in Socket Mode
envelopes (`slash_commands`, `events_api`, `interactive`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from typing import Any

from aiohttp import WSMsgType, web

from tests.standins.slack_api import API_APP, TEAM, ApiCall, SlackApiStandIn, SlackPayloads

PATH = "/link"
#: How long the stand-in waits for its own event loop (start, send, stop), in seconds.
LOOP_TIMEOUT = 5.0


class SlackSocketStandIn:
    """A WebSocket server on its own thread and event loop, one app connection at a time.

    It pings each connection every `ping_every` seconds, as Slack's servers keep a link
    alive. slack_sdk's built-in client holds a lock while it waits up to 3 s to read, and
    closing the connection waits for that lock; frequent frames keep a stop short.
    """

    def __init__(self, ping_every: float = 0.2) -> None:
        self.ping_every = ping_every
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="slack-socket-standin")
        self._lock = threading.Lock()
        self._received: list[dict[str, Any]] = []  # each text frame the app sent, as JSON
        self._sockets: list[web.WebSocketResponse] = []
        self._runner: web.AppRunner | None = None
        self._port = 0
        self.connections = 0  # handshakes accepted
        self.disconnections = 0  # connections that ended

    # --- life cycle -------------------------------------------------------------------
    def start(self) -> SlackSocketStandIn:
        self._thread.start()
        self._call(self._open())
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            try:
                self._call(self._close())
            finally:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join(timeout=LOOP_TIMEOUT)
        self._loop.close()

    @property
    def url(self) -> str:
        """What apps.connections.open answers."""
        return f"ws://127.0.0.1:{self._port}{PATH}"

    def _call(self, work: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(LOOP_TIMEOUT)

    async def _open(self) -> None:
        app = web.Application()
        app.router.add_get(PATH, self._link)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def _close(self) -> None:
        for link in self._open_sockets():
            await link.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        link = web.WebSocketResponse(autoping=True)  # the app pings; aiohttp pongs
        await link.prepare(request)
        with self._lock:
            self._sockets.append(link)
            self.connections += 1
        await link.send_str(json.dumps({
            "type": "hello", "num_connections": 1,
            "debug_info": {"host": "applink-standin", "build_number": 1,
                           "approximate_connection_time": 18060},
            "connection_info": {"app_id": API_APP},
        }))
        pinging = asyncio.ensure_future(self._keep_alive(link))
        try:
            async for frame in link:
                if frame.type is WSMsgType.TEXT:
                    received = json.loads(frame.data)
                    with self._lock:
                        self._received.append(received)
        finally:
            pinging.cancel()
            with self._lock:
                self._sockets.remove(link)
                self.disconnections += 1
        return link

    async def _keep_alive(self, link: web.WebSocketResponse) -> None:
        while not link.closed:
            await asyncio.sleep(self.ping_every)
            try:
                # With a payload: slack_sdk's built-in reader takes a bare 2-byte frame
                # for a partial one and blocks reading on, holding back what came before.
                await link.ping(b"standin-keepalive")
            except (ConnectionError, RuntimeError):
                return

    def _open_sockets(self) -> list[web.WebSocketResponse]:
        with self._lock:
            return [s for s in self._sockets if not s.closed]

    # --- talking to the app -----------------------------------------------------------
    def wait_connected(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self._open_sockets():
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not connect within {timeout}s")
            time.sleep(0.02)

    def send(self, envelope: dict[str, Any]) -> None:
        """Send one envelope to the connected app, as Slack does."""
        sockets = self._open_sockets()
        if not sockets:
            raise AssertionError("no app is connected")
        self._call(sockets[-1].send_str(json.dumps(envelope)))

    def received(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._received)

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The app's acknowledgement of `envelope_id` (and any response payload in it)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                for received in self._received:
                    if received.get("envelope_id") == envelope_id:
                        return received
            if time.monotonic() > deadline:
                raise AssertionError(f"no ack for {envelope_id} within {timeout}s; "
                                     f"received {self.received()}")
            time.sleep(0.01)


class SocketWorkspace(SlackPayloads):
    """One workspace's traffic to the app in Socket Mode: each method sends an envelope
    and returns its id, to wait for the app's ack with `socket.wait_for_ack`."""

    def __init__(self, socket: SlackSocketStandIn, api: SlackApiStandIn,
                 team: str = TEAM) -> None:
        super().__init__(api, team)
        self.socket = socket
        self._envelopes = itertools.count(1)

    def envelope(self, kind: str, payload: dict[str, Any], *, accepts_response: bool,
                 **extra: Any) -> str:
        envelope_id = f"{next(self._envelopes):04d}-standin-envelope"
        self.socket.send({"envelope_id": envelope_id, "type": kind, "payload": payload,
                          "accepts_response_payload": accepts_response, **extra})
        return envelope_id

    def command(self, user: str, text: str, **where: Any) -> tuple[str, str]:
        """`/followup <text>`: the envelope id and the command's response_url."""
        payload = self.command_payload(user, text, **where)
        return (self.envelope("slash_commands", payload, accepts_response=True),
                payload["response_url"])

    def dm(self, user: str, text: str) -> str:
        """`text` in the app's Messages tab, as an `events_api` envelope (message.im)."""
        return self.envelope("events_api", self.event_payload(self.im_event(user, text)),
                             accepts_response=False, retry_attempt=0, retry_reason="")

    def press(self, user: str, button: dict[str, Any], *, message: ApiCall | None = None,
              **where: Any) -> str:
        """Press a button the app rendered, as an `interactive` envelope."""
        return self.envelope("interactive",
                             self.press_payload(user, button, message=message, **where),
                             accepts_response=False)
