"""The Slack app end to end: signed HTTP requests in, Web API calls out, as a person sees them.

The real Bolt app runs behind the same WSGI server it uses in production, on 127.0.0.1;
its WebClient talks to the stand-in Slack API, which records what the person would see.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
import urllib.request
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from adapters.runtime import build_runtime
from adapters.settings import Settings
from adapters.slack.answering import INFO_TTL, SlackCoach
from adapters.slack.blocks import parse_action
from adapters.slack.modal import modal_errors
from adapters.slack.sender import web_client
from bot.delivery.deliverer import Deliverer
from bot.messages import ActionId, Inbound
from bot.model import (
    FINISHED,
    ChannelRef,
    CheckpointKind,
    CheckpointState,
    Identity,
    Outcome,
    Platform,
)
from bot.ports.clock import SimulatedClock
from tests.adapters.slack.conftest import USER, Slack, serve
from tests.conftest import NEW_YORK, START
from tests.standins.slack_api import (
    FOUNDER,
    TEAM,
    ApiCall,
    SlackApiStandIn,
    button_labelled,
    buttons,
    shown_text,
)

OTHER = "U0SAM"


def button_for(blocks: list[dict[str, Any]], action: ActionId) -> dict[str, Any]:
    """The button that does `action` (found by its id, whatever the core labels it)."""
    for element in buttons(blocks):
        pressed = parse_action(element["action_id"], element.get("value"))
        if pressed is not None and pressed.action is action:
            return element
    raise AssertionError(f"no {action} button in {[b['action_id'] for b in buttons(blocks)]}")


def posts(api: SlackApiStandIn, count: int = 1) -> list[ApiCall]:
    return api.wait_for("chat.postMessage", count)


def to_due(clock: SimulatedClock, deliverer: Deliverer) -> None:
    """Move the clock to the next reminder's due time and deliver what is due."""
    due = deliverer.next_due()
    assert due is not None, "nothing left to deliver"
    if due > clock.now():
        clock.set(due)
    deliverer.deliver_due()


# --- Slack's request checks -----------------------------------------------------------
def test_the_endpoint_answers_slacks_url_verification_challenge(slack: Slack) -> None:
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    answer = slack.workspace.url_verification(challenge)
    assert answer.status == 200
    assert answer.json == {"challenge": challenge}


def test_a_request_with_a_forged_signature_is_refused_and_changes_nothing(slack: Slack) -> None:
    answer = slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith",
                                secret="not-the-signing-secret")
    forged_command = slack.workspace.command(USER, "add Acme, analyst, today 2pm with Jane",
                                             secret="not-the-signing-secret")

    assert (answer.status, forged_command.status) == (401, 401)
    assert slack.api.settle() == []
    assert slack.interviews() == []


def test_a_correctly_signed_request_older_than_five_minutes_is_refused(slack: Slack) -> None:
    stale = int(time.time()) - 6 * 60
    answer = slack.workspace.dm(USER, "list", timestamp=stale)

    assert answer.status == 401
    assert slack.api.settle() == []


