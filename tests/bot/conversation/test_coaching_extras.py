"""The better coach through the conversation: tone, checks, outcomes, calendars, stats."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bot.content.calendar_file import feed_token_hash
from bot.model import CheckpointKind, CheckpointState
from tests.chat import ME

ACME = ("add Acme, data analyst, today 2pm with Jane Smith (jane@acme.com), "
        "they'll decide by Friday")


def test_tone_changes_how_the_thank_you_draft_reads(chat):
    sent = chat.delivered
    assert "warm" in chat.text("tone warm")
    chat.say(ACME)
    chat.runtime.deliverer.deliver_due()
    body = sent[0].reply.drafts[0].body
    assert body.startswith("Hi Jane,") and "either way" in body
    assert sent[0].reply.drafts[0].mailto.startswith("mailto:jane@acme.com?subject=")
    assert "Choose `tone formal`" in chat.text("tone shouty")


def test_check_flags_a_misspelt_name_and_a_typo(chat):
    chat.say(ACME)
    shown = chat.text("check 1 Dear Jane Smyth, thank you for the oppurtunity at Acne.")
    assert "“Jane Smyth”: did you mean “Jane Smith”?" in shown
    assert "“oppurtunity”: did you mean “opportunity”?" in shown
    assert "“Acne”: did you mean “Acme”?" in shown
    assert "no spelling slips" in chat.text("check 1 Dear Jane Smith, thank you "
                                            "for meeting me at Acme.")


@pytest.mark.parametrize("line", ["sent 1 by linkedin", "can I thank her by text message?"])
def test_a_thank_you_by_text_or_social_media_is_talked_out_of(chat, line):
    chat.say(ACME)
    shown = chat.text(line)
    assert "90%" in shown and "Email" in shown
    rows = chat.runtime.repo.checkpoints_for(chat.runtime.repo.find_interview(1, 1).id)
    assert all(r.state is not CheckpointState.DONE for r in rows)


def test_an_offer_gets_a_checklist_and_a_rejection_a_gracious_reply(chat):
    chat.say(ACME)
    offer = chat.text("heard 1 offer")
    assert "in writing" in offer and "reflect" in offer
    chat.say("add Initech, QA lead, today 10am with Bob Lee")
    rejected = chat.say("heard 2 rejected")
    draft = rejected[0].drafts[0]
    assert "feedback" in draft.body and "keep me in mind" in draft.body


def test_the_calendar_file_lists_every_step_in_utc(chat):
    chat.say(ACME)
    [reply] = chat.say("calendar")
    [attachment] = reply.files
    assert attachment.mime == "text/calendar"
    calendar = Calendar.from_ical(attachment.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    rows = chat.runtime.repo.checkpoints_for(chat.runtime.repo.find_interview(1, 1).id)
    call = next(r for r in rows if r.kind is CheckpointKind.FIRST_CALL)
    start = events[f"checkpoint-{call.id}@followup-bot"].decoded("DTSTART")
    assert start == datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 10:00 in New York
    assert str(calendar["X-WR-TIMEZONE"]) == "America/New_York"


@pytest.mark.settings(public_url="https://bot.example")
def test_a_calendar_feed_link_follows_the_plan_and_reset_revokes_it(chat):
    chat.say(ACME)
    link = chat.text("calendar feed")
    token = link.split("/calendar/")[1].split(".ics")[0]
    assert link.count("https://bot.example/calendar/") == 1 and len(token) >= 40
    first = chat.runtime.coach.calendar_feed(token)
    assert b"BEGIN:VCALENDAR" in first
    chat.say("promised 1 they now say next Wednesday")
    assert chat.runtime.coach.calendar_feed(token) != first  # changes show up in the feed
    chat.say("calendar reset")
    assert chat.runtime.coach.calendar_feed(token) is None
    assert chat.runtime.coach.calendar_feed("not-a-token") is None


@pytest.mark.settings(public_url="https://bot.example")
def test_a_feed_token_is_shown_once_and_only_its_hash_is_kept(chat):
    chat.say(ACME)
    link = chat.text("calendar feed")
    token = link.split("/calendar/")[1].split(".ics")[0]
    person = chat.runtime.repo.find_person(ME)
    assert person.calendar_token_hash == feed_token_hash(token) != token

    again = chat.text("calendar feed")  # the link cannot be shown again…
    assert token not in again and "/calendar/" not in again
    assert "can't show it again" in again and "`calendar reset`" in again
    assert chat.runtime.coach.calendar_feed(token) is not None  # …and it still works

    fresh = chat.text("calendar reset")
    new_token = fresh.split("/calendar/")[1].split(".ics")[0]
    assert new_token != token and "the old link no longer works" in fresh
    assert chat.runtime.coach.calendar_feed(new_token) is not None


def test_stats_come_as_text_and_a_png_chart(chat):
    chat.say(ACME)
    chat.say("sent 1")
    [reply] = chat.say("stats")
    assert "1 of 1 sent" in reply.text
    [chart] = reply.files
    assert chart.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_a_call_skips_thanksgiving_for_a_user_in_new_york(chat):
    chat.say("add Acme, analyst, today 2pm with Jane Smith, call me on Thursday")
    rows = chat.runtime.repo.checkpoints_for(chat.runtime.repo.find_interview(1, 1).id)
    [call] = [r for r in rows if r.kind is CheckpointKind.FIRST_CALL]
    here = call.due_at.astimezone(ZoneInfo("America/New_York"))
    assert (here.date().isoformat(), here.hour) == ("2026-11-27", 10)


def test_an_employer_abroad_gets_called_in_its_office_hours(chat):
    shown = chat.text("add Acme, analyst, today 9am with Jane Smith, employer in "
                      "Europe/Berlin, call me on Wednesday")
    assert "Added #1" in shown
    interview = chat.runtime.repo.find_interview(1, 1)
    assert interview.employer_tz == "Europe/Berlin"
    [call] = [r for r in chat.runtime.repo.checkpoints_for(interview.id)
              if r.kind is CheckpointKind.FIRST_CALL]
    there = call.due_at.astimezone(ZoneInfo("Europe/Berlin"))
    here = call.due_at.astimezone(ZoneInfo("America/New_York"))
    assert 9 <= there.hour < 17 and 9 <= here.hour < 17
