"""Child of `bench.command_cost`: answer Slack commands as the clock process does, and
count what each one costs.

Run as a script (`python bench/command_child.py URL CYCLES`) from the root of the tree
being measured, with that tree first on PYTHONPATH: the same file then measures the
current code and the starting commit's (`bench.command_cost` unpacks it elsewhere), so
it imports nothing from `bench/` and only what both trees have.

Per command, through `SlackCoach.apply(key, command_inbound(glue, body))`, what the
clock's `InboxWorker` runs for a queued `/followup …` before it posts the answer:

- statements: every `before_cursor_execute` on the repository's engine;
- round trips: those statements, plus the BEGIN psycopg sends before the first
  statement of a transaction (the connection was idle), plus each COMMIT or ROLLBACK
  sent while a transaction was open (psycopg sends none for an idle connection). Pings
  of idle pooled connections are not counted: commands follow each other within the
  pool's idle second;
- CPU: `time.process_time()` of this process (the server's is not included) around
  the whole command, summed over every repetition.

Prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from typing import Any

#: Each cycle is one person's `add`, then `list`, `sent`, `snooze` and `heard` of it.
COMMANDS = (
    ("add", "add Company {n}, data analyst, yesterday 2pm with Jane Smith"),
    ("list", "list"),
    ("sent", "sent {n}"),
    ("snooze", "snooze {n}.3 2d"),
    ("heard", "heard {n} rejected"),
)
PEOPLE = 50
TEAM = "T0COST"


class Counter:
    """Statements and round trips on one engine while `on` is set (PostgreSQL)."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.on = False
        self.statements = 0
        self.trips = 0
        self.texts: list[str] = []

        def idle(connection: Any) -> bool:
            """psycopg will send BEGIN first: no transaction open, and not autocommit."""
            dbapi = connection.connection.dbapi_connection
            return not dbapi.autocommit and int(dbapi.info.transaction_status) == 0  # IDLE

        def open_(connection: Any) -> bool:
            info = connection.connection.dbapi_connection.info
            return int(info.transaction_status) in (2, 3)  # INTRANS, INERROR

        @event.listens_for(engine, "before_cursor_execute")
        def _statement(connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if self.on:
                begin = connection.dialect.name != "sqlite" and idle(connection)
                self.statements += 1
                self.trips += 1 + int(begin)
                self.texts.append(("BEGIN; " if begin else "") + " ".join(statement.split()))

        @event.listens_for(engine, "commit")
        def _commit(connection: Any) -> None:
            if self.on and open_(connection):
                self.trips += 1
                self.texts.append("COMMIT")

        @event.listens_for(engine, "rollback")
        def _rollback(connection: Any) -> None:
            if self.on and open_(connection):
                self.trips += 1
                self.texts.append("ROLLBACK")

    def take(self) -> tuple[int, int, list[str]]:
        found = self.statements, self.trips, self.texts
        self.statements, self.trips, self.texts = 0, 0, []
        return found


def main(url: str, cycles: int, profile: bool) -> dict[str, Any]:
    import logging

    from adapters.runtime import build_runtime
    from adapters.settings import Settings
    from adapters.slack.answering import SlackCoach, command_inbound
    from bot.ports.clock import SystemClock

    logging.disable(logging.WARNING)
    settings = Settings(FOLLOWUP_DATABASE_URL=url, FOLLOWUP_TIMEZONE="America/New_York",
                        SLACK_BOT_TOKEN="xoxb-cost-not-a-secret")
    runtime = build_runtime(settings, SystemClock())
    from slack_sdk import WebClient

    class Profiles(WebClient):
        """users.info answered here: asked only before a person confirms their zone."""

        def users_info(self, **_: Any) -> Any:  # type: ignore[override]
            return {"user": {"tz": "America/New_York", "real_name": "Pat Doe"}}

    glue = SlackCoach(runtime, Profiles(token="xoxb-cost-not-a-secret",
                                        base_url="http://127.0.0.1:9/"))
    counter = Counter(runtime.repo.engine)
    serial = iter(range(10**9))

    def body(user: int, text: str) -> dict[str, Any]:
        return {"team_id": TEAM, "user_id": f"U{user:05d}", "channel_id": f"D{user:05d}",
                "text": text, "trigger_id": f"trigger-{next(serial)}",
                "response_url": "http://127.0.0.1:9/respond"}

    def answer(user: int, text: str) -> list[str]:
        request = body(user, text)
        applied = glue.apply(_key(request), command_inbound(glue, request))
        return [reply.plain for reply in applied.replies]

    # Everyone has told the bot their zone: the Slack profile is then never asked for.
    for user in range(PEOPLE):
        answer(user, "tz America/New_York")
    numbers: dict[int, int] = defaultdict(int)

    def one_cycle(i: int, costs: dict[str, list[float]] | None) -> list[str]:
        user = i % PEOPLE
        numbers[user] += 1
        said: list[str] = []
        for name, template in COMMANDS:
            text = template.format(n=numbers[user])
            counter.take()
            counter.on = True
            started = time.process_time()
            said += answer(user, text)
            spent = time.process_time() - started
            counter.on = False
            statements, trips, texts = counter.take()
            if costs is not None:
                costs[name].append(spent)
                costs[f"{name}:statements"].append(statements)
                costs[f"{name}:trips"].append(trips)
                if f"{name}:texts" not in costs:
                    costs[f"{name}:texts"] = texts  # type: ignore[assignment]
        return said

    for i in range(min(cycles, PEOPLE)):  # warm-up: every import and cache, once
        one_cycle(i, None)
    costs: dict[str, list[Any]] = defaultdict(list)
    sample: list[str] = []
    for i in range(PEOPLE, PEOPLE + cycles):
        said = one_cycle(i, costs)
        if i == PEOPLE:
            sample = said
    result: dict[str, Any] = {"cycles": cycles, "commands": {}, "sample": sample}
    for name, _ in COMMANDS:
        spent = sorted(costs[name])
        result["commands"][name] = {
            "cpu_ms": 1000 * sum(spent) / len(spent),
            "cpu_p50_ms": 1000 * spent[len(spent) // 2],
            "statements": max(costs[f"{name}:statements"]),
            "statements_min": min(costs[f"{name}:statements"]),
            "trips": max(costs[f"{name}:trips"]),
            "trips_min": min(costs[f"{name}:trips"]),
            "texts": costs[f"{name}:texts"],
        }
    if profile:
        result["profile"] = _profile(one_cycle, PEOPLE + cycles, max(cycles // 2, 20))
    runtime.stop()
    return result


def _key(request: dict[str, Any]) -> str:
    from adapters.slack.answering import command_key

    return command_key(request)


def _profile(one_cycle: Any, start: int, cycles: int) -> dict[str, Any]:
    """pyinstrument over `cycles` more cycles: where the commands' time goes."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {}
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for i in range(start, start + cycles):
        one_cycle(i, None)
    profiler.stop()
    return _summary(profiler)


def _summary(profiler: Any, top: int = 16) -> dict[str, Any]:
    """Callee-inclusive share per project function, and self time per library."""
    root = profiler.last_session.root_frame()
    inclusive: dict[tuple[str, str], float] = defaultdict(float)
    libraries: dict[str, float] = defaultdict(float)
    project = ("/bot/", "/storage/", "/adapters/")
    groups = (("/bot/", "bot (core)"), ("/storage/", "storage"), ("/adapters/", "adapters"),
              ("sqlalchemy", "SQLAlchemy"), ("psycopg", "psycopg"),
              ("dateparser", "dateparser"), ("regex", "regex"), ("json", "json"),
              ("zoneinfo", "zoneinfo"), ("slack", "slack_sdk / Bolt"))

    def group(path: str) -> str:
        return next((name for part, name in groups if part in path), "other (stdlib)")

    def walk(frame: Any, open_keys: frozenset[tuple[str, str]], parent: str) -> None:
        if frame.is_synthetic:
            libraries[group(parent)] += frame.time
            return
        path = frame.file_path or ""
        key = (frame.function, _short(path))
        inner = open_keys
        if any(part in path for part in project) and key not in open_keys:
            inclusive[key] += frame.time
            inner = open_keys | {key}
        for child in frame.children:
            walk(child, inner, path)

    walk(root, frozenset(), "")
    total = root.time or 1e-9
    return {
        "inclusive": [{"function": f, "where": w, "share": s / total}
                      for (f, w), s in sorted(inclusive.items(), key=lambda i: -i[1])[:top]],
        "by_library": [{"group": g, "share": s / total}
                       for g, s in sorted(libraries.items(), key=lambda i: -i[1])],
    }


def _short(path: str) -> str:
    for part in ("/bot/", "/storage/", "/adapters/"):
        if part in path:
            return part.strip("/") + "/" + path.split(part, 1)[1]
    return path.rsplit("/", 1)[-1]


if __name__ == "__main__":
    _, url, cycles_text, *rest = sys.argv
    print(json.dumps(main(url, int(cycles_text), "--profile" in rest)))
