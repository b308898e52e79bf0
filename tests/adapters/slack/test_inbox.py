"""Queued slash commands: the web process stores and acks, the delivering process answers.

Signed HTTP requests go to the real Bolt app built with a `CommandInbox`; a second
runtime on the same database (as the clock process would be) runs the real
`InboxWorker`, whose answers reach the Slack stand-in's `response_url` on 127.0.0.1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime, build_runtime
from adapters.senders import platform_senders
from adapters.settings import Settings
from adapters.slack.answering import SlackCoach
from adapters.slack.inbox import (
    BATCH,
    EXPIRED,
    RESPONSE_URL_LIFETIME,
    CommandInbox,
    InboxWorker,
)
from adapters.slack.sender import interactive_client
from bot.conversation.coach import APOLOGY
from bot.delivery.lease import LEASE
from bot.model import Platform
from bot.ports.clock import SimulatedClock
from bot.ports.repository import RepositoryUnavailable
from storage.inbox import InboxRow
from tests.adapters.slack.conftest import USER, Slack, serve
from tests.standins.slack_api import SlackApiStandIn, shown_text


@pytest.fixture
def web(runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn
        ) -> Iterator[Slack]:
    """The web process: it stores commands and acks; nothing here answers them."""
    inbox = CommandInbox(runtime.repo, runtime.clock)
    running = serve(runtime, slack_settings, slack_api, inbox)
    yield running
    running.stop()
    inbox.close()


@pytest.fixture
def clock_process(slack_settings: Settings, clock: SimulatedClock) -> Iterator[InboxWorker]:
    """The process that delivers: its own runtime and connections on the same database."""
    runtime = build_runtime(slack_settings, clock)
    yield InboxWorker(SlackCoach(runtime, interactive_client(slack_settings)))
    runtime.stop()


def test_a_queued_command_is_acked_at_once_and_answered_by_the_clock_process(
    web: Slack, clock_process: InboxWorker
) -> None:
    answer = web.workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith")

    assert answer.status == 200 and answer.body == ""
    web.api.settle(quiet=0.3)
    assert web.api.calls("response_url") == []  # acknowledged, stored, not answered here
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 1

    assert clock_process.drain() == 1
    reply = web.api.wait_for("response_url")[0]
    assert reply.args["response_type"] == "ephemeral"
    assert "Added #1: data analyst at Acme" in shown_text(reply.args)
    assert [i.company for i in web.interviews()] == ["Acme"]
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 0


def test_the_clock_process_answers_over_a_few_connections_it_keeps_open(
    web: Slack, slack_settings: Settings, clock: SimulatedClock
) -> None:
    runtime = build_runtime(slack_settings, clock)
    runtime.senders.update(platform_senders(runtime))  # as `followup-bot clock` has them
    worker = InboxWorker(SlackCoach(runtime, interactive_client(slack_settings)))
    people = [f"U{n:04d}" for n in range(12)]
    try:
        for _ in (1, 2):  # the first round also looks each new person up
            for user in people:
                web.workspace.command(user, "list")
            before = web.api.connections
            web.api.clear()
            assert worker.drain() == 12
            answers = web.api.wait_for("response_url", 12)
    finally:
        runtime.stop()
    assert [c.method for c in web.api.calls()] == ["response_url"] * 12
    assert all("No interviews yet" in shown_text(a.args) for a in answers)
    assert all(a.args["response_type"] == "ephemeral" for a in answers)
    # Bolt's `respond` opens a connection (TCP, and TLS at Slack) for every answer.
    assert web.api.connections - before <= 2


def test_different_people_are_answered_side_by_side_and_each_in_their_order(
    web: Slack, clock_process: InboxWorker
) -> None:
    web.workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith")
    web.workspace.command(USER, "list")
    web.workspace.command("U2OTHER", "add Initech, QA engineer, today 10am with Dana Wu")
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 3
    held = web.api.hold("response_url")
    with ThreadPoolExecutor(1) as pool:
        draining = pool.submit(clock_process.drain)
        # Two answers in flight at once: the first of each person's (a worker answering
        # one at a time would never get past one, and this would fail after 5 s).
        held.wait_held(2)
        held.release()
        assert draining.result(timeout=10) == 3
    answers = [shown_text(c.args) for c in web.api.wait_for("response_url", 3)]
    mine = [a for a in answers if "Acme" in a]
    assert len(mine) == 2 and "Added #1: data analyst at Acme" in mine[0]  # add, then list
    assert any("Added #1: QA engineer at Initech" in a for a in answers)


def test_a_command_in_a_channel_asks_slack_who_manages_it_only_when_a_club_needs_to_know(
    web: Slack, slack_settings: Settings, clock: SimulatedClock
) -> None:
    web.api.add_user(USER, tz="Europe/Berlin")
    web.workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith")
    runtime = build_runtime(slack_settings, clock)
    try:
        InboxWorker(SlackCoach(runtime, interactive_client(slack_settings))).drain()
        web.api.wait_for("response_url")
        assert web.person().tz_confirmed
        # A clock process that has not met Alex yet (restarted, or INFO_TTL later).
        worker = InboxWorker(SlackCoach(runtime, interactive_client(slack_settings)))
        web.api.clear()
        for text in ("list", "sent 1"):
            web.workspace.command(USER, text)
        assert worker.drain() == 2
        web.api.wait_for("response_url", 2)
        assert [c.method for c in web.api.calls()] == ["response_url"] * 2

        web.workspace.command(USER, "club start Analysts")
        assert worker.drain() == 1
        reply = web.api.wait_for("response_url", 3)[-1]
    finally:
        runtime.stop()
    assert "Only someone who can manage this channel" in shown_text(reply.args)
    assert len(web.api.calls("users.info")) == len(web.api.calls("conversations.info")) == 1


def test_a_slow_answer_holds_up_no_one_else_behind_a_backlog(
    web: Slack, clock_process: InboxWorker
) -> None:
    """The worker claims more as answers finish, not once a whole batch has: a command
    stuck on Slack (here `club start`, asking who created the channel) leaves the other
    answering thread to answer everyone behind it, well past one batch."""
    others = [f"U{n:04d}" for n in range(BATCH + 9)]
    web.workspace.command(USER, "club start Analysts")
    for user in others:
        web.workspace.command(user, "list")
    stuck = web.api.hold("conversations.info")
    with ThreadPoolExecutor(1) as pool:
        draining = pool.submit(clock_process.drain)
        stuck.wait_held()
        answers = web.api.wait_for("response_url", len(others))  # while it is stuck
        assert all("No interviews yet" in shown_text(a.args) for a in answers)
        stuck.release()
        assert draining.result(timeout=10) == len(others) + 1
    last = web.api.wait_for("response_url", len(others) + 1)[-1]
    assert "Only someone who can manage this channel" in shown_text(last.args)
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 0


def stored_rows(runtime: Runtime) -> list[dict[str, Any]]:
    """The payload of every inbox row, read back from the table as stored."""
    with runtime.repo.engine.connect() as connection:
        payloads = connection.scalars(select(InboxRow.payload).order_by(InboxRow.id)).all()
    return [json.loads(payload) for payload in payloads]


def test_the_inbox_stores_only_what_answering_needs_and_deletes_it_once_answered(
    web: Slack, clock_process: InboxWorker
) -> None:
    sent = web.workspace.command_payload(USER, "list")
    assert "token" in sent and "user_name" in sent and "trigger_id" in sent  # Slack's all

    web.workspace.send_command(sent)

    [stored] = stored_rows(web.runtime)
    assert stored == {"team_id": sent["team_id"], "user_id": USER,
                      "channel_id": sent["channel_id"], "text": "list",
                      "response_url": sent["response_url"]}
    assert clock_process.drain() == 1
    assert "No interviews yet" in shown_text(web.api.wait_for("response_url")[0].args)
    assert stored_rows(web.runtime) == []  # deleted, not kept as answered


def test_a_command_that_failed_is_deleted_too_once_the_person_has_their_apology(
    web: Slack, clock_process: InboxWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in the coach")

    monkeypatch.setattr(clock_process.glue.runtime.coach, "handle", broken)
    web.workspace.command(USER, "list")

    assert clock_process.drain() == 1
    assert APOLOGY.split(".")[0] in shown_text(web.api.wait_for("response_url")[0].args)
    assert stored_rows(web.runtime) == []


def test_one_persons_queued_commands_are_answered_in_the_order_sent(
    web: Slack, clock_process: InboxWorker
) -> None:
    web.workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith")
    web.workspace.command(USER, "add Initech, QA lead, today 3pm with Bob Lee")
    web.workspace.command(USER, "list")

    assert clock_process.drain() == 3
    replies = [shown_text(call.args) for call in web.api.wait_for("response_url", 3)]
    assert "Added #1" in replies[0] and "Added #2" in replies[1]
    assert "Acme" in replies[2] and "Initech" in replies[2]


def test_a_command_a_dead_worker_had_claimed_is_answered_after_its_claim_goes_stale(
    web: Slack, clock_process: InboxWorker, clock: SimulatedClock
) -> None:
    web.workspace.command(USER, "list")
    repo = web.runtime.repo
    [claimed] = repo.claim_requests(Platform.SLACK, clock.now(), 10)  # then it "died"

    assert clock_process.drain() == 0  # a live worker's claim is left alone
    clock.advance(LEASE + timedelta(seconds=1))
    assert clock_process.drain() == 1
    assert "No interviews yet" in shown_text(web.api.wait_for("response_url")[0].args)
    assert claimed.attempts == 1


def test_a_worker_in_the_background_answers_as_soon_as_it_is_woken(
    runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn
) -> None:
    worker = InboxWorker(SlackCoach(runtime, interactive_client(slack_settings)),
                         safety_poll=30.0).start()  # only the wake-up explains a quick answer
    inbox = CommandInbox(runtime.repo, runtime.clock, wake=worker.wake)
    running = serve(runtime, slack_settings, slack_api, inbox)
    try:
        running.workspace.command(USER, "help")
        reply = slack_api.wait_for("response_url", timeout=5)[0]
        assert "Here's what I understand" in shown_text(reply.args)
    finally:
        running.stop()
        inbox.close()
        worker.stop()


def test_add_alone_still_opens_the_form_at_once_rather_than_queueing(
    web: Slack, clock_process: InboxWorker
) -> None:
    web.workspace.command(USER, "add")

    [opened] = web.api.wait_for("views.open")
    assert opened.args["trigger_id"].startswith("trigger.")
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 0


class UnavailableInbox:
    """An inbox whose database is down: what the listener must cope with."""

    def put(self, body: dict[str, Any], **_options: Any) -> None:
        raise RepositoryUnavailable("connection refused")


def test_a_command_that_cannot_be_stored_gets_a_friendly_ack_not_silence(
    runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn
) -> None:
    running = serve(runtime, slack_settings, slack_api, UnavailableInbox())
    try:
        answer = running.workspace.command(USER, "list")
    finally:
        running.stop()
    assert answer.status == 200
    assert "try again in a minute" in answer.body


def test_commands_arriving_together_are_stored_once_each_and_all_answered(
    web: Slack, clock_process: InboxWorker
) -> None:
    users = [f"U0P{n:03d}" for n in range(24)]
    with ThreadPoolExecutor(max_workers=12) as pool:  # many listeners share a commit
        answers = list(pool.map(lambda user: web.workspace.command(user, "help"), users))

    assert {(a.status, a.body) for a in answers} == {(200, "")}
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == len(users)
    assert clock_process.drain() == len(users)
    replies = web.api.wait_for("response_url", len(users))
    assert all("Here's what I understand" in shown_text(r.args) for r in replies)
    assert web.runtime.repo.waiting_requests(Platform.SLACK) == 0


# --- the web process answers Slack as soon as its listener returns ----------------------
def test_a_dm_to_the_web_process_is_acked_before_its_answer_has_heard_from_slack(
        web: Slack) -> None:
    """The listener returns at once and the answer follows from a pool thread: the
    answer's users.info call is held until the ack has been seen, so an ack that waited
    for it would never come (the request would time out). How fast DMs are acked while
    their answers are worked out is measured by bench/slack_path.py (its DM rows)."""
    users_info = web.api.hold("users.info")

    answer = web.workspace.dm(USER, "help")

    assert answer.status == 200
    users_info.wait_held()  # the answer is under way, waiting for Slack…
    assert web.api.calls("chat.postMessage") == []  # …and has not been posted yet
    users_info.release()
    reply = web.api.wait_for("chat.postMessage")[0]
    assert "Here's what I understand" in shown_text(reply.args)


def test_opening_the_home_tab_of_the_web_process_publishes_it_after_the_ack(web: Slack
                                                                          ) -> None:
    answer = web.workspace.event({"type": "app_home_opened", "user": USER, "tab": "home"})

    assert answer.status == 200
    (published,) = web.api.wait_for("views.publish", timeout=8)
    assert published.args["user_id"] == USER


def test_a_failure_after_the_ack_still_gets_the_person_an_apology(
    web: Slack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in the coach")

    monkeypatch.setattr(web.runtime.coach, "handle", broken)
    answer = web.workspace.dm(USER, "list")

    assert answer.status == 200
    apology = web.api.wait_for("chat.postMessage", timeout=8)[0]
    assert apology.args["channel"] == USER
    assert APOLOGY.split(".")[0] in shown_text(apology.args)


def test_closing_the_inbox_stores_what_waits_then_refuses_new_commands(
    runtime: Runtime,
) -> None:
    inbox = CommandInbox(runtime.repo, runtime.clock)
    inbox.put({"team_id": "T1", "user_id": "U1", "text": "list"})
    inbox.close()

    assert runtime.repo.waiting_requests(Platform.SLACK) == 1
    with pytest.raises(RepositoryUnavailable):
        inbox.put({"team_id": "T1", "user_id": "U1", "text": "list"})
    assert runtime.repo.waiting_requests(Platform.SLACK) == 1


def test_a_command_whose_response_url_expired_is_not_done_and_its_asker_told_by_dm(
    web: Slack, clock_process: InboxWorker, clock: SimulatedClock
) -> None:
    web.workspace.command(USER, "add Acme, data analyst, today 2pm with Jane Smith")
    clock.advance(RESPONSE_URL_LIFETIME + timedelta(minutes=1))  # nobody answered it

    assert clock_process.drain() == 0

    [told] = web.api.wait_for("chat.postMessage")
    assert told.args["channel"] == USER and shown_text(told.args) == EXPIRED
    assert web.api.calls("response_url") == []  # it no longer works
    assert stored_rows(web.runtime) == []  # cleaned up
    assert web.interviews() == []  # not done, as the DM says
