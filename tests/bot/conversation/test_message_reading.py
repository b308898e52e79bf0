""""Follow up on this" on a chat message (`ReadMessage`) and the Edit button under a
proposal (`EditChoice`), through the coach as every platform calls it."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.commands import ReadMessage
from bot.messages import Action, ActionId, Inbound, Reply
from bot.model import Outcome
from tests.chat import ACME, ME, Chat

INVITE = "Hi Alex! Initech wants to see you Thursday 3pm with Dana Wu for the QA lead role."


def read(chat: Chat, message: str) -> list[Reply]:
    return chat.runtime.coach.handle(Inbound(identity=ME, typed=ReadMessage(message)))


def button(replies: list[Reply], label: str) -> Action:
    found = [a for r in replies for a in r.actions if a.label == label]
    assert found, f"no {label!r} button in {[a.label for r in replies for a in r.actions]}"
    return found[0]


@pytest.fixture
def me(chat: Chat) -> Chat:
    chat.say(ACME)  # Acme, 2pm today (over), Jane Smith and Bob Lee
    return chat


def test_a_message_about_a_new_interview_comes_back_as_the_add_form_filled_in(me: Chat):
    [reply] = read(me, INVITE)
    assert reply.prefill is not None
    assert (reply.prefill.company, reply.prefill.role, reply.prefill.interviewers) == \
        ("Initech", "QA lead", "Dana Wu")
    assert reply.prefill.starts_at is not None and reply.prefill.has_time
    assert reply.prefill.starts_at.strftime("%a %H:%M") == "Thu 15:00"
    assert "`add Initech, QA lead, Thursday 3pm with Dana Wu`" in reply.text
    assert [i.company for i in me.runtime.repo.list_interviews(me.checkpoints()[0].person_id)
            ] == ["Acme"]  # nothing added until the form is sent


def test_news_about_a_tracked_interview_is_proposed_and_changes_nothing_until_applied(
        me: Chat):
    replies = read(me, "Hi Alex, thanks for your patience. Unfortunately, we have decided "
                       "to move forward with other candidates. Best, Jane Smith")
    assert "From that message I read: A no from Acme (#1)." in replies[0].text
    assert [a.label for a in replies[0].actions] == ["Apply", "Not this", "Edit"]
    assert me.checkpoints()[0].outcome is None
    me.press(ActionId.CHOOSE, button(replies, "Apply").value)
    assert me.checkpoints()[0].outcome is Outcome.REJECTED


def test_a_proposal_from_a_message_lapses_after_a_week_unanswered(me: Chat):
    """It holds some of the message's words, so it waits 7 days at most."""
    replies = read(me, "Unfortunately, we have decided to move forward with other "
                       "candidates. Best, Jane Smith")
    me.wait(timedelta(days=7, minutes=1))
    me.press(ActionId.CHOOSE, button(replies, "Apply").value)
    assert me.checkpoints()[0].outcome is None  # too late: nothing applied
    person = me.runtime.repo.find_person(ME)
    assert person is not None and me.runtime.repo.get_conversation(person.id) is None


def test_another_meeting_with_a_tracked_employer_is_proposed_as_a_next_round(me: Chat):
    replies = read(me, "Acme wants to see you again Tuesday 3pm with their CTO")
    assert "a next round with Acme (#1), Tuesday 3pm" in replies[0].text
    me.press(ActionId.CHOOSE, button(replies, "Not this").value)
    assert me.checkpoints()[0].outcome is None


def test_edit_gives_the_proposals_command_as_a_line_and_drops_the_question(me: Chat):
    replies = read(me, "Acme will decide by Friday the 4th.")
    edited = me.press(ActionId.EDIT, button(replies, "Edit").value)
    assert edited[0].edit_line == "promised 1 they'll decide by Fri 4 Dec 2026"
    assert f"`{edited[0].edit_line}`" in edited[0].text
    assert me.runtime.repo.get_conversation(me.checkpoints()[0].person_id) is None
    changed = me.text(edited[0].edit_line.replace("4 Dec", "11 Dec"))
    assert "11 Dec" in changed or "Fri 2026-12-11" in changed
    assert me.checkpoints()[0].promise is not None
    assert me.checkpoints()[0].promise.on.isoformat() == "2026-12-11"


def test_edit_on_a_forwarded_mail_style_add_opens_the_form_again(me: Chat):
    """A next round's Edit gives `heard 1 next round …`, which the grammar reads back."""
    replies = read(me, "Acme wants to see you again Tuesday 3pm with their CTO")
    [edited] = me.press(ActionId.EDIT, button(replies, "Edit").value)
    assert edited.edit_line == "heard 1 next round Tuesday 3pm"


def test_a_stale_edit_button_changes_nothing(me: Chat):
    replies = read(me, "Acme will decide by Friday the 4th.")
    me.press(ActionId.CHOOSE, button(replies, "Not this").value)
    [late] = me.press(ActionId.EDIT, button(replies, "Edit").value)
    assert "passed" in late.text and late.edit_line == ""


@pytest.mark.parametrize("message", ["", "lol see you at the pub later"])
def test_a_message_with_nothing_to_follow_up_says_so(me: Chat, message: str):
    [reply] = read(me, message)
    assert "changed nothing" in reply.text and reply.prefill is None


def test_the_message_is_neither_stored_nor_logged(me: Chat, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)
    message = ("Hi Alex, lovely chatting about the Zanzibar migration. Acme will decide by "
               "Friday the 4th. Cheers, Jane Smith")
    read(me, message)
    person_id = me.checkpoints()[0].person_id
    stored = str(me.runtime.repo.get_conversation(person_id))
    assert "Zanzibar" not in stored and "Cheers" not in stored and "Acme will" not in stored
    read(me, INVITE)
    assert "Zanzibar" not in caplog.text and "Dana Wu" not in caplog.text
