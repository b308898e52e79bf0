"""Engines for SQLite and PostgreSQL, tuned for several bot processes, and schema migration.

`make_engine` builds the engine; `migrate` brings its schema to the newest Alembic revision.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url

PACKAGE_DIR = Path(__file__).resolve().parent
ALEMBIC_INI = PACKAGE_DIR / "alembic.ini"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"

#: Execution option asking SQLite for a write transaction from the start (BEGIN IMMEDIATE).
SQLITE_IMMEDIATE = "followup_sqlite_immediate"

#: How long a SQLite connection waits for another process's write lock, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 15_000

#: Arbitrary constant key that serialises concurrent migrations on one PostgreSQL database.
PG_MIGRATION_LOCK = 4_815_162_342


def database_url(url: str) -> URL:
    """Parse `url`, sending every PostgreSQL spelling to the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str) -> Engine:
    """An engine for `url` (sqlite:///path or postgresql+psycopg://…, postgres:// accepted)."""
    parsed = database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not in_memory and not url.query.get("uri"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take BEGIN away from the sqlite3 module (it defers it past SELECTs, breaking
        # isolation) so that `_on_begin` below decides how each transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not in_memory:
                # Readers never block the single writer, and vice versa.
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A deferred transaction that reads and then writes fails at once in WAL mode if
        # another process wrote in between; IMMEDIATE takes the write lock up front.
        immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for this package, independent of the working directory."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Upgrade the database behind `engine` to the newest schema revision.

    Safe when several processes start together: they take turns, and the late ones
    find nothing left to do.
    """
    with engine.execution_options(**{SQLITE_IMMEDIATE: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            connection.execute(lock, {"key": PG_MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), "head")
