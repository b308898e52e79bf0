"""`why`: every date the bot picks can be explained, weekends and holidays named."""

from __future__ import annotations

from tests.chat import Chat


def test_why_names_the_deadline_and_the_holiday_a_call_stepped_over(chat: Chat) -> None:
    chat.say("add Acme, data analyst, today 2pm with Jane Smith, they'll decide by Wednesday")
    shown = chat.text("why 1.3")
    assert shown.startswith("First follow-up call — Fri 2026-11-27 10:00 EST")
    assert "decide by Wed 25 Nov" in shown and "next business day" in shown
    assert "public holiday (Thu 26 Nov)" in shown  # Thanksgiving, in New York


def test_why_without_a_promise_counts_a_working_week_over_the_weekend(chat: Chat) -> None:
    chat.say("add Initech, QA, today 10am with Dana Wu")
    shown = chat.text("why 1.3")
    assert "Tue 2026-12-01 10:00 EST" in shown and "working week" in shown
    assert "a weekend and a public holiday (Thu 26 Nov)" in shown


def test_why_alone_explains_the_next_step_of_the_only_open_interview(chat: Chat) -> None:
    chat.say("add Acme, data analyst, today 2pm with Jane Smith")
    assert "Thank-you note to Jane Smith" in chat.text("why")
    chat.say("snooze 1.1 2h")
    assert "snoozed it" in chat.text("why 1.1")


def test_why_says_plainly_when_the_step_is_not_there(chat: Chat) -> None:
    chat.say("add Acme, data analyst, today 2pm with Jane Smith")
    assert "can't find interview #9" in chat.text("why 9.1")
    assert "isn't a step I know" in chat.text("why soon")
    chat.say("sent 1")
    assert "already done" in chat.text("why 1.1")


def test_why_a_day_asked_of_one_interview_answers_for_that_one(chat: Chat) -> None:
    chat.say("add Acme, data analyst, today 2pm with Jane Smith")
    chat.say("add Initech, QA engineer, 2026-11-20 10am with Dana Wu, they'll decide by "
             "2026-11-27")
    # Initech's call is on the 30th: explained, and said whose it is.
    shown = chat.text("why is the initech call on the 30th")
    assert shown.startswith("#2 Initech: First follow-up call — Mon 2026-11-30 10:00 EST")
    # A weekday with its date is that date, not the next such weekday.
    shown = chat.text("why is the initech call on monday the 30th")
    assert shown.startswith("#2 Initech: First follow-up call — Mon 2026-11-30 10:00 EST")
    # Acme has nothing that day: said so, never another interview's step in its place.
    shown = chat.text("why is the acme call on the 30th")
    assert shown.startswith("Nothing of Acme (#1) is planned for Mon 30 Nov.")
    assert "Initech" not in shown
