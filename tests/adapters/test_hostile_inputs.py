"""Hostile input on both platforms: no crash, no live mention, no markdown injection.

A few hundred lines of `tests/hostile.py`'s seeded corpus, through the real Bolt app over
signed HTTP and through the real discord.py client against the REST stand-in;
`python -m bench.faults hostile-slack hostile-discord` runs 10,000 of each.
"""

from __future__ import annotations

import pytest

from tests.hostile import dumps, run_discord, run_slack, verdict

COUNT = 300


@pytest.mark.parametrize("run", [run_slack, run_discord], ids=["slack", "discord"])
def test_hostile_input_crashes_nothing_pings_nobody_and_injects_no_markdown(run) -> None:
    result = run(COUNT)
    print("\n" + dumps(result))
    assert verdict(result) == {"crashes": 0, "live_mentions": 0, "markdown_injections": 0}, \
        result
    assert result["findings"]["posts"] >= COUNT  # every input was answered
