"""Reminders delivered as Slack DMs through the core's Deliverer, against the stand-in API."""

from __future__ import annotations

import asyncio
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import aiohttp
import pytest

from adapters.runtime import Runtime
from adapters.settings import Settings
from adapters.slack.sender import CONNECTIONS, SlackSender, slack_sender, web_client
from bot.delivery.deliverer import LANES, PARKED, Deliverer
from bot.messages import Field, Inbound, Reply
from bot.model import (
    ChannelRef,
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Identity,
    Platform,
)
from bot.ports.clock import SimulatedClock
from bot.ports.sender import Sender, SendFailed
from tests.adapters.slack.conftest import USER
from tests.standins.ports import free_port
from tests.standins.slack_api import (
    TEAM,
    ApiCall,
    SlackApiStandIn,
    button_labelled,
    buttons,
    shown_text,
)

ALEX = Identity(Platform.SLACK, TEAM, USER)


def add_interview(runtime: Runtime) -> int:
    """Alex, in New York, had an interview at 2pm today (Monday 23 Nov, now 16:30)."""
    runtime.coach.handle(Inbound(ALEX, text="tz America/New_York"))
    runtime.coach.handle(Inbound(ALEX, text="add Acme, data analyst, today 2pm with "
                                            "Jane Smith (jane@acme.com)"))
    person = runtime.repo.person_for(ALEX, "UTC", runtime.coach.defaults.quiet)
    (interview,) = runtime.repo.list_interviews(person.id)
    return interview.id


def thank_you(runtime: Runtime, interview_id: int) -> Checkpoint:
    return next(cp for cp in runtime.repo.checkpoints_for(interview_id)
                if cp.kind is CheckpointKind.THANK_YOU)


def make_deliverer(runtime: Runtime, sender: Sender, workers: int, lanes: int = LANES
              ) -> Deliverer:
    """The core's Deliverer for one Slack sender: one reminder at a time (`workers=1`, as
    the simulated clock runs), or many at once on the sender's own event loop, as in
    production."""
    runtime.senders[Platform.SLACK] = sender  # closed with the runtime
    return Deliverer(runtime.repo, runtime.clock, runtime.coach, runtime.senders,
                     workers=workers, lanes=lanes)


def add_people(runtime: Runtime, count: int) -> list[Identity]:
    people = [Identity(Platform.SLACK, TEAM, f"U{n:04d}") for n in range(count)]
    for person in people:
        runtime.coach.handle(Inbound(person, text="tz America/New_York"))
        runtime.coach.handle(Inbound(person, text="add Acme, analyst, today 2pm with "
                                                  "Jane Smith"))
    return people


