"""One message to a private address: find whose, read it, propose, tell them.

Both ways mail arrives (the SMTP server of `followup-bot mail`, the web process's
inbound webhook) call `MailIntake`. Mail to an unknown or reset address is refused
before it is read; machine mail (loops) is dropped unanswered. A message's text lives
only while this call runs: what is stored is the proposal's commands, in the person's
`ChoiceFlow`, until they press a button. The one thing done without asking is marking a
BCC'd thank-you to one clear interviewer sent, with an Undo button. Each address takes
at most `MailLimits` messages an hour and a day (counted in the database, so every
process shares the count); more is refused unread. Logs name outcomes, never addresses
or text.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from bot.conversation import understood
from bot.conversation.coach import Coach
from bot.conversation.turn import Turn
from bot.mail import proposals, thanks
from bot.mail.address import token_hash, token_of
from bot.mail.matching import match
from bot.mail.reading import Mail, read_mail
from bot.messages import Reply
from bot.model import Person, Platform
from bot.ports.sender import Sender, SendFailed
from bot.text import short

log = logging.getLogger(__name__)

#: Larger mail is refused (SMTP 552, HTTP 413): a thank-you or a reply is a few kB.
MAX_BYTES = 1_000_000


#: A proposal holds a few of the message's words (a next round's sentence) until it is
#: answered; unanswered, it is deleted after this long, by the clock's sweep if the
#: person never writes again.
KEEP_PROPOSALS = understood.PROPOSAL_LIFETIME


class Received(StrEnum):
    PROPOSED = "proposed"  # a question with buttons went to the person
    ACTED = "acted"  # a BCC'd thank-you marked sent, with an Undo button
    TOLD = "told"  # read, but nothing to propose: the person was told so
    LOOP = "loop"  # an auto-reply or bounce: dropped, never answered
    UNREADABLE = "unreadable"  # not a message at all: dropped
    UNKNOWN = "unknown"  # no such address (or a reset one): refused
    LIMITED = "limited"  # over the address's hourly or daily limit: refused, try later


@dataclass(frozen=True, slots=True)
class MailLimits:
    """Messages one address takes an hour and a day: a person forwards a few a day, so
    more is a loop or someone flooding the address (FOLLOWUP_MAIL_PER_HOUR, …_PER_DAY)."""

    per_hour: int = 20
    per_day: int = 100


class MailIntake:
    """Routes mail at `domain` to the coach and the platform `senders` (a mapping the
    process may fill later: delivery registers its senders there)."""

    def __init__(self, coach: Coach, senders: Mapping[Platform, Sender], domain: str,
                 limits: MailLimits | None = None) -> None:
        self.coach = coach
        self.senders = senders
        self.domain = domain.strip().lower()
        self.limits = limits or MailLimits()

    def person_for(self, address: str) -> Person | None:
        """Whose private address this is; None for another domain, a wrong or a reset one."""
        token = token_of(address, self.domain)
        if token is None:
            return None
        return self.coach.repo.person_by_mail_token_hash(token_hash(token))

    def over_limit(self, address: str, person: Person) -> bool:
        """Whether `address` (`person`'s) has already had its hour's or day's messages: a
        look only, for refusing early (SMTP's RCPT TO); `receive` counts atomically."""
        token = token_of(address, self.domain)
        if token is None:
            return False
        repo, now, hashed = self.coach.repo, self.coach.clock.now(), token_hash(token)
        over = repo.mail_arrivals_since(hashed, now - timedelta(hours=1)) >= \
            self.limits.per_hour or \
            repo.mail_arrivals_since(hashed, now - timedelta(days=1)) >= self.limits.per_day
        if over:
            self._refused(person)
        return over

    def _refused(self, person: Person) -> None:
        log.warning("mail for person %s refused: over the limit of %d an hour or %d a day",
                    person.id, self.limits.per_hour, self.limits.per_day)

    def admitted(self, address: str, person: Person) -> bool:
        """Whether `address` (`person`'s) may take this message: counted if so, or one
        log line without the address if it has had its hour's or day's messages."""
        token = token_of(address, self.domain)
        if token is None:
            return False
        if self.coach.repo.admit_mail(token_hash(token), self.coach.clock.now(),
                                      self.limits.per_hour, self.limits.per_day):
            return True
        self._refused(person)
        return False

    def receive(self, address: str, raw: bytes, envelope_from: str | None = None) -> Received:
        person = self.person_for(address)
        if person is None:
            return Received.UNKNOWN
        if not self.admitted(address, person):
            return Received.LIMITED
        outcome, replies = self.take(person, raw, envelope_from)
        self._tell(person, replies)
        return outcome

    def take(self, person: Person, raw: bytes, envelope_from: str | None = None
             ) -> tuple[Received, list[Reply]]:
        """Read one message as `person`'s and propose what it says: what happened, and
        the replies to give them (the caller says them: `receive` through the platform,
        the terminal's `mail FILE.eml` on screen)."""
        mail = read_mail(raw[:MAX_BYTES], envelope_from)
        if mail is None:
            log.info("mail for person %s: unreadable, dropped", person.id)
            return Received.UNREADABLE, []
        if mail.loop is not None:
            log.info("mail for person %s: machine mail (%s), dropped", person.id, mail.loop)
            return Received.LOOP, []
        repo = self.coach.repo
        with repo.serialised(person.id):
            person = repo.get_person(person.id) or person
            turn = Turn(repo, self.coach.clock, self.coach.defaults, person)
            replies, outcome = self._propose(turn, mail)
        log.info("mail for person %s: %s", person.id, outcome)
        return outcome, replies

    def _propose(self, turn: Turn, mail: Mail) -> tuple[list[Reply], Received]:
        found = match(mail, turn.open_interviews())
        kind = "a forwarded message" if mail.forwarded else "an email"
        if found is None:
            return [Reply(text=f"I got {kind} at your private address "
                               f"(“{short(mail.subject, 60)}”) but couldn't tell which "
                               "interview it's about, so I changed nothing. Tell me in "
                               "a line, e.g. `sent 1 Jane`.")], Received.TOLD
        notes: list[Reply] = []
        if mail.forwarded:
            proposal = proposals.forwarded(turn, mail, found)
            if proposal is None:
                return [Reply(text=f"I read the reply you forwarded about "
                                   f"{found.interview.title} (#{found.interview.number}) "
                                   "but found no news I know how to record, so I changed "
                                   "nothing. Tell me what it says, e.g. `heard 1 offer`.")
                        ], Received.TOLD
        elif found.interviewer is not None:
            return thanks.mark_sent(turn, found), Received.ACTED
        else:
            proposal = proposals.thank_you(found)
        waiting = turn.flow()
        replies = understood.act(turn, proposal, keep_for=KEEP_PROPOSALS)
        if waiting is not None:
            # Mail arrives whenever it does: the person may be mid-way through a question.
            notes.append(Reply(text=f"(I've set aside my earlier question, “"
                                    f"{short(waiting.question, 60)}”; ask me again when "
                                    "this is done.)"))
        return replies + notes, Received.PROPOSED

    def _tell(self, person: Person, replies: list[Reply]) -> None:
        for identity in self.coach.repo.identities_of(person.id):
            sender = self.senders.get(identity.platform)
            if sender is None:
                continue
            try:
                for reply in replies:
                    sender.send(identity, reply)
                return
            except SendFailed as failed:
                log.warning("could not tell person %s about their mail on %s: %s",
                            person.id, identity.platform, type(failed).__name__)
        log.warning("person %s has no platform to be told about their mail on", person.id)
