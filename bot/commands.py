"""The closed set of typed commands: the core's whole input.

Typed text becomes one of these (`bot.parsing.command_text`), and so do buttons, forms
and slash-command options, directly, without going back through text. Adding a verb is
one dataclass here, one handler in `bot.conversation.handlers`, one line of help.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.model import CallResult, Outcome, Promise, Tone


# --- what a command points at ----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class InterviewNumber:
    """The person's own interview number, as `list` shows it (`#2`)."""

    number: int


@dataclass(frozen=True, slots=True)
class InterviewRecord:
    """A stored interview's id, as a button carries it; checked to belong to the person."""

    record_id: int


@dataclass(frozen=True, slots=True)
class OnlyOpenInterview:
    """No number given: the person's only open interview, if there is exactly one."""


@dataclass(frozen=True, slots=True)
class BadInterviewRef:
    """Something that looked like a number but names no interview ("-1", "1.2.3")."""

    said: str


InterviewRef = InterviewNumber | InterviewRecord | OnlyOpenInterview | BadInterviewRef


@dataclass(frozen=True, slots=True)
class StepNumber:
    """`1.2`: interview 1, step 2 of its plan; `position` None means its next waiting step."""

    interview: int
    position: int | None = None
    #: "can the Initech call reminder wait till Tuesday": the next waiting *call*.
    calls_only: bool = False
    #: "remind me about the thank-you tonight": the next waiting *note*, not the next step.
    notes_only: bool = False
    #: "mute acme for 3 days": every step of the interview due before the span ends.
    every_step: bool = False


@dataclass(frozen=True, slots=True)
class StepRecord:
    """A stored checkpoint's id, as a reminder's button carries it."""

    record_id: int


@dataclass(frozen=True, slots=True)
class BadStepRef:
    said: str


StepRef = StepNumber | StepRecord | BadStepRef


# --- how long a snooze lasts ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SnoozeFor:
    span: timedelta


@dataclass(frozen=True, slots=True)
class SnoozeTillMorning:
    """Until the next morning after the step's own time."""


@dataclass(frozen=True, slots=True)
class SnoozeUntil:
    """Until `moment`; `named` when the person said its time of day ("at 9 tonight"), which
    is kept even in their quiet hours."""

    moment: datetime
    named: bool = False


@dataclass(frozen=True, slots=True)
class SnoozeUnreadable:
    """`said` is not a length of time or a day; `passed` when it is a moment already gone."""

    said: str
    passed: bool = False


SnoozeSpan = SnoozeFor | SnoozeTillMorning | SnoozeUntil | SnoozeUnreadable


# --- the verbs ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ShowHelp:
    greeting: bool = False  # an empty message: say hello, not just list the commands


@dataclass(frozen=True, slots=True)
class AddInterview:
    """`add` with the rest of its line (empty: ask one question at a time). `again`: the
    person said to add it though one at the same company on the same day is tracked."""

    text: str = ""
    again: bool = False


@dataclass(frozen=True, slots=True)
class AddInterviewFields:
    """`add` from a platform's separate options: each read as its own answer, then
    whatever is missing or unreadable is asked, one question at a time."""

    company: str = ""
    role: str = ""
    when: str = ""
    interviewers: str = ""
    promise: str = ""


@dataclass(frozen=True, slots=True)
class ListInterviews:
    pass


@dataclass(frozen=True, slots=True)
class ShowPlan:
    interview: InterviewRef | StepRecord = OnlyOpenInterview()


@dataclass(frozen=True, slots=True)
class MarkSent:
    """A thank-you went out; `to` is part of an interviewer's name, `all`, or empty."""

    interview: InterviewRef = OnlyOpenInterview()
    to: str = ""
    by: str | None = None  # "text message", "LinkedIn": channels the rules advise against


@dataclass(frozen=True, slots=True)
class UndoDone:
    """The Undo button under a step the bot marked done on its own reading (a BCC'd
    thank-you): the step waits again."""

    step: StepRecord


