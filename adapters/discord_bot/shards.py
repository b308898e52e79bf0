"""What one bot process is among the shards the gateway is split into.

Discord sends DMs, and interactions from DMs, only to shard 0; server events go to the
shard `(guild_id >> 22) % shard_count`. Every shard gets slash commands used in its
servers and every process may deliver reminders (claims are atomic in the database), but
only one registers the commands at start: N processes replacing the same registration
at once would only spend the rate limit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ShardRole:
    """`shard_id`/`shard_count` None: the process holds the whole gateway alone."""

    shard_id: int | None = None
    shard_count: int | None = None

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    @property
    def receives_dms(self) -> bool:
        """DMs and DM interactions arrive here: unsharded, or shard 0."""
        return not self.shard_id

    @property
    def registers_commands(self) -> bool:
        return not self.shard_id

    def describe(self) -> str:
        """For log lines and /healthz: `shard 1 of 4 (servers only)`."""
        if not self.sharded:
            return "the only shard (servers and DMs)"
        what = "servers and DMs" if self.receives_dms else "servers only"
        return f"shard {self.shard_id} of {self.shard_count} ({what})"

    def identify_delay(self, max_concurrency: int, spacing: float) -> float:
        """Seconds to wait before the first IDENTIFY, so N processes started together
        keep Discord's rule: one IDENTIFY per `spacing` (5 s) per bucket, where shard k
        is in bucket k % max_concurrency."""
        if not self.shard_id:
            return 0.0
        return (self.shard_id // max(1, max_concurrency)) * spacing

    def advice(self, recommended: int) -> str | None:
        """What to tell the operator when Discord recommends more shards than this runs."""
        running = self.shard_count or 1
        if recommended <= running:
            return None
        return (f"Discord recommends {recommended} shards but this bot runs {running}: "
                f"run {recommended} processes with DISCORD_SHARD_COUNT={recommended} and "
                "DISCORD_SHARD_ID=0…"
                f"{recommended - 1} (docs/discord.md, Sharding)")
