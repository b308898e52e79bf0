"""Job-search clubs through the real Slack app: signed `/followup` commands in, and the
Web API stand-in recording everything the app posts, and where.

The Bolt app runs behind its production WSGI server on 127.0.0.1; reminders and club
posts go out through the real `SlackSender`, driven by the core's Deliverer on a
simulated clock (`advance_to`) that starts on Thursday 22 October 2026, ten days before
the US clocks go back. The stand-in stamps each call with that clock, so a test can say
when, in the club's time, a post reached its channel.

Members type `/followup …` in the club's channel, each with their own user id, zone and
name from users.info (only a question the app asks back is answered in its DM). Every
answer is ephemeral (response_url), so the only things the channel shows are the club's
own posts (chat.postMessage to the channel), and those are scanned for anything private.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from adapters.runtime import Runtime
from adapters.settings import Settings
from adapters.slack.app import build_app, slack_sender
from adapters.slack.server import SlackHttpServer, slack_wsgi
from bot.clubs.schedule import window
from bot.conversation.coach import APOLOGY
from bot.delivery.deliverer import Deliverer
from bot.model import ChannelRef, Platform
from bot.ports.clock import SimulatedClock
from tests import club_month as month
from tests.adapters.slack.conftest import SECRET
from tests.club_month import NEW_YORK, START, local
from tests.standins.slack_api import (
    FOUNDER,
    TEAM,
    ApiCall,
    SlackApiStandIn,
    SlackWorkspace,
    shown_text,
)

UTC = ZoneInfo("UTC")
CLUB = "C0CLUB"
ORGANISER = "U0ORG"  # a workspace admin
MEMBER = "U0MAYA"
OUTSIDER = "U0NORA"  # uses the bot in the club's channel but never joins


# --- the app, its workspaces and what reached each channel ------------------------------
@dataclass
class SlackClubs:
    runtime: Runtime
    server: SlackHttpServer
    api: SlackApiStandIn
    deliverer: Deliverer
    endpoint: str
    workspaces: dict[str, SlackWorkspace] = field(default_factory=dict)

    def workspace(self, team: str = TEAM) -> SlackWorkspace:
        if team not in self.workspaces:
            self.workspaces[team] = SlackWorkspace(self.endpoint, SECRET, self.api, team)
        return self.workspaces[team]

    def ask(self, user: str, text: str, *, channel: str = CLUB, team: str = TEAM,
            replies: int = 1) -> list[ApiCall]:
        """`user` types `/followup <text>` in `channel`; the (ephemeral) answers, once
        Slack has the first `replies` of them (a next round's news, then its question, are
        two). Waiting for them keeps the simulated clock still while the app works."""
        workspace = self.workspace(team)
        payload = workspace.command_payload(user, text, channel=channel)
        answer = workspace.send_command(payload)
        assert (answer.status, answer.body) == (200, ""), answer
        tag = payload["response_url"].rsplit("/", 1)[-1]
        return self.api.wait_for("response_url", replies,
                                 where=lambda c: c.args["_tag"] == tag)

    def say(self, user: str, text: str, *, replies: int = 1, **where: str) -> str:
        """The text of `ask`'s answers."""
        return "\n".join(shown_text(c.args)
                         for c in self.ask(user, text, replies=replies, **where))

    def dm(self, user: str, text: str, *, team: str = TEAM) -> str:
        """`user` writes `text` in the app's Messages tab; the text of its answers."""
        conversation = "D" + user[1:]
        before = len(self.posts_in(conversation))
        answer = self.workspace(team).dm(user, text)
        assert answer.status == 200, answer
        replies = self.api.wait_for("chat.postMessage", before + 1,
                                    where=lambda c: c.args["channel"] == conversation)
        return "\n".join(shown_text(c.args) for c in replies[before:])

    def wait(self, target: datetime) -> None:
        """Move the clock to `target`, delivering reminders and club posts as they fall due."""
        self.deliverer.advance_to(target)

    def posts_in(self, channel: str) -> list[ApiCall]:
        return [c for c in self.api.calls("chat.postMessage") if c.args["channel"] == channel]

    def digests_in(self, channel: str) -> list[ApiCall]:
        return [c for c in self.posts_in(channel) if "the week to" in header(c)]

    def moments_in(self, channel: str) -> list[ApiCall]:
        return [c for c in self.posts_in(channel) if not header(c)]


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


