"""Shared fixtures: a fresh SQLite database, a simulated clock, and the wired runtime."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from adapters.runtime import Runtime, build_runtime
from bot.clock import SimulatedClock
from bot.settings import Settings, load_settings

NEW_YORK = ZoneInfo("America/New_York")
#: Monday 2026-11-23, 16:30 in New York: the README's example moment.
START = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK)

PLATFORM_ENV = (
    "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL",
    "DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_URL", "FOLLOWUP_DATABASE_URL",
    "FOLLOWUP_TIMEZONE", "FOLLOWUP_QUIET_HOURS",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's tokens or `.env`, nor writes outside its tmp dir."""
    for name in PLATFORM_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(
        database_url=f"sqlite:///{tmp_path / 'followup.db'}",
        timezone="America/New_York",
        quiet_hours="21:00-08:00",
    )


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


@pytest.fixture
def runtime(settings: Settings, clock: SimulatedClock) -> Iterator[Runtime]:
    runtime = build_runtime(settings, clock)
    yield runtime
    runtime.stop()
