"""Many workspaces through "Add to Slack": three install through the real OAuth flow
(Bolt's /slack/install and /slack/oauth_redirect, Slack's side played by the stand-in),
use the app over signed HTTP, and get reminders through the real delivery path; every
Web API call carries the token of the workspace it is for, and no data crosses. One
uninstalls and gets nothing afterwards; its data goes after the grace period."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from pydantic import SecretStr
from sqlalchemy import text

from adapters.runtime import Runtime
from adapters.settings import Settings
from adapters.slack.oauth import slack_tokens
from adapters.slack.sender import slack_sender
from bot.messages import Inbound, Reply
from bot.model import ChannelRef, CheckpointState, Identity, Platform
from bot.ports.clock import SimulatedClock
from bot.ports.sender import SendFailed
from tests.adapters.slack.conftest import APP_TOKEN, SECRET, USER, Slack, serve
from tests.adapters.slack.test_run import refusal, running_slack
from tests.log_secrets import secret
from tests.standins.ports import free_port
from tests.standins.slack_api import SlackApiStandIn, SlackWorkspace

CLIENT_ID = "1111.2222"
CLIENT_SECRET = secret("c0ffee-client-secret-0123456789", "the Slack client secret")
TEAMS = ("T0AAA", "T0BBB", "T0CCC")


@pytest.fixture
def oauth_settings(settings: Settings, slack_api: SlackApiStandIn) -> Settings:
    slack_api.client_credentials = (CLIENT_ID, CLIENT_SECRET)
    return settings.model_copy(update={
        "slack_client_id": CLIENT_ID, "slack_client_secret": SecretStr(CLIENT_SECRET),
        "slack_scopes": "chat:write,commands,im:history,users:read",
        "slack_signing_secret": SecretStr(SECRET), "slack_api_url": slack_api.url,
    })


@pytest.fixture
def oauth_app(runtime: Runtime, oauth_settings: Settings, slack_api: SlackApiStandIn
              ) -> Iterator[Slack]:
    running = serve(runtime, oauth_settings, slack_api)
    yield running
    running.stop()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """GET `url`; the answer's headers with lower-case names."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            got = {k.lower(): v for k, v in response.headers.items()}
            return response.status, got, response.read().decode()
    except urllib.error.HTTPError as error:
        got = {k.lower(): v for k, v in error.headers.items()}
        return error.code, got, error.read().decode()


def install(app: Slack, team: str, **grant: Any) -> tuple[int, str]:
    """An installer opens /slack/install, approves on Slack (the stand-in), and comes back
    to /slack/oauth_redirect with the code and the state, in the same browser."""
    return install_at(f"http://127.0.0.1:{app.server.port}", app.api, team, **grant)


def install_at(root: str, api: SlackApiStandIn, team: str, **grant: Any) -> tuple[int, str]:
    """`install` on the app served at `root` (in this process or another)."""
    status, headers, page = get(f"{root}/slack/install")
    assert status == 200
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page)
    assert link, page
    query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    assert query["client_id"] == [CLIENT_ID]
    assert "chat:write" in query["scope"][0]
    state = secret(query["state"][0], "an install link's state")
    cookie = headers["set-cookie"].split(";")[0]
    code = api.authorize(team, **grant)
    back = urlencode({"code": code, "state": state})
    status, _, page = get(f"{root}/slack/oauth_redirect?{back}", {"Cookie": cookie})
    return status, page


def workspace(app: Slack, team: str) -> SlackWorkspace:
    return SlackWorkspace(app.workspace.endpoint, SECRET, app.api, team=team)


def person(runtime: Runtime, team: str) -> Any:
    return runtime.repo.person_for(Identity(Platform.SLACK, team, USER), "UTC",
                                   runtime.coach.defaults.quiet)


def add_interview(runtime: Runtime, team: str) -> None:
    """Directly through the core: the person in `team` had an interview at 2pm today."""
    who = Identity(Platform.SLACK, team, USER)
    runtime.coach.handle(Inbound(who, text="tz America/New_York"))
    runtime.coach.handle(Inbound(who, text="add Acme, analyst, today 2pm with Jane Smith"))


def left(runtime: Runtime, team: str, timeout: float = 5.0) -> None:
    """Return once the app has recorded that `team` left (its listener runs after the
    ack), bounded by `timeout`."""
    deadline = time.monotonic() + timeout
    while not runtime.repo.has_left(Platform.SLACK, team):
        assert time.monotonic() < deadline, f"{team} was not recorded as gone"
        time.sleep(0.02)


def companies(runtime: Runtime, team: str) -> list[str]:
    return [i.company for i in runtime.repo.list_interviews(person(runtime, team).id)]