@dataclass(frozen=True, slots=True)
class MarkDone:
    step: StepRef | None = None


@dataclass(frozen=True, slots=True)
class ReportCall:
    """After a follow-up call; `result` None asks whether anyone picked up. With
    `ask_news`, a call that was answered is followed by "what did they say?"; with a
    `promise`, what they said is recorded at once."""

    interview: InterviewRef = OnlyOpenInterview()
    result: CallResult | None = None
    ask_news: bool = False
    promise: Promise | None = None  # what they said on an answered call, recorded with it
    news: ReportOutcome | None = None  # an offer, a no, a round told on it, recorded after it


@dataclass(frozen=True, slots=True)
class CallNews:
    """After an answered call: they named a day (asked next), or there is no news."""

    interview: InterviewRef = OnlyOpenInterview()
    no_news: bool = False


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    """The employer's answer; `outcome` None asks which. `said` is kept for a next round
    whose date came with it ("the 2nd round is Dec 3 at 2pm")."""

    interview: InterviewRef = OnlyOpenInterview()
    outcome: Outcome | None = None
    said: str = ""


@dataclass(frozen=True, slots=True)
class RecordPromise:
    """What the employer said about next steps; `promise` None when no date was found."""

    interview: InterviewRef = OnlyOpenInterview()
    promise: Promise | None = None
    said: str = ""


@dataclass(frozen=True, slots=True)
class Snooze:
    step: StepRef | None = None
    span: SnoozeSpan | None = None


@dataclass(frozen=True, slots=True)
class ExplainStep:
    """Why a step falls when it does; no step means the next one of the only open interview.
    `on` asks about the steps planned that day ("why Monday?"), of `interview` alone when
    the question named one ("why is the orchard call on friday")."""

    step: StepRef | None = None
    on: date | None = None
    interview: InterviewRecord | None = None


@dataclass(frozen=True, slots=True)
class CancelInterview:
    interview: InterviewRef | None = None


class Fix(StrEnum):
    """What `fix` changes on an interview."""

    COMPANY = "company"
    ROLE = "role"
    WHEN = "when"
    NAME = "name"  # an interviewer's name, spelled right
    ADD = "add"  # another interviewer
    REMOVE = "remove"  # an interviewer who was not there
    EMAIL = "email"  # an interviewer's
    PHONE = "phone"  # an interviewer's
    ADDRESS = "address"  # how notes greet an interviewer ("call her Maria")


@dataclass(frozen=True, slots=True)
class CorrectInterview:
    """`fix <n> <what> …`: one correction, as said; the handler reads and checks the value.

    `who` is the interviewer it is about (part of their name), `value` the new text. A
    `fix` whose field could not be told (`field` None) changes nothing: the reply says
    what was understood and how to say it. `said` is the text after the number.
    """

    interview: InterviewRef = OnlyOpenInterview()
    field: Fix | None = None
    who: str = ""
    value: str = ""
    said: str = ""


@dataclass(frozen=True, slots=True)
class DeleteInterview:
    """`delete <n>`: at once, with an Undo (a bare `delete` asks first); `said` is set when
    the words after the verb were not a lone interview number (nothing is deleted then,
    the reply says how)."""

    interview: InterviewRef = OnlyOpenInterview()
    said: str = ""


@dataclass(frozen=True, slots=True)
class ConfirmDelete:
    """A button under the delete question: delete (`yes`) or keep the interview."""

    interview: InterviewRecord
    yes: bool = False


@dataclass(frozen=True, slots=True)
class UndoDelete:
    """The Undo button under a deleted interview: put back the copy kept (`held`)."""

    held: int


@dataclass(frozen=True, slots=True)
class UndoReading:
    """"Not what I meant" under a change read from a sentence: put the interview back
    as the copy kept before the change (`held`) has it."""

    held: int


@dataclass(frozen=True, slots=True)
class UndoAdd:
    """"Not what I meant" under an interview added from a sentence: delete it (with the
    delete's own Undo, in case the button was pressed by mistake)."""

    interview: InterviewRecord


