"""Data rights that keep their word: `forget me` takes the natural answer however it
comes (typed, as a slash command, a button), and cancelling a question says truthfully
what was kept."""

from __future__ import annotations

from bot.messages import ActionId
from tests.chat import ACME, Chat


def _asked(chat: Chat) -> str:
    [question] = chat.say("forget me")
    [yes, keep] = question.actions
    assert (yes.id, keep.id) == (ActionId.FORGET_ME, ActionId.KEEP_MY_DATA)
    return yes.value


def test_yes_as_a_slash_command_deletes_everything(chat):
    chat.say(ACME)
    _asked(chat)
    gone = chat.text("yes", command=True)  # `/followup yes` on Slack
    assert "I deleted" in gone and "I don't know the command" not in gone
    assert "No interviews yet" in chat.text("list")


def test_the_yes_button_deletes_and_the_keep_button_keeps(chat):
    chat.say(ACME)
    who = _asked(chat)
    kept = chat.press(ActionId.KEEP_MY_DATA, who)
    assert "kept everything" in kept[0].text
    assert "Acme" in chat.text("list")
    who = _asked(chat)
    gone = chat.press(ActionId.FORGET_ME, who)
    assert "I deleted" in gone[0].text
    assert "No interviews yet" in chat.text("list")


def test_a_stale_or_someone_elses_yes_button_deletes_nothing(chat):
    chat.say(ACME)
    who = _asked(chat)
    chat.say("no")  # the question is answered: the button under it is stale now
    assert "changed nothing" in chat.press(ActionId.FORGET_ME, who)[0].text
    _asked(chat)
    assert "changed nothing" in chat.press(ActionId.FORGET_ME, "999")[0].text
    assert "Acme" in chat.text("list")


def test_a_cancelled_reflection_says_which_answers_were_kept(chat):
    chat.say(ACME)
    chat.say("reflect 1")
    chat.say("I asked good questions")
    reply = chat.text("cancel")
    assert "“What went well?” is kept in your journal" in reply
    assert "Nothing was saved" not in reply
    assert "I asked good questions" in chat.text("journal")


def test_a_reflection_cancelled_before_any_answer_saved_nothing(chat):
    chat.say(ACME)
    chat.say("reflect 1")
    assert "Nothing was saved" in chat.text("cancel")
    assert "I asked good questions" not in chat.text("journal")
