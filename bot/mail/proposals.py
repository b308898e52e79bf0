"""What a matched message proposes, as a question with buttons: nothing is changed by
mail alone. The person's press runs the command, through the same `ChoiceFlow` a
sentence the coach wasn't sure of uses."""

from __future__ import annotations

import re

from bot.commands import Command, InterviewRecord, MarkSent, RecordPromise, ReportOutcome
from bot.conversation.turn import Turn
from bot.mail.employer import Doubt, News, read_news
from bot.mail.matching import Match
from bot.mail.reading import Mail
from bot.model import Outcome, Promise
from bot.parsing.understanding import Choice, Reading

NOT_THIS = "Not this"


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
    """What the forwarded reply says about the matched interview, as a question with
    buttons (`bot.mail.employer` weighs the whole message); None when it holds no news
    the coach records. A message that says two things asks which, never proposes."""
    interview = match.interview
    heard = read_news(mail.subject, mail.text, turn.now, turn.tz, interview.role,
                      known_on=interview.promise.on if interview.promise else None,
                      reader=mail.sender[0] if mail.forwarded else "")
    who = f"{interview.company} (#{interview.number})"
    ref = InterviewRecord(interview.id)
    if heard.doubt is not None:
        (news,) = heard.unsure
        return Reading(question=f"You forwarded a reply from {who}. It sounds like "
                                f"{_LABELS[news].lower()}, but {_DOUBTS[heard.doubt]} "
                                f"Shall I record it for {interview.role}?",
                       choices=(Choice(f"Record {_LABELS[news].lower()}",
                                       _command(news, ref, "", heard.promise)),
                                Choice("Keep it open for now", None)))
    if heard.unsure:
        choices = tuple(Choice(_LABELS[news], _command(news, ref, "")) for news in heard.unsure)
        return Reading(question=f"You forwarded a reply from {who}. It reads two ways to "
                                "me: which is it?",
                       choices=(*choices, Choice(NOT_THIS, None)))
    if heard.news is None:
        return None
    command = _command(heard.news, ref, _one_time(heard.sentence), heard.promise)
    read = f"they'll be in touch by {heard.promise.on:%a %-d %b}." \
        if heard.news is News.DECIDE_BY and heard.promise is not None else \
        f"{_LABELS[heard.news]} from {who}."
    return Reading(question=f"You forwarded a reply from {who}. I read: {read} "
                            "Shall I record that?",
                   choices=(Choice("Apply", command), Choice(NOT_THIS, None)), editable=True)


_DOUBTS = {Doubt.OTHER_ROLE: "it may be about another job.",
           Doubt.HEDGED: "only as a guess or on a condition.",
           Doubt.SOMEONE_ELSE: "it greets someone else by name: was it meant for you?",
           Doubt.TEMPLATE: "it looks like a form letter gone wrong (blanks left in, or "
                           "good news that says no)."}
_OUTCOMES = {News.OFFER: Outcome.OFFER, News.REJECTED: Outcome.REJECTED,
             News.NEXT_ROUND: Outcome.NEXT_ROUND}
_LABELS = {News.OFFER: "An offer", News.REJECTED: "A no",
           News.NEXT_ROUND: "A next round", News.DECIDE_BY: "A new decision date"}

#: A time of day ("3pm", "10:30"): a next round's sentence is kept only with one of them.
_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b", re.I)


def _command(news: News, ref: InterviewRecord, said: str,
             promise: Promise | None = None) -> Command:
    """The command recording `news`; a decision date's needs its `promise` (without
    one, the press asks for the date)."""
    if news in _OUTCOMES:
        return ReportOutcome(ref, _OUTCOMES[news], said=said)
    return RecordPromise(ref, promise, said=promise.text if promise else "")


def _one_time(sentence: str) -> str:
    """The sentence, for the next round's date, only when it names exactly one time
    ("Monday 30th at 10am or Tuesday 1st at 3pm" is the person's to choose)."""
    return sentence if len(_TIME.findall(sentence)) == 1 else ""
