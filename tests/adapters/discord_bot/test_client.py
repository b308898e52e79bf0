"""The Discord bot end to end, offline: real discord.py client code against a REST stand-in.

Gateway events (slash commands, buttons, modal submits, DMs) are fed to the client's
connection state as Discord would send them; assertions read the REST calls it made.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

import pytest

from adapters.discord_bot.client import FollowupClient, build_client, run_discord
from adapters.discord_bot.commands import SUBCOMMANDS
from adapters.discord_bot.modal import problem_lines
from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from bot.model import CheckpointKind, CheckpointState, Identity, Outcome, Platform
from bot.ports.clock import SimulatedClock
from tests.standins.discord_api import (
    APP_ID,
    GUILD_CHANNEL_ID,
    GUILD_ID,
    BotProcess,
    DiscordApiStandIn,
    advance_until,
    answer_text,
    button,
    dm_message,
    followups,
    modal_submit,
    only,
    slash_command,
)

ADA = 4_242_424_242_424_242
EPHEMERAL = 64


def confirm_zone(bot: BotProcess, zone: str = "America/New_York") -> None:
    bot.command("tz", zone=zone)


# --- start-up -----------------------------------------------------------------------------
def test_login_registers_the_followup_command_group_globally(bot: BotProcess) -> None:
    put = only(bot.api.calls, "PUT", "/commands")
    assert put.path == f"/applications/{APP_ID}/commands"
    group, menu = put.json
    assert group["name"] == "followup"
    assert (menu["name"], menu["type"]) == ("Follow up on this", 3)  # on a message
    assert [o["name"] for o in group["options"]] == list(SUBCOMMANDS)
    assert group["contexts"] == [0, 1]  # servers and DMs with the bot


def test_a_guild_id_registers_the_commands_in_that_server_only(
        runtime: Runtime, discord_settings: Settings, api: DiscordApiStandIn) -> None:
    guild_settings = discord_settings.model_copy(update={"discord_guild_id": GUILD_ID})
    world = BotProcess(build_client(runtime, guild_settings), runtime, api, ADA)
    try:
        put = only(api.calls, "PUT", "/commands")
        assert put.path == f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
    finally:
        world.close()


def test_run_without_a_token_says_so_in_one_line_and_exits_2(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_discord(settings)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DISCORD_TOKEN" in err


# --- slash commands -----------------------------------------------------------------------
def test_a_slash_command_is_deferred_then_answered_privately_in_a_server(bot: BotProcess) -> None:
    calls = bot.command("list")
    callback = only(calls, "POST", "/callback")
    assert callback.json["type"] == 5  # "thinking…", sent before the core runs
    assert callback.json["data"]["flags"] & EPHEMERAL
    (answer,) = followups(calls)
    assert answer.json["flags"] & EPHEMERAL
    assert "No interviews yet" in answer.text
    assert answer.json["allowed_mentions"] == {"parse": []}
    assert calls.index(callback) < calls.index(answer)


def test_the_first_add_asks_for_the_time_zone_then_rereads_the_interview_in_it(
        bot: BotProcess) -> None:
    calls = bot.command("add", company="Acme", role="Data analyst", when="today 2pm",
                        interviewers="Jane Smith")
    assert "which time zone" in answer_text(calls)

    calls = bot.dm("Chicago")  # DMs and commands are one conversation
    (reply,) = [c for c in calls if c.method == "POST" and "/messages" in c.path]
    assert "Added #1" in reply.text
    person = bot.runtime.repo.person_for(Identity(Platform.DISCORD, "dm", str(ADA)),
                                         "UTC", bot.runtime.coach.defaults.quiet)
    assert person.tz == "America/Chicago" and person.tz_confirmed
    (interview,) = bot.runtime.repo.list_interviews(person.id)
    assert interview.starts_at.astimezone(ZoneInfo("America/Chicago")).hour == 14


def test_answer_passes_free_text_to_the_pending_question(bot: BotProcess) -> None:
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    calls = bot.command("answer", text="Europe/Berlin")
    assert "Added #1" in answer_text(calls)


def test_a_slash_command_mid_question_runs_and_the_question_comes_back(
        bot: BotProcess) -> None:
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")  # asks for the time zone
    text = answer_text(bot.command("list"))
    assert "No interviews yet" in text  # the command ran, not taken as a zone
    assert text.count("which time zone") == 1  # and the question is asked again, once

    (reply,) = [c for c in bot.dm("Chicago") if c.method == "POST" and "/messages" in c.path]
    assert "Added #1" in reply.text  # still answerable where it was asked


def test_a_dm_mid_question_is_an_answer_unless_plainly_a_command(bot: BotProcess) -> None:
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    # `list` is nobody's time zone: it runs, and the question comes back.
    replies = [c for c in bot.dm("list") if c.method == "POST" and "/messages" in c.path]
    shown = " ".join(c.text for c in replies)
    assert "No interviews yet" in shown and "time zone" in shown
    replies = [c for c in bot.dm("Chicago") if c.method == "POST" and "/messages" in c.path]
    assert "Added #1" in " ".join(c.text for c in replies)


def test_followup_tz_answers_the_pending_zone_question_and_adds_the_interview(
        bot: BotProcess) -> None:
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    text = answer_text(bot.command("tz", zone="America/Chicago"))
    assert "Time zone set to America/Chicago" in text
    assert "Added #1" in text and "which time zone" not in text
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(ADA)))
    assert person is not None and person.tz_confirmed
    assert bot.runtime.repo.get_conversation(person.id) is None
    (interview,) = bot.runtime.repo.list_interviews(person.id)
    assert interview.starts_at.astimezone(ZoneInfo("America/Chicago")).hour == 14


def test_complete_add_options_reach_the_core_as_typed_fields_with_commas_kept(
        bot: BotProcess) -> None:
    confirm_zone(bot)
    text = answer_text(bot.command("add", company="Acme, Inc.", role="Data analyst, BI",
                                   when="today 2pm", interviewers="Jane Smith, Bob Lee"))
    assert "Added #1: Data analyst, BI at Acme, Inc." in text
    assert "Jane Smith, Bob Lee" in text


def dm_replies(bot: BotProcess, text: str) -> str:
    return "\n".join(c.text for c in bot.dm(text)
                     if c.method == "POST" and "/messages" in c.path)


def test_a_sentence_in_a_dm_acts_and_not_what_i_meant_takes_it_back(bot: BotProcess) -> None:
    confirm_zone(bot)
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(ADA)))
    assert person is not None
    (said,) = [c for c in bot.dm("acme offered me the job!!")
               if c.method == "POST" and "I read that as: An offer from Acme" in c.text]
    assert [i.outcome for i in bot.runtime.repo.list_interviews(person.id)] == [Outcome.OFFER]

    calls = bot.press(int(said.response["id"]), button(said, "not_meant"))
    assert "OK, not that. #1 (Analyst at Acme) is back" in answer_text(calls)
    assert [i.outcome for i in bot.runtime.repo.list_interviews(person.id)] == [None]


def test_a_company_too_long_in_a_one_line_dm_add_is_named_and_asked_for(
        bot: BotProcess) -> None:
    confirm_zone(bot)
    long_name = "Acme " + "Very" * 30 + " Holdings"
    text = dm_replies(bot, f"add {long_name}, Data analyst, today 3pm, Bob Lee")
    assert "too long for a company name" in text and "Acme VeryVery" in text
    assert "Which company" in text
    assert "Added #1: Data analyst at Acme Holdings" in dm_replies(bot, "Acme Holdings")


def test_terminal_escape_codes_leave_no_residue(bot: BotProcess) -> None:
    confirm_zone(bot)
    text = dm_replies(bot, "add \x1b[1;31mAcme\x1b[0m, \x1b[4mData analyst\x1b[m, today 3pm, "
                           "\x1b]0;title\x07Bob Lee")
    assert "Added #1: Data analyst at Acme" in text
    assert "[31m" not in text and "[0m" not in text and "title" not in text
    (interview,) = bot.runtime.repo.list_interviews(bot.runtime.repo.find_person(
        Identity(Platform.DISCORD, "dm", str(ADA))).id)
    assert (interview.company, interview.role) == ("Acme", "Data analyst")
    assert [p.name for p in interview.interviewers] == ["Bob Lee"]


def test_an_unreadable_add_option_is_named_and_asked_for_again(bot: BotProcess) -> None:
    confirm_zone(bot)
    text = answer_text(bot.command("add", company="Acme", role="Analyst",
                                   when="the day after never", interviewers="Jane Smith"))
    assert "couldn't read" in text and "When was it" in text
    (reply,) = [c for c in bot.dm("today 2pm") if c.method == "POST" and "/messages" in c.path]
    assert "Added #1: Analyst at Acme" in reply.text


def test_add_without_options_opens_the_form_and_asks_the_zone_until_known(bot: BotProcess) -> None:
    calls = bot.command("add")
    callback = only(calls, "POST", "/callback")
    assert callback.json["type"] == 9  # a modal
    inputs = [row["components"][0]["custom_id"]
              for row in callback.json["data"]["components"]]
    assert inputs == ["company", "role", "when", "people", "zone"]

    confirm_zone(bot)
    calls = bot.command("add", company="Acme")
    modal = only(calls, "POST", "/callback").json["data"]
    rows = [row["components"][0] for row in modal["components"]]
    assert [r["custom_id"] for r in rows] == ["company", "role", "when", "people", "promise"]
    assert rows[0]["value"] == "Acme"  # what was typed as options is kept


def test_a_submitted_form_adds_the_interview_with_commas_kept(bot: BotProcess) -> None:
    opened = only(bot.command("add"), "POST", "/callback").json["data"]
    calls = bot.interaction(modal_submit(ADA, opened["custom_id"], {
        "company": "Acme, Inc.", "role": "Data analyst", "when": "today 2pm",
        "people": "Jane Smith (jane@acme.com), Bob Lee", "zone": "New York",
    }))
    assert only(calls, "POST", "/callback").json["type"] == 5
    text = answer_text(calls)
    assert "Added #1: Data analyst at Acme, Inc." in text
    assert "Jane Smith, Bob Lee" in text


def test_a_form_with_mistakes_gets_a_clear_private_error_and_a_retry_button(
        bot: BotProcess) -> None:
    confirm_zone(bot)
    opened = only(bot.command("add"), "POST", "/callback").json["data"]
    calls = bot.interaction(modal_submit(ADA, opened["custom_id"], {
        "company": "  ", "role": "Analyst", "when": "someday", "people": "the manager",
        "promise": "",
    }))
    (error,) = followups(calls)
    assert error.json["flags"] & EPHEMERAL
    lines = error.text.splitlines()
    # One line per field the core found wrong, named by the modal's labels, in its order.
    assert lines[1:4] == [
        "• **Company**: Please fill this in.",
        "• **When (date and time)**: I couldn't read 'someday' as a date.",
        "• **Interviewers (names as they spell them)**: I need at least one name, the way "
        "they spell it.",
    ]
    assert "Fix and try again" in lines[-1]
    assert bot.runtime.repo.list_interviews(1) == []

    (retry,) = error.custom_ids
    reopened = only(bot.press(int(error.response["id"]), retry), "POST", "/callback").json
    assert reopened["type"] == 9
    values = [row["components"][0].get("value") for row in reopened["data"]["components"]]
    assert values[1:4] == ["Analyst", "someday", "the manager"]  # nothing typed is lost


def test_the_forms_zone_and_promise_problems_name_their_fields(bot: BotProcess) -> None:
    opened = only(bot.command("add"), "POST", "/callback").json["data"]
    form = {"company": "Acme", "role": "Analyst", "when": "today 2pm",
            "people": "Jane Smith", "zone": "Atlantis"}
    (error,) = followups(bot.interaction(modal_submit(ADA, opened["custom_id"], form)))
    assert error.text.splitlines()[1].startswith("• **Your time zone**: I don't know that "
                                                 "time zone")
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(ADA)))
    assert person is not None and not person.tz_confirmed  # a bad form changes nothing

    confirm_zone(bot)
    opened = only(bot.command("add"), "POST", "/callback").json["data"]
    form = {**form, "promise": "sometime maybe"}
    del form["zone"]
    (error,) = followups(bot.interaction(modal_submit(ADA, opened["custom_id"], form)))
    assert error.text.splitlines()[1:-1] == [
        "• **What did they say about next steps?**: I couldn't find a date in that; e.g. "
        "`decide by Friday`."]
    assert bot.runtime.repo.list_interviews(person.id) == []


def test_problem_lines_follow_the_form_and_keep_keys_it_has_no_input_for() -> None:
    lines = problem_lines({"culture": "Say traditional or modern.", "tz": "Which zone?",
                           "interviewers": "Who?", "company": "Please fill this in."})
    assert lines == ["**Company**: Please fill this in.",
                     "**Interviewers (names as they spell them)**: Who?",
                     "**Your time zone**: Which zone?",
                     "**Culture**: Say traditional or modern."]


def test_a_form_sent_mid_question_adds_in_one_step_and_drops_the_question(
        bot: BotProcess) -> None:
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")  # leaves the time-zone question pending
    opened = only(bot.command("add"), "POST", "/callback").json["data"]
    calls = bot.interaction(modal_submit(ADA, opened["custom_id"], {
        "company": "Globex", "role": "Engineer", "when": "today 10am",
        "people": "Bob Lee", "zone": "Berlin"}))
    assert "Added #1: Engineer at Globex" in answer_text(calls)
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(ADA)))
    assert person is not None and person.tz == "Europe/Berlin"
    assert bot.runtime.repo.get_conversation(person.id) is None


def test_autocomplete_and_opening_the_form_create_nobody(bot: BotProcess) -> None:
    stranger = 7
    for name, options, focused in (("plan", {"interview": ""}, "interview"),
                                   ("snooze", {"step": ""}, "step"),
                                   ("sent", {"interviewer": ""}, "interviewer")):
        calls = bot.interaction(slash_command(stranger, name, options, focused=focused))
        assert only(calls, "POST", "/callback").json["data"]["choices"] == []
    form = bot.interaction(slash_command(stranger, "add"))
    assert only(form, "POST", "/callback").json["type"] == 9
    assert bot.runtime.repo.find_person(
        Identity(Platform.DISCORD, "dm", str(stranger))) is None


def test_interview_autocomplete_offers_only_the_users_own_interviews(bot: BotProcess) -> None:
    confirm_zone(bot)
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    bot.command("add", company="Globex", role="Engineer", when="today 10am",
                interviewers="Bob Lee")
    calls = bot.interaction(slash_command(ADA, "plan", {"interview": "glob"},
                                          focused="interview", focused_type=4))
    callback = only(calls, "POST", "/callback")
    assert callback.json["type"] == 8
    assert callback.json["data"]["choices"] == [{"name": "#2 Engineer at Globex", "value": 2}]

    stranger = bot.interaction(slash_command(7, "plan", {"interview": ""},
                                             focused="interview", focused_type=4))
    assert only(stranger, "POST", "/callback").json["data"]["choices"] == []


@pytest.mark.parametrize(("subcommand", "options", "expected"), [
    ("plan", {"interview": 1}, "Plan for #1"),
    ("sent", {"interview": 1, "interviewer": "Jane Smith"}, "thank-you to Jane Smith as sent"),
    ("called", {"result": "no answer", "interview": 1}, "Noted."),
    ("heard", {"outcome": "offer", "interview": 1}, "An offer for"),
    ("promised", {"what": "they'll decide by Tuesday"}, "Noted: they'll decide by"),
    ("snooze", {"step": "1.1", "length": "2h"}, "Snoozed Thank-you note to Jane Smith"),
    ("cancel", {"interview": 1}, "Stopped every reminder for #1"),
    ("tz", {}, "Your time zone is America/New_York"),
    ("quiet", {"hours": "22:00-07:00"}, "Quiet hours set to 22:00–07:00"),
    ("journal", {}, "Your journal is empty"),
    ("forget", {}, "Type `yes` to go ahead"),
    ("help", {}, "Here's what I understand"),
])
def test_each_subcommand_is_the_line_a_person_would_type(
        bot: BotProcess, subcommand: str, options: dict[str, object], expected: str) -> None:
    confirm_zone(bot)
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    assert expected in answer_text(bot.command(subcommand, **options))


def test_export_arrives_as_a_json_file(bot: BotProcess) -> None:
    (answer,) = followups(bot.command("export"))
    ((name, content),) = answer.files
    assert name == "followup-export.json" and b'"identities"' in content


def test_step_and_interviewer_autocomplete_read_the_plan(bot: BotProcess) -> None:
    confirm_zone(bot)
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith and Bob Lee")
    steps = only(bot.interaction(slash_command(ADA, "snooze", {"step": "bob"},
                                               focused="step")), "POST", "/callback")
    choices = steps.json["data"]["choices"]
    assert [c["value"] for c in choices] == ["1.2", "1.4"]  # his note, and its nudge
    assert choices[0]["name"].startswith("1.2 Thank-you note to Bob Lee · Acme · Mon")

    people = only(bot.interaction(slash_command(ADA, "sent", {"interview": 1, "interviewer": ""},
                                                focused="interviewer")), "POST", "/callback")
    assert [c["value"] for c in people.json["data"]["choices"]] == ["Jane Smith", "Bob Lee"]


def test_time_zone_autocomplete_finds_cities(bot: BotProcess) -> None:
    calls = bot.interaction(slash_command(ADA, "tz", {"zone": "berl"}, focused="zone"))
    choices = only(calls, "POST", "/callback").json["data"]["choices"]
    assert choices[0] == {"name": "Europe/Berlin", "value": "Europe/Berlin"}


# --- DMs ----------------------------------------------------------------------------------
def test_a_dm_is_the_same_conversation_and_bots_are_ignored(bot: BotProcess) -> None:
    calls = bot.dm("help")
    (reply,) = [c for c in calls if c.method == "POST"]
    assert reply.path == f"/channels/{bot.api.dm_channel_of(ADA)}/messages"
    assert "add" in reply.text and reply.json["allowed_mentions"] == {"parse": []}

    channel = bot.api.dm_channel_of(ADA)
    assert bot.message(dm_message(ADA, channel, "help", bot=True, author_id=99)) == []


def test_messages_in_a_server_channel_are_not_for_the_coach(bot: BotProcess) -> None:
    payload = dm_message(ADA, GUILD_CHANNEL_ID, "help")
    payload["guild_id"] = str(GUILD_ID)
    assert bot.message(payload) == []


def test_a_command_in_a_dm_answers_for_keeps_and_its_add_button_opens_the_form(
        bot: BotProcess) -> None:
    calls = bot.interaction(slash_command(ADA, "list", guild_id=None))
    callback = only(calls, "POST", "/callback")
    assert not (callback.json.get("data") or {}).get("flags")  # ephemeral DMs vanish
    (answer,) = followups(calls)
    assert not answer.json.get("flags")

    calls = bot.press(int(answer.response["id"]), button(answer, "add"))
    assert only(calls, "POST", "/callback").json["type"] == 9


# --- reminders and buttons ----------------------------------------------------------------
def test_a_whole_interview_from_add_to_move_on(bot: BotProcess, clock: SimulatedClock) -> None:
    confirm_zone(bot)
    calls = bot.command("add", company="Acme", role="Data analyst", when="today 2pm",
                        interviewers="Jane Smith", promise="they'll decide by Friday")
    assert "Added #1" in answer_text(calls)

    # The thank-you is due at once (the interview was at 2pm): a DM with the draft.
    thank_you = advance_until(bot, clock, "thank-you note to Jane Smith")
    assert thank_you.path == f"/channels/{bot.api.dm_channel_of(ADA)}/messages"
    assert "Dear Jane" in thank_you.text and "```" in thank_you.text
    assert thank_you.json["allowed_mentions"] == {"parse": []}
    sent = button(thank_you, "sent")

    calls = bot.press(int(thank_you.response["id"]), sent)
    assert only(calls, "POST", "/callback").json["type"] == 6  # deferred update
    edit = only(calls, "PATCH", "/messages/@original")
    assert "sent" in edit.text and edit.json["components"] == []  # no stale buttons

    first = advance_until(bot, clock, "Time to call")
    calls = bot.press(int(first.response["id"]), button(first, "called_no_answer"))
    assert "try once more" in only(calls, "PATCH", "/messages/@original").text

    second = advance_until(bot, clock, "Second and last call")
    calls = bot.press(int(second.response["id"]), button(second, "called_no_answer"))
    assert "second call" in only(calls, "PATCH", "/messages/@original").text

    move_on = advance_until(bot, clock, "Time to move on")
    assert button(move_on, "reflect")
    (interview,) = bot.runtime.repo.list_interviews(1)
    assert interview.outcome is Outcome.NO_RESPONSE

    calls = bot.press(int(move_on.response["id"]), button(move_on, "reflect"))
    assert "What went well?" in answer_text(calls)
    calls = bot.dm("I was well prepared for the case study.")
    assert any("differently" in c.text for c in calls)


def test_a_button_still_works_after_a_restart(
        bot: BotProcess, discord_settings: Settings, api: DiscordApiStandIn,
        clock: SimulatedClock) -> None:
    confirm_zone(bot)
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    reminder = advance_until(bot, clock, "thank-you note")
    bot.close()
    bot.runtime.stop()

    runtime = build_runtime(discord_settings, clock)
    restarted = BotProcess(build_client(runtime, discord_settings), runtime, api, ADA)
    try:
        calls = restarted.press(int(reminder.response["id"]), button(reminder, "sent"))
        assert "sent" in only(calls, "PATCH", "/messages/@original").text
        cp_id = int(button(reminder, "sent").rsplit(":", 1)[1])
        checkpoint = runtime.repo.get_checkpoint(cp_id)
        assert checkpoint is not None and checkpoint.state is CheckpointState.DONE
        assert checkpoint.kind is CheckpointKind.THANK_YOU
    finally:
        restarted.close()
        runtime.stop()


def test_someone_elses_button_does_not_touch_the_owners_reminder(
        bot: BotProcess, clock: SimulatedClock) -> None:
    confirm_zone(bot)
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith")
    reminder = advance_until(bot, clock, "thank-you note")
    calls = bot.press(int(reminder.response["id"]), button(reminder, "sent"), user=7)
    assert "can't find that one" in answer_text(calls)
    assert not [c for c in calls if c.method == "PATCH"]


def test_client_is_a_discord_client_with_a_command_tree(bot: BotProcess) -> None:
    assert isinstance(bot.client, FollowupClient)
    assert bot.client.tree.get_command("followup") is not None


def test_calendar_and_stats_arrive_as_attached_files(bot: BotProcess) -> None:
    bot.command("tz", zone="America/New_York")
    bot.command("add", company="Acme", role="analyst", when="today 2pm",
                interviewers="Jane Smith")
    calendar = [f for c in followups(bot.command("calendar")) for f in c.files]
    assert [name for name, _ in calendar] == ["followup-plan.ics"]
    assert calendar[0][1].startswith(b"BEGIN:VCALENDAR")
    stats = [f for c in followups(bot.command("stats")) for f in c.files]
    assert stats and stats[0][1].startswith(b"\x89PNG")
    checked = answer_text(bot.command("check", text="Dear Jane Smyth, thank you"))
    assert "Jane Smith" in checked


# --- what reaches the logs ----------------------------------------------------------------
def test_a_calendar_link_sent_through_discord_never_reaches_the_logs(
        discord_settings: Settings, clock: SimulatedClock, api: DiscordApiStandIn,
        caplog: pytest.LogCaptureFixture) -> None:
    """discord.py's DEBUG lines hold REST bodies and interaction webhook URLs; they must
    not be made (tests/log_secrets.py checks the whole session the same way)."""
    caplog.set_level(logging.DEBUG)
    settings = discord_settings.model_copy(update={"public_url": "https://bot.example"})
    runtime = build_runtime(settings, clock)
    process = BotProcess(build_client(runtime, settings), runtime, api, ADA)
    try:
        (dm,) = [c for c in process.dm("calendar feed") if c.method == "POST"]
        (answer,) = followups(process.command("calendar", what="reset"))
    finally:
        process.close()
        runtime.stop()
    tokens = [text.split("/calendar/")[1].split(".ics")[0] for text in (dm.text, answer.text)]
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert all(token not in logged for token in tokens)
