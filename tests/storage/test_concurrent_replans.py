"""Concurrent commands about one interview leave one active checkpoint per step (PostgreSQL).

Two web or clock processes, or a button pressed twice, can replan the same interview at
once; each replan reads the plan and adds what it finds missing, so without the
database serialising them both add the same step.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from adapters.runtime import Runtime
from adapters.settings import load_settings
from bot.model import CheckpointKind, Identity, Platform
from bot.ports.clock import SimulatedClock
from storage.database import database_url, make_engine, migrate
from storage.repository import SqlRepository, open_repository
from tests.chat import running
from tests.conftest import START
from tests.log_secrets import check_output
from tests.storage import conftest as storage
from tests.storage.replan_race import (
    AFTER_OUTCOME,
    add_interview,
    at_once,
    commands,
    duplicates,
    failures,
    left_after_outcome,
    someone,
)

ROOT = Path(__file__).resolve().parents[2]
TRIES = 100
THREADS = 20
#: The two-process race: tries, and threads in each process.
PROCESS_TRIES = 25
PROCESS_THREADS = 10
#: Looking for a connection that waits on a lock: how often, and how many times at most.
POLL_SECONDS = 0.005
POLLS = 6_000


@pytest.fixture
def pg_runtime(pg_url: str, clock: SimulatedClock) -> Iterator[Runtime]:
    settings = load_settings(database_url=pg_url, timezone="America/New_York",
                             quiet_hours="21:00-08:00")
    with running(settings, clock) as runtime:
        yield runtime


def test_twenty_commands_at_once_leave_no_duplicate_and_an_outcome_cancels_all(
        pg_runtime: Runtime) -> None:
    coach = pg_runtime.coach
    spoiled: list[int] = []  # tries that left a duplicate active checkpoint
    apologies: list[str] = []
    leftovers: list[int] = []  # tries where the outcome did not stop every reminder
    for attempt in range(TRIES):
        who = someone(attempt)
        interview_id = add_interview(coach, who)
        apologies += failures(at_once(coach, who, commands(THREADS, offset=attempt)))
        if duplicates(coach.repo, interview_id):
            spoiled.append(attempt)
        if left_after_outcome(coach, who, interview_id) != AFTER_OUTCOME:
            leftovers.append(attempt)

    assert (len(spoiled), len(leftovers), apologies) == (0, 0, []), (
        f"{len(spoiled)} of {TRIES} tries left duplicates; the outcome left reminders "
        f"active in {len(leftovers)}")


def test_two_processes_at_once_leave_no_duplicate(pg_runtime: Runtime, pg_url: str,
                                                  tmp_path: Path) -> None:
    coach = pg_runtime.coach
    interviews = [add_interview(coach, someone(attempt)) for attempt in range(PROCESS_TRIES)]
    names = ("a", "b")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage.replan_worker", pg_url, START.isoformat(),
             str(tmp_path), name, str(len(names)), str(PROCESS_TRIES), str(PROCESS_THREADS)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        for name in names
    ]
    outputs = [worker.communicate(timeout=300) for worker in workers]

    for worker, (out, err) in zip(workers, outputs, strict=True):
        check_output(err, "a replan worker's stderr")
        assert worker.returncode == 0, err
        assert out.split() == ["APOLOGIES", "0"], err
    spoiled = [n for n, interview in enumerate(interviews) if duplicates(coach.repo, interview)]
    assert spoiled == [], f"{len(spoiled)} of {PROCESS_TRIES} tries left duplicates"
    assert all(left_after_outcome(coach, someone(attempt), interview) == AFTER_OUTCOME
               for attempt, interview in enumerate(interviews))


def _url_named(url: str, name: str) -> str:
    """`url` with connections that name themselves, to find them in pg_stat_activity."""
    named = database_url(url).update_query_dict({"application_name": name})
    return named.render_as_string(hide_password=False)


def test_a_second_unit_for_a_person_waits_for_the_first_and_sees_its_changes(
        pg_url: str) -> None:
    name = f"followup-unit-{uuid.uuid4().hex[:12]}"
    repo, watcher = open_repository(_url_named(pg_url, name)), make_engine(pg_url)
    person, other = storage.someone(repo, "U1"), storage.someone(repo, "U2")
    events: list[str] = []
    first_in, release = threading.Event(), threading.Event()

    def first() -> None:
        with repo.serialised(person.id):
            events.append("first in")
            first_in.set()
            release.wait(60)
            repo.update_person(person.id, display_name="Kim")
            events.append("first out")

    def second() -> None:
        first_in.wait(60)
        with repo.serialised(person.id):
            found = repo.get_person(person.id)
            events.append(f"second in, seeing {found and found.display_name}")

    def another_person() -> None:
        with repo.serialised(other.id):
            repo.update_person(other.id, display_name="Lee")

    threads = [threading.Thread(target=run) for run in (first, second)]
    try:
        for thread in threads:
            thread.start()
        for _ in range(POLLS):  # until the second unit's first statement waits on a lock
            with watcher.connect() as connection:
                waiting = connection.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
                    "AND wait_event_type = 'Lock'"), {"name": name}).scalar()
            if waiting:
                break
            time.sleep(POLL_SECONDS)
        else:
            pytest.fail("the second unit never waited for the first")
        events.append("second waits")
        # Meanwhile a unit for someone else is not held up.
        elsewhere = threading.Thread(target=another_person)
        elsewhere.start()
        elsewhere.join(60)
        events.append("another person done" if not elsewhere.is_alive() else "blocked")
    finally:
        release.set()
        for thread in threads:
            thread.join(60)
        repo.close()
        watcher.dispose()

    assert events == ["first in", "second waits", "another person done", "first out",
                      "second in, seeing Kim"]


def test_every_call_in_a_unit_uses_the_units_one_connection(pg_url: str) -> None:
    # With one pooled connection, a call that opened its own would wait for it forever
    # (here: until the pool's timeout).
    engine = create_engine(database_url(pg_url), pool_size=1, max_overflow=0,
                           pool_timeout=10)
    migrate(engine)
    repo = SqlRepository(engine)
    try:
        person = storage.someone(repo)
        identity = Identity(Platform.SLACK, "T1", "U1")
        with repo.serialised(person.id):
            interview = repo.add_interview(person.id, storage.new_interview(), storage.NOW)
            due = repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, None,
                                      storage.NOW, storage.NOW)
            repo.remember_dm_channel(identity, "D1")  # Core statements, as delivery's
            context = repo.delivery_context([interview.id])
            claimed = repo.claim_due(storage.NOW, 5, [Platform.SLACK])
            still_sending = repo.settle([], [due.id])
            with repo.serialised(person.id):
                repo.set_conversation(person.id, {"flow": "add"})

        assert context[interview.id][2][0].dm_channel == "D1"
        assert [c.id for c in claimed] == [due.id] and still_sending == {due.id}
        assert repo.get_conversation(person.id) == {"flow": "add"}
    finally:
        repo.close()