@pytest.fixture
def clubs(runtime: Runtime, slack_settings: Settings, slack_api: SlackApiStandIn,
          clock: SimulatedClock) -> Iterator[SlackClubs]:
    slack_api.stamp_with(clock.now)
    slack_api.add_user(ORGANISER, admin=True, real_name="Olga Organiser")
    slack_api.add_user(MEMBER, real_name="Maya Member")
    slack_api.add_user(OUTSIDER, real_name="Nora Outsider")
    slack_api.add_channel(CLUB, creator=FOUNDER)
    server = SlackHttpServer(slack_wsgi(build_app(runtime, slack_settings), runtime),
                             "127.0.0.1", 0)
    server.start_background()
    deliverer = runtime.start_delivery({Platform.SLACK: slack_sender(slack_settings)},
                                       background=False)
    try:
        yield SlackClubs(runtime, server, slack_api, deliverer,
                         f"http://127.0.0.1:{server.port}/slack/events")
    finally:
        server.stop()


# --- reading what the channel shows ----------------------------------------------------------
def header(call: ApiCall) -> str:
    blocks = call.args.get("blocks") or []
    return blocks[0]["text"]["text"] if blocks and blocks[0]["type"] == "header" else ""


def fields(call: ApiCall) -> dict[str, str]:
    """A message's fields by label (`*Label*\\nvalue`): a digest's or a report's numbers."""
    found = {}
    for block in call.args["blocks"]:
        for item in block.get("fields", []):
            label, _, value = item["text"].partition("\n")
            found[label.strip("*")] = value
    return found


def counts(digest: ApiCall) -> dict[str, int]:
    return {label: int(value) for label, value in fields(digest).items()}


def everything(call: ApiCall) -> str:
    """All a channel member could read in a post: blocks, the notification text, all."""
    return json.dumps(call.args, ensure_ascii=False)


def mentions(call: ApiCall) -> set[str]:
    text = everything(call)
    return {part.split(">", 1)[0] for part in text.split("<@")[1:]}


def local_stamp(call: ApiCall, zone: ZoneInfo = NEW_YORK) -> str:
    assert call.at is not None
    return f"{call.at.astimezone(zone):%a %Y-%m-%d %H:%M %Z}"


def only_club_posts_reach(api: SlackApiStandIn, channels: set[str]) -> None:
    """Nothing but chat.postMessage ever names a club's channel (no ephemeral message,
    file or update), and every answer to a command was ephemeral."""
    for call in api.calls():
        where = {call.args.get("channel"), call.args.get("channel_id")}
        if where & channels:
            assert call.method in ("chat.postMessage", "conversations.info"), call
    for call in api.calls("response_url"):
        assert call.args["response_type"] == "ephemeral", call.args


def understood_everything(api: SlackApiStandIn) -> None:
    """No answer to a command was confusion: each one did what the test meant."""
    for call in api.calls("response_url"):
        text = shown_text(call.args)
        for sign in ("I don't know", "Which interview?", "Still waiting for your answer",
                     "can't find", APOLOGY):
            assert sign not in text, text


def start_club(clubs: SlackClubs, name: str, *, organiser: str = ORGANISER,
               channel: str = CLUB, team: str = TEAM) -> None:
    assert "you're its organiser" in clubs.say(organiser, f"club start {name}",
                                               channel=channel, team=team)


# --- (a) nothing private reaches the channel without opt-in ---------------------------------
PRIVATE = ("Zorvex", "lichen", "Quilla", "Marsh", "Oswin", "Pellgrave", "Fenwright", "Dalia",
           "Kestrelwick", "Tamsin", "Thornby", OUTSIDER, "Nora")


