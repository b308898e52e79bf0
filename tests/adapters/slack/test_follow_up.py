""""Follow up on this" (a message shortcut), the Edit button under a proposal, and the
App Home's mail line: signed requests to the real Bolt app, read back from what it
posted to the Slack Web API stand-in."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from adapters.slack.answering import FORM_DEADLINE
from adapters.slack.blocks import ADD_CALLBACK, EDIT_CALLBACK, MESSAGE_SHORTCUT
from tests.adapters.slack.conftest import USER, Slack
from tests.adapters.slack.test_app import form_values
from tests.standins.slack_api import button_labelled, shown_text

INVITE = "Hi Alex! Initech wants to see you Thursday 3pm with Dana Wu for the QA lead role."
ACME = "add Acme, data analyst, today 2pm with Jane Smith, they'll decide by Friday"


def initial(view: dict[str, Any]) -> dict[str, str]:
    """What each of the form's inputs starts with."""
    found = {}
    for block in view["blocks"]:
        element = block.get("element") or {}
        value = element.get("initial_value") or element.get("initial_date") or \
            element.get("initial_time")
        if value:
            found[block["block_id"]] = value
    return found


def stored(slack: Slack) -> str:
    """The person's interviews and open question, as stored."""
    person = slack.person()
    return f"{slack.interviews()} {slack.runtime.repo.get_conversation(person.id)}"


def test_the_shortcut_on_an_invitation_opens_the_add_form_filled_in(slack: Slack) -> None:
    answer = slack.workspace.message_action(USER, INVITE, MESSAGE_SHORTCUT)

    assert answer.status == 200 and answer.body == ""  # acked at once
    opened = slack.api.wait_for("views.open")[0].args
    assert opened["trigger_id"].startswith("trigger.")
    assert opened["view"]["callback_id"] == ADD_CALLBACK
    assert initial(opened["view"]) == {"company": "Initech", "role": "QA lead",
                                       "date": "2026-11-26", "time": "15:00",
                                       "people": "Dana Wu"}
    assert slack.interviews() == [] and "Thursday" not in stored(slack)

    slack.workspace.submit_view(USER, opened["view"], form_values(
        company="Initech", role="QA lead", date="2026-11-26", clock="15:00", people="Dana Wu"))
    assert "Added #1: QA lead at Initech" in shown_text(
        slack.api.wait_for("chat.postMessage")[0].args)


def test_the_shortcut_on_news_proposes_it_by_dm_and_edit_opens_the_line_to_change(
        slack: Slack) -> None:
    slack.workspace.dm(USER, ACME)
    slack.api.wait_for("chat.postMessage")
    slack.api.clear()
    slack.workspace.message_action(
        USER, "Hi Alex, lovely to meet you. Acme will decide by Friday the 4th. Jane Smith",
        MESSAGE_SHORTCUT)

    proposal = slack.api.wait_for("chat.postMessage")[0]
    assert proposal.args["channel"] == USER  # by DM: never in the channel
    assert "From that message I read: Acme (#1): they'll be in touch by Fri 04 Dec." in \
        shown_text(proposal.args)
    assert [b["text"]["text"] for b in proposal.args["blocks"][-1]["elements"]] == \
        ["Apply", "Not this", "Edit"]
    (interview,) = slack.interviews()
    assert interview.promise is not None and interview.promise.on.isoformat() == "2026-11-27"
    assert "lovely" not in stored(slack)

    slack.workspace.press(USER, button_labelled(proposal.args["blocks"], "Edit"),
                          message=proposal)
    opened = slack.api.wait_for("views.open")[0].args["view"]
    assert opened["callback_id"] == EDIT_CALLBACK
    assert initial(opened) == {"line": "promised 1 they'll decide by Fri 4 Dec 2026"}
    slack.api.clear()
    slack.workspace.submit_view(USER, opened, {"line": {"value": {
        "type": "plain_text_input", "value": "promised 1 they'll decide by Fri 11 Dec 2026"}}})
    slack.api.wait_for("chat.postMessage")
    (interview,) = slack.interviews()
    assert interview.promise is not None and interview.promise.on.isoformat() == "2026-12-11"


def test_the_shortcut_on_a_message_with_nothing_to_follow_up_says_so_by_dm(
        slack: Slack) -> None:
    slack.workspace.message_action(USER, "lunch at noon?", MESSAGE_SHORTCUT)
    said = slack.api.wait_for("chat.postMessage")[0].args
    assert said["channel"] == USER and "changed nothing" in shown_text(said)
    assert slack.api.calls("views.open") == []


@contextmanager
def busy_database(slack: Slack) -> Iterator[None]:
    """Another writer holds the SQLite database for longer than a form may wait."""
    busy = sqlite3.connect(slack.settings.database_url.removeprefix("sqlite:///"),
                           isolation_level=None, check_same_thread=False)
    busy.execute("BEGIN IMMEDIATE")
    freed = threading.Timer(FORM_DEADLINE + 0.5, busy.execute, ("ROLLBACK",))
    freed.start()
    try:
        yield
    finally:
        freed.join()
        busy.close()


def test_a_slow_read_holds_the_trigger_with_a_waiting_modal_then_fills_in_the_form(
        slack: Slack) -> None:
    with busy_database(slack):
        slack.workspace.message_action(USER, INVITE, MESSAGE_SHORTCUT)
        (waiting,) = slack.api.wait_for("views.open")
    assert "Reading the message" in shown_text(waiting.args["view"])

    (filled,) = slack.api.wait_for("views.update")
    assert filled.args["view_id"].startswith("V")  # the waiting modal, now the form
    assert filled.args["view"]["callback_id"] == ADD_CALLBACK
    assert initial(filled.args["view"])["company"] == "Initech"
    assert len(slack.api.calls("views.open")) == 1 and slack.interviews() == []


def test_a_slow_read_of_news_sends_it_by_dm_and_the_waiting_modal_says_where(
        slack: Slack) -> None:
    slack.workspace.dm(USER, ACME)
    slack.api.wait_for("chat.postMessage")
    slack.api.clear()
    with busy_database(slack):
        slack.workspace.message_action(USER, "Acme will decide by Friday the 4th.",
                                       MESSAGE_SHORTCUT)
        slack.api.wait_for("views.open")
    proposal = slack.api.wait_for("chat.postMessage")[0].args
    assert proposal["channel"] == USER and "Fri 04 Dec" in shown_text(proposal)
    (told,) = slack.api.wait_for("views.update")
    assert "in our DM" in shown_text(told.args["view"])


@pytest.mark.settings(mail_domain="mail.test")
def test_the_app_home_says_how_to_get_and_reset_the_private_address(slack: Slack) -> None:
    slack.workspace.home_opened(USER)
    home = shown_text(slack.api.wait_for("views.publish")[0].args)
    assert "send me `email` in the Messages tab" in home and "mail.test" not in home

    slack.workspace.dm(USER, "email")
    address = shown_text(slack.api.wait_for("chat.postMessage")[0].args)
    assert "@mail.test" in address  # shown once, in the DM
    slack.api.clear()
    slack.workspace.home_opened(USER)
    home = shown_text(slack.api.wait_for("views.publish")[0].args)
    assert "is set up" in home and "`email reset`" in home and "mail.test" not in home


def test_without_mail_the_app_home_says_nothing_of_it(slack: Slack) -> None:
    slack.workspace.home_opened(USER)
    assert "email" not in shown_text(slack.api.wait_for("views.publish")[0].args)
