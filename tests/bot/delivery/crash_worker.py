"""A delivery process for the crash test: it may SIGKILL itself right after a send.

Run as `python -m tests.bot.delivery.crash_worker DB_URL START_ISO KILL_AFTER`; prints one
`SENT <checkpoint id>` line per message it delivers, before the confirmation is stored.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime

from adapters.runtime import build_runtime
from adapters.settings import load_settings
from bot.messages import Reply
from bot.model import Identity, Platform
from bot.ports.clock import SimulatedClock


class KillingSender:
    def __init__(self, kill_after: int) -> None:
        self.kill_after = kill_after
        self.sent = 0

    def send(self, to: Identity, reply: Reply) -> None:
        print(f"SENT {reply.checkpoint_id}", flush=True)
        self.sent += 1
        if self.sent == self.kill_after:
            os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    url, start, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    settings = load_settings(database_url=url, timezone="America/New_York")
    runtime = build_runtime(settings, SimulatedClock(datetime.fromisoformat(start)))
    deliverer = runtime.start_delivery({Platform.CONSOLE: KillingSender(kill_after)},
                                       background=False)
    deliverer.recover()
    deliverer.deliver_due()
    runtime.stop()


if __name__ == "__main__":
    main()