def test_a_signed_body_that_is_not_utf8_gets_a_400_and_one_line_without_the_body(
        slack: Slack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    form = b"team_id=T0STANDIN&user_id=U0ALEX&command=%2Ffollowup&text=add+Acme+\xff\xfe+"
    event = b'{"type": "event_callback", "event": {"text": "Sekrit \xc3\x28 words"}}'

    answers = [slack.workspace.post(form + b"Sekrit", "application/x-www-form-urlencoded"),
               slack.workspace.post(event, "application/json")]

    assert [answer.status for answer in answers] == [400, 400]
    refused = [r for r in caplog.records if r.levelno > logging.DEBUG]
    assert [r.name for r in refused] == ["adapters.slack.intake"] * 2  # one line each
    assert all("not UTF-8" in r.getMessage() for r in refused)
    assert "Sekrit" not in caplog.text + "".join(str(r.args) for r in caplog.records)
    assert slack.api.settle() == [] and slack.interviews() == []
    assert slack.workspace.dm(USER, "help").status == 200  # and the app serves on


def test_a_content_length_that_is_not_a_number_gets_a_400(slack: Slack) -> None:
    port = int(slack.workspace.endpoint.split(":")[2].split("/")[0])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("POST", "/slack/events")
        connection.putheader("Content-Length", "twelve")
        connection.endheaders()
        assert connection.getresponse().status == 400
    finally:
        connection.close()


# --- the slash command ------------------------------------------------------------------
def test_slash_command_in_a_channel_answers_only_the_asker(slack: Slack) -> None:
    answer = slack.workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith")

    assert answer.status == 200 and answer.body == ""  # the ack; the reply comes after
    reply = slack.api.wait_for("response_url")[0]
    assert reply.args["response_type"] == "ephemeral"
    assert "Added #1: data analyst at Acme" in shown_text(reply.args)
    assert reply.args["text"]  # the notification fallback is always there
    assert slack.api.calls("chat.postMessage") == []
    assert [i.company for i in slack.interviews()] == ["Acme"]


def test_slash_command_acks_before_the_work_it_starts_has_heard_from_slack(
        slack: Slack) -> None:
    """The ack does not wait for the work: the work's users.info call is held until the
    ack has been seen (an ack that waited would never come, and Bolt would answer 404
    after Slack's 3 s). How fast acks are is measured by bench/slack_path.py."""
    users_info = slack.api.hold("users.info")

    answer = slack.workspace.command(USER, "list")

    assert (answer.status, answer.body) == (200, "")
    users_info.wait_held()  # the work is under way, waiting for Slack…
    assert slack.api.calls("response_url") == []  # …and has answered nothing yet
    users_info.release()
    assert "No interviews yet" in shown_text(slack.api.wait_for("response_url")[0].args)


def test_slash_command_in_the_apps_own_dm_posts_a_normal_message(slack: Slack) -> None:
    slack.workspace.command(USER, "help", channel="D0ALEX", channel_name="directmessage")

    message = posts(slack.api)[0]
    assert message.args["channel"] == "D0ALEX"
    assert "Here's what I understand" in shown_text(message.args)
    assert slack.api.calls("response_url") == []


def test_the_persons_time_zone_comes_from_slack_the_first_time_only(slack: Slack) -> None:
    slack.api.add_user(USER, tz="Europe/Berlin", real_name="Alex Müller")
    slack.workspace.command(USER, "add Acme, analyst, today 2pm with Jane Smith")
    first = slack.api.wait_for("response_url")[0]
    slack.workspace.command(USER, "list")
    slack.api.wait_for("response_url", 2)

    assert "CET" in shown_text(first.args)
    person = slack.person()
    assert (person.tz, person.tz_confirmed, person.display_name) == \
        ("Europe/Berlin", True, "Alex Müller")
    assert len(slack.api.calls("users.info")) == 1


def test_after_forget_me_the_next_start_takes_the_zone_from_slack_again(slack: Slack
                                                                       ) -> None:
    slack.api.add_user(USER, tz="Europe/Berlin", real_name="Alex Müller")
    for count, text in enumerate(("list", "list", "forget me", "yes"), start=1):
        slack.workspace.dm(USER, text)  # the second `list` needs no look-up of Alex
        posts(slack.api, count)
    assert len(slack.api.calls("users.info")) == 1
    assert slack.runtime.repo.find_person(Identity(Platform.SLACK, TEAM, USER)) is None
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    assert "CET" in shown_text(posts(slack.api, 5)[-1].args)
    assert slack.person().tz == "Europe/Berlin"
    assert len(slack.api.calls("users.info")) == 2


def test_a_slash_command_runs_even_while_a_dm_question_waits(slack: Slack) -> None:
    slack.workspace.dm(USER, "add")  # asks for the company
    posts(slack.api)

    slack.workspace.command(USER, "list")

    answers = slack.api.wait_for("response_url", 2)
    assert "No interviews yet" in "\n".join(shown_text(a.args) for a in answers)
    assert "company" in shown_text(answers[-1].args).lower()  # and the question again
    assert slack.interviews() == []


def test_a_file_asked_for_in_a_channel_arrives_in_the_dm(slack: Slack) -> None:
    slack.workspace.command(USER, "add Acme, analyst, today 2pm with Jane Smith")
    slack.api.wait_for("response_url")

    slack.workspace.command(USER, "calendar")

    reply = slack.api.wait_for("response_url", 2)[-1].args
    assert reply["response_type"] == "ephemeral"
    assert "followup-plan.ics: sent to your DM with me" in shown_text(reply)
    slack.api.wait_for("files.completeUploadExternal")
    (shared,) = slack.api.uploaded()
    assert (shared["name"], shared["channel"]) == ("followup-plan.ics", "D0ALEX")
    assert shared["content"].startswith(b"BEGIN:VCALENDAR")


def test_the_same_port_answers_health_checks(slack: Slack) -> None:
    url = slack.workspace.endpoint.replace("/slack/events", "/healthz")
    with urllib.request.urlopen(url, timeout=5) as answer:
        assert answer.status == 200
        assert json.loads(answer.read()) == {"status": "ok", "database": "ok"}


def test_followup_add_alone_opens_the_form(slack: Slack) -> None:
    slack.workspace.command(USER, "add")

    view = slack.api.wait_for("views.open")[0].args
    assert view["trigger_id"].startswith("trigger.")
    blocks = {b["block_id"]: b["element"]["type"] for b in view["view"]["blocks"]}
    assert blocks == {"company": "plain_text_input", "role": "plain_text_input",
                      "date": "datepicker", "time": "timepicker",
                      "people": "plain_text_input", "promise": "plain_text_input",
                      "culture": "static_select"}
    assert view["view"]["blocks"][2]["element"]["initial_date"] == "2026-11-23"


# --- the add form -------------------------------------------------------------------------
def form_values(*, company: str = "Acme, Inc.", role: str = "Data analyst",
                date: str = "2026-11-23", clock: str = "14:00",
                people: str = "Jane Smith (jane@acme.com), Bob Lee",
                promise: str = "", culture: str | None = None) -> dict[str, dict[str, Any]]:
    def text(value: str) -> dict[str, Any]:
        return {"value": {"type": "plain_text_input", "value": value or None}}

    return {
        "company": text(company), "role": text(role),
        "date": {"value": {"type": "datepicker", "selected_date": date}},
        "time": {"value": {"type": "timepicker", "selected_time": clock}},
        "people": text(people), "promise": text(promise),
        "culture": {"value": {"type": "static_select", "selected_option":
                              {"text": {"type": "plain_text", "text": culture},
                               "value": culture} if culture else None}},
    }


def test_the_form_marks_each_field_it_cannot_use(slack: Slack) -> None:
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]

    answer = slack.workspace.submit_view(USER, view, form_values(
        people="the hiring manager", promise="we will see", date="2035-01-01"))

    assert answer.status == 200
    assert answer.json["response_action"] == "errors"
    assert set(answer.json["errors"]) == {"people", "promise", "date"}
    assert slack.interviews() == []
    assert slack.api.settle(quiet=0.2) and slack.api.calls("chat.postMessage") == []


