"""Stored choices keep their commands exactly, and refuse anything that is no command."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.commands import (
    CorrectInterview,
    Fix,
    InterviewRecord,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    Snooze,
    SnoozeFor,
    SnoozeUntil,
    StepNumber,
)
from bot.conversation.command_codec import decode_command, encode
from bot.model import CallResult, Outcome, Promise, PromiseKind


@pytest.mark.parametrize("command", [
    ReportOutcome(InterviewRecord(7), Outcome.NEXT_ROUND, said="back on the 9th"),
    RecordPromise(InterviewRecord(7), Promise(PromiseKind.YOU_CALL_ON, date(2026, 12, 1), "x")),
    ReportCall(InterviewRecord(3), CallResult.ANSWERED, ask_news=True),
    Snooze(StepNumber(2), SnoozeFor(timedelta(hours=2))),
    Snooze(StepNumber(2, 3), SnoozeUntil(datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("UTC")))),
    CorrectInterview(InterviewRecord(1), Fix.NAME, "Jane Smith", "Jayne Smith", "spelling"),
])
def test_a_command_survives_the_round_trip(command: object) -> None:
    assert decode_command(encode(command)) == command


def test_a_stored_value_naming_anything_else_is_refused() -> None:
    with pytest.raises(ValueError):
        decode_command({"type": "Path", "fields": {}})
    with pytest.raises(ValueError):
        decode_command({"type": "InterviewRecord", "fields": {"record_id": 1}})  # no command
