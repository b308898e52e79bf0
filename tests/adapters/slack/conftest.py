"""Fixtures shared by the Slack adapter's tests: the Web API stand-in, settings that point
the real app at it, and the app served over HTTP on 127.0.0.1 (`slack`, or `serve` for a
test that builds its own, with a command inbox or after a restart)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from pydantic import SecretStr

from adapters.runtime import Runtime
from adapters.settings import Settings
from adapters.slack.app import build_app, slack_sender
from adapters.slack.server import SlackHttpServer, slack_wsgi
from bot.delivery.deliverer import Deliverer
from bot.model import Identity, Platform
from tests.log_secrets import secret
from tests.standins.ports import free_port
from tests.standins.slack_api import TEAM, SlackApiStandIn, SlackWorkspace

SECRET = secret("8f742231b10e8888abcd99yyyzzz85a5", "the Slack signing secret")
TOKEN = secret("xoxb-1234-5678-standintoken", "the Slack bot token")
APP_TOKEN = secret("xapp-1-A0APP-1234-apptoken", "the Slack app token")  # Socket Mode's
USER = "U0ALEX"  # the person the Slack tests speak as


@pytest.fixture
def slack_api() -> Iterator[SlackApiStandIn]:
    api = SlackApiStandIn().start()
    yield api
    api.stop()


@pytest.fixture
def slack_settings(settings: Settings, slack_api: SlackApiStandIn) -> Settings:
    """Settings for an app in HTTP mode whose WebClient talks to the stand-in."""
    return settings.model_copy(update={
        "slack_bot_token": SecretStr(TOKEN), "slack_signing_secret": SecretStr(SECRET),
        "slack_api_url": slack_api.url,
    })


@pytest.fixture
def slack_run_settings(slack_settings: Settings) -> Settings:
    """`slack_settings` with a free loopback port, for `run_slack` to serve on."""
    return slack_settings.model_copy(update={"port": free_port()})


@dataclass
class Slack:
    """One running app: its runtime, its HTTP server, the workspace that talks to it."""

    runtime: Runtime
    server: SlackHttpServer
    workspace: SlackWorkspace
    api: SlackApiStandIn
    settings: Settings

    def stop(self) -> None:
        self.server.stop()

    def deliverer(self) -> Deliverer:
        return self.runtime.start_delivery({Platform.SLACK: slack_sender(self.settings)},
                                           background=False)

    def person(self, user: str = USER) -> Any:
        coach = self.runtime.coach
        return self.runtime.repo.person_for(Identity(Platform.SLACK, TEAM, user),
                                            coach.defaults.tz, coach.defaults.quiet)

    def interviews(self, user: str = USER) -> list[Any]:
        return self.runtime.repo.list_interviews(self.person(user).id)


def serve(runtime: Runtime, settings: Settings, api: SlackApiStandIn,
          inbox: Any = None) -> Slack:
    """The real Bolt app behind its production WSGI server on 127.0.0.1; with `inbox`,
    slash commands are stored there for another process to answer."""
    app = build_app(runtime, settings, inbox=inbox)
    server = SlackHttpServer(slack_wsgi(app, runtime), "127.0.0.1", 0)
    server.start_background()
    workspace = SlackWorkspace(f"http://127.0.0.1:{server.port}/slack/events", SECRET, api)
    return Slack(runtime, server, workspace, api, settings)


@pytest.fixture
def slack(runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn
          ) -> Iterator[Slack]:
    running = serve(runtime, slack_settings, slack_api)
    yield running
    running.stop()
