"""Group commit for the per-message bookkeeping of concurrent senders.

Every reminder costs two small transactions: a check just before it goes (is it still
wanted?) and a confirmation just after (it went). Each sender thread still waits for its
own to commit before it moves on, so a crash repeats at most the one message each thread
has in flight; but the threads that arrive while a transaction runs share the next one,
so under load one commit serves several messages instead of one each.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

#: `Repository.settle`: confirm `sent`, return which of `check` are still SENDING.
Settle = Callable[[Sequence[tuple[int, datetime]], Sequence[int]], set[int]]


class _Group:
    """The requests that will share one transaction, and its outcome."""

    __slots__ = ("check", "error", "finished", "sent", "wanted")

    def __init__(self) -> None:
        self.sent: list[tuple[int, datetime]] = []
        self.check: list[int] = []
        self.wanted: set[int] = set()
        self.error: BaseException | None = None
        self.finished = False

    def run(self, settle: Settle) -> None:
        try:
            self.wanted = settle(self.sent, self.check)
        except BaseException as error:  # every member of the group gets it raised
            self.error = error
        self.finished = True


class Settler:
    """Shares `settle` transactions among the threads that call it at the same time.

    Leader and followers, no thread of its own: a caller that finds no transaction
    running takes the open group (its own request, and any that joined it) and runs
    it; callers that arrive meanwhile join the next group and wait.
    """

    def __init__(self, settle: Settle) -> None:
        self._settle = settle
        self._changed = threading.Condition()
        self._open = _Group()
        self._busy = False

    def still_wanted(self, checkpoint_id: int) -> bool:
        """True while the claimed checkpoint is still SENDING (nobody cancelled it)."""
        return checkpoint_id in self._join(check=checkpoint_id).wanted

    def confirm(self, checkpoint_id: int, at: datetime) -> None:
        """Record the checkpoint as SENT; returns once that is committed."""
        self._join(sent=(checkpoint_id, at))

    def _join(self, *, sent: tuple[int, datetime] | None = None,
              check: int | None = None) -> _Group:
        with self._changed:
            group = self._open
            if sent is not None:
                group.sent.append(sent)
            if check is not None:
                group.check.append(check)
            while not group.finished:
                if self._busy:
                    self._changed.wait()
                    continue
                # Nobody is committing: lead the open group (ours, unless it already ran).
                self._busy, leading, self._open = True, self._open, _Group()
                self._changed.release()
                try:
                    leading.run(self._settle)
                finally:
                    self._changed.acquire()
                    self._busy = False
                    self._changed.notify_all()
        if group.error is not None:
            raise group.error
        return group


class _Request:
    __slots__ = ("check", "future", "loop", "sent")

    def __init__(self, sent: tuple[int, datetime] | None, check: int | None,
                 loop: asyncio.AbstractEventLoop, future: asyncio.Future[set[int]]) -> None:
        self.sent, self.check, self.loop, self.future = sent, check, loop, future


class AsyncSettler:
    """The same sharing for coroutines sending on an event loop.

    Requests queue up for one database thread, which settles whatever has gathered in
    one transaction and wakes its callers with one call per loop: no database work
    blocks the loop, and the hand-over between threads is paid per group, not per
    message. The thread ends after a quiet spell and starts again on demand.
    """

    IDLE_SECONDS = 30.0
    MAX_GROUP = 500

    def __init__(self, settle: Settle) -> None:
        self._settle = settle
        self._queue: queue.SimpleQueue[list[_Request]] = queue.SimpleQueue()
        # Each loop's requests of its current turn (only that loop's thread touches its
        # own list), handed over at the end of the turn.
        self._gathering: dict[asyncio.AbstractEventLoop, list[_Request]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    async def still_wanted(self, checkpoint_id: int) -> bool:
        return checkpoint_id in await self._submit(None, checkpoint_id)

    async def confirm(self, checkpoint_id: int, at: datetime) -> None:
        await self._submit((checkpoint_id, at), None)

    async def confirm_and_check(self, sent: tuple[int, datetime], checkpoint_id: int) -> bool:
        """`confirm` one message and `still_wanted` the next as one request, in one
        transaction: a sender that goes on to its next message asks once, not twice.
        Returns once the confirmation is committed, whether or not the next is wanted."""
        return checkpoint_id in await self._submit(sent, checkpoint_id)

    def _submit(self, sent: tuple[int, datetime] | None,
                check: int | None) -> asyncio.Future[set[int]]:
        """Queue a request; the requests a loop makes in one turn go to the database
        thread together, in one hand-over (`_hand_over`), not one each: waking another
        thread costs the loop more than the rest of a request."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[set[int]] = loop.create_future()
        gathered = self._gathering.get(loop)
        if gathered is None:
            gathered = self._gathering[loop] = []
            loop.call_soon(self._hand_over, loop)
        gathered.append(_Request(sent, check, loop, future))
        return future

    def _hand_over(self, loop: asyncio.AbstractEventLoop) -> None:
        self._queue.put(self._gathering.pop(loop))
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="settle",
                                                daemon=True)
                self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                requests = self._queue.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with self._lock:  # a request queued before this lock is seen below
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            while len(requests) < self.MAX_GROUP:
                try:
                    requests = requests + self._queue.get_nowait()
                except queue.Empty:
                    break
            self._run(requests)

    def _run(self, requests: list[_Request]) -> None:
        sent = [r.sent for r in requests if r.sent is not None]
        check = [r.check for r in requests if r.check is not None]
        wanted: set[int] = set()
        error: Exception | None = None
        try:
            wanted = self._settle(sent, check)
        except Exception as failure:  # every caller in the group gets it raised
            error = failure
        by_loop: dict[asyncio.AbstractEventLoop, list[asyncio.Future[set[int]]]] = {}
        for request in requests:
            by_loop.setdefault(request.loop, []).append(request.future)
        for loop, futures in by_loop.items():
            # A loop that has closed has nobody waiting any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_wake, futures, wanted, error)


def _wake(futures: list[asyncio.Future[set[int]]], wanted: set[int],
          error: Exception | None) -> None:
    for future in futures:
        if future.done():  # its caller was cancelled
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(wanted)