def test_the_channel_sees_counts_never_companies_or_names_unless_shared(
        clubs: SlackClubs) -> None:
    start_club(clubs, "Cohort 5")
    assert "Welcome to Cohort 5" in clubs.say(MEMBER, "club join")
    clubs.say(MEMBER, "club mentions on")
    added = clubs.say(MEMBER, "add Zorvex, lichen analyst, today 10am with Quilla Marsh "
                              "and Oswin Pellgrave")
    assert "Added #1: lichen analyst at Zorvex" in added  # ephemeral, to Maya alone
    clubs.say(MEMBER, "add Brightmoor, tide engineer, today 9am with Dalia Fenwright")
    assert "details" in clubs.say(MEMBER, "share 2 details")
    clubs.say(MEMBER, "sent 1")
    clubs.say(MEMBER, "sent 2")
    clubs.say(OUTSIDER, "add Kestrelwick, map maker, today 10am with Tamsin Thornby")
    clubs.say(OUTSIDER, "share 1 details")  # shared with the club, but she isn't in it
    clubs.say(OUTSIDER, "sent 1")
    clubs.wait(local(6, 11))  # Wednesday 28 October
    clubs.say(MEMBER, "called 1 no answer")
    assert "What did they say?" in clubs.say(MEMBER, "called 2 answered")
    assert "no news yet" in clubs.dm(MEMBER, "no news")  # answered in the DM
    clubs.say(MEMBER, "heard 1 offer")  # shared at progress: no company in the channel
    clubs.say(MEMBER, "heard 2 next round", replies=2)  # shared with details: may show
    # It asks when the next round is; not now (answered in the DM, where questions are).
    assert "dropped" in clubs.dm(MEMBER, "cancel")
    clubs.say(OUTSIDER, "called 1 no answer")
    clubs.say(OUTSIDER, "heard 1 offer")
    clubs.wait(local(11, 9, 30))  # Monday 2 November, after the digest

    posts = clubs.posts_in(CLUB)
    assert [header(p) for p in posts] == [
        "This channel is now a job-search club", "Cohort 5 · the week to Mon 26 Oct",
        "", "", "Cohort 5 · the week to Mon 2 Nov"]
    for post in posts:
        for word in PRIVATE:
            assert word not in everything(post), (word, shown_text(post.args))
    offer, next_round = clubs.moments_in(CLUB)
    assert "has an offer" in shown_text(offer.args) and "Brightmoor" not in everything(offer)
    assert "next round for tide engineer at Brightmoor" in shown_text(next_round.args)
    assert [p for p in posts if "Brightmoor" in everything(p)] == [next_round]
    first, second = clubs.digests_in(CLUB)
    assert counts(first)["Thank-you notes sent"] == 3  # one per interviewer; not Nora's
    assert (counts(second)["Follow-up calls made"], counts(second)["Offers"],
            counts(second)["Next rounds"]) == (2, 1, 1)
    assert all(mentions(p) <= {MEMBER} for p in posts)  # opted in; nobody else tagged
    only_club_posts_reach(clubs.api, {CLUB})
    understood_everything(clubs.api)


def test_a_question_asked_in_the_channel_can_be_answered_or_dropped_there(
        clubs: SlackClubs) -> None:
    start_club(clubs, "Cohort 5")
    clubs.say(MEMBER, "add Zorvex, lichen analyst, today 10am with Quilla Marsh")
    asked = clubs.say(MEMBER, "heard 1 next round", replies=2)
    assert "`/followup answer …`" in asked  # ephemeral, in the channel
    assert "`same` for Quilla Marsh" in clubs.say(MEMBER, "answer Dec 2 at 11am")
    assert "Added #2" in clubs.say(MEMBER, "answer same")
    clubs.say(MEMBER, "heard 2 next round", replies=2)
    assert "dropped" in clubs.say(MEMBER, "cancel")


