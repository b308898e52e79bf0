"""Benchmark 3: many Discord DMs due at once against a global limit of 50 requests/s.

The real delivery path of the `followup-bot clock` process: `Deliverer` with
`adapters.discord_bot.client.discord_sender` (discord.py, REST only), pointed at the Discord
stand-in with `DISCORD_API_URL`. The stand-in lets 50 requests through per one-second
window and answers the rest 429 with `{"retry_after": s, "global": true}` and a
`Retry-After` header. Measured: total time against the theoretical minimum
(DMs ÷ limit), messages lost or repeated, and how many 429s the bot provoked.

The main figure is the steady state: every person has been written to before (an
interview brings about six reminders and only the first DM to someone opens a channel),
so each identity is seeded with a stored DM channel and a DM is one request. A smaller
first-contact run (`first_contact`: people never written to, no stored channel) shows
the other case: two requests per DM, and the channel kept afterwards.

The clock starts at the seeded "now" and runs in real time, so a reminder put back
with Discord's Retry-After falls due again, as in production.
Child mode: `python -m bench.pacing bot …`.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from bench import seed
from bench.delivery import RealTimeFrom, state_counts, timeline
from bench.standins import StandIn
from bench.worker import emit, run_worker
from bot.model import Platform

LIMIT = 50  # requests per second, Discord's global limit for a bot
#: Stored DM channel ids of seeded person n: snowflake-sized, distinct from user ids.
CHANNEL_BASE = 1_300_000_000_000_000_000


@dataclass
class Pacing:
    count: int
    limit: int
    seconds: float  # from the first claim until the last DM was accepted
    messages: int
    distinct: int
    duplicates: int
    requests: int  # every request the bot made, 429s included
    rate_limited: int  # answered 429
    dm_channel_requests: int  # POST /users/@me/channels (opening a DM channel)
    sent: int
    pending: int
    sending: int
    capped: bool
    stored_channels: int = 0  # identities seeded with a known DM channel
    channels_after: int = 0  # identities with a stored DM channel once the run ended
    timeline: list[int] = field(default_factory=list)  # DMs accepted in each second
    #: The first-contact run (no stored channels), as this record's JSON; None if skipped.
    first_contact: dict[str, Any] | None = None

    @property
    def floor_seconds(self) -> float:
        """The theoretical minimum: one request per DM at the limit."""
        return self.count / self.limit

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds if self.floor_seconds else 0.0

    @property
    def request_floor_seconds(self) -> float:
        """The minimum for the requests the bot actually needed (429s excluded)."""
        return (self.requests - self.rate_limited) / self.limit

    @property
    def lost(self) -> int:
        return self.count - self.distinct - self.pending

    @property
    def requests_per_dm(self) -> float:
        """Requests each accepted DM cost, 429s excluded: 1 with a stored channel."""
        return (self.requests - self.rate_limited) / max(self.messages, 1)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def run(count: int, *, cap: float, log: Callable[[str], None] = print,
        first_contact: int | None = None) -> Pacing:
    """The steady state (`count` people with stored DM channels), then `first_contact`
    people never written to (default: a tenth of `count`; 0 skips it)."""
    result = measure(count, cap=cap, log=log, stored=True)
    first = max(count // 10, 1) if first_contact is None else first_contact
    if first > 0:
        result.first_contact = measure(first, cap=cap, log=log, stored=False).as_json()
    return result


def store_channels(url: str) -> int:
    """Give every seeded identity a known DM channel, as after an earlier DM to them."""
    from sqlalchemy import bindparam, select, update

    from storage.database import make_engine
    from storage.models import IdentityRow

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            ids = list(connection.scalars(select(IdentityRow.id)))
            if ids:
                connection.execute(
                    update(IdentityRow).where(IdentityRow.id == bindparam("b_id"))
                    .values(dm_channel=bindparam("b_channel")),
                    [{"b_id": n, "b_channel": str(CHANNEL_BASE + n)} for n in ids])
    finally:
        engine.dispose()
    return len(ids)


def measure(count: int, *, cap: float, log: Callable[[str], None] = print,
            stored: bool = True) -> Pacing:
    """One run: `count` DMs due at once, to people with (`stored`) or without a known
    DM channel. The stand-in accepts a message to any channel id, the seeded ones too."""
    kind = "known DM channels" if stored else "first contact, no stored channel"
    with StandIn("discord", limit=LIMIT, lifetime=cap + 600) as api, \
            TemporaryDirectory(prefix="followup-bench-") as folder:
        url = f"sqlite:///{Path(folder) / 'pacing.db'}"
        seed.due_reminders(url, count, Platform.DISCORD)
        channels = store_channels(url) if stored else 0
        log(f"  pacing: {count:,} Discord DMs due at once ({kind}), limit {LIMIT}/s "
            f"(floor {count / LIMIT:.0f} s)")
        answer = run_worker("bench.pacing", ["bot", "--url", url, "--api", api.url,
                                             "--count", str(count), "--cap", str(cap)],
                            timeout=cap + 300,
                            name=f"pacing-{count}" + ("" if stored else "-first"))
        stats = api.stats()
    seen = Counter(int(i) for i in stats["ids"])
    result = Pacing(
        count=count, limit=LIMIT, seconds=float(answer["seconds"]),
        messages=int(stats["messages"]), distinct=len(seen),
        duplicates=sum(1 for n in seen.values() if n > 1), requests=int(stats["requests"]),
        rate_limited=int(stats["rate_limited"]),
        dm_channel_requests=int(stats["by_path"].get("/api/v10/users/@me/channels", 0)),
        sent=int(answer["sent"]), pending=int(answer["pending"]),
        sending=int(answer["sending"]), capped=bool(answer["capped"]),
        stored_channels=channels, channels_after=int(answer.get("channels", 0)),
        timeline=timeline(stats),
    )
    log(f"    {result.seconds:.0f} s = {result.ratio:.2f}× the floor; "
        f"{result.requests:,} requests ({result.requests_per_dm:.2f} per DM, "
        f"{result.dm_channel_requests:,} channel opens); {result.rate_limited} × 429; "
        f"lost {result.lost}, repeated {result.duplicates}; "
        f"{result.channels_after:,} channels stored after")
    return result


def bot_child(url: str, api: str, count: int, cap: float) -> dict[str, Any]:
    from adapters.discord_bot.client import discord_sender
    from adapters.runtime import build_runtime, configure_logging
    from adapters.settings import load_settings

    settings = load_settings(database_url=url, timezone="America/New_York",
                             quiet_hours="21:00-08:00", discord_token="bench-not-a-token",
                             discord_api_url=api, log_level="INFO", delivery="off")
    configure_logging(settings.log_level)
    runtime = build_runtime(settings, RealTimeFrom(seed.NOW))
    sender = discord_sender(settings, runtime.repo)
    deliverer = runtime.start_delivery({Platform.DISCORD: sender}, background=False)
    started = time.perf_counter()
    deadline = started + cap
    delivered, last = 0, started
    for _ in range(100_000):  # bounded in count and, below, in time
        sent = deliverer.deliver_due()
        if sent:
            delivered, last = delivered + sent, time.perf_counter()
        if delivered >= count or time.perf_counter() > deadline:
            break
        if not sent:
            due = deliverer.next_due()
            wait = 1.0 if due is None else (due - runtime.clock.now()).total_seconds()
            time.sleep(min(max(wait, 0.01), 1.0))
    answer: dict[str, Any] = {"seconds": last - started, "delivered": delivered,
                              "capped": delivered < count}
    answer.update({k: v for k, v in state_counts(runtime.repo.engine).items()
                   if k in ("sent", "pending", "sending")})
    answer.setdefault("pending", 0)
    answer.setdefault("sending", 0)
    answer.setdefault("sent", 0)
    close = getattr(sender, "close", None)  # the sender stores new channels until here
    if close is not None:
        close()
    answer["channels"] = stored_channel_count(runtime.repo.engine)
    runtime.stop()
    return answer


def stored_channel_count(engine: Any) -> int:
    from sqlalchemy import func, select

    from storage.models import IdentityRow

    with engine.connect() as connection:
        return int(connection.scalar(select(func.count())
                                     .where(IdentityRow.dm_channel.is_not(None))) or 0)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="the pacing measurement (child process)")
    parser.add_argument("mode", choices=["bot"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--cap", type=float, required=True)
    args = parser.parse_args(argv)
    emit(bot_child(args.url, args.api, args.count, args.cap))


if __name__ == "__main__":
    main()
