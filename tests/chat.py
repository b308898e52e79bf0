"""Talking to the coach from a test, as errbot's `testbot` does for a bot: push a line, read
the reply; move the simulated clock, read what was delivered.

A `Chat` is one person's conversation with a running core (`Runtime`): it sends what
they type or press through the real Coach, and `wait` moves the simulated clock through
the real Deliverer. An `Inbox` is the sender that keeps what was delivered. The fixtures
in `tests/conftest.py` (`chat`, `db_chat`) hand a test both, wired together.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from bot.delivery.deliverer import Delivered
from bot.messages import ActionId, Inbound, Reply
from bot.model import Checkpoint, Identity, Interview, Platform
from bot.ports.clock import Clock

#: Who a chat speaks as unless told otherwise: someone at the terminal.
ME = Identity(Platform.CONSOLE, "local", "alex")
#: The README's one-line add: two interviewers, and a promise to decide by Friday.
ACME = "add Acme, data analyst, today 2pm with Jane Smith and Bob Lee, they'll decide by Friday"


def text_of(replies: list[Reply]) -> str:
    """What a person reads of `replies`: each one's plain text, a line apart."""
    return "\n".join(r.plain for r in replies)


@contextmanager
def running(settings: Settings, clock: Clock) -> Iterator[Runtime]:
    """A runtime (a process's worth of the core) on `settings`, stopped afterwards."""
    runtime = build_runtime(settings, clock)
    try:
        yield runtime
    finally:
        runtime.stop()


def wait_until(runtime: Runtime, target: datetime) -> None:
    """Move the simulated clock to `target`, delivering everything as it falls due."""
    assert runtime.deliverer is not None, "start delivery first (the chat fixtures do)"
    runtime.deliverer.advance_to(target)


class Inbox:
    """A sender that keeps what was delivered, standing in for a person's DM list."""

    def __init__(self) -> None:
        self.messages: list[Delivered] = []

    def send(self, to: Identity, reply: Reply) -> None:  # Sender protocol
        pass  # the Deliverer reports what went out through `Runtime.on_delivered`

    def deliver_to(self, runtime: Runtime) -> Inbox:
        """Start `runtime`'s delivery (on the simulated clock, no background thread),
        sending the terminal's and Slack's reminders here."""
        runtime.on_delivered = self.messages.append
        runtime.start_delivery({Platform.CONSOLE: self, Platform.SLACK: self}, background=False)
        return self


@dataclass(frozen=True)
class Chat:
    """`who`'s conversation with the coach in `runtime`, their platform reporting
    `platform_tz` with every line they type. `inbox` keeps what was delivered, where
    the chat's delivery goes to one."""

    runtime: Runtime
    who: Identity = ME
    platform_tz: str | None = "America/New_York"
    inbox: Inbox | None = None

    @classmethod
    def delivering(cls, runtime: Runtime) -> Chat:
        """ME's chat with `runtime`, whose delivery starts now and lands in an Inbox."""
        return cls(runtime, inbox=Inbox().deliver_to(runtime))

    def say(self, text: str, **inbound: Any) -> list[Reply]:
        """`who` types `text` (more `Inbound` fields, a channel or `command=True`, may
        come along); the coach's replies."""
        fields = {"platform_tz": self.platform_tz, **inbound}
        return self.runtime.coach.handle(Inbound(identity=self.who, text=text, **fields))

    def press(self, action: ActionId, value: str, **inbound: Any) -> list[Reply]:
        """`who` presses the button for `action` carrying `value`; the coach's replies."""
        return self.runtime.coach.handle(Inbound(identity=self.who, action=action,
                                                 value=value, **inbound))

    def text(self, text: str, **inbound: Any) -> str:
        """What `who` reads back after typing `text`."""
        return text_of(self.say(text, **inbound))

    def wait(self, span: timedelta) -> None:
        """Let `span` pass on the simulated clock, delivering each reminder as it falls due."""
        self.wait_until(self.runtime.clock.now() + span)

    def wait_until(self, target: datetime) -> None:
        wait_until(self.runtime, target)

    @property
    def delivered(self) -> list[Delivered]:
        """What the inbox received so far, oldest first."""
        assert self.inbox is not None, "this chat's deliveries go elsewhere"
        return self.inbox.messages

    def by(self, who: Identity | None = None, **changes: Any) -> Chat:
        """The same runtime (and inbox) with someone else typing, or other defaults."""
        return replace(self, who=who or self.who, **changes)

    def checkpoints(self, number: int = 1) -> tuple[Interview, list[Checkpoint]]:
        """`who`'s interview #`number` and its checkpoints, as stored."""
        repo = self.runtime.repo
        person = repo.person_for(self.who, "America/New_York", self.runtime.settings.quiet)
        interview = repo.find_interview(person.id, number)
        assert interview is not None
        return interview, repo.checkpoints_for(interview.id)
