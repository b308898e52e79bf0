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
from pathlib import Path
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
    # Warmed first, as a running clock is (the first commands pay for the parser's and
    # the statements' first use): a round of everyone's commands, answered and not
    # counted; the next round is measured.
    _store(runtime, api, count, people, first, 0)
    worker.drain()
    _store(runtime, api, count, people, first, count)
    threads = _thread_cpu()
    cpu, wall = time.process_time(), time.perf_counter()
    answered = worker.drain()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    time.sleep(0.3)  # the last thank-yous made due go out
    by_thread = {name: 1000 * (spent - threads.get(name, 0.0)) / max(answered, 1)
                 for name, spent in _thread_cpu().items() if spent > threads.get(name, 0.0)}
    # Before and after kept-open answers, alternated in this run: the same commands
    # answered through Bolt's `Respond` (a new connection per answer, as before).
    spent = {"kept_open": [0.0, 0], "bolt_respond": [0.0, 0]}
    start = 2 * count
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
            "thread_cpu_ms": by_thread,
            "wall_ms": 1000 * wall / max(answered, 1),
            "respond_cpu_ms": {k: 1000 * t / max(n, 1) for k, (t, n) in spent.items()},
            **_summary(profiler, top=40)}


def _thread_cpu() -> dict[str, float]:
    """CPU seconds so far of each of this process's threads, by kind (Linux: /proc; the
    numbered ones of a pool added up), or nothing elsewhere."""
    import os
    import re
    import threading

    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[str, float] = {}
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return found
    for task in tasks.iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        name = re.sub(r"[-_]\d+(_\d+)?$", "", names.get(int(task.name), "other"))
        found[name] = found.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return found


if __name__ == "__main__":
    _, url_arg, api_arg, count_arg, first_arg = sys.argv
    emit(main(url_arg, api_arg, int(count_arg), int(first_arg)))
