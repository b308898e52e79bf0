"""The words of the reminders, read as the job seeker reads them: whom to call and on
which number, a nudge that does not repeat the first message, a card posted on a day
the post goes, a `sent` that comes too early."""

from __future__ import annotations

from datetime import timedelta

from tests.chat import ACME, Chat
from tests.rendering import assert_nothing_can_ping


def _titled(chat: Chat, start: str) -> list[str]:
    return [d.reply.plain for d in chat.delivered if d.reply.title.startswith(start)]


def test_the_nudge_is_shorter_than_the_first_reminder_and_carries_a_short_note(chat):
    chat.say(ACME)
    chat.wait(timedelta(days=1))
    first = chat.delivered[0].reply
    nudge = next(d.reply for d in chat.delivered if d.reply.title.startswith("Did your note"))
    assert len(nudge.text) < len(first.text) / 2
    assert len(nudge.drafts[0].body) < len(first.drafts[0].body)
    assert nudge.drafts[0].body.startswith("Dear Jane,")
    assert nudge.drafts[0].body not in first.plain


def test_the_call_reminder_names_whom_to_call_and_their_number_once_known(chat):
    chat.say(ACME)
    chat.say("sent 1 all")
    assert "Bob Lee" in chat.text("fix 1 phone Bob +1 212 555 0142")
    chat.wait(timedelta(days=7))
    [call] = _titled(chat, "Time to call")
    assert "Call Bob Lee on +1 212 555 0142." in call
    assert "I interviewed with Bob Lee" in call  # the script asks for the same person


def test_without_a_number_the_call_reminder_still_names_the_interviewer(chat):
    chat.say(ACME)
    chat.say("sent 1 all")
    chat.wait(timedelta(days=7))
    [call] = _titled(chat, "Time to call")
    assert "Call Jane Smith (on their direct line, or ask for them at reception)." in call


def test_the_second_call_is_shorter_than_the_first_and_not_a_copy(chat):
    chat.say(ACME)
    chat.say("sent 1 all")
    chat.wait(timedelta(days=7))
    chat.say("called 1 no answer")
    chat.wait(timedelta(days=3))
    first = next(d.reply for d in chat.delivered if d.reply.title.startswith("Time to call"))
    second = next(d.reply for d in chat.delivered if d.reply.title.startswith("Second"))
    assert len(second.text) < len(first.text)
    assert "Keep it short: who you are" not in second.text
    assert "Try Jane Smith" in second.text


def test_a_card_whose_48_hours_end_on_a_sunday_is_posted_by_monday_and_the_reminder_says_so(
        chat):
    chat.say("add First Bank, analyst, this Friday 2pm with Dr. Maria Garcia and Jane Smith, "
             "traditional")
    chat.wait(timedelta(days=5))
    [card] = [d.reply for d in chat.delivered if d.reply.title.startswith("Write and post")]
    assert "post it by Mon 2026-11-30 14:00 EST" in card.text
    assert "Two days after the interview falls on a Sunday" in card.text
    assert [d.body.split("\n")[0] for d in card.drafts] == ["Dear Dr. Garcia,",
                                                            "Dear Jane Smith,"]
    assert all("Yours sincerely," in d.body for d in card.drafts)
    assert card.drafts[0].body.split("\n")[1] != card.drafts[1].body.split("\n")[1]


def test_sent_before_the_interview_keeps_the_reminder_and_says_when_to_send(chat):
    chat.say("add Acme, data analyst, tomorrow 2pm with Jane Smith")
    reply = chat.text("sent 1")
    assert "still ahead" in reply and "after it" in reply
    assert "Marked" not in reply
    chat.wait(timedelta(days=1))
    assert _titled(chat, "Send your thank-you note to Jane Smith")


def test_a_closed_interview_says_it_moved_on_in_plain_words(chat):
    chat.say("add Acme, data analyst, today 2pm with Jane Smith")
    chat.say("sent 1")
    chat.wait(timedelta(days=7))
    chat.say("called 1 no answer")
    chat.wait(timedelta(days=3))
    chat.say("called 1 no answer")
    chat.wait(timedelta(days=8))
    reply = chat.text("called 1 no answer")
    assert "(moved on after no response)" in reply
    assert "((" not in reply and "))" not in reply


def test_a_thank_you_by_text_is_advised_against_in_a_whole_sentence(chat):
    chat.say(ACME)
    reply = chat.text("sent 1 jane, I texted her")
    assert "by texted" not in reply
    assert reply.startswith("Better not send it by text message.")


def test_a_phone_number_is_asked_for_once_at_add_and_never_required(chat):
    added = chat.text(ACME)
    assert added.count("`fix 1 phone Jane <number>`") == 1
    assert "No number is fine too." in added
    chat.say("sent 1 all")
    chat.wait(timedelta(days=14))
    assert not any("phone Jane" in d.reply.plain for d in chat.delivered)


def test_an_unknown_command_is_echoed_in_words_and_harmless_on_each_platform(chat):
    [reply] = chat.say("<!channel> please")
    assert reply.text.startswith("I don't know the command “<!channel>”.")
    assert "\\u" not in reply.text and "'<" not in reply.text
    assert_nothing_can_ping(reply)  # Slack and Discord render it inert