@dataclass(frozen=True, slots=True)
class SetTimeZone:
    """`zone` is an IANA name; None with `said` empty shows the current one."""

    zone: str | None = None
    said: str = ""


@dataclass(frozen=True, slots=True)
class SetQuietHours:
    hours: tuple[time, time] | None = None  # start and end of the quiet time
    said: str = ""


@dataclass(frozen=True, slots=True)
class SetName:
    name: str = ""


@dataclass(frozen=True, slots=True)
class SetPhone:
    number: str = ""


@dataclass(frozen=True, slots=True)
class SetTone:
    tone: Tone | None = None


@dataclass(frozen=True, slots=True)
class NoteTopic:
    """What the user talked about with one interviewer, for their thank-you draft."""

    interview: InterviewRef = OnlyOpenInterview()
    who: str = ""
    topic: str = ""


@dataclass(frozen=True, slots=True)
class CheckNote:
    interview: InterviewRef = OnlyOpenInterview()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Calendar:
    """`what`: file, feed, reset, or anything else (which gets the choices)."""

    what: str = "file"


@dataclass(frozen=True, slots=True)
class MailAddress:
    """`email`: the private address to BCC and forward to; `what` "reset" makes a new one."""

    what: str = ""


@dataclass(frozen=True, slots=True)
class ReadMessage:
    """"Follow up on this" on a chat message (a Slack shortcut, a Discord context menu):
    its words, read for an interview to add or news about one tracked. Nothing changes
    until the person confirms, and the words themselves are never stored."""

    text: str


@dataclass(frozen=True, slots=True)
class EditChoice:
    """The Edit button under a proposal: its command back as a form, or a line to change
    and send, instead of applying it as read."""

    code: int


@dataclass(frozen=True, slots=True)
class ShowStats:
    pass


@dataclass(frozen=True, slots=True)
class ShowJournal:
    pass


@dataclass(frozen=True, slots=True)
class Reflect:
    interview: InterviewRef = OnlyOpenInterview()


@dataclass(frozen=True, slots=True)
class ExportData:
    pass


@dataclass(frozen=True, slots=True)
class ForgetMe:
    """Delete everything: asks first, and only a `yes` to that question deletes."""

    unclear: bool = False  # "forget Acme": not a request to delete everything


@dataclass(frozen=True, slots=True)
class ConfirmForget:
    """A button under the `forget me` question; `person_id` is whose question it was."""

    person_id: int
    yes: bool = False


@dataclass(frozen=True, slots=True)
class ClubCommand:
    """`club …` in a channel; the club layer reads its own options."""

    rest: str = ""


@dataclass(frozen=True, slots=True)
class ShareCommand:
    """`share …`: what a person's clubs may see, or a draft for peer review."""

    rest: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """Text meant for the question waiting (`answer …` where a slash command was used)."""

    text: str


@dataclass(frozen=True, slots=True)
class AskCoach:
    """A question in words ("should I send flowers?"), answered from the coaching rules."""

    topic: str = "other"  # a key of `bot.content.advice.ANSWERS`
    interview: InterviewRef | None = None


@dataclass(frozen=True, slots=True)
class Unknown:
    text: str


Command = (
    ShowHelp | AddInterview | AddInterviewFields | ListInterviews | ShowPlan | MarkSent
    | MarkDone | UndoDone | ReportCall | CallNews | ReportOutcome | RecordPromise | Snooze
    | ExplainStep
    | CancelInterview | CorrectInterview | DeleteInterview | ConfirmDelete | UndoDelete
    | UndoReading | UndoAdd
    | SetTimeZone | SetQuietHours | SetName | SetPhone | SetTone | NoteTopic | CheckNote
    | Calendar | MailAddress | ReadMessage | EditChoice | ShowStats | ShowJournal | Reflect
    | ExportData | ForgetMe
    | ConfirmForget
    | ClubCommand | ShareCommand | AskCoach | Answer | Unknown
)
