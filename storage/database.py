"""Engines for SQLite and PostgreSQL, tuned for several bot processes, and schema migration.

`make_engine` builds the engine; `migrate` brings its schema to the newest Alembic revision;
`open_database` does both and checks the result, or says plainly why it cannot.
"""

from __future__ import annotations

import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, MetaData, create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

PACKAGE_DIR = Path(__file__).resolve().parent
ALEMBIC_INI = PACKAGE_DIR / "alembic.ini"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"

#: Execution option asking SQLite for a write transaction from the start (BEGIN IMMEDIATE).
SQLITE_IMMEDIATE = "followup_sqlite_immediate"

#: How long a SQLite connection waits for another process's write lock, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 15_000

#: A pooled PostgreSQL connection that sat unused this long (seconds) is pinged before use.
PING_AFTER_IDLE = 1.0

#: Arbitrary constant key that serialises concurrent migrations on one PostgreSQL database.
PG_MIGRATION_LOCK = 4_815_162_342

#: Serialises migrations between the threads of one process: Alembic's `context` is one
#: module-wide proxy, so two upgrades at once (even of different databases) read each
#: other's configuration (`KeyError('config')`) and half-build one schema.
_MIGRATING = threading.Lock()


class DatabaseUnusable(RuntimeError):
    """Start-up cannot use the configured database; the message says why and what to do,
    in one line an operator can act on (never the password)."""


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
    engine = create_engine(parsed)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection before use only if it sat idle: a server restart or an
    idle timeout can only have cut it then, and under load it saves a round trip per
    transaction (`pool_pre_ping` pings every checkout: a fifth of a busy clock's time).
    A connection that fails the ping is replaced by a fresh one, as with pre-ping."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE:
            return  # new, or back in the pool a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise DisconnectionError("a pooled connection failed its ping") from error


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

    Safe when several processes, or several threads of one process, start together:
    they take turns, and the late ones find nothing left to do.
    """
    with _MIGRATING, engine.execution_options(**{SQLITE_IMMEDIATE: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            connection.execute(lock, {"key": PG_MIGRATION_LOCK})
        if MigrationContext.configure(connection).get_current_revision() == _newest_revision():
            return  # at the newest already: Alembic's upgrade would load every script to see so
        command.upgrade(alembic_config(connection), "head")


@cache
def _newest_revision() -> str | None:
    """The head of this package's migrations, read from its scripts once per process."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def schema_gaps(connection: Connection, metadata: MetaData) -> list[str]:
    """The tables and `table.column`s that `metadata` needs and the database lacks.

    Alembic trusts the revision a database records; a file that an unreleased build
    migrated can record the newest revision and still miss what that revision makes now.
    """
    found = {table: {column["name"] for column in columns}
             for (_schema, table), columns in inspect(connection).get_multi_columns().items()}
    gaps: list[str] = []
    for table in metadata.sorted_tables:
        if table.name not in found:
            gaps.append(table.name)
            continue
        gaps.extend(f"{table.name}.{column.name}" for column in table.columns
                    if column.name not in found[table.name])
    return gaps


def open_database(url: str, metadata: MetaData) -> Engine:
    """An engine on `url` whose schema is migrated and has everything `metadata` needs.

    Raises DatabaseUnusable, with what to do, when the server cannot be reached, the
    database is newer than this code, or its schema does not match its revision.
    """
    engine = make_engine(url)
    where = engine.url.render_as_string(hide_password=True)
    try:
        migrate(engine)
        with engine.connect() as connection:
            gaps = schema_gaps(connection, metadata)
    except (OperationalError, InterfaceError) as error:
        engine.dispose()
        reason = str(error.orig or error).strip().splitlines()[0]
        raise DatabaseUnusable(f"cannot open the database at {where}: {reason}") from None
    except CommandError as error:  # e.g. a revision this code does not know: a newer build
        engine.dispose()
        raise DatabaseUnusable(
            f"the database at {where} was migrated by a different version of followup-bot "
            f"({error}); run that version, or point FOLLOWUP_DATABASE_URL at another "
            "database") from None
    if gaps:
        engine.dispose()
        shown = ", ".join(gaps[:5]) + (f" and {len(gaps) - 5} more" if len(gaps) > 5 else "")
        raise DatabaseUnusable(
            f"the database at {where} records the newest schema but lacks {shown}, so an "
            "unreleased build probably made it; move it aside (or point "
            "FOLLOWUP_DATABASE_URL at a new database) and start again")
    return engine
