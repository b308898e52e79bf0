"""Which handler answers each command: the one table of the conversation.

Every member of `bot.commands.Command` has exactly one handler here (a test checks the
set is closed), so adding a verb is a dataclass, a handler and a line in this table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.clubs.commands import ClubCommands
from bot.clubs.share import ShareCommands
from bot.commands import (
    AddInterview,
    AddInterviewFields,
    Answer,
    AskCoach,
    Calendar,
    CallNews,
    CancelInterview,
    CheckNote,
    ClubCommand,
    Command,
    ConfirmDelete,
    ConfirmForget,
    CorrectInterview,
    DeleteInterview,
    EditChoice,
    ExplainStep,
    ExportData,
    ForgetMe,
    ListInterviews,
    MailAddress,
    MarkDone,
    MarkSent,
    NoteTopic,
    ReadMessage,
    RecordPromise,
    Reflect,
    ReportCall,
    ReportOutcome,
    SetName,
    SetPhone,
    SetQuietHours,
    SetTimeZone,
    SetTone,
    ShareCommand,
    ShowHelp,
    ShowJournal,
    ShowPlan,
    ShowStats,
    Snooze,
    UndoAdd,
    UndoDelete,
    UndoDone,
    UndoReading,
    Unknown,
)
from bot.conversation.handlers import (
    adding,
    advice,
    call_news,
    correcting,
    drafting,
    explaining,
    mail_address,
    message_reading,
    preferences,
    progress,
    reflection,
    showing,
    undoing,
    your_data,
)
from bot.conversation.turn import Turn
from bot.messages import Reply


def _club(turn: Turn, command: ClubCommand) -> list[Reply]:
    assert turn.inbound is not None  # a club lives in a channel: it needs the message
    return ClubCommands(turn.repo, turn.clock).club(turn.person, turn.inbound, command.rest)


def _share(turn: Turn, command: ShareCommand) -> list[Reply]:
    assert turn.inbound is not None
    return ShareCommands(turn.repo, turn.clock).share(turn.person, turn.inbound, command.rest)


def _no_question(turn: Turn, command: Answer) -> list[Reply]:
    return [Reply(text="There's no question waiting for an answer right now.")]


HANDLERS: dict[type[Any], Callable[[Turn, Any], list[Reply]]] = {
    ShowHelp: showing.help_,
    AddInterview: adding.add,
    AddInterviewFields: adding.add_fields,
    ListInterviews: showing.list_,
    ShowPlan: showing.plan,
    MarkSent: progress.sent,
    MarkDone: progress.done,
    UndoDone: undoing.undo_done,
    ReportCall: progress.called,
    CallNews: call_news.pressed,
    ReportOutcome: progress.heard,
    RecordPromise: progress.promised,
    Snooze: progress.snooze,
    ExplainStep: explaining.why,
    CancelInterview: progress.cancel,
    CorrectInterview: correcting.fix,
    DeleteInterview: correcting.delete,
    ConfirmDelete: correcting.confirm,
    UndoDelete: correcting.undo_delete,
    UndoReading: undoing.undo_reading,
    UndoAdd: undoing.undo_add,
    SetTimeZone: preferences.time_zone,
    SetQuietHours: preferences.quiet_hours,
    SetName: preferences.name,
    SetPhone: preferences.phone,
    SetTone: preferences.tone,
    NoteTopic: drafting.note,
    CheckNote: drafting.check,
    Calendar: showing.calendar,
    MailAddress: mail_address.show,
    ReadMessage: message_reading.read,
    EditChoice: message_reading.edit,
    ShowStats: showing.stats,
    ShowJournal: your_data.journal,
    Reflect: reflection.reflect,
    ExportData: your_data.export,
    ForgetMe: your_data.forget,
    ConfirmForget: your_data.confirm_forget,
    ClubCommand: _club,
    ShareCommand: _share,
    AskCoach: advice.answer,
    Answer: _no_question,  # with a question waiting, the conversation answers it first
    Unknown: showing.unknown,
}


def dispatch(turn: Turn, command: Command) -> list[Reply]:
    return HANDLERS[type(command)](turn, command)