def test_a_valid_form_adds_the_interview_and_confirms_by_dm(slack: Slack) -> None:
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]

    answer = slack.workspace.submit_view(USER, view, form_values(
        promise="we'll decide by Friday", culture="traditional"))

    assert answer.status == 200 and answer.body == ""  # the modal closes
    message = posts(slack.api)[0]
    assert message.args["channel"] == USER
    assert "Added #1: Data analyst at Acme, Inc." in shown_text(message.args)
    (interview,) = slack.interviews()
    assert interview.company == "Acme, Inc."  # the comma did not split it
    assert [p.name for p in interview.interviewers] == ["Jane Smith", "Bob Lee"]
    assert interview.interviewers[0].email == "jane@acme.com"
    assert interview.promise is not None and interview.promise.on.isoformat() == "2026-11-27"
    assert interview.culture is not None and interview.culture.value == "traditional"
    assert "Data analyst at Acme, Inc." in shown_text(
        slack.api.wait_for("views.publish")[0].args)


def test_the_form_reads_its_date_and_time_in_the_persons_slack_time_zone(slack: Slack
                                                                        ) -> None:
    slack.api.add_user(USER, tz="Europe/Berlin")
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]
    assert view["blocks"][3]["hint"]["text"] == "Your time zone: Europe/Berlin"
    # It is already Monday 22:30 in Berlin: the date picker starts there.
    assert view["blocks"][2]["element"]["initial_date"] == "2026-11-23"

    slack.workspace.submit_view(USER, view, form_values(clock="09:30"))

    posts(slack.api)
    (interview,) = slack.interviews()
    assert interview.starts_at.astimezone(ZoneInfo("Europe/Berlin")).strftime(
        "%Y-%m-%d %H:%M") == "2026-11-23 09:30"
    assert slack.person().tz == "Europe/Berlin"


def test_the_form_takes_over_from_a_half_answered_question(slack: Slack) -> None:
    slack.workspace.dm(USER, "add")  # the typed flow asks for the company…
    posts(slack.api)
    slack.workspace.command(USER, "add")  # …but the person switches to the form
    view = slack.api.wait_for("views.open")[0].args["view"]
    slack.workspace.submit_view(USER, view, form_values())

    confirmation = posts(slack.api, 2)[-1]
    assert "Added #1" in shown_text(confirmation.args)
    assert [i.company for i in slack.interviews()] == ["Acme, Inc."]


# --- direct messages --------------------------------------------------------------------
def test_a_dm_conversation_asks_for_what_is_missing_one_question_at_a_time(slack: Slack
                                                                           ) -> None:
    slack.workspace.dm(USER, "add")
    assert "company" in shown_text(posts(slack.api, 1)[-1].args).lower()
    slack.workspace.dm(USER, "AT&amp;T")  # Slack escapes & in message text
    assert "role" in shown_text(posts(slack.api, 2)[-1].args)
    slack.workspace.dm(USER, "Network engineer")
    assert "when" in shown_text(posts(slack.api, 3)[-1].args).lower()
    slack.workspace.dm(USER, "today 11am")
    assert "who" in shown_text(posts(slack.api, 4)[-1].args).lower()
    slack.workspace.dm(USER, "Priya Patel <mailto:priya@att.com|priya@att.com>")
    assert "next" in shown_text(posts(slack.api, 5)[-1].args).lower()
    slack.workspace.dm(USER, "no")
    assert "traditional" in shown_text(posts(slack.api, 6)[-1].args).lower()
    slack.workspace.dm(USER, "modern")

    done = posts(slack.api, 7)[-1]
    assert done.args["channel"] == "D0ALEX"
    assert "Added #1: Network engineer at AT&T" in shown_text(done.args)
    assert "#1 Network engineer at AT&T — Mon 2026-11-23 11:00 EST" in shown_text(done.args)
    (interview,) = slack.interviews()
    assert interview.company == "AT&T"
    assert interview.interviewers[0].email == "priya@att.com"


