"""The bot's own HTTP routes: `/healthz` for load balancers, private calendar feeds, and
`POST /mail/inbound`, where a mail provider's inbound webhook posts raw MIME.

A plain WSGI app so that the Slack endpoint's server can mount it beside Bolt, and
`followup-bot web` can serve it alone where there is no Slack app.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Callable, Iterable
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from typing import TYPE_CHECKING, Any

from bot.conversation.coach import Coach
from bot.mail.intake import MAX_BYTES, MailIntake, MailLimits, Received
from bot.model import Platform
from bot.ports.repository import Repository, RepositoryUnavailable

if TYPE_CHECKING:
    from adapters.runtime import Runtime

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
FEED = re.compile(r"^/calendar/([A-Za-z0-9_-]{20,100})\.ics$")
#: Whatever follows /calendar/ in a path, up to the end of the path, in any text.
MAIL_PATH = "/mail/inbound"
#: The shared secret's header; the envelope recipient's, where the provider sends it (a
#: BCC copy names the private address nowhere in its own headers).
SECRET_HEADER = "HTTP_X_FOLLOWUP_MAIL_SECRET"
RECIPIENT_HEADER = "HTTP_X_FOLLOWUP_MAIL_TO"
MAX_CANDIDATES = 20
_RECIPIENT_FIELDS = ("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")
_FEED_PATH = re.compile(r"(/calendar/)[^\s\"'?#]*?(\.ics)?(?=[\s\"'?#]|$)")


def redact_feed_paths(text: str) -> str:
    """`text` with each calendar feed path's token replaced: /calendar/<redacted>.ics.

    A feed's token is the whole secret of someone's calendar link, and it travels in
    the request path, so every request line that is logged goes through this first."""
    return _FEED_PATH.sub(lambda found: f"{found[1]}<redacted>{found[2] or ''}", text)


class WebRoutes:
    """Answers `/healthz` and `/calendar/<token>.ics`; passes anything else to `fallback`."""

    def __init__(self, coach: Coach, repo: Repository, fallback: WsgiApp | None = None, *,
                 mail: MailIntake | None = None, mail_secret: str | None = None) -> None:
        self.coach = coach
        self.repo = repo
        self.fallback = fallback
        # Without a secret the endpoint is off: mail must never be taken from anyone.
        self.mail = mail if mail_secret else None
        self._mail_secret = (mail_secret or "").encode()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/healthz" and method in ("GET", "HEAD"):
            return self._health(start_response)
        feed = FEED.match(path)
        if feed and method in ("GET", "HEAD"):
            return self._feed(feed.group(1), start_response)
        if path == MAIL_PATH and self.mail is not None:
            if method != "POST":
                return _answer(start_response, "405 Method Not Allowed", b"POST only.\n",
                               extra=[("Allow", "POST")])
            return self._inbound(environ, self.mail, start_response)
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


    def _inbound(self, environ: dict[str, Any], mail: MailIntake,
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        """One raw MIME message from a provider's webhook: 202 once taken (loops too, so
        the provider doesn't retry them), 401 without the secret, 404 for no such
        address, 413 when too large, 429 when the address is over its limit (the
        provider retries later). The body is read only after the secret checks."""
        given = str(environ.get(SECRET_HEADER, "")).encode()
        if not hmac.compare_digest(given, self._mail_secret):
            return _answer(start_response, "401 Unauthorized", b"Wrong or missing secret.\n")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length > MAX_BYTES:
            return _answer(start_response, "413 Content Too Large", b"Too large.\n")
        if length <= 0:
            return _answer(start_response, "400 Bad Request", b"Send the raw message.\n")
        raw = environ["wsgi.input"].read(length)
        try:
            recipient = _recipient(environ, raw, mail)
            if recipient is None:
                return _answer(start_response, "404 Not Found", b"No such mailbox.\n")
            received = mail.receive(recipient, raw)
        except RepositoryUnavailable:
            return _answer(start_response, "503 Service Unavailable", b"Try again soon.\n")
        if received is Received.UNKNOWN:
            return _answer(start_response, "404 Not Found", b"No such mailbox.\n")
        if received is Received.LIMITED:
            return _answer(start_response, "429 Too Many Requests",
                           b"Too much mail for this address; try later.\n",
                           extra=[("Retry-After", "3600")])
        return _answer(start_response, "202 Accepted", b"Taken.\n")


def mail_routes(runtime: Runtime) -> dict[str, Any]:
    """`WebRoutes`' mail options from the runtime's settings: off unless both
    FOLLOWUP_MAIL_DOMAIN and FOLLOWUP_MAIL_SECRET are set."""
    settings = runtime.settings
    if not (settings.mail_domain and settings.mail_secret):
        return {}
    return {"mail": mail_intake(runtime, settings.mail_domain),
            "mail_secret": settings.mail_secret.get_secret_value()}


def mail_intake(runtime: Runtime, domain: str) -> MailIntake:
    """The intake for `domain` with the runtime's per-address limits."""
    settings = runtime.settings
    return MailIntake(runtime.coach, runtime.senders, domain,
                      MailLimits(settings.mail_per_hour, settings.mail_per_day))


def _recipient(environ: dict[str, Any], raw: bytes, mail: MailIntake) -> str | None:
    """The private address the message is for: the provider's envelope header, else the
    first address of ours in the message's own headers."""
    named = str(environ.get(RECIPIENT_HEADER, "")).strip()
    candidates = [named] if named else []
    headers = BytesHeaderParser().parsebytes(raw)
    for field in _RECIPIENT_FIELDS:
        candidates += [address for _, address in
                       getaddresses([str(v) for v in headers.get_all(field, [])])]
    # Each candidate is a lookup: a message naming thousands of addresses gets 20 tried.
    return next((c for c in candidates[:MAX_CANDIDATES] if mail.person_for(c) is not None),
                None)


def _answer(start_response: Callable[..., Any], status: str, body: bytes,
            content_type: str = "text/plain; charset=utf-8",
            extra: list[tuple[str, str]] | None = None) -> Iterable[bytes]:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))),
               *(extra or [])]
    start_response(status, headers)
    return [body]