# --- (b) the digest keeps to the club's local time across the DST change ---------------------
def test_the_weekly_digest_keeps_to_9am_new_york_time_across_the_dst_change(
        clubs: SlackClubs) -> None:
    # The organiser is in London, whose clocks go back a week before New York's: the club's
    # own zone, not hers, decides when the digest is posted.
    clubs.api.add_user("U0LOU", admin=True, tz="Europe/London", real_name="Lou London")
    start_club(clubs, "Night Owls", organiser="U0LOU")
    saved = clubs.say("U0LOU", "club settings tz=America/New_York digest=monday 09:00")
    assert "every Monday 09:00 (America/New_York)" in saved
    assert "Mon 2026-10-26 09:00 EDT" in saved
    clubs.say(MEMBER, "club join")
    clubs.say(MEMBER, "add Acme, data analyst, today 10am with Jane Smith, "
                      "they'll decide by Friday")
    clubs.wait(local(4, 9, 30))  # Monday 26 October, after the first digest
    clubs.say(MEMBER, "sent 1")  # 09:30 EDT: counted in the next week's
    assert "next on Mon 2026-11-02 09:00 EST" in clubs.say(MEMBER, "club")
    clubs.wait(local(10, 8, 30))  # Sunday 1 November: the clocks went back at 2am
    clubs.say(MEMBER, "called 1 no answer")
    clubs.wait(local(18, 12))  # Tuesday 10 November

    digests = clubs.digests_in(CLUB)
    assert [local_stamp(d) for d in digests] == [
        "Mon 2026-10-26 09:00 EDT", "Mon 2026-11-02 09:00 EST", "Mon 2026-11-09 09:00 EST"]
    assert [d.at.astimezone(UTC).hour for d in digests if d.at] == [13, 14, 14]
    assert [header(d) for d in digests] == [
        "Night Owls · the week to Mon 26 Oct", "Night Owls · the week to Mon 2 Nov",
        "Night Owls · the week to Mon 9 Nov"]
    first, second, third = map(counts, digests)
    assert (first["Thank-you notes sent"], first["Follow-up calls made"]) == (0, 0)
    assert (second["Thank-you notes sent"], second["Follow-up calls made"]) == (1, 1)
    assert third["Follow-ups this week"] == 0
    # Nothing else was posted in the channel, at any hour: the notice and three digests.
    assert len(clubs.posts_in(CLUB)) == 4
    understood_everything(clubs.api)


# --- (c) two clubs in two workspaces ---------------------------------------------------------
BETA = "T0BETA"  # a second workspace of the same organisation (one org-wide install)


def test_two_clubs_in_two_workspaces_never_see_each_others_data(clubs: SlackClubs) -> None:
    api = clubs.api
    api.add_channel("C0ALPHA", creator=FOUNDER, name="alpha-club")
    api.add_channel("C0BETA", creator="U0BFOUNDER", name="beta-club")
    api.add_user("U0ADA", admin=True, real_name="Ada Alpha")
    api.add_user("U0ANNA", real_name="Anna Alvarez")
    for user, name in (("U0BEA", "Bea Beta"), ("U0BRUNO", "Bruno Bianchi"),
                       ("U0BIANCA", "Bianca Brandt")):
        api.add_user(user, admin=user == "U0BEA", real_name=name, team=BETA)

    def alpha(user: str, text: str) -> list[ApiCall]:
        return clubs.ask(user, text, channel="C0ALPHA")

    def beta(user: str, text: str) -> list[ApiCall]:
        return clubs.ask(user, text, channel="C0BETA", team=BETA)

    start_club(clubs, "Alpha Club", organiser="U0ADA", channel="C0ALPHA")
    start_club(clubs, "Beta Club", organiser="U0BEA", channel="C0BETA", team=BETA)
    for line in ("club join", "club mentions on",
                 "add Zorvex, lichen analyst, today 10am with Quilla Marsh",
                 "share 1 details", "sent 1", "heard 1 offer"):
        alpha("U0ANNA", line)
    for user in ("U0BRUNO", "U0BIANCA"):
        beta(user, "club join")
        beta(user, "club mentions on")
    for line in ("add Quillon, tide engineer, today 9am with Oswin Pellgrave",
                 "add Vantorford, map maker, today 11am with Dalia Fenwright",
                 "sent 1", "sent 2"):
        beta("U0BRUNO", line)
    clubs.wait(local(4, 9, 30))  # past Monday's digests

    alpha_posts, beta_posts = clubs.posts_in("C0ALPHA"), clubs.posts_in("C0BETA")
    (alpha_digest,), (beta_digest,) = clubs.digests_in("C0ALPHA"), clubs.digests_in("C0BETA")
    assert (counts(alpha_digest)["Thank-you notes sent"], counts(alpha_digest)["Offers"]) == \
        (1, 1)
    assert (counts(beta_digest)["Thank-you notes sent"], counts(beta_digest)["Offers"]) == \
        (2, 0)
    assert any("Zorvex" in everything(p) for p in alpha_posts)  # Anna shared details there
    for post in alpha_posts:
        for word in ("Beta Club", "U0B", "Bruno", "Bianca", "Bea", "Quillon", "Vantorford",
                     "Pellgrave", "Fenwright"):
            assert word not in everything(post), (word, shown_text(post.args))
    for post in beta_posts:
        for word in ("Alpha Club", "U0A", "Anna", "Ada", "Zorvex", "lichen", "Quilla"):
            assert word not in everything(post), (word, shown_text(post.args))
    assert set().union(*map(mentions, alpha_posts)) <= {"U0ANNA"}
    assert set().union(*map(mentions, beta_posts)) <= {"U0BRUNO", "U0BIANCA"}
    assert mentions(beta_digest)  # Bruno has calls due: tagged, in his own club only

    # Each organiser's report counts their own club only.
    (beta_report,) = beta("U0BEA", "club report")
    (alpha_report,) = alpha("U0ADA", "club report")
    assert fields(beta_report)["Members"].startswith("3 ")
    assert (fields(beta_report)["Thank-you notes sent"], fields(beta_report)["Offers"]) == \
        ("2", "0")
    assert fields(alpha_report)["Members"].startswith("2 ")
    assert (fields(alpha_report)["Thank-you notes sent"], fields(alpha_report)["Offers"]) == \
        ("1", "1")
    api.wait_for("files.completeUploadExternal", 2)
    sheets = {f["channel"]: f["content"].decode() for f in api.uploaded()}
    assert set(sheets) == {"D0BEA", "D0ADA"}  # each CSV to its organiser's DM
    assert "Anna" not in sheets["D0BEA"] and "U0ANNA" not in sheets["D0BEA"]
    assert "Bruno" not in sheets["D0ADA"] and "U0BRUNO" not in sheets["D0ADA"]
    only_club_posts_reach(api, {"C0ALPHA", "C0BETA"})
    understood_everything(api)


