"""Fast seeding of the real schema: reminders due at once, and large cached SQLite files.

`due_reminders` migrates a database with the product's own `open_repository` and then
bulk-inserts people, identities, interviews, interviewers and one thank-you checkpoint
each, due at `now`, with SQLAlchemy Core. `growth_database` builds (once, cached under
/tmp by a key of size and schema) a SQLite file of many interviews with their whole plans.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import time as clock
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from bench.worker import WORK_DIR
from bot.model import CheckpointKind, CheckpointState, Platform, ShareLevel, Tone
from storage.database import MIGRATIONS_DIR, database_url, make_engine
from storage.models import CheckpointRow, IdentityRow, InterviewerRow, InterviewRow, PersonRow
from storage.repository import open_repository

NEW_YORK = ZoneInfo("America/New_York")
#: Monday 2026-11-23 16:30 in New York, the README's moment: thank-yous for interviews
#: at 14:00 that day go out at once (no quiet hours, no office hours apply to them).
NOW = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK).astimezone(UTC)
WORKSPACE = {Platform.SLACK: "T0BENCH", Platform.DISCORD: "1180000000000000777"}
CHUNK = 10_000
GROWTH_DIR = WORK_DIR


def user_id(platform: Platform, n: int) -> str:
    """The platform user id of seeded person `n` (Slack U…, Discord a snowflake)."""
    return f"U{n:09d}" if platform is Platform.SLACK else str(1_200_000_000_000_000_000 + n)


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start:start + CHUNK]


def due_reminders(url: str, count: int, platform: Platform, now: datetime = NOW) -> float:
    """Migrate `url` and add `count` people with one thank-you each due at `now`.

    Returns the seconds it took. Ids are explicit (1…count) so no RETURNING is needed;
    PostgreSQL's sequences are moved past them afterwards.
    """
    started = clock.perf_counter()
    repo = open_repository(url)
    engine = repo.engine
    interview_at = now.astimezone(NEW_YORK).replace(hour=14, minute=0).astimezone(UTC)
    created = interview_at + timedelta(minutes=30)
    people, identities, interviews, interviewers, checkpoints = [], [], [], [], []
    for n in range(1, count + 1):
        people.append({"id": n, "tz": "America/New_York", "quiet_start": time(21),
                       "quiet_end": time(8), "tz_confirmed": True, "phone": None,
                       "display_name": f"Person {n}", "tone": Tone.FORMAL,
                       "calendar_token_hash": None})
        identities.append({"id": n, "person_id": n, "platform": platform,
                           "workspace": WORKSPACE[platform], "user_id": user_id(platform, n)})
        interviews.append({"id": n, "person_id": n, "number": 1, "company": f"Company {n}",
                           "role": "data analyst", "starts_at": interview_at,
                           "created_at": created, "share": ShareLevel.PROGRESS})
        interviewers.append({"id": n, "interview_id": n, "position": 0, "name": "Jane Smith"})
        checkpoints.append({"id": n, "interview_id": n, "kind": CheckpointKind.THANK_YOU,
                            "interviewer_id": n, "due_at": now,
                            "state": CheckpointState.PENDING, "created_at": created,
                            "attempts": 0, "snoozed": False, "platform": platform})
    tables = [(PersonRow, people), (IdentityRow, identities), (InterviewRow, interviews),
              (InterviewerRow, interviewers), (CheckpointRow, checkpoints)]
    with engine.begin() as connection:
        for model, rows in tables:
            table = model.__table__
            for chunk in _chunks(rows):
                connection.execute(table.insert(), chunk)  # type: ignore[attr-defined]
    _advance_sequences(engine, [model.__tablename__ for model, _ in tables])
    repo.close()
    return clock.perf_counter() - started


def _advance_sequences(engine: Engine, tables: list[str]) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for table in tables:
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"))


# --- large SQLite files for the growth benchmark ---------------------------------------
INTERVIEWS_PER_PERSON = 10
#: Open interviews (no outcome yet) have pending calls; the rest are history.
OPEN_SHARE = 0.05
#: Checkpoints due in the measured moment's past, waiting to be claimed, at every size.
DUE_NOW = 1_000


def schema_key() -> str:
    """Changes whenever a migration does, so a cached file never has an old schema."""
    digest = hashlib.sha256()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def growth_database(interviews: int, *, log: Any = print) -> Path:
    """A SQLite file with `interviews` interviews, cached in /tmp across runs."""
    GROWTH_DIR.mkdir(parents=True, exist_ok=True)
    path = GROWTH_DIR / f"growth-{interviews}-{schema_key()}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    started = clock.perf_counter()
    log(f"  seeding {interviews:,} interviews into {path.name} (cached for later runs)")
    open_repository(f"sqlite:///{partial}").close()  # the real schema, by migration
    _fill(partial, interviews)
    partial.rename(path)
    log(f"  seeded in {clock.perf_counter() - started:.0f} s")
    return path


def _stamp(moment: datetime) -> str:
    """How the product's UtcDateTime stores a moment in SQLite (naive UTC text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _fill(path: Path, interviews: int) -> None:
    """Plain sqlite3 executemany in large transactions: people with ten interviews each,
    one interviewer, and a plan of four checkpoints (history for closed interviews,
    pending calls for open ones)."""
    rng = random.Random(interviews)
    people = max(1, interviews // INTERVIEWS_PER_PERSON)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO people (id, tz, quiet_start, quiet_end, tz_confirmed, tone) "
        "VALUES (?, 'America/New_York', '21:00:00.000000', '08:00:00.000000', 1, 'formal')",
        ((n,) for n in range(1, people + 1)))
    db.executemany(
        "INSERT INTO identities (id, person_id, platform, workspace, user_id) "
        "VALUES (?, ?, 'slack', 'T0BENCH', ?)",
        ((n, n, user_id(Platform.SLACK, n)) for n in range(1, people + 1)))
    db.execute("COMMIT")
    due_now = set(rng.sample(range(1, interviews + 1), min(DUE_NOW, interviews)))
    checkpoint_id = 0
    for start in range(1, interviews + 1, 100_000):
        rows_i, rows_v, rows_c = [], [], []
        for n in range(start, min(start + 100_000, interviews + 1)):
            person = (n - 1) % people + 1
            number = (n - 1) // people + 1
            is_open = rng.random() < OPEN_SHARE or n in due_now
            at = NOW - timedelta(days=rng.randint(1, 700), hours=rng.randint(0, 8))
            rows_i.append((n, person, number, f"Company {n}", "data analyst", _stamp(at),
                           _stamp(at - timedelta(days=1)),
                           None if is_open else "rejected",
                           None if is_open else _stamp(at + timedelta(days=9))))
            rows_v.append((n, n, 0, "Jane Smith"))
            if n in due_now:
                call_state, call_due = "pending", NOW - timedelta(minutes=rng.randint(0, 50))
            elif is_open:
                call_state, call_due = "pending", NOW + timedelta(hours=rng.randint(1, 720))
            else:
                call_state, call_due = "sent", at + timedelta(days=6)
            plan = [("thank_you", "done", at + timedelta(hours=1), n),
                    ("thank_you_nudge", "cancelled", at + timedelta(hours=19), n),
                    ("first_call", call_state, call_due, None),
                    ("move_on", "pending" if is_open else "cancelled",
                     call_due + timedelta(days=7), None)]
            for kind, state, due, interviewer in plan:
                checkpoint_id += 1
                rows_c.append((checkpoint_id, n, kind, interviewer, _stamp(due), state,
                               _stamp(at), None if state == "pending" else _stamp(due)))
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO interviews (id, person_id, number, company, role, starts_at, "
            "created_at, outcome, outcome_at, share) VALUES (?,?,?,?,?,?,?,?,?,'progress')",
            rows_i)
        db.executemany(
            "INSERT INTO interviewers (id, interview_id, position, name) VALUES (?,?,?,?)",
            rows_v)
        db.executemany(
            "INSERT INTO checkpoints (id, interview_id, kind, interviewer_id, due_at, state, "
            "created_at, sent_at, attempts, snoozed, platform) "
            "VALUES (?,?,?,?,?,?,?,?,0,0,'slack')", rows_c)
        db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def reset_claims(path: Path) -> int:
    """Undo a previous run's claims in a cached file, so every run measures the same data."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        return db.execute(
            "UPDATE checkpoints SET state = 'pending', claimed_at = NULL "
            "WHERE state = 'sending'").rowcount
    finally:
        db.close()


@contextmanager
def postgres_schema(server_url: str) -> Iterator[str]:
    """A URL whose connections use a new, empty schema on the throw-away server; dropped
    afterwards (as tests/conftest.py's `fresh_postgres_schema`)."""
    if make_url(server_url).host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("benchmarks only talk to a PostgreSQL server on loopback")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = make_engine(server_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        parsed = database_url(server_url).update_query_dict(
            {"options": f"-csearch_path={schema}"})
        yield parsed.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def fresh_database(pg_url: str, name: str) -> str:
    """`name` dropped and made again on the server of `pg_url`; its URL."""
    from sqlalchemy import create_engine

    server = database_url(pg_url)
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def clear_inbox(url: str, timeout: float = 20.0) -> int:
    """Drop what still waits and let the clock finish what it holds; rows dropped."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            dropped = int(connection.execute(
                text("DELETE FROM inbox WHERE state = 'waiting'")).rowcount or 0)
        deadline = clock.monotonic() + timeout
        while clock.monotonic() < deadline:
            with engine.connect() as connection:
                if not connection.execute(text("SELECT count(*) FROM inbox")).scalar():
                    break
            clock.sleep(0.2)
        return dropped
    finally:
        engine.dispose()
