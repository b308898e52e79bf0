"""Storage fixtures: a fresh migrated database per test, on SQLite and, when
FOLLOWUP_TEST_POSTGRES_URL is set (see .ci/postgres.sh), on PostgreSQL too."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.model import (
    Identity,
    Interviewer,
    NewInterview,
    Person,
    Platform,
    Promise,
    PromiseKind,
    QuietHours,
)
from storage.database import database_url as parse_url
from storage.database import make_engine
from storage.repository import SqlRepository, open_repository

POSTGRES_URL = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")

#: A fixed clock for every test: Monday 2 March 2026, 09:00 UTC.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def later(**delta: float) -> datetime:
    """NOW moved by `delta` (hours=2, days=-1…): readable times in tests."""
    return NOW + timedelta(**delta)


def new_interview(
    company: str = "Acme",
    *interviewers: str,
    promise: Promise | None = None,
    parent_id: int | None = None,
) -> NewInterview:
    """An interview an hour before NOW, with the named interviewers (Ann by default)."""
    return NewInterview(
        company=company,
        role="Backend developer",
        starts_at=later(hours=-1),
        interviewers=tuple(Interviewer(name=name) for name in interviewers or ("Ann",)),
        promise=promise,
        parent_id=parent_id,
    )


def someone(repo: SqlRepository, user: str = "U1", platform: Platform = Platform.SLACK) -> Person:
    """A person first seen now on `platform`, in Paris with default quiet hours."""
    return repo.person_for(Identity(platform, "T1", user), "Europe/Paris", QuietHours())


CALL_ON_FRIDAY = Promise(PromiseKind.YOU_CALL_ON, NOW.date() + timedelta(days=4), "call me Friday")


def _schema_url(url: str, schema: str) -> str:
    """`url` with every connection's search_path set to `schema`."""
    parsed = parse_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


@pytest.fixture(
    params=[
        pytest.param("sqlite"),
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not POSTGRES_URL, reason="FOLLOWUP_TEST_POSTGRES_URL is not set"
            ),
        ),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/data/followup.db"
        return
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
def repo(database_url: str) -> Iterator[SqlRepository]:
    """A migrated repository on a database of its own."""
    repository = open_repository(database_url)
    yield repository
    repository.close()
