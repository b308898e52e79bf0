"""BEFORE, measured by the benchmark only: the delivery design this session replaced.

The product now posts `chat.postMessage` itself on the Slack sender's kept session
(`adapters.slack.sender._Loop.post_message`), stores a lane's confirmation of one
reminder with the check of its next in one request (`AsyncSettler.confirm_and_check`),
hands the settle thread each loop turn's requests at once, logs one INFO line per batch,
and its process freezes its start-up objects out of the collector's scans
(`adapters.runtime.freeze_start_up`). To show the change in the same run, this rebuilds
the previous design from today's parts: slack_sdk's `AsyncWebClient.chat_postMessage`
on the same kept session, a check and a confirmation as two requests per reminder, one
hand-over to the settle thread per request, an INFO line per reminder, and no freeze
(`bench.delivery.bot_child` freezes for the product only). `RowsByName` (variant
"before25") and `SettledThroughSqlAlchemy` ("before26") rebuild later sessions' storage
in the same way, everything else the product's.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any, cast

from adapters.settings import Settings
from adapters.slack.sender import SlackSender, _Loop, as_send_failed, upload_files_async
from bot.delivery.deliverer import Deliverer, Outgoing
from bot.delivery.settling import AsyncSettler, _Request
from bot.messages import Reply
from bot.ports.sender import AsyncSender, Sender, SendFailed

VARIANTS = ("product", "before", "before25", "before26")
#: Variants whose process freezes its start-up objects, as the product's does.
FROZEN = ("product", "before25", "before26")


class ClientSender(SlackSender):
    """The previous `SlackSender`: each reminder through `AsyncWebClient.chat_postMessage`."""

    @staticmethod
    async def _post_async(running: _Loop, token: str, channel: str, reply: Reply) -> None:
        import aiohttp
        from slack_sdk.errors import SlackClientError

        from adapters.slack.blocks import message

        client = running.client(token)
        try:
            posted = await client.chat_postMessage(channel=channel, unfurl_links=False,
                                                   unfurl_media=False, **message(reply))
        except SlackClientError as exc:
            raise as_send_failed(exc) from None
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise SendFailed(f"slack unreachable ({type(exc).__name__})") from None
        if reply.files:
            await upload_files_async(client, str(posted.get("channel") or channel),
                                     reply.files)


class OneHandOverEach(AsyncSettler):
    """The previous `AsyncSettler`: each request handed to the settle thread on its own."""

    def _submit(self, sent: tuple[int, datetime] | None,
                check: int | None) -> asyncio.Future[set[int]]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[set[int]] = loop.create_future()
        self._gathering[loop] = [_Request(sent, check, loop, future)]
        self._hand_over(loop)
        return future


class CheckThenConfirm(Deliverer):
    """The previous loop path: a check before and a confirmation after each send, each
    its own request; an INFO line per reminder."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._async_settler = OneHandOverEach(self.repo.settle)

    async def _send_on_loop(self, sender: AsyncSender, queues: list[list[Outgoing]],
                            now: datetime) -> int:
        waiting = deque(queues)

        async def lane() -> int:
            sent = 0
            while waiting:
                for out in waiting.popleft():
                    sent += await self._one(sender, out, now)
            return sent

        results = await asyncio.gather(*(lane() for _ in range(min(self.lanes, len(queues)))),
                                       return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return sum(cast(int, result) for result in results)

    async def _one(self, sender: AsyncSender, out: Outgoing, now: datetime) -> int:
        cp, to = out.checkpoint, out.to
        loop = asyncio.get_running_loop()
        if not await self._async_settler.still_wanted(cp.id):
            self._unwanted(cp)
            return 0
        paused = self._paused_until((to.platform, to.workspace), now)
        if paused is not None:
            await loop.run_in_executor(None, self._hold, cp, paused)
            return 0
        try:
            await sender.send_async(to, out.reply)
        except Exception as error:
            await loop.run_in_executor(None, self._failed, cp, to, error, self.clock.now())
            return 0
        await self._async_settler.confirm(cp.id, now)
        if self.coach.acts_after(cp):
            await loop.run_in_executor(None, self._after, cp)
        self._delivered(out, now)  # one INFO line each
        return 1


class RowsByName:
    """BEFORE perf25 (variant "before25"), measured by the benchmark only: the repository's
    delivery statements as they were. The product now reads a batch's rows as named
    tuples (`storage.repository._fast`) and settles a group in one statement on
    PostgreSQL (`ClaimQueue.complete_and_check`) and through json_each on SQLite; this
    proxy rebuilds the previous `claim_due`, `delivery_context` and `settle` from the
    same statements: rows read by name off SQLAlchemy's Row, one fetchone each, and a
    group settled as BEGIN, the UPDATE (one per row on SQLite), the check (an IN list
    of the group's length on SQLite) and COMMIT. Everything else is the product's,
    this session's rendering changes included."""

    def __init__(self, repo: Any) -> None:
        self._repo = repo

    def __getattr__(self, name: str) -> Any:
        return getattr(self._repo, name)

    def claim_due(self, now: datetime, limit: int, platforms: Any) -> list[Any]:
        from storage import repository as r

        if limit <= 0 or not platforms:
            return []
        kinds = list(dict.fromkeys(platforms))
        share = -(-limit // len(kinds))
        claimed: list[Any] = []
        with self._repo._single_statement() as connection:
            for platform in kinds:
                rows = r.CHECKPOINTS.claim(connection, now, min(share, limit - len(claimed)),
                                           where=r._ON_PLATFORM,
                                           params={"on_platform": platform})
                claimed += [r._checkpoint(row) for row in rows]
        return sorted(claimed, key=lambda checkpoint: (checkpoint.due_at, checkpoint.id))

    def delivery_context(self, interview_ids: Any) -> dict[int, Any]:
        from storage import repository as r

        if not interview_ids:
            return {}
        ids = sorted(set(interview_ids))
        with self._repo._core() as connection:
            reads = r._PG_READS if connection.dialect.name == "postgresql" else r._READS
            interviews = connection.execute(reads["interviews"], {"ids": ids}).all()
            person_ids = sorted({row.person_id for row in interviews})
            interviewers: dict[int, list[Any]] = {row.id: [] for row in interviews}
            for row in connection.execute(reads["interviewers"], {"ids": ids}):
                interviewers[row.interview_id].append(row)
            calls: dict[int, list[Any]] = {row.id: [] for row in interviews}
            for row in connection.execute(reads["calls"], {"ids": ids}):
                calls[row.interview_id].append(row)
            people = {row.id: r._person(row)
                      for row in connection.execute(reads["people"], {"ids": person_ids})}
            identities: dict[int, list[Any]] = {pid: [] for pid in person_ids}
            for row in connection.execute(reads["identities"], {"ids": person_ids}):
                identities[row.person_id].append(r._identity(row))
        return {row.id: (r._interview(row, interviewers[row.id], calls[row.id]),
                         people[row.person_id], identities[row.person_id])
                for row in interviews if row.person_id in people}

    def settle(self, sent: Any, check: Any) -> set[int]:
        from datetime import UTC

        from storage.repository import CHECKPOINTS as q

        if not sent and not check:
            return set()
        with self._repo._connection(write=bool(sent)) as connection:
            postgresql = connection.dialect.name == "postgresql"
            if sent and postgresql:
                connection.execute(q._pg_complete, {
                    "ids": [row_id for row_id, _ in sent],
                    "ats": [None if at is None else at.astimezone(UTC) for _, at in sent]})
            elif sent:
                connection.execute(q._complete, [{"row_id": row_id, "at": at}
                                                 for row_id, at in sent])
            if not check:
                return set()
            query = q._pg_still_claimed if postgresql else q._still_claimed
            return set(connection.scalars(query, {"ids": list(check)}))


class SettledThroughSqlAlchemy:
    """BEFORE perf26 (variant "before26"), measured by the benchmark only: the claim,
    the batch's reads and `settle` as they were. The product now settles a group on a
    pooled connection's driver (`SqlRepository._settle_on_driver`, the statements
    compiled once by `ClaimQueue._driver`); on PostgreSQL its claim and its checks find
    rows by key and then test their state (`storage.queue._unindexed`); on SQLite it
    passes a batch's ids to its reads as one JSON text (`storage.repository._LITE_READS`).
    This proxy rebuilds the previous `claim_due` (the UPDATE's `state = 'pending'`,
    which PostgreSQL answered through the state index), `delivery_context` (an IN list
    of the batch's length on SQLite) and `settle` (each statement executed through
    SQLAlchemy's Connection, in its transaction; PostgreSQL's check as
    `state = 'sending'`). Everything else is the product's."""

    def __init__(self, repo: Any) -> None:
        self._repo = repo

    def __getattr__(self, name: str) -> Any:
        return getattr(self._repo, name)

    def delivery_context(self, interview_ids: Any) -> dict[int, Any]:
        from storage import repository as r

        if not interview_ids:
            return {}
        ids = sorted(set(interview_ids))
        fast = r._fast
        with self._repo._core() as connection:
            reads = r._PG_READS if connection.dialect.name == "postgresql" else r._READS
            interviews = fast(connection.execute(reads["interviews"], {"ids": ids}).all())
            person_ids = sorted({row.person_id for row in interviews})
            interviewers: dict[int, list[Any]] = {row.id: [] for row in interviews}
            for row in fast(connection.execute(reads["interviewers"], {"ids": ids}).all()):
                interviewers[row.interview_id].append(row)
            calls: dict[int, list[Any]] = {row.id: [] for row in interviews}
            for row in fast(connection.execute(reads["calls"], {"ids": ids}).all()):
                calls[row.interview_id].append(row)
            people = {row.id: r._person(row) for row in fast(
                connection.execute(reads["people"], {"ids": person_ids}).all())}
            identities: dict[int, list[Any]] = {pid: [] for pid in person_ids}
            for row in fast(connection.execute(reads["identities"],
                                               {"ids": person_ids}).all()):
                identities[row.person_id].append(r._identity(row))
        return {row.id: (r._interview(row, interviewers[row.id], calls[row.id]),
                         people[row.person_id], identities[row.person_id])
                for row in interviews if row.person_id in people}

    def claim_due(self, now: datetime, limit: int, platforms: Any) -> list[Any]:
        from storage import repository as r

        if limit <= 0 or not platforms:
            return []
        kinds = list(dict.fromkeys(platforms))
        share = -(-limit // len(kinds))
        claimed: list[Any] = []
        with self._repo._single_statement() as connection:
            for platform in kinds:
                rows = _previous_queue().claim(connection, now,
                                               min(share, limit - len(claimed)),
                                               where=r._ON_PLATFORM,
                                               params={"on_platform": platform})
                claimed += [r._checkpoint(row) for row in r._fast(rows)]
        return sorted(claimed, key=lambda checkpoint: (checkpoint.due_at, checkpoint.id))

    def settle(self, sent: Any, check: Any) -> set[int]:
        from datetime import UTC

        from storage.repository import CHECKPOINTS

        if not sent and not check:
            return set()
        repo = self._repo
        if repo.engine.dialect.name != "postgresql":
            with repo._connection(write=bool(sent)) as connection:
                CHECKPOINTS.complete(connection, sent)
                return CHECKPOINTS.still_claimed(connection, check)
        complete_and_check, still_claimed = _previous_pg_checks()
        if sent and check:
            with repo._single_statement() as connection:
                return set(connection.scalars(complete_and_check, {
                    "ids": [row_id for row_id, _ in sent],
                    "ats": [None if at is None else at.astimezone(UTC) for _, at in sent],
                    "check": list(check)}))
        with repo._connection(write=bool(sent)) as connection:
            CHECKPOINTS.complete(connection, sent)
            if not check:
                return set()
            return set(connection.scalars(still_claimed, {"ids": list(check)}))


@cache
def _previous_queue() -> Any:
    """The checkpoints' claim queue with its claim as it was before perf26: on
    PostgreSQL the UPDATE re-tested each picked row's state as `state = 'pending'`, and
    the planner could answer that through the state index, reading every waiting row."""
    from sqlalchemy import DateTime, Integer, any_, bindparam, func, select, update

    from storage.queue import ClaimQueue
    from storage.repository import CHECKPOINTS

    class PreviousClaims(ClaimQueue):
        def _claim_statement(self, connection: Any, where: Any, returning: Any) -> Any:
            spec = self.spec
            now = bindparam("claim_now", type_=DateTime(timezone=True))
            due = [spec.state == spec.waiting, *where]
            if spec.due is not None:
                due.append(spec.due <= now)
            picked = (select(spec.key).where(*due).order_by(*spec.order)
                      .limit(bindparam("claim_limit", type_=Integer))
                      .with_for_update(skip_locked=True))
            if connection.dialect.name == "postgresql":
                chosen = spec.key == any_(func.array(picked.scalar_subquery()))
            else:
                chosen = spec.key.in_(picked)
            values: dict[Any, Any] = {spec.state: spec.claimed, spec.claimed_at: now}
            columns: list[Any] = (list(spec.row.__table__.c) if returning is None
                                  else list(returning))
            named = {column.key for column in columns}
            columns += [column for column in spec.order if column.key not in named]
            claim = (update(spec.row).where(chosen, spec.state == spec.waiting)
                     .values(values).returning(*columns))
            self._claims[(tuple(where), tuple(returning or ()),
                          connection.dialect.name)] = claim
            return claim

    return PreviousClaims(CHECKPOINTS.spec)


@cache
def _previous_pg_checks() -> tuple[Any, Any]:
    """The checkpoints queue's PostgreSQL checks as they were before perf26: the state
    tested as `state = 'sending'`, which the planner answered through the state index
    (reading every claimed row's entry, dead ones included) rather than by key."""
    from sqlalchemy import DateTime, Integer, any_, bindparam, func, select, update
    from sqlalchemy.dialects import postgresql

    from storage.repository import CHECKPOINTS

    spec = CHECKPOINTS.spec
    key, state = spec.key, spec.state
    assert spec.done_at is not None
    done = select(
        func.unnest(bindparam("ids", type_=postgresql.ARRAY(Integer))).label("id"),
        func.unnest(bindparam("ats", type_=postgresql.ARRAY(DateTime(timezone=True))))
        .label("at"),
    ).subquery()
    completed = (update(spec.row).where(key == done.c.id, state == spec.claimed)
                 .values({state: spec.done, spec.done_at: done.c.at})
                 .returning(key).cte("completed"))
    complete_and_check = select(key).where(
        key == any_(bindparam("check", type_=postgresql.ARRAY(Integer))),
        state == spec.claimed, key.not_in(select(completed.c.id)))
    still_claimed = select(key).where(
        key == any_(bindparam("ids", type_=postgresql.ARRAY(Integer))), state == spec.claimed)
    return complete_and_check, still_claimed


def make_deliverer(variant: str) -> Callable[..., Deliverer]:
    """A factory with `Deliverer`'s signature for one of `VARIANTS`."""
    if variant in ("before25", "before26"):
        proxy = RowsByName if variant == "before25" else SettledThroughSqlAlchemy

        def previous_storage(repo: Any, *args: Any, **kwargs: Any) -> Deliverer:
            return Deliverer(proxy(repo), *args, **kwargs)
        return previous_storage
    return Deliverer if variant == "product" else CheckThenConfirm


def make_sender(variant: str, settings: Settings) -> Sender:
    from adapters.slack.sender import slack_sender

    return slack_sender(settings) if variant in FROZEN else ClientSender(settings)
