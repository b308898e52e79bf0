"""The replan race: many commands about one interview at once, through the real Coach.

Shared by the one-process test and the two-process worker (`tests.storage.replan_worker`).
"""

from __future__ import annotations

import threading
from collections import Counter

from bot.conversation.coach import APOLOGY, DATABASE_DOWN, Coach
from bot.conversation.replan import ACTIVE
from bot.messages import Inbound, Reply
from bot.model import Checkpoint, CheckpointKind, Identity, Platform
from bot.ports.repository import Repository

ADD = "add Acme, data analyst, today 2pm with Jane Smith and Bob Lee"
#: How long a thread waits for the others at the start line; a wedged run fails, not hangs.
START_TIMEOUT = 60.0


def someone(n: int) -> Identity:
    """A person of their own for try `n`, so that their interview is always #1."""
    return Identity(Platform.SLACK, "T1", f"U{n}")


def commands(count: int, offset: int = 0) -> list[str]:
    """`count` commands that each change interview #1 and replan it: a new promise, a
    snooze of one of its first five steps, or a call nobody answered."""
    texts = []
    for n in range(offset, offset + count):
        texts.append((f"promised 1 they'll call me on Dec {2 + n % 5}",
                      f"snooze 1.{1 + n % 5} 2h",
                      "called 1 no answer")[n % 3])
    return texts


def say(coach: Coach, who: Identity, text: str) -> list[Reply]:
    """One message, as a platform hands it over: an Inbound of its own."""
    return coach.handle(Inbound(identity=who, text=text, platform_tz="America/New_York"))


def add_interview(coach: Coach, who: Identity) -> int:
    """Interview #1 for `who`, added through the Coach; its id."""
    replies = say(coach, who, ADD)
    assert "Added #1" in replies[0].plain, replies[0].plain
    person = coach.repo.find_person(who)
    assert person is not None
    interview = coach.repo.find_interview(person.id, 1)
    assert interview is not None
    return interview.id


def at_once(coach: Coach, who: Identity, texts: list[str]) -> list[str]:
    """Every text on a thread of its own, released together; the replies' text, in the
    order of `texts`."""
    start = threading.Barrier(len(texts))
    answers: list[str] = [""] * len(texts)

    def run(index: int) -> None:
        start.wait(START_TIMEOUT)
        answers[index] = "\n".join(reply.plain for reply in say(coach, who, texts[index]))

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(START_TIMEOUT * 2)
    assert not any(thread.is_alive() for thread in threads), "a command never finished"
    return answers


def failures(answers: list[str]) -> list[str]:
    """The answers that were an apology instead of what was asked."""
    return [answer for answer in answers if answer in (APOLOGY, DATABASE_DOWN)]


def active(rows: list[Checkpoint]) -> Counter[tuple[CheckpointKind, int | None]]:
    """How many active checkpoints each key has."""
    return Counter(row.key for row in rows if row.state in ACTIVE)


def duplicates(repo: Repository, interview_id: int) -> int:
    """Active checkpoints beyond the first of their key: each would remind twice."""
    return sum(n - 1 for n in active(repo.checkpoints_for(interview_id)).values())


def left_after_outcome(coach: Coach, who: Identity, interview_id: int
                       ) -> Counter[tuple[CheckpointKind, int | None]]:
    """Report an offer; the active checkpoints left (only the reflection it plans)."""
    assert "An offer" in say(coach, who, "heard 1 offer")[0].plain
    return active(coach.repo.checkpoints_for(interview_id))


#: What an outcome leaves active: the one reflection it plans, nothing of the follow-up.
AFTER_OUTCOME = Counter({(CheckpointKind.REFLECT, None): 1})