def test_slack_retrying_an_event_never_duplicates_the_interview_or_the_reply(slack: Slack
                                                                            ) -> None:
    line = "add Acme, analyst, today 2pm with Jane Smith"
    first = slack.workspace.dm(USER, line, event_id="Ev0RETRY1")
    retry = slack.workspace.dm(USER, line, event_id="Ev0RETRY1", retry_num=1)

    assert (first.status, retry.status) == (200, 200)
    assert len(posts(slack.api)) == 1
    assert len(slack.api.settle(quiet=0.4)) and len(slack.api.calls("chat.postMessage")) == 1
    assert len(slack.interviews()) == 1


def test_slack_formatting_and_emoji_codes_are_read_as_the_person_meant(slack: Slack) -> None:
    def reply_to(text: str) -> str:
        before = len(slack.api.calls("chat.postMessage"))
        slack.workspace.dm(USER, text)
        slack.api.settle(quiet=0.3)
        return " ".join(shown_text(c.args) for c in posts(slack.api, before + 1)[before:])

    reply_to("add Acme, analyst, today 2pm with Jane Smith")
    # bold, and an emoji as Slack sends it
    assert "analyst at Acme" in reply_to("*list* pls :pray:")
    assert "Marked your thank-you to Jane Smith as sent" in reply_to(
        "Sent the thank-you email to Jane :white_check_mark:")
    assert "I read that as: An offer from Acme (#1)" in reply_to(
        "&gt; _Acme_ offered me the job!")  # a quoted line, as Slack escapes it


def test_messages_from_bots_and_edits_are_not_answered(slack: Slack) -> None:
    workspace = slack.workspace
    workspace.event({"type": "message", "channel": "D0ALEX", "user": USER, "text": "help",
                     "channel_type": "im", "bot_id": "B0OTHER", "ts": "1.1"})
    workspace.event({"type": "message", "subtype": "message_changed", "channel": "D0ALEX",
                     "channel_type": "im", "ts": "1.2", "message": {"text": "help"}})
    workspace.event({"type": "message", "channel": "C0GENERAL", "user": USER, "text": "help",
                     "channel_type": "channel", "ts": "1.3"})

    assert slack.api.settle(quiet=0.4) is not None
    assert slack.api.calls("chat.postMessage") == []


def test_mentions_typed_by_a_person_never_ping_anyone_when_echoed(slack: Slack) -> None:
    slack.workspace.dm(USER, "add <!channel> Corp, analyst, today 2pm with <!here> Smith")

    message = posts(slack.api)[0]
    everything = str(message.args)
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@"):
        assert ping not in everything


# --- buttons ----------------------------------------------------------------------------
def test_pressing_a_reminder_button_updates_that_message_in_place(
        slack: Slack, clock: SimulatedClock) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith (jane@acme.com)")
    posts(slack.api)
    deliverer = slack.deliverer()
    to_due(clock, deliverer)
    reminder = posts(slack.api, 2)[-1]
    assert "thank-you note to Jane Smith" in shown_text(reminder.args)

    answer = slack.workspace.press(USER, button_for(reminder.args["blocks"], ActionId.SENT),
                                   message=reminder)

    assert answer.status == 200
    update = slack.api.wait_for("chat.update")[0].args
    assert (update["channel"], update["ts"]) == ("D0ALEX", reminder.answer["ts"])
    assert "Jane Smith" in shown_text(update)
    assert buttons(update["blocks"]) == []  # no stale button to press twice
    states = {cp.kind: cp.state for cp in
              slack.runtime.repo.checkpoints_for(slack.interviews()[0].id)}
    assert states[CheckpointKind.THANK_YOU] is CheckpointState.DONE
    assert states[CheckpointKind.THANK_YOU_NUDGE] in FINISHED  # no nudge tomorrow


def test_a_button_on_an_ephemeral_reply_is_answered_through_its_response_url(slack: Slack
                                                                            ) -> None:
    slack.workspace.command(USER, "add Acme, analyst, today 2pm with Jane Smith")
    added = slack.api.wait_for("response_url")[0]

    slack.workspace.press(USER, button_for(added.args["blocks"], ActionId.HEARD_BACK),
                          ephemeral=True, channel="C0GENERAL")

    question = slack.api.wait_for("response_url", 2)[-1].args
    assert question["response_type"] == "ephemeral"
    assert "Acme" in shown_text(question)
    slack.workspace.press(USER, button_for(question["blocks"], ActionId.OUTCOME_OFFER),
                          ephemeral=True, channel="C0GENERAL")
    update = slack.api.wait_for("response_url", 3)[-1].args
    assert update["replace_original"] is True
    assert "offer" in shown_text(update).lower()
    assert slack.interviews()[0].outcome is Outcome.OFFER


