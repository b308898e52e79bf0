"""The neutral sender interface each adapter implements to deliver reminders."""

from __future__ import annotations

import asyncio
from typing import Protocol, runtime_checkable

from bot.messages import Reply
from bot.model import ChannelRef, Identity


class SendFailed(Exception):
    """A reminder could not be delivered now.

    `retry_after` is the platform's own wait in seconds (a 429); `permanent` means
    retrying cannot help (the user left the workspace), so the checkpoint is parked.
    """

    def __init__(
        self, reason: str, *, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.permanent = permanent


class Sender(Protocol):
    def send(self, to: Identity, reply: Reply) -> None:
        """Deliver one reply to a person's DM; raise `SendFailed` when it did not go."""
        ...


class ChannelSender(Protocol):
    """A sender that can also post in a shared channel (clubs); adapters add `post`."""

    def send(self, to: Identity, reply: Reply) -> None: ...

    def post(self, where: ChannelRef, reply: Reply) -> None:
        """Post one reply in a channel; raise `SendFailed` when it did not go."""
        ...


@runtime_checkable
class AsyncSender(Protocol):
    """A sender whose posts are coroutines on an event loop it owns.

    The Deliverer then sends many reminders at once on that loop (`send_async`) instead
    of one per thread, which spares a thread hand-over per message.
    """

    def send(self, to: Identity, reply: Reply) -> None: ...

    def event_loop(self) -> asyncio.AbstractEventLoop:
        """The running loop `send_async` must be awaited on (started if need be)."""
        ...

    async def send_async(self, to: Identity, reply: Reply) -> None:
        """`send`, as a coroutine on `event_loop()`."""
        ...
