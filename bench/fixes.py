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

VARIANTS = ("product", "before")


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


def make_deliverer(variant: str) -> Callable[..., Deliverer]:
    """A factory with `Deliverer`'s signature for one of `VARIANTS`."""
    return Deliverer if variant == "product" else CheckThenConfirm


def make_sender(variant: str, settings: Settings) -> Sender:
    from adapters.slack.sender import slack_sender

    return slack_sender(settings) if variant == "product" else ClientSender(settings)
