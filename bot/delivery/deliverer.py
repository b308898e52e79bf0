"""Delivering due checkpoints: claim, send, confirm — never lose one, repeat at most in-flight.

A checkpoint is claimed (PENDING -> SENDING) before its message goes out, re-checked just
before it goes, and confirmed (SENDING -> SENT) after. A crash in between leaves it
SENDING; once its lease is over (`bot.delivery.lease`: seconds, renewed by a heartbeat
while the sender lives) `recover` puts such rows back, so the only possible harm is a
repeat of the messages that were in flight (one per concurrent send), never a lost one.
Sends run one at a time (simulated clock), on sender threads, or on a sender's own event loop
(`AsyncSender`); see `bot.delivery.settling` for how their checks and confirmations share
commits. Club posts (digests, moments, drafts) go the same way to senders that can
`post` in a channel.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from bot.clubs.model import ClubPost
from bot.clubs.posts import prepare as prepare_club_post
from bot.content.reminders import reminder
from bot.conversation.coach import Coach
from bot.delivery.lease import LEASE, Heartbeat
from bot.delivery.settling import AsyncSettler, Settler
from bot.messages import Reply
from bot.model import Checkpoint, CheckpointState, Identity, Interview, Person, Platform
from bot.ports.clock import Clock, SimulatedClock
from bot.ports.repository import Repository
from bot.ports.sender import AsyncSender, ChannelSender, Sender, SendFailed
from bot.rules.plan import release_time

log = logging.getLogger(__name__)

BATCH = 200
#: Reminders in flight at once on a sender with its own event loop (one per person).
LANES = 32
LATE_AFTER = timedelta(minutes=15)
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)
#: A round looks for a dead worker's claims at most this often (a lease is 10 s): two
#: statements a look, and a busy clock runs many small rounds a second.
RECOVER_EVERY = timedelta(seconds=1)
PARKED = timedelta(hours=6)  # a permanent failure is tried again much later, not dropped


@dataclass(frozen=True, slots=True)
class Delivered:
    """One message that went out, for the terminal's transcript and for tests."""

    at: datetime
    to: Identity
    reply: Reply
    tz: str


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A claimed checkpoint ready to go: its message and where to."""

    checkpoint: Checkpoint
    to: Identity
    reply: Reply
    person: Person


def backoff(attempts: int, rng: Callable[[], float] = random.random) -> timedelta:
    """Exponential backoff with jitter, so a recovering API is not hit all at once."""
    delay = min(BACKOFF_BASE * (1 << min(attempts, 12)), BACKOFF_MAX)
    return delay * (0.8 + 0.4 * rng())


class Deliverer:
    """Sends every checkpoint that is due through the sender for its person's platform."""

    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        coach: Coach,
        senders: Mapping[Platform, Sender],
        on_delivered: Callable[[Delivered], None] | None = None,
        workers: int = 1,
        lanes: int = LANES,
        lease: timedelta = LEASE,
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.coach = coach
        self.senders = dict(senders)
        self._on_delivered = on_delivered or (lambda _d: None)
        self._reports = on_delivered is not None
        self.workers = workers
        self.lanes = lanes
        # Destinations that answered 429, and until when they asked us to wait.
        self._paused: dict[tuple[Platform, str], datetime] = {}
        self._pause_lock = threading.Lock()
        # Concurrent senders share the check before and the confirmation after each send.
        self._settler = Settler(repo.settle)
        self._async_settler = AsyncSettler(repo.settle)
        # Claims held while their sends go on are renewed, so only a dead worker's expire.
        self.lease = lease
        self._in_flight = Heartbeat(repo.renew_in_flight, clock, lease=lease,
                                    name="delivery-lease")
        self._posting = Heartbeat(repo.renew_posts, clock, lease=lease, name="post-lease")
        self._recovered_at: datetime | None = None

    def close(self) -> None:
        """Stop renewing leases (at shutdown: whatever is still held expires)."""
        self._in_flight.close()
        self._posting.close()

    @property
    def platforms(self) -> list[Platform]:
        return list(self.senders)

    @property
    def post_platforms(self) -> list[Platform]:
        """Platforms whose sender can also post in a channel (club posts)."""
        return [p for p, s in self.senders.items() if callable(getattr(s, "post", None))]

    def recover(self) -> int:
        """After a crash: stale in-flight claims go back to the queue (sent again at most once)."""
        count = self.repo.recover_in_flight(self.clock.now() - self.lease)
        if count:
            log.warning("recovered %d checkpoints left in flight by a previous run", count)
        posts = self.repo.recover_posts(self.clock.now() - self.lease)
        if posts:
            log.warning("recovered %d club posts left in flight by a previous run", posts)
        return count + posts

    def next_due(self) -> datetime | None:
        """The earliest due checkpoint or club post, or the moment the oldest claim's
        lease runs out (a dead worker's work is then taken over): when the scheduler
        should wake."""
        due, oldest = self.repo.next_wakeup(self.platforms, self.post_platforms)
        return min((d for d in (due, None if oldest is None else oldest + self.lease)
                    if d is not None), default=None)

    def deliver_due(self) -> int:
        """Deliver everything due now; return how many messages went out.

        With several senders, the next batch is claimed and rendered while the one
        before is still going out, so the platform never waits on the database; a
        batch starts once the one before has finished, which keeps each person's
        reminders in order.
        """
        now = self.clock.now()
        if self._recovered_at is None or now - self._recovered_at >= RECOVER_EVERY:
            self.recover()
            self._recovered_at = now
        if self.workers <= 1:
            return self._deliver_in_turn() + self._post_due()
        sent = 0
        held: list[int] = []  # the claims of the batch going out
        with ThreadPoolExecutor(max_workers=self.workers,
                                thread_name_prefix="delivery") as pool:
            in_flight: list[Future[int]] = []
            try:
                for _ in range(10_000):  # bounded: each round claims a fresh batch
                    now = self.clock.now()
                    batch = self.repo.claim_due(now, BATCH, self.platforms)
                    if not batch:
                        break
                    self._in_flight.hold(cp.id for cp in batch)
                    queues = [queue for group in self._by_person(batch, now)
                              if (queue := group())]
                    done, in_flight = in_flight, []
                    sent += _finished(done)
                    self._in_flight.drop(held)
                    held = [cp.id for cp in batch]
                    in_flight = self._start(queues, now, pool)
                    if len(batch) < BATCH:
                        # All that was due: one made due since wakes the scheduler
                        # again (it reads the next due time after every round), so no
                        # second claim to find nothing, a round trip each.
                        break
            finally:
                sent += _finished(in_flight)
                self._in_flight.drop(held)
        return sent + self._post_due()

    def _deliver_in_turn(self) -> int:
        """One reminder at a time, each rendered just before it goes: the simulated clock's
        way, so the terminal and the tests see a fixed order."""
        sent = 0
        for _ in range(10_000):  # bounded: each round claims a fresh batch
            now = self.clock.now()
            batch = self.repo.claim_due(now, BATCH, self.platforms)
            if not batch:
                break
            self._in_flight.hold(cp.id for cp in batch)
            try:
                sent += sum(self._send_in_order(group(), now)
                            for group in self._by_person(batch, now))
            finally:
                self._in_flight.drop(cp.id for cp in batch)
        return sent

    def _by_person(self, batch: list[Checkpoint], now: datetime
                   ) -> list[Callable[[], list[Outgoing]]]:
        """Read the batch's people at once; one deferred rendering per person, in order."""
        context = self.repo.delivery_context(sorted({cp.interview_id for cp in batch}))
        by_person: dict[int | None, list[Checkpoint]] = {}
        for cp in batch:
            found = context.get(cp.interview_id)
            by_person.setdefault(found[1].id if found else None, []).append(cp)

        def rendering(group: list[Checkpoint]) -> Callable[[], list[Outgoing]]:
            def render() -> list[Outgoing]:
                outs = (self._prepare(cp, context.get(cp.interview_id), now) for cp in group)
                return [out for out in outs if out is not None]
            return render

        return [rendering(group) for group in by_person.values()]

    def _start(self, queues: list[list[Outgoing]], now: datetime,
               pool: ThreadPoolExecutor) -> list[Future[int]]:
        """Hand each person's reminders to a sender thread, or, for a sender that sends on
        its own event loop, all of that sender's reminders to the loop at once."""
        on_loop: dict[int, tuple[AsyncSender, list[list[Outgoing]]]] = {}
        started: list[Future[int]] = []
        # Asked once per sender, not per person: a runtime Protocol check looks up each
        # of the protocol's methods.
        has_loop: dict[int, bool] = {}
        for queue in queues:
            sender = self.senders[queue[0].to.platform]
            own = has_loop.get(id(sender))
            if own is None:
                own = has_loop[id(sender)] = isinstance(sender, AsyncSender)
            if own:
                sender = cast(AsyncSender, sender)
                on_loop.setdefault(id(sender), (sender, []))[1].append(queue)
            else:
                started.append(pool.submit(self._send_in_order, queue, now))
        for sender, its_queues in on_loop.values():
            started.append(asyncio.run_coroutine_threadsafe(
                self._send_on_loop(sender, its_queues, now), sender.event_loop()))
        return started

    def _prepare(
        self,
        cp: Checkpoint,
        found: tuple[Interview, Person, list[Identity]] | None,
        now: datetime,
    ) -> Outgoing | None:
        """The message for a claimed checkpoint, or None when it must not go now."""
        try:
            if found is None:
                self.repo.update_checkpoint(cp.id, state=CheckpointState.CANCELLED,
                                            expect=[CheckpointState.SENDING])
                return None
            interview, person, identities = found
            allowed = release_time(cp.kind, interview, now, self.coach.prefs(person))
            if allowed > now:
                # Due while the user sleeps (or outside office hours for a call): wait.
                self.repo.update_checkpoint(cp.id, state=CheckpointState.PENDING,
                                            due_at=allowed, expect=[CheckpointState.SENDING])
                return None
            reachable = [i for i in identities if i.platform in self.senders]
            if not reachable:
                self.repo.release(cp.id, now + PARKED)
                return None
            late = now - cp.due_at > LATE_AFTER and cp.due_at > cp.created_at
            reply = reminder(cp, interview, person, now, late=late)
            return Outgoing(cp, reachable[0], reply, person)
        except Exception:
            log.exception("checkpoint %d could not be prepared; will retry", cp.id,
                          extra={"checkpoint_id": cp.id, "attempt": cp.attempts + 1})
            self.repo.release(cp.id, now + backoff(cp.attempts))
            return None

    def _send_in_order(self, queue: list[Outgoing], now: datetime) -> int:
        return sum(self._send(out, now) for out in queue)

    def _send(self, out: Outgoing, now: datetime) -> int:
        cp, to = out.checkpoint, out.to
        if not self._settler.still_wanted(cp.id):
            self._unwanted(cp)
            return 0
        paused = self._paused_until((to.platform, to.workspace), now)
        if paused is not None:
            self._hold(cp, paused)
            return 0
        try:
            self.senders[to.platform].send(to, out.reply)
        except Exception as error:
            # The wait it asks for runs from its answer, not from the batch's claim.
            self._failed(cp, to, error, self.clock.now())
            return 0
        self._settler.confirm(cp.id, now)
        self._after(cp)
        self._delivered(out, now)
        return 1

    @staticmethod
    def _unwanted(cp: Checkpoint) -> None:
        # Claimed a moment ago, but the user pressed Sent or reported an outcome since:
        # a reminder for something already done must not go out.
        log.info("checkpoint %d no longer wanted; not sent", cp.id,
                 extra={"checkpoint_id": cp.id})

    def _paused_until(self, destination: tuple[Platform, str], now: datetime
                      ) -> datetime | None:
        """When the platform asked us (429) to wait for this destination, till when."""
        with self._pause_lock:
            paused = self._paused.get(destination)
        return paused if paused is not None and paused > now else None

    def _hold(self, cp: Checkpoint, until: datetime) -> None:
        # No point hitting a platform that asked us to wait before then.
        self.repo.update_checkpoint(cp.id, state=CheckpointState.PENDING, due_at=until,
                                    expect=[CheckpointState.SENDING])

    def _failed(self, cp: Checkpoint, to: Identity, error: Exception, now: datetime) -> None:
        """A send that did not go: back in the queue after the wait it calls for."""
        if not isinstance(error, SendFailed):
            log.error("checkpoint %d failed to deliver; will retry", cp.id, exc_info=error,
                      extra={"checkpoint_id": cp.id, "attempt": cp.attempts + 1})
            self.repo.release(cp.id, now + backoff(cp.attempts))
            return
        wait = (timedelta(seconds=error.retry_after) if error.retry_after is not None
                else PARKED if error.permanent else backoff(cp.attempts))
        log.warning("checkpoint %d not delivered (%s); retrying in %s", cp.id, error, wait,
                    extra={"checkpoint_id": cp.id, "attempt": cp.attempts + 1})
        if error.retry_after is not None:
            with self._pause_lock:
                self._paused[(to.platform, to.workspace)] = now + wait
        self.repo.release(cp.id, now + wait)

    def _after(self, cp: Checkpoint) -> None:
        try:
            self.coach.after_delivery(cp)
        except Exception:
            # The reminder went out and is confirmed; the next change replans anyway.
            log.exception("checkpoint %d: planning after delivery failed", cp.id,
                          extra={"checkpoint_id": cp.id})

    def _delivered(self, out: Outgoing, now: datetime,
                   batch: list[Outgoing] | None = None) -> None:
        """A reminder went out and its confirmation is stored. Logged at INFO one line
        each, or, with `batch` (the event loop's way), one line for the whole batch
        (`_send_on_loop`) and one each at DEBUG."""
        if self._reports:
            self._on_delivered(Delivered(at=now, to=out.to, reply=out.reply,
                                         tz=out.person.tz))
        if batch is None:
            log.info("checkpoint %d (%s) delivered", out.checkpoint.id,
                     out.checkpoint.kind.value, extra={"checkpoint_id": out.checkpoint.id,
                                                       "platform": out.to.platform.value})
            return
        batch.append(out)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("checkpoint %d (%s) delivered", out.checkpoint.id,
                      out.checkpoint.kind.value, extra={"checkpoint_id": out.checkpoint.id,
                                                        "platform": out.to.platform.value})

    async def _send_on_loop(self, sender: AsyncSender, queues: list[list[Outgoing]],
                            now: datetime) -> int:
        """Send on the sender's loop, up to `lanes` people at once, each in order. Like a
        sender thread, a lane has its reminder's confirmation committed before it sends
        the next, so a crash repeats at most one message per lane; the confirmation goes
        in one request with the next reminder's check (`_send_async`). One INFO line
        names every reminder of the batch that went out."""
        waiting = deque(queues)
        delivered: list[Outgoing] = []

        async def lane() -> None:
            held = _Held()
            try:
                while waiting:
                    for out in waiting.popleft():
                        await self._send_async(sender, out, now, held, delivered)
            finally:
                # The lane's last message, or the one sent before a failure: recorded
                # before the failure is reported (a crash would repeat it, as before).
                if held.out is not None:
                    out, held.out = held.out, None
                    await self._confirm_alone(out, now, delivered)

        try:
            results = await asyncio.gather(
                *(lane() for _ in range(min(self.lanes, len(queues)))), return_exceptions=True)
        finally:
            if delivered:
                ids = [out.checkpoint.id for out in delivered]
                log.info("%d reminders delivered: checkpoints %s", len(ids),
                         ",".join(map(str, ids)), extra={"checkpoint_ids": ids})
        for result in results:  # every lane has finished: now report a failure, if any
            if isinstance(result, BaseException):
                raise result
        return len(delivered)

    async def _send_async(self, sender: AsyncSender, out: Outgoing, now: datetime,
                          held: _Held, delivered: list[Outgoing]) -> None:
        """`_send` as a coroutine; the database work goes to another thread, grouped with
        other lanes'. `held.out` is the lane's reminder sent before this one: its
        confirmation is committed with this one's check, in one request (alone first when
        it has work to do after delivery, which must see it confirmed before this one is
        checked). When this one goes out, it is held in turn."""
        cp, to = out.checkpoint, out.to
        previous = held.out
        if previous is not None and self.coach.acts_after(previous.checkpoint):
            await self._confirm_alone(previous, now, delivered)
            held.out = previous = None
        if previous is None:
            wanted = await self._async_settler.still_wanted(cp.id)
        else:
            wanted = await self._async_settler.confirm_and_check(
                (previous.checkpoint.id, now), cp.id)
            held.out = None
            self._delivered(previous, now, delivered)
        if not wanted:
            self._unwanted(cp)
            return
        loop = asyncio.get_running_loop()
        paused = self._paused_until((to.platform, to.workspace), now)
        if paused is not None:
            await loop.run_in_executor(None, self._hold, cp, paused)
            return
        try:
            await sender.send_async(to, out.reply)
        except Exception as error:
            answered = self.clock.now()  # what Retry-After counts from, not the claim
            await loop.run_in_executor(None, self._failed, cp, to, error, answered)
            return
        held.out = out

    async def _confirm_alone(self, out: Outgoing, now: datetime,
                             delivered: list[Outgoing]) -> None:
        await self._async_settler.confirm(out.checkpoint.id, now)
        if self.coach.acts_after(out.checkpoint):
            await asyncio.get_running_loop().run_in_executor(None, self._after, out.checkpoint)
        self._delivered(out, now, delivered)

    def advance_to(self, target: datetime, max_steps: int = 100_000) -> None:
        """Move a simulated clock to `target`, delivering everything as it falls due.

        This is how the terminal's `wait` and the tests live through a week in seconds,
        on the same delivery path as real time.
        """
        clock = self.clock
        if not isinstance(clock, SimulatedClock):
            raise TypeError("only a simulated clock can be moved on")
        for _ in range(max_steps):  # each step delivers or moves something on
            due = self.next_due()
            if due is None or due > target:
                break
            clock.set(max(due, clock.now()))
            self.deliver_due()
        clock.set(max(target, clock.now()))

    # --- club posts -------------------------------------------------------------------
    def _post_due(self) -> int:
        """Post every club post that is due, claimed and confirmed like checkpoints."""
        platforms = self.post_platforms
        posted = 0
        for _ in range(10_000 if platforms else 0):  # bounded, like deliver_due
            now = self.clock.now()
            batch = self.repo.claim_posts(now, BATCH, platforms)
            if not batch:
                break
            self._posting.hold(post.id for post in batch)
            try:
                for post in batch:
                    posted += self._post_one(post, now)
            finally:
                self._posting.drop(post.id for post in batch)
        return posted

    def _post_one(self, post: ClubPost, now: datetime) -> int:
        try:
            club = self.repo.get_club(post.club_id)
            reply = None if club is None else prepare_club_post(self.repo, club, post, now)
            if club is None or reply is None:
                self.repo.cancel_post(post.id)
                return 0
            sender = cast(ChannelSender, self.senders[club.where.platform])
            sender.post(club.where, reply)
        except SendFailed as failure:
            now = self.clock.now()  # Retry-After runs from the answer, not the claim
            wait = (timedelta(seconds=failure.retry_after) if failure.retry_after is not None
                    else PARKED if failure.permanent else backoff(post.attempts))
            log.warning("club post %d not delivered (%s); retrying in %s", post.id, failure,
                        wait, extra={"post_id": post.id, "attempt": post.attempts + 1})
            self.repo.release_post(post.id, now + wait)
            return 0
        except Exception:
            log.exception("club post %d failed to deliver; will retry", post.id,
                          extra={"post_id": post.id, "attempt": post.attempts + 1})
            self.repo.release_post(post.id, now + backoff(post.attempts))
            return 0
        self.repo.confirm_post(post.id, now)
        log.info("club post %d (%s) delivered", post.id, post.kind.value,
                 extra={"post_id": post.id, "platform": club.where.platform.value})
        return 1


class _Held:
    """A lane's reminder that went out and whose confirmation is not stored yet."""

    __slots__ = ("out",)

    def __init__(self) -> None:
        self.out: Outgoing | None = None


def _finished(futures: list[Future[int]]) -> int:
    """Wait for every send started; then raise the first failure, if any."""
    results: list[int] = []
    failure: BaseException | None = None
    for future in futures:
        try:
            results.append(future.result())
        except BaseException as error:  # re-raised below, once all are done
            failure = failure or error
    if failure is not None:
        raise failure
    return sum(results)


def local_stamp(delivered: Delivered) -> str:
    here = delivered.at.astimezone(ZoneInfo(delivered.tz))
    return f"{here:%a %Y-%m-%d %H:%M} {here.tzname()}"
