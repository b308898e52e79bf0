"""Delivering due checkpoints: claim, send, confirm — never lose one, repeat at most in-flight.

A checkpoint is claimed (PENDING -> SENDING) before its message goes out and confirmed
(SENDING -> SENT) after. A crash in between leaves it SENDING; `recover` puts such rows
back, so the only possible harm is one repeated message, never a lost one. Club posts
(digests, moments, drafts) go the same way to senders that can `post` in a channel.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from bot import club_posts
from bot.clock import Clock, SimulatedClock
from bot.club_model import ClubPost
from bot.conversation import Coach
from bot.messages import Reply
from bot.model import Checkpoint, CheckpointState, Identity, Interview, Person, Platform
from bot.plan import release_time
from bot.reminders import reminder
from bot.repository import Repository
from bot.sender import ChannelSender, Sender, SendFailed

log = logging.getLogger(__name__)

BATCH = 200
LATE_AFTER = timedelta(minutes=15)
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)
PARKED = timedelta(hours=6)  # a permanent failure is tried again much later, not dropped
#: A claim older than this belongs to a worker that died: one batch takes seconds.
STALE_CLAIM = timedelta(minutes=5)


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
    delay = min(BACKOFF_BASE * (2 ** min(attempts, 12)), BACKOFF_MAX)
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
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.coach = coach
        self.senders = dict(senders)
        self._on_delivered = on_delivered or (lambda _d: None)
        self.workers = workers
        # Destinations that answered 429, and until when they asked us to wait.
        self._paused: dict[tuple[Platform, str], datetime] = {}
        self._pause_lock = threading.Lock()

    @property
    def platforms(self) -> list[Platform]:
        return list(self.senders)

    @property
    def post_platforms(self) -> list[Platform]:
        """Platforms whose sender can also post in a channel (club posts)."""
        return [p for p, s in self.senders.items() if callable(getattr(s, "post", None))]

    def recover(self) -> int:
        """After a crash: stale in-flight claims go back to the queue (sent again at most once)."""
        count = self.repo.recover_in_flight(self.clock.now() - STALE_CLAIM)
        if count:
            log.warning("recovered %d checkpoints left in flight by a previous run", count)
        posts = self.repo.recover_posts(self.clock.now() - STALE_CLAIM)
        if posts:
            log.warning("recovered %d club posts left in flight by a previous run", posts)
        return count + posts

    def next_due(self) -> datetime | None:
        """The earliest due checkpoint or club post: when the scheduler should wake."""
        due = [self.repo.next_due_at(self.platforms)]
        if self.post_platforms:
            due.append(self.repo.next_post_due(self.post_platforms))
        return min((d for d in due if d is not None), default=None)

    def deliver_due(self) -> int:
        """Deliver everything due now; return how many messages went out."""
        sent = 0
        self.recover()
        for _ in range(10_000):  # bounded: each round claims a fresh batch
            now = self.clock.now()
            batch = self.repo.claim_due(now, BATCH, self.platforms)
            if not batch:
                break
            sent += self._deliver_batch(batch, now)
        return sent + self._post_due()

    def _deliver_batch(self, batch: list[Checkpoint], now: datetime) -> int:
        """Read the batch's people at once, then send; one person's messages stay in order.

        With several senders, each person's reminders are handed over as soon as they are
        rendered, so rendering the rest of the batch overlaps the sends already under way
        (a rate-limited platform never waits for a whole batch to be prepared).
        """
        context = self.repo.delivery_context(sorted({cp.interview_id for cp in batch}))
        by_person: dict[int | None, list[Checkpoint]] = {}
        for cp in batch:
            found = context.get(cp.interview_id)
            by_person.setdefault(found[1].id if found else None, []).append(cp)
        groups = list(by_person.values())

        def prepared(group: list[Checkpoint]) -> list[Outgoing]:
            outs = (self._prepare(cp, context.get(cp.interview_id), now) for cp in group)
            return [out for out in outs if out is not None]

        if self.workers <= 1 or len(groups) <= 1:
            return sum(self._send_in_order(prepared(group), now) for group in groups)
        # Sends wait on the network; a few at once keep a slow API from setting the pace.
        with ThreadPoolExecutor(max_workers=self.workers,
                                thread_name_prefix="delivery") as pool:
            sending = [pool.submit(self._send_in_order, queue, now)
                       for group in groups if (queue := prepared(group))]
            return sum(future.result() for future in sending)

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
        destination = (to.platform, to.workspace)
        if not self.repo.still_sending([cp.id]):
            # Claimed a moment ago, but the user pressed Sent or reported an outcome
            # since: a reminder for something already done must not go out.
            log.info("checkpoint %d no longer wanted; not sent", cp.id,
                     extra={"checkpoint_id": cp.id})
            return 0
        try:
            with self._pause_lock:
                paused = self._paused.get(destination)
            if paused is not None and paused > now:
                # The platform asked us to wait (429) for this destination: no point
                # hitting it again before then.
                self.repo.update_checkpoint(cp.id, state=CheckpointState.PENDING,
                                            due_at=paused, expect=[CheckpointState.SENDING])
                return 0
            self.senders[to.platform].send(to, out.reply)
        except SendFailed as failure:
            wait = (timedelta(seconds=failure.retry_after) if failure.retry_after is not None
                    else PARKED if failure.permanent else backoff(cp.attempts))
            log.warning("checkpoint %d not delivered (%s); retrying in %s", cp.id, failure, wait,
                        extra={"checkpoint_id": cp.id, "attempt": cp.attempts + 1})
            if failure.retry_after is not None:
                with self._pause_lock:
                    self._paused[destination] = now + wait
            self.repo.release(cp.id, now + wait)
            return 0
        except Exception:
            log.exception("checkpoint %d failed to deliver; will retry", cp.id,
                          extra={"checkpoint_id": cp.id, "attempt": cp.attempts + 1})
            self.repo.release(cp.id, now + backoff(cp.attempts))
            return 0
        self.repo.confirm_sent(cp.id, now)
        self._on_delivered(Delivered(at=now, to=to, reply=out.reply, tz=out.person.tz))
        try:
            self.coach.after_delivery(cp)
        except Exception:
            # The reminder went out and is confirmed; the next change replans anyway.
            log.exception("checkpoint %d: planning after delivery failed", cp.id,
                          extra={"checkpoint_id": cp.id})
        log.info("checkpoint %d (%s) delivered", cp.id, cp.kind.value,
                 extra={"checkpoint_id": cp.id, "platform": to.platform.value})
        return 1

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
            for post in batch:
                posted += self._post_one(post, now)
        return posted

    def _post_one(self, post: ClubPost, now: datetime) -> int:
        try:
            club = self.repo.get_club(post.club_id)
            reply = None if club is None else club_posts.prepare(self.repo, club, post, now)
            if club is None or reply is None:
                self.repo.cancel_post(post.id)
                return 0
            sender = cast(ChannelSender, self.senders[club.where.platform])
            sender.post(club.where, reply)
        except SendFailed as failure:
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


def local_stamp(delivered: Delivered) -> str:
    here = delivered.at.astimezone(ZoneInfo(delivered.tz))
    return f"{here:%a %Y-%m-%d %H:%M} {here.tzname()}"
