"""What `/slack/events` refuses before Bolt sees a request: too big, not UTF-8, or not
shaped as Slack's requests always are.

Bolt reads the body before the signature check, and a body it cannot parse (JSON that
is not an object, an interactivity `payload` that is not JSON, an event that is not an
object) made it raise: a 500 and a traceback on stderr. Each such request is refused
here with a 4xx and one log line that says what was wrong, never what the body held
(it may carry a person's words or a token).
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from adapters.web import WsgiApp, redact_feed_paths

log = logging.getLogger(__name__)

#: The largest body taken. Slack's largest requests, a press on a message or a view
#: submission that carries the whole message or view, stay well under it.
MAX_BODY_BYTES = 1 << 20
#: A bigger body is read and dropped up to this much, so the client hears the 413
#: rather than a connection reset; beyond it the connection is simply closed.
DRAIN_BYTES = 16 << 20
_CHUNK = 64 << 10

#: Fields of an interactivity payload Bolt reads as objects, and those it reads as
#: lists of objects.
_OBJECTS = ("user", "team", "container", "channel", "view", "message")
_LISTS = ("actions",)


def checked_bodies(app: WsgiApp) -> WsgiApp:
    """`app` behind the checks above."""

    def checked(environ: dict[str, Any], start_response: Callable[..., Any]
                ) -> Iterable[bytes]:
        path = redact_feed_paths(environ.get("PATH_INFO", ""))
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            log.warning("refused a request to %s: its Content-Length is not a number", path)
            return _refuse(start_response, "400 Bad Request", "Bad Content-Length.")
        if length > MAX_BODY_BYTES:
            _drain(environ["wsgi.input"], length)
            log.warning("refused a request to %s: its %d-byte body is over the %d-byte "
                        "limit", path, length, MAX_BODY_BYTES)
            return _refuse(start_response, "413 Content Too Large", "The body is too large.")
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            log.warning("refused a request to %s: its %d-byte body is not UTF-8 "
                        "(byte %d is not)", path, len(body), error.start)
            return _refuse(start_response, "400 Bad Request",
                           "The request body must be UTF-8.")
        problem = shape_problem(text, environ.get("CONTENT_TYPE") or "")
        if problem:
            log.warning("refused a request to %s: its %d-byte body %s", path, len(body),
                        problem)
            return _refuse(start_response, "400 Bad Request",
                           "The request is not shaped as Slack's are.")
        environ["wsgi.input"] = io.BytesIO(body)  # read once; Bolt reads it again
        return app(environ, start_response)

    return checked


def shape_problem(text: str, content_type: str) -> str | None:
    """What is wrong with a body's shape, in words that quote none of it; None if Bolt
    can read it."""
    if "json" in content_type:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            return "is not JSON"
        if not isinstance(data, dict):
            return "is JSON but not an object"
        event = data.get("event", {})
        if not isinstance(event, dict):
            return "has an event that is not an object"
        return None
    if "form" in content_type and text:
        fields = parse_qs(text, keep_blank_values=True)
        payloads = fields.get("payload")
        if payloads is None:
            return None  # a slash command: strings only
        try:
            payload = json.loads(payloads[0])
        except ValueError:
            return "has a payload that is not JSON"
        if not isinstance(payload, dict):
            return "has a payload that is not an object"
        for name in _OBJECTS:
            if name in payload and not isinstance(payload[name], dict | None):
                return f"has a payload whose {name} is not an object"
        for name in _LISTS:
            items = payload.get(name, [])
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                return f"has a payload whose {name} are not a list of objects"
    return None


def _drain(stream: Any, length: int) -> None:
    left = min(length, DRAIN_BYTES)
    while left > 0:
        chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)


def _refuse(start_response: Callable[..., Any], status: str, message: str
            ) -> Iterable[bytes]:
    data = (message + "\n").encode()
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(data)))])
    return [data]
