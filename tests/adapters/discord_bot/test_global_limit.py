"""Every Discord process on PostgreSQL sends within one budget: the gateway process and
each clock draw their request slots from the same row, keyed by the token's hash, and a
429 Discord answers anyway is still honoured with its Retry-After.

The schedule the shared budget hands out is checked in tests/storage/test_request_budget.py;
the rate reached in real time by four processes in bench/global_limit.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from adapters.discord_bot.client import build_client, discord_budget, discord_sender
from adapters.discord_bot.sender import DiscordSender, StandaloneDiscordSender
from adapters.runtime import Runtime
from adapters.senders import platform_senders
from adapters.settings import Settings
from bot.delivery.budget import LocalBudget, budget_key
from bot.messages import Reply
from bot.model import Identity, Platform
from bot.ports.clock import SimulatedClock
from bot.ports.sender import SendFailed
from storage.models import RequestBudgetRow
from storage.request_budget import SharedBudget
from tests.chat import running
from tests.standins.discord_api import DISCORD_TOKEN, DiscordApiStandIn

ADA = 4_242_424_242_424_242
ADA_ID = Identity(Platform.DISCORD, "dm", str(ADA))
MESSAGES = r"^/channels/\d+/messages$"


@pytest.fixture
def pg_settings(discord_settings: Settings, pg_url: str) -> Settings:
    return discord_settings.model_copy(update={"database_url": pg_url})


@pytest.fixture
def processes(pg_settings: Settings, clock: SimulatedClock) -> Iterator[list[Runtime]]:
    """Two processes' worth of the core on one PostgreSQL database."""
    with running(pg_settings, clock) as first, running(pg_settings, clock) as second:
        yield [first, second]


@pytest.fixture
def clock_sender(processes: list[Runtime]) -> Iterator[StandaloneDiscordSender]:
    sender = platform_senders(processes[1])[Platform.DISCORD]
    assert isinstance(sender, StandaloneDiscordSender)
    yield sender
    sender.close()


def test_the_gateway_and_the_clock_process_draw_on_one_budget_keyed_by_a_hash(
        processes: list[Runtime], pg_settings: Settings, api: DiscordApiStandIn,
        clock_sender: StandaloneDiscordSender) -> None:
    gateway = build_client(processes[0], pg_settings).sender
    budgets = [gateway.pacer.budget, clock_sender.pacer.budget]
    assert all(isinstance(b, SharedBudget) for b in budgets)
    assert {b.key for b in budgets if isinstance(b, SharedBudget)} == \
        {budget_key("discord", DISCORD_TOKEN)}

    since = api.mark()
    clock_sender.send(ADA_ID, Reply(text="Time to call Acme"))
    assert [c.status for c in api.calls_since(since, "POST", MESSAGES)] == [200]
    with processes[0].repo.engine.connect() as connection:
        keys = list(connection.scalars(select(RequestBudgetRow.key)))
    assert keys == [budget_key("discord", DISCORD_TOKEN)]  # the login and the DM: one row


def test_on_sqlite_a_process_paces_itself(runtime: Runtime,
                                          discord_settings: Settings) -> None:
    assert discord_budget(runtime, discord_settings) is None
    sender = discord_sender(discord_settings, runtime.repo)
    assert isinstance(sender, DiscordSender)
    assert isinstance(sender.pacer.budget, LocalBudget)


def test_a_short_429_is_still_waited_out_with_the_shared_budget(
        api: DiscordApiStandIn, clock_sender: StandaloneDiscordSender) -> None:
    # As Discord does, the stand-in refuses again a retry that comes before retry_after.
    api.rate_limit(1, retry_after=0.3, enforced=True)
    since = api.mark()
    clock_sender.send(ADA_ID, Reply(text="Time to call Acme"))
    assert [c.status for c in api.calls_since(since, "POST", MESSAGES)] == [429, 200]


def test_a_long_429_surfaces_with_discords_retry_after(
        api: DiscordApiStandIn, clock_sender: StandaloneDiscordSender) -> None:
    api.rate_limit(1, retry_after=120)
    with pytest.raises(SendFailed) as limited:
        clock_sender.send(ADA_ID, Reply(text="Time to call Acme"))
    assert limited.value.retry_after == 120 and not limited.value.permanent
