"""Exactly once: a replayed slash command or event, or a button pressed twice, is applied
once, and the repeat is told what the first did; a command whose save is slow is either
answered once stored or reported as not done, never "try again" and then done anyway.

Correctly signed HTTP requests go to the real Bolt app; its Web API calls and answers
through `response_url` reach the loopback Slack stand-in.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
from sqlalchemy.engine import make_url

from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from adapters.slack.answering import SlackCoach
from adapters.slack.app import LOST, STILL_SAVING
from adapters.slack.inbox import CommandInbox, InboxWorker
from adapters.slack.sender import interactive_client
from bot.conversation.once import REPEAT_LEAD
from bot.messages import ActionId
from bot.model import Platform
from bot.ports.clock import SimulatedClock
from storage import database
from tests.adapters.slack.conftest import USER, Slack, serve
from tests.adapters.slack.test_app import button_for, form_values, posts, to_due
from tests.standins.slack_api import SlackApiStandIn, shown_text

RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
ADD = "add Acme, data analyst, today 2pm with Jane Smith"


def repeats(api: SlackApiStandIn) -> list[str]:
    """What was said through response_urls to a repeat."""
    return [text for call in api.calls("response_url")
            if REPEAT_LEAD in (text := shown_text(call.args))]


# --- answered in the process that acked ---------------------------------------------
def test_a_replayed_add_in_the_apps_dm_makes_one_interview_and_one_dm(slack: Slack) -> None:
    payload = slack.workspace.command_payload(USER, ADD, channel="D0ALEX",
                                              channel_name="directmessage")

    first = slack.workspace.send_command(payload)
    posts(slack.api)
    replay = slack.workspace.send_command(payload, headers=RETRY)  # Slack's retry

    assert (first.status, replay.status) == (200, 200)
    slack.api.wait_for("response_url", where=lambda c: REPEAT_LEAD in shown_text(c.args))
    slack.api.settle(quiet=0.4)
    [dm] = slack.api.calls("chat.postMessage")
    assert "Added #1" in shown_text(dm.args)
    [repeat] = repeats(slack.api)
    assert "Added #1" in repeat  # the second answer says what the first did
    assert len(slack.interviews()) == 1


def test_the_same_command_delivered_twice_at_once_is_applied_once(slack: Slack) -> None:
    payload = slack.workspace.command_payload(USER, ADD)

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda _: slack.workspace.send_command(payload), range(2)))

    assert [a.status for a in answers] == [200, 200]
    replies = slack.api.wait_for("response_url", 2)
    slack.api.settle(quiet=0.4)
    assert len(slack.api.calls("response_url")) == 2
    texts = [shown_text(reply.args) for reply in replies]
    assert sum(REPEAT_LEAD in text for text in texts) == 1
    assert all("Added #1" in text for text in texts)
    assert len(slack.interviews()) == 1


def test_a_button_pressed_twice_is_applied_once_and_the_second_press_is_told(
        slack: Slack, clock: SimulatedClock) -> None:
    slack.workspace.dm(USER, "add Acme, analyst, today 2pm with Jane Smith")
    posts(slack.api)
    to_due(clock, slack.deliverer())
    reminder = posts(slack.api, 2)[-1]
    button = button_for(reminder.args["blocks"], ActionId.SENT)

    with ThreadPoolExecutor(max_workers=2) as pool:  # a double press: two payloads
        answers = list(pool.map(
            lambda _: slack.workspace.press(USER, button, message=reminder), range(2)))

    assert [a.status for a in answers] == [200, 200]
    slack.api.wait_for("response_url", where=lambda c: REPEAT_LEAD in shown_text(c.args))
    slack.api.settle(quiet=0.4)
    [update] = slack.api.calls("chat.update")  # the pressed message changed once
    [repeat] = repeats(slack.api)
    done = "Thank-you note to Jane Smith sent"
    assert done in shown_text(update.args) and done in repeat
    assert [call.method for call in slack.api.calls()
            if call.method in ("chat.update", "chat.postMessage")] == \
        ["chat.postMessage", "chat.postMessage", "chat.update"]  # nothing else was sent


def test_a_replayed_dm_event_is_not_answered_again(slack: Slack) -> None:
    slack.workspace.dm(USER, ADD, event_id="Ev0TWICE")
    posts(slack.api)
    slack.workspace.dm(USER, ADD, event_id="Ev0TWICE", retry_num=2)

    slack.api.settle(quiet=0.4)
    assert len(slack.api.calls("chat.postMessage")) == 1
    assert repeats(slack.api) == []  # Slack's retry: the first answer stands
    assert len(slack.interviews()) == 1


def test_the_add_form_submitted_twice_at_once_adds_one_interview_and_one_dm(
        slack: Slack) -> None:
    slack.workspace.command(USER, "add")
    view = slack.api.wait_for("views.open")[0].args["view"]
    submission = json.dumps(slack.workspace.view_submission_payload(USER, view, form_values()))

    with ThreadPoolExecutor(max_workers=2) as pool:  # the same signed body twice
        answers = list(pool.map(lambda _: slack.workspace.post(
            "payload=" + quote(submission), "application/x-www-form-urlencoded"), range(2)))

    assert [(a.status, a.body) for a in answers] == [(200, ""), (200, "")]  # both close
    posts(slack.api)
    slack.api.settle(quiet=0.4)
    [dm] = slack.api.calls("chat.postMessage")
    assert "Added #1" in shown_text(dm.args)
    assert len(slack.interviews()) == 1


def test_forget_me_applied_once_leaves_no_answer_of_the_person_behind(slack: Slack) -> None:
    slack.workspace.dm(USER, ADD)
    posts(slack.api)
    slack.workspace.dm(USER, "forget me")
    posts(slack.api, 2)
    slack.workspace.dm(USER, "yes")

    gone = shown_text(posts(slack.api, 3)[-1].args)
    assert "I deleted" in gone  # applied, not an apology
    assert slack.runtime.repo.answered_keys() == []  # the answers went with the person


# --- queued: stored by the web process, answered by the clock's ----------------------
@pytest.fixture
def web(runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn
        ) -> Iterator[Slack]:
    inbox = CommandInbox(runtime.repo, runtime.clock)
    running = serve(runtime, slack_settings, slack_api, inbox)
    yield running
    running.stop()
    inbox.close()


@pytest.fixture
def worker(slack_settings: Settings, clock: SimulatedClock) -> Iterator[InboxWorker]:
    runtime = build_runtime(slack_settings, clock)
    yield InboxWorker(SlackCoach(runtime, interactive_client(slack_settings)))
    runtime.stop()


def test_a_replayed_queued_command_is_stored_once_and_applied_once(
        web: Slack, worker: InboxWorker) -> None:
    payload = web.workspace.command_payload(USER, ADD)

    web.workspace.send_command(payload)
    web.workspace.send_command(payload, headers=RETRY)
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 1  # the key is unique

    assert worker.drain() == 1
    web.workspace.send_command(payload, headers=RETRY)  # after the first was answered
    assert worker.drain() == 1

    first, second = (shown_text(c.args) for c in web.api.wait_for("response_url", 2))
    assert "Added #1" in first and REPEAT_LEAD not in first
    assert REPEAT_LEAD in second and "Added #1" in second
    assert len(web.interviews()) == 1


def database_file(settings: Settings) -> str:
    return str(make_url(settings.database_url).database)


def test_a_slow_save_is_answered_once_stored_not_with_try_again(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn,
        worker: InboxWorker) -> None:
    inbox = CommandInbox(runtime.repo, runtime.clock, save_timeout=0.2)
    web = serve(runtime, slack_settings, slack_api, inbox)
    blocker = sqlite3.connect(database_file(slack_settings), isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database
        answer = web.workspace.command(USER, ADD)
        assert answer.status == 200 and STILL_SAVING in answer.body
        blocker.execute("ROLLBACK")  # the write that went on lands now
        for _ in range(200):  # bounded: until the writer has stored it
            if runtime.repo.waiting_requests(Platform.SLACK):
                break
            time.sleep(0.02)
        assert worker.drain() == 1
    finally:
        blocker.close()
        web.stop()
        inbox.close()
    [reply] = slack_api.wait_for("response_url")
    assert "Added #1" in shown_text(reply.args)
    assert len(web.interviews()) == 1


def test_a_slow_save_that_fails_after_all_is_reported_as_not_done(
        settings: Settings, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock, worker: InboxWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 300)  # gives up sooner
    runtime = build_runtime(slack_settings, clock)
    inbox = CommandInbox(runtime.repo, runtime.clock, save_timeout=0.05)
    web = serve(runtime, slack_settings, slack_api, inbox)
    blocker = sqlite3.connect(database_file(slack_settings), isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        answer = web.workspace.command(USER, ADD)
        assert STILL_SAVING in answer.body
        [told] = slack_api.wait_for("response_url")  # the write failed meanwhile
        blocker.execute("ROLLBACK")
        assert shown_text(told.args) == LOST
        assert runtime.repo.waiting_requests(Platform.SLACK) == 0
        assert worker.drain() == 0
        assert web.interviews() == []  # not done, as the person was told
    finally:
        blocker.close()
        web.stop()
        inbox.close()
        runtime.stop()
