"""Fixtures shared by the core's tests."""

from __future__ import annotations

import pytest

from adapters.runtime import Runtime
from bot.delivery.deliverer import Delivered
from bot.messages import Reply
from bot.model import Identity, Platform


class Inbox:
    """A sender that keeps what it was given, standing in for a user's DM list."""

    def __init__(self) -> None:
        self.messages: list[Delivered] = []

    def send(self, to: Identity, reply: Reply) -> None:  # Sender protocol
        pass


@pytest.fixture
def inbox(runtime: Runtime) -> Inbox:
    box = Inbox()
    runtime.on_delivered = box.messages.append
    runtime.start_delivery({Platform.CONSOLE: box, Platform.SLACK: box}, background=False)
    return box
