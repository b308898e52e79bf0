"""The web routes over real HTTP on loopback: health and private calendar feeds."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from icalendar import Calendar

from adapters.runtime import Runtime
from adapters.web import WebRoutes
from bot.model import Identity, Platform
from tests.chat import Chat

ME = Identity(Platform.SLACK, "T1", "U1")
pytestmark = pytest.mark.settings(public_url="http://127.0.0.1")


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(runtime: Runtime) -> Iterator[tuple[Chat, str]]:
    """The routes on a loopback port, and ME in London chatting with the same coach."""
    server = make_server("127.0.0.1", 0, WebRoutes(runtime.coach, runtime.repo),
                         handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield (Chat(runtime, ME, platform_tz="Europe/London"),
               f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_healthz_checks_the_database(served):
    _, base = served
    status, body = get(f"{base}/healthz")
    assert status == 200 and b'"database": "ok"' in body


def test_the_feed_serves_a_valid_token_and_refuses_wrong_and_revoked_ones(served):
    chat, base = served
    chat.text("add Acme, analyst, today 2pm with Jane Smith")
    link = chat.text("calendar feed").split("http://127.0.0.1")[1].split()[0]
    status, body = get(base + link)
    assert status == 200
    events = Calendar.from_ical(body).walk("VEVENT")
    assert any("Jane Smith" in str(e.get("SUMMARY")) for e in events)
    assert get(base + "/calendar/" + "x" * 43 + ".ics")[0] == 404
    chat.text("calendar reset")
    assert get(base + link)[0] == 404
    assert get(base + "/calendar/../../etc/passwd")[0] == 404
