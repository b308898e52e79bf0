"""A delivery process for the crash tests: it may SIGKILL itself right after a send.

Run as `python -m tests.bot.delivery.crash_worker DB_URL START_ISO KILL_AFTER [loop]`;
prints one `SENT <checkpoint id>` line per message it delivers, before the confirmation
is stored. With `loop`, it sends as the Slack sender does, on an event loop of its own
(`AsyncSender`), one lane at a time, so each confirmation rides with the next check
(`Deliverer._send_async`); otherwise one message at a time, on the simulated clock's path.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from datetime import datetime

from adapters.runtime import build_runtime
from adapters.settings import load_settings
from bot.delivery.deliverer import Deliverer
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


class KillingLoopSender(KillingSender):
    """The same, sending on an event loop in a thread of its own."""

    def __init__(self, kill_after: int) -> None:
        super().__init__(kill_after)
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def event_loop(self) -> asyncio.AbstractEventLoop:
        return self.loop

    async def send_async(self, to: Identity, reply: Reply) -> None:
        self.send(to, reply)


def main() -> None:
    url, start, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    on_loop = sys.argv[4:] == ["loop"]
    settings = load_settings(database_url=url, timezone="America/New_York")
    runtime = build_runtime(settings, SimulatedClock(datetime.fromisoformat(start)))
    if on_loop:
        sender: KillingSender = KillingLoopSender(kill_after)
        deliverer = Deliverer(runtime.repo, runtime.clock, runtime.coach,
                              {Platform.CONSOLE: sender}, workers=4, lanes=1)
    else:
        deliverer = runtime.start_delivery({Platform.CONSOLE: KillingSender(kill_after)},
                                           background=False)
    deliverer.recover()
    deliverer.deliver_due()
    deliverer.close()
    runtime.stop()


if __name__ == "__main__":
    main()
