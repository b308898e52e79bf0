"""Typed commands: one handler for each, text and buttons read into them, and the open
question kept as a versioned state that an older release's row still loads from."""

from __future__ import annotations

import typing
from datetime import timedelta

from bot.commands import (
    AddInterviewFields,
    Answer,
    BadInterviewRef,
    Command,
    InterviewNumber,
    InterviewRecord,
    ListInterviews,
    MarkDone,
    MarkSent,
    OnlyOpenInterview,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    Snooze,
    SnoozeFor,
    SnoozeTillMorning,
    SnoozeUnreadable,
    StepNumber,
    StepRecord,
    Unknown,
)
from bot.conversation import buttons, flows
from bot.conversation.add_flow import AddDraft, Ask
from bot.conversation.dispatch import HANDLERS
from bot.messages import ActionId, Inbound
from bot.model import CallResult, Outcome
from bot.parsing.command_text import read_command
from tests.chat import ACME, ME, Chat, text_of
from tests.conftest import NEW_YORK, START


def read(text: str) -> Command:
    return read_command(text, START, NEW_YORK)


def test_every_command_has_exactly_one_handler() -> None:
    assert set(HANDLERS) == set(typing.get_args(Command))


def test_typed_lines_are_read_into_the_commands_they_name() -> None:
    assert read("list") == ListInterviews()
    assert read("sent 2 Jane") == MarkSent(InterviewNumber(2), to="jane")
    assert read("sent by text message") == MarkSent(OnlyOpenInterview(), to="by text message",
                                                    by="by text")
    assert read("done 1.2") == MarkDone(StepNumber(1, 2))
    assert read("called 1 no answer") == ReportCall(InterviewNumber(1), CallResult.NO_ANSWER)
    assert read("called 1") == ReportCall(InterviewNumber(1), None)
    assert read("heard -1 offer").interview == BadInterviewRef("-1")  # type: ignore[union-attr]
    assert read("heard 1 the 2nd round is Dec 3 at 11am") == ReportOutcome(
        InterviewNumber(1), Outcome.NEXT_ROUND, said="the 2nd round is Dec 3 at 11am")
    assert isinstance(read("heard 1 they said 2 weeks"), RecordPromise)
    assert read("promised 1 they'll decide by Friday") == RecordPromise(
        InterviewNumber(1), said="they'll decide by Friday")
    assert read("snooze 1.2 2h") == Snooze(StepNumber(1, 2), SnoozeFor(timedelta(hours=2)))
    assert read("snooze 1 tomorrow") == Snooze(StepNumber(1), SnoozeTillMorning())
    assert read("snooze 1.2 whenever") == Snooze(StepNumber(1, 2),
                                                 SnoozeUnreadable("whenever"))
    assert read("answer Berlin") == Answer("Berlin")
    assert read("Just finished my interview") == Unknown("Just finished my interview")


def test_a_button_is_its_command_and_a_forged_value_is_none() -> None:
    assert buttons.command_for(ActionId.SENT, "17") == MarkDone(StepRecord(17))
    assert buttons.command_for(ActionId.SNOOZE_TOMORROW, "17") == Snooze(
        StepRecord(17), SnoozeTillMorning())
    assert buttons.command_for(ActionId.OUTCOME_OTHER, "4") == ReportOutcome(
        InterviewRecord(4), Outcome.HEARD)
    for forged in ("", "-1", "1.5", "١٢", "9999999999", "17; drop"):
        assert buttons.command_for(ActionId.SENT, forged) is None


def test_a_typed_command_from_a_platform_runs_without_any_text(chat: Chat) -> None:
    chat.say("tz America/New_York")
    replies = chat.runtime.coach.handle(Inbound(identity=ME, typed=AddInterviewFields(
        company="Acme, Inc.", role="Analyst", when="today 2pm",
        interviewers="Jane Smith; Bob Lee", promise="they'll decide by Friday")))
    shown = text_of(replies)
    assert "Added #1: Analyst at Acme, Inc." in shown
    assert "Fri 2026-11-27" in shown


def test_a_question_stored_by_the_previous_release_still_loads(chat: Chat) -> None:
    chat.say("add")  # asks for the company
    person = chat.runtime.repo.find_person(ME)
    assert person is not None
    stored = chat.runtime.repo.get_conversation(person.id)
    assert stored is not None and stored["v"] == flows.FLOW_VERSION
    old = {k: v for k, v in stored.items() if k != "v"}  # version 1 had no number
    chat.runtime.repo.set_conversation(person.id, old)
    assert "role" in chat.text("Globex")


def test_a_question_this_release_cannot_read_is_dropped_politely(chat: Chat) -> None:
    chat.say(ACME)
    person = chat.runtime.repo.find_person(ME)
    assert person is not None
    future = flows.dump(flows.AddFlow(Ask.ROLE, AddDraft(company="Globex"), "Role?"))
    chat.runtime.repo.set_conversation(person.id, {**future, "v": flows.FLOW_VERSION + 1})
    shown = chat.text("Data analyst")
    assert "lost track of my last question" in shown
    assert chat.runtime.repo.get_conversation(person.id) is None
    # Nothing else was touched, and commands work as before.
    assert "#1" in chat.text("list")


def test_heard_takes_an_outcome_only_when_the_words_say_one() -> None:
    assert read("heard 1 offer from them!") == ReportOutcome(InterviewNumber(1), Outcome.OFFER)
    # Not an outcome: the interview must stay open, and the question is asked.
    assert read("heard 1 other people are still in the running") == ReportOutcome(
        InterviewNumber(1))
    # Timing news, not a next round.
    assert isinstance(read("heard 1 next week they'll decide"), RecordPromise)
    # A next round keeps what was said with it, so its day need not be asked.
    assert read("heard 1 next round on Dec 3") == ReportOutcome(
        InterviewNumber(1), Outcome.NEXT_ROUND, said="next round on Dec 3")


def test_other_people_in_the_running_leaves_the_interview_open(chat: Chat) -> None:
    chat.say(ACME)
    shown = chat.text("heard 1 other people are still in the running")
    assert "What did Acme say?" in shown
    person = chat.runtime.repo.find_person(ME)
    assert person is not None
    interview = chat.runtime.repo.find_interview(person.id, 1)
    assert interview is not None and interview.is_open
