"""`fix` and `delete`: putting right what was entered wrongly, through the real Coach, on
SQLite and (where a test server is set up) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from bot.commands import (
    BadInterviewRef,
    ConfirmDelete,
    CorrectInterview,
    DeleteInterview,
    Fix,
    InterviewNumber,
    InterviewRecord,
    OnlyOpenInterview,
)
from bot.conversation import buttons, flows
from bot.messages import ActionId
from bot.model import CheckpointKind, CheckpointState
from bot.parsing.command_text import is_command_line, read_command
from bot.ports.clock import SimulatedClock
from tests.bot.conversation.test_coach import SOMEONE_ELSE
from tests.chat import Chat, text_of
from tests.conftest import NEW_YORK, START

ACME = "add Acme, data analyst, today 2pm with Jane Smith"
INITECH = "add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel"


@pytest.fixture
def bot(db_settings: Settings) -> Iterator[Runtime]:
    runtime = build_runtime(db_settings, SimulatedClock(START))
    yield runtime
    runtime.stop()


def interview(runtime: Runtime, number: int = 1):
    return Chat(runtime).checkpoints(number)[0]


def active(runtime: Runtime, number: int = 1) -> dict[CheckpointKind, str]:
    _, rows = Chat(runtime).checkpoints(number)
    return {cp.kind: f"{cp.due_at.astimezone(NEW_YORK):%a %d %b %H:%M}" for cp in rows
            if cp.state in (CheckpointState.PENDING, CheckpointState.SENT)}


# --- the grammar ----------------------------------------------------------------------
def read(text: str):
    return read_command(text, START, NEW_YORK)


def test_fix_lines_are_read_into_one_field_each() -> None:
    one = InterviewNumber(1)
    assert read("fix 1 company Initech") == CorrectInterview(one, Fix.COMPANY, value="Initech",
                                                             said="company Initech")
    assert read("fix 1 role senior analyst").value == "senior analyst"  # type: ignore[union-attr]
    assert read("fix 1 when Dec 3 2pm").field is Fix.WHEN  # type: ignore[union-attr]
    assert read("fix 1 Jane -> Jayne Smith") == CorrectInterview(
        one, Fix.NAME, "Jane", "Jayne Smith", said="Jane -> Jayne Smith")
    assert read("fix 1 name Jane: Jayne Smith") == CorrectInterview(
        one, Fix.NAME, "Jane", "Jayne Smith", said="name Jane: Jayne Smith")
    assert read("fix 1 add Bob Lee (bob@acme.com)").value == \
        "Bob Lee (bob@acme.com)"  # type: ignore[union-attr]
    assert read("fix 1 remove Bob Lee") == CorrectInterview(one, Fix.REMOVE, "Bob Lee",
                                                            said="remove Bob Lee")
    assert read("fix 1 email Jane jane@acme.com") == CorrectInterview(
        one, Fix.EMAIL, "Jane", "jane@acme.com", said="email Jane jane@acme.com")
    assert read("fix 1 phone Jane 555 123 4567") == CorrectInterview(
        one, Fix.PHONE, "Jane", "555 123 4567", said="phone Jane 555 123 4567")
    # No number: the only open interview; a bad number is never the open one.
    assert read("fix role: data scientist") == CorrectInterview(
        OnlyOpenInterview(), Fix.ROLE, value="data scientist", said="role: data scientist")
    assert read("fix -1 role x").interview == BadInterviewRef("-1")  # type: ignore[union-attr]
    assert read("fix 1 the time to 11").field is None  # type: ignore[union-attr]
    assert read("correct 2 company Initech Ltd").interview == \
        InterviewNumber(2)  # type: ignore[union-attr]


def test_delete_takes_a_lone_number_and_nothing_else() -> None:
    assert read("delete 1") == DeleteInterview(InterviewNumber(1))
    assert read("remove #2.") == DeleteInterview(InterviewNumber(2))
    assert read("delete") == DeleteInterview(OnlyOpenInterview())
    assert read("delete -3") == DeleteInterview(BadInterviewRef("-3"))
    assert read("remove jane").said == "jane"  # type: ignore[union-attr]
    assert read("remove 1 Bob Lee").said == "1 Bob Lee"  # type: ignore[union-attr]
    assert is_command_line("fix 1 role analyst") and is_command_line("delete 2")


def test_the_delete_buttons_and_question_are_typed_and_stored() -> None:
    assert buttons.command_for(ActionId.DELETE_INTERVIEW, "7") == ConfirmDelete(
        InterviewRecord(7), yes=True)
    assert buttons.command_for(ActionId.KEEP_INTERVIEW, "7") == ConfirmDelete(
        InterviewRecord(7), yes=False)
    assert buttons.command_for(ActionId.DELETE_INTERVIEW, "x7") is None
    flow = flows.DeleteFlow(7, "Type `yes`")
    assert flows.load(flows.dump(flow)) == flow


# --- each correction ----------------------------------------------------------------------
def test_company_and_role_are_renamed_and_nothing_moves(bot: Runtime) -> None:
    Chat(bot).say(ACME)
    steps = active(bot)
    assert "company is now Initech (was Acme)" in text_of(Chat(bot).say("fix 1 company Initech"))
    assert "role is now senior analyst" in text_of(Chat(bot).say("fix role senior analyst"))
    assert interview(bot).title == "senior analyst at Initech"
    assert active(bot) == steps
    assert "senior analyst at Initech" in text_of(Chat(bot).say("list"))


def test_moving_the_interview_moves_the_thank_you_and_the_call(bot: Runtime) -> None:
    Chat(bot).say(ACME)
    shown = text_of(Chat(bot).say("fix 1 when tomorrow 2pm"))
    assert "#1 moved from Mon 2026-11-23 14:00 EST to Tue 2026-11-24 14:00 EST." in shown
    assert "Thank-you note to Jane Smith moved from Mon 23 Nov 16:30 to Tue 24 Nov 16:00" \
        in shown
    assert "First follow-up call moved from Tue 1 Dec 10:00 to Wed 2 Dec 10:00" in shown
    assert "New step: Prepare your questions, Tue 24 Nov 12:00" in shown  # now ahead
    assert active(bot)[CheckpointKind.FIRST_CALL] == "Wed 02 Dec 10:00"


def test_a_time_alone_keeps_the_day_and_a_day_alone_keeps_the_time(bot: Runtime) -> None:
    Chat(bot).say(INITECH)
    Chat(bot).say("fix 1 when 10:30")
    assert f"{interview(bot).starts_at.astimezone(NEW_YORK):%Y-%m-%d %H:%M}" == \
        "2026-11-20 10:30"
    Chat(bot).say("fix 1 when 2026-11-19")
    assert f"{interview(bot).starts_at.astimezone(NEW_YORK):%Y-%m-%d %H:%M}" == \
        "2026-11-19 10:30"
    assert "already at" in text_of(Chat(bot).say("fix 1 when 2026-11-19 10:30"))


def test_interviewers_are_renamed_added_given_details_and_removed(bot: Runtime) -> None:
    Chat(bot).say(INITECH)
    assert "Dana Wu is now Dana Woo" in text_of(Chat(bot).say("fix 1 Dana -> Dana Woo"))
    assert "Raj Patel is now Raj Patil" in text_of(Chat(bot).say("fix 1 name Raj Patel: Raj Patil"))
    shown = text_of(Chat(bot).say("fix 1 add Mei Chen (mei@initech.com)"))
    assert "Added Mei Chen (mei@initech.com) to #1." in shown
    assert "New step: Thank-you note to Mei Chen" in shown
    assert "email is now dana@initech.com" in Chat(bot).text("fix 1 email Dana dana@initech.com")
    assert "Raj Patil's phone is now +1 646 555 0182" in text_of(
        Chat(bot).say("fix 1 phone raj +1 646 555 0182"))
    people = {p.name: p for p in interview(bot).interviewers}
    assert list(people) == ["Dana Woo", "Raj Patil", "Mei Chen"]
    assert people["Dana Woo"].email == "dana@initech.com"
    assert people["Mei Chen"].email == "mei@initech.com"
    assert people["Raj Patil"].phone == "+1 646 555 0182"

    shown = text_of(Chat(bot).say("fix 1 remove Mei Chen"))
    assert "Took Mei Chen off #1" in shown and "No longer needed: Thank-you note to Mei Chen" \
        in shown
    assert [p.name for p in interview(bot).interviewers] == ["Dana Woo", "Raj Patil"]
    _, rows = Chat(bot).checkpoints()
    assert {cp.interviewer_id for cp in rows} <= {p.id for p in interview(bot).interviewers} \
        | {None}
    exported = text_of(Chat(bot).say("export"))
    assert '"phone": "+1 646 555 0182"' in exported


# --- never guessing ---------------------------------------------------------------------
@pytest.mark.parametrize(("line", "reply"), [
    ("fix 1 blah", "couldn't tell what to change on #1"),
    ("fix 1", "couldn't tell what to change on #1"),
    ("fix 1 Jane -> Jayne", "No interviewer called 'Jane'"),  # nobody called Jane
    ("fix 1 remove Wu Li", "No interviewer called 'Wu Li'"),
    ("fix 1 phone 555 123 4567", "Whose? #1 has Dana Wu, Raj Patel"),
    ("fix 1 email Dana dana-at-initech", "didn't find an address"),
    ("fix 1 phone Dana call her", "didn't find a number"),
    ("fix 1 when whenever", "didn't find a day or time I can read in 'whenever'"),
    ("fix 1 add idk", "didn't find a name"),
    ("fix 1 add Dana Wu", "already on #1"),
    ("fix 1 company", "didn't find a new name"),
    ("fix 1 Dana -> ", "didn't find the new name"),
])
def test_an_unclear_fix_says_what_it_understood_and_changes_nothing(
        bot: Runtime, line: str, reply: str) -> None:
    Chat(bot).say(INITECH)
    before = (interview(bot), Chat(bot).checkpoints()[1])
    shown = text_of(Chat(bot).say(line))
    assert reply in shown
    assert "`fix 1" in shown or "already" in shown or "No interviewer" in shown
    assert (interview(bot), Chat(bot).checkpoints()[1]) == before


def test_two_people_matching_one_name_are_not_guessed_between(bot: Runtime) -> None:
    Chat(bot).say("add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Dana Li")
    assert "'Dana' could be Dana Wu or Dana Li" in text_of(Chat(bot).say("fix 1 remove Dana"))
    assert len(interview(bot).interviewers) == 2


def test_a_fix_without_a_number_needs_exactly_one_open_interview(bot: Runtime) -> None:
    assert "no open interviews" in text_of(Chat(bot).say("fix role analyst"))
    Chat(bot).say(ACME)
    Chat(bot).say(INITECH)
    shown = text_of(Chat(bot).say("fix role analyst"))
    assert "Which interview?" in shown and "`fix 1 role analyst`" in shown
    assert {interview(bot, 1).role, interview(bot, 2).role} == {"data analyst", "QA engineer"}


def test_someone_elses_interview_or_a_missing_number_is_refused(bot: Runtime) -> None:
    Chat(bot, who=SOMEONE_ELSE).say(ACME)
    Chat(bot).say(ACME)
    assert "can't find interview #2" in text_of(Chat(bot).say("fix 2 company Evil"))
    assert "can't find interview #2" in text_of(Chat(bot).say("delete 2"))
    assert "can't find interview -1" in text_of(Chat(bot).say("fix -1 company Evil"))
    theirs = bot.repo.find_interview(
        bot.repo.person_for(SOMEONE_ELSE, "UTC", bot.settings.quiet).id, 1)
    assert theirs is not None
    # A forged button with their record id: not found, nothing deleted.
    assert "can't find that one" in text_of(Chat(bot).press(ActionId.DELETE_INTERVIEW,
                                                  str(theirs.id)))
    assert bot.repo.get_interview(theirs.id) == theirs
    assert interview(bot).company == "Acme"
    # Their Undo button pressed by someone else brings nothing back to either of them.
    (deleted,) = Chat(bot, who=SOMEONE_ELSE).say("delete 1")
    assert "can't bring that interview back" in text_of(
        Chat(bot).press(ActionId.UNDO_DELETE, deleted.actions[0].value))
    assert bot.repo.get_interview(theirs.id) is None and interview(bot).company == "Acme"


# --- delete ---------------------------------------------------------------------------
def test_a_bare_delete_asks_first_and_no_keeps_it(bot: Runtime) -> None:
    Chat(bot).say(ACME)
    replies = Chat(bot).say("delete")  # names no interview: the only open one, asked
    shown = text_of(replies)
    assert "Delete #1 (data analyst at Acme" in shown and "`cancel 1`" in shown
    assert [a.id for a in replies[0].actions] == [ActionId.DELETE_INTERVIEW,
                                                  ActionId.KEEP_INTERVIEW]
    assert "kept #1" in text_of(Chat(bot).say("no"))
    assert interview(bot).company == "Acme"
    assert "data analyst at Acme" in text_of(Chat(bot).say("list"))


def test_delete_with_a_number_deletes_at_once_and_the_others_keep_their_numbers(
        bot: Runtime) -> None:
    Chat(bot).say(ACME)
    Chat(bot).say(INITECH)
    Chat(bot).say("called 2 answered")
    gone = interview(bot, 1)
    replies = Chat(bot).say("delete 1")
    assert "Deleted #1 (data analyst at Acme)" in text_of(replies)
    assert [a.id for a in replies[0].actions] == [ActionId.UNDO_DELETE]
    assert bot.repo.get_interview(gone.id) is None
    assert bot.repo.checkpoints_for(gone.id) == []
    listed = text_of(Chat(bot).say("list"))
    assert "Acme" not in listed and "#2 QA engineer at Initech" in listed
    Chat(bot).say("delete 2")
    assert "No interviews yet" in text_of(Chat(bot).say("list"))


def test_undo_brings_it_back_whole_once_and_only_within_a_day(bot: Runtime) -> None:
    chat = Chat(bot)
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("sent 2 Dana")
    chat.say("called 2 answered")
    before, steps = interview(bot, 2), bot.repo.checkpoints_for(interview(bot, 2).id)
    (deleted,) = chat.say("delete 2")
    held = deleted.actions[0].value
    back = text_of(chat.press(ActionId.UNDO_DELETE, held))
    assert "Back: #2 (QA engineer at Initech)" in back
    assert interview(bot, 2) == before  # the same record: id, people, calls, promise
    assert bot.repo.checkpoints_for(before.id) == steps  # each step as it was
    assert "can't bring that interview back" in text_of(chat.press(ActionId.UNDO_DELETE, held))
    # Undo has a day: after it, the copy is gone and the button does nothing.
    (deleted,) = chat.say("delete 2")
    bot.clock.advance(timedelta(days=1))
    assert "can't bring that interview back" in text_of(
        chat.press(ActionId.UNDO_DELETE, deleted.actions[0].value))
    assert bot.repo.forget_set_aside(bot.clock.now()) == 1
    assert "#2" not in text_of(chat.say("list"))


def test_undo_after_the_number_was_taken_brings_it_back_under_the_next(bot: Runtime) -> None:
    chat = Chat(bot)
    chat.say(ACME)
    chat.say(INITECH)
    (deleted,) = chat.say("delete 2")
    chat.say("add Globex, designer, tomorrow 11am with Tom Baker")  # takes #2
    back = text_of(chat.press(ActionId.UNDO_DELETE, deleted.actions[0].value))
    assert "Back: #3 (QA engineer at Initech)" in back
    assert interview(bot, 2).company == "Globex" and interview(bot, 3).company == "Initech"


def test_the_delete_button_deletes_and_keep_keeps(bot: Runtime) -> None:
    Chat(bot).say(ACME)
    record = str(interview(bot).id)
    Chat(bot).say("delete")
    kept = Chat(bot).press(ActionId.KEEP_INTERVIEW, record)
    assert "kept #1" in text_of(kept) and kept[0].replace_original
    # The question is closed: the old button does nothing now.
    assert "isn't open any more" in text_of(Chat(bot).press(ActionId.DELETE_INTERVIEW, record))
    assert interview(bot).company == "Acme"
    Chat(bot).say("delete")
    deleted = Chat(bot).press(ActionId.DELETE_INTERVIEW, record)
    assert "Deleted #1" in text_of(deleted)
    assert [a.id for a in deleted[0].actions] == [ActionId.UNDO_DELETE]
    assert "No interviews yet" in text_of(Chat(bot).say("list"))


def test_delete_without_a_lone_number_deletes_nothing(bot: Runtime) -> None:
    Chat(bot).say(ACME)
    # A person named is taken off the interview (said in words, read as a correction)...
    said = text_of(Chat(bot).say("remove jane, she wasn't there"))
    assert "I read that as: Correcting #1 Acme." in said and "Took Jane Smith off #1" in said
    assert interview(bot).interviewers == ()
    # ...and "delete" without a number never deletes an interview on a guess.
    assert "forget me" in text_of(Chat(bot).say("delete everything"))
    assert "Delete #1" in text_of(Chat(bot).say("delete"))  # the only open one, asked first
    assert "kept" in text_of(Chat(bot).say("nah"))
    assert interview(bot).company == "Acme"
