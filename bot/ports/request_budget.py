"""The request budget a platform grants the whole bot: Discord allows 50 requests a second
per bot token, however many processes share that token.

Each request first reserves its slot; the answer is how long to wait before sending.
Reservations are served in the order they were made, so nobody polls and nobody is
starved. A single process keeps the budget in memory (`bot.delivery.budget.LocalBudget`);
several processes keep it in the database, which every one of them sees
(`storage.request_budget`).
"""

from __future__ import annotations

from typing import Protocol


class RequestBudget(Protocol):
    #: True when `reserve` asks the database: an event loop runs it in a thread.
    blocking: bool

    def reserve(self) -> float:
        """Take one request's slot; the seconds to wait before sending it (0: at once)."""
        ...
