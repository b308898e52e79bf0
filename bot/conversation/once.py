"""A request applied once, however often it arrives, and a repeat told what it did.

Platforms deliver some requests twice: Slack retries an event or a slash command it
thinks failed, a person double-presses a button. Each request has a durable key (the
adapter derives it from the platform's ids). `apply_once` applies the request and
records its key, with the texts it answered, in one transaction (the person's
`serialised` unit): both are committed or neither is. A repeat, even one that arrives
while the first is still being applied, waits for the person's lock, finds the key and
is answered with what the first answer said, without applying anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

from bot.conversation.coach import APOLOGY, DATABASE_DOWN, Coach
from bot.messages import Inbound, Reply
from bot.model import Identity, Person
from bot.ports.answers import StoredAnswer
from bot.ports.repository import RepositoryUnavailable

#: What a repeat is told before what the first answer said.
REPEAT_LEAD = "I got that request twice and did it once. What I answered the first time:"
#: How much of each answer is kept to say again (a repeat needs the gist, not every draft).
KEPT_CHARACTERS = 3000
#: A calendar feed's link is its secret: never kept, even to be said again.
_FEED_LINK = re.compile(r"/calendar/[^\s/<>|)\]]+\.ics")


@dataclass(frozen=True, slots=True)
class Applied:
    """What to answer: the replies of the first application, or (`repeat`) a reply
    saying it was a repeat and what the first answer said."""

    replies: list[Reply] = field(default_factory=list)
    repeat: bool = False


class _NotApplied(Exception):
    """The core answered with an apology: its changes are rolled back, none recorded."""

    def __init__(self, replies: list[Reply]) -> None:
        super().__init__("not applied")
        self.replies = replies


def apply_once(coach: Coach, key: str | None, inbound: Inbound) -> Applied:
    """`coach.handle(inbound)` once for `key` (None: no key, handled as it comes).

    Raises RepositoryUnavailable when the database failed: then nothing was applied or
    recorded, and the request may be tried again. An answer that is the core's apology
    (a bug) is not recorded either; its changes are rolled back.
    """
    if key is None:
        return Applied(coach.handle(inbound))
    # Found by the adapter already, or by the unit's lock (the core's look-up inside it
    # then costs nothing).
    return once(coach, key, inbound.identity, lambda: coach.handle(inbound),
                person=inbound.person)


def once(coach: Coach, key: str, identity: Identity,
         work: Callable[[], list[Reply] | None], *, person: Person | None = None) -> Applied:
    """`work` (which asks the core) once for `key`, in the person's unit, as
    `apply_once` does; `work` returns the replies of what it applied, or None when it
    applied nothing (a form with problems): then nothing is recorded, and Applied has
    no replies. `person` is the one behind `identity` when the caller has found them."""
    repo = coach.repo
    unit = repo.serialised_as(identity, coach.defaults.tz, coach.defaults.quiet, request=key) \
        if person is None else _as(person, repo.serialised(person.id, request=key))
    try:
        with unit as person:
            earlier = repo.answer_for(key)
            if earlier is not None:
                return Applied([repeat_reply(earlier)], repeat=True)
            replies = work()
            if replies is None:
                return Applied()
            if replies == [Reply(text=DATABASE_DOWN)]:
                raise RepositoryUnavailable("the database failed while applying a request")
            if replies == [Reply(text=APOLOGY)]:
                raise _NotApplied(replies)
            repo.record_answer(key, person.id, tuple(kept_text(r) for r in replies),
                               coach.clock.now())
    except _NotApplied as failed:
        return Applied(failed.replies)
    return Applied(replies)


@contextmanager
def _as(person: Person, unit: AbstractContextManager[None]) -> Iterator[Person]:
    """A unit opened by id, yielding its person as `serialised_as` does."""
    with unit:
        yield person


def kept_text(reply: Reply) -> str:
    """What of a reply is kept to be said again: its plain text, without feed links."""
    return _FEED_LINK.sub("/calendar/<not shown again>.ics", reply.plain)[:KEPT_CHARACTERS]


def repeat_reply(earlier: StoredAnswer) -> Reply:
    """The answer to a repeat: it was done once, and what the first answer said."""
    said = "\n\n".join(text for text in earlier.texts if text) or "(nothing to show)"
    return Reply(text=f"{REPEAT_LEAD}\n\n{said}")
