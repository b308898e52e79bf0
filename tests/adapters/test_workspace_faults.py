"""The reliability checks with several Slack workspaces installed: the Procfile's `web`
(OAuth, "Add to Slack") and `clock` on PostgreSQL, four workspaces installed through the
real OAuth flow against the Slack stand-in, one of them then uninstalled. kill -9 of the
clock mid-burst of reminders (`tests/reminder_burst.py`) to the other three and to
Discord DMs (the REST stand-in), then a replayed slash command and a double-pressed
button in each workspace: every Web API call carries its own workspace's token, nothing
is lost or repeated beyond what was in flight, the departed workspace gets nothing."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from adapters.discord_bot.commands import WORKSPACE
from adapters.runtime import build_runtime
from adapters.settings import load_settings
from bot.conversation.once import REPEAT_LEAD
from bot.messages import ActionId
from bot.model import CheckpointState, Identity, Platform
from bot.ports.clock import SystemClock
from tests.adapters.slack.test_app import button_for
from tests.adapters.slack.test_oauth import CLIENT_ID, CLIENT_SECRET, install_at
from tests.adapters.slack.test_once import RETRY
from tests.procfile import Deployment, wait_until
from tests.reminder_burst import (
    BOUND,
    DiscordDms,
    SlackDms,
    checkpoints_in,
    kill_clock_mid_burst,
    plan_due,
)
from tests.standins.discord_api import DISCORD_TOKEN, DiscordApiStandIn
from tests.standins.slack_api import ApiCall, SlackApiStandIn, shown_text

TEAMS = ("T0AAA", "T0BBB", "T0CCC")
GONE = "T0ZZZ"  # installs, has reminders due, then uninstalls
PER_TEAM = 8  # 24 Slack DMs: 4 sent, 16 held (its 16 connections), 4 waiting
DISCORD_USERS = [5_000_000_000_000_000 + n for n in range(12)]  # 4 sent, 4 held, 4 waiting
NOT_INSTALLED = "your installation with this app is no longer available"  # Bolt's words


def people_of(team: str, count: int = PER_TEAM) -> list[Identity]:
    """`count` people in `team`; a user id (and its DM's id) names its team: UAAA00 is
    in T0AAA."""
    return [Identity(Platform.SLACK, team, f"U{team[2:]}{n:02d}") for n in range(count)]


def team_of(call: ApiCall) -> str | None:
    """The workspace a call is about: the one of the person or DM it names."""
    args = call.args
    who = str(args.get("channel") or args.get("user") or args.get("user_id")
              or args.get("users") or "")
    return f"T0{who[1:4]}" if who[:1] in ("U", "D") else None


@pytest.fixture
def discord() -> Iterator[DiscordApiStandIn]:
    api = DiscordApiStandIn().start()
    yield api
    api.stop()


@pytest.fixture
def deployment(tmp_path: Path, pg_url: str, discord: DiscordApiStandIn
               ) -> Iterator[Deployment]:
    api = SlackApiStandIn().start()
    api.client_credentials = (CLIENT_ID, CLIENT_SECRET)
    running = Deployment(tmp_path, pg_url, api, slack_token=None, env={
        "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_SCOPES": "chat:write,commands,im:history,users:read",
        "DISCORD_TOKEN": DISCORD_TOKEN, "DISCORD_API_URL": discord.url})
    yield running
    running.stop()
    api.stop()


def test_with_three_workspaces_installed_kill_9_replays_and_double_presses_stay_apart(
        deployment: Deployment, discord: DiscordApiStandIn, pg_url: str) -> None:
    api = deployment.api
    assert api is not None
    deployment.start("web")
    for team in (*TEAMS, GONE):
        status, page = install_at(deployment.root, api, team)
        assert status == 200, page
    staying = [who for team in TEAMS for who in people_of(team)]
    on_discord = [Identity(Platform.DISCORD, WORKSPACE, str(user)) for user in DISCORD_USERS]
    leaving = people_of(GONE, 2)
    due = plan_due(pg_url, staying + on_discord + leaving)
    assert len(due) == len(staying + on_discord + leaving)  # a thank-you each, due now

    installing = api.calls()  # the installs' own calls (auth.test), each with its token
    assert {c.team for c in installing if c.authorized} == {*TEAMS, GONE}
    api.uninstall(GONE)  # Slack revokes its token, then tells the app
    assert deployment.workspace_of(GONE).event({"type": "app_uninstalled"}).status == 200
    wait_until(lambda: len(checkpoints_in(pg_url, leaving, CheckpointState.CANCELLED))
               == len(leaving),
               what="the departed workspace's reminders cancelled")

    burst = kill_clock_mid_burst(deployment, [SlackDms(api), DiscordDms(discord, DISCORD_USERS)],
                                 [who.user for who in staying + on_discord], after=4)
    print(f"\n3 workspaces, kill -9 of clock mid-burst of reminders: {burst.summary()}")
    assert burst.lost() == []
    for platform in (staying, on_discord):  # caught mid-way on both platforms
        mine = {who.user for who in platform}
        assert mine & set(burst.before) and mine & set(burst.in_flight)
        assert mine - set(burst.before) - set(burst.in_flight)  # some not yet sent
    # Only a message in flight at the kill may go twice, and no more than twice.
    assert set(burst.repeated()) <= set(burst.in_flight), burst.summary()
    assert set(burst.repeated().values()) <= {1}
    assert burst.all_delivered_seconds <= BOUND, burst.summary()
    assert sorted(checkpoints_in(pg_url, staying + on_discord, CheckpointState.SENT)) == \
        sorted(set(due) - set(checkpoints_in(pg_url, leaving, CheckpointState.CANCELLED)))
    assert not {who.user for who in leaving} & set(burst.delivered)

    # In each workspace: Slack retries a slash command; a reminder's button pressed twice.
    for team in TEAMS:
        slack, who = deployment.workspace_of(team), people_of(team)[0].user
        payload = slack.command_payload(who, "add Retry Co, analyst, today 9am with Bo Li")
        tag = payload["response_url"].rsplit("/", 1)[1]
        assert slack.send_command(payload).status == 200
        api.wait_for("response_url", where=lambda c, tag=tag: c.args["_tag"] == tag)
        # Slack's retry after the command was answered and its row finished: a retry
        # that finds the row still stored is stored once with it (one answer, the first).
        wait_until(lambda: inbox_rows(pg_url) == 0, what="the answered command finished")
        assert slack.send_command(payload, headers=RETRY).status == 200
        answers = api.wait_for("response_url", 2, timeout=30,
                               where=lambda c, tag=tag: c.args["_tag"] == tag)
        assert "Added #2" in shown_text(answers[0].args), answers[0].args
        assert REPEAT_LEAD in shown_text(answers[1].args)

        reminder = next(c for c in api.calls("chat.postMessage") if c.args["channel"] == who)
        button = button_for(reminder.args["blocks"], ActionId.SENT)
        presses = [slack.press_payload(who, button, message=reminder) for _ in range(2)]
        with ThreadPoolExecutor(max_workers=2) as pool:  # two payloads, at once
            assert [a.status for a in pool.map(slack.interaction, presses)] == [200, 200]
        api.wait_for("chat.update", where=lambda c, team=team: team_of(c) == team)
        tags = {p["response_url"].rsplit("/", 1)[1] for p in presses}
        api.wait_for("response_url", where=lambda c, tags=tags: c.args["_tag"] in tags
                     and REPEAT_LEAD in shown_text(c.args))

    # The departed workspace: a command and a DM are neither stored nor answered; the
    # only word back is Bolt's own notice that the app is no longer installed.
    gone = deployment.workspace_of(GONE)
    asked = gone.command_payload(leaving[0].user, "add Gone Co, analyst, today 9am with X Y")
    assert gone.send_command(asked).status == 200
    assert gone.dm(leaving[0].user, "list").status == 200

    calls = api.settle(quiet=1.0, timeout=30)[len(installing):]
    updates = api.calls("chat.update")
    assert sorted(team_of(c) or "" for c in updates) == sorted(TEAMS)  # once each
    for call in calls:  # each call with its own workspace's token, none with GONE's
        if call.authorized and call.method != "oauth.v2.access":
            assert call.team in TEAMS and team_of(call) in (None, call.team), \
                (call.method, call.team, team_of(call))
    assert not [c for c in calls if team_of(c) == GONE]
    tag = asked["response_url"].rsplit("/", 1)[1]
    assert [NOT_INSTALLED in c.args["text"] for c in calls
            if c.method == "response_url" and c.args["_tag"] == tag] in ([], [True])
    # One interview each from the burst's set-up, one more per workspace (the command
    # Slack retried), none from the departed workspace's command.
    assert deployment.interviews() == len(staying + on_discord + leaving) + len(TEAMS)
    assert "Traceback" not in deployment.output()


def inbox_rows(database_url: str) -> int:
    """Slash commands stored and not yet finished, read by a runtime of its own."""
    runtime = build_runtime(load_settings(database_url=database_url), SystemClock())
    try:
        return runtime.repo.waiting_requests(Platform.SLACK)
    finally:
        runtime.stop()
