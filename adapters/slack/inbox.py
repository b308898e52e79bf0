"""Slash commands acknowledged by the web process and answered by the one that delivers.

With `FOLLOWUP_SLACK_COMMANDS=queue` the HTTP process only checks the signature, stores
the command (`storage.inbox`) and acks: its cores stay free for acks under load, and an
acknowledged command is never lost. `InboxWorker`, in the process that runs the clock,
answers each through its `response_url`, oldest first; one person's commands are
answered one at a time in the order sent, however many clock processes drain the inbox.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import timedelta
from typing import Any

from slack_bolt.context.respond import Respond

from adapters.slack.answering import SlackCoach, answer_command
from bot.conversation.coach import APOLOGY
from bot.messages import Reply
from bot.model import Platform
from bot.ports.clock import Clock
from bot.ports.inbox import RequestInbox, StoredRequest
from bot.ports.repository import RepositoryUnavailable

log = logging.getLogger(__name__)

#: A claim older than this belongs to a worker that died; answering takes milliseconds.
STALE_CLAIM = timedelta(minutes=2)
#: How often an idle worker looks at the inbox when nobody wakes it, in seconds.
POLL_SECONDS = 0.1
BATCH = 20
#: How long a listener waits for its command to be stored: Slack wants the ack in 3 s.
SAVE_TIMEOUT = 2.5
#: The only fields of a slash command that are stored: what answering it reads
#: (`SlackCoach.identity`: team_id and user_id; `answer_command`: text and channel_id;
#: the worker's `Respond`: response_url). Everything else Slack sends is dropped before
#: the command is stored: its verification `token`, user and team names, the trigger id
#: (a queued command opens no form), enterprise fields. The row itself is deleted once
#: the command is answered. Add a field here only when answering starts to read it.
STORED_FIELDS = ("team_id", "user_id", "channel_id", "text", "response_url")


def stored_fields(body: dict[str, Any]) -> dict[str, Any]:
    """What of a slash command's `body` the inbox keeps (see `STORED_FIELDS`)."""
    return {name: body[name] for name in STORED_FIELDS if name in body}


class CommandInbox:
    """Where the Slack listener puts a command it has not answered yet.

    Listeners that arrive together share one write (a group commit): `put` returns once
    the command is stored, and a single transaction stores all that waited meanwhile, so
    under load the database's commit, not each request, sets the pace.
    """

    def __init__(self, repo: RequestInbox, clock: Clock,
                 wake: Callable[[], None] | None = None) -> None:
        self.repo = repo
        self.clock = clock
        self._wake = wake or (lambda: None)
        self._appender = repo.request_appender()  # used by the writer thread only
        self._waiting: list[tuple[tuple[str, str], Future[None]]] = []
        self._lock = threading.Condition()
        self._writer: threading.Thread | None = None
        self._closing = False

    def put(self, body: dict[str, Any], timeout: float = SAVE_TIMEOUT) -> None:
        """Store what answering `body` needs (`STORED_FIELDS`); returns once it is stored.
        Raises RepositoryUnavailable when the database fails or does not answer in time
        (the listener then says so)."""
        stored: Future[None] = Future()
        with self._lock:
            if self._closing:
                raise RepositoryUnavailable("the server is shutting down")
            author = f"{body.get('team_id') or ''}:{body.get('user_id') or ''}"
            self._waiting.append(((author, json.dumps(stored_fields(body))), stored))
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_forever,
                                                name="slack-inbox-writer", daemon=True)
                self._writer.start()
            self._lock.notify()
        try:
            stored.result(timeout)
        except TimeoutError:
            raise RepositoryUnavailable("the database did not store the command in time") \
                from None

    def close(self, timeout: float = 5.0) -> None:
        """Store what is waiting, then stop the writer and close its connection."""
        with self._lock:
            self._closing = True
            self._lock.notify()
            writer = self._writer
        if writer is None:
            self._appender.close()
        else:
            writer.join(timeout)  # the writer closes its own connection on the way out

    def _write_forever(self) -> None:
        while True:
            with self._lock:
                while not self._waiting and not self._closing:
                    self._lock.wait()
                if not self._waiting:  # closing, and nothing left to store
                    self._appender.close()
                    return
                batch, self._waiting = self._waiting, []
            try:
                self._appender.append(Platform.SLACK, [request for request, _ in batch],
                                      self.clock.now())
            except Exception as error:
                for _, stored in batch:
                    stored.set_exception(error if isinstance(error, RepositoryUnavailable)
                                         else RepositoryUnavailable(str(error)))
                continue
            for _, stored in batch:
                stored.set_result(None)
            self._wake()  # a worker in this same process need not wait for its next look


class InboxWorker:
    """Answers queued slash commands, one at a time, until stopped."""

    def __init__(self, glue: SlackCoach, *, poll: float = POLL_SECONDS) -> None:
        self.glue = glue
        self.repo: RequestInbox = glue.runtime.repo
        self.clock = glue.runtime.clock
        self.poll = poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def wake(self) -> None:
        self._wake.set()

    def drain(self) -> int:
        """Answer every command waiting now (and any a dead worker left); how many."""
        recovered = self.repo.recover_requests(self.clock.now() - STALE_CLAIM)
        if recovered:
            log.warning("recovered %d slash commands left by a previous run", recovered)
        answered = 0
        for _ in range(10_000):  # bounded: each round claims a fresh batch
            batch = self.repo.claim_requests(Platform.SLACK, self.clock.now(), BATCH)
            if not batch:
                break
            for request in batch:
                answered += self._answer(request)
        return answered

    def _answer(self, request: StoredRequest) -> int:
        try:
            body = json.loads(request.payload)
        except ValueError:
            log.error("inbox request %d is not JSON; dropped", request.id)
            self.repo.finish_request(request.id)
            return 0
        respond = Respond(response_url=body.get("response_url"))
        try:
            # The inbox row is the command's one copy; no trigger-id check on top.
            answer_command(self.glue, body, respond, dedupe=False)
        except RepositoryUnavailable:
            # Left claimed: recovered and answered once the database is back.
            log.warning("inbox request %d waits for the database", request.id)
            return 0
        except Exception:
            log.exception("inbox request %d failed; the user gets an apology", request.id)
            self._apologise(respond, body)
        self.repo.finish_request(request.id)
        return 1

    def _apologise(self, respond: Respond, body: dict[str, Any]) -> None:
        try:
            self.glue.respond_privately(respond, self.glue.identity(body), Reply(text=APOLOGY))
        except Exception:
            log.exception("could not apologise for a failed slash command")

    # --- running in the background ------------------------------------------------------
    def start(self) -> InboxWorker:
        self._thread = threading.Thread(target=self._run, name="slack-inbox", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.drain()
            except Exception:
                log.exception("the Slack inbox worker failed; trying again shortly")
            self._wake.wait(self.poll)
            self._wake.clear()
