"""The Procfile's `web` and `clock` processes, as the Procfile starts them, on a real
PostgreSQL with the Slack stand-in: kill -9 of each mid-burst, and a database outage.

Small sizes for CI; `bench/faults.py` runs the same scenarios (`tests/procfile.py`) at
the issue's sizes and reports their durations in docs/RELIABILITY.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.slack.inbox import ANSWERERS
from tests.procfile import (
    CONCURRENCY,
    Deployment,
    database_outage,
    kill_mid_burst,
    proxied,
    summary,
)
from tests.standins.slack_api import SlackApiStandIn

BURST = 30


@pytest.fixture
def deployment(tmp_path: Path, pg_url: str) -> Iterator[Deployment]:
    api = SlackApiStandIn().start()
    running = Deployment(tmp_path, pg_url, api)
    yield running
    running.stop()
    api.stop()


@pytest.mark.parametrize("victim", ["clock", "answer", "web"])
def test_kill_9_of_a_procfile_process_mid_burst_loses_nothing(
        deployment: Deployment, victim: str) -> None:
    burst = kill_mid_burst(deployment, victim, BURST)
    seen = summary(burst, deployment.api)
    print(f"\nkill -9 {victim} mid-burst: {seen}")
    assert burst.sent == BURST and set(burst.statuses) == {200}, seen
    assert burst.refused == 0 and burst.lost(deployment.api) == 0, seen
    # At most the commands in flight are answered twice: those the killed clock (or
    # answer process) was answering (one per answerer, `ANSWERERS` side by side); those
    # the killed web process stored but never acked (Slack's retry of each is told what
    # the first did).
    assert burst.repeated(deployment.api) <= (CONCURRENCY if victim == "web"
                                              else ANSWERERS), seen
    assert deployment.interviews() == BURST  # each applied once, Slack's retries too
    assert "Traceback" not in deployment.output()


def test_a_database_outage_under_load_is_no_5xx_one_line_each_way_and_nothing_lost(
        tmp_path: Path, pg_url: str) -> None:
    api = SlackApiStandIn().start()
    with proxied(pg_url) as (url, proxy):
        deployment = Deployment(tmp_path, url, api)
        try:
            outage = database_outage(deployment, proxy, seconds=3.0)
        finally:
            deployment.stop()
            api.stop()
    seen = summary(outage.burst, api)
    print(f"\n{outage.seconds:.0f} s database outage: {seen}; lines: {outage.lines}")
    assert set(outage.burst.statuses) == {200}, seen  # no 5xx
    assert outage.burst.lost(api) == 0 and outage.burst.repeated(api) == 0, seen
    assert "Traceback" not in deployment.output()
    for name, lines in outage.lines.items():
        # One line each way from each part that met it: web's inbox writer; the clock's
        # inbox worker, (if it polled meanwhile) its scheduler, and (if the outage hit a
        # command being applied) its coach.
        down = [line for line in lines if "is unavailable (" in line]
        back = [line for line in lines if "is back after" in line]
        assert 1 <= len(down) == len(back) <= (1 if name == "web" else 3), (name, lines)
        assert len(lines) == len(down) + len(back), (name, lines)
