"""BEFORE, measured by the benchmark only: the delivery design this session replaced.

The product now sends on the Slack sender's event loop over connections it keeps open,
and shares the check before and the confirmation after each send among the senders that
arrive together (`bot.delivery.settling`). To show the change in the same run, this rebuilds the
previous design from today's parts: the Deliverer's thread path (one reminder per sender
thread), slack_sdk's `WebClient` (a new connection for every message), one transaction
for each check and each confirmation, and a ping of every pooled PostgreSQL connection
before each transaction (`pool_pre_ping`; the product now pings only idle ones).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, event

from adapters.settings import Settings
from adapters.slack.sender import as_send_failed, post_reply, web_client
from bot.delivery.deliverer import Deliverer
from bot.messages import Reply
from bot.model import Identity
from bot.ports.sender import Sender, SendFailed

VARIANTS = ("product", "before")


class WebClientSender:
    """The previous `SlackSender`: a blocking `chat.postMessage` per reminder."""

    def __init__(self, settings: Settings) -> None:
        self.client = web_client(settings, retry_handlers=[])

    def send(self, to: Identity, reply: Reply) -> None:
        from slack_sdk.errors import SlackClientError

        try:
            post_reply(self.client, to.user, reply)
        except SlackClientError as exc:
            raise as_send_failed(exc) from None
        except OSError as exc:
            raise SendFailed(f"slack unreachable ({type(exc).__name__})") from None


class OneByOne:
    """`bot.delivery.settling.Settler`'s interface, with a transaction per call (nothing shared)."""

    def __init__(self, settle: Callable[[Sequence[tuple[int, datetime]], Sequence[int]],
                                        set[int]]) -> None:
        self._settle = settle

    def still_wanted(self, checkpoint_id: int) -> bool:
        return checkpoint_id in self._settle([], [checkpoint_id])

    def confirm(self, checkpoint_id: int, at: datetime) -> None:
        self._settle([(checkpoint_id, at)], [])


def make_deliverer(variant: str) -> Callable[..., Deliverer]:
    """A factory with `Deliverer`'s signature for one of `VARIANTS`."""
    if variant == "product":
        return Deliverer

    def before(*args: Any, **kwargs: Any) -> Deliverer:
        deliverer = Deliverer(*args, **kwargs)
        deliverer._settler = OneByOne(deliverer.repo.settle)  # type: ignore[assignment]
        ping_every_checkout(deliverer.repo.engine)
        return deliverer

    return before


def ping_every_checkout(engine: Engine) -> None:
    """What `pool_pre_ping=True` did: a round trip before every PostgreSQL transaction."""
    if engine.dialect.name != "postgresql":
        return

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        engine.dialect.do_ping(dbapi_connection)


def make_sender(variant: str, settings: Settings) -> Sender:
    from adapters.slack.sender import slack_sender

    return slack_sender(settings) if variant == "product" else WebClientSender(settings)
