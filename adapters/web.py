"""The bot's own HTTP routes: `/healthz` for load balancers and private calendar feeds.

A plain WSGI app so that the Slack endpoint's server can mount it beside Bolt, and
`followup-bot web` can serve it alone where there is no Slack app.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from bot.conversation.coach import Coach
from bot.model import Platform
from bot.ports.repository import Repository, RepositoryUnavailable

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
FEED = re.compile(r"^/calendar/([A-Za-z0-9_-]{20,100})\.ics$")
#: Whatever follows /calendar/ in a path, up to the end of the path, in any text.
_FEED_PATH = re.compile(r"(/calendar/)[^\s\"'?#]*?(\.ics)?(?=[\s\"'?#]|$)")


def redact_feed_paths(text: str) -> str:
    """`text` with each calendar feed path's token replaced: /calendar/<redacted>.ics.

    A feed's token is the whole secret of someone's calendar link, and it travels in
    the request path, so every request line that is logged goes through this first."""
    return _FEED_PATH.sub(lambda found: f"{found[1]}<redacted>{found[2] or ''}", text)


class WebRoutes:
    """Answers `/healthz` and `/calendar/<token>.ics`; passes anything else to `fallback`."""

    def __init__(self, coach: Coach, repo: Repository, fallback: WsgiApp | None = None) -> None:
        self.coach = coach
        self.repo = repo
        self.fallback = fallback

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/healthz" and method in ("GET", "HEAD"):
            return self._health(start_response)
        feed = FEED.match(path)
        if feed and method in ("GET", "HEAD"):
            return self._feed(feed.group(1), start_response)
        if path.startswith("/calendar/"):
            return _answer(start_response, "404 Not Found", b"No such calendar.\n")
        if self.fallback is not None:
            return self.fallback(environ, start_response)
        return _answer(start_response, "404 Not Found", b"Not found.\n")

    def _health(self, start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            self.repo.next_due_at(list(Platform))  # one real query against the database
        except RepositoryUnavailable:
            body = json.dumps({"status": "unavailable", "database": "unreachable"})
            return _answer(start_response, "503 Service Unavailable", body.encode(),
                           "application/json")
        except Exception:
            log.exception("health check failed")
            body = json.dumps({"status": "error"})
            return _answer(start_response, "500 Internal Server Error", body.encode(),
                           "application/json")
        body = json.dumps({"status": "ok", "database": "ok"})
        return _answer(start_response, "200 OK", body.encode(), "application/json")

    def _feed(self, token: str, start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            calendar = self.coach.calendar_feed(token)
        except RepositoryUnavailable:
            return _answer(start_response, "503 Service Unavailable", b"Try again soon.\n")
        if calendar is None:
            # Same answer for a wrong and a revoked token: nothing to learn by guessing.
            return _answer(start_response, "404 Not Found", b"No such calendar.\n")
        return _answer(start_response, "200 OK", calendar, "text/calendar; charset=utf-8",
                       extra=[("Cache-Control", "private, max-age=300")])


def _answer(start_response: Callable[..., Any], status: str, body: bytes,
            content_type: str = "text/plain; charset=utf-8",
            extra: list[tuple[str, str]] | None = None) -> Iterable[bytes]:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))),
               *(extra or [])]
    start_response(status, headers)
    return [body]