def test_three_workspaces_each_speak_with_their_own_token_and_see_their_own_data(
        oauth_app: Slack, runtime: Runtime, oauth_settings: Settings, clock: SimulatedClock
) -> None:
    api = oauth_app.api
    for team in TEAMS:
        status, page = install(oauth_app, team)
        assert status == 200, page
    assert all(len(api.tokens_of(team)) == 1 for team in TEAMS)
    # The database holds no token in clear.
    with runtime.repo.engine.connect() as connection:
        stored = " ".join(row.sealed for row in connection.execute(
            text("SELECT sealed FROM slack_installations")))
    assert not any(token in stored for team in TEAMS for token in api.tokens_of(team))

    for team in TEAMS:  # the same person id and the same words in each workspace
        api.clear()
        slack = workspace(oauth_app, team)
        assert slack.dm(USER, f"add {team} Corp, analyst, today 2pm with Jane Smith").status \
            == 200
        api.wait_for("chat.postMessage")
        assert slack.command(USER, "list").status == 200
        api.wait_for("response_url")
        assert slack.home_opened(USER).status == 200
        api.wait_for("views.publish")
        calls = [c for c in api.settle() if c.authorized]
        assert calls and {c.team for c in calls} == {team}, [(c.method, c.team) for c in calls]

    assert {team: companies(runtime, team) for team in TEAMS} == \
        {team: [f"{team} Corp"] for team in TEAMS}

    # Reminders leave through the delivery path, each with its workspace's token.
    api.clear()
    tokens = slack_tokens(oauth_settings, runtime.repo, runtime.clock)
    deliverer = runtime.start_delivery({Platform.SLACK: slack_sender(oauth_settings, tokens)},
                                       background=False)
    assert deliverer.deliver_due() == 3
    posted = api.calls("chat.postMessage")
    assert sorted(c.team or "" for c in posted) == sorted(TEAMS)
    for call in posted:
        assert f"{call.team} Corp" in str(call.args)


def test_an_uninstalled_workspace_gets_nothing_afterwards_and_its_data_goes_after_grace(
        oauth_app: Slack, runtime: Runtime, oauth_settings: Settings, clock: SimulatedClock
) -> None:
    api = oauth_app.api
    for team in TEAMS[:2]:
        assert install(oauth_app, team)[0] == 200
    gone, stays = TEAMS[0], TEAMS[1]
    for team in TEAMS[:2]:
        add_interview(runtime, team)
    api.uninstall(gone)
    leaving = workspace(oauth_app, gone)
    assert leaving.event({"type": "app_uninstalled"}).status == 200
    left(runtime, gone)
    # Its queued reminders are dropped at once, not left to fail.
    (interview,) = runtime.repo.list_interviews(person(runtime, gone).id)
    assert {cp.state for cp in runtime.repo.checkpoints_for(interview.id)} <= \
        {CheckpointState.CANCELLED, CheckpointState.SENT, CheckpointState.DONE}

    api.clear()
    assert leaving.dm(USER, "list").status in (200, 401)
    clock.advance(timedelta(days=2))
    tokens = slack_tokens(oauth_settings, runtime.repo, runtime.clock)
    deliverer = runtime.start_delivery({Platform.SLACK: slack_sender(oauth_settings, tokens)},
                                       background=False)
    assert deliverer.deliver_due() >= 1
    calls = api.settle()
    assert calls and all(c.team == stays for c in calls if c.authorized)
    assert not [c for c in calls if c.team == gone]

    # Kept through the grace period (it might come back), deleted after it.
    clock.advance(timedelta(days=oauth_settings.departed_grace_days - 3))
    assert runtime.repo.purge_departed(clock.now())["people"] == 0
    clock.advance(timedelta(days=2))
    assert runtime.repo.purge_departed(clock.now()) == {"workspaces": 1, "people": 1,
                                                        "clubs": 0}
    assert runtime.repo.find_person(Identity(Platform.SLACK, gone, USER)) is None
    assert companies(runtime, stays) == ["Acme"]


def test_reinstalling_within_the_grace_period_keeps_the_data(
        oauth_app: Slack, runtime: Runtime, oauth_settings: Settings, clock: SimulatedClock
) -> None:
    team = TEAMS[0]
    assert install(oauth_app, team)[0] == 200
    add_interview(runtime, team)
    assert workspace(oauth_app, team).event({"type": "app_uninstalled"}).status == 200
    left(runtime, team)
    assert install(oauth_app, team)[0] == 200
    assert not runtime.repo.has_left(Platform.SLACK, team)
    clock.advance(timedelta(days=oauth_settings.departed_grace_days + 1))
    assert runtime.repo.purge_departed(clock.now())["people"] == 0
    assert companies(runtime, team) == ["Acme"]


def test_an_org_wide_install_is_refused_with_a_clear_message(oauth_app: Slack,
                                                            runtime: Runtime) -> None:
    status, page = install(oauth_app, "T0GRID", enterprise="E0GRID", org_wide=True)
    assert status == 400
    assert "one workspace at a time" in page
    with runtime.repo.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM slack_installations")).scalar() \
            == 0


