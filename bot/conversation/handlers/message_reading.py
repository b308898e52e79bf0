""""Follow up on this" on a chat message, and the Edit button under a proposal.

A recruiter's or a friend's message ("Acme wants to see you Tuesday 3pm with their CTO")
is read with the understanding layer, in the first person (it was written to the
person). News about an interview already tracked is proposed with Apply / Not this /
Edit, exactly as forwarded mail is; a new interview comes back as the add form filled
in. Nothing changes until the person confirms. The message's words live only in this
call: the proposal keeps its command (trimmed to what applying it needs), the form
what it shows, and no log line holds any of it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.commands import (
    AddInterviewFields,
    Command,
    CorrectInterview,
    EditChoice,
    Fix,
    InterviewRecord,
    MarkSent,
    ReadMessage,
    RecordPromise,
    ReportCall,
    ReportOutcome,
)
from bot.conversation import add_flow, command_codec, understood
from bot.conversation.command_lines import add_line, line_for
from bot.conversation.flows import ChoiceFlow
from bot.conversation.turn import Turn
from bot.messages import AddPrefill, Reply
from bot.model import Outcome, PromiseKind
from bot.parsing.understanding import Choice, Context, Reading, understand
from bot.parsing.understanding.normalise import first_person
from bot.parsing.understanding.references import mentions
from bot.parsing.understanding.story import add_fields, when_in
from bot.text import clean_input

NOT_THIS = "Not this"
#: At most this many sentences are read: the news in a chat message comes early.
SENTENCES = 30
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: Written to the person, read as if they said it: "wants to see you" -> "see me".
#: "wants to see me", "would like to meet me": another meeting with a tracked employer.
_MEET = re.compile(r"\b(?:see|meet|speak\s+(?:to|with)|talk\s+(?:to|with)|have)\s+me\b"
                   r"|\binvite\s+me\b", re.I)
#: News a message can bring about a tracked interview; anything else is not proposed.
_NEWS = (ReportOutcome, RecordPromise, MarkSent, ReportCall, CorrectInterview)
NOTHING = ("I read that message but found no interview to add and no news about one you "
           "track, so I changed nothing. Tell me in a line, e.g. `heard 1 offer`.")


def read(turn: Turn, command: ReadMessage) -> list[Reply]:
    text, _ = clean_input(command.text)
    if not text.strip():
        return [Reply(text="That message has no words I can read, so I changed nothing.")]
    said = first_person(text)
    ctx = understood.context_for(turn)
    sentences = [s.strip() for s in _SENTENCE_END.split(said) if s.strip()][:SENTENCES]
    found = mentions(said, ctx.known)
    named = [k for k in ctx.known if k.number in {*found.by_company, *found.people}]
    if len(named) == 1:  # about one tracked interview: each sentence is read for it
        about = replace(ctx, known=(named[0],))
        for sentence in sentences:
            proposal = _news(turn, sentence, about)
            if proposal is not None:
                return understood.act(turn, proposal,
                                      keep_for=understood.PROPOSAL_LIFETIME)
    fields = add_fields(said, ctx)
    if fields is not None and not _tracked(fields.company, ctx):
        return [prefilled(turn, fields, "From that message")]
    for sentence in sentences:  # news that names no interview: asked which
        proposal = _news(turn, sentence, ctx)
        if proposal is not None:
            return understood.act(turn, proposal, keep_for=understood.PROPOSAL_LIFETIME)
    return [Reply(text=NOTHING)]


def edit(turn: Turn, command: EditChoice) -> list[Reply]:
    """The proposal's command as a form or a line to change; the question lapses."""
    flow = turn.flow()
    chosen = next((c for c in flow.choices if c.code == command.code), None) \
        if isinstance(flow, ChoiceFlow) else None
    if chosen is None or chosen.command is None:
        return [Reply(text="That question has passed, so I changed nothing. Tell me again "
                           "if it still matters.")]
    try:
        meant = command_codec.decode_command(chosen.command)
    except (ValueError, TypeError):
        meant = None
    turn.set_flow(None)
    if isinstance(meant, AddInterviewFields):
        return [prefilled(turn, meant, "Here it is to change")]
    line = None if meant is None else line_for(turn, meant)
    if line is None:
        return [Reply(text="I left everything as it was. Tell me in your own words what "
                           "it should be, e.g. `heard 1 offer`.")]
    return [Reply(text=f"I left everything as it was. Change what you need and send it: "
                       f"`{line}`", edit_line=line)]


