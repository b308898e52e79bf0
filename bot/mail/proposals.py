"""What a matched message proposes, as a question with buttons: nothing is changed by
mail alone. The person's press runs the command, through the same `ChoiceFlow` a
sentence the coach wasn't sure of uses."""

from __future__ import annotations

import re

from bot.commands import InterviewRecord, MarkSent
from bot.conversation.turn import Turn, holidays_near
from bot.mail.matching import Match
from bot.mail.reading import Mail
from bot.parsing.understanding import Choice, Context, KnownInterview, Reading, understand

NOT_THIS = "Not this"
#: At most this many sentences of a forwarded reply are read: the news comes early.
SENTENCES = 30
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def thank_you(match: Match) -> Reading:
    """The question for a BCC'd thank-you whose interviewer isn't clear: which one?"""
    interview = match.interview
    ref = InterviewRecord(interview.id)
    choices = tuple(Choice(f"Sent to {p.name}", MarkSent(ref, to=p.name))
                    for p in interview.interviewers)
    return Reading(question=f"I see a thank-you about your {interview.title} interview "
                            f"(#{interview.number}). Who was it to?",
                   choices=(*choices, Choice(NOT_THIS, None)))


def forwarded(turn: Turn, mail: Mail, match: Match) -> Reading | None:
    """What the forwarded reply says about the matched interview, as a question; None
    when no sentence of it is news the coach knows."""
    interview = match.interview
    known = (KnownInterview(interview.number, interview.id, interview.company,
                            interview.role, tuple(p.name for p in interview.interviewers),
                            interview.is_open),)
    ctx = Context(turn.now, turn.tz, known, holidays_near(turn.person.tz, turn.now.year))
    sentences = [s.strip() for s in _SENTENCE_END.split(mail.text) if s.strip()]
    for sentence in sentences[:SENTENCES]:
        reading = understand(sentence, ctx)
        if reading is None:
            continue
        who = f"{interview.company} (#{interview.number})"
        if reading.command is not None:
            label = reading.understood or "Apply it"
            return Reading(question=f"You forwarded a reply from {who}. I read: "
                                    f"{label} Shall I record that?",
                           choices=(Choice("Apply", reading.command), Choice(NOT_THIS, None)),
                           editable=True)
        if reading.choices:
            choices = reading.choices if any(c.command is None for c in reading.choices) \
                else (*reading.choices, Choice(NOT_THIS, None))
            return Reading(question=f"You forwarded a reply from {who}. "
                                    f"{reading.question}", choices=choices, editable=True)
    return None
