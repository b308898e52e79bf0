"""The web routes over real HTTP on loopback: health and private calendar feeds."""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from icalendar import Calendar

from adapters.runtime import Runtime, build_runtime
from adapters.slack.server import SlackHttpServer, slack_wsgi
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


def test_the_servers_request_log_never_holds_a_feed_token(settings, clock, caplog):
    """The real server's access log (DEBUG) names a feed's path as /calendar/<redacted>.ics,
    also when the path was percent-encoded on the way in."""
    caplog.set_level(logging.DEBUG)
    runtime = build_runtime(settings.model_copy(update={"public_url": "http://127.0.0.1"}),
                            clock)
    server = SlackHttpServer(slack_wsgi(None, runtime), "127.0.0.1", 0)
    server.start_background()
    try:
        base = f"http://127.0.0.1:{server.port}"
        chat = Chat(runtime)
        chat.say("add Acme, analyst, today 2pm with Jane Smith")
        link = chat.text("calendar feed").split("http://127.0.0.1")[1].split()[0]
        token = link.split("/calendar/")[1].removesuffix(".ics")
        assert get(base + link)[0] == 200
        assert get(base + link.replace("/calendar/", "/%63alendar/"))[0] == 200
        assert get(f"{base}/calendar/{token[:-1]}.ics")[0] == 404
        lines = request_lines(caplog, 3)
    finally:
        server.stop()
        runtime.stop()
    assert all("/calendar/<redacted>.ics" in line for line in lines), lines
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert token not in logged and token[:-1] not in logged


def request_lines(caplog, count: int, timeout: float = 10.0) -> list[str]:
    """The server's access-log lines, once there are `count` (each is written just after
    its response has gone out)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = [r.getMessage() for r in caplog.records if r.name == "adapters.slack.server"]
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.02)
