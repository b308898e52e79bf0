"""The request budget in the database, so every process sending with one bot token
shares Discord's 50 a second (see `bot.ports.request_budget`).

One row per token hash holds a lending token bucket (`bot.delivery.budget.take`). A take
is one UPDATE … RETURNING: PostgreSQL's row lock orders concurrent takers, each is lent
the next free slot and told how long to wait for it. Time is the database's own clock,
which every process and machine reads alike; tests may pass a clock of their own.
SQLite serves a single process, which paces itself in memory (`LocalBudget`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, text

from bot.ports.request_budget import RequestBudget

#: Made once per process; a row already there (another process's) is kept as it is.
CREATE = text("""
    INSERT INTO request_budgets (key, tokens, stamp)
    VALUES (:key, :burst, COALESCE(CAST(:now AS double precision),
                                   EXTRACT(EPOCH FROM clock_timestamp())))
    ON CONFLICT (key) DO NOTHING
""")

#: `bot.delivery.budget.take` in SQL: refill by the time elapsed (never by a clock that
#: went back), cap at `burst`, take one, possibly lent ahead.
TAKE = text("""
    UPDATE request_budgets AS b
    SET tokens = LEAST(CAST(:burst AS double precision),
                       b.tokens + GREATEST(n.now - b.stamp, 0) * :rate) - 1,
        stamp = GREATEST(b.stamp, n.now)
    FROM (SELECT COALESCE(CAST(:now AS double precision),
                          EXTRACT(EPOCH FROM clock_timestamp())) AS now) AS n
    WHERE b.key = :key
    RETURNING b.tokens, b.stamp, n.now
""")


@dataclass(frozen=True, slots=True)
class Grant:
    """One take, on the database's clock: the request may go at `slot`."""

    now: float
    slot: float

    @property
    def wait(self) -> float:
        return max(self.slot - self.now, 0.0)


class SharedBudget:
    """A `RequestBudget` in PostgreSQL, shared by every process with the same `key`."""

    blocking = True

    def __init__(self, engine: Engine, key: str, *, rate: float, burst: float,
                 clock: Callable[[], float] | None = None) -> None:
        if len(key) != 64:
            raise ValueError("a budget key is a SHA-256 hex digest (bot.delivery.budget)")
        self.engine = engine
        self.key = key
        self.rate = rate
        self.burst = float(burst)
        self.clock = clock  # None: the database's clock
        self._created = False

    def reserve(self) -> float:
        return self.take().wait

    def take(self) -> Grant:
        """Take one slot; when it is, on the budget's clock."""
        now = None if self.clock is None else self.clock()
        params = {"key": self.key, "rate": self.rate, "burst": self.burst, "now": now}
        with self.engine.begin() as connection:
            if not self._created:
                connection.execute(CREATE, params)
            tokens, stamp, at = connection.execute(TAKE, params).one()
        self._created = True
        return Grant(float(at), float(stamp) + max(-float(tokens), 0.0) / self.rate)


def shared_budget(engine: Engine, key: str, *, rate: float, burst: float
                  ) -> RequestBudget | None:
    """The budget shared by the processes using `engine`'s database: on PostgreSQL.
    None on SQLite, whose one process paces itself in memory."""
    if engine.dialect.name == "postgresql":
        return SharedBudget(engine, key, rate=rate, burst=burst)
    return None