# --- (d) only organisers manage the club -----------------------------------------------------
NOTICE = "This channel is now a job-search club"


def test_a_non_organiser_cannot_change_settings_stop_the_club_or_read_the_report(
        clubs: SlackClubs) -> None:
    start_club(clubs, "Cohort 5")
    clubs.say(MEMBER, "club join")
    here = ChannelRef(Platform.SLACK, TEAM, CLUB)
    before = clubs.runtime.repo.club_at(here)

    # A member, and someone who never joined: neither a workspace admin nor the channel's
    # creator (conversations.info says FOUNDER made it).
    for who in (MEMBER, OUTSIDER):
        assert "Only the club's organisers can change the club's settings" in clubs.say(
            who, "club settings name=Hijacked tz=Asia/Tokyo digest=friday 16:00")
        assert "Only the club's organisers can stop the club" in clubs.say(who, "club stop")
        assert "Only the club's organisers can read the club report" in clubs.say(
            who, "club report 30")
        assert "Only someone who can manage this channel" in clubs.say(who, "club start Mine")

    assert clubs.runtime.repo.club_at(here) == before
    assert clubs.api.calls("files.getUploadURLExternal") == []  # no report CSV went anywhere
    assert {c.args["channel"] for c in clubs.api.calls("conversations.info")} == {CLUB}
    clubs.wait(local(4, 9, 30))
    assert [header(p) for p in clubs.posts_in(CLUB)] == [
        NOTICE, "Cohort 5 · the week to Mon 26 Oct"]  # the digest kept its day and hour
    assert local_stamp(clubs.digests_in(CLUB)[0]) == "Mon 2026-10-26 09:00 EDT"

    # Rights, not a broken command: the organiser reads the report (its CSV in her DM),
    # and the channel's creator may stop the club.
    assert "Members" in clubs.say(ORGANISER, "club report 30")
    clubs.api.wait_for("files.completeUploadExternal")
    assert {f["channel"] for f in clubs.api.uploaded()} == {"D0ORG"}
    assert "Cohort 5 has ended" in clubs.say(FOUNDER, "club stop")
    assert clubs.runtime.repo.club_at(here) is None