def test_someone_elses_button_does_nothing_to_the_owners_interview(slack: Slack,
                                                                  clock: SimulatedClock
                                                                  ) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    posts(slack.api)
    to_due(clock, slack.deliverer())
    reminder = posts(slack.api, 2)[-1]

    slack.workspace.press(OTHER, button_for(reminder.args["blocks"], ActionId.SENT),
                          message=reminder, channel="D0SAM")

    answer = posts(slack.api, 3)[-1]
    assert answer.args["channel"] == "D0SAM"
    states = {cp.kind: cp.state for cp in
              slack.runtime.repo.checkpoints_for(slack.interviews()[0].id)}
    assert states[CheckpointKind.THANK_YOU] is CheckpointState.SENT


def test_buttons_keep_working_after_a_restart(
        slack: Slack, settings: Settings, slack_settings: Settings, clock: SimulatedClock,
        slack_api: SlackApiStandIn) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    posts(slack_api)
    to_due(clock, slack.deliverer())
    reminder = posts(slack_api, 2)[-1]
    slack.stop()
    slack.runtime.stop()

    restarted = serve(build_runtime(slack_settings, clock), slack_settings, slack_api)
    try:
        restarted.workspace.press(USER, button_for(reminder.args["blocks"], ActionId.SENT),
                                  message=reminder)
        update = slack_api.wait_for("chat.update")[0].args
        assert "Jane Smith" in shown_text(update)
    finally:
        restarted.stop()
        restarted.runtime.stop()


# --- the App Home -------------------------------------------------------------------------
def test_app_home_shows_each_interview_with_its_next_step(slack: Slack) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    posts(slack.api, 1)  # events are handled in parallel: wait, so Acme is #1
    slack.workspace.dm(USER, "add Globex, engineer, Dec 1 10am with Hank Scorpio")
    posts(slack.api, 2)

    slack.workspace.home_opened(USER)

    view = slack.api.wait_for("views.publish")[0].args
    assert view["user_id"] == USER and view["view"]["type"] == "home"
    shown = shown_text(view)
    assert "#1 analyst at Acme" in shown and "#2 engineer at Globex" in shown
    assert "Next: Thank-you note to Jane Smith, Mon 2026-11-23" in shown
    assert "Next: Prepare your questions, Tue 2026-12-01" in shown
    labels = [b["text"]["text"] for b in buttons(view["view"]["blocks"])]
    assert labels == ["Add an interview", "Open plan", "Open plan"]


def test_open_plan_on_app_home_sends_the_plan_by_dm(slack: Slack) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    posts(slack.api)
    slack.workspace.home_opened(USER)
    home = slack.api.wait_for("views.publish")[0].args["view"]

    slack.workspace.press(USER, button_labelled(home["blocks"], "Open plan"), view=home)

    plan = posts(slack.api, 2)[-1]
    assert plan.args["channel"] == USER
    assert "Plan for #1: analyst at Acme" in shown_text(plan.args)
    slack.api.wait_for("views.publish", 2)  # the Home tab is refreshed too


def test_add_on_app_home_opens_the_form(slack: Slack) -> None:
    slack.workspace.home_opened(USER)
    home = slack.api.wait_for("views.publish")[0].args["view"]

    slack.workspace.press(USER, button_labelled(home["blocks"], "Add an interview"),
                          view=home)

    assert slack.api.wait_for("views.open")[0].args["view"]["callback_id"] == \
        "followup_add_interview"


# --- a whole interview ------------------------------------------------------------------
def states(slack: Slack) -> dict[CheckpointKind, CheckpointState]:
    (interview,) = slack.interviews()
    return {cp.kind: cp.state for cp in slack.runtime.repo.checkpoints_for(interview.id)}


def test_a_whole_interview_from_followup_add_to_moving_on(
        slack: Slack, clock: SimulatedClock) -> None:
    """Monday 16:30: the person adds a 2pm interview; two unanswered calls later, move on."""
    api, workspace = slack.api, slack.workspace
    workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith (jane@acme.com)")
    assert "Added #1" in shown_text(api.wait_for("response_url")[0].args)
    deliverer = slack.deliverer()

    # The same evening: the thank-you note, drafted, with a Sent button.
    to_due(clock, deliverer)
    thank_you = posts(api, 1)[-1]
    assert thank_you.args["channel"] == USER
    assert "Jane Smith" in shown_text(thank_you.args)
    assert "```" in shown_text(thank_you.args)  # the drafted note, ready to copy
    assert clock.now().astimezone(NEW_YORK).date().isoformat() == "2026-11-23"
    workspace.press(USER, button_for(thank_you.args["blocks"], ActionId.SENT),
                    message=thank_you)
    assert buttons(api.wait_for("chat.update", 1)[-1].args["blocks"]) == []
    assert states(slack)[CheckpointKind.THANK_YOU] is CheckpointState.DONE

    # About a working week later, on a business day: the first call, with its script.
    to_due(clock, deliverer)
    first_call = posts(api, 2)[-1]
    called = clock.now().astimezone(NEW_YORK)
    assert called.weekday() < 5 and 5 <= (called.date() - START.date()).days <= 9
    assert "Acme" in shown_text(first_call.args)
    assert states(slack)[CheckpointKind.FIRST_CALL] is CheckpointState.SENT
    workspace.press(USER, button_for(first_call.args["blocks"], ActionId.CALLED_NO_ANSWER),
                    message=first_call)
    api.wait_for("chat.update", 2)
    assert states(slack)[CheckpointKind.SECOND_CALL] is CheckpointState.PENDING

    # A couple of business days later: the second and last call.
    to_due(clock, deliverer)
    second_call = posts(api, 3)[-1]
    assert "Acme" in shown_text(second_call.args)
    assert states(slack)[CheckpointKind.SECOND_CALL] is CheckpointState.SENT
    workspace.press(USER, button_for(second_call.args["blocks"], ActionId.CALLED_NO_ANSWER),
                    message=second_call)
    api.wait_for("chat.update", 3)
    assert states(slack)[CheckpointKind.MOVE_ON] is CheckpointState.PENDING

    # A week after that call with no answer: time to move on, and the interview is closed.
    to_due(clock, deliverer)
    move_on = posts(api, 4)[-1]
    assert "move on" in shown_text(move_on.args).lower()
    assert button_for(move_on.args["blocks"], ActionId.REFLECT)
    (interview,) = slack.interviews()
    assert interview.outcome is Outcome.NO_RESPONSE
    assert len(interview.calls) == 2
    assert timedelta(days=7) <= clock.now() - interview.calls[-1].at < timedelta(days=8)
    workspace.home_opened(USER)
    assert "no response" in shown_text(api.wait_for("views.publish")[0].args)


