"""The plan keeps going when life does not follow the script.

New promises after a call, users who never say how a call went, and reminders that
were already on their way when the user reported progress — all through the real
Coach, repository and delivery path on the simulated clock.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.delivery.deliverer import Delivered
from bot.messages import ActionId, Reply
from bot.model import CheckpointKind, CheckpointState, Identity, Outcome, Platform
from tests.chat import ACME, ME, Chat, text_of

K = CheckpointKind
SOMEONE = Identity(Platform.CONSOLE, "local", "sam")


def stamp(chat: Chat, delivered: Delivered) -> str:
    return delivered.at.astimezone(chat.runtime.settings.zone).strftime("%a %Y-%m-%d %H:%M")


def sent_titles(chat: Chat) -> list[str]:
    return [d.reply.title for d in chat.delivered]


def to_first_call(chat: Chat) -> None:
    """Add the README interview, send both notes, and live to the first call reminder."""
    chat.say(ACME)
    chat.say("sent 1 all")
    chat.wait(timedelta(days=6, hours=17, minutes=30))  # Mon 2026-11-30 10:00
    assert chat.delivered[-1].reply.title == "Time to call about data analyst at Acme"
    assert stamp(chat, chat.delivered[-1]) == "Mon 2026-11-30 10:00"


def test_a_promise_heard_on_the_first_call_moves_the_second_call_to_that_day(chat):
    to_first_call(chat)
    chat.say("called 1 answered")
    reply = chat.text("promised 1 they'll decide by Friday")
    assert "second (and last) call is now planned for Mon 2026-12-07 10:00 EST" in reply

    chat.wait(timedelta(days=7))
    second = [d for d in chat.delivered if d.reply.title.startswith("Second and last call")]
    assert [stamp(chat, d) for d in second] == ["Mon 2026-12-07 10:00"]
    assert "On your first call they pointed to Fri 2026-12-04" in second[0].reply.text


def test_a_promise_after_both_calls_holds_the_move_on_until_their_day_has_passed(chat):
    to_first_call(chat)
    chat.say("called 1 no answer")
    chat.wait(timedelta(days=2))  # Wed 12-02 10:00: the second call
    chat.say("called 1 answered")
    reply = chat.text("promised 1 they'll decide by Dec 18")
    assert "no third one" in reply and "Mon 2026-12-21 10:00 EST" in reply

    chat.wait(timedelta(days=20))
    [move_on] = [d for d in chat.delivered if d.reply.title.startswith("Time to move on")]
    assert stamp(chat, move_on) == "Mon 2026-12-21 10:00"
    assert "Fri 2026-12-18" in move_on.reply.text
    assert sum("call about" in t for t in sent_titles(chat)) == 2


def test_a_silent_user_is_asked_once_how_the_call_went_then_moved_on_after_a_week(chat):
    to_first_call(chat)
    chat.wait(timedelta(days=10))

    checks = [d for d in chat.delivered if d.reply.title == "Did you reach Acme?"]
    assert [stamp(chat, d) for d in checks] == ["Wed 2026-12-02 10:00"]
    assert {a.id for a in checks[0].reply.actions} >= {
        ActionId.CALLED_NO_ANSWER, ActionId.CALLED_ANSWERED, ActionId.HEARD_BACK}
    [move_on] = [d for d in chat.delivered if d.reply.title.startswith("Time to move on")]
    assert stamp(chat, move_on) == "Mon 2026-12-07 10:00"
    assert "none from you about the call" in move_on.reply.text
    interview, _ = chat.checkpoints()
    assert interview.outcome is Outcome.NO_RESPONSE
    assert not any(t.startswith("Second and last call") for t in sent_titles(chat))


def test_answering_the_check_puts_the_plan_back_on_track(chat):
    to_first_call(chat)
    chat.wait(timedelta(days=2))  # Wed 12-02 10:00: the check
    assert chat.delivered[-1].reply.title == "Did you reach Acme?"
    interview, _ = chat.checkpoints()
    reply = text_of(chat.press(ActionId.CALLED_NO_ANSWER, str(interview.id)))
    assert "Fri 2026-12-04 10:00 EST" in reply
    _, rows = chat.checkpoints()
    live = {r.kind for r in rows if r.state in (CheckpointState.PENDING, CheckpointState.SENT)}
    assert K.CALL_CHECK not in live and K.MOVE_ON not in live

    chat.wait(timedelta(days=2))
    assert chat.delivered[-1].reply.title == "Second and last call about data analyst at Acme"
    chat.wait(timedelta(days=4))  # the second goes unanswered: Tue 12-08 asks
    assert chat.delivered[-1].reply.title == "Did you reach Acme?"
    assert stamp(chat, chat.delivered[-1]) == "Tue 2026-12-08 10:00"
    chat.wait(timedelta(days=7))
    assert chat.delivered[-2].reply.title.startswith("Time to move on")
    assert stamp(chat, chat.delivered[-2]) == "Fri 2026-12-11 10:00"
    assert sum(t == "Did you reach Acme?" for t in sent_titles(chat)) == 2


def test_a_new_promise_for_a_day_already_past_brings_the_call_reminder_back_now(chat):
    to_first_call(chat)
    chat.wait(timedelta(hours=2))  # Mon 12:00; the reminder is out, nothing reported
    reply = chat.text("promised 1 call me on 2026-11-27")
    assert "Your call is due now" in reply
    chat.wait(timedelta(minutes=1))
    calls = [d for d in chat.delivered if d.reply.title.startswith("Time to call")]
    assert [stamp(chat, d) for d in calls] == ["Mon 2026-11-30 10:00", "Mon 2026-11-30 12:00"]
    assert "They asked you to call on Fri 2026-11-27" in calls[-1].reply.text


def test_the_same_promise_again_does_not_repeat_a_reminder(chat):
    to_first_call(chat)
    chat.say("promised 1 they'll decide by Friday")  # Fri 12-04: a new day
    chat.wait(timedelta(hours=1))
    before = len(chat.delivered)
    chat.say("promised 1 they'll decide by Friday")
    chat.wait(timedelta(hours=1))
    assert len(chat.delivered) == before


class Reporter:
    """A sender through which, mid-batch, another person reports news of their own."""

    def __init__(self, chat: Chat, line: str) -> None:
        self.chat = chat
        self.line = line
        self.to: list[Identity] = []

    def send(self, to: Identity, reply: Reply) -> None:
        self.to.append(to)
        if len(self.to) == 1:
            other = SOMEONE if to == ME else ME
            self.chat.by(other).say(self.line)


@pytest.mark.parametrize(("line", "left_as"), [
    ("heard 1 offer", CheckpointState.CANCELLED),  # an outcome withdraws the reminder
    ("sent 1 all", CheckpointState.DONE),  # the note went out: no reminder for it
])
def test_a_reminder_claimed_before_the_user_acted_is_not_sent_after_it(runtime, line,
                                                                        left_as):
    chat = Chat(runtime)  # delivering through the reporter, not an inbox
    reporter = Reporter(chat, line)
    runtime.start_delivery({Platform.CONSOLE: reporter}, background=False)
    # Two people's thank-yous due at once, so both are claimed in the same batch; while
    # the first goes out, the other person acts.
    chat.say("add Acme, analyst, today 2pm with Jane Smith")
    chat.by(SOMEONE).say("add Initech, tester, today 2pm with Bob Lee")
    assert runtime.deliverer is not None
    runtime.deliverer.deliver_due()

    assert len(reporter.to) == 1
    other = SOMEONE if reporter.to[0] == ME else ME
    _, rows = chat.by(other).checkpoints(1)
    assert [r.state for r in rows if r.kind is K.THANK_YOU] == [left_as]


def test_quiet_hours_covering_the_working_day_still_let_the_call_reminder_out(chat):
    chat.say(ACME)
    chat.say("sent 1 all")
    chat.say("quiet 7am-5pm")
    chat.wait(timedelta(days=21))
    calls = [d for d in chat.delivered if d.reply.title.startswith("Time to call")]
    # The best the day offers is the end of quiet hours: sent then, not postponed forever.
    assert [stamp(chat, d) for d in calls] == ["Mon 2026-11-30 17:00"]
    assert any(d.reply.title.startswith("Time to move on") for d in chat.delivered)


def test_snoozing_a_call_reminder_that_went_out_waits_for_it_not_for_a_report(chat):
    to_first_call(chat)
    reply = chat.text("snooze 1.5 1w")
    assert "until Mon 2026-12-07 10:00 EST" in reply
    chat.wait(timedelta(days=7, minutes=1))
    titles = [d.reply.title for d in chat.delivered]
    assert "Did you reach Acme?" not in titles
    assert not any(t.startswith("Time to move on") for t in titles)
    assert stamp(chat, chat.delivered[-1]) == "Mon 2026-12-07 10:00"
    assert chat.delivered[-1].reply.title == "Time to call about data analyst at Acme"


def test_a_snooze_never_brings_a_step_closer(chat):
    chat.say(ACME)
    _, rows = chat.checkpoints()
    [call] = [r for r in rows if r.kind is K.FIRST_CALL]
    step = f"1.{sorted(r.id for r in rows).index(call.id) + 1}"
    reply = chat.text(f"snooze {step} 2h")
    assert "until Mon 2026-11-30 12:00 EST" in reply  # two hours after its own time


def test_a_promise_dated_before_the_interview_is_refused_with_the_reason(chat):
    chat.say("add Hooli, PM, this Friday 3pm with Gavin Belson")
    reply = chat.text("promised 1 call me on Wednesday")
    assert "before the interview itself (Fri 2026-11-27)" in reply
    interview, _ = chat.checkpoints()
    assert interview.promise is None


def test_a_command_typed_while_a_question_waits_runs_and_the_question_comes_back(chat):
    chat.say("add Acme")
    reply = chat.text("list")
    assert "No interviews yet" in reply and "What's the role?" in reply
    assert "When was it" in chat.text("data analyst")


def test_a_number_that_is_no_interviews_never_falls_back_to_the_open_one(chat):
    chat.say(ACME)
    for line in ("plan 99999999", "called 1234567 no answer", "heard -1 offer"):
        assert "I can't find interview" in chat.text(line)
    interview, _ = chat.checkpoints()
    assert interview.calls == () and interview.outcome is None


def test_cancel_leaves_a_real_outcome_alone(chat):
    chat.say(ACME)
    chat.say("heard 1 rejected")
    assert "already closed (rejected)" in chat.text("cancel 1")
    interview, _ = chat.checkpoints()
    assert interview.outcome is Outcome.REJECTED


def test_reminders_that_went_out_stay_in_the_plan_after_an_outcome(chat):
    chat.say(ACME)
    chat.wait(timedelta(days=1))  # both notes and both nudges went out
    chat.say("heard 1 rejected")
    shown = chat.text("plan 1")
    assert shown.count("— reminded") == 4
    assert "Thank-you note to Jane Smith — reminded" in shown


def test_a_date_no_calendar_has_is_named_back_when_the_question_comes(chat):
    reply = chat.text("add Hooli, PM, 2026-13-01 2pm with Gavin Belson")
    assert "I couldn't read “2026-13-01 2pm” as a date (there is no month 13)." in reply
    assert "When was it" in reply
    assert "Added #1: PM at Hooli" in chat.text("Dec 4 2pm")
