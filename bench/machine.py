"""What the benchmarks ran on: cores, memory, CPU, Python, SQLite, PostgreSQL, libraries."""

from __future__ import annotations

import os
import platform
import sqlite3
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("SQLAlchemy", "psycopg", "slack_sdk", "slack_bolt", "discord.py", "aiohttp",
            "alembic", "pyinstrument", "matplotlib")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _postgres_version(url: str | None) -> str:
    if not url:
        return "not available (FOLLOWUP_TEST_POSTGRES_URL unset)"
    from sqlalchemy import text

    from storage.database import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SHOW server_version")).scalar())
    except Exception as error:  # a report line, not a crash
        return f"unreachable ({type(error).__name__})"
    finally:
        engine.dispose()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} / {five:.2f}"


def code_version() -> str:
    """The commit measured, and whether tracked files differed from it."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10, check=False).stdout.strip()
        # docs/ is what the benchmark writes: changes there are its own output, not code.
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no",
                                "--", ".", ":(exclude)docs"],
                               capture_output=True, text=True, timeout=10,
                               check=False).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head or 'unknown'}{' with uncommitted changes' if dirty else ''}"


def describe(pg_url: str | None) -> dict[str, Any]:
    return {
        "code": code_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count() or 0,
        "cpu": _cpu_model(),
        "memory_gib": round(_memory_gib(), 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": _postgres_version(pg_url),
        "packages": {name: _version(name) for name in PACKAGES},
        "load_at_start": load(),
    }
