"""Open-loop load for `bench.answer_latency`: signed `/followup` commands on a fixed schedule.

A closed loop (N workers, each waiting for its answer before sending again) slows down
when the server does, so it never offers more than the server takes and hides the
queueing a real arrival rate causes. Here request i is due at `start + i / rate` and
goes out then whether or not earlier ones have been answered (each is its own asyncio
task). Latencies are measured from the moment a request was *due*, not from when the
generator got round to sending it, so a late generator cannot make the server look
faster; how late it sent (`late_ms`) is reported so a reader can see it kept up.

Who says what: a step uses `people` seeded people (ids `first` …), each with interview
#1 already. Request i goes to person i mod people; over a step each person walks once
round the cycle of `bench.command_cost` (`add`, `list`, `sent`, `snooze`, `heard`),
starting at a place of their own, so at every moment the five commands are mixed
evenly and each command refers to an interview that exists (#1, or #2 once their
`add` came). Each command is tagged in its `response_url`; the Slack stand-in notes
when the answer to each tag arrived.

Child mode: `python -m bench.answer_load --port … --api … --rate … --seconds …`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any
from urllib.parse import urlencode

from bench.seed import user_id
from bench.slack_path import TEAM, signature
from bench.worker import emit
from bot.model import Platform

#: One turn of a person's commands, as `bench/command_child.py` measures them.
CYCLE = (
    "add Company {n}, data analyst, yesterday 2pm with Jane Smith",
    "list",
    "sent {n}",
    "snooze {n}.3 2d",
    "heard {n} rejected",
)
#: Slack wants the ack within 3 s; a request still unanswered after this is an error.
REQUEST_TIMEOUT = 10.0
#: Text the web process acks with when it could not store the command (not done).
NOT_SAVED_MARK = "couldn't save that"


def command_text(i: int, people: int) -> str:
    """What request i of a step says (see the module's docstring)."""
    person = i % people
    turn = i // people + person % len(CYCLE) + 1  # 1…: the seeded #1 stands for turn 0
    return CYCLE[turn % len(CYCLE)].format(n=turn // len(CYCLE) + 1)


def body(i: int, *, people: int, first: int, api: str, tag: str) -> str:
    user = user_id(Platform.SLACK, first + i % people)
    return urlencode({
        "token": "legacy", "team_id": TEAM, "team_domain": "bench",
        "channel_id": "C0GENERAL", "channel_name": "general", "user_id": user,
        "user_name": user.lower(), "command": "/followup",
        "text": command_text(i, people), "api_app_id": "A0BENCH",
        "is_enterprise_install": "false", "response_url": f"{api}/respond/{tag}",
        "trigger_id": f"trigger.{tag}",
    })


def offer(port: int, api: str, rate: float, seconds: float, *, people: int, first: int,
          prefix: str) -> dict[str, Any]:
    """Send `rate × seconds` commands on schedule; per request: when it was due (wall
    clock, for the answer), its ack latency from then, how late it went out, and whether
    the web process acked it as stored."""
    import aiohttp

    endpoint = f"http://127.0.0.1:{port}/slack/events"
    count = int(rate * seconds)
    due_at: dict[str, float] = {}  # tag -> wall-clock time the request was due
    ack_ms: list[float] = []
    late_ms: list[float] = []
    errors = refused = 0

    async def one(session: aiohttp.ClientSession, i: int, due: float, wall: float) -> None:
        nonlocal errors, refused
        tag = f"{prefix}-{i}"
        payload = body(i, people=people, first=first, api=api, tag=tag)
        stamp = str(int(time.time()))
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Slack-Request-Timestamp": stamp,
                   "X-Slack-Signature": signature(stamp, payload)}
        late_ms.append((time.perf_counter() - due) * 1000)
        try:
            async with session.post(endpoint, data=payload, headers=headers) as answer:
                text = await answer.text()
                ok = answer.status == 200
        except (TimeoutError, aiohttp.ClientError, OSError):
            ok, text = False, ""
        ack_ms.append((time.perf_counter() - due) * 1000)
        if not ok:
            errors += 1
        elif NOT_SAVED_MARK in text:
            refused += 1
        else:
            due_at[tag] = wall

    async def main() -> float:
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
        # No cap on connections: an open loop must never queue on the client's side.
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            start = time.perf_counter() + 0.1
            wall_start = time.time() + (start - time.perf_counter())
            tasks = []
            for i in range(count):
                due = start + i / rate
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                tasks.append(asyncio.create_task(
                    one(session, i, due, wall_start + (due - start))))
            await asyncio.gather(*tasks)
            return time.perf_counter() - start

    elapsed = asyncio.run(main())
    return {"rate": rate, "seconds": elapsed, "sent": count, "errors": errors,
            "refused": refused, "ack_ms": ack_ms, "late_ms": late_ms, "due_at": due_at}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="open-loop /followup load (child process)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--first", type=int, required=True)
    parser.add_argument("--prefix", required=True)
    args = parser.parse_args(argv)
    emit(offer(args.port, args.api, args.rate, args.seconds, people=args.people,
               first=args.first, prefix=args.prefix))


if __name__ == "__main__":
    main()
