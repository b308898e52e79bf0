"""The conversation layer through the real Coach, SQLite repository and simulated clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.messages import ActionId, Inbound
from bot.model import CheckpointKind, CheckpointState, Identity, Outcome, Platform
from tests.chat import ACME, Chat, running, text_of
from tests.rendering import assert_nothing_can_ping

SOMEONE_ELSE = Identity(Platform.SLACK, "T1", "U999")


def test_a_one_line_add_makes_a_plan_with_a_note_per_interviewer(chat):
    replies = chat.say(ACME)
    shown = text_of(replies)
    assert "Added #1: data analyst at Acme" in shown
    assert "Thank-you note to Jane Smith" in shown and "Thank-you note to Bob Lee" in shown
    assert "Mon 2026-11-30 10:00 EST  First follow-up call" in shown
    _, rows = chat.checkpoints()
    assert sorted(r.kind for r in rows).count(CheckpointKind.THANK_YOU) == 2


def test_add_alone_asks_one_question_at_a_time_and_survives_a_restart(chat, settings, clock):
    assert "Which company" in chat.text("add")
    assert "role" in chat.text("Globex")
    # A new process on the same database picks the conversation up where it was.
    with running(settings, clock) as restarted:
        second = Chat(restarted)
        assert "When was it" in second.text("Platform engineer")
        assert "couldn't read" in second.text("whenever")
        assert "Who interviewed you" in second.text("yesterday at 10am")
        assert "at least one name" in second.text("42")
        assert "what happens next" in second.text("Ann O'Neil (ann@globex.com)")
        assert "traditional employer" in second.text("call me in 4 days")
        done = second.text("traditional")
    assert "Added #1: Platform engineer at Globex" in done
    assert "Handwritten card" in done
    assert "Sun 2026-11-22 10:00 EST" in done  # yesterday, in the user's zone
    # "call me in 4 days" after an interview on Sunday is Thursday 2026-11-26, which is
    # Thanksgiving in the US: the call moves to the next business day.
    assert "Fri 2026-11-27 10:00 EST  First follow-up call" in done


def test_a_missing_piece_of_a_one_liner_is_asked_for(chat):
    assert "Who interviewed you" in chat.text("add Acme, analyst, today 2pm")
    assert "Added #1" in chat.text("Jane Smith")


def test_cancel_drops_a_half_finished_add(chat):
    chat.say("add")
    assert "dropped" in chat.text("cancel")
    assert "No interviews yet" in chat.text("list")


def test_the_whole_loop_thank_you_calls_and_move_on_never_a_third_call(chat):
    chat.say(ACME)
    chat.runtime.deliverer.deliver_due()
    titles = [d.reply.title for d in chat.delivered]
    assert titles == ["Send your thank-you note to Jane Smith today",
                      "Send your thank-you note to Bob Lee today"]
    jane = chat.delivered[0].reply
    assert "Dear Jane," in jane.drafts[0].body and "either way" in jane.drafts[0].body
    chat.press(ActionId.SENT, jane.actions[0].value)

    chat.wait(timedelta(days=8))
    titles = [d.reply.title for d in chat.delivered[2:]]
    assert titles == ["Did your note to Bob Lee go out?", "Time to call about data analyst at Acme"]
    call = chat.delivered[-1]
    assert call.at.astimezone(chat.runtime.settings.zone).strftime("%a %Y-%m-%d %H:%M") == \
        "Mon 2026-11-30 10:00"
    assert [d.title for d in call.reply.drafts] == ["Call script",
                                                    "Voicemail (say the number slowly)"]

    reply = chat.text("called 1 no answer")
    assert "Thu 2026-12-03 10:00 EST" in reply
    chat.wait(timedelta(days=3))
    assert chat.delivered[-1].reply.title == "Second and last call about data analyst at Acme"
    reply = chat.text("called 1 no answer")
    assert "Fri 2026-12-11 10:00 EST" in reply
    assert "two follow-up calls" in chat.text("called 1 no answer")

    chat.wait(timedelta(days=8))
    kinds_sent = [d.reply.title for d in chat.delivered]
    assert sum("call about" in t for t in kinds_sent) == 2
    assert "Time to move on from data analyst at Acme" in kinds_sent
    interview, _ = chat.checkpoints()
    assert interview.outcome is Outcome.NO_RESPONSE
    assert chat.delivered[-1].reply.title.startswith("A few minutes to look back")


def test_a_new_promise_moves_the_call(chat):
    chat.say(ACME)
    reply = chat.text("promised 1 they now say next Tuesday")
    # dateparser reads "next Tuesday" on a Monday as tomorrow; the call is the day after.
    assert "they'll decide by Tue 2026-11-24" in reply
    assert "Your call is now planned for Wed 2026-11-25 10:00 EST" in reply
    _, rows = chat.checkpoints()
    [call] = [r for r in rows if r.kind is CheckpointKind.FIRST_CALL
              and r.state is CheckpointState.PENDING]
    zone = chat.runtime.settings.zone
    assert call.due_at.astimezone(zone).strftime("%a %H:%M") == "Wed 10:00"


def test_an_offer_cancels_the_rest_and_asks_for_reflection(chat):
    chat.say(ACME)
    assert "Congratulations" in chat.text("heard 1 offer")
    _, rows = chat.checkpoints()
    waiting = [r.kind for r in rows if r.state is CheckpointState.PENDING]
    assert waiting == [CheckpointKind.REFLECT]
    chat.wait(timedelta(hours=2))
    assert chat.delivered[-1].reply.title.startswith("A few minutes to look back")
    chat.say("reflect 1")
    chat.say("I was well prepared")
    chat.say("Ask about the team earlier")
    chat.say("Bring printed examples")
    journal = chat.text("journal")
    assert "I was well prepared" in journal and "Bring printed examples" in journal


def test_a_next_round_becomes_a_new_linked_interview(chat):
    chat.say(ACME)
    assert "When was it" in chat.text("heard 1 next round")
    # Other people often run the next round: the last round's are offered, not assumed.
    asked = chat.text("Dec 2 at 11am")
    assert "Who will you meet this time?" in asked
    assert "`same` for Jane Smith and Bob Lee" in asked
    done = chat.text("same")
    assert "Added #2: data analyst at Acme" in done
    assert "with Jane Smith, Bob Lee" in done
    assert "Prepare your questions" in done
    interview, _ = chat.checkpoints(2)
    first, _ = chat.checkpoints(1)
    assert interview.parent_id == first.id


def test_a_next_round_said_in_words_with_its_date_asks_only_who(chat):
    chat.say(ACME)
    asked = chat.text("heard 1 the 2nd round is Dec 2 at 11am")
    assert "A next round at Acme" in asked and "Who will you meet this time?" in asked
    done = chat.text("same")
    assert "Added #2: data analyst at Acme" in done
    assert "#2 data analyst at Acme — Wed 2026-12-02 11:00 EST with Jane Smith, Bob Lee" in done
    first, _ = chat.checkpoints(1)
    assert first.outcome is Outcome.NEXT_ROUND and first.promise is not None  # Friday kept


def test_a_next_rounds_people_can_come_with_its_date(chat):
    chat.say(ACME)
    chat.say("heard 1 next round")
    done = chat.text("Dec 2 at 11am with Carol Diaz")
    assert "Added #2: data analyst at Acme" in done
    assert "with Carol Diaz" in done and "Jane Smith" not in done.split("Status")[0]
    interview, _ = chat.checkpoints(2)
    assert [p.name for p in interview.interviewers] == ["Carol Diaz"]


def test_snooze_moves_a_reminder_and_keeps_it_out_of_quiet_hours(chat):
    chat.say(ACME)
    reply = chat.text("snooze 1.1 6h")
    assert "until Tue 2026-11-24 08:00 EST" in reply  # 22:30 is quiet; wait for the morning
    assert "isn't a step" in chat.text("snooze x 2h")
    assert "couldn't read" in chat.text("snooze 1.2 blue")


def test_snooze_until_a_day_moves_a_step_there_but_never_earlier(chat):
    chat.say(ACME)  # 1.3 is Jane Smith's nudge (Tue 09:00), 1.5 the first call (Mon 30)
    reply = chat.text("snooze 1.3 until Friday 3pm")
    assert "Snoozed Thank-you nudge to Jane Smith until Fri 2026-11-27 15:00 EST" in reply
    # Said on a Monday, a bare "Monday" is next week's, at nine.
    assert "until Mon 2026-11-30 09:00 EST" in chat.text("snooze 1.3 monday")
    assert "until Tue 2026-12-01 09:00 EST" in chat.text("snooze 1.3 2026-12-01T09:00")
    # The first call is already later than tomorrow: a snooze does not pull it closer.
    assert "'yesterday' has already passed" in chat.text("snooze 1.3 yesterday")
    refused = chat.text("snooze 1.5 tomorrow 11am")
    assert "already planned for Mon 2026-11-30 10:00 EST" in refused
    assert "only moves a step later" in refused
    _, rows = chat.checkpoints()
    zone = chat.runtime.settings.zone
    nudges = {r.due_at.astimezone(zone).strftime("%a %d %H:%M")
              for r in rows if r.kind is CheckpointKind.THANK_YOU_NUDGE}
    assert nudges == {"Tue 01 09:00", "Tue 24 09:00"}  # Jane's moved, Bob's kept
    [call] = [r for r in rows if r.kind is CheckpointKind.FIRST_CALL]
    assert call.due_at.astimezone(zone).strftime("%a %d %H:%M") == "Mon 30 10:00"


def test_timing_news_reported_as_heard_becomes_the_promise(chat):
    chat.say(ACME)
    reply = chat.text("heard 1 they said 2 weeks")
    assert "they'll decide by Mon 2026-12-07" in reply
    interview, _ = chat.checkpoints()
    assert interview.outcome is None and interview.promise is not None
    assert interview.promise.text == "they said 2 weeks"
    # News with no date is still asked about, not guessed at.
    assert "What did Acme say?" in chat.text("heard 1 nothing yet")


def test_someone_elses_interview_is_not_found(chat):
    chat.say(ACME)
    _, rows = chat.checkpoints()
    assert "can't find interview #1" in chat.by(SOMEONE_ELSE).text("plan 1")
    assert "isn't yours" in text_of(chat.by(SOMEONE_ELSE).press(ActionId.SENT,
                                                                 str(rows[0].id)))
    interview, _ = chat.checkpoints()
    assert "isn't yours" in text_of(chat.by(SOMEONE_ELSE).press(ActionId.OUTCOME_OFFER,
                                                                 str(interview.id)))
    assert chat.checkpoints()[0].outcome is None


def test_time_zone_and_quiet_hours_re_time_the_plan(chat):
    chat.say(ACME)
    assert "Europe/London" in chat.text("tz London")
    assert "don't know the time zone" in chat.text("tz Atlantis")
    plan = chat.text("plan 1")
    assert "10:00 GMT  First follow-up call" in plan
    assert "22:00–07:00" in chat.text("quiet 22:00-07:00")
    assert "range" in chat.text("quiet sometimes")


def test_export_and_forget_me(chat):
    chat.say(ACME)
    exported = chat.say("export")[0].drafts[0].body
    assert "Jane Smith" in exported and "Acme" in exported
    assert "Type `yes`" in chat.text("forget me")
    gone = chat.text("yes")
    assert "I deleted" in gone and "interview" in gone
    assert "No interviews yet" in chat.text("list")


@pytest.mark.parametrize("text, expected", [
    ("frobnicate 7", "Type `help`"),
    ("plan 99", "can't find interview #99"),
    ("called 1 maybe", "Did anyone pick up"),
    ("heard 1 maybe", "What did Acme say"),
    ("done", "Which step"),
    ("done 1.42", "has no step 42"),
    ("promised 1 whenever", "couldn't find a date"),
    ("cancel", "Which interview"),
    ("Acme tomorrow 3pm with Jane", "start with `add`"),
    ("", "follow-up coach"),
])
def test_bad_input_gets_a_short_helpful_answer(chat, text, expected):
    chat.say(ACME)
    assert expected in chat.text(text)


def test_a_huge_message_is_cut_and_answered(chat):
    assert "first 4,000 characters" in chat.text("add " + "x" * 50_000)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300) | st.sampled_from([
    "<!channel> add", "@everyone", "add '; DROP TABLE interviews; --", "add Acme, x, 30 February",
    "add Acme, x, year 9999 with Jane", "snooze 1.1 99999999w", "press 3", "\x00\x07",
]))
def test_any_text_gets_a_reply_and_never_echoes_a_mass_mention(chat, text):
    replies = chat.say(text)
    assert replies
    for reply in replies:
        assert_nothing_can_ping(reply)  # checked where a ping would happen: when rendered
    chat.say("cancel")


def test_a_form_adds_in_one_step_or_names_each_bad_field(runtime):
    person = Inbound(identity=SOMEONE_ELSE, platform_tz=None)
    result = runtime.coach.add_from_form(person, {
        "company": "", "role": "Analyst", "when": "someday", "interviewers": "42",
        "promise": "whenever", "tz": "Atlantis"})
    assert set(result.problems) == {"company", "when", "interviewers", "promise", "tz"}
    assert not result.replies
    result = runtime.coach.add_from_form(person, {
        "company": "Acme", "role": "Analyst", "when": "2026-11-23 14:00",
        "interviewers": "Jane Smith (jane@acme.com)", "promise": "decide by Friday",
        "culture": "traditional", "tz": "Europe/Berlin"})
    assert result.problems == {}
    shown = text_of(result.replies)
    assert "Added #1: Analyst at Acme" in shown and "CET" in shown
    assert "Handwritten card" in shown


def test_a_slash_command_runs_mid_question_and_the_question_comes_back(runtime):
    newcomer = Identity(Platform.DISCORD, "dm", "42")
    first = runtime.coach.handle(Inbound(identity=newcomer, text="add Acme, analyst, "
                                         "today 2pm with Jane Smith", command=True))
    assert "which time zone" in text_of(first)
    listing = runtime.coach.handle(Inbound(identity=newcomer, text="list", command=True))
    assert "No interviews yet" in text_of(listing) and "which time zone" in text_of(listing)
    done = runtime.coach.handle(Inbound(identity=newcomer, text="tz Europe/Berlin",
                                        command=True))
    shown = text_of(done)
    assert "Time zone set to Europe/Berlin" in shown
    assert "Added #1: analyst at Acme" in shown and "14:00 CET" in shown
