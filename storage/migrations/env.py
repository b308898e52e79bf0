"""Alembic environment: migrates the connection `storage.database.migrate` hands over.

From the command line, the database comes from `-x url=...` (or `sqlalchemy.url`).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from storage.database import make_engine
from storage.models import Base

config = context.config


def run(connection: Connection) -> None:
    """Run the migrations on `connection`, in batch mode on SQLite (no ALTER in place)."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def command_line_url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database with: alembic -x url=<database url> ...")
    return url


if context.is_offline_mode():
    context.configure(url=command_line_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (shared := config.attributes.get("connection")) is not None:
    run(shared)
else:
    engine = make_engine(command_line_url())
    try:
        with engine.begin() as connection:
            run(connection)
    finally:
        engine.dispose()
