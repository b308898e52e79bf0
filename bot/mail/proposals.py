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


def thank_you(match: Match) -> tuple[Reading, str | None]:
    """The question for a BCC'd thank-you, and a line about the greeting's spelling."""
    interview = match.interview
    ref = InterviewRecord(interview.id)
    choices: tuple[Choice, ...]
    if match.interviewer is not None:
        name = match.interviewer.name
        question = (f"I see your thank-you to {name} ({interview.title}, "
                    f"#{interview.number}). Mark it sent?")
        choices = (Choice(f"Mark sent to {name}", MarkSent(ref, to=name)),)
    else:
        question = (f"I see a thank-you about your {interview.title} interview "
                    f"(#{interview.number}). Who was it to?")
        choices = tuple(Choice(f"Sent to {p.name}", MarkSent(ref, to=p.name))
                        for p in interview.interviewers)
    spelling = None
    if match.greeted and match.interviewer is not None:
        spelling = (f"Heads-up: your note greets “{match.greeted}”, but I have "
                    f"“{match.interviewer.name}”. Worth checking the spelling.")
    return Reading(question=question, choices=(*choices, Choice(NOT_THIS, None))), spelling


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
                           choices=(Choice("Apply", reading.command), Choice(NOT_THIS, None)))
        if reading.choices:
            choices = reading.choices if any(c.command is None for c in reading.choices) \
                else (*reading.choices, Choice(NOT_THIS, None))
            return Reading(question=f"You forwarded a reply from {who}. "
                                    f"{reading.question}", choices=choices)
    return None
