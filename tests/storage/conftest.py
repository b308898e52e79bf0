"""Storage fixtures: a fresh migrated database per test, on SQLite and, when
FOLLOWUP_TEST_POSTGRES_URL is set (see .ci/postgres.sh), on PostgreSQL too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.model import (
    CheckpointKind,
    Identity,
    Interviewer,
    NewInterview,
    Person,
    Platform,
    Promise,
    PromiseKind,
    QuietHours,
)
from storage.database import make_engine
from storage.repository import SqlRepository, open_repository

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


def thank_you_steps(repo: SqlRepository, dues: list[datetime]) -> list[int]:
    """Checkpoints due at `dues`, each a step of its own (a thank-you to one of as many
    interviewers): a step has at most one active checkpoint."""
    names = [f"Interviewer {n}" for n in range(len(dues))]
    interview = repo.add_interview(someone(repo, "U-steps").id, new_interview("Acme", *names),
                                   NOW)
    return [repo.add_checkpoint(interview.id, CheckpointKind.THANK_YOU, person.id, due, NOW).id
            for person, due in zip(interview.interviewers, dues, strict=True)]


CALL_ON_FRIDAY = Promise(PromiseKind.YOU_CALL_ON, NOW.date() + timedelta(days=4), "call me Friday")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database of its own, not yet migrated."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def repo(database_url: str) -> Iterator[SqlRepository]:
    """A migrated repository on a database of its own."""
    repository = open_repository(database_url)
    yield repository
    repository.close()
