"""Reading a pyinstrument profile as two small tables a report can print.

`inclusive`: time spent inside each of the project's functions (bot/, storage/,
adapters/), callees included, counted once per call stack. `by_library`: where the
time itself was spent (self time), grouped by the library it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

#: (fragment of a file path, group name); the first match wins.
GROUPS = (
    ("/bench/", "benchmark harness"),
    ("/bot/", "bot (core)"),
    ("/storage/", "storage (repository)"),
    ("/adapters/", "adapters"),
    ("sqlalchemy", "SQLAlchemy"),
    ("psycopg", "psycopg"),
    ("slack_sdk", "slack_sdk"),
    ("discord", "discord.py"),
    ("aiohttp", "aiohttp"),
    ("urllib", "urllib + http.client (stdlib)"),
    ("http/client", "urllib + http.client (stdlib)"),
    ("socket", "urllib + http.client (stdlib)"),
    ("ssl.py", "urllib + http.client (stdlib)"),
    ("email/", "urllib + http.client (stdlib)"),
    ("logging", "logging"),
    ("json", "json"),
    ("zoneinfo", "zoneinfo"),
    ("sqlite3", "sqlite3"),
    ("asyncio", "asyncio"),
    ("threading", "threading / waiting"),
    ("concurrent", "threading / waiting"),
)
PROJECT = ("/bot/", "/storage/", "/adapters/")


def group_of(path: str) -> str:
    for fragment, group in GROUPS:
        if fragment in path:
            return group
    return "other (Python, stdlib)"


def summarize(profiler: Any, *, top: int = 18) -> dict[str, Any]:
    """A JSON-ready summary of the profiler's last session."""
    root = profiler.last_session.root_frame()
    if root is None:
        return {"total": 0.0, "inclusive": [], "by_library": []}
    inclusive: dict[tuple[str, str], float] = defaultdict(float)
    self_time: dict[str, float] = defaultdict(float)

    def walk(frame: Any, open_keys: frozenset[tuple[str, str]], parent_path: str = "") -> None:
        if frame.is_synthetic:
            # "[self]" and friends: time spent in the parent frame itself.
            self_time[group_of(parent_path)] += frame.time
            return
        path = frame.file_path or frame.file_path_short or ""
        key = (frame.function, frame.file_path_short or path)
        inner = open_keys
        if any(part in path for part in PROJECT) and key not in open_keys:
            inclusive[key] += frame.time
            inner = open_keys | {key}
        for child in frame.children:
            walk(child, inner, path)

    walk(root, frozenset())
    total = root.time or 1e-9
    return {
        "total": total,
        "inclusive": [
            {"function": function, "where": where, "seconds": seconds, "share": seconds / total}
            for (function, where), seconds in sorted(inclusive.items(), key=lambda i: -i[1])[:top]
        ],
        "by_library": [
            {"group": group, "seconds": seconds, "share": seconds / total}
            for group, seconds in sorted(self_time.items(), key=lambda i: -i[1])
        ],
    }