# --- the add form through the core in one step ----------------------------------------------
def test_the_form_adds_in_one_step_and_leaves_no_question_behind(slack: Slack) -> None:
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]

    slack.workspace.submit_view(USER, view, form_values(company="Acme, Inc. <!channel>"))

    (confirmation,) = [c for c in posts(slack.api) if c.args["channel"] == USER]
    assert "Acme, Inc." in shown_text(confirmation.args)
    assert "<!channel>" not in str(confirmation.args)
    assert slack.api.settle(quiet=0.3) and len(slack.api.calls("chat.postMessage")) == 1
    assert slack.runtime.repo.get_conversation(slack.person().id) is None
    assert [i.company for i in slack.interviews()] == ["Acme, Inc. <!channel>"]


def test_a_missing_time_is_marked_beside_the_time_picker(slack: Slack) -> None:
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]

    answer = slack.workspace.submit_view(USER, view, form_values(clock="", role=""))

    assert answer.json["response_action"] == "errors"
    assert set(answer.json["errors"]) == {"time", "role"}
    assert "`" not in answer.json["errors"]["time"]  # plain text: no stray backticks
    assert slack.interviews() == []


def test_the_core_s_problems_map_to_the_modal_s_blocks() -> None:
    values = {"date": "2026-11-23", "time": "14:00"}
    errors = modal_errors({"company": "Too long.", "when": "Not a date.",
                           "interviewers": "A name, please.", "promise": "No day.",
                           "culture": "Choose one.", "tz": "Which zone?", "later": "New."},
                          values)
    assert errors == {"company": "Too long. New.", "date": "Not a date.",
                      "people": "A name, please.", "promise": "No day.",
                      "culture": "Choose one.", "time": "Which zone?"}


def test_a_submission_is_answered_without_asking_slack_anything(slack: Slack) -> None:
    slack.api.add_user(USER, tz="Europe/Berlin")
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]
    slack.api.clear()
    slack_is_silent = slack.api.hold()  # no Web API call is answered until released

    answer = slack.workspace.submit_view(USER, view, form_values(clock="09:30"))

    # Answered while Slack answered nothing: a submission that waited for a Slack call
    # would get no ack within Slack's 3 s (Bolt then answers 404).
    assert (answer.status, answer.body) == (200, "")
    slack_is_silent.release()
    posts(slack.api)
    assert slack.api.calls("users.info") == []
    assert (slack.person().tz, slack.person().tz_confirmed) == ("Europe/Berlin", True)


def glue_for(slack: Slack, now: list[float] | None = None) -> SlackCoach:
    """The app's glue on its own, with a clock for its caches that the test moves."""
    clock = now if now is not None else [0.0]
    return SlackCoach(slack.runtime, web_client(slack.settings), monotonic=lambda: clock[0])


ALEX = Identity(Platform.SLACK, TEAM, USER)


def test_the_forms_slack_zone_reaches_the_core_as_the_platform_zone(slack: Slack) -> None:
    fresh = glue_for(slack)  # as after a restart: nothing cached

    inbound, tz = fresh.form_inbound(ALEX, json.dumps({"zone": "Europe/Berlin",
                                                       "slack_tz": "Europe/Berlin"}))
    assert (inbound.platform_tz, tz) == ("Europe/Berlin", None)

    # Slack gave no zone: the zone the form showed is read, while none is confirmed.
    inbound, tz = fresh.form_inbound(ALEX, json.dumps({"zone": "Asia/Tokyo", "slack_tz": ""}))
    assert (inbound.platform_tz, tz) == (None, "Asia/Tokyo")
    slack.runtime.coach.handle(Inbound(ALEX, text="tz Europe/Paris"))
    assert fresh.form_inbound(ALEX, json.dumps({"zone": "Asia/Tokyo"}))[1] is None
    assert fresh.form_inbound(ALEX, "not json")[0].platform_tz is None
    assert slack.api.calls("users.info") == []


