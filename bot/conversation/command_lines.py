"""A command as the line a person would type for it, to change and send back.

Behind a proposal's Edit button: where a platform has no form for a command, the person
gets its line (`promised 1 they'll decide by Tue 15 Dec`) to correct and send, which
the grammar reads back into the same command.
"""

from __future__ import annotations

from bot.commands import (
    AddInterviewFields,
    Command,
    CorrectInterview,
    Fix,
    InterviewNumber,
    InterviewRecord,
    InterviewRef,
    MarkSent,
    RecordPromise,
    ReportCall,
    ReportOutcome,
)
from bot.conversation.turn import Turn
from bot.model import CallResult, Outcome, PromiseKind

#: The word `heard` takes for each outcome (bot.parsing.command_text reads them back).
OUTCOME_WORDS = {Outcome.OFFER: "offer", Outcome.REJECTED: "rejected",
                 Outcome.NEXT_ROUND: "next round", Outcome.HEARD: "other",
                 Outcome.WITHDREW: "withdrew"}


def add_line(fields: AddInterviewFields) -> str:
    """`add Acme, analyst, Tuesday 3pm with Jane Smith, they'll decide by Friday`; what
    is missing shows as a [placeholder] to fill in."""
    line = f"add {fields.company or '[company]'}, {fields.role or '[role]'}, " \
           f"{fields.when or '[day and time]'} with {fields.interviewers or '[names]'}"
    if fields.promise:
        line += f", {fields.promise}"
    return line


def line_for(turn: Turn, command: Command) -> str | None:
    """The typed line for `command`; None for one this module cannot write."""
    if isinstance(command, AddInterviewFields):
        return add_line(command)
    if isinstance(command, ReportCall) and command.news is not None:
        command = command.news  # the call is said with it; its news is what to edit
    if not isinstance(command, ReportOutcome | RecordPromise | MarkSent | ReportCall
                      | CorrectInterview):
        return None
    number = _number(turn, command.interview)
    if number is None:
        return None
    if isinstance(command, ReportOutcome) and command.outcome is not None:
        said = f" {command.said}" if command.outcome is Outcome.NEXT_ROUND and \
            command.said else ""
        return f"heard {number} {OUTCOME_WORDS[command.outcome]}{said}"
    if isinstance(command, RecordPromise) and command.promise is not None:
        day = f"{command.promise.on:%a %-d %b %Y}"
        what = f"call me on {day}" if command.promise.kind is PromiseKind.YOU_CALL_ON \
            else f"they'll decide by {day}"
        return f"promised {number} {what}"
    if isinstance(command, RecordPromise):
        return f"promised {number} {command.said}".rstrip()
    if isinstance(command, MarkSent):
        return f"sent {number} {command.to}".rstrip()
    if isinstance(command, ReportCall) and command.result is not None:
        result = "answered" if command.result is CallResult.ANSWERED else "no answer"
        return f"called {number} {result}"
    if isinstance(command, CorrectInterview) and command.field is Fix.WHEN:
        return f"fix {number} when {command.value}"
    return None


def _number(turn: Turn, ref: InterviewRef) -> int | None:
    if isinstance(ref, InterviewNumber):
        return ref.number
    if isinstance(ref, InterviewRecord):
        found = turn.repo.get_interview(ref.record_id)
        if found is not None and found.person_id == turn.person.id:
            return found.number
    return None
