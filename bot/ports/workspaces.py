"""Workspaces the bot was removed from: a Slack team that uninstalled it, a Discord server
that removed it. Declared here so adapters and the clock speak of it without SQLAlchemy."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.model import Platform


class Workspaces(Protocol):
    def workspace_left(self, platform: Platform, workspace: str, now: datetime,
                       purge_after: datetime) -> dict[str, int]:
        """Record that the bot left: from now on nothing is sent there. Cancels, in the
        same transaction, the pending reminders of the people who use the bot from that
        workspace and the club posts of its channels. Returns counts by kind cancelled.
        Leaving again keeps the first `purge_after`."""
        ...

    def workspace_back(self, platform: Platform, workspace: str) -> bool:
        """The bot was added again before the purge: its data stays. False if it had not
        left."""
        ...

    def has_left(self, platform: Platform, workspace: str) -> bool: ...

    def purge_departed(self, now: datetime) -> dict[str, int]:
        """Delete the data of every workspace whose grace period is over: its clubs, and
        the people whose every identity is there (a person reached elsewhere too keeps
        theirs). Returns counts by kind deleted."""
        ...
