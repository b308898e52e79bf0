"""The Alembic migrations build exactly the models' schema, and engines are set up right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from storage.database import alembic_config, database_url, make_engine, migrate
from storage.models import Base


def _differences(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def test_migrating_a_fresh_database_gives_exactly_the_models_schema(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the migrations must not depend on the working directory
    migrate(engine)

    assert _differences(engine) == []
    tables = set(inspect(engine).get_table_names())
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


def test_the_comparison_would_notice_a_schema_that_drifted(engine: Engine) -> None:
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_checkpoints_state_due_at"))

    assert [difference[0] for difference in _differences(engine)] == ["add_index"]


def test_migrating_twice_changes_nothing_and_records_the_head(engine: Engine) -> None:
    migrate(engine)
    migrate(engine)

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    assert _differences(engine) == []


def test_downgrading_to_base_removes_every_table(engine: Engine) -> None:
    migrate(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")

    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_a_sqlite_engine_uses_wal_foreign_keys_and_creates_its_folder(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/new/folder/followup.db")
    try:
        with engine.connect() as connection:
            pragmas: dict[str, Any] = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()

    assert (tmp_path / "new" / "folder" / "followup.db").exists()
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["foreign_keys"] == 1
    assert pragmas["busy_timeout"] > 0


@pytest.mark.parametrize(
    "url",
    [
        "postgres://bot:pw@127.0.0.1:5432/followup",
        "postgresql://bot:pw@127.0.0.1:5432/followup",
        "postgresql+psycopg://bot:pw@127.0.0.1:5432/followup",
    ],
)
def test_every_postgresql_spelling_goes_to_psycopg_3(url: str) -> None:
    parsed = database_url(url)
    assert (parsed.drivername, parsed.host, parsed.database) == (
        "postgresql+psycopg",
        "127.0.0.1",
        "followup",
    )
    engine = make_engine(url)  # no connection is made until one is needed
    assert engine.dialect.driver == "psycopg"
    engine.dispose()