def prefilled(turn: Turn, fields: AddInterviewFields, lead: str) -> Reply:
    """The add form filled in with `fields`; in words, the `add` line to send."""
    starts_at, has_time = None, False
    if fields.when:
        answer = add_flow.answer(add_flow.AddDraft(), add_flow.Ask.WHEN, fields.when,
                                 turn.now, turn.tz)
        if not answer.problem:
            starts_at, has_time = answer.draft.starts_at, answer.draft.had_time
    line = add_line(fields)
    return Reply(text=f"{lead}: a new interview. Check it, fill in what's missing and "
                      f"send it; nothing is saved until you do:\n`{line}`",
                 prefill=AddPrefill(fields.company, fields.role, fields.when,
                                    fields.interviewers, fields.promise, starts_at, has_time),
                 edit_line=line)


def _tracked(company: str, ctx: Context) -> bool:
    return company.lower() in {k.company.lower() for k in ctx.known if k.open}


def _news(turn: Turn, sentence: str, ctx: Context) -> Reading | None:
    """The sentence's news about a tracked interview, as a question with Edit."""
    # A meeting with its day and time is the more precise reading of "wants to see me".
    reading = _meeting(turn, sentence, ctx) or understand(sentence, ctx)
    if reading is None:
        return None
    if reading.command is not None:
        if not isinstance(reading.command, _NEWS):
            return None
        return Reading(question=f"From that message I read: {reading.understood} Shall I "
                                "record that?",
                       choices=(Choice("Apply", _trimmed(reading.command)),
                                Choice(NOT_THIS, None)), editable=True)
    acting = [c.command for c in reading.choices if c.command is not None]
    if not acting or not all(isinstance(c, _NEWS) for c in acting):
        return None
    choices = tuple(Choice(c.label, None if c.command is None else _trimmed(c.command))
                    for c in reading.choices)
    if all(c.command is not None for c in choices):
        choices = (*choices, Choice(NOT_THIS, None))
    return Reading(question=f"From that message: {reading.question}", choices=choices,
                   editable=True)


def _meeting(turn: Turn, sentence: str, ctx: Context) -> Reading | None:
    """"Acme wants to see me Tuesday 3pm": another round with a tracked employer, or
    (their interview still ahead) the time of that one."""
    found = mentions(sentence, ctx.known)
    named = [k for k in ctx.known if k.number in found.by_company and k.open]
    when = when_in(sentence)
    if len(named) != 1 or not _MEET.search(sentence) or not when:
        return None
    known = named[0]
    interview = turn.repo.get_interview(known.record_id)
    if interview is None:
        return None
    ref = InterviewRecord(interview.id)
    if interview.starts_at > turn.now:
        return Reading(CorrectInterview(ref, Fix.WHEN, value=when),
                       f"your {interview.title} interview (#{interview.number}) is "
                       f"{when}.")
    return Reading(ReportOutcome(ref, Outcome.NEXT_ROUND, said=when),
                   f"a next round with {interview.company} (#{interview.number}), {when}.")


def _trimmed(command: Command) -> Command:
    """What applying `command` needs, without the message's own words: a promise keeps
    its day, a next round the day it names."""
    if isinstance(command, RecordPromise) and command.promise is not None:
        promise = command.promise
        words = f"call them on {promise.on:%a %-d %b}" \
            if promise.kind is PromiseKind.YOU_CALL_ON else \
            f"they'll decide by {promise.on:%a %-d %b}"
        return replace(command, said="", promise=replace(promise, text=words))
    if isinstance(command, ReportOutcome) and command.said:
        return replace(command, said=when_in(command.said))
    return command
