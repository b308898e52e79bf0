"""A worker process that claims work, keeps working on it, and is killed with SIGKILL
(`tests/adapters/slack/test_inbox_faults.py`,
`tests/bot/delivery/test_leases.py`).

Run as `python -m tests.lease_worker KIND DB_URL START_ISO ANCHOR LEASE_SECONDS`.
Its clock is `RunningClock(START_ISO, ANCHOR)`, the test's own: simulated dates (so a
reminder falls outside quiet hours) that move with real time (so leases run out).

- `inbox`: the real `InboxWorker`, answering through the Slack stand-in named by
  SLACK_API_URL (SLACK_BOT_TOKEN in the environment); the test holds its Web API calls.
- `delivery`: the real `Deliverer` with a sender that prints `SENDING <checkpoint id>`
  and then hangs, as a send to a platform that never answers does.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import UTC, datetime, timedelta

from adapters.runtime import build_runtime, configure_logging
from adapters.settings import load_settings
from adapters.slack.answering import SlackCoach
from adapters.slack.inbox import InboxWorker
from adapters.slack.sender import interactive_client
from bot.delivery.deliverer import Deliverer
from bot.messages import Reply
from bot.model import Identity, Platform


class RunningClock:
    """`start` at the wall-clock moment `anchor` (a Unix time), moving with real time;
    every process given the same two agrees on the time."""

    def __init__(self, start: datetime, anchor: float) -> None:
        self.start = start.astimezone(UTC)
        self.anchor = anchor

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.time() - self.anchor)


class HangingSender:
    def send(self, to: Identity, reply: Reply) -> None:
        print(f"SENDING {reply.checkpoint_id}", flush=True)
        threading.Event().wait()  # never answered


def main() -> None:
    kind, url, start, anchor, lease = sys.argv[1:6]
    configure_logging("DEBUG")  # every line it logs is checked for secrets afterwards
    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00")
    clock = RunningClock(datetime.fromisoformat(start), float(anchor))
    runtime = build_runtime(settings, clock)
    span = timedelta(seconds=float(lease))
    if kind == "inbox":
        InboxWorker(SlackCoach(runtime, interactive_client(settings)), lease=span).start()
        print("READY", flush=True)
        threading.Event().wait()
    deliverer = Deliverer(runtime.repo, clock, runtime.coach,
                          {Platform.CONSOLE: HangingSender()}, lease=span)
    print("READY", flush=True)
    deliverer.deliver_due()


if __name__ == "__main__":
    main()
