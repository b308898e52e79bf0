"""Shared fixtures: a fresh SQLite database, a simulated clock, the wired runtime, and a
chat with it (`tests/chat.py`); `db_…` twins run on SQLite and, where a test server is
set up, PostgreSQL too. `@pytest.mark.settings(field=value)` changes a test's settings."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from adapters.runtime import Runtime
from adapters.settings import Settings, load_settings
from bot.ports.clock import SimulatedClock
from storage.database import database_url as parse_url
from storage.database import make_engine
from tests.chat import Chat, running

POSTGRES_URL = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")
#: A PostgreSQL test skips only on a machine with no server set up; in CI one always is,
#: and a missing one fails the whole run (`pytest_sessionstart`), so nothing hides here.
NEEDS_POSTGRES = pytest.mark.skipif(not POSTGRES_URL,
                                    reason="FOLLOWUP_TEST_POSTGRES_URL is not set")

#: Every log record of the session is checked for every secret the tests use.
pytest_plugins = ["tests.log_secrets"]


def pytest_sessionstart(session: pytest.Session) -> None:
    """On a developer's machine PostgreSQL tests skip when no server is set; in CI they
    must run, so a missing server fails the run instead of hiding behind skips."""
    if os.environ.get("CI") and not POSTGRES_URL:
        raise pytest.UsageError("CI must run the PostgreSQL tests, but "
                                "FOLLOWUP_TEST_POSTGRES_URL is not set (.ci/run starts one)")

NEW_YORK = ZoneInfo("America/New_York")
#: Monday 2026-11-23, 16:30 in New York: the README's example moment.
START = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK)

PLATFORM_ENV = (
    "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL",
    "DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_URL", "FOLLOWUP_DATABASE_URL",
    "FOLLOWUP_TIMEZONE", "FOLLOWUP_QUIET_HOURS",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's tokens or `.env`, nor writes outside its tmp dir."""
    for name in PLATFORM_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "settings(**fields): the test's settings with these "
                                       "fields changed (e.g. public_url)")


def _marked(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """`settings` with the fields a `settings` marker on the test changes."""
    marker = request.node.get_closest_marker("settings")
    return settings.model_copy(update=marker.kwargs) if marker else settings


@pytest.fixture
def settings(tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    return _marked(load_settings(
        database_url=f"sqlite:///{tmp_path / 'followup.db'}",
        timezone="America/New_York",
        quiet_hours="21:00-08:00",
    ), request)


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


@pytest.fixture
def runtime(settings: Settings, clock: SimulatedClock) -> Iterator[Runtime]:
    with running(settings, clock) as runtime:
        yield runtime


@pytest.fixture
def chat(runtime: Runtime) -> Chat:
    """The coach on SQLite and the simulated clock, talked to by ME at the terminal;
    what it delivers lands in `chat.delivered`."""
    return Chat.delivering(runtime)


def _schema_url(url: str, schema: str) -> str:
    """`url` with every connection's search_path set to `schema`."""
    parsed = parse_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


@pytest.fixture(
    params=[
        pytest.param("sqlite"),
        pytest.param("postgresql", marks=NEEDS_POSTGRES),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/data/followup.db"
        return
    with fresh_postgres_schema() as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty schema on the PostgreSQL test server, for what only PostgreSQL does;
    the test skips where no server is set up (CI always has one)."""
    if not POSTGRES_URL:
        pytest.skip("FOLLOWUP_TEST_POSTGRES_URL is not set")
    with fresh_postgres_schema() as url:
        yield url


@contextmanager
def fresh_postgres_schema() -> Iterator[str]:
    """A URL whose connections use a new, empty schema on the test server."""
    assert POSTGRES_URL is not None
    assert make_url(POSTGRES_URL).host in ("127.0.0.1", "localhost", "::1"), "loopback only"
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = make_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield _schema_url(POSTGRES_URL, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db_settings(database_url: str, request: pytest.FixtureRequest) -> Settings:
    """Settings on SQLite and, where a test server is set up, PostgreSQL too."""
    return _marked(load_settings(database_url=database_url, timezone="America/New_York",
                                 quiet_hours="21:00-08:00"), request)


@pytest.fixture
def db_chat(db_runtime: Runtime) -> Chat:
    """`chat` on SQLite and, where a test server is set up, PostgreSQL too."""
    return Chat.delivering(db_runtime)


@pytest.fixture
def db_runtime(db_settings: Settings, clock: SimulatedClock) -> Iterator[Runtime]:
    """`runtime` on SQLite and, where a test server is set up, PostgreSQL too."""
    with running(db_settings, clock) as runtime:
        yield runtime
