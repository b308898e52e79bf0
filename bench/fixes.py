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
(`bench.delivery.bot_child` freezes for the product only).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from adapters.settings import Settings
from adapters.slack.sender import SlackSender, _Loop, as_send_failed, upload_files_async
from bot.delivery.deliverer import Deliverer, Outgoing
from bot.delivery.settling import AsyncSettler, _Request
from bot.messages import Reply
from bot.ports.sender import AsyncSender, Sender, SendFailed

VARIANTS = ("product", "before", "before25")
#: Variants whose process freezes its start-up objects, as the product's does.
FROZEN = ("product", "before25")


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
            reads = r._reads(connection)
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


def make_deliverer(variant: str) -> Callable[..., Deliverer]:
    """A factory with `Deliverer`'s signature for one of `VARIANTS`."""
    if variant == "before25":
        def previous_storage(repo: Any, *args: Any, **kwargs: Any) -> Deliverer:
            return Deliverer(RowsByName(repo), *args, **kwargs)
        return previous_storage
    return Deliverer if variant == "product" else CheckThenConfirm


def make_sender(variant: str, settings: Settings) -> Sender:
    from adapters.slack.sender import slack_sender

    return slack_sender(settings) if variant in FROZEN else ClientSender(settings)
