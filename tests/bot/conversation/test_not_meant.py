""""Not what I meant" through the real Coach: whatever a sentence was read as and acted
on comes back with one press, plan and waiting question included, and nothing else."""

from __future__ import annotations

from bot.messages import Action, ActionId, Reply
from bot.model import Outcome
from tests.chat import Chat, text_of

ACME = "add Acme, data analyst, today 2pm with Jane Smith"
INITECH = ("add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel, "
           "they'll decide by 2026-11-27")


def not_meant(replies: list[Reply]) -> Action:
    (found,) = [a for r in replies for a in r.actions
                if a.id in (ActionId.NOT_MEANT, ActionId.NOT_MEANT_ADD)]
    assert found.label == "Not what I meant"
    return found


def plan(chat: Chat, number: int) -> list[tuple[str, str, str]]:
    _, steps = chat.checkpoints(number)
    return [(s.kind.value, s.state.value, s.due_at.isoformat()) for s in steps]


def test_an_outcome_read_from_words_comes_back_with_its_plan_once(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    before = chat.checkpoints(2)[0], plan(chat, 2)
    said = chat.say("Initech passed on me")
    assert text_of(said).startswith("I read that as: A no from Initech (#2).")
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED
    button = not_meant(said)

    back = text_of(chat.press(button.id, button.value))
    assert back.startswith("OK, not that. #2 (QA engineer at Initech) is back as it was")
    assert (chat.checkpoints(2)[0], plan(chat, 2)) == before
    again = text_of(chat.press(button.id, button.value))
    assert again.startswith("There's nothing to put back")
    assert (chat.checkpoints(2)[0], plan(chat, 2)) == before


def test_a_misread_answer_after_a_call_is_taken_back_and_the_question_asked_again(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    promised = chat.checkpoints(2)[0].promise
    said = chat.say("she said they would decide by wednesday")
    moved = chat.checkpoints(2)[0].promise
    assert moved is not None and promised is not None and moved.on != promised.on

    back = text_of(chat.press(not_meant(said).id, not_meant(said).value))
    assert back.endswith("Back to my question: What did they say?")
    assert chat.checkpoints(2)[0].promise == promised
    assert "Congratulations" in chat.text("they offered me the job")  # the question's answer
    assert chat.checkpoints(2)[0].outcome is Outcome.OFFER


def test_an_interview_added_from_a_story_goes_with_its_own_undo(chat: Chat) -> None:
    said = chat.say("just had an interview at Blue Bottle Coffee for the shift supervisor "
                    "job, talked to Maria Gomez, it was at 10 this morning")
    assert "Blue Bottle Coffee" in chat.text("list")
    button = not_meant(said)
    assert button.id is ActionId.NOT_MEANT_ADD

    gone = chat.press(button.id, button.value)
    assert text_of(gone).startswith("Deleted #1 (shift supervisor at Blue Bottle Coffee)")
    assert "Blue Bottle Coffee" not in chat.text("list")
    undo = next(a for r in gone for a in r.actions if a.id is ActionId.UNDO_DELETE)
    chat.press(undo.id, undo.value)  # pressed by mistake: Undo brings it back
    assert "Blue Bottle Coffee" in chat.text("list")


def test_a_later_change_is_never_undone_with_a_reading(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    button = not_meant(chat.say("Initech passed on me"))
    chat.say("fix 2 role QA lead")

    said = text_of(chat.press(button.id, button.value))
    assert said.startswith("#2 (QA lead at Initech) has changed since I read that")
    interview, _ = chat.checkpoints(2)
    assert (interview.role, interview.outcome) == ("QA lead", Outcome.REJECTED)


def test_only_a_change_read_from_words_offers_it(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    asked = chat.say("they said no")  # two open: which? Nothing changed yet
    typed = chat.say("heard 1 rejected")  # the grammar: said exactly, nothing to misread
    assert not [a for r in asked + typed for a in r.actions
                if a.id in (ActionId.NOT_MEANT, ActionId.NOT_MEANT_ADD)]
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED
