"""How many statements a command sends to the database, on SQLite and PostgreSQL.

Each statement is a round trip to the server and most of a command's CPU (SQLAlchemy
and the driver), so the answering path is held to a ceiling per command: a change that
reads something twice again shows up here, deterministically, whatever the machine's
speed (bench/command_cost.py measures the time).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from typing import Any

import pytest
from sqlalchemy import event

from adapters.runtime import Runtime
from bot.conversation.once import apply_once
from bot.messages import Inbound
from bot.model import Identity, Platform
from tests.conftest import NEEDS_POSTGRES

#: The most statements each command may send, as `bot.conversation.once` runs it for a
#: Slack command: the unit's lock finds the person by their identity, so no look-up
#: comes before it. SQLite's count has its BEGINs (sent as statements; on PostgreSQL the
#: driver sends them) and the purge of old answers as a statement of its own. On
#: PostgreSQL the person's question and the request's earlier answer are read after the
#: lock inside the lock's own statement (a function: a read merely joined to the lock
#: could miss what another process's unit had just left), and so are their interviews
#: with their checkpoints, for the request's first read of them. Since the eighteenth
#: session an `add` first looks for one at the same company on the same day ("Add this one
#: as well?"): on PostgreSQL from that same read, on SQLite with one SELECT of its own.
CEILING = {"postgresql": {"add": 4, "list": 2, "sent": 3, "snooze": 3, "heard": 3},
           "sqlite": {"add": 11, "list": 6, "sent": 8, "snooze": 7, "heard": 11}}

#: The most round trips each command may take on PostgreSQL: its statements, plus each
#: BEGIN, COMMIT or ROLLBACK the driver sends on its own. A unit's BEGIN travels in its
#: lock's message and its COMMIT in its recorded answer's, so a command's trips are its
#: statements.
TRIPS = {"add": 4, "list": 2, "sent": 3, "snooze": 3, "heard": 3}

#: Marks what the driver sends on its own (not a statement the code executes).
DRIVER = "driver: "

ALEX = Identity(Platform.SLACK, "T1", "U1")
COMMANDS = (("add", "add Acme, data analyst, yesterday 2pm with Jane Smith"),
            ("list", "list"), ("sent", "sent 1"), ("snooze", "snooze 1.3 2d"),
            ("heard", "heard 1 rejected"))


@contextmanager
def counted(runtime: Runtime) -> Iterator[list[str]]:
    """Every statement sent meanwhile; on PostgreSQL also a `DRIVER` BEGIN for each the
    driver sends before a statement, and a `DRIVER` COMMIT or ROLLBACK for each it sends
    while a transaction is open (none for an idle connection)."""
    statements: list[str] = []

    def driver(connection: Any) -> Any:
        return connection.connection.dbapi_connection

    def postgres(connection: Any) -> bool:
        return bool(connection.dialect.name == "postgresql")

    def note(connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if postgres(connection) and not driver(connection).autocommit \
                and int(driver(connection).info.transaction_status) == 0:  # IDLE
            statements.append(DRIVER + "BEGIN")
        statements.append(statement)

    def ending(word: str) -> Any:
        def end(connection: Any) -> None:
            if postgres(connection) and int(driver(connection).info.transaction_status) in (
                    2, 3):  # INTRANS, INERROR
                statements.append(DRIVER + word)
        return end

    engine = runtime.repo.engine
    listeners = (("before_cursor_execute", note), ("commit", ending("COMMIT")),
                 ("rollback", ending("ROLLBACK")))
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield statements
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


@pytest.fixture
def answer(db_runtime: Runtime) -> Any:
    keys = count()

    def answer(text: str) -> tuple[str, list[str]]:
        inbound = Inbound(identity=ALEX, text=text, command=True)
        with counted(db_runtime) as statements:
            applied = apply_once(db_runtime.coach, f"key-{next(keys)}", inbound)
        return "\n".join(reply.plain for reply in applied.replies), statements

    answer("tz America/New_York")
    return answer


def _each_command(answer: Any) -> dict[str, list[str]]:
    said, sent = {}, {}
    for name, text in COMMANDS:
        said[name], sent[name] = answer(text)
    assert "Added #1" in said["add"] and "Acme" in said["list"]
    assert "Marked your thank-you" in said["sent"] and "Snoozed" in said["snooze"]
    assert "sorry" in said["heard"].lower()
    return sent


def test_each_command_sends_no_more_statements_than_its_ceiling(
        answer: Any, db_runtime: Runtime) -> None:
    ceiling = CEILING[db_runtime.repo.engine.dialect.name]
    spent = {name: len([s for s in sent if not s.startswith(DRIVER)])
             for name, sent in _each_command(answer).items()}
    over = {name: (spent[name], ceiling[name]) for name in ceiling
            if spent[name] > ceiling[name]}
    assert not over, f"statements (sent, ceiling): {over}"


# Round trips are counted on PostgreSQL, where the driver would send BEGIN and COMMIT of
# its own; SQLite has none to save (it runs in the process), so it is not parametrized.
# Skipped only where no server is set up: CI always has one, and fails without it.
@pytest.mark.parametrize("database_url", [pytest.param("postgresql", marks=NEEDS_POSTGRES)],
                         indirect=True)
def test_each_command_takes_no_more_round_trips_than_its_ceiling_on_postgresql(
        answer: Any, db_runtime: Runtime) -> None:
    assert db_runtime.repo.engine.dialect.name == "postgresql"
    spent = {name: len(sent) for name, sent in _each_command(answer).items()}
    over = {name: (spent[name], TRIPS[name]) for name in TRIPS if spent[name] > TRIPS[name]}
    assert not over, f"round trips (taken, ceiling): {over}"
