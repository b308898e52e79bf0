"""Socket Mode end to end: `run_slack` with SLACK_APP_TOKEN, as production starts it.

The app asks the stand-in Web API for a socket address (apps.connections.open, with the
app-level token), connects to a WebSocket stand-in on 127.0.0.1, and from then on Slack's
envelopes arrive over that socket. Each one must be acknowledged over the socket with its
`envelope_id` (Slack re-sends what is not acked within 3 s), and the answers go out through
the Web API as in HTTP mode: `response_url` for a slash command, chat.postMessage in the
app's DM for a message.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pydantic import SecretStr

from adapters.settings import Settings
from adapters.slack.app import run_slack
from tests.log_secrets import secret
from tests.standins.slack_api import ApiCall, SlackApiStandIn, button_labelled, shown_text
from tests.standins.slack_socket import SlackSocketStandIn, SocketWorkspace

TOKEN = secret("xoxb-1234-5678-sockettoken", "the Slack bot token")
APP_TOKEN = secret("xapp-1-A0APP-1234-socketapptoken", "the Slack app token")
USER = "U0ALEX"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def slack_api() -> Iterator[SlackApiStandIn]:
    api = SlackApiStandIn().start()
    yield api
    api.stop()


@pytest.fixture
def slack_socket(slack_api: SlackApiStandIn) -> Iterator[SlackSocketStandIn]:
    link = SlackSocketStandIn().start()
    slack_api.socket_url = link.url
    yield link
    link.stop()


@dataclass
class Running:
    """`run_slack` on a thread, the socket it connected to and Slack's side of it."""

    settings: Settings
    api: SlackApiStandIn
    socket: SlackSocketStandIn
    workspace: SocketWorkspace
    stop: threading.Event
    thread: threading.Thread

    def shut_down(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive(), "run_slack did not stop within 10 s"


@pytest.fixture
def running(settings: Settings, slack_api: SlackApiStandIn,
            slack_socket: SlackSocketStandIn) -> Iterator[Running]:
    # No signing secret: Socket Mode needs none (nothing signed arrives over HTTP).
    socket_settings = settings.model_copy(update={
        "slack_bot_token": SecretStr(TOKEN), "slack_app_token": SecretStr(APP_TOKEN),
        "slack_signing_secret": None, "slack_api_url": slack_api.url, "port": free_port(),
    })
    stop = threading.Event()
    thread = threading.Thread(target=run_slack, args=(socket_settings,),
                              kwargs={"host": "127.0.0.1", "stop": stop}, daemon=True,
                              name="run-slack")
    thread.start()
    app = Running(socket_settings, slack_api, slack_socket,
                  SocketWorkspace(slack_socket, slack_api), stop, thread)
    try:
        slack_socket.wait_connected(timeout=10)
        yield app
    finally:
        app.shut_down()


def tagged(tag_url: str) -> object:
    """Matches the response_url calls made to one command's `response_url`."""
    tag = tag_url.rsplit("/", 1)[-1]
    return lambda call: call.args.get("_tag") == tag


def in_dm(call: ApiCall) -> bool:
    return call.args.get("channel") == "D0ALEX"


def test_socket_mode_acks_each_envelope_and_answers_through_the_web_api(
        running: Running, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    api, link, workspace = running.api, running.socket, running.workspace

    # Connected the way Slack expects: a socket address asked for with the app token.
    (opened,) = api.calls("apps.connections.open")
    assert (opened.token_kind, opened.answer) == ("xapp", {"ok": True, "url": link.url})
    assert link.connections == 1

    # A slash command, answered to the asker alone. The ack does not wait for the work:
    # the work's users.info call is held until the ack has been seen (an ack that waited
    # would never come: Bolt gives up after 3 s and sends none).
    users_info = api.hold("users.info")
    envelope, response_url = workspace.command(
        USER, "add Acme, data analyst, today 2pm with Jane Smith", channel="C0GENERAL")
    assert link.wait_for_ack(envelope) == {"envelope_id": envelope}
    users_info.wait_held()  # the work is under way, waiting for Slack…
    assert api.calls("response_url") == []  # …and has answered nothing yet
    users_info.release()
    reply = api.wait_for("response_url", where=tagged(response_url))[0].args
    assert reply["response_type"] == "ephemeral"
    assert "Added #1: data analyst at Acme" in shown_text(reply)

    # A message in the app's Messages tab (events_api, message.im): a normal DM reply.
    envelope = workspace.dm(USER, "list")
    assert link.wait_for_ack(envelope) == {"envelope_id": envelope}
    (listed,) = api.wait_for("chat.postMessage", where=in_dm)
    assert "data analyst at Acme" in shown_text(listed.args)
    assert listed.args["unfurl_links"] is False

    # A button on that message (an `interactive` envelope) is acked and does its work.
    envelope = workspace.press(USER, button_labelled(listed.args["blocks"], "Plan #1"),
                               message=listed)
    assert link.wait_for_ack(envelope) == {"envelope_id": envelope}
    plan = api.wait_for("chat.postMessage", 2, where=in_dm)[-1]
    assert "Plan for #1: data analyst at Acme" in shown_text(plan.args)

    # Slack re-sends an envelope it thinks was not acked in time: acked again, done once.
    first = workspace.event_payload(workspace.im_event(USER, "help"))
    envelope = workspace.envelope("events_api", first, accepts_response=False,
                                  retry_attempt=0, retry_reason="")
    link.wait_for_ack(envelope)
    again = workspace.envelope("events_api", first, accepts_response=False,
                               retry_attempt=1, retry_reason="timeout")
    assert link.wait_for_ack(again) == {"envelope_id": again}
    api.settle(quiet=0.4)
    helps = [c for c in api.calls("chat.postMessage")
             if in_dm(c) and "Here's what I understand" in shown_text(c.args)]
    assert len(helps) == 1

    # Every Web API call used the bot token, except opening the socket; nothing the app
    # sent over the socket was anything but an ack; nothing listens on $PORT.
    assert {c.token_kind for c in api.calls() if c.method != "response_url"
            and c.method != "apps.connections.open"} == {"xoxb"}
    assert all(set(m) == {"envelope_id"} for m in link.received())
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1",
                                                           running.settings.port), 0.5):
        pass

    running.shut_down()
    deadline = time.monotonic() + 5
    while link.disconnections < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert link.disconnections == 1  # the app hung up when told to stop
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert APP_TOKEN not in logged and TOKEN not in logged


def test_a_refresh_from_slack_moves_the_app_to_a_new_socket_without_losing_envelopes(
        running: Running) -> None:
    api, link, workspace = running.api, running.socket, running.workspace

    # Slack closes Socket Mode connections every few hours, saying so first.
    link.send({"type": "disconnect", "reason": "refresh_requested",
               "debug_info": {"host": "applink-standin"}})
    deadline = time.monotonic() + 10
    while link.connections < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert link.connections == 2
    assert len(api.calls("apps.connections.open")) == 2
    link.wait_connected()
    while link.disconnections < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert link.disconnections == 1  # the old link was closed once the new one was up

    envelope = workspace.dm(USER, "help")
    assert link.wait_for_ack(envelope) == {"envelope_id": envelope}
    (answer,) = api.wait_for("chat.postMessage", where=in_dm)
    assert "Here's what I understand" in shown_text(answer.args)