def test_a_due_reminder_arrives_as_a_dm_with_its_draft_and_buttons(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    interview_id = add_interview(runtime)
    deliverer = runtime.start_delivery({Platform.SLACK: slack_sender(slack_settings)},
                                       background=False)

    assert deliverer.deliver_due() == 1

    (call,) = slack_api.calls("chat.postMessage")
    assert call.authorized
    assert call.args["channel"] == USER  # Slack opens the DM with the app for a user id
    blocks = call.args["blocks"]
    assert blocks[0]["type"] == "header" and "Jane Smith" in blocks[0]["text"]["text"]
    assert call.args["text"].startswith(blocks[0]["text"]["text"])  # the notification
    drafts = [b["text"]["text"] for b in blocks
              if b["type"] == "section" and b["text"]["text"].startswith("```")]
    assert drafts and "Jane" in drafts[0]  # the note to Jane, in a block ready to copy
    cp = thank_you(runtime, interview_id)
    sent = next(b for b in buttons(blocks) if b["action_id"].startswith("followup:sent:"))
    assert (sent["action_id"], sent["value"]) == (f"followup:sent:{cp.id}", str(cp.id))
    mail = button_labelled(blocks, "Open in mail app")
    assert mail["url"].startswith("mailto:jane@acme.com?subject=")
    assert len({b["action_id"] for b in buttons(blocks)}) == len(buttons(blocks))
    assert cp.state is CheckpointState.SENT


@pytest.mark.parametrize("workers", [1, 4])
def test_a_429_makes_the_deliverer_wait_exactly_as_long_as_slack_asked(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock, workers: int) -> None:
    interview_id = add_interview(runtime)
    deliverer = make_deliverer(runtime, slack_sender(slack_settings), workers)
    slack_api.rate_limit(1, retry_after=120)

    assert deliverer.deliver_due() == 0
    assert len(slack_api.calls("chat.postMessage")) == 1  # no hidden retry inside slack_sdk
    waiting = thank_you(runtime, interview_id)
    assert waiting.state is CheckpointState.PENDING
    assert waiting.due_at == clock.now() + timedelta(seconds=120)

    clock.advance(timedelta(seconds=119))
    assert deliverer.deliver_due() == 0
    assert len(slack_api.calls("chat.postMessage")) == 1

    clock.advance(timedelta(seconds=2))
    assert deliverer.deliver_due() == 1
    assert len(slack_api.calls("chat.postMessage")) == 2
    assert thank_you(runtime, interview_id).state is CheckpointState.SENT


@pytest.mark.parametrize("workers", [1, 4])
def test_a_person_who_left_the_workspace_is_a_permanent_failure(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock, workers: int) -> None:
    interview_id = add_interview(runtime)
    deliverer = make_deliverer(runtime, slack_sender(slack_settings), workers)
    slack_api.fail("chat.postMessage", "account_inactive")

    assert deliverer.deliver_due() == 0

    parked = thank_you(runtime, interview_id)
    assert parked.state is CheckpointState.PENDING
    assert parked.due_at == clock.now() + PARKED


@pytest.mark.parametrize("workers", [1, 4])
def test_retry_after_counts_from_the_429_not_from_when_the_batch_was_claimed(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock, workers: int) -> None:
    interview_id = add_interview(runtime)
    deliverer = make_deliverer(runtime, slack_sender(slack_settings), workers)
    slack_api.rate_limit(1, retry_after=30)
    slow = slack_api.hold("chat.postMessage")

    with ThreadPoolExecutor(max_workers=1) as pool:
        claimed = clock.now()
        delivering = pool.submit(deliverer.deliver_due)  # claims at `claimed`
        slow.wait_held()
        answered = clock.advance(timedelta(seconds=10))  # Slack answers 10 s later: 429
        slow.release()
        assert delivering.result(timeout=30) == 0

    waiting = thank_you(runtime, interview_id)
    assert waiting.state is CheckpointState.PENDING
    assert waiting.due_at == answered + timedelta(seconds=30) \
        == claimed + timedelta(seconds=40)
    clock.set(claimed + timedelta(seconds=39))  # what counting from the claim would allow
    assert deliverer.deliver_due() == 0
    assert len(slack_api.calls("chat.postMessage")) == 1
    clock.set(answered + timedelta(seconds=30))
    assert deliverer.deliver_due() == 1


def test_a_burst_goes_out_once_each_over_a_few_connections_kept_open(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    people = add_people(runtime, 40)
    slack_api.clear()
    connections = slack_api.connections

    assert make_deliverer(runtime, slack_sender(slack_settings), workers=4).deliver_due() \
        == 40

    posted = [call.args["channel"] for call in slack_api.calls("chat.postMessage")]
    assert sorted(posted) == sorted(person.user for person in people)  # each once
    for person in people:
        found = runtime.repo.find_person(person)
        assert found is not None
        (interview,) = runtime.repo.list_interviews(found.id)
        assert thank_you(runtime, interview.id).state is CheckpointState.SENT
    # One connection per message before (slack_sdk's WebClient): now a few, reused.
    assert slack_api.connections - connections <= CONNECTIONS


class ActsWhileSending:
    """The real sender; while the first reminder is on its way, another person reports
    that they sent their note already."""

    def __init__(self, inner: SlackSender, runtime: Runtime) -> None:
        self.inner, self.runtime = inner, runtime
        self.to: list[Identity] = []

    def send(self, to: Identity, reply: Reply) -> None:
        raise AssertionError("the Deliverer sends on the loop")

    def event_loop(self) -> asyncio.AbstractEventLoop:
        return self.inner.event_loop()

    async def send_async(self, to: Identity, reply: Reply) -> None:
        self.to.append(to)
        if len(self.to) == 1:
            other = next(user for user in ("U0000", "U0001") if user != to.user)
            self.runtime.coach.handle(Inbound(Identity(Platform.SLACK, TEAM, other),
                                              text="sent 1 all"))
        await self.inner.send_async(to, reply)

    def close(self) -> None:
        self.inner.close()


def test_a_reminder_done_after_its_claim_is_not_sent_on_the_loop_either(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    add_people(runtime, 2)
    slack_api.clear()
    acting = ActsWhileSending(slack_sender(slack_settings), runtime)

    assert make_deliverer(runtime, acting, workers=4, lanes=1).deliver_due() == 1

    (call,) = slack_api.calls("chat.postMessage")
    assert [call.args["channel"]] == [acting.to[0].user]
    other = next(user for user in ("U0000", "U0001") if user != acting.to[0].user)
    found = runtime.repo.find_person(Identity(Platform.SLACK, TEAM, other))
    assert found is not None
    (interview,) = runtime.repo.list_interviews(found.id)
    assert thank_you(runtime, interview.id).state is CheckpointState.DONE


def test_a_closed_sender_starts_afresh_on_its_next_send(
        slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    with slack_sender(slack_settings) as sender:
        sender.send(ALEX, Reply(text="one"))
        sender.close()
        sender.send(ALEX, Reply(text="two"))

    assert [shown_text(call.args) for call in slack_api.calls("chat.postMessage")] == \
        ["one", "two"]


@pytest.mark.parametrize(("error", "permanent"), [
    ("user_not_found", True), ("channel_not_found", True), ("invalid_auth", True),
    ("internal_error", False), ("fatal_error", False),
])
def test_slack_errors_say_whether_retrying_can_help(
        slack_settings: Settings, slack_api: SlackApiStandIn, error: str, permanent: bool
        ) -> None:
    slack_api.fail("chat.postMessage", error)

    with pytest.raises(SendFailed) as failed:
        slack_sender(slack_settings).send(ALEX, Reply(text="Time to call Acme"))

    assert failed.value.permanent is permanent
    assert failed.value.retry_after is None
    assert error in str(failed.value)
    assert "xoxb" not in str(failed.value)


def test_an_unreachable_slack_is_a_failure_worth_retrying(slack_settings: Settings) -> None:
    port = free_port()  # a port nobody listens on
    unreachable = slack_settings.model_copy(
        update={"slack_api_url": f"http://127.0.0.1:{port}/api/"})

    with pytest.raises(SendFailed) as failed:
        slack_sender(unreachable).send(ALEX, Reply(text="Time to call Acme"))

    assert not failed.value.permanent


def test_slack_api_url_sets_the_clients_base_url_with_its_trailing_slash(
        slack_settings: Settings) -> None:
    without_slash = slack_settings.model_copy(
        update={"slack_api_url": "http://127.0.0.1:9/api"})

    assert web_client(without_slash).base_url == "http://127.0.0.1:9/api/"
    assert web_client(slack_settings.model_copy(update={"slack_api_url": None})).base_url \
        == "https://slack.com/api/"


def test_a_club_post_goes_to_its_channel(slack_settings: Settings,
                                        slack_api: SlackApiStandIn) -> None:
    club = ChannelRef(Platform.SLACK, TEAM, "C0CLUB")

    slack_sender(slack_settings).post(club, Reply(text="3 thank-you notes went out this week",
                                                  private=False))

    (call,) = slack_api.calls("chat.postMessage")
    assert call.args["channel"] == "C0CLUB"
    assert "3 thank-you notes" in shown_text(call.args)


def test_a_club_post_pings_only_its_listed_members_and_unfurls_nothing(
        slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    club = ChannelRef(Platform.SLACK, TEAM, "C0CLUB")
    digest = Reply(title="Cohort 5 · the week to Mon 30 Nov",
                   text="Follow-ups due this week: <@U0ALEX> (2). <!channel> <@U0SAM> "
                        "https://acme.example/jobs",
                   fields=(Field("Follow-ups this week", "3"),),
                   mentions=("U0ALEX",), private=False)

    slack_sender(slack_settings).post(club, digest)

    (call,) = slack_api.calls("chat.postMessage")
    assert call.args["unfurl_links"] is False and call.args["unfurl_media"] is False
    blocks = call.args["blocks"]
    assert blocks[0]["type"] == "header"
    shown = blocks[1]["text"]["text"]
    assert "<@U0ALEX> (2)" in shown
    assert "&lt;!channel&gt;" in shown and "&lt;@U0SAM&gt;" in shown
    assert blocks[2]["fields"] == [{"type": "mrkdwn", "text": "*Follow-ups this week*\n3"}]


def test_a_private_reply_is_never_posted_in_a_channel(
        slack_settings: Settings, slack_api: SlackApiStandIn) -> None:
    club = ChannelRef(Platform.SLACK, TEAM, "C0CLUB")

    with pytest.raises(SendFailed) as failed:
        slack_sender(slack_settings).post(club, Reply(text="Your plan for Acme", private=True))

    assert failed.value.permanent
    assert slack_api.calls("chat.postMessage") == []


@pytest.mark.parametrize("workers", [1, 4])
def test_a_429_storm_pauses_the_workspace_until_each_retry_after_and_loses_nothing(
        runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn,
        clock: SimulatedClock, workers: int) -> None:
    """Twelve 429s in a row (Retry-After 30 s each) across 20 reminders due at once (with
    4 senders all 20 are in flight when the first 429 comes; with 1, one): after that,
    nothing goes to the workspace until Retry-After has passed, counted from the 429;
    every reminder goes out once. Discord's storm: tests/adapters/discord_bot/test_delivery.py."""
    people = add_people(runtime, 20)
    slack_api.clear()
    slack_api.stamp_with(clock.now)
    storm, wait = 12, timedelta(seconds=30)
    slack_api.rate_limit(storm, retry_after=int(wait.total_seconds()))
    deliverer = make_deliverer(runtime, slack_sender(slack_settings), workers=workers)

    def posted() -> list[ApiCall]:
        return [c for c in slack_api.calls("chat.postMessage") if c.answer.get("ok")]

    for _ in range(200):  # bounded: 5 s steps of the simulated clock
        if len(posted()) == len(people):
            break
        deliverer.deliver_due()
        clock.advance(timedelta(seconds=5))
    assert sorted(c.args["channel"] for c in posted()) == sorted(p.user for p in people)

    calls = slack_api.calls("chat.postMessage")
    refused = [c for c in calls if not c.answer.get("ok")]
    assert len(refused) == storm  # no early call earned another 429
    for limited in refused:
        assert limited.at is not None
        early = [c for c in calls if c.at is not None and limited.at < c.at < limited.at + wait]
        assert not early, (limited.at, [c.at for c in early])
        # After it, at its instant, only what was in flight with it: one round's lanes.
        assert len([c for c in calls[calls.index(limited) + 1:] if c.at == limited.at]) \
            < (1 if workers == 1 else LANES)


class _DroppingServer:
    """A response_url on loopback that closes the first `drops` connections without a
    word (a connection broken mid-answer), then answers "ok"; it keeps each request."""

    def __init__(self, drops: int) -> None:
        self.drops, self.bodies = drops, []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/commands/1/2"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        for _ in range(4):  # bounded: never more than this test's connections
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            with connection:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += connection.recv(65536)
                head, _, body = request.partition(b"\r\n\r\n")
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length")))
                while len(body) < length:
                    body += connection.recv(65536)
                self.bodies.append(body)
                if len(self.bodies) <= self.drops:
                    continue  # closed without an answer
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                                   b"Connection: close\r\n\r\nok")

    def close(self) -> None:
        self._socket.close()


def test_an_answer_whose_connection_broke_is_sent_once_more_then_given_up(
        slack_settings: Settings) -> None:
    once = _DroppingServer(drops=1)
    with slack_sender(slack_settings) as sender:
        answered = sender.respond(once.url, text="Added #1")
    once.close()
    assert (answered.status_code, answered.body) == (200, "ok")
    assert len(once.bodies) == 2 and once.bodies[0] == once.bodies[1]  # the same answer again

    always = _DroppingServer(drops=3)
    with slack_sender(slack_settings) as sender, pytest.raises(aiohttp.ClientError):
        sender.respond(always.url, text="Added #1")
    always.close()
    assert len(always.bodies) == 2  # one retry, no more
