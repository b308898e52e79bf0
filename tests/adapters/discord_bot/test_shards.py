"""What a shard process knows of its role, and how long it waits to identify."""

from __future__ import annotations

from itertools import islice

from adapters.discord_bot.connecting import Backoff
from adapters.discord_bot.shards import ShardRole


def test_only_shard_0_gets_dms_and_registers_commands() -> None:
    alone, zero, two = ShardRole(), ShardRole(0, 4), ShardRole(2, 4)
    assert alone.receives_dms and alone.registers_commands and not alone.sharded
    assert zero.receives_dms and zero.registers_commands
    assert not two.receives_dms and not two.registers_commands
    assert two.describe() == "shard 2 of 4 (servers only)"


def test_shards_started_together_identify_one_per_bucket_at_a_time() -> None:
    waits = [ShardRole(k, 6).identify_delay(max_concurrency=2, spacing=5.0) for k in range(6)]
    assert waits == [0.0, 0.0, 5.0, 5.0, 10.0, 10.0]


def test_more_shards_recommended_than_run_is_advice_naming_the_settings() -> None:
    assert ShardRole(0, 2).advice(2) is None
    advice = ShardRole().advice(3)
    assert advice is not None and "DISCORD_SHARD_COUNT=3" in advice


def test_backoff_doubles_up_to_its_cap() -> None:
    assert list(islice(Backoff(0.5, 3.0).delays(), 5)) == [0.5, 1.0, 2.0, 3.0, 3.0]
