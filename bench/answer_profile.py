"""Where the clock's time per queued command goes: the reason behind section 8's figures.

Section 6 measures `SlackCoach.apply` alone, in a process without delivery. The clock
process does more for each command: it claims and finishes the inbox row, reads the
person's profile, posts the answer to response_url, and, since delivery runs there, every
plan change pokes the delivery scheduler. This child builds the clock as `followup-bot
clock` does (`build_runtime`, `start_delivery` with the platform senders, `InboxWorker` on
a `SlackCoach`) against the Slack stand-in, stores `count` of section 8's commands in the
inbox, and answers them with `InboxWorker.drain`: first unprofiled, as the clock does (CPU
and wall time per command), then the same number again under pyinstrument, answered one
after another on the profiled thread (pyinstrument follows one thread).

Child mode: `python -m bench.answer_profile URL API COUNT FIRST` (people FIRST… are
seeded, and no other process answers the inbox meanwhile); prints one JSON object.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any
from urllib.parse import parse_qsl

from bench import answer_load, slack_path
from bench.worker import emit


def _store(runtime: Any, api: str, count: int, people: int, first: int, start: int) -> None:
    from adapters.slack.inbox import stored_fields
    from bot.model import Platform

    bodies = [dict(parse_qsl(answer_load.body(i, people=people, first=first, api=api,
                                              tag=f"profile-{i}")))
              for i in range(start, start + count)]
    runtime.repo.enqueue(Platform.SLACK, [
        (f"{b['team_id']}:{b['user_id']}", json.dumps(stored_fields(b)), f"profile-{n}")
        for n, b in enumerate(bodies, start=start)], runtime.clock.now())


def main(url: str, api: str, count: int, first: int) -> dict[str, Any]:
    from pyinstrument import Profiler
    from slack_bolt.context.respond import Respond

    from adapters.runtime import build_runtime, configure_logging
    from adapters.senders import platform_senders
    from adapters.settings import load_settings
    from adapters.slack.answering import SlackCoach
    from adapters.slack.inbox import InboxWorker
    from adapters.slack.sender import interactive_client
    from bench.command_child import _summary
    from bot.ports.clock import SystemClock

    class BoltAnswers(InboxWorker):
        """The worker as it answered before: Bolt's `Respond`, a connection each."""

        def _responder(self, url: str | None) -> Any:
            return Respond(response_url=url)

    settings = load_settings(database_url=url, timezone="America/New_York",
                             slack_bot_token=slack_path.TOKEN,
                             slack_signing_secret=slack_path.SECRET,
                             slack_api_url=f"{api}/api/", log_level="INFO")
    configure_logging("INFO")  # as the clock logs in production (to stderr: a file)
    runtime = build_runtime(settings, SystemClock())
    runtime.start_delivery(platform_senders(runtime))
    worker = InboxWorker(SlackCoach(runtime, interactive_client(settings)))
    people = max(count // 5, 1)
    _store(runtime, api, count, people, first, 0)
    cpu, wall = time.process_time(), time.perf_counter()
    answered = worker.drain()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    # Before and after kept-open answers, alternated in this run: the same commands
    # answered through Bolt's `Respond` (a new connection per answer, as before).
    spent = {"kept_open": [0.0, 0], "bolt_respond": [0.0, 0]}
    start = count
    for kind in ("bolt_respond", "kept_open") * 2:
        _store(runtime, api, count, people, first, start)
        start += count
        drainer = worker if kind == "kept_open" else BoltAnswers(
            SlackCoach(runtime, interactive_client(settings)))
        used = time.process_time()
        spent[kind][1] += drainer.drain()
        spent[kind][0] += time.process_time() - used
    _store(runtime, api, count, people, first, start)
    # pyinstrument sees one thread: the profiled pass answers on this one (its answerers
    # would otherwise show only as this thread waiting for them).
    in_order = InboxWorker(SlackCoach(runtime, interactive_client(settings)), answerers=1)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    in_order.drain()
    profiler.stop()
    runtime.stop()
    return {"count": answered, "cpu_ms": 1000 * cpu / max(answered, 1),
            "wall_ms": 1000 * wall / max(answered, 1),
            "respond_cpu_ms": {k: 1000 * t / max(n, 1) for k, (t, n) in spent.items()},
            **_summary(profiler, top=40)}


if __name__ == "__main__":
    _, url_arg, api_arg, count_arg, first_arg = sys.argv
    emit(main(url_arg, api_arg, int(count_arg), int(first_arg)))