# --- who may manage a channel -----------------------------------------------------------
def club_here(slack: Slack, channel: str = "C0CLUB") -> Any:
    return slack.runtime.repo.club_at(ChannelRef(Platform.SLACK, TEAM, channel))


def test_a_workspace_admin_can_start_a_club_in_a_channel(slack: Slack) -> None:
    slack.api.add_user(USER, admin=True)

    slack.workspace.command(USER, "club start Cohort 5", channel="C0CLUB",
                            channel_name="job-club")

    reply = slack.api.wait_for("response_url")[0].args
    assert reply["response_type"] == "ephemeral"
    assert "you're its organiser" in shown_text(reply)
    assert club_here(slack).name == "Cohort 5"
    assert slack.api.calls("conversations.info") == []  # admin: no need to ask


def test_a_channels_creator_can_start_a_club_there(slack: Slack) -> None:
    slack.api.add_channel("C0CLUB", creator=USER, private=True)

    slack.workspace.command(USER, "club start", channel="C0CLUB")

    assert "you're its organiser" in shown_text(slack.api.wait_for("response_url")[0].args)
    assert slack.api.calls("conversations.info")[0].args["channel"] == "C0CLUB"


@pytest.mark.parametrize("channel", ["C0GENERAL", "C0SECRET"])  # someone else's; unknown
def test_a_plain_member_cannot_start_a_club_in_a_channel_they_did_not_create(
        slack: Slack, channel: str) -> None:
    slack.workspace.command(USER, "club start", channel=channel)

    reply = slack.api.wait_for("response_url")[0].args
    assert "Only someone who can manage this channel" in shown_text(reply)
    assert club_here(slack, channel) is None
    assert slack.api.calls("conversations.info")[0].args["channel"] == channel


def test_the_stand_in_says_who_manages_a_channel(slack: Slack) -> None:
    glue = glue_for(slack)
    slack.api.add_user(OTHER, owner=True)
    slack.api.add_channel("C0MINE", creator=USER)
    slack.api.add_channel("G0GROUP", creator=USER, mpim=True)

    assert glue.can_manage(Identity(Platform.SLACK, TEAM, OTHER), "C0GENERAL") is True
    assert glue.can_manage(ALEX, "C0GENERAL") is False  # FOUNDER made it
    assert glue.can_manage(ALEX, "C0MINE") is True
    assert glue.can_manage(ALEX, "G0GROUP") is False  # a group DM is no club's channel
    assert glue.can_manage(Identity(Platform.SLACK, TEAM, FOUNDER), "C0GENERAL") is True


def test_admin_rights_and_creators_are_cached_for_some_minutes(slack: Slack) -> None:
    now = [0.0]
    glue = glue_for(slack, now)

    for _ in range(3):
        assert glue.can_manage(ALEX, "C0GENERAL") is False
    assert (len(slack.api.calls("users.info")), len(slack.api.calls("conversations.info"))) \
        == (1, 1)

    slack.api.add_user(USER, admin=True)  # made an admin: noticed once the cache expires
    now[0] += INFO_TTL - 1
    assert glue.can_manage(ALEX, "C0GENERAL") is False
    now[0] += 2
    assert glue.can_manage(ALEX, "C0GENERAL") is True
    assert len(slack.api.calls("users.info")) == 2


def test_a_slash_command_in_the_apps_dm_is_said_outside_any_channel(slack: Slack) -> None:
    slack.api.add_user(USER, admin=True)

    slack.workspace.command(USER, "club start", channel="D0ALEX", channel_name="directmessage")

    message = posts(slack.api)[0]
    assert message.args["channel"] == "D0ALEX"
    assert "Club commands work in the club's channel" in shown_text(message.args)
    assert club_here(slack, "D0ALEX") is None
    assert slack.api.calls("conversations.info") == []


# --- a club in a Slack channel, end to end ---------------------------------------------------
def deliver_until(slack: Slack, clock: SimulatedClock, deliverer: Deliverer,
                  target: Any) -> None:
    deliverer.advance_to(target)
    deliverer.deliver_due()


