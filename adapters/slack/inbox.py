"""Slash commands acknowledged by the web process and answered by the one that delivers.

With `FOLLOWUP_SLACK_COMMANDS=queue` the HTTP process only checks the signature, stores
the command (`storage.inbox`) and acks: its cores stay free for acks under load, and an
acknowledged command is never lost. `InboxWorker`, in the process that runs the clock,
answers each through its `response_url`, oldest first; one person's commands are
answered one at a time in the order sent, however many clock processes drain the inbox.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.context.respond import Respond as BoltRespond

from adapters.slack.answering import (
    Respond,
    SlackCoach,
    command_inbound,
    command_key,
    send_command_answer,
)
from adapters.slack.sender import SlackSender
from bot.conversation.coach import APOLOGY
from bot.delivery.lease import LEASE, Heartbeat
from bot.messages import Reply
from bot.model import Platform
from bot.ports.clock import Clock
from bot.ports.inbox import NewRequest, RequestInbox, RequestListener, StoredRequest
from bot.ports.repository import RepositoryUnavailable

log = logging.getLogger(__name__)

BATCH = 20
#: Commands answered side by side, each person's in the order they came: an answer waits
#: on the database and on Slack's response_url as much as on this process's CPU. Two, as
#: measured with `python -m bench.answer_latency` on 2 cores beside the web process: they
#: answer about twice as many a second as one, while more took the CPU the web process
#: acks with (ack p99 at 200/s: 18 ms with two, 76 ms with four, 264 ms with eight).
ANSWERERS = 2
#: Idle without LISTEN (SQLite): the first wait, doubled each idle round up to the cap.
IDLE_FIRST = 0.1
IDLE_MAX = 2.0
#: Idle on PostgreSQL: a NOTIFY wakes the worker; it looks anyway this often (seconds),
#: for what a NOTIFY cannot say: a dead worker's claims whose lease ran out.
SAFETY_POLL = 5.0
#: Waking for a claim whose lease runs out: this long after it has, so it has.
LEASE_SLACK = 0.05
#: How long one LISTEN wait lasts before the worker checks whether it is stopping.
LISTEN_SLICE = 0.5
#: The database down: the first wait, doubled each failed round up to the cap.
OUTAGE_FIRST = 0.2
OUTAGE_MAX = 10.0
#: Claims a dead worker left are looked for at most this often (a lease is 10 s): each
#: look is a statement, and commands coming one at a time made a round each.
RECOVER_EVERY = timedelta(seconds=1)
WAITING_FOR_DATABASE = "I can't reach my storage right now. I'll do this and answer " \
    "here as soon as it's back, so there's no need to send it again."
EXPIRED = "I couldn't get to your `/followup` command in time (my storage was down), " \
    "so it was not done. Please send it again."
#: Slack's response_url works for 30 minutes: a command older than that cannot be
#: answered, so it is not applied (its asker is told by DM) and its row is deleted.
RESPONSE_URL_LIFETIME = timedelta(minutes=30)
#: How long a listener waits for its command to be stored: Slack wants the ack in 3 s.
SAVE_TIMEOUT = 2.5
#: The only fields of a slash command that are stored: what answering it reads
#: (`SlackCoach.identity`: team_id and user_id; `answer_command`: text and channel_id;
#: the worker's `Respond`: response_url). Everything else Slack sends is dropped before
#: the command is stored: its verification `token`, user and team names, the trigger id
#: (a queued command opens no form), enterprise fields. The row itself is deleted once
#: the command is answered. Add a field here only when answering starts to read it.
STORED_FIELDS = ("team_id", "user_id", "channel_id", "text", "response_url")


class StillSaving(Exception):
    """The command was not stored within the ack's time, but its write goes on: it will
    be answered once stored, or `if_lost_later` is called if the write fails."""


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
                 wake: Callable[[], None] | None = None, *,
                 save_timeout: float = SAVE_TIMEOUT) -> None:
        self.repo = repo
        self.save_timeout = save_timeout
        self.clock = clock
        self._wake = wake or (lambda: None)
        self._appender = repo.request_appender()  # used by the writer thread only
        self._waiting: list[tuple[NewRequest, Future[None]]] = []
        self._lock = threading.Condition()
        self._writer: threading.Thread | None = None
        self._closing = False
        self._failed_writes = 0  # in a row; the writer thread's own

    def put(self, body: dict[str, Any], timeout: float | None = None, *,
            key: str | None = None, if_lost_later: Callable[[], object] | None = None
            ) -> None:
        """Store what answering `body` needs (`STORED_FIELDS`), under its idempotency
        `key` (a repeat of a stored key is stored once); returns once it is stored.

        Raises RepositoryUnavailable when the write failed: nothing was stored. Raises
        StillSaving when it did not end within `timeout`: the write goes on, and should
        it fail after all, `if_lost_later` is called (from the writer's thread), so the
        asker hears either the answer or that it was not done, never both.
        """
        stored: Future[None] = Future()
        with self._lock:
            if self._closing:
                raise RepositoryUnavailable("the server is shutting down")
            author = f"{body.get('team_id') or ''}:{body.get('user_id') or ''}"
            self._waiting.append(((author, json.dumps(stored_fields(body)), key), stored))
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_forever,
                                                name="slack-inbox-writer", daemon=True)
                self._writer.start()
            self._lock.notify()
        try:
            stored.result(self.save_timeout if timeout is None else timeout)
        except TimeoutError:
            if if_lost_later is not None:
                # Called at once if the write failed in the meantime.
                stored.add_done_callback(
                    lambda done: if_lost_later() if done.exception() else None)
            raise StillSaving("the command is still being stored") from None

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
                self._failed_writes += 1
                if self._failed_writes == 1:  # one line when an outage starts, not one a command
                    log.warning("the database is unavailable (%s); slash commands are "
                                "answered as not done until it is back", _first_line(error))
                for _, stored in batch:
                    stored.set_exception(error if isinstance(error, RepositoryUnavailable)
                                         else RepositoryUnavailable(str(error)))
                continue
            if self._failed_writes:
                log.info("the database is back after %d failed writes; slash commands are "
                         "stored again", self._failed_writes)
                self._failed_writes = 0
            for _, stored in batch:
                stored.set_result(None)
            self._wake()  # a worker in this same process need not wait for its next look


class InboxWorker:
    """Answers queued slash commands until stopped: one person's one at a time, in the
    order they came, and different people's side by side (`ANSWERERS` at once).

    Each is applied once (`SlackCoach.apply` with the command's key): a repeat stored
    twice, or a row taken over from a worker that died after applying it, is answered
    with what the first answer said. Claims are leased (`bot.delivery.lease`) and renewed
    while a command is answered, so a dead worker's are taken over within seconds.

    Between rounds it waits: at once again after work; idle, on PostgreSQL until a new
    row's NOTIFY (or `SAFETY_POLL`), elsewhere for a wait that doubles up to
    `IDLE_MAX`; with the database down, for a wait that doubles up to `OUTAGE_MAX`,
    logging one line when the outage starts and one when it ends.
    """

    def __init__(self, glue: SlackCoach, *, safety_poll: float = SAFETY_POLL,
                 lease: timedelta = LEASE, answerers: int = ANSWERERS) -> None:
        self.glue = glue
        self.repo: RequestInbox = glue.runtime.repo
        self.clock = glue.runtime.clock
        self.safety_poll = safety_poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.lease = lease
        self._lease = Heartbeat(self.repo.renew_requests, self.clock, lease=lease,
                                name="inbox-lease")
        self._listener: RequestListener | None = None
        # Commands answered whose rows the database was down to remove: finished first
        # thing when it is back (and their leases kept meanwhile), never answered again.
        self._unfinished: set[int] = set()
        self._idle_rounds = 0
        self._failed_rounds = 0
        self._recovered_at: datetime | None = None  # the last look for a dead worker's
        self._more = False  # the last batch was full: more may wait behind it
        self._oldest_claim: tuple[datetime, datetime | None] | None = None  # (read at, it)
        self._answerers = ThreadPoolExecutor(answerers, thread_name_prefix="slack-answer")
        # Each answering thread's last row answered (thread id -> row): its DELETE may
        # still be riding with that thread's next unit (`drain`).
        self._last_answered: dict[int, int] = {}
        self._side_by_side = answerers > 1  # one: every answer on the draining thread

    def wake(self) -> None:
        self._wake.set()

    def drain(self) -> int:
        """Answer every command waiting now (and any a dead worker left); how many.

        Behind a backlog the answerers never wait for each other: as soon as half of
        the `BATCH` commands claimed are answered, as many more are claimed (a batch
        waited for its slowest answer, and the answerers for its claim, before). Once a
        claim finds less than it asked for, the ones under way are finished and the
        round ends."""
        answered = 0
        self._more = False
        in_flight: dict[Future[int], int] = {}  # an answer under way -> its row
        answered_rows: list[int] = []  # leases kept until their rows' DELETEs are sent
        outage: RepositoryUnavailable | None = None
        claiming = True
        try:
            for _ in range(100_000):  # bounded: each pass answers or claims
                if claiming and outage is None and (
                        not in_flight or (self._more and len(in_flight) <= BATCH // 2)):
                    # Answered rows go first: their authors' next commands become
                    # claimable, and the rows' leases can go, except each answering
                    # thread's last, whose DELETE a unit under way may carry (and, should
                    # that unit fail, hand back to be finished later).
                    self._finish(self.repo.take_unfinished_riders())
                    carried = set(self._last_answered.values()) | self._unfinished
                    self._lease.drop(row for row in answered_rows if row not in carried)
                    answered_rows = [row for row in answered_rows if row in carried]
                    self._finish_answered()
                    self._recover()
                    wanted = BATCH - len(in_flight)
                    batch = self.repo.claim_requests(Platform.SLACK, self.clock.now(), wanted)
                    self._lease.hold(request.id for request in batch)
                    for request in batch:
                        in_flight[self._start(request)] = request.id
                    self._more = len(batch) == wanted
                    # Less than asked for is all there was: on PostgreSQL a row stored
                    # since has its NOTIFY waiting; elsewhere look again once these are
                    # answered (an author's next command waits for their last one).
                    claiming = bool(batch) and (self._more or self._listener is None)
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    answered_rows.append(in_flight.pop(future))
                    try:
                        answered += future.result()
                    except RepositoryUnavailable as error:
                        outage = outage or error  # the rest are finished, none claimed
            if outage is not None:
                raise outage
        finally:
            for future in in_flight:  # an error in this thread: let them end first
                future.exception()
            answered_rows += in_flight.values()
            try:
                # The last row each answering thread answered waits for a unit that will
                # not come now: finished here, before the leases are dropped.
                self._finish(self.repo.take_unfinished_riders())
            finally:
                self._lease.drop(row for row in answered_rows if row not in self._unfinished)
        return answered

    def _start(self, request: StoredRequest) -> Future[int]:
        """Answer `request` on an answering thread, or (one answerer) on this one."""
        if self._side_by_side:
            return self._answerers.submit(self._answer, request)
        done: Future[int] = Future()
        try:
            done.set_result(self._answer(request))
        except Exception as error:  # raised where a thread's would be: in `drain`
            done.set_exception(error)
        return done

    def _recover(self) -> None:
        """Take over a dead worker's claims whose lease ran out: each round, not once
        per drain (not after a backlog behind them is answered), at most every
        `RECOVER_EVERY`."""
        now = self.clock.now()
        if self._recovered_at is not None and now - self._recovered_at < RECOVER_EVERY:
            return
        recovered = self.repo.recover_requests(now - self.lease)
        self._recovered_at = now
        if recovered:
            log.warning("recovered %d slash commands left by a worker that stopped",
                        recovered)

    def _finish(self, request_ids: list[int]) -> None:
        """Remove answered rows now; with the database down, first thing when it is back
        (their leases kept meanwhile), never answered again."""
        if not request_ids:
            return
        try:
            self.repo.finish_requests(request_ids)
        except RepositoryUnavailable:
            self._unfinished.update(request_ids)
            raise

    def _finish_answered(self) -> None:
        if self._unfinished:
            waiting = sorted(self._unfinished)
            self.repo.finish_requests(waiting)  # RepositoryUnavailable: still down
            self._unfinished.difference_update(waiting)
            self._lease.drop(waiting)

    def _answer(self, request: StoredRequest) -> int:
        try:
            body = json.loads(request.payload)
        except ValueError:
            log.error("inbox request %d is not JSON; dropped", request.id)
            self.repo.finish_request(request.id)
            return 0
        if self.clock.now() - request.received_at > RESPONSE_URL_LIFETIME:
            self._expired(request, body)
            self.repo.finish_request(request.id)
            return 0
        respond = self._responder(body.get("response_url"))
        try:
            applied = self.glue.apply(request.key or command_key(body),
                                      command_inbound(self.glue, body))
        except RepositoryUnavailable:
            # Nothing applied: the row stays claimed, its lease runs out, and it is
            # applied (and answered) once the database is back. Said once, not retried.
            log.debug("inbox request %d waits for the database", request.id)
            if request.attempts == 1:
                self._say(respond, body, Reply(text=WAITING_FOR_DATABASE))
            raise
        except Exception:
            log.exception("inbox request %d failed; the user gets an apology", request.id)
            self._say(respond, body, Reply(text=APOLOGY))
        else:
            try:
                send_command_answer(self.glue, body, respond, applied)
            except Exception:
                log.exception("inbox request %d: the answer could not be sent", request.id)
        try:
            # Its DELETE rides with the next command this thread answers (in that unit's
            # COMMIT message), or is sent when the worker next claims or ends its round:
            # one answered row a thread waits so, as one waited between its answer and
            # its DELETE before.
            if not self.repo.finish_request_with_next_unit(request.id):
                self.repo.finish_request(request.id)
        except RepositoryUnavailable:
            # Answered, but its row is still there: a later round would answer it again.
            self._unfinished.add(request.id)
            raise
        self._last_answered[threading.get_ident()] = request.id
        return 1

    def _responder(self, url: str | None) -> Respond:
        """Answers over the Slack sender's kept-open connections when this process has
        one (the clock does), else through Bolt's `Respond`."""
        sender = self.glue.runtime.senders.get(Platform.SLACK)
        if url and isinstance(sender, SlackSender):
            return functools.partial(sender.respond, url)
        return BoltRespond(response_url=url)

    def _expired(self, request: StoredRequest, body: dict[str, Any]) -> None:
        """Too old to answer through its response_url: not applied (unless a worker that
        died had applied it), and its asker told so by DM."""
        key = request.key or command_key(body)
        if self.glue.runtime.repo.answer_for(key) is not None:
            return
        log.warning("inbox request %d expired unanswered; not applied", request.id)
        user = body.get("user_id")
        if user:
            self.glue.post(self.glue.identity(body).workspace, user, Reply(text=EXPIRED))

    def _say(self, respond: Respond, body: dict[str, Any], reply: Reply) -> None:
        try:
            self.glue.respond_privately(respond, self.glue.identity(body), reply)
        except Exception:
            log.exception("could not answer a slash command")

    # --- running in the background ------------------------------------------------------
    def start(self) -> InboxWorker:
        self._listener = self.glue.runtime.repo.request_listener()
        self._thread = threading.Thread(target=self._run, name="slack-inbox", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._lease.close()
        self._answerers.shutdown(wait=True)
        if self._listener is not None:
            self._listener.close()

    def step(self) -> float:
        """One round: drain the inbox; then how long to wait before the next, in seconds
        (0: look again at once)."""
        try:
            answered = self.drain()
        except RepositoryUnavailable as error:
            self._failed_rounds += 1
            if self._failed_rounds == 1:
                log.warning("the database is unavailable (%s); the Slack inbox worker "
                            "backs off until it is back", _first_line(error))
            return min(OUTAGE_FIRST * 2 ** (self._failed_rounds - 1), OUTAGE_MAX)
        except Exception:
            self._failed_rounds += 1
            log.exception("the Slack inbox worker failed; trying again shortly")
            return min(OUTAGE_FIRST * 2 ** (self._failed_rounds - 1), OUTAGE_MAX)
        if self._failed_rounds:
            log.info("the database is back after %d failed rounds; the Slack inbox worker "
                     "resumes", self._failed_rounds)
            self._failed_rounds = 0
        if answered:
            self._idle_rounds = 0
            if self._more or self._listener is None:
                return 0.0
            # Everything stored was answered: the NOTIFY of a row stored meanwhile is
            # waiting, so the wait below ends at once if there is one.
        else:
            self._idle_rounds += 1
        if self._listener is not None:
            # A NOTIFY ends the wait as soon as a row is stored; a dead worker's claims
            # are taken over when their lease runs out, not up to a safety poll later.
            return min(self.safety_poll, self._until_a_lease_runs_out())
        return min(IDLE_FIRST * 2 ** (self._idle_rounds - 1), IDLE_MAX, self.safety_poll)

    def _until_a_lease_runs_out(self) -> float:
        now = self.clock.now()
        if self._oldest_claim is not None and now - self._oldest_claim[0] < RECOVER_EVERY:
            oldest = self._oldest_claim[1]  # read a moment ago: one statement a second
        else:
            try:
                oldest = self.repo.oldest_request_claim()
            except RepositoryUnavailable:
                return self.safety_poll
            self._oldest_claim = (now, oldest)
        if oldest is None:
            return self.safety_poll
        if oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        left = (oldest + self.lease - self.clock.now()).total_seconds()
        return max(LEASE_SLACK, left + LEASE_SLACK)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wait(self.step())
            self._wake.clear()

    def _wait(self, seconds: float) -> None:
        """Until `seconds` pass, `wake` or `stop` is called, or (PostgreSQL) a row is
        stored. The database is listened to in slices, so a stop is seen quickly; the
        wait itself sends no statement."""
        if seconds <= 0:
            return
        if self._listener is None or self._failed_rounds:
            self._wake.wait(seconds)
            return
        end = time.monotonic() + seconds
        while not self._wake.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return
            try:
                if self._listener.wait(min(left, LISTEN_SLICE)):
                    return
            except RepositoryUnavailable:
                return  # the next round finds the outage and backs off


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
