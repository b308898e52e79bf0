"""Requests already applied, and what they answered: so a repeat is applied once.

`storage/answers.py` implements it; `bot/conversation/once.py` uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """What a request answered when it was applied: its replies' texts, and when."""

    texts: tuple[str, ...]
    answered_at: datetime


class AnswerLog(Protocol):
    def answer_for(self, key: str) -> StoredAnswer | None:
        """What the request `key` answered, or None if it was never applied."""
        ...

    def record_answer(self, key: str, person_id: int, texts: tuple[str, ...],
                      at: datetime) -> None:
        """Inside the unit that applied it: `key` is applied and answered `texts`. The
        database refuses a second record of the same key."""
        ...
