"""A briefly unreachable database: the user is told so, nothing crashes, and it recovers."""

from __future__ import annotations

import time
import uuid

from sqlalchemy import text
from sqlalchemy.engine import make_url

from adapters.runtime import build_runtime
from adapters.settings import load_settings
from bot.conversation.coach import DATABASE_DOWN
from bot.model import Identity, Platform
from storage import database
from storage.database import make_engine
from tests.chat import Chat
from tests.standins.tcp_proxy import TcpProxy

ME = Identity(Platform.SLACK, "T1", "U1")


def test_the_bot_says_the_database_is_down_and_recovers_when_it_returns(pg_url, clock,
                                                                         caplog):
    url = make_url(pg_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    runtime = build_runtime(load_settings(database_url=proxied, timezone="UTC"), clock)
    chat = Chat(runtime, ME, platform_tz="UTC")
    try:
        assert "Added #1" in chat.text("add Acme, analyst, today 2pm with Jane Smith")
        proxy.cut()
        assert chat.text("list") == DATABASE_DOWN
        assert chat.text("add Initech, QA, today 1pm with Bob Lee") == DATABASE_DOWN
        proxy.start()
        listing = chat.text("list")
        assert "#1 analyst at Acme" in listing
        # One line when it went away and one when it was back, not one per request.
        said = [(r.levelname, r.getMessage()) for r in caplog.records
                if r.name == "bot.conversation.coach"]
        assert [level for level, _ in said] == ["WARNING", "INFO"], said
        assert "the database is unavailable (" in said[0][1]
        assert said[1][1] == "the database is back after 2 refused request(s)"
    finally:
        runtime.stop()
        proxy.cut()


def test_a_connection_dropped_while_idle_is_replaced_unnoticed(pg_url, clock,
                                                                monkeypatch):
    """Pooled connections are pinged only after sitting idle: none under steady use, and
    one the server ended meanwhile (a restart, an idle timeout) is replaced, not failed."""
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.2)
    name = f"outage-{uuid.uuid4().hex[:12]}"
    url = make_url(pg_url).update_query_dict({"application_name": name})
    runtime = build_runtime(load_settings(
        database_url=url.render_as_string(hide_password=False), timezone="UTC"), clock)
    chat = Chat(runtime, ME, platform_tz="UTC")
    dialect = runtime.repo.engine.dialect
    pings: list[object] = []
    real_ping = dialect.do_ping

    def counted_ping(dbapi_connection: object) -> bool:
        pings.append(dbapi_connection)
        return real_ping(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", counted_ping)
    admin = make_engine(pg_url)
    try:
        assert "Added #1" in chat.text("add Acme, analyst, today 2pm with Jane Smith")
        for _ in range(20):
            assert "#1 analyst at Acme" in chat.text("list")
        assert pings == []  # in steady use no transaction pays for a ping

        with admin.begin() as connection:
            ended = connection.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name"), {"name": name}).scalar_one()
        assert ended >= 1
        time.sleep(0.3)
        assert "#1 analyst at Acme" in chat.text("list")
        assert pings  # the idle connection was checked, found dead and replaced
    finally:
        runtime.stop()
        admin.dispose()
