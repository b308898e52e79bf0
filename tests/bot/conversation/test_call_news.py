"""After a call someone answered, the coach asks what they said, and the plan follows."""

from __future__ import annotations

from datetime import timedelta

from bot.messages import ActionId
from bot.model import CallResult, Interview, Outcome, PromiseKind
from tests.chat import ME, Chat

ADD = "add Acme, data analyst, today 2pm with Jane Smith"


def _called_answered(chat: Chat) -> str:
    chat.say(ADD)
    chat.wait(timedelta(days=7))  # the first call is due
    return chat.text("called 1 answered")


def _person_id(chat: Chat) -> int:
    person = chat.runtime.repo.find_person(ME)
    assert person is not None
    return person.id


def _interview(chat: Chat) -> Interview:
    interview = chat.runtime.repo.find_interview(_person_id(chat), 1)
    assert interview is not None
    return interview


def test_an_answered_call_asks_what_they_said_with_the_likely_answers(chat: Chat) -> None:
    chat.say(ADD)
    chat.wait(timedelta(days=7))
    (reply,) = chat.say("called 1 answered")
    assert "What did they say?" in reply.text
    assert [a.id for a in reply.actions] == [
        ActionId.OUTCOME_OFFER, ActionId.OUTCOME_NEXT_ROUND, ActionId.OUTCOME_REJECTED,
        ActionId.NAMED_A_DAY, ActionId.NO_NEWS]
    assert _interview(chat).calls[-1].result is CallResult.ANSWERED


def test_a_day_they_named_becomes_the_promise_that_moves_the_next_call(chat: Chat) -> None:
    _called_answered(chat)
    shown = chat.text("they said they'd decide by friday")
    assert "they'll decide by Fri 2026-12-04" in shown
    promise = _interview(chat).promise
    assert promise is not None and promise.kind is PromiseKind.THEY_DECIDE_BY
    assert chat.runtime.repo.get_conversation(_person_id(chat)) is None


def test_an_outcome_in_the_answer_closes_the_interview(chat: Chat) -> None:
    _called_answered(chat)
    assert "An offer" in chat.text("offer!")
    assert _interview(chat).outcome is Outcome.OFFER


def test_call_back_on_a_short_day_is_your_call_on_that_day(chat: Chat) -> None:
    _called_answered(chat)
    shown = chat.text("they said call back wed")
    assert "you'll call them on Wed" in shown
    promise = _interview(chat).promise
    assert promise is not None and promise.kind is PromiseKind.YOU_CALL_ON
    assert promise.on.weekday() == 2


def test_no_news_keeps_the_plan_and_a_muddle_is_asked_again(chat: Chat) -> None:
    _called_answered(chat)
    before = _interview(chat)
    assert "didn't catch that" in chat.text("hmm")
    # A day with no word on who acts next (their deadline, or your call?): asked.
    assert "didn't catch that" in chat.text("they said wed")
    assert "no news yet" in chat.text("no news")
    after = _interview(chat)
    assert after.promise == before.promise and after.outcome is None
    assert chat.runtime.repo.get_conversation(_person_id(chat)) is None


def test_the_buttons_answer_it_too(chat: Chat) -> None:
    _called_answered(chat)
    iid = str(_interview(chat).id)
    assert "Which day did they name?" in " ".join(r.text for r in chat.press(
        ActionId.NAMED_A_DAY, iid))
    assert "they'll decide by" in chat.text("they'll decide by Friday")
    chat.say("called 1 answered")
    assert "no news yet" in " ".join(r.text for r in chat.press(ActionId.NO_NEWS, iid))


def test_a_button_press_for_spoke_no_news_does_not_ask_again(chat: Chat) -> None:
    chat.say(ADD)
    chat.wait(timedelta(days=7))
    iid = str(_interview(chat).id)
    (reply,) = chat.press(ActionId.CALLED_ANSWERED, iid)  # its label: "Spoke, no news yet"
    assert "What did they say?" not in reply.text


def test_asked_back_in_words_is_a_next_round_whose_day_is_asked(chat: Chat) -> None:
    _called_answered(chat)
    shown = chat.text("they want me back next thursday at 2")
    assert "next round" in shown and "When" in shown  # the day is asked, not guessed
    assert _interview(chat).outcome is Outcome.NEXT_ROUND


def test_a_no_in_words_closes_it_but_a_hedged_one_is_asked_again(chat: Chat) -> None:
    _called_answered(chat)
    assert "didn't catch that" in chat.text("I don't think I got the job")
    assert _interview(chat).is_open
    assert "I'm sorry" in chat.text("they passed on me")
    assert _interview(chat).outcome is Outcome.REJECTED


def test_a_day_that_reads_two_ways_is_asked_and_neither_brings_the_question_back(
        chat: Chat) -> None:
    _called_answered(chat)  # on Monday 30 November
    before = _interview(chat)
    (reply,) = chat.say("she said call her back next thursday")
    assert "two days" in reply.text
    assert [a.label for a in reply.actions] == ["Thu 03 Dec", "Thu 10 Dec", "Neither"]
    assert "Back to my question: What did they say?" in chat.text("3")
    assert _interview(chat).promise == before.promise
    chat.say("she said call her back next thursday")
    assert "Noted" in chat.text("2")
    promise = _interview(chat).promise
    assert promise is not None and promise.kind is PromiseKind.YOU_CALL_ON
    assert promise.on.isoformat() == "2026-12-10"
    assert chat.runtime.repo.get_conversation(_person_id(chat)) is None


def test_still_deciding_with_a_day_to_call_back_is_your_call_that_day(chat: Chat) -> None:
    _called_answered(chat)
    shown = chat.text("still deciding, call back wednesday")
    assert "you'll call them on Wed" in shown
    promise = _interview(chat).promise
    assert promise is not None and promise.kind is PromiseKind.YOU_CALL_ON
    assert promise.on.weekday() == 2
