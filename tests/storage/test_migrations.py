"""The Alembic migrations build exactly the models' schema, and engines are set up right."""

from __future__ import annotations

import warnings
from collections import Counter
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from bot.content.calendar_file import feed_token, feed_token_hash
from storage.database import alembic_config, database_url, make_engine, migrate
from storage.models import Base, CheckpointRow

ONE_ACTIVE_STEP = "uq_checkpoints_one_active_step"


def _differences(engine: Engine) -> list[Any]:
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect an expression index, so Alembic skips it (and says so);
        # `_index_definition` compares that one instead.
        warnings.filterwarnings("ignore", message=".*expression-based index")
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


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


def _index_definition(connection: Connection, name: str) -> str | None:
    """The index as the database states it, which covers what Alembic cannot compare:
    expressions on SQLite, and the WHERE of a partial index on either database."""
    if connection.dialect.name == "sqlite":
        found = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    else:
        found = "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() " \
                "AND indexname = :name"
    return connection.execute(text(found), {"name": name}).scalar()


def test_the_one_active_step_index_is_the_same_from_the_models_and_the_migration(
    engine: Engine,
) -> None:
    migrate(engine)
    index = next(i for i in CheckpointRow.__table__.indexes if i.name == ONE_ACTIVE_STEP)
    with engine.begin() as connection:
        migrated = _index_definition(connection, ONE_ACTIVE_STEP)
        index.drop(connection)
        index.create(connection)
        from_models = _index_definition(connection, ONE_ACTIVE_STEP)

    assert migrated is not None and "UNIQUE" in migrated and "WHERE" in migrated
    assert from_models == migrated


STEP_ROWS = [  # (kind, interviewer id, state) in the order stored: ids 1, 2, …
    ("thank_you", 1, "sent"), ("thank_you", 1, "pending"), ("thank_you", 2, "pending"),
    ("first_call", None, "done"), ("first_call", None, "pending"),
    ("first_call", None, "sending"), ("first_call", None, "pending"),
    ("second_call", None, "cancelled"), ("second_call", None, "pending"),
]


def test_migrating_from_0007_cancels_the_copies_of_a_step_keeping_the_oldest(
    engine: Engine,
) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0007")
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    tables = Base.metadata.tables
    with engine.begin() as connection:
        connection.execute(insert(tables["people"]).values(
            id=1, tz="UTC", quiet_start=time(21), quiet_end=time(8), tz_confirmed=True))
        connection.execute(insert(tables["interviews"]).values(
            id=1, person_id=1, number=1, company="Acme", role="Analyst", starts_at=at,
            created_at=at))
        connection.execute(insert(tables["interviewers"]), [
            {"id": 1, "interview_id": 1, "position": 0, "name": "Ann"},
            {"id": 2, "interview_id": 1, "position": 1, "name": "Bo"}])
        connection.execute(insert(tables["checkpoints"]), [
            {"id": n, "interview_id": 1, "kind": kind, "interviewer_id": who, "due_at": at,
             "state": state, "created_at": at, "attempts": 0, "snoozed": False,
             "platform": "slack"}
            for n, (kind, who, state) in enumerate(STEP_ROWS, start=1)])

    migrate(engine)

    checkpoints = tables["checkpoints"]
    with engine.connect() as connection:
        rows = connection.execute(select(checkpoints.c.id, checkpoints.c.kind,
                                         checkpoints.c.interviewer_id, checkpoints.c.state)
                                  .order_by(checkpoints.c.id)).all()
    assert [str(row.state) for row in rows] == [
        "sent", "cancelled", "pending",  # Ann's first thank-you stays; Bo's is his own step
        "done", "pending", "cancelled", "cancelled",  # a finished one is not a copy
        "cancelled", "pending",
    ]
    active = Counter((row.kind, row.interviewer_id) for row in rows
                     if str(row.state) in ("pending", "sending", "sent"))
    assert set(active.values()) == {1} and len(active) == 4
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert(checkpoints).values(
            interview_id=1, kind="first_call", due_at=at, state="pending", created_at=at,
            attempts=0, snoozed=False, platform="slack"))


def test_migrating_twice_changes_nothing_and_records_the_head(engine: Engine) -> None:
    migrate(engine)
    migrate(engine)

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    assert _differences(engine) == []


def test_threads_of_one_process_migrating_at_once_take_turns(tmp_path: Path) -> None:
    # Alembic's `context` is one proxy for the whole process: without a lock, two
    # upgrades at once (here of different files) failed with KeyError('config').
    import threading

    engines = [make_engine(f"sqlite:///{tmp_path}/{n}.db") for n in range(4)]
    failures: list[BaseException] = []

    def upgrade(engine: Engine) -> None:
        try:
            migrate(engine)
        except BaseException as error:  # collected for the assertion below
            failures.append(error)

    threads = [threading.Thread(target=upgrade, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert failures == []
        for engine in engines:
            assert _differences(engine) == []
    finally:
        for engine in engines:
            engine.dispose()


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


def test_migrating_from_0008_hashes_stored_feed_tokens_and_keeps_everyones_data(
    engine: Engine,
) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0008")
    token = feed_token()
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO people (id, tz, quiet_start, quiet_end, tz_confirmed, tone, "
            "calendar_token) VALUES (1, 'UTC', '21:00:00', '08:00:00', true, 'formal', :t), "
            "(2, 'UTC', '21:00:00', '08:00:00', true, 'formal', NULL)"), {"t": token})
        connection.execute(insert(Base.metadata.tables["interviews"]).values(
            id=1, person_id=1, number=1, company="Acme", role="Analyst", starts_at=at,
            created_at=at))

    migrate(engine)

    people = Base.metadata.tables["people"]
    with engine.connect() as connection:
        stored = dict(connection.execute(select(people.c.id, people.c.calendar_token_hash)
                                         .order_by(people.c.id)).all())
        interviews = connection.execute(text("SELECT count(*) FROM interviews")).scalar()
    assert stored == {1: feed_token_hash(token), 2: None}  # the link keeps working
    assert interviews == 1  # renamed in place: no table rebuilt, nothing cascaded away
    assert _differences(engine) == []
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(people.update().where(people.c.id == 2)
                           .values(calendar_token_hash=feed_token_hash(token)))