# --- (e) a 30-member club over a month -------------------------------------------------------
ZONES = ("America/New_York", "America/Chicago", "America/Toronto")


def member(i: int) -> str:
    return f"U0M{i + 1:02d}"


def test_a_30_member_club_over_a_month_gets_true_digests_and_no_private_detail(
        clubs: SlackClubs) -> None:
    for i in range(30):
        clubs.api.add_user(member(i), tz=ZONES[i % 3], real_name=f"Member {i + 1:02d}")
    start_club(clubs, "Cohort 30")
    end = local(32, 12)  # Monday 23 November 2026, noon
    done: list[tuple[datetime, int, str]] = []
    for at, i, line, kind in month.plan_month():
        if at > end:
            continue
        clubs.wait(at)
        if line == "cancel":  # the next round's question waits in the DM
            assert "dropped" in clubs.dm(member(i), line)
        else:
            clubs.say(member(i), line)
        if kind:
            done.append((at, i, kind))
    clubs.wait(end)

    # Five Mondays at 09:00 New York time, before and after the clocks went back.
    digests = clubs.digests_in(CLUB)
    assert [local_stamp(d) for d in digests] == [
        "Mon 2026-10-26 09:00 EDT", "Mon 2026-11-02 09:00 EST", "Mon 2026-11-09 09:00 EST",
        "Mon 2026-11-16 09:00 EST", "Mon 2026-11-23 09:00 EST"]
    labels = {"note": "Thank-you notes sent", "call": "Follow-up calls made",
              "offer": "Offers", "next_round": "Next rounds"}
    for digest in digests:
        assert digest.at is not None
        since, until = window(digest.at, NEW_YORK)
        for kind, label in labels.items():
            expected = sum(1 for at, i, k in done
                           if k == kind and since <= at < until and month.share_of(i) != "none")
            assert counts(digest)[label] == expected, (local_stamp(digest), label)
    assert sum(counts(d)["Thank-you notes sent"] for d in digests) > 20
    opted_in = {member(i) for i in range(30) if i % 3 == 0}
    assert all(mentions(d) <= opted_in for d in digests)
    assert any(mentions(d) for d in digests)

    # One congratulation per offer or next round shared with the club; nothing else.
    posts = clubs.posts_in(CLUB)
    moments = clubs.moments_in(CLUB)
    celebrated = [i for _, i, k in done
                  if k in ("offer", "next_round") and month.share_of(i) != "none"]
    assert len(moments) == len(celebrated)
    assert len(posts) == 1 + len(digests) + len(moments)  # the notice, digests, moments
    for i in range(30):
        shared = month.share_of(i) == "details"
        private = [month.SURNAMES[i], f"{month.FIRST_NAMES[i % 10]} {month.SURNAMES[i]}"] + \
            ([] if shared else [month.COMPANIES[i], month.ROLES[i]])
        for post in posts:
            for word in private:
                assert word not in everything(post), (word, shown_text(post.args))
            if month.COMPANIES[i] in everything(post) or month.ROLES[i] in everything(post):
                assert post in moments and shared
    only_club_posts_reach(clubs.api, {CLUB})
    understood_everything(clubs.api)

    # The organiser's report for the month, and its CSV in her DM, hold counts only.
    (report,) = clubs.ask(ORGANISER, "club report 31")
    assert fields(report)["Members"].startswith("31 ")
    assert int(fields(report)["Thank-you notes sent"]) == sum(
        1 for at, i, k in done
        if k == "note" and month.share_of(i) != "none" and at >= end - timedelta(days=31))
    clubs.api.wait_for("files.completeUploadExternal")
    (sheet,) = clubs.api.uploaded()
    assert sheet["channel"] == "D0ORG"
    rows = list(csv.DictReader(io.StringIO(sheet["content"].decode())))
    assert rows[-1]["from"] == "total"
    text = sheet["content"].decode()
    for i in range(30):
        for word in (month.COMPANIES[i], month.ROLES[i], month.SURNAMES[i], member(i)):
            assert word not in text
