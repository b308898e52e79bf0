"""The HTTP endpoint Slack calls (`/slack/events`): Bolt's WSGI adapter in a threaded server,
beside the bot's own web routes (`/healthz`, calendar feeds).

Used for real in HTTP mode and by the tests on 127.0.0.1 with an ephemeral port, so the
tests exercise the very path Slack's requests take.
"""

from __future__ import annotations

import gc
import logging
import threading
from socketserver import ThreadingMixIn
from urllib.parse import unquote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from adapters.runtime import Runtime
from adapters.slack.intake import checked_bodies
from adapters.slack.oauth import REDIRECT_PATH
from adapters.web import WebRoutes, WsgiApp, mail_routes, redact_feed_paths

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """One thread per request: Slack may send several at once, and each must get its ack
    within three seconds however busy another listener is."""

    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 drops connections in a burst; they come back
    # only after a one-second SYN retry.
    request_queue_size = 128


class _RequestLog(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        # Noise at INFO. Signatures are headers, never logged; but a calendar feed's path
        # is its secret token, so the line is redacted whatever its level, the path also
        # as the server decodes it (/%63alendar/… is served as /calendar/…).
        line = format % args
        raw = getattr(self, "path", "") or ""
        if raw.startswith(REDIRECT_PATH + "?"):
            # Slack's redirect carries the install's code and state: kept out of logs.
            line = line.replace(raw, REDIRECT_PATH + "?<redacted>")
        decoded = unquote(raw.split("?")[0])
        if raw and redact_feed_paths(decoded) != decoded:
            line = line.replace(raw, redact_feed_paths(decoded))
        log.debug("%s %s", self.address_string(), redact_feed_paths(line))


def slack_wsgi(app: App | None, runtime: Runtime) -> WsgiApp:
    """`/slack/events` for the Bolt app (if any), behind the checks of what a request
    must be (`adapters.slack.intake`), beside the bot's own web routes."""
    bolt = checked_bodies(SlackRequestHandler(app, path=EVENTS_PATH)) \
        if app is not None else None
    return WebRoutes(runtime.coach, runtime.repo, fallback=bolt, **mail_routes(runtime))


class SlackHttpServer:
    """Serves a WSGI app on `host:port` (port 0 picks a free one) until `stop`."""

    def __init__(self, wsgi: WsgiApp, host: str, port: int) -> None:
        self._server = make_server(host, port, wsgi,
                                   server_class=_ThreadingWSGIServer,
                                   handler_class=_RequestLog)
        self._thread: threading.Thread | None = None
        self._serving = threading.Event()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def serve_forever(self) -> None:
        """Block serving requests until `stop` is called from another thread."""
        self._serving.set()
        # Everything built so far (the app, its libraries) lives as long as the process:
        # out of the collector's way, a full collection no longer pauses every request
        # in flight while it walks them.
        gc.freeze()
        try:
            self._server.serve_forever(poll_interval=0.1)
        finally:
            self._serving.clear()

    def start_background(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, name="slack-http",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._serving.is_set():
            self._server.shutdown()  # returns once serve_forever has left its loop
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
