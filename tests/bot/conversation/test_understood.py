"""Free text through the real Coach: sure readings act and say so; unsure ones ask with
buttons, and only a pressed (or typed) choice changes anything."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.messages import ActionId, Reply
from bot.model import CallResult, CheckpointKind, CheckpointState, Outcome, PromiseKind
from tests.chat import Chat, text_of

NEW_YORK = ZoneInfo("America/New_York")
ACME = "add Acme, data analyst, today 2pm with Jane Smith"
INITECH = ("add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel, "
           "they'll decide by 2026-11-27")


def interviews(chat: Chat) -> int:
    person = chat.runtime.repo.find_person(chat.who)
    return 0 if person is None else len(chat.runtime.repo.list_interviews(person.id))


def add_asked(chat: Chat, company: str, role: str, when: str, people: str) -> None:
    """An interview added a question at a time: `add <company>`, then each answer."""
    for said in (f"add {company}", role, when, people, "skip"):
        chat.say(said)


def choices(replies: list[Reply]) -> dict[str, str]:
    """The choice buttons offered, label → value."""
    return {a.label: a.value for r in replies for a in r.actions if a.id is ActionId.CHOOSE}


def test_an_outcome_in_words_acts_on_the_interview_it_names_and_says_so(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    said = chat.text("Initech passed on me")
    assert said.startswith("I read that as: A no from Initech (#2).")
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED
    assert chat.checkpoints(1)[0].outcome is None  # the other interview is untouched


def test_a_hedged_outcome_asks_and_only_the_pressed_choice_acts(chat: Chat) -> None:
    chat.say(ACME)
    replies = chat.say("I think Acme made me an offer?")
    offered = choices(replies)
    assert list(offered) == ["Yes, an offer", "Still waiting"]
    assert chat.checkpoints(1)[0].outcome is None  # asked, nothing changed yet
    chat.press(ActionId.CHOOSE, offered["Yes, an offer"])
    assert chat.checkpoints(1)[0].outcome is Outcome.OFFER
    # The question is gone: pressing again (a double press) changes nothing more.
    again = text_of(chat.press(ActionId.CHOOSE, offered["Yes, an offer"]))
    assert "That question has passed" in again


def test_no_interview_named_and_several_open_asks_which(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    replies = chat.say("they said no")
    assert list(choices(replies)) == ["#1 Acme", "#2 Initech", "None of these"]
    assert chat.text("2").startswith("I'm sorry about")  # typed number picks the choice
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED


def test_a_company_the_coach_does_not_know_is_never_taken_for_the_open_one(chat: Chat) -> None:
    chat.say(ACME)
    replies = chat.say("Globex rejected me")
    assert chat.checkpoints(1)[0].outcome is None
    assert "Still waiting" in choices(replies) or "None of these" in choices(replies)


def test_a_command_runs_while_a_choice_waits_and_other_words_let_it_lapse(chat: Chat) -> None:
    chat.say(ACME)
    offered = choices(chat.say("maybe acme rejected me?"))
    listed = chat.say("list")  # a command runs, and the choice is offered again
    assert "data analyst at Acme" in text_of(listed) and choices(listed) == offered
    assert "That button belongs to an earlier question" in text_of(
        chat.press(ActionId.CHOOSE, "123456"))
    sent = chat.say("sent jane a thank you email")  # a command in words runs too...
    assert "Marked your thank-you to Jane Smith as sent" in text_of(sent)
    assert choices(sent) == offered  # ...and the choice comes back
    chat.say("the weather is lovely today")  # no answer and no command: the choice lapses
    assert "That question has passed" in text_of(chat.press(ActionId.CHOOSE, offered["Yes, a no"]))
    assert chat.checkpoints(1)[0].outcome is None


def test_calls_and_thank_yous_in_words(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert "I read that as: You called Initech (#2) and nobody picked up." in chat.text(
        "caled initech, no anwser")
    assert chat.checkpoints(2)[0].calls[-1].result is CallResult.NO_ANSWER
    assert "Marked your thank-you to Jane Smith as sent" in chat.text(
        "sent jane a thank you email")
    _, steps = chat.checkpoints(1)
    note = next(cp for cp in steps if cp.kind is CheckpointKind.THANK_YOU)
    assert note.state is CheckpointState.DONE


def test_a_call_that_may_not_have_connected_is_asked(chat: Chat) -> None:
    chat.say(ACME)
    replies = chat.say("I called Acme but hung up before anyone answered")
    assert list(choices(replies)) == ["Nobody picked up", "I spoke to someone",
                                      "I haven't called"]
    assert chat.checkpoints(1)[0].calls == ()


def test_a_promise_in_working_days_skips_the_weekend_and_thanksgiving(chat: Chat) -> None:
    chat.say(ACME)  # Monday 23 November 2026; Thursday the 26th is Thanksgiving
    chat.say("they'll have an answer within 4 working days")
    promise = chat.checkpoints(1)[0].promise
    assert promise is not None and promise.kind is PromiseKind.THEY_DECIDE_BY
    assert promise.on.isoformat() == "2026-11-30"


def test_the_users_own_plan_is_not_the_employers_promise(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("I'll check back on the 4th")
    assert chat.checkpoints(1)[0].promise is None


def test_a_date_that_reads_two_ways_is_asked_and_a_weekday_settles_it(chat: Chat) -> None:
    chat.say(ACME)
    replies = chat.say("promised 1 decide by 12/4")
    assert list(choices(replies)) == ["Fri 4 Dec 2026", "Mon 12 Apr 2027", "Neither"]
    assert chat.checkpoints(1)[0].promise is None
    chat.press(ActionId.CHOOSE, choices(replies)["Fri 4 Dec 2026"])
    promise = chat.checkpoints(1)[0].promise
    assert promise is not None and promise.on.isoformat() == "2026-12-04"
    chat.say("promised 1 decide by Thursday 12/10")  # only 10 December is a Thursday
    promise = chat.checkpoints(1)[0].promise
    assert promise is not None and promise.on.isoformat() == "2026-12-10"


def test_a_bare_weekday_in_an_add_line_asks_which_week(chat: Chat) -> None:
    replies = chat.say("add Globex, designer, Wed 11am with Tom Baker")
    offered = choices(replies)
    assert list(offered) == ["Wed 18 Nov 2026", "Wed 25 Nov 2026", "Neither"]
    chat.press(ActionId.CHOOSE, offered["Wed 25 Nov 2026"])
    interview = chat.checkpoints(1)[0]
    assert interview.company == "Globex"
    assert interview.starts_at.astimezone(chat.runtime.settings.zone).day == 25


def test_corrections_in_words(chat: Chat) -> None:
    chat.say(ACME)
    assert "I read that as: Correcting #1 Acme." in chat.text("it's Jayne not Jane")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jayne Smith"]
    chat.say("jayne's email is jayne@acme.com")
    assert chat.checkpoints(1)[0].interviewers[0].email == "jayne@acme.com"
    chat.say("the role was senior analyst")
    assert chat.checkpoints(1)[0].role == "senior analyst"


def test_her_email_with_two_people_asks_whose_it_is(chat: Chat) -> None:
    chat.say(INITECH)
    replies = chat.say("her email is someone@example.com")
    assert list(choices(replies)) == ["Dana Wu (Initech)", "Raj Patel (Initech)", "Nobody here"]
    assert all(p.email is None for p in chat.checkpoints(1)[0].interviewers)


def test_questions_in_words_get_an_answer_from_the_rules(chat: Chat) -> None:
    chat.say(ACME)
    assert "Better not" in chat.text("should I send flowers?")
    assert "Two calls is the limit" in chat.text("is it too pushy to call a third time?")
    assert "I don't know the command" not in chat.text("are you a real person?")


def test_a_story_adds_the_interview_it_tells_of(chat: Chat) -> None:
    said = chat.text("Just finished my interview with Initech for the QA role, Dana Wu and "
                     "Raj Patel, they'll let me know next week")
    assert said.startswith("I read that as: a new interview: QA at Initech, today at 15:30, "
                           "with Dana Wu and Raj Patel; they'll let me know next week.")
    interview = chat.checkpoints(1)[0]
    assert (interview.company, interview.role) == ("Initech", "QA")
    assert [p.name for p in interview.interviewers] == ["Dana Wu", "Raj Patel"]
    assert interview.promise is not None and interview.promise.on.isoformat() == "2026-12-04"


def test_a_story_that_says_more_than_its_fields_is_shown_before_it_is_added(chat: Chat) -> None:
    # (A remark that tells nothing of the interview, "the commute is brutal", no longer
    # holds a clear story back: see the twenty-ninth session's scenario below.)
    replies = chat.say("also interviewed at Acme for a data role, with Tom Ng today at 3, "
                       "the role is mostly remote so the commute is fine")
    offered = choices(replies)
    assert list(offered) == ["Add it", "Not quite"]
    assert "Shall I add this interview" in text_of(replies)
    assert interviews(chat) == 0
    chat.press(ActionId.CHOOSE, offered["Add it"])
    assert chat.checkpoints(1)[0].company == "Acme"


def test_what_they_said_on_an_answered_call_is_read_in_other_words(chat: Chat) -> None:
    chat.say(INITECH)
    chat.say("called 1 answered")
    chat.say("they said to try again on Monday")
    promise = chat.checkpoints(1)[0].promise
    assert promise is not None and promise.kind is PromiseKind.YOU_CALL_ON
    assert promise.on.isoformat() == "2026-11-30"


def test_a_number_followed_by_a_comma_is_still_the_number(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called #2, got voicemail")
    assert chat.checkpoints(2)[0].calls[-1].result is CallResult.NO_ANSWER
    assert chat.checkpoints(1)[0].calls == ()


def test_why_a_day_explains_the_steps_planned_that_day(chat: Chat) -> None:
    chat.say(ACME + ", they'll decide by Wednesday")  # Thanksgiving is Thursday the 26th
    said = chat.text("why friday?")
    assert said.startswith("First follow-up call — Fri 2026-11-27 10:00 EST")
    assert "public holiday (Thu 26 Nov)" in said  # the call steps over Thanksgiving
    assert "Nothing is planned" in chat.text("why sunday?")


def test_a_name_not_caught_is_a_choice_and_the_note_goes_to_the_hiring_team(chat: Chat) -> None:
    chat.say("add Globex, designer, today 11am")
    replies = chat.say("Priya and her boss")  # the boss is someone without a name
    assert "I couldn't take “her boss” as a name" in text_of(replies)
    [button] = [a for r in replies for a in r.actions if a.id is ActionId.NO_NAME]
    assert button.label == "I didn't get their name"
    chat.press(ActionId.NO_NAME, button.value)
    interview, steps = chat.checkpoints(1)
    assert [p.name for p in interview.interviewers] == ["the hiring team"]
    chat.wait_until(next(cp.due_at for cp in steps if cp.kind is CheckpointKind.THANK_YOU))
    [note] = [d.reply for d in chat.delivered if d.reply.drafts]
    assert note.drafts[0].body.startswith("Dear hiring team,")


def test_not_knowing_their_name_can_be_typed_too(chat: Chat) -> None:
    chat.say("add Globex, designer, today 11am")
    chat.say("I didn't catch their names")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["the hiring team"]


def test_a_company_in_another_city_gets_its_calls_in_that_citys_office_hours(chat: Chat) -> None:
    from zoneinfo import ZoneInfo

    chat.say("add Acme in London, analyst, today 2pm with Jane Smith")
    interview, steps = chat.checkpoints(1)
    assert interview.company == "Acme" and interview.employer_tz == "Europe/London"
    call = next(cp for cp in steps if cp.kind is CheckpointKind.FIRST_CALL)
    london = call.due_at.astimezone(ZoneInfo("Europe/London"))
    new_york = call.due_at.astimezone(ZoneInfo("America/New_York"))
    assert 9 <= london.hour < 17 and london.weekday() < 5  # their office is open
    assert 8 <= new_york.hour < 21  # and the user is awake


def test_an_unsure_reading_mid_question_says_the_question_was_set_aside(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")  # "What's the role?" waits
    replies = chat.say("called acme")  # a command, so it runs while the question waits
    said = text_of(replies)
    assert "How did your call to Acme (#1) go" in said
    assert "My earlier question, “What's the role?”, waits" in said
    # Settled either way, the question that waited is asked again.
    back = text_of(chat.press(ActionId.CHOOSE, choices(replies)["Nobody picked up"]))
    assert back.endswith("Back to my question: What's the role?")
    assert chat.text("analyst").startswith("When was it")


def test_a_fraction_in_a_note_is_no_date_to_settle(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("note 1 Jane: the 1/2 day onboarding plan")
    assert "reads two ways" not in said


def test_the_plan_marks_a_day_moved_past_a_holiday_or_a_weekend(chat: Chat) -> None:
    chat.say(ACME + ", they'll decide by Wednesday")  # the day after is Thanksgiving
    plan = chat.text("plan 1")
    assert "Fri 2026-11-27 10:00 EST  First follow-up call · moved past a public holiday " \
        "(Thu 26 Nov)" in plan
    chat.say("promised 1 call me on Saturday")
    assert "First follow-up call · moved past the weekend" in chat.text("plan 1")


def test_the_week_after_a_date_is_that_following_week(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("promised 1 they'll decide the week after Dec 5")  # a Saturday
    promise = chat.checkpoints(1)[0].promise
    assert promise is not None and promise.on.isoformat() == "2026-12-11"  # that week's Friday


def test_the_add_reply_says_where_calls_land_for_an_employer_far_away(chat: Chat) -> None:
    assert "Calls are planned in London office hours: the first is at 14:00 their time." in \
        chat.text("add Acme in London, analyst, today 2pm with Jane Smith")
    chat.say("quiet 18:00-11:00")  # every Tokyo office hour is now in quiet hours
    said = chat.text("add Globex (Tokyo), analyst, today 9am with Ken Sato")
    assert "None of Tokyo's office hours falls outside your quiet hours" in said


def test_yes_to_which_interview_picks_nothing(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("they said no")  # which interview? two to choose from
    chat.say("yes")  # no answer to "which": the choice lapses, and nothing closes
    assert chat.checkpoints(1)[0].outcome is None and chat.checkpoints(2)[0].outcome is None


def test_call_her_maria_sets_how_the_notes_greet_her(chat: Chat) -> None:
    chat.say("add First Bank, analyst, today 2pm with Dr. Maria Garcia and Jane Smith, "
             "traditional")
    assert "your notes to Dr. Maria Garcia now open “Dear Maria,”" in chat.text(
        "call her Maria")
    assert chat.checkpoints(1)[0].interviewers[0].salutation == "Maria"
    chat.say("call her Thursday")  # a day, not a name: that is a promise to call
    interview, steps = chat.checkpoints(1)
    assert interview.interviewers[0].salutation == "Maria"
    chat.wait_until(next(cp.due_at for cp in steps if cp.kind is CheckpointKind.THANK_YOU))
    bodies = [d.body for r in (d.reply for d in chat.delivered) for d in r.drafts]
    assert any(body.startswith("Dear Maria,") for body in bodies)
    assert any(body.startswith("Dear Jane Smith,") for body in bodies)  # unchanged


def test_a_story_told_in_the_early_morning_keeps_the_morning(chat: Chat) -> None:
    local_now = chat.runtime.clock.now().astimezone(chat.runtime.settings.zone)
    chat.wait_until(local_now.replace(hour=6, minute=40) + timedelta(days=1))
    chat.say("Just finished my interview with Initech for the QA role, Dana Wu and Raj Patel")
    started = chat.checkpoints(1)[0].starts_at.astimezone(chat.runtime.settings.zone)
    assert (started.hour, started.minute) == (5, 30)


def test_a_call_that_brought_a_date_records_both_the_call_and_the_date(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    said = chat.text("Phoned Initech just now, Dana answered and said they'll decide by "
                     "Friday 4th December")
    assert said.startswith("I read that as: You called Initech (#2) and someone picked up "
                           "and they'll be in touch by Fri 04 Dec.")
    person = chat.runtime.repo.find_person(chat.who)
    assert person is not None
    initech = next(i for i in chat.runtime.repo.list_interviews(person.id) if i.number == 2)
    assert [c.result for c in initech.calls] == [CallResult.ANSWERED]
    assert initech.promise is not None and initech.promise.on.isoformat() == "2026-12-04"
    assert initech.promise.kind is PromiseKind.THEY_DECIDE_BY
    assert "what did they say" not in said.lower()  # the date was the news: not asked again


def test_someone_else_calling_is_not_the_persons_follow_up_call(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    said = chat.text("Dana rang, they'd like to offer me the QA role!")
    assert said.startswith("I read that as: An offer from Initech (#2).")
    person = chat.runtime.repo.find_person(chat.who)
    assert person is not None
    assert all(not i.calls for i in chat.runtime.repo.list_interviews(person.id))


def test_a_delete_said_with_its_reason_acts_with_undo_and_a_vague_one_asks_which(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    (vague,) = chat.say("get rid of initech")  # delete it, or only stop its reminders?
    assert [a.label for a in vague.actions] == ["Delete it", "Stop the reminders", "Neither"]
    assert "left everything as it was" in chat.text("3")
    assert "#2 QA engineer at Initech" in chat.text("list")
    shown = chat.say("oops I added acme by mistake, can you delete it")
    assert "I read that as: Delete #1 Acme." in text_of(shown)
    undo = next(a for r in shown for a in r.actions if a.id is ActionId.UNDO_DELETE)
    assert "Acme" not in chat.text("list")
    assert "Back: #1 (data analyst at Acme)" in text_of(chat.press(undo.id, undo.value))
    assert "#1 data analyst at Acme" in chat.text("list")


def test_a_sentence_it_cannot_read_gets_what_it_can_read_not_its_first_word(
        chat: Chat) -> None:
    chat.say(ACME)
    shown = chat.text("my cat knocked the coffee over the laptop again this morning")
    assert shown.startswith("I didn't follow that, so I changed nothing.")
    assert "`called Acme, no answer`" in shown and "I don't know the command" not in shown
    assert "I don't know the command “lsit”" in chat.text("lsit")  # a slip of a command
    assert chat.checkpoints(1)[0].outcome is None


def test_a_date_no_calendar_has_is_named_and_nothing_changes(chat: Chat) -> None:
    chat.say(INITECH)
    before = chat.checkpoints(1)
    said = chat.text("initech pushed it to 31/02")
    assert said.startswith("“31/02” isn't on the calendar (February has 29 days at most), "
                           "so I changed nothing.")
    assert chat.checkpoints(1) == before
    asked = chat.text("add Globex, designer, 2026-02-30 10am with Bo Li")
    assert "I couldn't read “2026-02-30 10am” as a date (February has 29 days at most)." \
        in asked


def test_two_pieces_of_news_in_one_line_are_asked_one_at_a_time(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    before = chat.checkpoints(1), chat.checkpoints(2)
    for line in ("sent jane her note, and she said they'd decide by friday",
                 "called them, went to voicemail. also jane's note is sent"):
        assert chat.text(line).startswith("You told me two things there")
    said = chat.text("Raj's email is raj.patel@initech.com and Dana's is dana.wu@initech.com")
    assert said.startswith("Two addresses there")
    said = chat.text("Raj wasn't actually there on Friday, it was Priya Shah instead")
    assert said.startswith("Take Raj Patel off #2 and add Priya Shah?")
    assert (chat.checkpoints(1), chat.checkpoints(2)) == before


def test_what_a_line_takes_back_or_rules_out_is_not_done(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "wait no": only what follows counts; naming no interview, it asks which.
    asked = chat.say("delete it. wait no, just stop the reminders")
    assert list(choices(asked)) == ["#1 Acme", "#2 Initech", "None of these"]
    # Said about the interview named before the "wait no", it is about that one.
    said = chat.text("delete the acme one. wait no, just stop the reminders, keep it")
    assert said.startswith("I read that as: No more reminders for Acme (#1).")
    assert "#1 data analyst at Acme" in chat.text("list")  # stopped, not deleted
    said = chat.text("I'm going to let the Initech one go. Don't delete it, I want to "
                     "remember it, but no more nudges please.")
    assert said.startswith("I read that as: No more reminders for Initech (#2).")
    assert "#2 QA engineer at Initech" in chat.text("list")  # stopped, not deleted


def test_their_word_is_read_without_the_persons_own_plan_after_it(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("They said they'd decide by Friday, and I'll follow up on the 4th if "
                     "I haven't heard")
    assert said.startswith("I read that as: Acme (#1): they'll be in touch by Fri 27 Nov.")
    promise = chat.checkpoints(1)[0].promise
    assert promise is not None and promise.kind is PromiseKind.THEY_DECIDE_BY
    assert "word on what happens next" in chat.text(
        "they said they'll get back to me next week sometime")  # vague: asked


def test_an_add_line_with_a_bare_weekday_asks_which_week(chat: Chat) -> None:
    chat.say(ACME)
    asked = chat.say("Another one 😅 Maple & Finch, barista, Saturday 11am, Ellie Brooks")
    assert list(choices(asked)) == ["Sat 21 Nov 2026", "Sat 28 Nov 2026", "Neither"]
    assert interviews(chat) == 1
    chat.press(ActionId.CHOOSE, choices(asked)["Sat 28 Nov 2026"])
    assert "#2 barista at Maple & Finch" in chat.text("list")


def test_a_role_answer_is_the_title_they_use_and_chat_is_no_answer(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add")
    chat.say("Globex")
    assert "I need the job title" in chat.text("brb")
    assert "I need the job title" in chat.text("graphic designer. also sent jane her thank you")
    assert "When was it" in chat.text(
        "It's basically UX writing, but they call it content designer")
    chat.say("tomorrow 11am")
    for answer in ("Bo Li", "no"):
        chat.say(answer)
    assert "Added #2: content designer at Globex" in chat.text("skip")


def test_a_delete_taken_back_runs_what_follows_even_after_the_delete_verb(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("delete it. wait no, just stop the reminders")
    assert said.startswith("I read that as: No more reminders for Acme (#1).")
    assert "#1 data analyst at Acme" in chat.text("list")  # stopped, never deleted


def test_a_story_that_starts_with_phone_is_a_story_not_the_phone_setting(chat: Chat) -> None:
    said = chat.text("phone interview w juniper foods at 4 today, category buyer, spoke to "
                     "tom ashby. he said they'll decide by mon 30th")
    assert said.startswith("I read that as: a new interview: category buyer at juniper foods")
    assert interviews(chat) == 1
    assert "Saved" in chat.text("phone 555 123 4567")  # the setting itself still works
    assert "two ways" in chat.text("Phone screen with Stark Industries on 12/1 at 3pm, "
                                   "software engineer, with Pepper Potts")
    assert interviews(chat) == 1


def test_shouted_news_is_read_and_a_stop_for_a_while_is_a_snooze(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("Please stop nagging me about the Acme thank-you for like 2 hours, "
                     "I'm literally writing it.")
    assert said.startswith("I read that as: Snoozing the next thank-you note of Acme (#1).")
    assert "#1 data analyst at Acme" in chat.text("list")  # not cancelled
    assert chat.text("I GOT ITTTT they said the offer email is coming tonight").startswith(
        "I read that as: An offer from Acme (#1)")


def test_a_grammar_verb_before_a_company_not_tracked_never_lands_on_the_open_one(
        chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("Called Globex, no answer.")
    assert "Which interview is that about?" in said
    assert not chat.checkpoints(1)[0].calls  # nothing put on Acme
    assert "nobody picked up" in chat.text("called acme, no answer")


def test_a_hunch_is_asked_and_a_dictated_date_is_read(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("pretty sure acme is going with someone else, the job got reposted")
    assert "Just to be sure" in said
    assert "#1 data analyst at Acme" in chat.text("list")
    said = chat.text("they said they will make a decision by wednesday december second period")
    assert "Wed 2 Dec" in said or "2026-12-02" in said


def test_a_note_written_but_still_to_send_is_asked_never_marked_sent(chat: Chat) -> None:
    chat.say(ACME)
    asked = chat.say("I wrote the thank you note, I'll send it tonight after my shift")
    assert "Did your thank-you for Acme (#1) go out?" in text_of(asked)
    thank_you = next(cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU)
    assert thank_you.state is CheckpointState.PENDING
    # Said plainly, with one interview open, the note is the note, not a person's name.
    assert chat.text("sent the thank you note").startswith(
        "I read that as: Your thank-you notes for Acme (#1) went out.")


def test_a_name_they_are_unsure_of_is_asked_again_and_a_restarted_role_is_the_second(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add")
    chat.say("Globex")
    assert "When was it" in chat.text(
        "es para el puesto de... sorry, for the position of sales assistant")
    chat.say("tomorrow 11am")
    assert "rather not guess a name" in chat.text("a guy called stan or sam, something like that")
    chat.say("Sam Ortiz")
    chat.say("no")
    said = chat.text("skip")
    assert "Added #2: sales assistant at Globex" in said
    assert "Sam Ortiz" in said


def test_a_lower_case_company_of_two_words_is_read_and_a_place_is_never_a_company(
        chat: Chat) -> None:
    said = chat.text("hey so i had an interview at brightline dental this morning at 10 for "
                     "receptionist, with carla mendez. she said they'd let me know by friday")
    assert said.startswith("I read that as: a new interview: receptionist at brightline dental")
    assert "Carla Mendez" in said
    asked = chat.text("had an interview at home today at 2pm with Acme for the analyst role")
    assert "analyst at Acme" in asked and "at home" not in asked
    assert interviews(chat) == 1  # the second is asked, not added
    said = chat.text("had an interview tuesday at riverside clinic for medical receptionist, "
                     "with dr amy cole")
    assert "medical receptionist at riverside clinic" in said and "Amy Cole" in said


def test_a_past_day_without_a_time_is_added_and_says_what_time_it_put(chat: Chat) -> None:
    said = chat.text("had an interview friday at initech, qa engineer, dana wu")
    assert "Added #1: qa engineer at initech" in said
    assert "You didn't say what time it was, so I've put 09:00" in said
    assert "`fix 1 when <day and time>`" in said
    # A day still to come needs its time: the thank-you and the calls hang on it.
    assert "What time" in chat.text("add Globex, designer, next Wednesday with Tom Baker")


def test_corrections_said_the_way_people_say_them(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert "the role is now business analyst" in chat.text(
        "the roll was bussiness analyst not data analyst, at acme")
    assert chat.checkpoints(1)[0].role == "business analyst"
    assert "Jane Smith is now Jane Smyth" in chat.text("its Jane Smyth with a y")
    assert "Added Mei Chen to #2" in chat.text(
        "oh also Mei Chen was in the initech interview, forgot her")
    assert "the company is now Acme Analytics" in chat.text(
        "Company name is Acme Analytics, not just Acme")
    unchanged = chat.text("wait the company name is wrong on that one")
    assert "changed nothing" in unchanged
    assert chat.checkpoints(1)[0].company == "Acme Analytics"


def test_news_in_a_second_language_is_read(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert chat.text("Acme HR called, I am selected for the post! Thanks to god").startswith(
        "I read that as: An offer from Acme (#1)")
    assert chat.text("I decided to retire my application from Initech, I accepted other "
                     "thing in a bank").startswith("I read that as: You're pulling out of "
                                                   "Initech (#2)")
    assert chat.checkpoints(2)[0].outcome is Outcome.WITHDREW


def test_a_reason_after_remind_me_later_is_no_time_and_asks_when(chat: Chat) -> None:
    chat.say(ACME)
    replies = chat.say("remind me later, driving")
    assert list(choices(replies)) == ["In 2 hours", "Tomorrow morning", "Don't snooze"]


def test_a_call_reminder_asked_to_wait_snoozes_the_call_not_the_note_before_it(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    said = chat.text("I'm travelling Monday so can the Initech call reminder wait until "
                     "Tuesday Dec 1?")
    assert said.startswith("I read that as: Snoozing the next call of Initech (#2).")
    steps = chat.checkpoints(2)[1]
    call = next(cp for cp in steps if cp.kind is CheckpointKind.FIRST_CALL)
    note = next(cp for cp in steps if cp.kind is CheckpointKind.THANK_YOU)
    assert call.snoozed and call.due_at.date().isoformat() == "2026-12-01"
    assert not note.snoozed  # the thank-you due before it is left as it was


def test_delete_or_stop_offered_together_asks_which_and_deletes_nothing(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    replies = chat.say("stop or delete, whatever, im done with initech")
    assert list(choices(replies)) == ["Delete it", "Stop the reminders", "Neither"]
    assert interviews(chat) == 2
    assert "#2 QA engineer at Initech" in chat.text("list")
    # With one interview, unnamed and torn, the same two choices: never a bare "delete?".
    chat.say("delete 2")
    assert list(choices(chat.say("stop or delete? idk"))) == [
        "Delete it", "Stop the reminders", "Neither"]


def test_workplace_shorthand_and_joy_are_read(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert chat.text("TY notes out to Dana and Raj").startswith(
        "I read that as: Your thank-you notes for Initech (#2) went out.")
    assert chat.text("Acme offered me the job!! I can't believe it").startswith(
        "I read that as: An offer from Acme (#1)")
    assert chat.text("Dana rang, they'd like to see me again next week, no date yet"
                     ).startswith("I read that as: A next round from Initech (#2)")


def test_an_office_manger_is_an_office_manager_and_a_card_done_is_a_note_sent(
        chat: Chat) -> None:
    said = chat.text("Interview at Dunmore Plumbing & Heating LLC today at 3 for office manger "
                     "w/ Bill Sawyer")
    assert "office manager at Dunmore Plumbing & Heating LLC" in said
    assert chat.text("done the thank you card, posted it this afternoon").startswith(
        "I read that as: Your thank-you notes for Dunmore Plumbing & Heating LLC (#1) went out.")
    assert "the role is now senior office manager" in chat.text(
        "wrong role - its senior office manager")


def test_british_weeks_and_dotted_dates_land_on_the_day_meant(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert "Tue 2026-12-01" in chat.text("Jane asked me to ring her a week tomorrow")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-12-01"
    assert "Fri 2026-12-04" in chat.text("The QA one pushed their decision to 4.12.")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-12-04"
    chat.say("Orbit Dynamics, test lead, 4.12. at 10:00, Katrin Vogel")
    assert chat.checkpoints(3)[0].starts_at.astimezone(NEW_YORK).isoformat().startswith(
        "2026-12-04T10:00")
    chat.say("Kestrel Analytics, BI analyst, interviewed today at 11:15 with Nadia Khan. "
             "She told me to ring her Tues wk.")
    assert chat.checkpoints(4)[0].promise.on.isoformat() == "2026-12-01"


def test_what_follows_a_take_back_is_what_counts(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert chat.text("Called #2 — wait, no, called #1. No one answered.").startswith(
        "I read that as: You called Acme (#1) and nobody picked up.")
    assert all(cp.attempts == 0 for cp in chat.checkpoints(2)[1])
    # A take-back whose rest can't be read changes nothing, not even the first half.
    before = [cp.due_at for cp in chat.checkpoints(2)[1]]
    said = chat.text("snooze 2 actually no 1 till friday")
    assert "You took part of that back" in said
    assert [cp.due_at for cp in chat.checkpoints(2)[1]] == before
    assert "the role is now data analyst II" in chat.text(
        "Acme role should be senior data analyst — no wait, just data analyst II")


def test_next_friday_on_a_monday_asks_which_friday_before_snoozing(chat: Chat) -> None:
    chat.say(ACME)
    due = [cp.due_at for cp in chat.checkpoints(1)[1]]
    replies = chat.say("remind me about acme next friday")
    assert list(choices(replies)) == ["Fri 27 Nov", "Fri 04 Dec", "Neither"]
    assert [cp.due_at for cp in chat.checkpoints(1)[1]] == due
    chat.press(ActionId.CHOOSE, choices(replies)["Fri 04 Dec"])
    note = next(cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU)
    assert note.due_at.astimezone(NEW_YORK).date().isoformat() == "2026-12-04"


def test_a_stop_that_keeps_the_record_on_the_list_is_a_cancel(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert chat.text("Please stop sending me reminders about Initech, but keep the record in "
                     "my list.").startswith("I read that as: No more reminders for Initech (#2).")
    assert interviews(chat) == 2
    assert "#2 QA engineer at Initech" in chat.text("pull up my whole pipeline")


def test_more_ways_of_saying_a_call_a_note_a_promise_and_a_fix(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("add Globex, designer, today 11am with Bob Lee")
    # Each line, in order, and words its answer holds.
    answers = (
        ("Popped a thank-you card in the post to Dana at Initech",
         "I read that as: Your thank-you to Dana Wu (Initech, #2) went out."),
        ("I telephoned Ms Smith this afternoon and we spoke briefly.",
         "I read that as: You called Acme (#1) and someone picked up."),
        ("For #1, Jane said to call her on the fourth", "Fri 2026-12-04"),
        ("Mr Lee indicated that they would contact me within ten working days.",
         "Tue 2026-12-08"),
        ("fix teh name, its Dana Woo not Wu", "Dana Wu is now Dana Woo"),
        ("Initech req title is actually SDET, not QA engineer", "the role is now SDET"),
        ("Small correction — Initech was half ten on the 20th, not 10.",
         "to Fri 2026-11-20 10:30"),
        ("oops, Acme was actually on Friday the 20th, same time", "to Fri 2026-11-20 14:00"),
    )
    for line, shown in answers:
        assert shown in chat.text(line), line
    said = chat.text("Acme was a nightmare on the 20th")  # no correction in that
    assert "moved" not in said
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).day == 20


def test_a_name_taken_back_in_an_answer_is_the_second_one(chat: Chat) -> None:
    chat.say("add")
    chat.say("Globex")
    chat.say("designer")
    chat.say("2026-11-24 11am")
    chat.say("Hugh Grantham — sorry, Hugh Grantley — and Mei Tanaka")
    chat.say("no")
    chat.say("skip")
    interview, _ = chat.checkpoints(1)
    assert [p.name for p in interview.interviewers] == ["Hugh Grantley", "Mei Tanaka"]


def test_days_that_do_not_hold_are_asked_and_a_holiday_call_says_why_it_moved(
        chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("They'll let me know by the 31st")  # November has none
    assert said.startswith("November has no 31st") and chat.checkpoints(1)[0].promise is None
    due = [cp.due_at for cp in chat.checkpoints(1)[1]]
    assert list(choices(chat.say("remind me in a couple of days"))) == [
        "2 days", "3 days", "Don't snooze"]
    assert [cp.due_at for cp in chat.checkpoints(1)[1]] == due
    # A call on a public holiday is asked first (a slip?); chosen, the plan says why it moved.
    replies = chat.say("Jane said give her a ring Thursday to see where they're at")
    assert "Thu 26 Nov is a public holiday" in text_of(replies)
    assert chat.checkpoints(1)[0].promise is None
    said = text_of(chat.press(ActionId.CHOOSE, choices(replies)["Thu 26 Nov"]))
    assert "Thu 2026-11-26 is a public holiday where you are" in said
    assert "planned for Fri 2026-11-27" in said


def test_grammar_short_forms_and_reasons_after_a_number(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("add Globex, designer, today 11am with Bob Lee")
    assert "A next round at Acme" in chat.text("heard 1 nextround dec 2 14:00")
    assert chat.checkpoints(1)[0].outcome is Outcome.NEXT_ROUND
    chat.say("cancel")  # the next round's questions can wait
    assert "Stopped every reminder for #2" in chat.text("stop 2")
    assert chat.text("delete #3, I entered it by mistake").startswith("Deleted #3")
    assert interviews(chat) == 2
    assert chat.text("del 2").startswith("Deleted #2")


def test_more_stories_corrections_and_asides_in_words(chat: Chat) -> None:
    said = chat.text("Kindly add my interview with Infosys for Senior Test Analyst held on "
                     "20/11 at 15:30. Interviewers were Suresh Iyer and Kavya Rao. They said "
                     "they will revert by 27/11.")
    assert "Added #1: Senior Test Analyst at Infosys" in said
    assert "the role is now Senior Data Analyst (was Senior Test Analyst)" in chat.text(
        "Role should be Senior Data Analyst, sorry, I undersold myself lol")
    assert "Suresh Iyer is now Suresh Iyre" in chat.text("oops its Suresh Iyre with an e")
    assert "Added Kevin Brooks to #1" in chat.text(
        "also add Kevin Brooks, he joined halfway through")
    chat.say("had a third one today too, Stark Industries, warehouse team lead, 7am with "
             "Happy Hogan")
    stark, _ = chat.checkpoints(2)
    assert (stark.company, stark.role) == ("Stark Industries", "warehouse team lead")
    assert stark.starts_at.astimezone(NEW_YORK).isoformat().startswith("2026-11-23T07:00")
    assert "Mon 2026-11-30" in chat.text("For #2, Happy told me to call him on 30th.")
    chat.say("add")
    chat.say("Globex")
    # an aside while a question waits runs, and the question is asked again
    said = chat.text("oh before I forget, I sent Happy Hogan the Stark thank you earlier")
    assert "Marked your thank-you to Happy Hogan as sent" in said and "What's the role?" in said
    assert "When was it" in chat.text(
        "it's for a front of house supervisor position, bit of a step up from what I do")
    for answer in ("today 9am", "Tom Baker", "no", "skip"):
        chat.say(answer)
    globex, _ = chat.checkpoints(3)
    assert globex.role == "front of house supervisor"


def test_a_rejection_in_words_after_a_call(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("called 1 answered")
    assert chat.text("Unfortunately they have gone with a more experienced candidate."
                     ).startswith("I'm sorry about data analyst at Acme")
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED


def test_news_about_another_interview_runs_while_a_date_is_asked(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert "When was it, or when is it?" in chat.text(
        "Acme wants me back for a second interview")
    said = chat.text("Initech offered me the job!")  # news, not the next round's date
    assert said.startswith("I read that as: An offer from Initech (#2).")
    assert "When was it, or when is it?" in said  # and the question is asked again
    assert chat.checkpoints(2)[0].outcome is Outcome.OFFER
    assert "Who will you meet this time?" in chat.text("dec 2 at 3pm")


def test_unsure_words_without_a_name_still_offer_both_choices(chat: Chat) -> None:
    assert chat.text("they said theyd let me know by next friday").startswith(
        "You aren't tracking any interviews yet")
    chat.say(ACME)
    replies = chat.say("remove it or just stop reminders? not sure")
    assert list(choices(replies)) == ["Delete it", "Stop the reminders", "Neither"]
    assert interviews(chat) == 1


def test_another_interview_with_no_one_asking_back_may_be_elsewhere(chat: Chat) -> None:
    chat.say(ACME)
    for line in ("got another interview thursday!! 🙌",
                 "I have a second interview at the other place on the twenty-fifth"):
        replies = chat.say(line)
        assert list(choices(replies)) == ["A next round at Acme", "A new interview"]
        assert chat.checkpoints(1)[0].outcome is None
        chat.press(ActionId.CHOOSE, choices(replies)["A new interview"])
    assert "A next round from Acme" in chat.text("Acme wants me back for another interview")


def test_loose_or_impossible_days_are_asked_and_first_thing_monday_is_monday(
        chat: Chat) -> None:
    chat.say(ACME)
    for line in ("they said i'd hear back mid next week",
                 "they said they'd decide by Tuesday the 25th"):  # the 25th is a Wednesday
        chat.say(line)
        assert chat.checkpoints(1)[0].promise is None
    chat.text("snooze it till first thing Monday please")
    note = next(cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU)
    assert note.due_at.astimezone(NEW_YORK).isoformat().startswith("2026-11-30T09:00")
    assert "to Mon 2026-11-23 13:30" in chat.text("interview was at 1, not 2. sorry, half 1")


def test_an_add_with_words_before_its_colon_and_role_answers_with_asides(chat: Chat) -> None:
    chat.say(ACME)
    assert "Added #2: teller at Access Bank" in chat.text(
        "Add another one abeg: Access Bank, teller, tomorrow 10am, with Bisi Alade")
    answers = {"Globex": ("UX designer. well, the ad said product designer, put that",
                          "product designer"),
               "Initech": ("graphic designer po", "graphic designer")}
    for company, (said, _) in answers.items():
        for answer in ("add", company, said, "today 9am", "Tom Baker", "no", "skip"):
            chat.say(answer)
    assert [chat.checkpoints(n)[0].role for n in (3, 4)] == [
        role for _, role in answers.values()]


def test_a_day_taken_back_at_once_is_replaced_by_the_one_after_it(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert "Wed 25 Nov" in chat.text("acme will decide by tuesday, no wait, she said wednesday")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    # A job named by its work that no tracked interview is: asked, never put on Acme.
    chat.say("delete 2")
    chat.say("yes")
    assert choices(chat.say("the QA folks asked me back for a second interview"))
    assert chat.checkpoints(1)[0].outcome is None


def test_more_ways_to_stop_snooze_and_delete(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    read_as = {
        "acme reminder in 3 hrs pls": "Snoozing the next step of Acme (#1).",
        "You can stop the nudges for Initech eh, I got this":
            "No more reminders for Initech (#2).",
        "Please take Acme off the list entirely; I entered it by mistake, it was my "
        "sister's interview.": "Delete #1 Acme.",
    }
    for line, understood in read_as.items():
        assert chat.text(line).startswith(f"I read that as: {understood}")
    assert interviews(chat) == 1
    said = chat.text("Rang Initech, nobody home. Do I try again tomorrow?")
    assert "Initech" in said and chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    assert "Dana Wu is now Dayna Wu" in chat.text("it's Dayna Wu, with a y")


def test_an_interview_named_by_its_day_and_dictated_punctuation(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    said = chat.text("Friday's one emailed, they'll be in touch by end of next week instead")
    assert said.startswith("I read that as: Initech (#2): they'll be in touch by Fri 04 Dec.")
    assert chat.text("today's one said to call them on the thirtieth").startswith(
        "I read that as: Acme (#1): you call them on Mon 30 Nov.")
    said = chat.text("add Globex comma designer comma tomorrow 11am comma with Tom Baker period "
                     "they said they would let me know by Friday")
    assert "Added #3: designer at Globex" in said


def test_an_interview_told_as_done_but_still_ahead_is_asked(chat: Chat) -> None:
    chat.wait_until(chat.runtime.clock.now().astimezone(NEW_YORK).replace(hour=5, minute=0)
                    + timedelta(days=1))
    replies = chat.say("just got out of an interview with Northwind Traders for a warehouse "
                       "supervisor job, it was at 10 this morning, the manager was Luis Ortega")
    assert "still ahead (it's 05:00 now)" in text_of(replies)
    assert list(choices(replies)) == ["Add it", "Not quite"] and interviews(chat) == 0


def test_a_weekday_and_an_ordinal_word_is_that_date_and_a_morning_hour_stays_morning(
        chat: Chat) -> None:
    chat.say(ACME)
    # "Wednesday the second" was read as the coming Wednesday (25 Nov), and acted on.
    said = chat.text("Jane said call her Wednesday the second")
    assert said.startswith("I read that as: Acme (#1): you call them on Wed 02 Dec.")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-12-02"
    # "this morning at 7" was 7 in the evening, so a trial shift done was "still ahead".
    said = chat.text("had a trial shift at Balthazar this morning at 7 for line cook with "
                     "Marco Ruiz")
    assert "Added #2: line cook at Balthazar" in said
    assert chat.checkpoints(2)[0].starts_at.astimezone(NEW_YORK).hour == 7
    chat.say("add Globex, designer, tomorrow morning at 7:30 with Tom Baker")
    assert chat.checkpoints(3)[0].starts_at.astimezone(NEW_YORK).strftime("%H:%M") == "07:30"
    said = chat.text("had an interview for a paraeducator job at Lincoln Elementary today at "
                     "three fifteen with Adaeze Okafor")
    assert "Added #4" in said
    assert chat.checkpoints(4)[0].starts_at.astimezone(NEW_YORK).strftime("%H:%M") == "15:15"


def test_a_snooze_offered_two_ways_asks_and_says_until_when(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    replies = chat.say("remind me about Initech come Friday, or maybe Saturday, whichever")
    assert "Snooze the next step of Initech (#2) till Fri 27 Nov, 09:00?" in text_of(replies)
    assert list(choices(replies)) == ["Yes", "No"]


def test_their_call_is_no_call_of_yours_and_its_promise_is_noted(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    said = chat.text("Miss Jane Smith of Acme telephoned. She said they will contact me by "
                     "Wednesday the second of December. Please note it.")
    assert said.startswith("I read that as: Acme (#1): they'll be in touch by Wed 02 Dec.")
    assert chat.checkpoints(1)[0].calls == ()


def test_interviews_named_in_words_by_number_or_day_and_fields_by_number(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    assert chat.text("company for #1 is Acme Corporation").startswith(
        "I read that as: Correcting #1 Acme.")
    assert chat.checkpoints(1)[0].company == "Acme Corporation"
    assert chat.text("remove the one from Friday, I shouldn't have put it in").startswith(
        "I read that as: Delete #2 Initech.")
    assert chat.text("Please delete interview number one. It was entered in error.").startswith(
        "I read that as: Delete #1 Acme Corporation.")
    assert interviews(chat) == 0


def test_adds_written_as_sentences_or_after_a_colon_read_every_field(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("Please also record the following. Walgreens. Pharmacy manager. Thursday "
                     "19 November at 9:00. Interviewer: Alan Reyes. They will contact me by 1 "
                     "December.")
    assert "Added #2: Pharmacy manager at Walgreens" in said
    walgreens = chat.checkpoints(2)[0]
    assert [p.name for p in walgreens.interviewers] == ["Alan Reyes"]
    assert walgreens.promise.on.isoformat() == "2026-12-01"
    said = chat.text("add one more leh: Grab, data scientist, last Thursday 2pm, interviewers "
                     "Lim Jia Hui and Ravi Kumar. They say will decide by 4 Dec.")
    assert "Added #3: data scientist at Grab" in said
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Lim Jia Hui", "Ravi Kumar"]
    # A sentence after the names, started in lower case, is no part of the last name.
    chat.say("add Hooli, BI analyst, 11/20 @ 1400, with Gavin Belson. their SLA on a decision "
             "is EOD 12/1")
    hooli = chat.checkpoints(4)[0]
    assert [p.name for p in hooli.interviewers] == ["Gavin Belson"]
    # "11/20" can only be month first, so "12/1" is 1 December, and "@ 1400" is 2pm.
    assert hooli.starts_at.astimezone(NEW_YORK).strftime("%m-%d %H:%M") == "11-20 14:00"
    assert hooli.promise.on.isoformat() == "2026-12-01"


def test_a_letter_of_no_and_a_formal_question_about_the_note(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("I regret to report that Acme has declined my application.")
    assert said.startswith("I read that as: A no from Acme (#1).")
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED
    assert "mention one thing you talked about" in chat.text(
        "I have never written a thank-you letter to an employer. What ought I to say in it.")


def test_contact_details_said_with_add_or_phone_go_to_the_interviewer_not_elsewhere(
        chat: Chat) -> None:
    chat.say(ACME)
    # "add Jane's email …" had started adding an interview ("What's the role?").
    assert chat.text("add Jane's email jane@acme.com").startswith(
        "I read that as: Correcting #1 Acme.")
    assert chat.checkpoints(1)[0].interviewers[0].email == "jane@acme.com"
    assert interviews(chat) == 1
    # "phone …" is the person's own number; someone else's was saved as theirs.
    said = chat.text("phone number for Jane Smith 555-123-4567")
    assert said.startswith("I didn't save that")
    assert chat.runtime.repo.find_person(chat.who).phone is None
    # A remark after a name is no name: "he's the CEO" was an interviewer.
    chat.say("add Hooli, PM, tomorrow 10am, w/ Gavin - he's the CEO, scary")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Gavin"]


def test_someone_elses_news_jokes_and_guesses_are_asked_never_recorded(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    for line in ("my friend got an offer from Acme!",
                 "my husband had his interview at Initech today, they'll decide by friday",
                 "lol sure, Acme totally sent me an offer",
                 "if I don't hear anything from Acme by Friday I'm just going to assume it's "
                 "a no and move on"):
        assert choices(chat.say(line)), line
        chat.press(ActionId.CHOOSE, list(choices(chat.say(line)).values())[-1])
    assert chat.checkpoints(1)[0].outcome is None
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"  # as it was added
    # The employer withdrawing the job is theirs, not the person pulling out.
    said = chat.text("Initech withdrew the position, budget freeze apparently")
    assert said.startswith("I read that as: That ends it with Initech (#2): the role is "
                           "closed.")
    assert chat.checkpoints(2)[0].outcome is Outcome.HEARD


def test_a_next_round_on_a_holiday_or_on_a_day_that_reads_two_ways_is_asked(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    replies = chat.say("second round w acme thurs 3pm")
    assert "That's a public holiday where you are." in text_of(replies)
    assert list(choices(replies)) == ["Yes, that day", "A next round, day to come", "Neither"]
    assert chat.checkpoints(1)[0].outcome is None
    chat.press(ActionId.CHOOSE, choices(replies)["Neither"])
    chat.say("called 2 answered")
    replies = chat.say("second round next tuesday at 2")
    assert list(choices(replies)) == ["Tue 24 Nov", "Tue 01 Dec", "Neither"]
    assert chat.checkpoints(2)[0].outcome is None


def test_a_role_answer_taken_back_after_a_dash_is_the_second_title(chat: Chat) -> None:
    chat.say("add Globex")
    chat.say("product designer — sorry, I mean UX designer, that's what the posting said")
    chat.say("tomorrow 11am")
    chat.say("Tom Baker")
    assert chat.checkpoints(1)[0].role == "UX designer"


def test_found_by_hand_a_step_is_no_role_and_no_name_is_a_remark(chat: Chat) -> None:
    # "add Dana's email …" with no Dana tracked: nothing started, nothing changed.
    assert chat.text("add Dana's email dana@initech.com").startswith(
        "I couldn't find that person among your interviewers")
    assert interviews(chat) == 0
    chat.say("add Globex")
    assert chat.text("remove the one from today").startswith("I need the job title")
    chat.say("cancel")
    # "hes the CEO" is no name, and "the one from tomorrow" names no interviewer by "the".
    chat.say("add Hooli, PM, tomorrow morning at 7:30, w/ Gavin Belson - hes the CEO")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Gavin Belson"]
    assert chat.text("remove the one from tomorrow").startswith(
        "I read that as: Delete #1 Hooli.")
    assert interviews(chat) == 0


def _snoozed(chat: Chat, number: int) -> list[str]:
    """When each snoozed step of interview `number` now falls due, in New York."""
    return [cp.due_at.astimezone(NEW_YORK).strftime("%a %H:%M")
            for cp in chat.checkpoints(number)[1] if cp.snoozed]


def test_a_time_said_with_a_snooze_is_read_or_asked_never_replaced(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Dictated: "ten a m" is 10:00, not the morning's 09:00.
    chat.say("remind me about initech on friday at ten a m")
    assert _snoozed(chat, 2) == ["Fri 10:00"]
    # A time said and not read ("ten-ish"), or one about something else (the dentist at
    # 3): the day is offered, the time asked, and nothing moves until a choice is made.
    replies = chat.say("remind me about acme friday at ten-ish")
    assert list(choices(replies)) == ["Fri 27 Nov, 09:00", "Don't snooze"]
    replies = chat.say("snooze acme till friday, I have a dentist at 3")
    assert list(choices(replies)) == ["Fri 27 Nov, 15:00", "Fri 27 Nov, 09:00", "Don't snooze"]
    assert _snoozed(chat, 1) == []
    chat.press(ActionId.CHOOSE, choices(replies)["Fri 27 Nov, 09:00"])
    assert _snoozed(chat, 1) == ["Fri 09:00"]


def test_a_quarter_to_the_hour_is_read_in_a_snooze(chat: Chat) -> None:
    chat.say(ACME)
    assert chat.text("remind me at quarter to 11 tomorrow").startswith(
        "I read that as: Snoozing the next step of Acme (#1).")
    assert _snoozed(chat, 1) == ["Tue 10:45"]


def test_a_promised_day_in_doubt_is_offered_never_planned_on(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Told before today (Friday's interview) to call "on Monday", said on a Monday.
    replies = chat.say("Initech told me to call Dana, not Raj, on Monday")
    assert list(choices(replies)) == ["Mon 23 Nov (today)", "Mon 30 Nov", "Neither"]
    chat.press(ActionId.CHOOSE, choices(replies)["Neither"])
    # "By the 20th" on the 23rd: next month's is a guess.
    assert list(choices(chat.say("Initech said they'd decide by the 20th"))) == [
        "Sun 20 Dec", "Neither"]
    # A date that belongs to something else, and a promise that is a floor, not a deadline.
    assert choices(chat.say(
        "the Initech posting closes on the 30th so they won't decide before that"))
    # "Eventually" in the present: a maybe, to many who learnt English second.
    assert choices(chat.say("Initech told me eventually they make me an offer"))
    interview = chat.checkpoints(2)[0]
    assert interview.promise.on.isoformat() == "2026-11-27" and interview.outcome is None
    # A call on a public holiday is asked; "the Monday after next" is read.
    assert "is a public holiday" in chat.text("Jane told to me I can call her in Thursday")
    chat.say("Jane said they'll make a decision the Monday after next")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-12-07"


def test_after_a_call_an_unsure_or_two_way_day_is_offered(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    replies = chat.say("hm she said they eventually will decide this week")
    assert "That sounds unsure" in text_of(replies)
    assert list(choices(replies)) == ["They'll decide by Fri 27 Nov", "No news yet", "Neither"]
    chat.press(ActionId.CHOOSE, choices(replies)["Neither"])  # asked again what they said
    replies = chat.say("decision by 1/12 she said")
    assert list(choices(replies)) == ["They'll decide by Tue 12 Jan",
                                      "They'll decide by Tue 01 Dec", "No news yet", "Neither"]
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    chat.press(ActionId.CHOOSE, choices(replies)["They'll decide by Tue 01 Dec"])
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-12-01"
    chat.say("called 2 answered")
    assert choices(chat.say(
        "Raj picked up but said Dana is out until the 30th and she's the one deciding"))
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-12-01"


def test_a_role_answer_is_the_new_job_and_never_another_step(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    assert chat.text("oh wait, it was with Hope from HR").startswith("I need the job title")
    assert chat.text("Product designer I think? the posting said UX/UI").startswith(
        "I need the job title")
    # An aside said so at its end runs, and the question waits on.
    assert "Marked your thank-you to Jane Smith as sent" in chat.text(
        "Acme thank you is sent btw")
    chat.say("my actual job is barista, this one is shift manager")
    chat.say("tomorrow 11am")
    chat.say("Tom Baker")
    assert chat.checkpoints(2)[0].role == "shift manager"


def test_found_in_heldout18_past_days_nurses_and_the_coachs_own_words(chat: Chat) -> None:
    chat.say(ACME)
    # "Had an interview … on Friday 10am": the Friday that has been, and "by the 27th"
    # counts from it.
    chat.say("Also had an interview at Initech on Friday 10am for QA engineer with Dana Wu "
             "and Raj Patel, they'll decide by the 27th")
    initech = chat.checkpoints(2)[0]
    assert initech.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-20T10:00:00-05:00"
    assert initech.promise.on.isoformat() == "2026-11-27"
    assert "You called Acme (#1) and someone picked up" in chat.text("log a call: Jane picked up")
    # Set to go out is not out.
    chat.say("sent 2")
    chat.say("thank you email is scheduled to go out at 8am tomorrow")
    note = next(cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU)
    assert note.state is CheckpointState.PENDING
    assert chat.text("Please discontinue the follow-up reminders for the Acme application; "
                     "I shall handle it directly.").startswith(
        "I read that as: No more reminders for Acme (#1).")
    # "staff rn job" is a nurse's job, not "right now".
    assert "staff RN at" in chat.text(
        "had my interview at st marys hospital this morning 9am for the staff rn job on 4 "
        "west, w/ linda okafor (nurse manager). she said hr will reach out by wednesday")


def test_found_in_heldout19_titles_vague_days_clocks_and_other_jobs(chat: Chat) -> None:
    chat.say(ACME)
    # A manager's short title before a name is the title, not part of the name.
    chat.say("another one: olive garden, server, today 10am, with the GM Tony Russo")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Tony Russo"]
    chat.say("remove 2")
    chat.say(INITECH)
    # "In a couple of days": two, or three? Asked, not planned on.
    assert choices(chat.say("the QA job said they'd be in touch in a couple of days"))
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # "0800" is a clock, not the morning's default hour.
    chat.say("Remind me about acme 0800 tomorrow.")
    assert _snoozed(chat, 1) == ["Tue 08:00"]
    # Another job with a word of a tracked role, and an interview with a talk in it: no
    # call to anyone.
    chat.say("Randstad put me forward for a devops engineer role with one of their clients, "
             "interviewed today at 11, spoke to Kevin. they didn't say who the client is")
    assert not chat.checkpoints(2)[0].calls
    # In the coach's own words and others': an offer extended, an entry purged, a Scot's
    # "nae answer", a name with "her name is … with a y".
    chat.say("rang the Initech lot, nae answer")
    assert chat.checkpoints(2)[0].calls[-1].result is CallResult.NO_ANSWER
    chat.say("sorry her name is Jane Smyth with a y, my phone keeps changing it")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jane Smyth"]
    assert chat.text("Initech extended offer at 1045 today. Copy.").startswith(
        "I read that as: An offer from Initech (#2).")
    assert chat.text("pls purge the Acme entry, it was test data").startswith(
        "I read that as: Delete #1 Acme.")


def test_a_next_round_said_after_a_cry_is_news_not_a_company(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("Eish, Acme phoned now now, they want me for a panel interview on the 2nd at 9")
    assert chat.checkpoints(1)[0].outcome is Outcome.NEXT_ROUND
    assert interviews(chat) == 1
    chat.say("cancel")
    chat.say("add Globex")
    assert chat.text("the one on the ad, i forget the exact title").startswith(
        "I need the job title")


def test_words_that_sound_destructive_about_something_else_change_nothing(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Off a mailing list, an address that bounced, another candidate turned away: no
    # interview deleted, no interviewer taken off, nothing closed.
    chat.say("ugh can you remove me from initech's mailing list, 3 newsletters since friday")
    chat.say("remove Dana's email, it bounced")
    chat.say("they rejected the other finalist at Initech so it's just me now!!")
    interview = chat.checkpoints(2)[0]
    assert interviews(chat) == 2 and interview.outcome is None
    assert [p.name for p in interview.interviewers] == ["Dana Wu", "Raj Patel"]
    # A second interview offered is no job offer; which Tuesday is asked.
    replies = chat.say("Initech offered me a second interview next Tuesday at 2")
    assert list(choices(replies)) == ["Tue 24 Nov", "Tue 01 Dec", "Neither"]
    chat.press(ActionId.CHOOSE, choices(replies)["Neither"])
    # Turned down by the person, said with "rejected": asked back before it closes.
    replies = chat.say("I rejected Initech's offer.")
    assert list(choices(replies)) == ["Yes, I'm pulling out", "Still waiting"]
    assert chat.checkpoints(2)[0].outcome is None
    # A call they called off is no call made, and their new word is noted.
    chat.say("Dana cancelled our follow-up call, said she'd email me by Wednesday instead")
    interview = chat.checkpoints(2)[0]
    assert not interview.calls and interview.promise.on.isoformat() == "2026-11-25"
    # Dropped from the process is a no, not a note sent.
    chat.say("Initech dropped me from the process, got the email an hour ago")
    interview, steps = chat.checkpoints(2)
    assert interview.outcome is Outcome.REJECTED
    assert all(cp.state is not CheckpointState.DONE
               for cp in steps if cp.kind is CheckpointKind.THANK_YOU)


def test_after_a_call_others_turned_away_and_their_call_to_come(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    said = chat.text("they rejected a bunch of people but I'm still in, they'll call me Monday")
    assert said.startswith("Noted: they'll decide by Mon 2026-11-30.")
    assert chat.checkpoints(2)[0].outcome is None
    chat.say("add Globex")
    chat.say("designer")
    chat.say("tomorrow 11am")
    assert chat.text("actually delete this whole thing").startswith(
        "Nothing is saved yet: say `cancel` to drop this new interview")


def test_formal_irish_and_indian_ways_of_asking_for_a_change(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("Please amend the Initech record: Mr. Patel's first name is Rajesh, not Raj. "
             "Thank you, Harold")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Dana Wu", "Rajesh Patel"]
    chat.say("I am out of station till 30th, kindly remind me about Initech on 30th")
    assert _snoozed(chat, 2) == ["Mon 09:00"]
    assert chat.text("ah sure leave the Acme one, no need to be at me about it anymore"
                     ).startswith("I read that as: No more reminders for Acme (#1).")


def test_found_in_the_probes_for_times_and_adds(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("remind me about acme at 1400 tomorrow")
    assert _snoozed(chat, 1) == ["Tue 14:00"]
    # Said at the interview, "within a week" counts from the interview's day.
    chat.say("forgot to mention, at the Initech interview Raj said they'd be in touch "
             "within a week")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # Five calendar days from today is a Saturday: which count they meant is asked.
    assert list(choices(chat.say("Jane said they'd decide in 5 days"))) == [
        "Sat 28 Nov", "Tue 01 Dec", "Neither"]
    # "Their time" in a zone not named: the time is asked, never guessed.
    assert chat.text("new one: Soylent, product manager, yesterday 2pm their time, Marcus "
                     "Bell").startswith("You said “their time” without saying where they are")
    chat.say("cancel")
    # Someone named only by their job: everyone's names are asked for.
    assert chat.text("Add Harbor Bank, teller, this afternoon at 3, with the branch manager "
                     "and someone called Summer").startswith(
        "I have Summer, but no name for “the branch manager”.")
    chat.say("Summer Lee and Bob Hart")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Summer Lee", "Bob Hart"]
    # A weekday beside a day of the month settles which month: the 19th that was a Thursday.
    chat.say("I interviewed with Globex on Thursday the 19th for a designer job, Ann Lee "
             "interviewed me")
    assert chat.checkpoints(4)[0].starts_at.astimezone(NEW_YORK).date().isoformat() == \
        "2026-11-19"


def test_found_in_heldout20_a_person_deleted_a_cancel_told_and_plans_of_ones_own(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "Delete" with a person as its object takes the person off, never the interview.
    chat.say("delete Dana from Initech, she was just the recruiter who set it up")
    assert interviews(chat) == 2
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Raj Patel"]
    # The interview itself called off by the person: whether to stop reminders is asked.
    replies = chat.say("I had to cancel my acme interview")
    assert list(choices(replies)) == ["Yes, stop them", "No"]
    chat.press(ActionId.CHOOSE, choices(replies)["No"])
    assert any(cp.state is CheckpointState.PENDING for cp in chat.checkpoints(1)[1])
    # Their own plan is no word of the employer's.
    chat.say("I'm gonna call Acme tomorrow morning")
    assert chat.checkpoints(1)[0].promise is None
    # Told at today's interview, on a Monday, to call on Monday: today, or next week's?
    replies = chat.say("Jane told me to call her Monday")
    assert list(choices(replies)) == ["Mon 23 Nov (today)", "Mon 30 Nov", "Neither"]
    chat.press(ActionId.CHOOSE, choices(replies)["Neither"])
    # Asked back "on Tuesday", said on the Monday of the first round: which Tuesday?
    replies = chat.say("Acme has invited me to a second interview on Tuesday at 10:00 a.m.")
    assert list(choices(replies)) == ["Tue 24 Nov", "Tue 01 Dec", "Neither"]
    chat.press(ActionId.CHOOSE, choices(replies)["Neither"])
    assert chat.checkpoints(1)[0].outcome is None


def test_found_in_heldout20_doubts_shifts_forms_and_interviews_named_by_when(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A correction taken back into doubt is asked; a note sent to someone else is asked.
    replies = chat.say("the acme role is actually senior data analyst, my bad. or was it "
                       "analyst II? idk")
    assert list(choices(replies)) == ["Yes, change it", "No"]
    chat.press(ActionId.CHOOSE, choices(replies)["No"])
    assert chat.checkpoints(1)[0].role == "data analyst"
    replies = chat.say("sent it to the recruiter not Jane, I don't have Jane's email")
    assert "Yes" in choices(replies)
    chat.press(ActionId.CHOOSE, choices(replies)["No"])
    # A moment of their day is no clock time; "next week" names no day of it.
    replies = chat.say("remind me about acme before my shift tomorrow")
    assert list(choices(replies)) == ["Tue 24 Nov, 09:00", "Don't snooze"]
    chat.press(ActionId.CHOOSE, choices(replies)["Don't snooze"])
    replies = chat.say("lowkey not ready to deal w initech rn, remind me next week")
    assert list(choices(replies)) == ["Mon 30 Nov, 09:00", "Don't snooze"]
    chat.press(ActionId.CHOOSE, choices(replies)["Don't snooze"])
    assert _snoozed(chat, 1) == [] and _snoozed(chat, 2) == []
    # "The one last week" is Initech, the only interview of last week.
    assert chat.text("Got rejected by the one last week").startswith(
        "I read that as: A no from Initech (#2).")
    # A form pasted one field a line is the interview it spells out.
    chat.say("Excuse me, I would like to register one interview.\nCompany: Rakuten\n"
             "Position: customer success associate\nDate: 11/20 16:00\n"
             "Interviewer: Tanaka Hiroshi\nThey will contact me by 11/30.")
    rakuten = chat.checkpoints(3)[0]
    assert (rakuten.company, rakuten.role) == ("Rakuten", "customer success associate")
    assert rakuten.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-20T16:00:00-05:00"
    assert rakuten.promise.on.isoformat() == "2026-11-30"
    # A day taken back keeps the time said with it.
    chat.say("Add: Genentech, research associate intern, interview was 11/20 3:30pm. Wait "
             "no, it was Thursday 11/19. Interviewer Dr. Sarah Lim.")
    assert chat.checkpoints(4)[0].starts_at.astimezone(NEW_YORK).isoformat() == \
        "2026-11-19T15:30:00-05:00"
    # A lone "no" with nothing asked says so, not "I don't know the command".
    assert chat.text("no").startswith("I'm not waiting for an answer right now")


def test_answers_put_off_joked_or_taken_back_are_never_stored(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    for put_off in ("skip", "the usual", "ugh so many questions, just save it",
                    "ceo obviously 😂", "Globex, with Sam Lee, tomorrow at 11",
                    "diseñador gráfico — graphic designer"):
        assert chat.text(put_off).startswith("I need the job title"), put_off
    chat.say("marketing analyst — no wait that was the other place. brand designer")
    chat.say("tomorrow 11am")
    # Names put off, written surname first, or forgotten: asked again, never stored.
    assert chat.text("skip for now").startswith("I need at least one name")
    assert chat.text("Lee, Sam").startswith("Is “Lee, Sam” one person, surname first")
    assert chat.text("can't remember her name tbh").startswith(
        "Their name is often in the invite")
    chat.say("Sam Lee")
    globex = chat.checkpoints(2)[0]
    assert globex.role == "brand designer"
    assert [p.name for p in globex.interviewers] == ["Sam Lee"]


def test_news_about_one_of_two_named_and_a_role_put_on_hold(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # The news is Acme's; the clause about Initech is a hope, not news.
    assert chat.text("Acme said no, so that's that. Fingers crossed for Initech I guess"
                     ).startswith("I read that as: A no from Acme (#1).")
    assert chat.checkpoints(2)[0].outcome is None
    # A note sent to one and still to come for the others.
    chat.say("emailed raj a thank you, haven't gotten to dana's yet")
    sent = [cp for cp in chat.checkpoints(2)[1]
            if cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.DONE]
    assert len(sent) == 1
    # The role itself put on hold, said plainly, closes it; "hiring" on hold is asked.
    assert list(choices(chat.say("initech said they're putting hiring on hold or something")
                        )) == ["It's over", "Keep the plan going"]
    assert chat.text("Initech put the role on hold, hiring freeze apparently").startswith(
        "I read that as: Initech (#2) put the role on hold")
    assert chat.checkpoints(2)[0].outcome is Outcome.HEARD


def test_after_a_call_a_no_with_another_role_offered_is_asked(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    assert chat.text("rejected for QA but they want me to interview for the automation role "
                     "next Tuesday").startswith("That sounds like a no for this role")
    assert chat.checkpoints(2)[0].outcome is None


def test_a_company_like_a_tracked_one_and_news_of_the_other_after_a_call(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "Initech Health" is not Initech: asked, nothing changed.
    replies = chat.say("Initech Health emailed me an offer!!")
    assert list(choices(replies)) == ["Yes, Initech", "Another company"]
    chat.press(ActionId.CHOOSE, choices(replies)["Another company"])
    assert chat.checkpoints(2)[0].outcome is None
    # Told with the call, their decision moved: both recorded.
    chat.say("called initech, got raj, he said they pushed it to monday")
    initech = chat.checkpoints(2)[0]
    assert initech.calls[-1].result is CallResult.ANSWERED
    assert initech.promise.on.isoformat() == "2026-11-30"
    # After another call, Acme's news is Acme's, and the call's question waits on.
    chat.say("called 2 answered")
    said = chat.text("acme just emailed me an offer!")
    assert said.startswith("I read that as: An offer from Acme (#1).")
    assert said.endswith("And your call: What did they say?")
    assert chat.checkpoints(1)[0].outcome is Outcome.OFFER
    assert chat.checkpoints(2)[0].outcome is None
    # Someone from the other interview named: whose news it is is asked.
    chat.say("add Globex, designer, 2026-11-20 11am with Tom Baker")
    chat.say("called 2 answered")
    assert chat.text("Tom said they'll decide by Friday").startswith(
        "Tom Baker is from Globex (#3), and you called Initech: I changed nothing.")
    assert chat.checkpoints(3)[0].promise is None


def test_a_first_name_or_the_same_as_another_is_no_answer_to_a_question(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    assert chat.text("Dana").startswith("I need the job title")
    chat.say("Janitor")
    chat.say("tomorrow 11am")
    assert chat.text("same as acme").startswith("I need at least one name")
    chat.say("Tom Baker")
    assert chat.checkpoints(2)[0].role == "Janitor"


def test_a_time_or_day_put_right_the_ways_people_write_it(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)

    def acme_at() -> str:
        return chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).strftime("%a %H:%M")

    chat.say("the acme time was wrong, it was 11 not 2")
    assert acme_at() == "Mon 11:00"
    chat.say("Sorry I make mistake, Acme interview was not at 11 hours, it was at 13 hours.")
    assert acme_at() == "Mon 13:00"
    chat.say("Kindly note the Acme interview was at 2:30 PM and not 1 PM")
    assert acme_at() == "Mon 14:30"
    chat.say("Correction: Acme interview time 1430 should read 1500.")
    assert acme_at() == "Mon 15:00"
    chat.say("I'm afraid I made an error: the interview at Acme was at 4 p.m., not 3 p.m. "
             "Regards, Susan")
    assert acme_at() == "Mon 16:00"
    # A weekday put right moves the day within its week and keeps the time.
    chat.say("oops 🙈 initech was on thursday not friday")
    assert chat.checkpoints(2)[0].starts_at.astimezone(NEW_YORK).strftime("%a %d %H:%M") == \
        "Thu 19 10:00"


def test_found_in_the_probes_for_calls_promises_and_stories(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # How it usually goes, a friend's word, a day after an event, a holiday: all asked.
    for line in ("my buddy who works at Initech says they usually decide within a week",
                 "Jane said they'd let me know after the board meets on the 3rd",
                 "Acme said they'd call me Thursday"):
        assert choices(chat.say(line)), line
        chat.press(ActionId.CHOOSE, list(choices(chat.say(line)).values())[-1])
    assert chat.checkpoints(1)[0].promise is None
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"  # as it was added
    # A message left with a colleague: whether anyone was reached is asked.
    assert "I spoke to someone" in choices(chat.say(
        "left a message with Raj's colleague, he wasn't at his desk"))
    assert not chat.checkpoints(2)[0].calls
    # Taking someone off, unsure: asked.
    assert "Yes, change it" in choices(chat.say("Raj wasn't really in it tbh, he left after 5 "
                                                "min, idk if he counts"))
    assert len(chat.checkpoints(2)[0].interviewers) == 2
    # A span promised at an interview days ago: shown and asked, never counted silently.
    assert chat.text("interviewed at Pied Piper last Thursday for backend dev, with Richard "
                     "Hendricks and Jared Dunn. they'll decide within 2 weeks").startswith(
        "Shall I add this interview")
    # Dictated, full stops and all.
    chat.say("new one period Massive Dynamic comma research assistant comma this Wednesday "
             "at 3 pm comma with Nina Sharp period")
    assert (chat.checkpoints(3)[0].company, chat.checkpoints(3)[0].role) == (
        "Massive Dynamic", "research assistant")


def test_read_now_questions_without_their_word_first_and_plain_news(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Asked without the question's word first: answered, nothing changed.
    assert "I didn't follow" not in chat.text("not sure what to put in the thank you note")
    assert "I didn't follow" not in chat.text("I wonder why you picked friday for initech")
    # Said the formal way, the Scots way, the office way.
    chat.say("Interviewer Jane instructed me to telephone on 1 December.")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-12-01"
    chat.say("Dana says they'll let me know the morra")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-24"
    chat.say("thank-you email deployed to Jane, closing the ticket")
    assert any(cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.DONE
               for cp in chat.checkpoints(1)[1])
    assert chat.text("I regret to say that I received an email from Initech this morning "
                     "informing me that they have chosen another candidate.").startswith(
        "I read that as: A no from Initech (#2).")


def test_found_in_heldout21_news_that_is_none_copies_and_forms(chat: Chat) -> None:
    chat.say(ACME)
    # "No offer yet" is waiting, not a no.
    assert chat.text("no offer yet but Jane said it's looking really good 🤞").startswith(
        "Still waiting, then: I changed nothing")
    assert chat.checkpoints(1)[0].outcome is None
    chat.say(INITECH)
    # "The extra one" of an interview tracked once is asked about, never deleted.
    replies = chat.say("I added Initech twice by mistake, delete the extra one")
    assert list(choices(replies)) == ["Yes, delete it", "No, keep it"]
    chat.press(ActionId.CHOOSE, choices(replies)["No, keep it"])
    assert interviews(chat) == 2
    # A decision moved "on next week" names no day of it.
    replies = chat.say("Initech wrote me that decision is moved on next week.")
    assert list(choices(replies)) == ["Yes", "No"]
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # A form pasted with a signature under it is a new interview, not Acme's news.
    chat.say("Please also log the following:\n\nCompany: Deloitte\nRole: Senior Staff "
             "Accountant\nDate: Thursday 19 November 2026, 13:00\nInterviewers: Priya Raman, "
             "Stephen Clarke\n\nThey indicated a decision by 1 December.\n\n--\nK. Osei, CPA\n"
             "kosei@fastmail.com")
    deloitte = chat.checkpoints(3)[0]
    assert (deloitte.company, deloitte.role) == ("Deloitte", "Senior Staff Accountant")
    assert deloitte.promise.on.isoformat() == "2026-12-01"
    assert chat.checkpoints(1)[0].promise is None
    # A company that begins like a tracked one, even when it "called", is asked about.
    replies = chat.say("Acme Health called — I got the offer!")
    assert list(choices(replies)) == ["Yes, Acme", "Another company"]
    # "delete Dana" and "cancel Jane" alone: the person, or the interview? Asked.
    assert list(choices(chat.say("delete Dana"))) == ["Yes, change it", "No"]
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Dana Wu", "Raj Patel"]
    assert list(choices(chat.say("cancel Jane"))) == ["Yes, stop them", "No"]
    assert chat.checkpoints(1)[0].outcome is None


def test_found_in_the_probes_a_call_put_off_and_days_given_loosely(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    # Their news put off: the question waits, and nothing in the plan moves.
    assert chat.text("can you remind me tomorrow at 8 I'm driving the bus right now can't "
                     "talk").startswith("No rush. I'll keep the question open")
    # Two days, or a day with no one to act on it, are offered, not planned on.
    replies = chat.say("they'll call me thursday or friday")
    assert list(choices(replies))[:2] == ["They'll decide by Thu 26 Nov",
                                          "They'll decide by Fri 27 Nov"]
    chat.press(ActionId.CHOOSE, choices(replies)["They'll decide by Fri 27 Nov"])
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    chat.say("called 2 answered")
    replies = chat.say("she said within 5 business days")
    assert list(choices(replies))[:2] == ["They'll decide by Tue 01 Dec", "I call on Tue 01 Dec"]
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # "Next friday" told with a call, on a Monday: which Friday is asked.
    replies = chat.say("outbound to acme, spoke w/ jane, says they pushed the decision to "
                       "next friday")
    assert list(choices(replies)) == ["Fri 27 Nov", "Fri 04 Dec", "Neither"]
    assert not chat.checkpoints(1)[0].calls


def test_answers_that_say_more_than_the_answer_keep_only_the_answer(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    assert chat.text("I'm scared they'll say no so maybe don't bother adding it").startswith(
        "I need the job title")
    chat.say("designer, not senior designer")
    chat.say("tomorrow 11am")
    chat.say("Just the one, Fiona MacDonald. Nae email, sorry.")
    globex = chat.checkpoints(2)[0]
    assert globex.role == "designer"
    assert [p.name for p in globex.interviewers] == ["Fiona MacDonald"]


def test_found_in_the_probes_copies_hours_weekends_and_two_things_at_once(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # The same company on the same day again: a copy, or a second interview? Asked.
    replies = chat.say("add Initech, QA engineer, Nov 20 10am, Dana Wu")
    assert list(choices(replies)) == ["Add it as well", "No, leave it"]
    chat.press(ActionId.CHOOSE, choices(replies)["No, leave it"])
    assert interviews(chat) == 2
    # "At 6" with no part of the day: a shift's start, or an evening?
    replies = chat.say("Had my Gekko & Co interview Friday at 6, junior analyst, with Bud Fox")
    assert list(choices(replies)) == ["6 in the morning", "6 in the evening", "Not quite"]
    chat.press(ActionId.CHOOSE, choices(replies)["6 in the morning"])
    gekko = chat.checkpoints(3)[0]
    assert gekko.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-20T06:00:00-05:00"
    # A story's promise about another tracked company is not this one's.
    chat.say("Interview at Vandelay today 1pm for latex sales with Art Vandelay. Also Acme "
             "said they'd decide by Wednesday.")
    assert interviews(chat) == 3 and chat.checkpoints(1)[0].promise is None
    # A day put right onto a weekend, or an hour as likely morning as evening, is asked.
    assert list(choices(chat.say("initech was saturday the 21st not friday"))) == [
        "Yes, change it", "No"]
    assert list(choices(chat.say("Acme was at 5, not 2"))) == ["Yes, change it", "No"]
    assert chat.checkpoints(2)[0].starts_at.astimezone(NEW_YORK).isoformat() == \
        "2026-11-20T10:00:00-05:00"
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).hour == 14
    # After a call, two changes told at once: neither is half done.
    chat.say("called 2 answered")
    assert chat.text("Raj picked up and said to call back Monday. also his last name is "
                     "Patil").startswith("You told me two things there")
    initech = chat.checkpoints(2)[0]
    assert initech.promise.on.isoformat() == "2026-11-27"
    assert "Raj Patel" in [p.name for p in initech.interviewers]


def test_found_in_the_probes_notes_zones_and_news_that_is_not_yours(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A note for an earlier round, to someone's address, or to "the hiring manager" of
    # two: asked, nothing marked.
    for line in ("I sent Initech a thank you after the phone screen two weeks ago.",
                 "oops sent Dana's note to Raj's email",
                 "I emailed the thank-you to the Initech hiring manager."):
        assert list(choices(chat.say(line))) == ["Yes", "No"]
    assert _notes_sent(chat, 2) == set()
    # "Raj's is next": only Dana's note went out.
    chat.say("sent Dana's thank you, Raj's is next")
    assert _notes_sent(chat, 2) == {"Dana Wu"}
    # Refused claims are no rejection; "off the record" is no offer yet.
    chat.say("lol initech rejected my mileage reimbursement for the interview trip")
    assert list(choices(chat.say("Raj told me off the record that I'm getting an offer"))) == [
        "Yes, an offer", "Still waiting"]
    assert chat.checkpoints(2)[0].outcome is None
    # A time in another zone is offered in the person's own.
    replies = chat.say("I am in Berlin now. Please remind me for Acme tomorrow 2pm CET")
    assert list(choices(replies)) == ["Yes, Tue 08:00", "Don't snooze"]
    # After a call, a lone "no" asks whose no.
    chat.say("called 2 answered")
    assert list(choices(chat.say("no"))) == ["They said no", "No news yet", "Neither"]
    assert chat.checkpoints(2)[0].outcome is None


def _notes_sent(chat: Chat, number: int) -> set[str]:
    """Who of interview `number` has their thank-you note marked done."""
    interview, steps = chat.checkpoints(number)
    names = {p.id: p.name for p in interview.interviewers}
    return {names[cp.interviewer_id] for cp in steps if cp.kind is CheckpointKind.THANK_YOU
            and cp.state is CheckpointState.DONE and cp.interviewer_id in names}


def test_found_in_heldout22_other_things_cancelled_and_days_as_clues(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Something else cancelled stops nothing; a round called off is no next round yet.
    chat.say("had to cancel my dentist appt friday so I can be free for the initech call lol")
    assert list(choices(chat.say("acme called and cancelled my second interview, they said "
                                 "they'd reschedule"))) == ["Yes, a next round", "Still waiting"]
    assert all(cp.state is not CheckpointState.CANCELLED
               for n in (1, 2) for cp in chat.checkpoints(n)[1])
    assert chat.checkpoints(1)[0].outcome is None
    # "The one from friday" is a clue, not a name: deleting or stopping by it is asked.
    assert list(choices(chat.say("delete the one from friday"))) == ["Yes, delete it", "No"]
    assert list(choices(chat.say("cancel the one from friday"))) == ["Yes, stop them", "No"]
    # Taken back at once: nothing.
    assert chat.text("delete 2 no wait").startswith("You took that back")
    assert interviews(chat) == 2
    # A new title "called" something, a promise by its kind's name, a house's offer.
    chat.say("the acme job is actually called 'business data analyst', they changed the title")
    assert chat.checkpoints(1)[0].role == "business data analyst"
    chat.say("promise 1 call_on 2026-11-30")
    promise = chat.checkpoints(1)[0].promise
    assert promise.kind is PromiseKind.YOU_CALL_ON and promise.on.isoformat() == "2026-11-30"
    chat.say("landlord rejected our offer on the apartment. what a day")
    assert "yours to do" in chat.text("can you just email Jane the thank you for me")
    assert chat.checkpoints(1)[0].outcome is None and chat.checkpoints(2)[0].outcome is None
    # "add" with a sentence instead of fields is read as a story is.
    said = chat.text("add an interview with Globex for designer yesterday at 3pm with Tom "
                     "Baker. they'll decide by friday")
    assert said.startswith("I read that as: a new interview: designer at Globex")
    globex = chat.checkpoints(3)[0]
    assert [p.name for p in globex.interviewers] == ["Tom Baker"]
    assert globex.promise.on.isoformat() == "2026-11-27"


def test_found_in_heldout22_answers_by_title_and_an_offer_from_no_one(chat: Chat) -> None:
    chat.say(ACME)
    assert list(choices(chat.say("got an offer!!!"))) == ["Yes, Acme", "Another company"]
    assert chat.checkpoints(1)[0].outcome is None
    chat.say("add Globex")
    # "the creative director" says who, not the job; "same as the acme one" is Acme's role.
    assert "I need the job title" in chat.text("the creative director")
    chat.say("same as the acme one lol")
    chat.say("yesterday 3pm")
    chat.say("just the creative director, noor")
    chat.say("no")
    globex = chat.checkpoints(2)[0]
    assert globex.role == "data analyst"
    assert [p.name for p in globex.interviewers] == ["Noor"]


def test_an_hour_answered_that_reads_two_ways_is_asked_and_a_remark_after_a_role_dropped(
        chat: Chat) -> None:
    chat.say("add Globex")
    chat.say("Designer. It is a new team.")
    assert "Is 6 in the morning or the evening?" in chat.text("tomorrow at 6")
    chat.say("tomorrow at 6pm")
    chat.say("Tom Baker")
    chat.say("no")
    globex = chat.checkpoints(1)[0]
    assert globex.role == "Designer"
    assert globex.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-24T18:00:00-05:00"


def test_found_in_the_probes_look_alike_commands_numbers_and_lines_said_twice(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Reminders deleted may mean stopped: both are offered; an offer call is no offer yet;
    # "call 1 of 2" is a count, not interview #1.
    assert list(choices(chat.say("Please delete reminders for Acme."))) == [
        "Delete it", "Stop the reminders", "Neither"]
    chat.say("Initech scheduled an offer call with me for Wednesday at 4")
    chat.say("call 1 of 2 to Initech: no answer")
    assert interviews(chat) == 2 and chat.checkpoints(2)[0].outcome is None
    assert not chat.checkpoints(1)[0].calls and not chat.checkpoints(2)[0].calls
    # The same line twice in one message is asked, and counted once if so.
    replies = chat.say("called Acme, no answer\ncalled Acme, no answer")
    assert list(choices(replies)) == ["Yes, once", "No"]
    chat.press(ActionId.CHOOSE, choices(replies)["Yes, once"])
    assert [c.result for c in chat.checkpoints(1)[0].calls] == [CallResult.NO_ANSWER]
    # A phone number's last four digits are no 24-hour clock; "0830" is one.
    chat.say("Jane's cell is 212-555-0147")
    assert [p.phone for p in chat.checkpoints(1)[0].interviewers] == ["212-555-0147"]
    # "The 10am one" is the one held at 10.
    chat.say("the 10am one told me to call next Monday")
    promise = chat.checkpoints(2)[0].promise
    assert promise.kind is PromiseKind.YOU_CALL_ON and promise.on.isoformat() == "2026-11-30"
    assert "until Tue 2026-11-24 08:30" in chat.text("remind me about acme at 0830")


def test_found_in_the_probes_waiting_questions_two_open_and_corrections(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "cancel it" says nothing of what "it" is; "the one I did today" is Acme.
    assert list(choices(chat.say("cancel it"))) == ["#1 Acme", "#2 Initech", "None of these"]
    chat.say("the one I did today already emailed to say they'd decide by Wednesday")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    # Someone added, a day put right plainly, with the time kept.
    chat.say("Mike Chen interviewed me too at Acme, I forgot to mention him")
    chat.say("Acme was actually last Friday, same time")
    acme = chat.checkpoints(1)[0]
    assert [p.name for p in acme.interviewers] == ["Jane Smith", "Mike Chen"]
    assert acme.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-20T14:00:00-05:00"
    # Moved to a day without its time: asked, nothing moved.
    assert chat.text("Acme moved it to Wednesday").startswith("Moved to when?")
    assert chat.checkpoints(1)[0].starts_at == acme.starts_at
    # After a call, news with another company named only after "also": one at a time.
    chat.say("called 2 answered")
    assert chat.text("they offered!! also I finally sent Jane the Acme thank-you").startswith(
        "You told me two things there")
    assert chat.checkpoints(1)[0].outcome is None and chat.checkpoints(2)[0].outcome is None
    chat.say("no news yet")
    # A department is no title; a team after the title is not part of it.
    chat.say("add Globex")
    assert "I need the job title" in chat.text("marketing")
    chat.say("junior data engineer on the payments team")
    chat.say("yesterday 3pm")
    chat.say("Tom Baker")
    chat.say("no")
    assert chat.checkpoints(3)[0].role == "junior data engineer"


def test_a_role_asked_and_taken_back_says_how_to_drop_it_and_a_morning_said_alone(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    assert chat.text("never mind, delete that, I added it by mistake").startswith(
        "Nothing is saved yet: say `cancel` to drop this new interview")
    chat.say("cancel")
    assert interviews(chat) == 1
    assert chat.text("first thing tomorrow pls, too tired tonight").startswith(
        "I read that as: Snoozing the next step of Acme (#1).")


def test_found_in_heldout23_and_the_probes_adds_said_loosely(chat: Chat) -> None:
    chat.say(ACME)
    # A misspelt "tomorrow" is tomorrow, never today; a starred word puts the last one right.
    chat.say("add Hooli,product manager,tomorow 10am w/ Gavin Belsen.. Belson* sorry")
    hooli = chat.checkpoints(2)[0]
    assert hooli.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-24T10:00:00-05:00"
    assert [p.name for p in hooli.interviewers] == ["Gavin Belson"]
    # A fact put right at the end of an add line adds nothing until said again.
    assert chat.text("add Stark Industries, mechanical engineer, 20/11 at 3pm with Pepper "
                     "Potts — actually it was half 3").startswith("You put part of that right")
    assert interviews(chat) == 2
    # A story through an agency: the agency's word is the promise; "a fella called" is no
    # name, and "just now 2pm" is 2pm.
    chat.say("howay, add another one, Nexus, apprentice electrician, had it this mornin at 8 "
             "wi a fella called Stevie Armstrong")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Stevie Armstrong"]
    chat.say("Interview through Hays for a payroll clerk job at Network Rail, this morning "
             "10.30, with Claire Moffat. Hays are ringing me by end of play tomorrow.")
    rail = chat.checkpoints(4)[0]
    assert rail.company == "Network Rail" and rail.promise.on.isoformat() == "2026-11-24"
    chat.say("Just now 2pm got interview with DBS, relationship manager role, interviewer is "
             "Mr Tan Wei Ming. They never say when will reply lah")
    dbs = chat.checkpoints(5)[0]
    assert dbs.starts_at.astimezone(NEW_YORK).hour == 14
    assert [p.name for p in dbs.interviewers] == ["Mr Tan Wei Ming"]


def test_found_in_heldout23_and_the_probes_lines_that_change_nothing(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    for line in ("next round's on me lads 🍻", "parcel's sent, now onto the Acme thank you",
                 "cancel acme. sorry wrong window, that was meant for my notes app",
                 'my friend said to just type "cancel 1" but I don\'t want to lose the history',
                 "I'm not withdrawing from Initech, I'm just venting, ignore me",
                 "oh fantastic, acme rejected me. kidding, nothing yet, just bracing myself",
                 "Remove Raj. Actually leave him, he joined for the last ten minutes or so"):
        chat.say(line)
        acme, steps = chat.checkpoints(1)
        initech = chat.checkpoints(2)[0]
        assert acme.outcome is None and initech.outcome is None, line
        assert all(cp.state is not CheckpointState.DONE for cp in steps), line
        assert len(initech.interviewers) == 2, line
    # "delete … i'm done with them": gone by mistake, or over? Both offered.
    replies = chat.say("delete initech i'm done with them")
    assert list(choices(replies)) == ["Delete it", "Stop the reminders", "Neither"]
    # An everyday word one letter from the company's name is said back first.
    assert list(choices(chat.say("company is Acne not Acme"))) == ["Yes, change it", "No"]
    assert chat.checkpoints(1)[0].company == "Acme"
    # A promise said with "gon" is theirs; a phone screen's thank-you reminder stopped with
    # the note sent is the note's news.
    chat.say("Acme lady seh she gon call me back by Wednesday fuh sure")
    assert chat.checkpoints(1)[0].promise.kind is PromiseKind.THEY_DECIDE_BY
    chat.say("you can cancel the thank-you reminder, I sent it to Jane an hour ago")
    acme, steps = chat.checkpoints(1)
    assert acme.outcome is None
    assert any(cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.DONE
               for cp in steps)


def test_a_two_way_date_asked_while_a_question_waits_brings_that_question_back(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    replies = chat.say("add Hooli, product manager, wed 11am with Gavin Belson")
    assert list(choices(replies)) == ["Wed 18 Nov 2026", "Wed 25 Nov 2026", "Neither"]
    assert "waits" in text_of(replies)
    after = chat.text("2")
    assert "Added #3: product manager at Hooli" in after
    assert after.rstrip().endswith("What did they say?")  # the call's question, asked again
    # …and it still takes its answer
    chat.say("they'll decide by the 30th")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-30"


def test_found_in_the_probes_mail_pasted_and_their_days(chat: Chat) -> None:
    chat.say(ACME)
    # Their mail pasted is not my note sent; "offered the role to someone else" is a no.
    chat.say("Jane emailed: 'Hi Maria, thanks again for coming in today. Would you have 15 "
             "minutes tomorrow for a quick call to talk about next steps?'")
    acme, steps = chat.checkpoints(1)
    assert not any(cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.DONE
                   for cp in steps) and acme.outcome is None
    # Someone I don't track said it; a rejection for another post: both asked.
    chat.say("Dana said they'd decide by Friday")
    assert chat.checkpoints(1)[0].promise is None
    chat.say('Acme Careers <careers@acme.com>\n"Thank you for your interest in the Data '
             'Engineer (Req 22-118) position. After careful review, we have decided to move '
             'forward with other applicants."')
    assert chat.checkpoints(1)[0].outcome is None
    # "Monday week", said on a Monday, and a week commencing: asked, not guessed.
    replies = chat.say("they'll decide Monday week apparently")
    assert list(choices(replies))[:2] == ["Mon 30 Nov", "Mon 07 Dec"]
    assert chat.checkpoints(1)[0].promise is None
    chat.say("Jane from Acme says they'll decide w/c 7th Dec")
    assert chat.checkpoints(1)[0].promise is None
    # A quoted "I'll give you a call" is theirs to make.
    chat.say('jane just texted "I\'ll give you a call by Wednesday either way!"')
    promise = chat.checkpoints(1)[0].promise
    assert promise.kind is PromiseKind.THEY_DECIDE_BY and promise.on.isoformat() == "2026-11-25"
    # A day of my own beside theirs is asked, never recorded.
    chat.say("my flight home is the 24th, same day acme decides lol")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    # A message quoted that no reader takes alone is read as "Follow up on this" reads
    # one: proposed with Apply, nothing changed until pressed.
    replies = chat.say("acme: 'we'll let you know by friday'")
    assert list(choices(replies)) == ["Apply", "Not this"]
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    chat.press(ActionId.CHOOSE, choices(replies)["Apply"])
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-27"
    chat.say('Jane: "You were a very strong candidate and it was an incredibly close '
             'decision. Unfortunately, we\'ve offered the role to someone else." oof')
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED


def test_found_in_the_probes_corrections_said_plainly(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("It's Initrode not Initech, I always mix them up")
    assert chat.checkpoints(2)[0].company == "Initrode"
    chat.say("the acme one is a product analyst role, not data analyst")
    assert chat.checkpoints(1)[0].role == "product analyst"
    chat.say("her name's spelled Jayne, J-A-Y-N-E, not Jane")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jayne Smith"]
    chat.say("raj patil* not patel")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Dana Wu", "Raj Patil"]
    chat.say("forgot to say, Tom Becker from their data team was in the Acme interview too")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jayne Smith", "Tom Becker"]
    chat.say("wait acme is TOMORROW not today 😅 same time")
    moved = chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK)
    assert moved.isoformat() == "2026-11-24T14:00:00-05:00"
    # Taken back, or withdrawn from by role among two: nothing changes.
    chat.say("Remove Raj. Actually leave him, he joined for the last ten minutes or so")
    assert len(chat.checkpoints(2)[0].interviewers) == 2
    replies = chat.say("I am withdrawing from the QA engineer process. I remain very "
                       "interested in the analyst position.")
    assert "#1 Acme" in choices(replies) and chat.checkpoints(2)[0].outcome is None


def test_found_in_the_probes_names_with_a_remark_and_outcomes_said_plainly(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Names, then a remark: the names are taken, and their word in it is kept.
    chat.say("add Globex")
    chat.say("designer")
    chat.say("2026-11-24 11am")
    chat.say("Sam Lee. she said they'd let me know by friday")
    chat.say("skip")
    globex = chat.checkpoints(3)[0]
    assert [p.name for p in globex.interviewers] == ["Sam Lee"]
    assert globex.promise.on.isoformat() == "2026-11-27"
    # News after the names is never dropped: asked, nothing stored from it.
    chat.say("add Hooli")
    chat.say("barista")
    chat.say("2026-11-24 3pm")
    chat.say("Priya Nair. btw they pushed it to 2pm")
    assert interviews(chat) == 3
    chat.say("cancel")
    # Outcomes said plainly.
    chat.say("initech said yes!!! 🥳")
    assert chat.checkpoints(2)[0].outcome is Outcome.OFFER
    chat.say('the acme portal now says "Data Analyst – R-10482 – No longer under '
             'consideration" 🙃')
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED


def test_a_call_recorded_as_answered_by_mistake_is_put_right_not_doubled(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    said = chat.text("oh wait sorry, it went to voicemail actually")
    assert said.startswith("Put right: nobody picked up on your call to Initech (#2)")
    assert [c.result for c in chat.checkpoints(2)[0].calls] == [CallResult.NO_ANSWER]
    # The question is gone: the next line is read on its own.
    chat.say("sent jane a thank you email")
    assert [c.result for c in chat.checkpoints(2)[0].calls] == [CallResult.NO_ANSWER]


def test_found_in_heldout24_a_delete_with_a_fix_and_notes_still_to_do(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A delete whose reason is a field put right: which of the two is asked.
    replies = chat.say("Please remove the Acme interview, I typed it wrong. The company is "
                       "Acme Insurance, not just Acme.")
    assert list(choices(replies)) == ["Change it", "Delete it", "Neither"]
    assert interviews(chat) == 2
    chat.press(ActionId.CHOOSE, choices(replies)["Change it"])
    assert chat.checkpoints(1)[0].company == "Acme Insurance" and interviews(chat) == 2
    # Said with commas, and the field only named as typed wrong: asked, nothing deleted.
    replies = chat.say("remove initech, i typed the company wrong, it's Initech Systems")
    assert list(choices(replies)) == ["Delete it", "Keep it"]
    assert "`fix 2 company …`" in text_of(replies) and interviews(chat) == 2
    # One note done, the other still to do: only the first is marked.
    chat.say("did danas note, still gotta do rajs")
    initech, steps = chat.checkpoints(2)
    names = {p.id: p.name for p in initech.interviewers}
    notes = {names[cp.interviewer_id]: cp.state for cp in steps
             if cp.kind is CheckpointKind.THANK_YOU and cp.interviewer_id is not None}
    assert notes == {"Dana Wu": CheckpointState.DONE, "Raj Patel": CheckpointState.PENDING}
    # "why's the … call on the 30th" explains the call on that day.
    said = chat.text("why's the initech call on the 30th and not friday")
    assert said.startswith("#2 Initech: First follow-up call — Mon 2026-11-30 10:00 EST: they said")
    # The post withdrawn by them closes it as their news, never as mine.
    chat.say("Initech withdrew the post, budget cuts")
    assert chat.checkpoints(2)[0].outcome is Outcome.HEARD


def test_found_in_heldout24_after_a_call_their_call_to_come_and_two_days(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    # "the 4th or 5th": two days offered, nothing planned yet.
    replies = chat.say("she said they'd decide by the 4th or 5th")
    assert [label for label in choices(replies)][:2] == [
        "They'll decide by Fri 04 Dec", "They'll decide by Sat 05 Dec"]
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    chat.press(ActionId.CHOOSE, choices(replies)["They'll decide by Fri 04 Dec"])
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-12-04"
    # "rang out", pressed the wrong button: the call is put right.
    chat.say("called 2 answered")
    said = chat.text("oh wait it actually rang out, pressed the wrong thing")
    assert said.startswith("Put right: nobody picked up on your call to Initech (#2)")
    # "they'll call in 4 days": their call, not mine, though "me" is left out.
    chat.say("called 1 answered")
    chat.say("they'll call in 4 days")
    promise = chat.checkpoints(1)[0].promise
    assert promise.kind is PromiseKind.THEY_DECIDE_BY and promise.on.isoformat() == "2026-11-27"


def test_found_in_heldout24_greetings_dictation_and_words_of_home(chat: Chat) -> None:
    # A greeting before a story: the story is read, not the help page.
    said = chat.text("Hello po! I had my interview earlier for Staff Nurse at St. Luke's "
                     "Medical Center, 8am, with Ma'am Joy Santos, the nurse manager. She said "
                     "they will call me within the week po.")
    assert "How I can help" not in said and "Staff Nurse at St. Luke's Medical Center" in said
    # A greeting before `add`, today and "and" in Dutch.
    chat.say("Hoi! add Orchard & Co, junior accountant, vandaag 3pm, with Mark de Vries en "
             "Femke Jansen")
    orchard = chat.checkpoints(1)[0]
    assert orchard.company == "Orchard & Co"
    assert orchard.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-23T15:00:00-05:00"
    assert [p.name for p in orchard.interviewers] == ["Mark de Vries", "Femke Jansen"]
    # Dictation: "9 30 am", and a full stop said aloud at the end.
    chat.say("add interview at Summit Credit Union for member service representative "
             "tomorrow at 9 30 am with Frank Delgado period")
    summit = chat.checkpoints(2)[0]
    assert summit.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-24T09:30:00-05:00"
    assert [p.name for p in summit.interviewers] == ["Frank Delgado"]
    # Where it is held is no company: "at the depot".
    chat.say("add Parcelwise, multi-drop driver, tomorrow 7am at the depot, with the site "
             "manager Mark Tully")
    assert (chat.checkpoints(3)[0].company, chat.checkpoints(3)[0].role) == (
        "Parcelwise", "multi-drop driver")
    # A role answered with a remark around it, and a name said twice.
    chat.say("add Globex")
    chat.say("och it's just admin assistant, nothing fancy")
    chat.say("2026-11-24 11am")
    chat.say("Frank. Frank Hope.")
    chat.say("skip")
    globex = chat.checkpoints(4)[0]
    assert globex.role == "admin assistant"
    assert [p.name for p in globex.interviewers] == ["Frank Hope"]


def test_found_in_the_probes_corrections_and_promises_said_loosely(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A day put right against "today", a surname said as double-barrelled.
    chat.say("it was friday not today, i mixed up my days")
    moved = chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK)
    assert moved.isoformat() == "2026-11-20T14:00:00-05:00"
    chat.say("Acme's role is junior data analyst, forgot the junior part")
    assert chat.checkpoints(1)[0].role == "junior data analyst"
    # Someone named will call: their move, not mine.
    chat.say("Dana will call me Tuesday (initech)")
    promise = chat.checkpoints(2)[0].promise
    assert promise.kind is PromiseKind.THEY_DECIDE_BY and promise.on.isoformat() == "2026-11-24"
    # My own plan if they stay quiet, and an offer only hinted at: no promise, no offer.
    chat.say("if i dont hear from acme by friday ill call them monday")
    assert chat.checkpoints(1)[0].promise is None
    chat.say("Jane basically hinted an offer is coming 😳😳 she's phoning me friday with "
             "details!!")
    acme = chat.checkpoints(1)[0]
    assert acme.outcome is None and acme.promise.on.isoformat() == "2026-11-27"
    # Told at the interview, against their word noted since: which holds is asked.
    replies = chat.say("oh, Dana told me at the interview they'd have an answer within 2 weeks")
    assert list(choices(replies)) == ["Keep Tue 24 Nov", "Fri 04 Dec"]
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-24"


def test_found_in_the_probes_answers_held_back_and_said_with_more(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    said = chat.text("rejected. actually hang on, let me reread my notes before you write "
                     "that down")
    assert "I changed nothing" in said and chat.checkpoints(2)[0].outcome is None
    chat.say("she said they'd decide by the 30th")  # the question still takes its answer
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-30"
    # An add line the person doubts as they send it is not added.
    chat.say("add Hooli, PM, today 2pm with Gavin Belson... oh hang on, I think it was 3? "
             "let me check my calendar")
    assert interviews(chat) == 2
    # The new interview's company put right while its role is asked; a role with a feeling.
    chat.say("add Globex")
    said = chat.text("sorry, it's Globex Logistics, not plain Globex")
    assert said.startswith("Got it: the company is Globex Logistics.")
    chat.say("UX researcher! bit of a stretch for me but the team seemed lovely")
    chat.say("2026-11-24 11am")
    chat.say("Hannah Lee, her email's hannah.lee@globex.com if that helps")
    chat.say("skip")
    globex = chat.checkpoints(3)[0]
    assert (globex.company, globex.role) == ("Globex Logistics", "UX researcher")
    assert [(p.name, p.email) for p in globex.interviewers] == [
        ("Hannah Lee", "hannah.lee@globex.com")]


def test_found_in_the_probes_steps_said_loosely_and_reminders_of_other_things(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # One note sent, the other still being written: only the first is marked.
    chat.say("sent raj's note. still writing dana's")
    initech, steps = chat.checkpoints(2)
    names = {p.id: p.name for p in initech.interviewers}
    notes = {names[cp.interviewer_id]: cp.state for cp in steps
             if cp.kind is CheckpointKind.THANK_YOU and cp.interviewer_id is not None}
    assert notes == {"Dana Wu": CheckpointState.PENDING, "Raj Patel": CheckpointState.DONE}
    # Someone else's reminder is none of the coach's: nothing moves.
    before = [cp.due_at for cp in chat.checkpoints(1)[1]]
    chat.say("can u cancel my dentist reminder tmrw")
    assert [cp.due_at for cp in chat.checkpoints(1)[1]] == before
    assert chat.checkpoints(1)[0].is_open
    # "Raj would call me": their call, not mine.
    chat.say("dana said raj would call me by wed")
    promise = chat.checkpoints(2)[0].promise
    assert promise.kind is PromiseKind.THEY_DECIDE_BY and promise.on.isoformat() == "2026-11-25"
    # A withdrawal beside "stop the reminders" is the withdrawal.
    chat.say("i withdrew from initech this morning, stop the reminders")
    assert chat.checkpoints(2)[0].outcome is Outcome.WITHDREW


def test_found_in_heldout25_their_cancel_a_span_said_when_and_a_rough_time(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "dey cancel de position": their news that the role is gone, not my cancel.
    said = chat.text("Acme say dey cancel de position altogether, budget gone. Steups.")
    assert "the role is closed" in said
    assert chat.checkpoints(1)[0].outcome is Outcome.HEARD
    # A span Raj gave, with nothing saying when he gave it: from the interview, or today?
    replies = chat.say("Initech Raj-nim said they will contact me within 3 business days")
    offered = choices(replies)
    assert list(offered) == ["Wed 25 Nov", "Fri 27 Nov", "Neither"]
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"  # as it was
    chat.press(ActionId.CHOOSE, offered["Wed 25 Nov"])
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-25"
    # An add line whose promise is rough: offered with the day or without it.
    replies = chat.say("add: Notion, UX researcher, last Thursday 3pm, w/ Summer Lee. she "
                       "said they'd let me know in about two weeks")
    offered = choices(replies)
    assert list(offered) == ["Yes, plan on Thu 03 Dec", "Add it without a day", "Don't add it"]
    assert interviews(chat) == 2
    chat.press(ActionId.CHOOSE, offered["Add it without a day"])
    notion = chat.checkpoints(3)[0]
    assert (notion.company, notion.role, notion.promise) == ("Notion", "UX researcher", None)
    # A role answered with a Canadian "eh" after it.
    add_asked(chat, "Globex", "Product designer, eh", "2026-11-24 11am", "Hannah Lee")
    assert chat.checkpoints(4)[0].role == "Product designer"


def test_found_in_heldout25_details_stops_and_calls_said_in_passing(chat: Chat) -> None:
    chat.say(ACME)
    # A number with words after it, and someone who was in the room too.
    chat.say("her number's 917 555 0162 if you need it")
    assert [p.phone for p in chat.checkpoints(1)[0].interviewers] == ["917 555 0162"]
    chat.say("Forgot to say, Grace Lin from HR was in the room too")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jane Smith", "Grace Lin"]
    chat.say(INITECH)
    # The employer moved the interview, same time.
    chat.say("Acme pushed my interview to Wednesday, same time")
    moved = chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK)
    assert (moved.date().isoformat(), moved.hour) == ("2026-11-25", 14)
    # A busy line is no answer; their word said with "theyd" and "EOD".
    chat.say("Just called Raj, line engaged, cannot get through at all")
    assert [c.result for c in chat.checkpoints(2)[0].calls] == [CallResult.NO_ANSWER]
    chat.say("dana told me theyd email everyone by EOD friday")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # Stops said the Southern way, and the slash command pasted into the chat.
    chat.say("Y'all can quit remindin' me about Acme, I'm done with 'em")
    assert chat.checkpoints(1)[0].outcome is Outcome.CANCELLED
    chat.say("/followup stop 2")
    assert chat.checkpoints(2)[0].outcome is Outcome.CANCELLED


def test_found_in_heldout25_answers_and_news_after_a_call(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("called 2 answered")
    chat.say("They said I passed! Official offer email tomorrow. Gamsahamnida")
    assert chat.checkpoints(2)[0].outcome is Outcome.OFFER
    # Who interviewed: a lead-in and a post after the name; a list with one not caught.
    chat.say("add Globex")
    chat.say("Jr graphic dezigner *designer")
    chat.say("2026-11-24 11am")
    chat.say("I was interviewed by Dr. Miles Kerrigan, Head of Design.")
    chat.say("skip")
    globex = chat.checkpoints(3)[0]
    assert globex.role == "Jr graphic designer"
    assert [p.name for p in globex.interviewers] == ["Dr. Miles Kerrigan"]
    chat.say("add Hooli")
    chat.say("sorry, wrong company, I meant Soylent not Hooli")
    chat.say("Industrial designer. (not interior, people always mix those up)")
    chat.say("2026-11-25 10am")
    chat.say("- Summer Nguyen (lead)\n- Chase Ito\n- someone from HR, didn't catch her name")
    chat.say("skip")
    soylent = chat.checkpoints(4)[0]
    assert (soylent.company, soylent.role) == ("Soylent", "Industrial designer")
    assert [p.name for p in soylent.interviewers] == ["Summer Nguyen", "Chase Ito"]


def test_found_in_the_probes_near_offers_weeks_and_other_jobs_at_the_same_place(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Close to an offer is no offer; "next week" is a week, not a day.
    chat.say("initech recruiter says theyre very close to making me an offer")
    assert chat.checkpoints(2)[0].outcome is None
    chat.say("Jane said they're seeing three more people this week and will decide next week")
    assert chat.checkpoints(1)[0].promise is None
    # Another job at the same employer is no next round of this one.
    chat.say("got ANOTHER interview at Acme lol, different dept this time — marketing "
             "analyst, Wed 25th 9:30am with Olu Bankole")
    assert chat.checkpoints(1)[0].outcome is None and interviews(chat) == 2
    # A second round with someone new: not someone left off the first interview.
    chat.say("had the 2nd interview at initech today at 10 w/ Raj and a new guy, Sam Lowe")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Dana Wu", "Raj Patel"]
    # After a call, a day on a weekend is asked, not planned.
    chat.say("called 2 answered")
    chat.say("she said I should hear back in five days")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"


def test_a_pasted_calendar_invite_adds_the_interview_it_spells_out(chat: Chat) -> None:
    said = chat.text("add this pls\n\nSenior Pharmacist Interview – Wellcare Health\n"
                     "When: Wednesday, November 25, 2026 10:00 AM-11:00 AM (UTC-05:00) Eastern "
                     "Time (US & Canada)\nWhere: Microsoft Teams Meeting\nOrganizer: Faith "
                     "Mbeki\nRequired: Faith Mbeki; Roberto Salas")
    assert "Senior Pharmacist at Wellcare Health" in said
    interview = chat.checkpoints(1)[0]
    assert interview.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-25T10:00:00-05:00"
    assert [p.name for p in interview.interviewers] == ["Faith Mbeki", "Roberto Salas"]
    # The same invite in another zone is not read on this person's clock, but on its own:
    # 9:00 Pacific is 12:00 in New York.
    said = chat.text("Interview - Analyst - Northbank\nWhen: Thursday, December 3, 2026 9:00 "
                     "AM-10:00 AM (UTC-08:00) Pacific Time\nOrganizer: Ann Lee\nRequired: "
                     "Ann Lee")
    assert "that's Thu 03 Dec 12:00 your time" in said
    assert chat.checkpoints(2)[0].starts_at.astimezone(NEW_YORK).hour == 12


def test_found_in_the_probes_jokes_and_venting_change_nothing(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    for line in ("acme offered me... a bottle of water and a parking validation. big win 🏆",
                 "oh great, cancel everything, I'm clearly unemployable 🙄",
                 "honestly just delete initech from my brain lol, dana never even answered my "
                 "last email",
                 "wow initech. 'we'll decide by friday' they said. sure jan 🙄",
                 "calling it now: initech = hired 🔮✨"):
        chat.say(line)
    acme, initech = chat.checkpoints(1)[0], chat.checkpoints(2)[0]
    assert (acme.outcome, initech.outcome, interviews(chat)) == (None, None, 2)
    assert [p.name for p in initech.interviewers] == ["Dana Wu", "Raj Patel"]
    # A role answered with markdown and an emoji code, or after a joke.
    chat.say("add Globex")
    chat.say("professional coffee fetcher apparently lol. no it's product designer")
    chat.say("2026-11-24 11am")
    chat.say("show me my list")  # no one's name: asked again
    chat.say("Hannah Lee")
    chat.say("skip")
    assert chat.checkpoints(3)[0].role == "product designer"
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Hannah Lee"]


def test_found_in_the_probes_english_as_a_second_language(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("Selam. Jane email is jane.smith@acme.com, please keep it")
    assert [p.email for p in chat.checkpoints(1)[0].interviewers] == ["jane.smith@acme.com"]
    chat.say("I phoned Raj but he didn't attend the phone")
    assert [c.result for c in chat.checkpoints(2)[0].calls] == [CallResult.NO_ANSWER]
    chat.say("Jane said result come out until 4th December")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-12-04"
    chat.say("Initech walon ne mana kar diya yaar, they have chosen other candidate")
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED
    chat.say("Delete no. 2 please, that one was just test")
    assert interviews(chat) == 1


def test_found_in_the_probes_answers_said_with_more_or_let_go(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    chat.say("it's on the 1st at noon")  # a day where the title was asked: asked again
    chat.say("nvm")
    chat.say("Lead designer... no sorry, senior designer, lead was the other posting")
    chat.say("2026-11-24 11am")
    chat.say("nvm")  # no one's name
    chat.say("priya nair comma tom becker and lina ortiz period")
    chat.say("skip")
    globex = chat.checkpoints(2)[0]
    assert globex.role == "senior designer"
    assert [p.name for p in globex.interviewers] == ["Priya Nair", "Tom Becker", "Lina Ortiz"]
    # An ad pasted as the title; a time beside another city is asked, not added.
    chat.say("add Hooli")
    chat.say("Job title: Junior Interaction Designer\nLocation: Hybrid (NYC)\nType: Full-time")
    chat.say("2026-11-25 10am")
    chat.say("Ann Lee")
    chat.say("skip")
    assert chat.checkpoints(3)[0].role == "Junior Interaction Designer"
    chat.say("add aperture science, test engineer, tomorrow at 10 (they're in seattle), with "
             "cave johnson")
    assert interviews(chat) == 3


def test_found_in_the_probes_spans_ranges_and_both_people_named(chat: Chat) -> None:
    chat.say("Interview at Pinecrest Dental today 10am for receptionist, with Maria Lopez and "
             "the office manager Tom Reed")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Maria Lopez", "Tom Reed"]
    chat.say("Jane said it'd take 2 to 3 weeks to decide")  # a range: asked
    assert chat.checkpoints(1)[0].promise is None
    chat.say(INITECH)
    chat.say("Initech pushed their decision 2 weeks, Raj just emailed")  # by, or to? asked
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    chat.say("snooze 2 till tomorrow week")
    due = [cp.due_at.astimezone(NEW_YORK) for cp in chat.checkpoints(2)[1]
           if cp.state is CheckpointState.PENDING]
    assert "2026-12-01T09:00:00-05:00" in {d.isoformat() for d in due}
    chat.say("remind me about the pinecrest thank you note in thirty minutes")
    notes = [cp.due_at.astimezone(NEW_YORK) for cp in chat.checkpoints(1)[1]
             if cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.PENDING]
    assert "17:00" in {n.strftime("%H:%M") for n in notes}


def test_found_in_the_probes_a_stop_ruled_out_and_clocks_written_with_a_dot(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("push the thank you reminder 2 hrs pls, dont cancel anything")
    acme, steps = chat.checkpoints(1)
    assert acme.outcome is None
    notes = {cp.due_at.astimezone(NEW_YORK).strftime("%H:%M") for cp in steps
             if cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.PENDING}
    assert "18:30" in notes
    chat.say("acme was 2.30 not 2")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).strftime("%H:%M") == "14:30"
    chat.say("Initech offered $92,000 and I accepted, call it done")  # not tracked: nothing
    assert interviews(chat) == 1 and chat.checkpoints(1)[0].outcome is None


def test_found_in_the_probes_one_small_word_turns_the_meaning(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("Jane said they won't have an answer before Friday")  # not before: asked
    assert chat.checkpoints(1)[0].promise is None
    chat.say("don't turn off the acme reminders! I only meant mute tonight's one")
    assert chat.checkpoints(1)[0].outcome is None
    chat.say("delete 2 — sorry, I mean cancel 2, keep the record")
    assert interviews(chat) == 2 and chat.checkpoints(2)[0].outcome is Outcome.CANCELLED
    chat.say(ACME.replace("Acme", "Globex").replace("Jane Smith", "Kim Park"))
    chat.say("called 3 answered")
    chat.say("they're not rejecting me, just still interviewing people")
    assert chat.checkpoints(3)[0].outcome is None
    chat.say("she said theyd decidde by the 2nd, no sorry the 3rd")
    assert chat.checkpoints(3)[0].promise.on.isoformat() == "2026-12-03"


def test_a_labelled_line_of_an_invite_is_no_job_title(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    said = chat.text("Required: Faith Mbeki; Roberto Salas")  # pasted a line at a time
    assert "job title" in said
    chat.say("Role: QA lead")
    chat.say("2026-11-24 11am")
    chat.say("Faith Mbeki and Roberto Salas")
    chat.say("skip")
    assert chat.checkpoints(2)[0].role == "QA lead"


def test_a_snooze_naming_the_thank_you_moves_the_note_not_the_step_before_it(
        chat: Chat) -> None:
    chat.say("add Globex, designer, tomorrow 11am with Kim Park")
    steps = chat.checkpoints(1)[1]
    assert steps[0].kind is CheckpointKind.PREPARE  # the interview is still to come
    said = chat.text("remind me about the thank you on Thursday at 2pm")
    assert said.startswith("I read that as: Snoozing the next thank-you note of Globex (#1).")
    steps = chat.checkpoints(1)[1]
    note = next(cp for cp in steps if cp.kind is CheckpointKind.THANK_YOU)
    assert note.snoozed
    assert note.due_at.astimezone(NEW_YORK).strftime("%a %H:%M") == "Thu 14:00"
    assert not any(cp.snoozed for cp in steps if cp.kind is CheckpointKind.PREPARE)


def test_the_thank_you_snoozed_with_two_people_met_moves_both_notes(chat: Chat) -> None:
    chat.say(INITECH)
    chat.say("remind me about the thank you in 2 hours")
    notes = [cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU]
    assert len(notes) == 2 and all(cp.snoozed for cp in notes)
    assert len({cp.due_at for cp in notes}) == 1  # together, as they were


def test_found_in_heldout26_hedged_news_half_done_notes_and_stories_after_add(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("just emailed Raj a thank you, doing Dana's tonight")
    assert _notes_sent(chat, 2) == {"Raj Patel"}  # Dana's is still to write
    replies = chat.say("Raj emailed to say the QA role is on hold until the January budget "
                       "is signed off")
    assert list(choices(replies)) == ["It's over", "Keep the plan going"]
    assert chat.checkpoints(2)[0].outcome is None  # on hold *until*: maybe not over
    replies = chat.say("remove acme la, I typed wrong company, should be another one")
    assert list(choices(replies)) == ["Delete it", "Keep it"]
    assert interviews(chat) == 2
    said = chat.text("they're very close to making me an offer")
    assert said.startswith("That sounds promising!") and "kept your plans" in said
    assert chat.checkpoints(2)[0].outcome is None and chat.checkpoints(1)[0].outcome is None
    replies = chat.say("Please add another one. I did interview with Zenith Bank for "
                       "Relationship Officer on Thursday 19th by 11am. Mr. Chukwuemeka Obi "
                       "and Mrs. Ngozi Adeyemi were the panel.")
    assert "Relationship Officer at Zenith Bank" in text_of(replies)
    assert list(choices(replies)) == ["Add it", "Not quite"] and interviews(chat) == 2
    chat.say("called 2 answered")
    chat.say("she said she'd try to get back to me this week")  # an attempt: asked
    promise = chat.checkpoints(2)[0].promise
    assert promise is not None and "try" not in promise.text  # their word kept as it was


def test_found_in_heldout26_answers_with_a_reference_two_titles_or_names_in_chinese(
        chat: Chat) -> None:
    chat.say("add Globex")
    said = chat.text("designer or design lead, they hadn't decided which level yet")
    assert "job title" in said  # which of the two: asked again
    chat.say("warehouse team lead, ref WTL-4471")
    chat.say("2026-11-20 11am")
    chat.say("Wang Li 和 Kevin Zhou")
    interview = chat.checkpoints(1)[0]
    assert interview.role == "warehouse team lead"
    assert [p.name for p in interview.interviewers] == ["Wang Li", "Kevin Zhou"]


def test_found_in_the_probes_steps_muted_moved_or_dropped_one_at_a_time(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A call moved to a day keeps its own hour; a stop for a while is a snooze.
    chat.say("Push the Initech call to Monday 7 December")
    call = next(cp for cp in chat.checkpoints(2)[1] if cp.kind is CheckpointKind.FIRST_CALL)
    assert call.due_at.astimezone(NEW_YORK).strftime("%a %d %H:%M") == "Mon 07 10:00"
    said = chat.text("mute acme for 3 days")
    assert said.startswith("I read that as: Muting every reminder of Acme (#1) due before then.")
    assert chat.checkpoints(1)[0].outcome is None  # muted for a while, not stopped
    waiting = [cp for cp in chat.checkpoints(1)[1] if cp.state is CheckpointState.PENDING]
    # Every step due within the three days waits till they end; none comes sooner.
    assert waiting and all(cp.due_at.astimezone(NEW_YORK) >= chat.runtime.clock.now()
                           + timedelta(days=3) for cp in waiting)
    # One step named is no stop of them all; their words quoted are no request.
    replies = chat.say("cancel the second initech call, one is plenty")
    assert list(choices(replies)) == ["Stop them all", "Keep them"]
    chat.say('got this from acme?? "Unfortunately we need to cancel your interview scheduled '
             'for Tuesday, November 24."')
    assert chat.checkpoints(1)[0].outcome is None and chat.checkpoints(2)[0].outcome is None


def test_found_in_the_probes_corrections_that_name_someone_else(chat: Chat) -> None:
    chat.say(ACME)
    said = chat.text("Initech's interview was at 10:30 not 10")  # no Initech tracked
    assert said.startswith("I don't track an interview with Initech")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).hour == 14
    chat.say(INITECH)
    chat.say("Jane's name is fine, it's her email I need to fix: jane.s@acme.com")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jane Smith"]
    replies = chat.say("Jane's email is dana.wu@initech.com")  # Dana's address, asked
    assert list(choices(replies)) == ["Yes, change it", "No"]
    chat.say("Raj is at Acme, not Initech — I mixed up my notes")
    assert chat.checkpoints(2)[0].company == "Initech"
    chat.say("initech is QA lead not QA engineer")
    assert chat.checkpoints(2)[0].role == "QA lead"
    replies = chat.say("fix 2 company Acme Inc")  # #1 is Acme: asked
    assert list(choices(replies)) == ["Yes, rename #2", "No"]
    assert chat.checkpoints(2)[0].company == "Initech"


def test_found_in_the_second_probes_news_for_one_of_two_and_deeds_half_done(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # The other interview named only to say nothing came from it: the news is the first's.
    said = chat.text("ACME OFFERED!!! still radio silence from initech lol")
    assert said.startswith("I read that as: An offer from Acme (#1)")
    assert chat.checkpoints(2)[0].outcome is None
    # Not final yet, a plan to withdraw: asked, nothing recorded.
    chat.say("raj said they offered it to someone else but it's not signed yet so don't "
             "give up")
    chat.say("im gonna email dana and withdrw tomorow, i totally bombed it")
    assert chat.checkpoints(2)[0].outcome is None
    # One deed, one still to do; two calls said as one line: asked, never half-read.
    chat.say("thanked raj by email. not dana yet")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Dana Wu", "Raj Patel"]
    chat.say("called initech twice today, nobody picked up either time")
    assert not chat.checkpoints(2)[0].calls


def test_found_in_the_third_probes_new_ones_told_and_names_spelled_out(chat: Chat) -> None:
    chat.say(ACME)
    # A new interview told as "my X interview" never moves the one tracked.
    chat.say("My Netflix interview is at 11 on Monday Nov 30, content analyst, with Reed and Ted")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).hour == 14
    # A time with no day: today's, or tomorrow's? Asked, nothing added.
    replies = chat.say("Add Wonka Industries, chocolatier, 10am with Mr. Slugworth")
    assert list(choices(replies)) == ["Today at 10am", "Tomorrow at 10am", "Neither"]
    assert interviews(chat) == 1
    chat.say("withdrew some cash for the drive to my parents on wednesday")
    assert chat.checkpoints(1)[0].outcome is None
    # A name spelled out, a signature pasted with what to keep from it.
    chat.say("S M Y T H E. thats how jane spells it, sorry")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jane Smythe"]
    chat.say("Jane Smythe | Talent Acquisition | jane.smythe@acme.com | (212) 555-0147 -- "
             "that's her signature, save the email")
    assert chat.checkpoints(1)[0].interviewers[0].email == "jane.smythe@acme.com"
    chat.say("Acme is actually Acme Analytics, I always shorten it")
    assert chat.checkpoints(1)[0].company == "Acme Analytics"
    chat.say("acme is actually next week")  # a day, not a name: asked
    assert chat.checkpoints(1)[0].company == "Acme Analytics"


def test_a_greeting_alone_is_answered_with_what_the_coach_does(chat: Chat) -> None:
    for said in ("hey there", "good morning!", "yo"):
        assert chat.text(said).startswith("How I can help"), said
    assert "I don't know the command" in chat.text("heyyyy whatsup")  # not a greeting it knows


def test_found_in_heldout27_invites_zones_two_numbers_and_courtesies(chat: Chat) -> None:
    chat.say(ACME)
    # An invite with an Interviewer line, a store after the company and the zone after
    # the time: the person is Faith, the company Walgreens, the time 11:00 as said.
    said = chat.text("add this pls:\nInterview – Staff Pharmacist, Walgreens (Store #4471)\n"
                     "Tuesday, November 24, 2026 11:00 AM – 12:00 PM Eastern Time\n"
                     "Interviewer: Faith Adeyemi, District Manager\n"
                     "Location: 2nd floor conference room")
    assert "Staff Pharmacist at Walgreens" in said
    walgreens = chat.checkpoints(2)[0]
    assert walgreens.company == "Walgreens"
    assert [p.name for p in walgreens.interviewers] == ["Faith Adeyemi"]
    assert walgreens.starts_at.astimezone(NEW_YORK).hour == 11
    # A time given in another zone is read on that zone's clock and said back in ours;
    # the calls keep to that office's hours.
    said = chat.text("add Globex, analyst, 2026-11-24 10am pacific with Miles Rivera")
    assert "You gave the time in Pacific time: that's Tue 24 Nov 13:00 your time" in said
    globex = chat.checkpoints(3)[0]
    assert globex.starts_at.astimezone(NEW_YORK).hour == 13
    assert globex.employer_tz == "America/Los_Angeles"
    # Two numbers, one of them meant: which is asked, and only the pressed one is kept.
    offered = choices(chat.say("janes number is 555 0147 or mabye 555 0174 i mix them up"))
    assert list(offered) == ["555 0147", "555 0174", "Neither"]
    assert chat.checkpoints(1)[0].interviewers[0].phone is None
    chat.press(ActionId.CHOOSE, offered["555 0174"])
    assert chat.checkpoints(1)[0].interviewers[0].phone == "555 0174"
    # Their own letter, quoted: "I regret to inform you" is the person withdrawing.
    chat.say("I regret to inform you that I have withdrawn my application to Walgreens "
             "following a reassessment of the commute.")
    assert chat.checkpoints(2)[0].outcome is Outcome.WITHDREW
    # "delete" with a reason that is giving up, not a mistake: delete or stop is asked.
    replies = chat.say("just delete globex, they're obviously never calling")
    assert list(choices(replies)) == ["Delete it", "Stop the reminders", "Neither"]
    assert interviews(chat) == 3


def test_found_in_heldout27_answers_with_a_courtesy_or_an_aside_after_the_title(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    chat.say("marketing coordinator 입니다")
    chat.say("2026-11-24 11am")
    # An invite's attendees as bare addresses: their names are asked, never made up.
    assert "I need at least one name" in chat.text(
        "Attendees: miles.rivera@globex.com; dawn.ito@globex.com")
    chat.say("Interviewers: Miles Rivera, Dawn Ito")
    chat.say("skip")
    globex = chat.checkpoints(2)[0]
    assert globex.role == "marketing coordinator"
    assert [p.name for p in globex.interviewers] == ["Miles Rivera", "Dawn Ito"]
    add_asked(chat, "Initech", "exhibit designer (it's the museum side of Initech, the visitor "
              "centre)", "2026-11-25 10am", "Dana Wu")
    assert chat.checkpoints(3)[0].role == "exhibit designer"
    add_asked(chat, "Hooli", "UX designer. Yoroshiku onegaishimasu", "2026-11-25 3pm",
              "Gavin Belson")
    assert chat.checkpoints(4)[0].role == "UX designer"


def test_found_in_the_probes_zones_conditions_and_news_beside_a_stop(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # An invite in Berlin's zone is read on Berlin's clock: 15:00 there is 09:00 here.
    chat.say("add this pls:\n\nInterview - Junior Data Engineer - Northwind Traders\nWhen: "
             "Wednesday, 25 November 2026 15:00-16:00 (UTC+01:00) Amsterdam, Berlin, Bern, "
             "Rome, Stockholm, Vienna\nWhere: Microsoft Teams Meeting\nOrganizer: Lena Vogel\n"
             "Required Attendees: Lena Vogel; Markus Brandt")
    northwind = chat.checkpoints(3)[0]
    assert northwind.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-25T09:00:00-05:00"
    assert [p.name for p in northwind.interviewers] == ["Lena Vogel", "Markus Brandt"]
    # "today" on Tokyo's clock may be another day here: the time is asked, nothing added.
    said = chat.text("add Rakuten, product analyst, today 9am Tokyo time with Ken Sato")
    assert "I can't be sure which moment that is on your clock" in said
    assert interviews(chat) == 3
    chat.say("cancel")
    # Two numbers, the second only its last digits: both offered whole.
    offered = choices(chat.say("jane's number is 917 555 0101 or 0110, the last bit on her "
                               "card is smudged"))
    assert list(offered) == ["917 555 0101", "917 555 0110", "Neither"]
    # A delete on a condition, or with their no beside it: asked, nothing deleted.
    assert list(choices(chat.say("if I haven't heard from acme by next week just delete it"))
                ) == ["Delete it now", "Keep it"]
    assert list(choices(chat.say("delete initech, just got the rejection email"))) == [
        "Record it", "Delete it", "Neither"]
    assert interviews(chat) == 3
    # The company as the verb's subject: they cancelled, or cancel it? Asked.
    assert list(choices(chat.say("Acme cancel the interview"))) == ["Yes, stop them", "No"]
    assert all(cp.state is not CheckpointState.CANCELLED for cp in chat.checkpoints(1)[1])
    # Their word that they'll be in touch is a promise, never a snooze.
    chat.say("Jane said they gon hit me up by Wednesday")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    # An offer said beside "stop tracking": the offer, which stops the reminders too.
    chat.say("stop tracking acme, they offered and I said YES 🥳")
    assert chat.checkpoints(1)[0].outcome is Outcome.OFFER


def test_found_in_the_probes_guesses_from_signs_and_other_peoples_news(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A guess from signs, a friend's offer, someone else hired: asked, nothing recorded.
    chat.say("i have a feeling initech went with someone else, raj's linkedin shows they "
             "reposted the qa job this morning")
    chat.say("my friend Priya interviewed at Initech too and she just got an offer, so happy "
             "for her")
    chat.say("apparently initech already hired someone? saw a new QA engineer post on their "
             "linkedin")
    chat.say("apparently acme filled it internally?? a guy from their finance team just "
             "changed his linkedin title to data analyst")
    assert chat.checkpoints(1)[0].outcome is None
    assert chat.checkpoints(2)[0].outcome is None
    # Someone no tracked interview has gives a day, beside another employer: whose? Asked.
    chat.say("busy day: Acme at 2 (you know about that one) and before that a 10:30am video "
             "call with Gridline Energy for a data quality analyst role with Omar Siddiqui "
             "and Lisa Fong. Omar said they'll call me on or before Friday")
    assert chat.checkpoints(1)[0].promise is None
    # An add held back as it is typed is not added.
    assert "I haven't added it yet" in chat.text(
        "Add my interview with Quill & Ink tomorrow 2pm, editorial assistant, with Nora Blake "
        "— wait actually hold off, she said she might need to move it. I'll confirm later")
    assert interviews(chat) == 2
    # A thank-you "for the Initech interview" is news of the note, no new interview.
    said = chat.text("Have sent thanks mail to Raj sir for the Initech interview")
    assert said.startswith("I read that as: Your thank-you to Raj Patel (Initech, #2)")


def test_found_in_the_corpus_forms_in_one_line_and_reminders_after_something(
        chat: Chat) -> None:
    # A form typed as sentences on one line, its time carrying its day, or "Date/time".
    chat.say("Interview complete. Company: Stonebridge Security. Position: site supervisor. "
             "Time: 1000 today. Interviewer: Dan Cole.")
    stonebridge = chat.checkpoints(1)[0]
    assert (stonebridge.company, stonebridge.role) == ("Stonebridge Security", "site supervisor")
    assert stonebridge.starts_at.astimezone(NEW_YORK).hour == 10
    chat.say("Request you log the following. Company: Halvorsen Logistics. Position: operations "
             "manager. Date/time: 24 Nov, 0930. Panel: Greg Tanaka and Lisa Ortiz.")
    halvorsen = chat.checkpoints(2)[0]
    assert halvorsen.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-24T09:30:00-05:00"
    assert [p.name for p in halvorsen.interviewers] == ["Greg Tanaka", "Lisa Ortiz"]
    # "Remind me after my shift, I get off at 11pm": at 11pm.
    chat.say("cancel 2")
    said = chat.text("can u remind me after my shift, I get off at 11pm")
    assert "until Mon 2026-11-23 23:00" in said
    # A formal "asked that I telephone them" is the person's call, not their decision.
    chat.say("Good afternoon. I would like to record an interview I attended on Thursday 19 "
             "November at 2:30 pm with Wayne Enterprises for the position of Executive "
             "Assistant. I was interviewed by Lucius Fox and Margaret Chen. They asked that I "
             "telephone them on Monday 30 November.")
    wayne = chat.checkpoints(3)[0]
    assert wayne.promise.kind is PromiseKind.YOU_CALL_ON
    assert wayne.promise.on.isoformat() == "2026-11-30"


def test_found_in_the_corpus_new_ones_beside_two_and_roles_and_words_as_they_sound(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Another interview told beside two tracked: a new one, not a round of either.
    chat.say("Another interview today! Vandelay Industries, import/export coordinator, 11am, "
             "with Art Vandelay and Kel Varnsen")
    assert chat.checkpoints(3)[0].company == "Vandelay Industries"
    # "Hope Young" is a name, no hope; "8 this morning" is 8:00.
    chat.say("Baker & Sons, warehouse associate, 8 this morning, with Will Cook and Hope Young. "
             "they'll call me by wednesday")
    baker = chat.checkpoints(4)[0]
    assert [p.name for p in baker.interviewers] == ["Will Cook", "Hope Young"]
    assert baker.starts_at.astimezone(NEW_YORK).hour == 8
    # Interviews named by their role: "the QA engineer entry", "the data analyst interviewer".
    said = chat.text("thanked the data analyst interviewer by email")
    assert said.startswith("I read that as: Your thank-you notes for Acme (#1) went out.")
    note = next(cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU)
    assert note.state is not CheckpointState.PENDING
    # Words as they sound ("would no by the forth of december"), Jamaican and pidgin; "they
    # will call" names no Will.
    chat.say("acme said they would no by the forth of december")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-12-04"
    said = chat.text("Di man Art seh dem wi call mi back by Wednesday")
    promise = chat.checkpoints(3)[0].promise
    assert promise is not None and promise.on.isoformat() == "2026-11-25", said
    chat.say("Abeg comot this Baker & Sons from the list, na mistake I put am")
    assert interviews(chat) == 3


def test_found_in_the_third_probes_holds_for_tonight_and_what_is_not_a_step(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "for tonight only" is a hold till the morning, never a stop.
    chat.say("cancel the acme reminders for tonight only, i'll look at it tomorrow")
    assert all(cp.state is not CheckpointState.CANCELLED for cp in chat.checkpoints(1)[1])
    # Their word to hold off calling is a day for the call, not a snooze of mine.
    said = chat.text("acme said hold off on calling them till the 7th, everyone's out for the "
                     "holiday")
    assert said.startswith("I read that as: Acme (#1): you call them on Mon 07 Dec.")
    # A task's due day, then their decision: asked, nothing planned on it.
    chat.say("called 2 answered")
    chat.say("They want me to do a take-home test, due Monday, then they decide")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    chat.say("cancel")
    # Something else to send is no step; a question whether it was done changes nothing.
    assert "I can only remind you of your interviews' own steps" in chat.text(
        "can you remind me to email Jane my portfolio link tomorrow morning?")
    chat.say("wait did i already mark jane's thank you as sent or no")
    note = next(cp for cp in chat.checkpoints(1)[1] if cp.kind is CheckpointKind.THANK_YOU)
    assert note.state is not CheckpointState.DONE
    # "stop pinging me" and nothing else: for good, or for now? Asked.
    assert list(choices(chat.say("stop pinging me"))) == ["#1 Acme", "#2 Initech",
                                                          "None of these"]


def test_found_in_the_probes_holds_in_everyday_words_and_a_move_told_as_news(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "hold all the Acme stuff until I'm back on the 2nd": every reminder, till then.
    said = chat.text("I'm flying to Lisbon tomorrow, can you hold all the Acme stuff until "
                     "I'm back on the 2nd?")
    assert said.startswith("I read that as: Muting every reminder of Acme (#1)")
    # "the QA call" is Initech's, by its role.
    chat.say("Please hold the QA call till Monday 7 December, 10am")
    call = next(cp for cp in chat.checkpoints(2)[1] if cp.kind is CheckpointKind.FIRST_CALL)
    assert call.due_at.astimezone(NEW_YORK).isoformat() == "2026-12-07T10:00:00-05:00"
    # Their move, told as news: the interview moves, its plan with it.
    chat.say("oh btw acme rescheduled on me last minute, the interview is wednesday 10am now, "
             "not today")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).isoformat() == \
        "2026-11-25T10:00:00-05:00"
    # A title with a question back after it keeps the title.
    add_asked(chat, "Globex", "Motion Graphics Designer. Do you need the requisition number "
              "too? It's GX-4471.", "2026-11-26 11am", "Nora Kim")
    assert chat.checkpoints(3)[0].role == "Motion Graphics Designer"


def test_found_in_the_fourth_probes_news_of_others_their_mail_and_days_moved(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A no from a company no interview is with, beside one that is: not theirs.
    chat.say("Hooli turned me down today but honestly Acme was the one I wanted anyway")
    assert chat.checkpoints(1)[0].outcome is None
    # Their mail, said as sent by them, is no thank-you of mine; its words are a no.
    chat.say("ugh initech sent the 'we've decided to go in a diffrent direction' email. fml")
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED
    # A rejection taken back in the next message: the day they gave, not the no.
    chat.say("add Globex, designer, 2026-11-24 11am with Nora Kim")
    chat.say('this is so confusing. first email at 9am:\n"Dear Candidate, we regret to inform '
             'you that we will not be moving forward with your application."\nthen at 11:\n'
             '"Please disregard our earlier message, which was sent in error. Your application '
             'remains under active consideration and we expect to update you by Wednesday, '
             'December 2. - Globex Talent Team"')
    assert chat.checkpoints(3)[0].outcome is None
    # A day gone by is said to be gone, never planned on (found by hand, in Berlin).
    assert "Fri 20 Nov has already passed" in chat.text("acme said they'd decide by Nov 20")
    assert chat.checkpoints(1)[0].promise is None
    # A day moved from one to another: the new one.
    chat.say("acme moved the decision from friday to monday")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-30"
    # Someone taken off an interview they are not on: asked.
    chat.say("take nora off the acme interview")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Nora Kim"]
    # A next round on another zone's clock is read on it: 10:00 PST is 13:00 here.
    chat.say("Acme wants me back for a final round on Wednesday Dec 2 at 10:00 AM PST with "
             "Jane Smith")
    round_two = chat.checkpoints(4)[0]
    assert round_two.starts_at.astimezone(NEW_YORK).isoformat() == "2026-12-02T13:00:00-05:00"


def test_found_in_the_probes_the_other_one_left_as_it_is_and_a_move_said_formally(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # One interview acted on, the other said to stay as it is: the first, surely.
    said = chat.text("push the acme reminder 2 hours, I'm stuck on the train. initech can "
                     "stay as is")
    assert said.startswith("I read that as: Snoozing the next step of Acme (#1).")
    chat.say("stop the initech reminders, I'll deal with them myself. keep acme going")
    assert all(cp.state is not CheckpointState.PENDING for cp in chat.checkpoints(2)[1])
    assert any(cp.state is CheckpointState.PENDING for cp in chat.checkpoints(1)[1])
    # Their move, said formally in two sentences.
    chat.say("Acme has rescheduled my interview. It is now tomorrow at 10:00 am.")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).isoformat() == \
        "2026-11-24T10:00:00-05:00"


def test_found_in_the_fifth_probes_chat_markup_and_short_replies(chat: Chat) -> None:
    chat.say(ACME)
    # Markdown emphasis and a word put right with a star, as chat does.
    chat.say("the role was _senior_ data analyst btw")
    assert chat.checkpoints(1)[0].role == "senior data analyst"
    chat.say("acme was at 2:30 not 2\n*3:30")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).hour == 15
    # Someone else congratulated is no news of mine.
    chat.say("@raj congrats on the offer!!! :tada:")
    assert chat.checkpoints(1)[0].outcome is None
    # While the title or the names are asked, news or "both" is no answer.
    chat.say("add Globex")
    assert "job title" in chat.text("offer!!")
    chat.say("designer")
    chat.say("2026-11-24 11am")
    chat.say("both")
    assert interviews(chat) == 1


def test_their_day_said_where_the_interview_day_was_asked_is_not_taken_for_it(
        chat: Chat) -> None:
    # Found by hand in the terminal chat (Tokyo time): the answer to "when was it?" was
    # their promise, and Friday became the interview's day.
    chat.say("add Hooli")
    chat.say("data engineer")
    said = chat.text("gavin said they would let me know by friday")
    assert "not when the interview was" in said and "When was it" in said
    chat.say("today 11am")
    chat.say("Gavin Belson")
    chat.say("skip")
    hooli = chat.checkpoints(1)[0]
    assert hooli.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-23T11:00:00-05:00"


def test_found_by_hand_a_story_on_another_clock_and_a_number_where_the_time_was_asked(
        chat: Chat) -> None:
    # A story with its time on London's clock: read on it, never left without its time.
    said = chat.text("got an interview wednesday with Northwind Labs, ux researcher, 11am "
                     "london time, with Priya Nair")
    assert "You gave the time in London time: that's Wed 25 Nov 06:00 your time" in said
    northwind = chat.checkpoints(1)[0]
    assert northwind.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-25T06:00:00-05:00"
    # A phone number typed where the time was asked is no time of day.
    chat.say("add Globex")
    chat.say("designer")
    chat.say("2026-11-27")
    assert "as a time of day" in chat.text("tom number is 020 7946 0018")
    assert interviews(chat) == 1


def test_studied_in_the_twenty_fifth_session_british_days_and_states_of_the_job(
        chat: Chat) -> None:
    chat.say(ACME)
    # "Thursday week" is the Thursday of next week, for a next round as for a promise.
    said = chat.text("Jane called, they want a second interview with the CTO, Thursday "
                     "week at 11")
    assert said.startswith("I read that as: A next round from Acme (#1).")
    chat.say("Jane Smith")
    next_round = chat.checkpoints(2)[0]
    assert next_round.starts_at.astimezone(NEW_YORK).isoformat() == "2026-12-03T11:00:00-05:00"
    # "Friday just gone" is last Friday; "a bloke called Pat Dooley" is who; "he'd bell
    # me" is their call to come.
    chat.say("add Shell, forecourt supervisor, Friday just gone at 2, bloke called Pat "
             "Dooley, said he'd bell me Wednesday")
    shell = chat.checkpoints(3)[0]
    assert shell.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-20T14:00:00-05:00"
    assert [p.name for p in shell.interviewers] == ["Pat Dooley"]
    assert shell.promise is not None and shell.promise.on.isoformat() == "2026-11-25"
    # A short weekday before the month's name is the day, never a name.
    chat.say("add Signal, product designer, Thu Dec 3 at 1pm, with Will Ashford and Pat Kim")
    assert [p.name for p in chat.checkpoints(4)[0].interviewers] == ["Will Ashford", "Pat Kim"]


def test_studied_in_the_twenty_fifth_session_what_is_not_news_or_a_title(chat: Chat) -> None:
    chat.say(INITECH)
    # "the position is on hold" is news about the opening, never its new title.
    chat.say("the position is on hold for now")
    initech = chat.checkpoints(1)[0]
    assert initech.role == "QA engineer" and initech.outcome is None
    # A thank-you by text is answered with the rule, and nothing is marked sent.
    said = chat.text("flicked Dana a txt to say thanks, sweet as")
    assert "text" in said and "e-mail" in said.lower().replace("email", "e-mail")
    assert all(cp.state is CheckpointState.PENDING for cp in chat.checkpoints(1)[1]
               if cp.kind is CheckpointKind.THANK_YOU)
    # A number with its full stop is still the number.
    chat.say("Called 1. No answer.")
    assert [c.result for c in chat.checkpoints(1)[0].calls] == [CallResult.NO_ANSWER]
    # A call put right as never connected is asked, not recorded as no answer.
    chat.say("called 1 answered")
    said = chat.text("sorry, actually nobody answered, I hung up before it connected")
    assert "changed nothing" in said
    assert [c.result for c in chat.checkpoints(1)[0].calls] == \
        [CallResult.NO_ANSWER, CallResult.ANSWERED]


def test_studied_in_the_twenty_fifth_session_times_of_day_and_spans(chat: Chat) -> None:
    # "10.30 tomorrow morning" and "10 in the am" are those hours, not 09:00.
    chat.say("new one: Parkside Vets, receptionist, 10.30 tomorrow morning, w/ Claire Dunn")
    vets = chat.checkpoints(1)[0]
    assert vets.starts_at.astimezone(NEW_YORK).isoformat() == "2026-11-24T10:30:00-05:00"
    # "12am" for an interview is asked, never planned at midnight.
    said = chat.text("add Lakeside Dental, front desk coordinator, tomorrow 12am with Maya Russo")
    assert "in the night?" in said and interviews(chat) == 1
    chat.say("cancel")
    chat.say(INITECH)
    # "in a week or two" after a call offers both days; nothing is planned on a guess.
    chat.say("called 2 answered")
    replies = chat.say("call back in a week or two")
    assert set(choices(replies)) >= {"I call on Mon 30 Nov", "I call on Mon 07 Dec"}
    assert chat.checkpoints(2)[0].promise is not None
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"


def test_studied_in_the_twenty_fifth_session_two_facts_in_one_line(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Two promises for two days: which to plan around is asked.
    replies = chat.say("Dana says they'll still decide Friday, and Raj told me to call him "
                       "Monday if I haven't heard anything")
    assert set(choices(replies)) >= {"They decide by Fri 27 Nov", "I call on Mon 30 Nov"}
    # A note's news beside a correction: asked one at a time, nothing half done.
    said = chat.text("note's sent. also the acme interview was actually 2:30 not 2")
    assert "two things" in said
    acme = chat.checkpoints(1)
    assert acme[0].starts_at.astimezone(NEW_YORK).hour == 14 and acme[0].starts_at.minute == 0
    assert all(cp.state is CheckpointState.PENDING for cp in acme[1]
               if cp.kind is CheckpointKind.THANK_YOU)
    # A note said sent, then taken back at once.
    chat.text("sent jane's note. oh crap no I didn't, it's sitting in drafts")
    assert all(cp.state is CheckpointState.PENDING for cp in chat.checkpoints(1)[1]
               if cp.kind is CheckpointKind.THANK_YOU)
    # "might" after a call is no next round.
    chat.say("called 2 answered")
    said = chat.text("she said I might get a second round, they're still deciding")
    assert "isn't settled" in said and chat.checkpoints(2)[0].outcome is None


def test_studied_in_the_twenty_fifth_session_news_asked_about_is_not_acted_on(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # News with a question about what it means: said back and asked, nothing done.
    replies = chat.say("Initech emailed asking for references!! that's good right?? does "
                       "that mean I got it")
    assert "changed nothing" in text_of(replies) and chat.checkpoints(2)[0].outcome is None
    replies = chat.say("can you delete initech? wait is that the same as cancel?")
    assert "changed nothing" in text_of(replies) and interviews(chat) == 2
    # A team is where, not the title: the story is shown before anything is added.
    said = chat.text("Interviewed with Vertex Systems this morning at 11, for their QA team, "
                     "with Raymond Cole")
    assert said.startswith("Shall I add this interview") and interviews(chat) == 2


def test_names_then_a_remark_about_them_are_the_names(chat: Chat) -> None:
    # A remark after the names tells nothing to act on; a number in it is that person's.
    add_asked(chat, "Globex", "designer", "2026-11-24 11am",
              "Lena Fischer, her direct line is 646 555 0188")
    lena = chat.checkpoints(1)[0].interviewers
    assert [(p.name, p.phone) for p in lena] == [("Lena Fischer", "646 555 0188")]
    add_asked(chat, "Hooli", "analyst", "2026-11-24 3pm",
              "Nora Kim (design director) — she's kind of intimidating tbh")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Nora Kim"]
    # News after the names is never dropped with a remark: asked again.
    chat.say("add Initrode")
    chat.say("tester")
    chat.say("2026-11-25 10am")
    said = chat.text("Priya Nair. btw they pushed it to 2pm")
    assert "Who interviewed you?" in said and interviews(chat) == 2
    # "skip" where the names are asked: the notes go to the hiring team for now.
    chat.say("skip")
    chat.say("no")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["the hiring team"]


def test_studied_in_the_twenty_fifth_session_promises_and_times_put_right(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "before Thanksgiving" is by its eve; "before Christmas", weeks off, is no day.
    chat.say("jane said they're going to make their decision before thanksgiving")
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    chat.say("Initech says a decision before Christmas")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # The day they told it is not their day: "emailed this morning, … another fortnight".
    chat.say("Dana emailed this morning, they need another fortnight to decide")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-12-07"
    # A time put right in the ways people say it.
    chat.say("btw the acme interview today was actually at 1:30 not 2")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).strftime("%H:%M") == "13:30"
    chat.say("wrong time on acme: 1pm")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).strftime("%H:%M") == "13:00"
    chat.say("ugh acme bumped me to tmrw 2:30")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).isoformat() == \
        "2026-11-24T14:30:00-05:00"


def test_studied_in_the_twenty_fifth_session_who_the_news_is_about(chat: Chat) -> None:
    chat.say(ACME)
    # A note sent to someone else, or to the wrong Jane, is asked about, never marked.
    for said in ("wrote the thank-you but sent it to the wrong Jane, the one from my old job",
                 "also sent a thank you to Mike from acme, he popped in at the end"):
        assert "go out?" in chat.text(said)
        chat.say("2")  # "No"
    assert all(cp.state is CheckpointState.PENDING for cp in chat.checkpoints(1)[1]
               if cp.kind is CheckpointKind.THANK_YOU)
    # A company's shared mailbox is asked about before it becomes hers.
    assert "Change Acme (#1)" in chat.text("the email is hr@acme.com")
    chat.say("2")
    assert chat.checkpoints(1)[0].interviewers[0].email is None
    # "hyphenated" is how the name is written, not the name.
    chat.say("just realised Jane's surname is hyphenated, it's Smith-Roberts")
    assert chat.checkpoints(1)[0].interviewers[0].name == "Jane Smith-Roberts"
    # A plan to say no is not saying it.
    said = chat.text("I'm going to email acme tomorrow and tell them I'm not interested anymore")
    assert "Just to be sure" in said and chat.checkpoints(1)[0].outcome is None


def test_studied_in_the_twenty_fifth_session_holds_and_questions_after_a_call(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A hold for the weekend is never a stop: asked, with the way to pause.
    said = chat.text("mute acme for the weekend")
    assert "for good?" in said and "mute Acme till Monday 9am" in said
    chat.say("2")
    assert any(cp.state is CheckpointState.PENDING for cp in chat.checkpoints(1)[1])
    # After a call, a question of their own is answered, and the call's question waits.
    chat.say("called 2 answered")
    replies = chat.say("Should I call them again tomorrow or is too much?")
    assert text_of(replies).endswith("And your call: What did they say?")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    # A long story of the call that mentions voicemail is no call nobody answered.
    chat.say("Okay so that was actually a really nice call. Dana picked up on the second "
             "ring which threw me off because I was fully prepared for voicemail. She "
             "remembered me right away.")
    assert [c.result for c in chat.checkpoints(2)[0].calls] == [CallResult.ANSWERED]


def test_a_bare_hour_this_soon_is_this_evening_and_a_later_one_is_asked(chat: Chat) -> None:
    chat.say(ACME)
    # Said at 16:30: "at 6" is this evening's, an hour and a half away.
    said = chat.text("ping me at 6 about acme")
    assert said.startswith("I read that as: Snoozing the next step of Acme (#1) till 18:00")
    # "at 8", hours away, may be tonight or tomorrow morning: asked.
    replies = chat.say("remind me at 8")
    assert set(choices(replies)) >= {"Mon 23 Nov, 20:00", "Tue 24 Nov, 08:00"}


def test_a_promise_in_an_add_line_is_said_back_in_its_own_words(chat: Chat) -> None:
    # Found by hand: "Thursday week" in the promise came back written as a date.
    said = chat.text("add Shell, forecourt supervisor, yesterday at 2, bloke called Pat "
                     "Dooley, said he'd bell me Thursday week")
    assert "They said: he'd bell me Thursday week (Thu 2026-12-03)" in said


def test_found_by_hand_in_sydney_a_pause_is_no_title_and_thanksgiving_gone_is_no_day(
        chat: Chat) -> None:
    # A stop-or-pause line while the title is asked is asked about, never the title.
    chat.say(ACME)
    chat.say("add Bunnings")
    said = chat.text("mute acme for the weekend")
    assert "for good?" in said and "What's the role?" in said
    chat.say("2")
    chat.say("cancel")
    assert interviews(chat) == 1
    # "before thanksgiving", said once it has gone by, is no day (never next year's).
    chat.wait_until(datetime(2026, 12, 1, 10, 0, tzinfo=NEW_YORK))
    chat.say("Jane said they'd decide before thanksgiving")
    assert chat.checkpoints(1)[0].promise is None


def test_news_about_someone_or_something_else_changes_nothing(chat: Chat) -> None:
    chat.say(ACME)
    for said in ("called the garage re the car. no answer",
                 "lol my friend just texted, she got an offer from acme",
                 "the clinic said they'll call me friday with my results",
                 "got rejected by my cat again",
                 "Sent a thank-you card to my nan for the birthday money"):
        replies = chat.say(said)
        # asked (the second choice is always "no" or "still waiting"), or left alone
        assert choices(replies) or "changed nothing" in text_of(replies), said
        if choices(replies):
            chat.say("2")
    acme, steps = chat.checkpoints(1)
    assert acme.outcome is None and acme.promise is None and not acme.calls
    assert all(cp.state is CheckpointState.PENDING for cp in steps
               if cp.kind is CheckpointKind.THANK_YOU)


def test_studied_in_the_twenty_sixth_session_notes_and_what_is_still_to_do(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A note still in drafts is not sent; the one named before it is.
    chat.say("Sent Raj's thank-you. Dana's is still in drafts.")
    assert _notes_sent(chat, 2) == {"Raj Patel"}
    # The person's own plan for the other interview is not news about it.
    said = chat.text("Acme note is sent, Initech I still need to call")
    assert "Marked your thank-you to Jane Smith as sent" in said
    assert not chat.checkpoints(2)[0].calls
    # A courtesy title before the first name is the person met, not someone else.
    chat.say("I sent the thank you email to Ms. Dana too")
    assert _notes_sent(chat, 2) == {"Raj Patel", "Dana Wu"}


def test_studied_in_the_twenty_sixth_session_outcomes_and_stops_in_their_words(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # Weighing an offer is no doubt that it came.
    said = chat.text("Acme offered 85k, I told Jane I'd think about it over the weekend")
    assert said.startswith("I read that as: An offer from Acme (#1).")
    assert chat.checkpoints(1)[0].outcome is Outcome.OFFER
    # "knocked us back", as said in the North East of England, is a no.
    chat.say("Initech have knocked us back like. Email off Dana this dinnertime, gutted man")
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED


def test_studied_in_the_twenty_sixth_session_a_remark_before_the_fields(chat: Chat) -> None:
    # A first sentence that says nothing of any interview is left aside.
    said = chat.text("Ironic, the HR coordinator on the other side of the table for once. "
                     "Notion, people ops coordinator, today 12:30, with Holly Pierce and Sam "
                     "Ortiz. They said they'd let me know by EOD Friday.")
    assert said.startswith("I read that as: a new interview: people ops coordinator at Notion.")
    notion = chat.checkpoints(1)[0]
    assert [p.name for p in notion.interviewers] == ["Holly Pierce", "Sam Ortiz"]
    assert notion.promise is not None and notion.promise.on.isoformat() == "2026-11-27"
    # One that holds news is not: both are asked for one at a time, neither half dropped.
    replies = chat.say("Notion rejected me. Globex, designer, tomorrow 11am, with Sam Lee")
    assert interviews(chat) == 1 and chat.checkpoints(1)[0].outcome is None
    assert choices(replies) or "changed nothing" in text_of(replies)
    # Not understood, the hint gives the add from where it was asked for (found by hand).
    said = chat.text("Friday's fine. Also can you add Hulu, producer, Thursday the 3rd at 2pm "
                     "with Amy Lin")
    assert "`add Hulu, producer, Thursday the 3rd at 2pm with Amy Lin`" in said


def test_studied_in_the_twenty_sixth_session_an_invite_on_one_line_and_a_role_said_first(
        chat: Chat) -> None:
    said = chat.text("Subject: Interview – Underwriter II – Travelers | When: Tuesday, November "
                     "24, 2026 1:00 PM-2:00 PM (UTC-05:00) Eastern Time (US & Canada) | Where: "
                     "Microsoft Teams Meeting | Attendees: Drew Hastings; Maria Lopez")
    assert "Underwriter II at Travelers" in said
    travelers = chat.checkpoints(1)[0]
    assert [p.name for p in travelers.interviewers] == ["Drew Hastings", "Maria Lopez"]
    # "my zoom interview" says how, not what the job is: nothing is added without it.
    replies = chat.say("Can you add my zoom interview at the Morgan Library, Dec 1 at 3pm, "
                       "with June Alvarez")
    assert interviews(chat) == 1 and "Add it" in choices(replies)
    assert "role" not in text_of(replies)
    chat.say("Can you add my archivist interview at the Morgan Library, 11/30 at 2:30pm, "
             "with June Alvarez")
    morgan = chat.checkpoints(2)[0]
    assert (morgan.company, morgan.role) == ("Morgan Library", "archivist")


def test_studied_in_the_twenty_sixth_session_answers_in_other_voices(chat: Chat) -> None:
    chat.say(ACME)
    chat.say("add Globex")
    chat.say("Che, es para barista trainer")
    chat.say("tomorrow 11am")
    chat.say("Miss Sandy Thibodeaux an' her boss Cliff Guidry")
    globex = chat.checkpoints(2)[0]
    assert globex.role == "barista trainer"
    assert [p.name for p in globex.interviewers] == ["Miss Sandy Thibodeaux", "Cliff Guidry"]
    chat.say("add Hooli")
    chat.say("designer")
    chat.say("tomorrow 3pm")
    chat.say("Mr Tunde Bakare and Mrs Funmi Adeyemi. E se.")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Mr Tunde Bakare",
                                                                    "Mrs Funmi Adeyemi"]
    # Singapore English's "can" before a request asks nothing.
    said = chat.text("can remind me about hooli again at 9.30 tonight ah")
    assert said.startswith("I read that as: Snoozing the next step of Hooli (#3).")
    assert "Mon 2026-11-23 21:30" in said
    # A sister's interview, taken off: deleted, the rest keep theirs.
    said = chat.text("Can you take the Hooli one off though? That was my sister's interview, "
                     "not mine")
    assert said.startswith("I read that as: Delete #3 Hooli.") and interviews(chat) == 2


def test_two_things_in_one_line_are_never_half_done(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A call and a snooze: the call is offered, the snooze asked for on its own line.
    replies = chat.say("called initech, voicemail. remind me again thursday")
    said = text_of(replies)
    assert "two things" in said and "You called Initech (#2) and nobody picked up." in said
    assert list(choices(replies)) == ["Yes, do that", "No"]
    assert not chat.checkpoints(2)[0].calls
    chat.say("1")
    assert [c.result for c in chat.checkpoints(2)[0].calls] == [CallResult.NO_ANSWER]
    # A name put right and a note sent: neither done on its own.
    chat.say("It's Jane Smyth with a y, sorry! Just sent her the note")
    acme, steps = chat.checkpoints(1)
    assert [p.name for p in acme.interviewers] == ["Jane Smith"]
    assert all(cp.state is CheckpointState.PENDING for cp in steps
               if cp.kind is CheckpointKind.THANK_YOU)
    # A day asked about beside something else: the question says the other must come again.
    said = chat.text("Jane said they'd decide within 8 days. Also remind me tomorrow at 9")
    assert "Which did they mean?" in said and "send it on its own line after this" in said
    chat.say("3")
    # A closing outcome with its note's news is one story: the outcome is recorded.
    chat.say("emailed jane my thank you and she replied that they've already filled the role")
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED


def test_an_interview_told_in_its_fields_without_commas_is_added(chat: Chat) -> None:
    said = chat.text("Target cashier 11am today w Luis")
    assert said.startswith("I read that as: a new interview: cashier at Target.")
    target = chat.checkpoints(1)[0]
    assert [p.name for p in target.interviewers] == ["Luis"]
    assert target.starts_at.astimezone(NEW_YORK).hour == 11
    chat.say("Publix deli clerk 9am tomorrow Carla + Mike")
    publix = chat.checkpoints(2)[0]
    assert (publix.company, publix.role) == ("Publix", "deli clerk")
    assert [p.name for p in publix.interviewers] == ["Carla", "Mike"]
    # "at 8" may be morning or evening: asked, and added as answered.
    replies = chat.say("Chili's host interview tomorrow at 8 with Pam")
    assert list(choices(replies)) == ["8 in the morning", "8 in the evening", "Not quite"]
    assert interviews(chat) == 2
    chat.say("2")
    assert chat.checkpoints(3)[0].starts_at.astimezone(NEW_YORK).hour == 20
    # Names run together may be two people or three: not added on a guess.
    chat.say("Capital One data engineer Mon Nov 30 1pm panel of Grace Liu Omar Sy and Beth Rowe")
    assert interviews(chat) == 3
    # A phone's signature is no part of the news.
    said = chat.text("sent luis a thank you note. Sent from my iPhone")
    assert "Marked your thank-you to Luis as sent" in said


def test_studied_in_the_twenty_sixth_session_days_hours_and_who_calls(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "in 8 days": a week, as much of Europe says it, or eight days? Asked.
    replies = chat.say("Acme will give me an answer in 8 days")
    assert set(choices(replies)) >= {"Mon 30 Nov", "Tue 01 Dec"}
    chat.say("3")
    # "19h" after "till" is the clock's 19:00, not nineteen hours.
    said = chat.text("snooze acme till 19h")
    assert "until Mon 2026-11-23 19:00" in said
    # A maybe in a snooze is asked.
    replies = chat.say("can you move acme to tomorrow? or wednesday maybe, I'll confirm later")
    assert choices(replies)
    # "Raj will call me back" after a call is their call, not mine.
    chat.say("called 2 answered")
    chat.say("Raj will call me back within 2 business days")
    promise = chat.checkpoints(2)[0].promise
    assert promise is not None and promise.kind is PromiseKind.THEY_DECIDE_BY
    assert promise.on.isoformat() == "2026-11-25"
    # "cancel that, wrong company" stops nothing.
    assert "changed nothing" in chat.text("cancel that, wrong company")
    assert "#1 data analyst at Acme" in chat.text("list")  # not cancelled


def test_a_title_keeps_its_team_and_its_language(chat: Chat) -> None:
    chat.say(ACME)
    add_asked(chat, "Globex", "Registered Nurse - ICU. Jazakallah khair", "tomorrow 11am",
              "Sam Lee")
    add_asked(chat, "Hooli", "asistente administrativo, gracias", "tomorrow 3pm", "Ana Ruiz")
    assert chat.checkpoints(2)[0].role == "Registered Nurse - ICU"
    assert chat.checkpoints(3)[0].role == "asistente administrativo"


def test_jokes_sarcasm_and_venting_change_nothing(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    for said in ("acme rejected me. jk it was initech 🙃",
                 "oh sure, acme will TOTALLY let me know by wednesday 🙄",
                 "acme can delete my number for all I care",
                 "I bombed it so hard acme should delete the security footage",
                 "I withdrew from initech. in my head. like 40 times today",
                 "did I get rejected?? initech emailed asking for my availability next week",
                 "just kill all my reminders forever, I'm going to go live in the woods"):
        replies = chat.say(said)
        if choices(replies):
            chat.say(list(choices(replies).values())[-1])  # the last choice changes nothing
    assert interviews(chat) == 2
    for number in (1, 2):
        interview = chat.checkpoints(number)[0]
        assert interview.outcome is None
    assert chat.checkpoints(1)[0].promise is None


def test_studied_in_the_twenty_sixth_session_offers_notes_and_removals(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # The person's own no is no rejection by them.
    chat.say("Acme offered 🎉 but I said no thanks 😅 staying put, my boss counteroffered")
    assert chat.checkpoints(1)[0].outcome is Outcome.WITHDREW
    # An offer on a condition, and a round not yet offered: asked, nothing recorded.
    for said in ("initech just called back they said they would like to offer me the position "
                 "once my references check out",
                 "initech said I'm in the running for a second round, they'll let me know by "
                 "wed"):
        replies = chat.say(said)
        if choices(replies):
            chat.say(list(choices(replies).values())[-1])
    assert chat.checkpoints(2)[0].outcome is None
    # A note in drafts is not sent; one to the careers inbox is asked about.
    chat.say("can you mark the note sent? well, I wrote it, it's sitting in my drafts")
    chat.say("sent my initech thank you to the generic careers@initech.com address")
    assert _notes_sent(chat, 2) == set()
    # A removal with the right day beside it: gone, or its day put right? Asked.
    replies = chat.say("Remove the Initech interview, I put it in wrong. It's actually next "
                       "Monday, sorry!")
    assert list(choices(replies)) == ["Delete it", "Keep it"]
    chat.say("2")
    assert interviews(chat) == 2


def test_studied_in_the_twenty_seventh_session_take_backs_copies_and_answers(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A delete taken back later in the line, however it is said, deletes nothing.
    for said in ("remove acme. wait no, remove initech. no hang on, keep both",
                 "delete initech. never mind", "delete initech. nvm keep it"):
        assert chat.text(said).startswith("You took that back, so I changed nothing.")
    assert interviews(chat) == 2
    # "I entered it two times", with Initech listed once: no copy to delete, so asked.
    replies = chat.say("Sir, kindly remove Initech, I entered it two times by mistake only")
    assert list(choices(replies)) == ["Yes, delete it", "No, keep it"]
    chat.say("2")
    assert interviews(chat) == 2
    # After a call, "should I … or just sit tight" is their question, in words without
    # its mark: answered, and the call's question waits.
    chat.say("called 2 answered")
    replies = chat.say("well should I call em again Friday or just sit tight")
    assert text_of(replies).endswith("And your call: What did they say?")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"
    chat.say("no news yet")
    # Asked for the role and the names: whom they talk to is no part of the title; an
    # address given first is the next name's; Dean is a first name before a surname.
    chat.say("add Globex")
    chat.say("Motion designer, kak")
    chat.say("tomorrow 11am")
    chat.say("dean.okafor@globex.com, Dean Okafor")
    globex = chat.checkpoints(3)[0]
    assert globex.role == "Motion designer"
    assert [(p.name, p.email) for p in globex.interviewers] == [
        ("Dean Okafor", "dean.okafor@globex.com")]


def test_studied_in_the_twenty_seventh_session_minds_changed_and_answers_around_them(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A new sentence that takes the last one back ("no actually", "no,", "wait"): the
    # first is never done.
    for said in ("mark the note to Jane as sent — no actually don't, I want to reread it "
                 "tonight first",
                 "snooze it till tomorrow. wait tomorrow's packed, maybe wednesday? eh "
                 "whatever works",
                 "the acme interview was at 1pm not 2pm. no actually 2 is correct, 1:30 is "
                 "when I got there",
                 "Raj's phone is 646-555-0172. no, that's Dana's. I don't have Raj's"):
        chat.say(said)
    acme, steps = chat.checkpoints(1)
    assert acme.starts_at.astimezone(NEW_YORK).hour == 14
    assert not any(cp.snoozed for cp in steps)
    assert _notes_sent(chat, 1) == set()
    assert all(p.phone is None for p in chat.checkpoints(2)[0].interviewers)
    # A delete by number with doubt after it: both offered, nothing gone.
    replies = chat.say("remove #1 — or actually maybe just stop the reminders? idk which "
                       "one I want")
    assert list(choices(replies)) == ["Delete it", "Stop the reminders", "Neither"]
    assert "something else" not in text_of(replies)
    chat.say("3")
    # Someone else's interview is not added as theirs.
    said = chat.text("add my brother's interview: Vandelay Industries, sales rep, Tue 1 Dec "
                     "9am with Art Vandelay")
    assert "someone else's interview" in said and interviews(chat) == 2
    # A calendar's lines with one field are no comma line: nobody is called "Tue".
    chat.say("Acme – Data Analyst – Round 2\nTue, December 1 · 10:00 – 11:00am\n"
             "Guests: Paul Greer, Jane Smith")
    assert interviews(chat) == 2
    # Answers with a greeting, thanks to a friend, a question after, dictation, initials.
    chat.say("add Globex")
    chat.say("hi! it's for junior UX designer 😊")
    chat.say("tomorrow 11am")
    chat.say("anne dash marie leclerc and um louis chen")
    globex = chat.checkpoints(3)[0]
    assert globex.role == "junior UX designer"
    assert [p.name for p in globex.interviewers] == ["Anne-Marie Leclerc", "Louis Chen"]
    chat.say("no")
    chat.say("skip")
    for role, people in (("it's for a care assistant, cheers bach", "J.R. and a woman named "
                          "Faith"),
                         ("Supply chain analyst. Is Hooli the right spelling or is it HooLi",
                          "Dean Okafor")):
        chat.say("add Hooli")
        chat.say(role)
        chat.say("tomorrow 3pm")
        chat.say(people)
        chat.say("no")
        chat.say("skip")
    care, supply = chat.checkpoints(4)[0], chat.checkpoints(5)[0]
    assert care.role == "care assistant" and supply.role == "Supply chain analyst"
    assert [p.name for p in care.interviewers] == ["J.R.", "Faith"]


def test_found_by_hand_in_india_a_surname_initial_and_the_day_they_decide_by(
        chat: Chat) -> None:
    # "Karthik S", as a surname's initial is often written, is a name in a story.
    said = chat.text("I had an interview today at 11am with Infosys for the business analyst "
                     "role, Priya Raman and Karthik S interviewed me. They said they will "
                     "revert by Friday")
    assert "with Priya Raman and Karthik S;" in said
    infosys = chat.checkpoints(1)[0]
    assert [p.name for p in infosys.interviewers] == ["Priya Raman", "Karthik S"]
    # "Why Friday?": nothing is planned that day because it is theirs to decide by.
    assert chat.text("why friday?") == (
        "Fri 27 Nov is the day Infosys (#1) said they'd decide by, so nothing is planned on "
        "it: your call comes after it, on Mon 30 Nov (`why 1.5`).")


def test_studied_in_the_twenty_seventh_session_rounds_offers_and_who_moves(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # An offer taken back ends it, and is never an offer.
    said = chat.text("initech pulled the offer, whole QA team got cut in a reorg")
    assert chat.checkpoints(2)[0].outcome is Outcome.HEARD and "Congratulations" not in said
    # Their word about a round to come is their word, not the round.
    chat.text("Raj said they'll get back to me by Wednesday about the next round")
    assert chat.checkpoints(2)[0].outcome is Outcome.HEARD  # closed above, unchanged
    said = chat.text("Jane said she'll get back to me by Wednesday about the next round")
    assert chat.checkpoints(1)[0].outcome is None
    assert chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    # "Acme Foods" is another company, not Acme: asked.
    replies = chat.say("acme foods want me back for round 2")
    assert choices(replies) and chat.checkpoints(1)[0].outcome is None
    chat.say(list(choices(replies))[-1])
    # Heard, not told: asked.
    replies = chat.say("apparently acme decides by friday")
    assert choices(replies) and chat.checkpoints(1)[0].promise.on.isoformat() == "2026-11-25"
    chat.say("No")
    # "their follow-up email" is theirs; "call me back" said first does not make the day
    # theirs to be called on when the clause with the day says they decide.
    chat.say("Follow-up email from Jane: decision pushed to Wed Dec 2.")
    promise = chat.checkpoints(1)[0].promise
    assert (promise.kind, promise.on.isoformat()) == (PromiseKind.THEY_DECIDE_BY, "2026-12-02")
    chat.say("Jane call me back about my question for salary range, and she mention they "
             "decide until Thursday 3 December")
    promise = chat.checkpoints(1)[0].promise
    assert (promise.kind, promise.on.isoformat()) == (PromiseKind.THEY_DECIDE_BY, "2026-12-03")
    # Two things joined by "and I've …": neither done alone.
    replies = chat.say("acme was at 1 not 2 and I've emailed jane the thank you")
    assert "two things" in text_of(replies) and _notes_sent(chat, 1) == set()
    chat.say("No")
    # The same job at the same company on another day: a second interview, or a move?
    replies = chat.say("add interview: Acme, data analyst, Dec 3 2pm, Jane Smith")
    assert "`fix 1 when …` moves it instead" in text_of(replies) and interviews(chat) == 2
    chat.say("No, leave it")
    # A weekday is no one's name.
    chat.say("add Globex")
    chat.say("designer")
    chat.say("tomorrow 11am")
    assert "name" in chat.text("Wednesday")
    # Where their word was written is no interviewer.
    chat.say("cancel")
    chat.say("Add: Northwind Credit Union, teller, Tue 17 Nov 1:30pm, Sandra Kowalczyk. Her "
             "follow-up email said they'll make a decision by Dec 1.")
    northwind = chat.checkpoints(3)[0]
    assert [p.name for p in northwind.interviewers] == ["Sandra Kowalczyk"]


def test_studied_in_the_twenty_seventh_session_rankings_both_spelling_and_plans(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "my #1 pick" is a ranking, not interview #1: which company is asked.
    replies = chat.say("my #1 pick just called with an offer!!!")
    assert chat.checkpoints(1)[0].outcome is None and choices(replies)
    chat.say(list(choices(replies))[-1])
    # News of both at once: each asked for on its own line.
    said = chat.text("Acme and Initech BOTH said next round!! on break rn, will send times later")
    assert "each on its own line" in said
    assert chat.checkpoints(1)[0].outcome is None and chat.checkpoints(2)[0].outcome is None
    # Letters dictated one at a time are the name they spell.
    assert chat.text("Dana's last name is W O O not W U").endswith("Dana Wu is now Dana Woo.")
    # Disbelief is no promise.
    replies = chat.say("yeah Jane said they'll definitely decide by Friday sure they will")
    assert choices(replies) and chat.checkpoints(1)[0].promise is None
    chat.say("No")
    # "wants me to circle back on the 30th": theirs to be called.
    chat.say('lmao Initech wants me to "circle back" on the 30th. circle back deez nuts. fine')
    promise = chat.checkpoints(2)[0].promise
    assert (promise.kind, promise.on.isoformat()) == (PromiseKind.YOU_CALL_ON, "2026-11-30")
    # After a call, the person's own plan is not their word.
    chat.say("called 2 answered")
    said = chat.text("I'm going to call back monday")
    assert said.startswith("That's your own plan")
    chat.say("no news yet")
    # "Called …, Dana picked up, she said call back Monday": the call and her word.
    chat.say("Called Initech, Dana picked up, she said call back Wednesday")
    promise = chat.checkpoints(2)[0].promise
    assert (promise.kind, promise.on.isoformat()) == (PromiseKind.YOU_CALL_ON, "2026-11-25")
    # "remind me in 20": minutes or hours, asked.
    assert list(choices(chat.say("remind me about acme in 20"))) == [
        "In 20 minutes", "In 20 hours", "Don't snooze"]
    chat.say("Don't snooze")
    # Answers: a title with a remark after it, "like", "the … one"; names spelled out.
    chat.say("add Globex")
    chat.say("warehouse lead. which is a step DOWN from what I did for 9 years but here we are")
    chat.say("tomorrow 11am")
    chat.say("a guy named Frank and the CEO")  # the CEO is not named: asked again
    chat.say("Frank Ocean and Priya Nair that's N A I R")
    globex = chat.checkpoints(3)[0]
    assert globex.role == "warehouse lead"
    assert [p.name for p in globex.interviewers] == ["Frank Ocean", "Priya Nair"]


def test_studied_in_the_twenty_seventh_session_auto_replies_zones_and_pending_adds(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # An out-of-office reply names when they are back, not their word: asked.
    replies = chat.say("Out of Office: Jane Smith\nI am away from Wednesday 25 November through "
                       "Monday 30 November. I will reply to your message when I return.")
    assert choices(replies) and chat.checkpoints(1)[0].promise is None
    chat.say("No")
    # A company spelled out, with what was said about how.
    assert chat.text("the company is spelled Akme, with a k. not Acme").endswith(
        "the company is now Akme (was Acme).")
    assert chat.text("Initech's proper name is INITECH, all caps, like on their website"
                     ).endswith("the company is now INITECH (was Initech).")
    # Two requests joined by "and add …": neither done alone.
    assert "two things" in chat.text("jane's email is jsmith@acme.com and add Bob Lin from HR "
                                     "too")
    chat.say("No")
    # "called Dana, she said …": the call was answered, and her word is recorded with it.
    chat.say("called Dana, she said decision by Dec 4 now")
    initech = chat.checkpoints(2)[0]
    assert [c.result for c in initech.calls] == [CallResult.ANSWERED]
    assert initech.promise.on.isoformat() == "2026-12-04"
    # A zone's letters after the time are that zone: 8am in Singapore is 7pm here.
    chat.say("add Grab, ops lead, Wed 25 Nov 8am SGT w/ Wei Ling Tan")
    grab = chat.checkpoints(3)[0]
    assert grab.starts_at.astimezone(NEW_YORK).isoformat().startswith("2026-11-24T19:00")
    # Told about an interview not yet added, the offer to add it comes first.
    chat.say("had an interview yesterday arvo at Canva for a content designer job, 2pm, with "
             "Mia Wong and Tom O'Brien. They said they'd let me know by next Friday")
    said = chat.text("sent tom his thank you")
    assert said.startswith("That's about the interview I haven't added yet")
    # Titles taken from what was pasted, or asked again.
    chat.say("No")
    chat.say("add Globex")
    chat.say('they wrote "thanks for your interest in the staff accountant opening, we\'d '
             'like to set up a call"')
    chat.say("tomorrow 11am")
    chat.say("Ana María López y JP")
    globex = next(i for i in (chat.checkpoints(n)[0] for n in (4, 5)) if i.company == "Globex")
    assert globex.role == "staff accountant"
    assert [p.name for p in globex.interviewers] == ["Ana María López", "JP"]


def test_studied_in_the_twenty_seventh_session_learners_english_and_loose_references(
        chat: Chat) -> None:
    chat.say(ACME)
    # A position cancelled, said as a learner says it, is their news, not a stop.
    chat.say("Acme tell me the position is cancel because no budget")
    assert chat.checkpoints(1)[0].outcome is Outcome.HEARD
    chat.say(INITECH)
    # With one open interview, "the other one" is asked about.
    assert chat.text("stop tracking the other one").startswith("Which one is the other one?")
    assert chat.checkpoints(2)[0].outcome is None
    # A time put right, the interview named by its job, is never a new title.
    said = chat.text("the qa job was at 10:30 actually, not 10")
    assert chat.checkpoints(2)[0].role == "QA engineer" and "time" in said
    # A name spelled out letter by letter after it was said, once.
    assert chat.text("Raj's surname is Patil. P-A-T-I-L. not Patel").endswith(
        "Raj Patel is now Raj Patil.")
    # The person's own word to Jane is no promise of theirs.
    chat.text("I told Dana I'd call her Friday")
    assert chat.checkpoints(2)[0].promise.on.isoformat() == "2026-11-27"  # as added
    # "10:00 o'clock", as German speakers write it, is ten.
    chat.say("Today morning I had interview in Siemens Healthineers for service technician "
             "position, 10:00 o'clock, with Mr. Klaus Berger and Mrs. Aylin Demir")
    siemens = chat.checkpoints(3)[0]
    assert siemens.starts_at.astimezone(NEW_YORK).hour == 10
    # Titles said with a learner's apology, a remark after, a name for the bot.
    for said, role in (("Is for position of pastry chef, sorry my english", "pastry chef"),
                       ("shift lead. i quit the barista job last month so this'd be a step up",
                        "shift lead"),
                       ("front-end developer na ka", "front-end developer")):
        chat.say("add Globex")
        chat.say(said)
        chat.say("tomorrow 11am")
        chat.say("done")  # no one's name: asked again
        chat.say("Sam Lee")
        chat.say("no")
        chat.say("skip")
        latest = max(i for i in range(4, 7)
                     if chat.runtime.repo.find_interview(
                         chat.runtime.repo.person_for(chat.who, "America/New_York",
                                                      chat.runtime.settings.quiet).id, i))
        globex = chat.checkpoints(latest)[0]
        assert globex.role == role and [p.name for p in globex.interviewers] == ["Sam Lee"]


def test_found_by_hand_in_berlin_two_courtesy_titles_and_a_note_sent_to_both(
        chat: Chat) -> None:
    # "Herr Dr. Klaus Becker": two courtesy titles before the name; "Herr Dr" alone is no one.
    said = chat.text("today 9:30 I had interview with Bosch for the position embedded software "
                     "engineer, interviewers Herr Dr. Klaus Becker and Frau Anna Schmidt. They "
                     "will decide in 2 weeks")
    assert "Herr Dr;" not in said
    bosch = chat.checkpoints(1)[0]
    assert len(bosch.interviewers) == 2 and bosch.interviewers[1].name.endswith("Anna Schmidt")
    # "to both" is to everyone on it.
    chat.say("sent the thank you to both")
    assert _notes_sent(chat, 1) == {p.name for p in bosch.interviewers}


def test_studied_in_the_twenty_seventh_session_swaps_call_talk_and_short_numbers(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # One interviewer swapped for another: two changes, asked one at a time.
    said = chat.text("jane smith wasn't there in the end, Olu Adeyemi did it instead")
    assert said.startswith("Take Jane Smith off #1 and add Olu Adeyemi?")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jane Smith"]
    # A number a digit short is not kept.
    assert "short" in chat.text("jane's number is 212-555-019")
    assert "short" in chat.text("her number is 212-555-019")  # whoever she is
    # An email about pulling out is the person's no, never a thank-you sent.
    chat.say("Emailed Jane tonight and told her I'm pulling my name out of the running, I "
             "accepted another job this afternoon. Thanks for all the help!")
    assert chat.checkpoints(1)[0].outcome is Outcome.WITHDREW
    # After a call, who picked up is no change to who interviewed.
    chat.say("called 2 answered")
    chat.say("it was Dana not Raj who picked up btw")
    assert [p.name for p in chat.checkpoints(2)[0].interviewers] == ["Dana Wu", "Raj Patel"]
    # A day's name left over from an add line is no one's name.
    chat.say("no news yet")
    chat.say("add another: Hooli, product manager, Wed the 25th 10am with Gavin Belson")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == ["Gavin Belson"]


def test_found_by_hand_in_los_angeles_a_clock_said_roughly(chat: Chat) -> None:
    # "this morning around 10 for the … job": 10, not the morning's 9
    chat.say("hey so I had my interview at Patagonia this morning around 10 for the retail "
             "associate job, talked to Marisol Vega and Jake Ortiz")
    patagonia = chat.checkpoints(1)[0]
    assert patagonia.starts_at.astimezone(NEW_YORK).hour == 10
    # A greeting before a title is the project's own greeting pattern.
    chat.say("add Globex")
    chat.say("hey there, barista")
    chat.say("tomorrow 11am")
    chat.say("Sam Lee")
    assert chat.checkpoints(2)[0].role == "barista"
    # Thanks said to the coach get a person's answer, not "I don't know the command".
    assert chat.text("thanks for the help").startswith("You're welcome!")


def test_studied_in_the_twenty_eighth_session_stories_titles_and_names(chat: Chat) -> None:
    # A possessive is part of a title; "tonight" ends a company's name in lower case.
    chat.say("Interviewed at Brooklyn Public Library this morning (10:30) for the children's "
             "librarian post. The panel was Siobhan Gallagher and Dafydd Rees.")
    library = chat.checkpoints(1)[0]
    assert (library.company, library.role) == ("Brooklyn Public Library", "children's librarian")
    chat.say("night auditor interview at marriott tonight 11pm w/ Ilse Vogt")
    assert chat.checkpoints(2)[0].company.lower() == "marriott"
    # "New one!!" only says an add follows; "outta" is everyday talk, not a new fact.
    chat.say("New one!! Cirque du Soleil, event coordinator, this Wednesday 10am, with "
             "Valentina Ruiz and Yuki Sato")
    assert chat.checkpoints(3)[0].company == "Cirque du Soleil"
    said = chat.text("just got outta my interview w/ Schneider National, regional CDL driver, "
                     "today 1pm. talked to Pat Rose and Gene Hollis")
    assert said.startswith("I read that as: a new interview: regional CDL driver at "
                           "Schneider National, today 1pm, with")
    # Titles with who they're said to, a filler, or the level after them.
    for number, (answer, role) in enumerate((
            ("It is Procurement Officer sir", "Procurement Officer"),
            ("project manager. junior.", "junior project manager"),
            ("it's for warehouse supervisor like, pet", "warehouse supervisor")), start=5):
        chat.say("add Globex")
        chat.say(answer)
        chat.say("tomorrow 11am")
        chat.say("Mehret Tesfaye. Only one person.")  # how many, after the name
        chat.say("no")
        chat.say("skip")
        latest = chat.checkpoints(number)[0]
        assert latest.role == role
        assert [p.name for p in latest.interviewers] == ["Mehret Tesfaye"]
    # "a lady calld …": introduced by name, typo and all.
    chat.say("add Globex")
    chat.say("designer")
    chat.say("tomorrow 11am")
    # Keys run together are no one's name (found by hand in Denver time).
    assert chat.text("asdfgh").startswith("I couldn't take “asdfgh” as a name.")
    chat.say("jon smyth and a lady calld agnes rona")
    chat.say("no")
    chat.say("skip")
    assert [p.name for p in chat.checkpoints(8)[0].interviewers] == ["Jon Smyth", "Agnes Rona"]
    # A company and "no answer", nothing else: which of two things is asked, with buttons.
    said = chat.text("marriott no answer")
    assert "did you call and nobody picked up, or have they not got back to you yet?" in said
    assert len(chat.checkpoints(2)[0].calls) == 0
    chat.say("1")
    assert len(chat.checkpoints(2)[0].calls) == 1


def test_studied_in_the_twenty_eighth_session_corrections_and_a_quoted_no(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # "it's spelled …, not …": the spelling put right.
    assert chat.text("it's spelled Jayne, not Jane").endswith("Jane Smith is now Jayne Smith.")
    # The job named, then where it really is: the company put right.
    said = chat.text("the QA job is at Initrode, not Initech. my bad")
    assert chat.checkpoints(2)[0].company == "Initrode" and "was Initech" in said
    # A rejection's own words quoted, with a sigh: a no.
    chat.say("oh great, Acme 'went with a candidate whose experience more closely matches' 🙃")
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED


def test_studied_in_the_twenty_eighth_session_news_on_a_call_and_answers_as_typed(
        chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # News told with the call that brought it: both recorded.
    chat.say("Called Dana, 2nd round wed 1pm!")
    initech = chat.checkpoints(2)[0]
    assert initech.outcome is Outcome.NEXT_ROUND and len(initech.calls) == 1
    assert initech.calls[0].result is CallResult.ANSWERED
    # A day told with a call that says nothing of who picked up: both recorded.
    said = chat.text("called acme - still deciding fri")
    acme = chat.checkpoints(1)[0]
    assert said.startswith("I read that as: Acme (#1): you called, someone picked up")
    assert len(acme.calls) == 1 and acme.promise.on.isoformat() == "2026-11-27"
    # They rang, not the person: no call of theirs recorded.
    chat.say("add Globex, designer, tomorrow 11am with Sam Lee")
    chat.say("wait globex just called, they want me back for another round!!")
    globex = chat.checkpoints(3)[0]
    assert globex.outcome is Outcome.NEXT_ROUND and len(globex.calls) == 0


def test_studied_in_the_twenty_eighth_session_answers_to_the_questions(chat: Chat) -> None:
    chat.say(ACME)
    # Titles as people type them while the role is asked; who they met is no title.
    for number, (answer, role) in enumerate((
            ("era para registered nurse, en el hospital de Globex", "registered nurse"),
            ("the role was warehouse operations lead period", "warehouse operations lead"),
            ("Job Title: Technical Writer II | Req #48213 | Location: Remote (US)",
             "Technical Writer II"),
            ("its fro a paralegal role", "paralegal"),
            ("frontend developer ka role tha yaar", "frontend developer"),
            ("poste de chef de projet, donc project manager en anglais", "project manager")),
            start=2):
        chat.say("add Globex")
        assert chat.text("the recruiter was Priya Nair").startswith("I need the job title")
        assert chat.text("sorry, wrong chat 🙈 that was meant for my brother").startswith(
            "Understood, that wasn't for me: I changed nothing.")
        chat.say(answer)
        chat.say("tomorrow 11am")
        chat.say("Mit Jonas Weber und Katrin Vogel" if number % 2 else "ngozi adeyemi n josh kim")
        chat.say("no")
        chat.say("skip")
        added = chat.checkpoints(number)[0]
        assert added.role == role
        assert [p.name for p in added.interviewers] == (
            ["Jonas Weber", "Katrin Vogel"] if number % 2 else ["Ngozi Adeyemi", "Josh Kim"])
    # After a call, another company's news is nobody's news here.
    chat.say("called 1 answered")
    said = chat.text("offer!! but from a different company lol, Acme just said wait")
    assert "another company" in said and chat.checkpoints(1)[0].outcome is None


def test_studied_in_the_twenty_eighth_session_long_messages_and_first_stories(
        chat: Chat) -> None:
    # With nothing tracked, a time said of an interview is a new one, never a correction.
    said = chat.text("Oscorp interview is tomorrow 10:30am, lab assistant, with Dr. Otto "
                     "Octavius.")
    assert said.startswith("I read that as: a new interview: lab assistant at Oscorp")
    # A clock put right as it is said, and who interviewed them said as a sentence.
    said = chat.text("I had an interview at Brightwater Logistics for the supervisor job, it "
                     "was this morning at nine thirty no wait it was ten, the guy who "
                     "interviewed me was Marcus Feld")
    assert "this morning at 10, with Marcus Feld" in said
    # Asked to call on a day, in an add line: the person's call, on that day.
    chat.say("new interview: Redfern Bio, lab research associate, Friday Nov 20 1:30pm with "
             "Hannah Okafor. they asked me to call on Monday the 30th")
    redfern = chat.checkpoints(3)[0]
    assert redfern.promise.kind is PromiseKind.YOU_CALL_ON
    assert redfern.promise.on.isoformat() == "2026-11-30"
    # Second thoughts about their own words after the news are no doubt of it.
    said = chat.text("I sent the thank you email to Hannah at Redfern Bio. Now I'll probably "
                     "lie awake wondering if I should've used 'Best' or 'Kind regards'.")
    assert said.startswith("I read that as: Your thank-you to Hannah Okafor")


def test_studied_in_the_twenty_eighth_session_second_round_of_probes(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A no without whose, with one tracked that fits: whose is asked.
    chat.say("cancel 2")
    said = chat.text("just got a rejection email 😞")
    assert said.startswith("A no: I'm sorry. Is it from Acme (#1)")
    assert chat.checkpoints(1)[0].outcome is None
    chat.say("2")  # another company
    # A note to Jane and to someone not on the interview: asked.
    assert chat.text("sent a thank you to Jane and the other guy").startswith(
        "Did your thank-you for Acme (#1) go out?")
    chat.say("2")
    # "… and also …": two requests, one at a time.
    assert chat.text("snooze acme till tomorrow and also change the role to senior "
                     "analyst").startswith("You told me two things there")
    chat.say("2")
    # A day this month lacks is asked, not moved to the next month that has it.
    assert chat.text("snooze acme till the 31st").startswith("November has no 31st")
    # A stop with an offer from somewhere else: the stop, never Acme's offer.
    chat.say("stop reminding me about acme, I already accepted an offer somewhere else")
    assert chat.checkpoints(1)[0].outcome is Outcome.CANCELLED


def test_studied_in_the_twenty_eighth_session_a_snooze_because_of_their_word(
        chat: Chat) -> None:
    chat.say(INITECH)
    # Their word, then "so leave me alone … till then": the snooze, to their day.
    chat.say("Initech isn't deciding until Friday so leave me alone about them till then")
    initech, steps = chat.checkpoints(1)
    assert initech.promise.on.isoformat() == "2026-11-27"  # as added, unchanged
    snoozed = [cp for cp in steps if cp.snoozed]
    assert [cp.due_at.astimezone(NEW_YORK).date().isoformat() for cp in snoozed] == [
        "2026-11-27"]
    # "— wait that's thanksgiving": the day taken back, nothing moved.
    said = chat.text("snooze initech till thursday — wait that's thanksgiving. wednesday then")
    assert "took part of that back" in said
    # One note sent, the other still being written.
    chat.say("Dana's thank-you is sent. Raj's I'm still writing.")
    assert _notes_sent(chat, 1) == {"Dana Wu"}


def test_studied_in_the_twenty_eighth_session_moves_said_plainly(chat: Chat) -> None:
    chat.say(ACME)
    # Moved, no company said, with one interview open: that one.
    said = chat.text("interview moved to tomorrow at 4pm")
    assert said.startswith("I read that as: Correcting #1 Acme.")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).hour == 16
    # "have moved me to …", "the … interview got moved to …" (no time: asked).
    chat.say("Acme have moved me to Friday week, 10am")
    assert chat.checkpoints(1)[0].starts_at.astimezone(NEW_YORK).date().isoformat() == \
        "2026-12-04"
    assert chat.text("the acme interview got moved to monday").startswith("Moved to when?")
    # Corrections in everyday words.
    chat.text("You've got Jane's name wrong. It's Jayne, with a y.")
    assert [p.name for p in chat.checkpoints(1)[0].interviewers] == ["Jayne Smith"]
    chat.say("role should be senior data analyst not just data analyst")
    assert chat.checkpoints(1)[0].role == "senior data analyst"
    # A surname put right after the person's first name; a number given, said so.
    chat.say(INITECH)
    assert chat.text("Raj is Patil not Patel").endswith("Raj Patel is now Raj Patil.")
    chat.say("raj gave me his cell, (917) 555-0177")
    assert [p.phone for p in chat.checkpoints(2)[0].interviewers][1] == "(917) 555-0177"


def test_studied_in_the_twenty_eighth_session_snoozes_with_chat_after(chat: Chat) -> None:
    chat.say(ACME)
    # "remind me again … later", "remind me for the … in 1 hour": the time, read.
    said = chat.text("remind me for the Acme letter in 1 hour")
    assert "until Mon 2026-11-23 17:30 EST" in said
    # A time, then why: the time read; which 7 is asked.
    assert chat.text("remind me at 7 im still at work").startswith(
        "Remind you about Acme (#1) at which 7:00?")
    chat.say("3")
    # A clock's zone after it is never dropped: asked, not taken on my own clock.
    said = chat.text("remind me at 6 London time")
    assert "18:00 EST" not in said and "Snoozed" not in said
    # "thank yous … are out": the notes went out.
    chat.say(INITECH)
    assert chat.text("thank yous to Dana and Raj are out 📨").startswith(
        "I read that as: Your thank-you notes for Initech (#2) went out.")
    assert _notes_sent(chat, 2) == {"Dana Wu", "Raj Patel"}


def test_studied_in_the_twenty_eighth_session_outcomes_in_everyday_words(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    chat.say("Initech have rung, sadly I've not been successful this time")
    assert chat.checkpoints(2)[0].outcome is Outcome.REJECTED
    # A verbal offer alone waits for paper: asked, nothing closed.
    chat.say("Acme gave me a verbal offer on the phone!! paperwork after the holiday")
    assert chat.checkpoints(1)[0].outcome is None
    chat.say("2")
    chat.say("yeah nah, didn't get the Acme one. gutted")
    assert chat.checkpoints(1)[0].outcome is Outcome.REJECTED


def test_studied_in_the_twenty_ninth_session_days_and_stories(chat: Chat) -> None:
    chat.say(ACME)
    # A short weekday before "the 25th" names it: never October's 25th, a Sunday, because a
    # remark after it is in the past tense.
    chat.say("add another: Vinoteca Hudson, wine director, wed the 25th 3pm, with Laurent "
             "Picard & Sofia Reyes. (they poured me a '19 Barolo mid-interview, pretty sure "
             "that was the test)")
    wine = chat.checkpoints(2)[0]
    assert wine.starts_at == datetime(2026, 11, 25, 15, tzinfo=NEW_YORK)
    # One day or another, not remembered: the day is asked, nothing is added on a guess.
    said = chat.text("Add Lotus Path Studios, lead instructor, with Anika Rao. it was the 17th "
                     "or the 18th, can't remember 🙏")
    assert said.startswith("I couldn't read “the 17th or the 18th”")
    chat.say("cancel")
    # How the news came is no part of the company's name; "930 am" is half past nine.
    chat.say("New one — Brightwave Labs just called, phone screen for junior product "
             "manager Wed 25th at 3pm with Omar Haddad")
    assert chat.checkpoints(3)[0].company == "Brightwave Labs"
    chat.say("add interview Lakeshore Credit Union for member service representative last "
             "Tuesday at 930 am with Bernadette Quinn comma she said they will decide by "
             "Friday period it went okay")
    credit = chat.checkpoints(4)[0]
    assert credit.starts_at == datetime(2026, 11, 17, 9, 30, tzinfo=NEW_YORK)
    # A weekday promised, told now of a past interview, is the one still to come.
    assert credit.promise is not None and credit.promise.on.isoformat() == "2026-11-27"
    # A word that only shows something, typed with one slip.
    assert chat.text("hlep").startswith("How I can help")
    # "Add …, don't add it": taken back as typed, so nothing is added.
    said = chat.text("Add an interview: Maple & Oak Interiors, showroom assistant, last "
                     "Thursday at 2pm with Gretchen Holm. Actually wait, don't add it, I "
                     "already withdrew from that one.")
    assert said.startswith("You said not to add it after all")


def test_studied_in_the_twenty_ninth_session_news_and_commands_while_asked(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # An offer with an eye-roll is sarcasm: asked, never recorded.
    said = chat.text("oh yeah Acme LOVED me, totally getting an offer 🙄")
    assert "are you still waiting?" in said and chat.checkpoints(1)[0].outcome is None
    chat.say("2")
    # A call and a stop in one line: which is meant is asked, with buttons.
    said = chat.text("called initech twice, no answer both times, just stop bugging me about it")
    assert "Shall I note the call, or stop its reminders?" in said
    assert chat.checkpoints(2)[0].calls == () and chat.checkpoints(2)[0].is_open
    chat.say("3")
    # While the names of a new interview are asked, news of a tracked one runs as itself.
    chat.say("add Globex")
    chat.say("designer")
    chat.say("tomorrow 11am")
    said = chat.text("eh btw I call Initech just now, straight go voicemail")
    assert said.startswith("I read that as: You called Initech (#2) and nobody picked up.")
    assert "Who interviewed you?" in said
    # Names as people give them: a lead-in, courtesies, "only".
    chat.say("Interviewer names are Mr. Karthik Subramanian and Mrs. Lakshmi Narayanan only.")
    chat.say("no")
    chat.say("skip")
    assert [p.name for p in chat.checkpoints(3)[0].interviewers] == [
        "Mr. Karthik Subramanian", "Mrs. Lakshmi Narayanan"]
    chat.say("add Hooli, designer, tomorrow 3pm with Sato-san (Yuki Sato)")
    assert [p.name for p in chat.checkpoints(4)[0].interviewers] == ["Yuki Sato"]
    # An e-mail and a phone for someone, asked for together: one at a time, nothing lost.
    said = chat.text("Jane Smith | jsmith@acme.com | 212-555-0144\nadd her email and phone")
    assert said.startswith("I can take Jane Smith's e-mail and phone one at a time")
    assert chat.checkpoints(1)[0].interviewers[0].email is None


def test_studied_in_the_twenty_ninth_session_remarks_pauses_and_mixed_languages(
        chat: Chat) -> None:
    # A story's remarks ("I wore my dad's blazer …", "she was really nice …", "the commute
    # is brutal") hold no fact: every fact being clear, it is added, not offered.
    said = chat.text("also interviewed at Acme for a data role, with Tom Ng today at 3, the "
                     "commute is brutal")
    assert said.startswith("I read that as: a new interview: data at Acme")
    chat.say("delete acme")
    said = chat.text("Okay so I finally had my first real interview!! It was at Brightwater "
                     "Analytics for the junior data engineer role, last Thursday at 10am. I "
                     "wore my dad's blazer which was way too big lol. The interviewer was Karen "
                     "Oduya, she was really nice and asked me about SQL joins. She said they "
                     "will decide by Friday.")
    assert said.startswith("I read that as: a new interview: junior data engineer at "
                           "Brightwater Analytics")
    chat.say(INITECH)
    # A call and a pause: the call is offered, the pause left to them.
    said = chat.text("called initech, no one picked up. stop for today")
    assert "Shall I note the call?" in said and chat.checkpoints(2)[0].calls == ()
    chat.say("2")
    # A note "to" someone whose name is on no interview there: whose is asked.
    said = chat.text("sent the thank you to dan a woo at initech")
    assert said.startswith("Did your thank-you for Initech (#2) go out?")
    chat.say("2")
    # Told as gone by, with a bare weekday still to come: asked, nothing moved.
    said = chat.text("the brightwater interview was actually Friday")
    assert said.startswith("Change Brightwater Analytics (#1): it was Friday?")
    assert chat.checkpoints(1)[0].starts_at == datetime(2026, 11, 19, 10, tzinfo=NEW_YORK)
    chat.say("2")
    # Taken back in Hindi: nothing deleted.
    said = chat.text("Initech wala delete kar do... actually nahi, rehne do abhi")
    assert "I changed nothing" in said and chat.checkpoints(2)[0].is_open
    # A title, then a remark in Spanish; "brb" is no title.
    chat.say("add Globex")
    assert chat.text("Moment, mein Hund bellt, brb").startswith("I need the job title")
    chat.say("Era para junior data engineer, bien chido el lugar")
    chat.say("tomorrow 11am")
    chat.say("maria de la cruz + jp o'brien")
    chat.say("no")
    chat.say("skip")
    globex = chat.checkpoints(3)[0]
    assert globex.role == "junior data engineer"
    assert [p.name for p in globex.interviewers] == ["Maria de la Cruz", "Jp O'Brien"]


def test_studied_in_the_twenty_ninth_session_take_backs_and_whose(chat: Chat) -> None:
    chat.say(ACME)
    chat.say(INITECH)
    # A change taken back as it is typed changes nothing.
    chat.say("change the company to Acme Holdings... nah forget it, leave it")
    assert chat.checkpoints(1)[0].company == "Acme"
    # What they did not say is no promise; what they did say is.
    chat.say("Correction: Initech didn't say they'd decide by Friday, they said they'd email "
             "me by Wednesday")
    promise = chat.checkpoints(2)[0].promise
    assert promise is not None and promise.on.isoformat() == "2026-11-25"
    # A note to one of two, the other skipped: only hers is marked.
    chat.say("sent Raj a thank-you, didn't bother with Dana, she was rude")
    initech, steps = chat.checkpoints(2)
    notes = {cp.interviewer_id: cp.state for cp in steps
             if cp.kind is CheckpointKind.THANK_YOU}
    raj = next(p.id for p in initech.interviewers if p.name == "Raj Patel")
    dana = next(p.id for p in initech.interviewers if p.name == "Dana Wu")
    assert notes[raj] is CheckpointState.DONE and notes[dana] is not CheckpointState.DONE
    # Written, not sent yet: asked.
    said = chat.text("i wrote the thank you for jane but didnt send yet")
    assert said.startswith("Did your thank-you for Acme (#1) go out?")
    chat.say("2")
    # A job named by its employer's kind that no interview is: asked, nothing stopped.
    said = chat.text("stop reminding me about the bank job, not interested anymore")
    assert "?" in said and chat.checkpoints(1)[0].is_open and chat.checkpoints(2)[0].is_open
    # Found by hand in Kolkata time: a number in another country's shape is still a number
    # (nothing dropped), and certainty in capitals is asked with their call, not yours.
    said = chat.text("Jane's email is jane@acme.com and her number is 98450 12345")
    assert said.startswith("I can take Jane Smith's e-mail and phone one at a time")
    assert chat.checkpoints(1)[0].interviewers[0].email is None
    said = chat.text("oh yeah acme will TOTALLY call me tomorrow 🙄")
    assert said.startswith("Is that Acme's word on what happens next (#1): they'll be in "
                           "touch by Tue 24 Nov?")
