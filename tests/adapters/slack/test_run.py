"""Starting the Slack app: clear one-line refusals for bad settings, and the real entry point
serving signed requests until told to stop, without a secret ever reaching the logs."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pydantic import SecretStr

from adapters.settings import Settings
from adapters.slack.app import COMMAND, run_slack
from adapters.slack.blocks import MESSAGE_SHORTCUT
from tests.adapters.slack.conftest import APP_TOKEN, SECRET, TOKEN
from tests.log_secrets import secret
from tests.standins.slack_api import SlackApiStandIn, SlackWorkspace, shown_text

USER_TOKEN = secret("xoxp-user-token", "a Slack user token")
WRONG_KIND = secret("xoxb-wrong-kind", "a Slack bot token given as the app token")


def refusal(settings: Settings, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        run_slack(settings, host="127.0.0.1")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line
    return err


@pytest.mark.parametrize(("change", "named"), [
    ({"slack_bot_token": None}, "SLACK_BOT_TOKEN is not set"),
    ({"slack_bot_token": SecretStr(USER_TOKEN)}, "starting with xoxb-"),
    ({"slack_signing_secret": None}, "SLACK_SIGNING_SECRET is not set"),
    ({"slack_app_token": SecretStr(WRONG_KIND)}, "SLACK_APP_TOKEN should be"),
    ({"slack_api_url": "slack.example/api/"}, "SLACK_API_URL"),
])
def test_missing_or_malformed_settings_stop_with_one_clear_line(
        slack_run_settings: Settings, capsys: pytest.CaptureFixture[str], change: dict,
        named: str) -> None:
    err = refusal(slack_run_settings.model_copy(update=change), capsys)
    assert err.startswith("followup-bot: ")
    assert named in err


def test_a_token_slack_rejects_stops_start_up_without_printing_it(
        slack_run_settings: Settings, slack_api: SlackApiStandIn,
        capsys: pytest.CaptureFixture[str]) -> None:
    slack_api.fail("auth.test", "invalid_auth")
    err = refusal(slack_run_settings, capsys)
    assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in err
    assert TOKEN not in err


def test_an_app_token_slack_rejects_stops_socket_mode_start_up(
        slack_run_settings: Settings, slack_api: SlackApiStandIn,
        capsys: pytest.CaptureFixture[str]) -> None:
    slack_api.fail("apps.connections.open", "invalid_auth")
    err = refusal(slack_run_settings.model_copy(
        update={"slack_app_token": SecretStr(APP_TOKEN)}), capsys)
    assert "Slack rejected SLACK_APP_TOKEN (invalid_auth)" in err
    assert APP_TOKEN not in err


def test_http_mode_serves_signed_requests_until_stopped_and_never_logs_secrets(
        slack_run_settings: Settings, slack_api: SlackApiStandIn,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with running_slack(slack_run_settings, slack_api) as workspace:
        assert workspace.dm("U0ALEX", "help").status == 200
        assert workspace.dm("U0ALEX", "help", secret="forged").status == 401
        reply = slack_api.wait_for("chat.postMessage")[0]
        assert "Here's what I understand" in shown_text(reply.args)
        assert all(call.authorized for call in slack_api.calls())
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert TOKEN not in logged and SECRET not in logged


def test_queue_mode_stores_and_acks_and_the_delivering_process_answers(
        slack_run_settings: Settings, slack_api: SlackApiStandIn) -> None:
    # FOLLOWUP_SLACK_COMMANDS=queue with delivery inline: this process also answers.
    settings = slack_run_settings.model_copy(update={"slack_commands": "queue"})
    with running_slack(settings, slack_api) as workspace:
        answer = workspace.command("U0ALEX", "add Acme, data analyst, today 2pm with Jo Lee")
        assert (answer.status, answer.body) == (200, "")
        reply = slack_api.wait_for("response_url", timeout=5)[0]
        assert "Added #1: data analyst at Acme" in shown_text(reply.args)


@contextmanager
def running_slack(settings: Settings, api: SlackApiStandIn) -> Iterator[SlackWorkspace]:
    """The real entry point in a thread, serving on loopback until the block ends; then
    it must stop within a bounded wait."""
    stop = threading.Event()
    runner = threading.Thread(target=run_slack, args=(settings,),
                              kwargs={"host": "127.0.0.1", "stop": stop}, daemon=True)
    runner.start()
    try:
        wait_until_listening(settings.port)
        yield SlackWorkspace(f"http://127.0.0.1:{settings.port}/slack/events", SECRET, api)
    finally:
        stop.set()
        runner.join(timeout=10)
    assert not runner.is_alive()


def wait_until_listening(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_the_manifest_declares_the_command_events_and_scopes_the_app_uses() -> None:
    manifest = (Path(__file__).parents[3] / "manifest.yml").read_text(encoding="utf-8")
    declared = {line.split("#")[0].strip(" -") for line in manifest.splitlines()}
    assert f"command: {COMMAND}" in declared
    assert {"app_home_opened", "message.im"} <= declared  # the events listened to
    # chat.postMessage/update, the command, file uploads, DMs read and opened, users.info
    assert {"chat:write", "commands", "files:write", "im:history", "im:write",
            "users:read"} <= declared
    assert f"callback_id: {MESSAGE_SHORTCUT}" in declared  # "Follow up on this"
    assert {"home_tab_enabled: true", "messages_tab_enabled: true",
            "messages_tab_read_only_enabled: false", "is_enabled: true"} <= declared