def test_a_club_posts_its_notice_and_weekly_digest_in_its_channel(
        slack: Slack, clock: SimulatedClock) -> None:
    api, workspace = slack.api, slack.workspace
    api.add_user(USER, admin=True)
    api.add_channel("C0CLUB", creator=FOUNDER)
    workspace.command(USER, "club start Cohort 5", channel="C0CLUB")
    api.wait_for("response_url", 1)
    workspace.command(OTHER, "club join", channel="C0CLUB")
    api.wait_for("response_url", 2)
    workspace.command(OTHER, "club mentions on", channel="C0CLUB")
    api.wait_for("response_url", 3)
    workspace.dm(OTHER, "add Acme, analyst, today 2pm with Jane Smith")
    api.wait_for("chat.postMessage", 1)

    # Whatever they asked in the channel was answered to them alone.
    assert all(c.args["response_type"] == "ephemeral" for c in api.calls("response_url"))
    in_club = lambda c: c.args["channel"] == "C0CLUB"  # noqa: E731
    assert api.calls("chat.postMessage") and not any(map(in_club, api.calls("chat.postMessage")))

    deliverer = slack.deliverer()
    deliver_until(slack, clock, deliverer, START + timedelta(days=7, hours=-7))  # Mon 09:30

    notice, digest = api.wait_for("chat.postMessage", 2, where=in_club)
    assert shown_text(notice.args).startswith("This channel is now a job-search club")
    assert notice.args["unfurl_links"] is False
    blocks = digest.args["blocks"]
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == "Cohort 5 · the week to Mon 30 Nov"
    text = blocks[1]["text"]["text"]
    assert f"<@{OTHER}> (" in text  # opted in: a live mention
    assert text.count("<") == 1 and USER not in text and "Acme" not in str(blocks)
    counts = {f["text"].split("\n")[0]: f["text"].split("\n")[1] for f in blocks[2]["fields"]}
    assert counts["*Follow-ups this week*"].isdigit() and "*Offers*" in counts
    assert digest.args["unfurl_links"] is False
    assert f"<@{OTHER}>" in digest.args["text"]  # the notification names them too


def test_a_press_on_a_message_in_a_channel_answers_the_presser_alone(
        slack: Slack, clock: SimulatedClock) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    posts(slack.api)
    to_due(clock, slack.deliverer())
    reminder = posts(slack.api, 2)[-1]

    # The same buttons, as if on a message everyone in #general sees.
    slack.workspace.press(USER, button_for(reminder.args["blocks"], ActionId.SENT),
                          message=reminder, channel="C0GENERAL")

    answer = slack.api.wait_for("response_url")[0].args
    assert answer["response_type"] == "ephemeral" and "Jane Smith" in shown_text(answer)
    slack.api.settle(quiet=0.3)
    assert slack.api.calls("chat.update") == []
    assert len(slack.api.calls("chat.postMessage")) == 2  # the confirmation, the reminder
    assert all(c.args.get("channel") != "C0GENERAL" for c in slack.api.calls())


# --- what reaches the logs ----------------------------------------------------------------
def test_a_calendar_link_sent_through_slack_never_reaches_the_logs(
        clock: SimulatedClock, slack_settings: Settings,
        slack_api: SlackApiStandIn, caplog: pytest.LogCaptureFixture) -> None:
    """The link goes out by response_url and by chat.postMessage; slack_sdk's DEBUG lines
    hold whole request bodies, so they must not be made (tests/log_secrets.py checks
    the whole session the same way)."""
    caplog.set_level(logging.DEBUG)
    runtime = build_runtime(slack_settings.model_copy(
        update={"public_url": "https://bot.example"}), clock)
    running = serve(runtime, slack_settings, slack_api)
    try:
        running.workspace.command(USER, "calendar feed")
        link = shown_text(slack_api.wait_for("response_url")[0].args)
        running.workspace.dm(USER, "calendar reset")
        reset = shown_text(posts(slack_api)[0].args)
    finally:
        running.stop()
        runtime.stop()
    tokens = [text.split("/calendar/")[1].split(".ics")[0] for text in (link, reset)]
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert all(token not in logged for token in tokens)


def test_a_sentence_acts_and_its_not_what_i_meant_button_takes_it_back(slack: Slack) -> None:
    slack.workspace.command(USER, "add Acme, analyst, today 2pm with Jane Smith")
    slack.api.wait_for("response_url")
    slack.workspace.command(USER, "acme offered me the job!!")
    (said,) = [c.args for c in slack.api.wait_for("response_url", 3)
               if "I read that as: An offer from Acme (#1)." in shown_text(c.args)]
    assert [i.outcome for i in slack.interviews()] == [Outcome.OFFER]

    slack.workspace.press(USER, button_for(said["blocks"], ActionId.NOT_MEANT),
                          ephemeral=True, channel="C0GENERAL")
    back = slack.api.wait_for("response_url", 4)[-1].args
    assert "OK, not that. #1 (analyst at Acme) is back as it was before" in shown_text(back)
    assert [i.outcome for i in slack.interviews()] == [None]


def test_delete_answers_with_an_undo_button_that_brings_the_interview_back(slack: Slack
                                                                           ) -> None:
    slack.workspace.command(USER, "add Acme, analyst, today 2pm with Jane Smith")
    slack.api.wait_for("response_url")
    slack.workspace.command(USER, "delete 1")
    deleted = slack.api.wait_for("response_url", 2)[-1].args
    assert "Deleted #1 (analyst at Acme)" in shown_text(deleted)
    assert slack.interviews() == []

    slack.workspace.press(USER, button_for(deleted["blocks"], ActionId.UNDO_DELETE),
                          ephemeral=True, channel="C0GENERAL")
    back = slack.api.wait_for("response_url", 3)[-1].args
    assert "Back: #1 (analyst at Acme)" in shown_text(back)
    assert [i.company for i in slack.interviews()] == ["Acme"]
