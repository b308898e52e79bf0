"""A briefly unreachable database: the user is told so, nothing crashes, and it recovers."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from adapters.runtime import build_runtime
from bot.conversation import DATABASE_DOWN
from bot.messages import Inbound
from bot.model import Identity, Platform
from bot.settings import load_settings
from tests.conftest import POSTGRES_URL, fresh_postgres_schema
from tests.standins.tcp_proxy import TcpProxy

ME = Identity(Platform.SLACK, "T1", "U1")

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="needs the throw-away PostgreSQL that .ci/run starts")


def say(runtime, text: str) -> str:
    replies = runtime.coach.handle(Inbound(identity=ME, text=text, platform_tz="UTC"))
    return "\n".join(r.plain for r in replies)


@pytest.fixture
def database_url():
    with fresh_postgres_schema() as url:
        yield url


def test_the_bot_says_the_database_is_down_and_recovers_when_it_returns(database_url, clock):
    url = make_url(database_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    runtime = build_runtime(load_settings(database_url=proxied, timezone="UTC"), clock)
    try:
        assert "Added #1" in say(runtime, "add Acme, analyst, today 2pm with Jane Smith")
        proxy.cut()
        assert say(runtime, "list") == DATABASE_DOWN
        assert say(runtime, "add Initech, QA, today 1pm with Bob Lee") == DATABASE_DOWN
        proxy.start()
        listing = say(runtime, "list")
        assert "#1 analyst at Acme" in listing
    finally:
        runtime.stop()
        proxy.cut()
