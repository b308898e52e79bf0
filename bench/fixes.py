"""PROPOSED FIX, measured by the benchmark only: this is not the product's code.

After the product started reading each claimed batch at once, the delivery profile's
largest single cost is `confirm_sent`: one write transaction per reminder. This variant
of `bot.delivery.Deliverer` confirms up to `CONFIRM_GROUP` sent reminders in one UPDATE
(and whatever is left at the end of each batch). The trade-off is in the guarantee: a
crash may then repeat up to that many messages (plus those in flight) instead of one.
The report shows it beside the product so the lead can decide.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update

from bot.delivery import Deliverer, Outgoing
from bot.model import Checkpoint, CheckpointState
from storage.models import CheckpointRow
from storage.repository import SqlRepository

CONFIRM_GROUP = 50
VARIANTS = ("product", "grouped-confirms")


def confirm_many(repo: SqlRepository, ids: Sequence[int], at: datetime) -> None:
    """SENDING -> SENT for many checkpoints in one write transaction."""
    if not ids:
        return
    with repo._session(write=True) as session:
        session.execute(
            update(CheckpointRow)
            .where(CheckpointRow.id.in_(list(ids)),
                   CheckpointRow.state == CheckpointState.SENDING)
            .values(state=CheckpointState.SENT, sent_at=at),
            execution_options={"synchronize_session": False})


class GroupedConfirms(Deliverer):
    """`Deliverer` that confirms sent reminders in groups (see the module docstring)."""

    def __init__(self, *args: Any, group: int = CONFIRM_GROUP, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        self._sent: list[int] = []
        self._sent_lock = threading.Lock()
        self._in_send = threading.local()

    def _deliver_batch(self, batch: list[Checkpoint], now: datetime) -> int:
        sent = super()._deliver_batch(batch, now)
        self._flush(now)
        return sent

    def _send(self, out: Outgoing, now: datetime) -> int:
        # The product's own send, with its confirm (below) deferred into a group.
        self._in_send.outgoing = out
        try:
            return super()._send(out, now)
        finally:
            self._in_send.outgoing = None

    def _flush(self, at: datetime, *, at_least: int = 1) -> None:
        """Confirm the group; the product's `_send` already logged each one."""
        with self._sent_lock:
            if len(self._sent) < at_least:
                return
            done, self._sent = self._sent, []
        confirm_many(self.repo._repo, done, at)  # type: ignore[attr-defined]


class _DeferredRepo:
    """Wraps the repository so `confirm_sent` from `Deliverer._send` joins a group."""

    def __init__(self, repo: SqlRepository, owner: GroupedConfirms) -> None:
        self._repo = repo
        self._owner = owner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._repo, name)

    def confirm_sent(self, checkpoint_id: int, at: datetime) -> None:
        owner = self._owner
        out: Outgoing | None = getattr(owner._in_send, "outgoing", None)
        if out is None or out.checkpoint.id != checkpoint_id:
            self._repo.confirm_sent(checkpoint_id, at)
            return
        with owner._sent_lock:
            owner._sent.append(checkpoint_id)
        owner._flush(at, at_least=owner.group)


def make_deliverer(variant: str) -> Callable[..., Deliverer]:
    """A factory with `Deliverer`'s signature for one of `VARIANTS`."""
    if variant == "product":
        return Deliverer

    def grouped(repo: SqlRepository, *args: Any, **kwargs: Any) -> Deliverer:
        deliverer = GroupedConfirms(repo, *args, **kwargs)
        deliverer.repo = _DeferredRepo(repo, deliverer)  # type: ignore[assignment]
        return deliverer

    return grouped