def test_a_redirect_without_the_installers_state_installs_nothing(oauth_app: Slack,
                                                                   runtime: Runtime) -> None:
    root = f"http://127.0.0.1:{oauth_app.server.port}"
    code = oauth_app.api.authorize(TEAMS[0])
    status, _, _ = get(f"{root}/slack/oauth_redirect?code={code}&state=forged")
    assert status == 400
    _, _, page = get(f"{root}/slack/install")
    state = re.search(r"state=([^&\"]+)", page)
    assert state
    status, _, _ = get(f"{root}/slack/oauth_redirect?code={code}&state={state.group(1)}",
                       {"Cookie": f"slack-app-oauth-state={state.group(1)}x"})
    assert status == 400
    assert not oauth_app.api.calls("oauth.v2.access")


def test_followup_bot_slack_with_oauth_settings_serves_the_install_page(
        oauth_settings: Settings, slack_api: SlackApiStandIn) -> None:
    settings = oauth_settings.model_copy(update={"port": free_port()})
    with running_slack(settings, slack_api):
        status, headers, page = get(f"http://127.0.0.1:{settings.port}/slack/install")
    assert status == 200 and "slack-app-oauth-state=" in headers["set-cookie"]
    assert f"client_id={CLIENT_ID}" in page
    assert not slack_api.calls("auth.test")  # no one token to check: each install has its own


@pytest.mark.parametrize(("change", "named"), [
    ({"slack_app_token": SecretStr(APP_TOKEN)}, "unset SLACK_APP_TOKEN"),
    ({"slack_signing_secret": None}, "SLACK_SIGNING_SECRET is not set"),
    ({"slack_scopes": None}, "OAuth needs all three"),
])
def test_oauth_settings_that_cannot_work_stop_with_one_clear_line(
        oauth_settings: Settings, capsys: pytest.CaptureFixture[str], change: dict[str, Any],
        named: str) -> None:
    err = refusal(oauth_settings.model_copy(update=change), capsys)
    assert named in err and CLIENT_SECRET not in err


def test_with_token_rotation_on_an_expiring_token_is_refreshed_before_it_is_used(
        oauth_app: Slack, runtime: Runtime, oauth_settings: Settings) -> None:
    api, team = oauth_app.api, TEAMS[0]
    status, page = install(oauth_app, team, expires_in=60)  # within the 2-hour margin
    assert status == 200, page
    api.clear()
    slack = workspace(oauth_app, team)
    assert slack.dm(USER, "help").status == 200
    (reply,) = api.wait_for("chat.postMessage")
    assert reply.answer["ok"] and reply.team == team  # with a token that works
    assert api.rotations >= 1
    # The delivery path reads the rotated token from the database too.
    add_interview(runtime, team)
    tokens = slack_tokens(oauth_settings, runtime.repo, runtime.clock)
    deliverer = runtime.start_delivery({Platform.SLACK: slack_sender(oauth_settings, tokens)},
                                       background=False)
    api.clear()
    assert deliverer.deliver_due() == 1
    assert all(c.answer.get("ok") for c in api.calls("chat.postMessage"))


def test_with_one_token_an_uninstall_also_drops_the_queued_reminders(
        slack: Slack, runtime: Runtime) -> None:
    team = slack.workspace.team
    add_interview(runtime, team)
    assert slack.workspace.event({"type": "tokens_revoked",
                                  "tokens": {"bot": ["U0BOT"]}}).status == 200
    left(runtime, team)
    (interview,) = runtime.repo.list_interviews(person(runtime, team).id)
    assert CheckpointState.PENDING not in \
        {cp.state for cp in runtime.repo.checkpoints_for(interview.id)}
    slack.api.clear()
    assert slack.deliverer().deliver_due() == 0
    assert not slack.api.calls("chat.postMessage")


def test_club_posts_go_with_the_channels_workspace_token_and_none_to_a_departed_one(
        oauth_app: Slack, runtime: Runtime, oauth_settings: Settings) -> None:
    api = oauth_app.api
    for team in TEAMS:
        assert install(oauth_app, team)[0] == 200
    assert workspace(oauth_app, TEAMS[2]).event({"type": "app_uninstalled"}).status == 200
    left(runtime, TEAMS[2])
    api.clear()
    tokens = slack_tokens(oauth_settings, runtime.repo, runtime.clock)
    with slack_sender(oauth_settings, tokens) as sender:
        for team in TEAMS[:2]:
            sender.post(ChannelRef(Platform.SLACK, team, "C0GENERAL"),
                        Reply(text=f"This week in {team}", private=False))
        with pytest.raises(SendFailed) as refused:
            sender.post(ChannelRef(Platform.SLACK, TEAMS[2], "C0GENERAL"),
                        Reply(text="nobody should read this", private=False))
    assert refused.value.permanent
    posted = api.calls("chat.postMessage")
    assert [(c.team, c.args["text"]) for c in posted] == \
        [(team, f"This week in {team}") for team in TEAMS[:2]]
