"""Job-search clubs on Discord, offline: the real discord.py client against the REST stand-in.

`/followup club` and `/followup share` arrive as gateway interactions from a server
channel; delivery posts digests, moments and drafts in that channel from this thread, as
the scheduler would. Assertions read the JSON the bot sent: who may be pinged
(`allowed_mentions`), what is ephemeral, and that no private detail reaches a channel.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from adapters.discord_bot.client import discord_sender
from adapters.discord_bot.commands import club_options, share_options
from adapters.discord_bot.sender import pacer_for
from adapters.runtime import Runtime
from adapters.settings import Settings
from bot.clubs.model import PostState
from bot.delivery.deliverer import PARKED
from bot.messages import Field, Inbound, Reply
from bot.model import ChannelRef, CheckpointState, Identity, Platform
from bot.ports.clock import SimulatedClock
from bot.ports.sender import SendFailed
from tests.club_month import COMPANIES, FIRST_NAMES, ROLES, SURNAMES, local
from tests.standins.discord_api import (
    GUILD_CHANNEL_ID,
    GUILD_ID,
    MEMBER_PERMISSIONS,
    BotProcess,
    Call,
    DiscordApiStandIn,
    answer_text,
    followups,
    only,
    slash_command,
)

ADA = 4_242_424_242_424_242  # owns the server: may manage the channel
BEA = 4_343_434_343_434_343
CY = 4_444_444_444_444_444
NAMES = {ADA: "ada", BEA: "bea", CY: "cy"}
HERE = ChannelRef(Platform.DISCORD, str(GUILD_ID), str(GUILD_CHANNEL_ID))
EPHEMERAL = 64
NEW_YORK = ZoneInfo("America/New_York")


# --- helpers ---------------------------------------------------------------------------------
def use(bot: BotProcess, user: int, subcommand: str, *, manager: bool = False,
        in_dm: bool = False, **options: Any) -> list[Call]:
    """`user` runs `/followup <subcommand>` in the club channel (or in a DM with the bot)."""
    return bot.interaction(slash_command(
        user, subcommand, options, guild_id=None if in_dm else GUILD_ID,
        permissions=2_147_483_647 if manager else MEMBER_PERMISSIONS,
        name=NAMES.get(user, f"member{user % 1000}")))


def start_club(bot: BotProcess, name: str = "") -> None:
    options = {"options": name} if name else {}
    assert "you're its organiser" in answer_text(use(bot, ADA, "club", manager=True,
                                                     what="start", **options))


def join(bot: BotProcess, user: int, *, mentions: bool = False) -> None:
    assert "Welcome to" in answer_text(use(bot, user, "club", what="join"))
    if mentions:
        assert "may tag you" in answer_text(use(bot, user, "club", what="mentions",
                                                options="on"))


def add_interview(bot: BotProcess, user: int, company: str = "Acme",
                  role: str = "Analyst", people: str = "Jane Smith") -> None:
    use(bot, user, "tz", zone="America/New_York")
    text = answer_text(use(bot, user, "add", company=company, role=role, when="today 2pm",
                           interviewers=people))
    assert "Added #" in text


def person_of(bot: BotProcess, user: int) -> int:
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(user)))
    assert person is not None
    return person.id


def channel_posts(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.path == f"/channels/{GUILD_CHANNEL_ID}/messages"
            and c.status == 200]


def wait_until(bot: BotProcess, clock: SimulatedClock, target: datetime) -> list[Call]:
    """Move the clock to `target`, delivering everything as it falls due; return the
    messages posted (DMs and channel posts) on the way."""
    posted: list[Call] = []
    for _ in range(100_000):
        due = bot.deliverer.next_due()
        if due is None or due > target:
            break
        clock.set(max(due, clock.now()))
        posted += bot.deliver()
    clock.set(max(target, clock.now()))
    return posted


def pinged(call: Call) -> set[int]:
    """Who the message may notify: the users its allowed_mentions lists."""
    allowed = call.json["allowed_mentions"]
    assert allowed["parse"] == []  # never @everyone, @here, roles or everyone named
    return set(allowed.get("users", []))


# --- translating ------------------------------------------------------------------------------
@pytest.mark.parametrize(("what", "options", "expected"), [
    ("status", None, ""),
    ("status", "ignored", ""),
    ("start", "Cohort 5", "start Cohort 5"),
    ("settings", "name=Cohort 5 tz=Europe/London digest=friday 16:00",
     "settings name=Cohort 5 tz=Europe/London digest=friday 16:00"),
    ("mentions", "on", "mentions on"),
    ("report", "30", "report 30"),
    ("stop", None, "stop"),
    ("organiser", "add <@4343434343434343>", "organiser add <@4343434343434343>"),
])
def test_club_options_are_what_a_person_would_type_after_club(what: str, options: str | None,
                                                              expected: str) -> None:
    assert club_options(what, options) == expected


@pytest.mark.parametrize(("interview", "level", "text", "expected"), [
    (None, None, None, ""),
    (2, None, None, "2"),
    (2, "none", None, "2 none"),
    (2, "details", "ignored", "2 details"),
    (2, "draft", None, "draft 2"),
    (2, "draft", "Dear Jane, thank you", "draft 2 Dear Jane, thank you"),
    (2, None, "Dear Jane", "draft 2 Dear Jane"),
])
def test_share_options_are_what_a_person_would_type_after_share(
        interview: int | None, level: str | None, text: str | None, expected: str) -> None:
    assert share_options(interview, level, text) == expected


def test_the_command_group_registers_club_and_share(bot: BotProcess) -> None:
    (group,) = [c for c in only(bot.api.calls, "PUT", "/commands").json
                if c["name"] == "followup"]  # beside the message menu's command
    options = {o["name"]: o for o in group["options"]}
    club = {o["name"]: o for o in options["club"]["options"]}
    assert [c["value"] for c in club["what"]["choices"]] == [
        "status", "join", "leave", "mentions", "start", "settings", "report", "stop",
        "organiser"]
    share = {o["name"]: o for o in options["share"]["options"]}
    assert [c["value"] for c in share["level"]["choices"]] == [
        "none", "progress", "details", "draft"]
    assert share["interview"]["autocomplete"] is True


# --- set-up and membership --------------------------------------------------------------------
def test_only_a_channel_manager_starts_a_club_and_the_channel_is_told(bot: BotProcess) -> None:
    refused = use(bot, BEA, "club", what="start", options="Cohort 5")
    assert "Only someone who can manage this channel" in answer_text(refused)
    assert bot.runtime.repo.club_at(HERE) is None

    calls = use(bot, ADA, "club", manager=True, what="start", options="Cohort 5")
    (answer,) = followups(calls)
    assert answer.json["flags"] & EPHEMERAL and "you're its organiser" in answer.text
    club = bot.runtime.repo.club_at(HERE)
    assert club is not None and club.name == "Cohort 5"
    # The person keeps their one Discord identity; only the club is in the guild.
    member = bot.runtime.repo.get_member(club.id, person_of(bot, ADA))
    assert member is not None and member.is_organiser
    assert not channel_posts(calls)  # nothing public until delivery posts it

    (notice,) = bot.deliver()
    assert notice.path == f"/channels/{GUILD_CHANNEL_ID}/messages"
    assert notice.embeds[0]["title"] == "This channel is now a job-search club"
    assert "club join" in notice.text and not notice.json.get("flags")
    assert notice.json["allowed_mentions"] == {"parse": []}
    assert not notice.custom_ids  # nobody in a channel gets someone else's buttons


@pytest.mark.parametrize("bit", [0x10, 0x20, 0x8])  # manage channels, manage server, admin
def test_managing_the_channel_or_the_server_is_enough_to_start(bot: BotProcess,
                                                               bit: int) -> None:
    calls = bot.interaction(slash_command(BEA, "club", {"what": "start"},
                                          permissions=MEMBER_PERMISSIONS | bit))
    assert "you're its organiser" in answer_text(calls)


def test_members_join_see_the_status_and_choose_mentions(bot: BotProcess) -> None:
    start_club(bot)
    calls = use(bot, BEA, "club", what="join")
    (welcome,) = followups(calls)
    assert welcome.json["flags"] & EPHEMERAL
    assert welcome.embeds[0]["title"] == "Welcome to Job-search club!"
    assert "never a company" in welcome.text
    club = bot.runtime.repo.club_at(HERE)
    assert club is not None
    assert bot.runtime.repo.get_member(club.id, person_of(bot, BEA)) is not None
    assert "already in" in answer_text(use(bot, BEA, "club", what="join"))

    status = answer_text(use(bot, BEA, "club"))
    assert "2 members" in status and "won't tag you" in status
    assert "may tag you" in answer_text(use(bot, BEA, "club", what="mentions", options="on"))
    assert "Only the club's organisers" in answer_text(use(bot, BEA, "club", what="report"))

    in_dm = use(bot, BEA, "club", in_dm=True)
    assert "Your clubs: Job-search club" in answer_text(in_dm)
    assert not followups(in_dm)[0].json.get("flags")  # a DM answer is not ephemeral
    assert "You've left" in answer_text(use(bot, BEA, "club", what="leave"))


def test_a_club_elsewhere_in_the_server_is_another_club(bot: BotProcess) -> None:
    start_club(bot, "Here")
    other = GUILD_CHANNEL_ID + 1
    calls = bot.interaction(slash_command(BEA, "club", {"what": "join"}, channel_id=other,
                                          permissions=MEMBER_PERMISSIONS))
    assert "isn't a job-search club yet" in answer_text(calls)


# --- posts --------------------------------------------------------------------------------------
def test_the_digest_is_an_embed_that_pings_only_members_who_opted_in(
        bot: BotProcess, clock: SimulatedClock) -> None:
    start_club(bot)  # Monday 23 November, 16:30: digests on Mondays at 09:00, New York
    join(bot, BEA, mentions=True)
    join(bot, CY)
    add_interview(bot, BEA, "Acme", "Analyst", "Jane Smith")
    add_interview(bot, CY, "Globex", "Engineer", "Bob Lee")

    posted = wait_until(bot, clock, datetime(2026, 11, 30, 9, 5, tzinfo=NEW_YORK))

    (digest,) = [c for c in channel_posts(posted) if c.embeds
                 and "the week to" in (c.embeds[0].get("title") or "")]
    embed = digest.embeds[0]
    assert embed["title"] == "Job-search club · the week to Mon 30 Nov"
    assert {f["name"] for f in embed["fields"]} >= {"Follow-ups this week", "Offers"}
    assert f"<@{BEA}>" in embed["description"] and "1 other member" in embed["description"]
    assert digest.json["content"] == f"<@{BEA}>"  # Discord pings from content, not embeds
    assert pinged(digest) == {BEA}
    assert not digest.json.get("flags") and not digest.custom_ids
    for private in ("Acme", "Globex", "Analyst", "Engineer", "Jane", "Smith", "Bob", str(CY)):
        assert private not in digest.text
    # Reminders still went by DM.
    assert [c for c in posted if c.path == f"/channels/{bot.api.dm_channel_of(BEA)}/messages"]


def test_good_news_is_posted_once_without_the_company_and_a_private_interview_not_at_all(
        bot: BotProcess) -> None:
    start_club(bot)
    join(bot, BEA)
    add_interview(bot, ADA, "Acme", "Data analyst", "Jane Smith")
    add_interview(bot, BEA, "Globex", "Engineer", "Bob Lee")
    assert "shared at none" in answer_text(use(bot, BEA, "share", interview=1, level="none"))
    bot.deliver()  # the club's opening notice and the thank-you reminders

    heard = use(bot, ADA, "heard", outcome="offer", interview=1)
    assert followups(heard)[0].json["flags"] & EPHEMERAL
    use(bot, BEA, "heard", outcome="offer", interview=1)

    (moment,) = channel_posts(bot.deliver())
    assert "Big news: Ada has an offer!" in moment.text
    assert pinged(moment) == set()  # Ada did not opt in to mentions
    for private in ("Acme", "analyst", "Jane", "Smith", "Globex", "Engineer", "Bob"):
        assert private not in moment.text
    assert channel_posts(bot.deliver()) == []  # once, however often delivery runs


def test_markdown_in_a_members_shared_detail_is_shown_as_typed_in_the_club(
        bot: BotProcess) -> None:
    start_club(bot)
    add_interview(bot, ADA, "[Acme](https://evil.example)", "**Data** analyst", "Jane Smith")
    assert "details" in answer_text(use(bot, ADA, "share", interview=1, level="details"))
    bot.deliver()  # the club's opening notice and the thank-you reminder
    use(bot, ADA, "heard", outcome="offer", interview=1)

    (moment,) = channel_posts(bot.deliver())
    content = moment.json["content"]
    assert "\\[Acme\\](https://evil.example)" in content  # no masked link
    assert "\\*\\*Data\\*\\* analyst" in content  # no bold
    assert re.sub(r"\\(.)", r"\1", content).startswith("🎉 Big news: Ada has an offer for "
                                                        "**Data** analyst at [Acme](https:")
    assert pinged(moment) == set()


def test_share_draft_posts_the_members_own_text_for_feedback(bot: BotProcess) -> None:
    start_club(bot)
    join(bot, BEA, mentions=True)
    add_interview(bot, BEA)
    bot.deliver()

    choices = only(bot.interaction(slash_command(BEA, "share", {"interview": "ac"},
                                                 focused="interview", focused_type=4)),
                   "POST", "/callback").json["data"]["choices"]
    assert choices == [{"name": "#1 Analyst at Acme", "value": 1}]
    calls = use(bot, BEA, "share", interview=1, level="draft",
                text="Thanks for today! I enjoyed the case study.")
    assert "I've posted your draft" in answer_text(calls)

    (draft,) = channel_posts(bot.deliver())
    assert draft.embeds[0]["title"] == "Feedback wanted on a thank-you note"
    assert "Thanks for today! I enjoyed the case study." in draft.embeds[1]["description"]
    assert draft.json["content"] == f"<@{BEA}>" and pinged(draft) == {BEA}
    assert "Acme" not in draft.text


def test_posting_maps_discords_refusals_like_dms(bot: BotProcess) -> None:
    sender = bot.client.sender
    bot.api.rate_limit(1, retry_after=120, path=rf"^/channels/{GUILD_CHANNEL_ID}/messages$")
    with pytest.raises(SendFailed) as limited:
        sender.post(HERE, Reply(text="hello", private=False))
    assert limited.value.retry_after == 120 and not limited.value.permanent

    with pytest.raises(SendFailed) as private:
        sender.post(HERE, Reply(text="only for you"))
    assert private.value.permanent

    bot.api.forbid_channel(GUILD_CHANNEL_ID)
    with pytest.raises(SendFailed) as refused:
        sender.post(HERE, Reply(text="hello", private=False))
    assert refused.value.permanent
    assert [c.status for c in bot.api.calls_since(0, "POST", "/channels/")] == [429, 403]


def test_the_clock_process_posts_club_digests_over_rest(
        runtime: Runtime, discord_settings: Settings, api: DiscordApiStandIn) -> None:
    sender = discord_sender(discord_settings, runtime.repo)
    digest = Reply(title="Cohort · the week to Mon 30 Nov", text="<@123> (2) has follow-ups",
                   fields=(Field("Offers", "1"),), mentions=("123",), private=False)
    try:
        sender.post(HERE, digest)
    finally:
        sender.close()  # type: ignore[attr-defined]
    post = only(api.calls, "POST", "/messages")
    assert post.path == f"/channels/{GUILD_CHANNEL_ID}/messages"
    assert post.embeds[0]["fields"] == [{"name": "Offers", "value": "1", "inline": False}]
    assert post.json["content"] == "<@123>" and pinged(post) == {123}


# --- closed DMs -----------------------------------------------------------------------------------
CLOSED = re.compile(r"you have a follow-up reminder waiting, but your DMs with me are closed")


def test_closed_dms_are_mentioned_once_in_the_club_and_the_reminders_wait(
        bot: BotProcess, clock: SimulatedClock) -> None:
    start_club(bot)
    join(bot, BEA)
    add_interview(bot, BEA, "Acme", "Analyst", "Jane Smith")
    add_interview(bot, BEA, "Globex", "Engineer", "Bob Lee")  # a second reminder due
    add_interview(bot, CY, "Initech", "Tester", "Peter Gibbons")  # in no club
    for user in (BEA, CY):
        bot.api.close_dms(user)

    since = bot.api.mark()
    bot.deliver()
    refused = [c for c in bot.api.calls_since(since, "POST", r"^/channels/\d+/messages$")
               if c.status == 403]
    assert len(refused) == 3 and {c.response["code"] for c in refused} == {50007}
    (notice,) = [c for c in channel_posts(bot.api.calls_since(since)) if CLOSED.search(c.text)]
    assert notice.json["content"].startswith(f"<@{BEA}>, you have")
    assert "/followup list" in notice.text and pinged(notice) == {BEA}
    for private in ("Acme", "Globex", "Analyst", "Jane", "Bob", "thank-you"):
        assert private not in notice.text
    repo = bot.runtime.repo
    for interview in repo.list_interviews(person_of(bot, BEA)):
        thanks = [c for c in repo.checkpoints_for(interview.id)
                  if c.state is CheckpointState.PENDING and c.due_at == clock.now() + PARKED]
        assert thanks  # parked, to be tried again, not dropped

    clock.advance(PARKED)
    since = bot.api.mark()
    bot.deliver()
    retried = [c.status for c in bot.api.calls_since(since, "POST", r"^/channels/\d+/messages$")]
    assert retried.count(403) >= 3 and set(retried) == {403}
    assert not [c for c in channel_posts(bot.api.calls_since(since)) if CLOSED.search(c.text)]


def test_the_clock_process_tells_a_member_with_closed_dms_too(
        runtime: Runtime, discord_settings: Settings, api: DiscordApiStandIn) -> None:
    """Members set up straight through the core, as Discord interactions would; the REST
    sender opens its own repository to find the club."""
    def say(user: int, text: str, *, channel: bool = False, manage: bool = False) -> None:
        runtime.coach.handle(Inbound(
            identity=Identity(Platform.DISCORD, "dm", str(user)), text=text,
            channel=str(GUILD_CHANNEL_ID) if channel else None,
            extra={"workspace": str(GUILD_ID)} if channel else {},
            can_manage_channel=manage, command=True, platform_tz="America/New_York"))

    say(ADA, "club start", channel=True, manage=True)
    say(BEA, "club join", channel=True)
    api.close_dms(BEA)
    sender = discord_sender(discord_settings, runtime.repo)
    try:
        with pytest.raises(SendFailed) as failed:
            sender.send(Identity(Platform.DISCORD, "dm", str(BEA)), Reply(text="Call Acme"))
        with pytest.raises(SendFailed):
            sender.send(Identity(Platform.DISCORD, "dm", str(BEA)), Reply(text="Call Acme"))
    finally:
        sender.close()  # type: ignore[attr-defined]
    assert failed.value.permanent
    (notice,) = api.posts_in(GUILD_CHANNEL_ID)
    assert CLOSED.search(notice.text) and "Acme" not in notice.text


# --- a month in a 30-member club -----------------------------------------------------------
MEMBERS = [5_100_000_000_000_000_000 + n for n in range(30)]


def _plan_month(start: datetime) -> list[tuple[datetime, int, str]]:
    """(when, member index, what they type in a DM) for 30 members over four weeks."""
    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return local(day, hour, minute, start)

    events: list[tuple[datetime, int, str]] = []
    for i in range(30):
        day = 1 + i % 20
        interviewer = f"{FIRST_NAMES[i % 10]} {SURNAMES[i]}"
        events.append((at(day, 12), i,
                       f"add {COMPANIES[i]}, {ROLES[i]}, today 10am with {interviewer}"))
        if i % 5 == 0:
            events.append((at(day, 12, 1), i, "share 1 none"))
        if i % 4 != 3:
            events.append((at(day + i % 2, 15), i, "sent 1"))
        if i % 3 != 2:
            events.append((at(day + 6, 11), i, "called 1 no answer"))
        if i % 6 == 0:
            events.append((at(day + 8, 12), i, "heard 1 offer"))
        elif i % 6 == 1:
            events.append((at(day + 8, 12), i, "heard 1 next round"))
            events.append((at(day + 8, 12), i, "cancel"))
        elif i % 6 == 2:
            events.append((at(day + 8, 12), i, "heard 1 rejected"))
    return sorted(events, key=lambda e: e[0])


def test_a_30_member_club_gets_a_month_of_digests_and_no_private_detail_in_the_channel(
        bot: BotProcess, clock: SimulatedClock) -> None:
    pacer_for(bot.client).interval = 0.0  # hundreds of DMs: no need to pace the stand-in
    start = clock.now()  # Monday 23 November 2026, 16:30 New York
    start_club(bot, "Cohort 30")
    opted_in = set()
    for n, user in enumerate(MEMBERS):
        join(bot, user, mentions=n % 3 == 0)
        if n % 3 == 0:
            opted_in.add(user)

    posted: list[Call] = []
    notes = 0
    for at, i, text in _plan_month(start):
        posted += wait_until(bot, clock, at)
        bot.runtime.coach.handle(Inbound(
            identity=Identity(Platform.DISCORD, "dm", str(MEMBERS[i])), text=text,
            display_name=f"Member{i}", platform_tz="America/New_York"))
        notes += text == "sent 1" and i % 5 != 0
    posted += wait_until(bot, clock, datetime(2026, 12, 28, 12, tzinfo=NEW_YORK))

    channel = channel_posts(posted)
    digests = [c for c in channel if c.embeds and "the week to" in c.embeds[0]["title"]]
    assert [d.embeds[0]["title"].split("the week to ")[1] for d in digests] == [
        "Mon 30 Nov", "Mon 7 Dec", "Mon 14 Dec", "Mon 21 Dec", "Mon 28 Dec"]
    sent = sum(int(f["value"]) for d in digests for f in d.embeds[0]["fields"]
               if f["name"] == "Thank-you notes sent")
    assert sent == notes > 15
    celebrated = [i for i in range(30) if i % 6 in (0, 1) and i % 5 != 0]
    moments = [c for c in channel if not c.embeds and (
        "Big news" in c.text or "through to the next round" in c.text)]
    assert len(moments) == len(celebrated)

    private = COMPANIES + SURNAMES + list(FIRST_NAMES) + ROLES + [r.split()[1] for r in ROLES]
    for post in channel:
        for word in private:
            assert word not in post.text, (word, post.text)
        mentioned = {int(u) for u in re.findall(r"<@(\d+)>", post.json.get("content") or "")}
        assert pinged(post) == mentioned and mentioned <= opted_in
    assert any(pinged(d) for d in digests)
    assert len(posted) - len(channel) > 60  # the reminders went by DM all along


def test_an_organiser_adds_and_removes_a_co_organiser_from_the_slash_command(
        bot: BotProcess) -> None:
    start_club(bot)
    join(bot, BEA)
    added = answer_text(use(bot, ADA, "club", what="organiser", options=f"add <@{BEA}>"))
    assert "now organises" in added
    assert "now organises" not in answer_text(  # a member can't make themselves one
        use(bot, CY, "club", what="organiser", options=f"add <@{CY}>"))
    removed = answer_text(use(bot, BEA, "club", what="organiser", options=f"remove <@{ADA}>"))
    assert "a member of" in removed and "again" in removed


def test_removed_from_a_server_its_club_stops_posting_and_goes_after_grace_but_people_stay(
        bot: BotProcess, clock: SimulatedClock) -> None:
    use(bot, ADA, "club", manager=True, what="start", options="Cohort 5")
    use(bot, BEA, "club", what="join")
    bot.dm("tz America/New_York")
    bot.dm("add Acme, analyst, tomorrow 2pm with Jane Smith")
    bot.guild_event("GUILD_CREATE", GUILD_ID)

    bot.guild_event("GUILD_DELETE", GUILD_ID)

    repo = bot.runtime.repo
    assert repo.has_left(Platform.DISCORD, str(GUILD_ID))
    club = repo.club_at(HERE)
    assert club is not None  # kept through the grace period, in case it is added back
    assert all(post.state is not PostState.PENDING for post in repo.posts_of(club.id))
    assert not channel_posts(bot.deliver())  # the club's notices were dropped, not sent
    grace = bot.runtime.settings.departed_grace_days
    clock.advance(timedelta(days=grace + 1))
    assert repo.purge_departed(clock.now()) == {"workspaces": 1, "people": 0, "clubs": 1}
    assert repo.club_at(HERE) is None
    # Ada's own interview stays: it is hers, not the server's.
    assert [i.company for i in repo.list_interviews(person_of(bot, ADA))] == ["Acme"]


def test_added_back_to_a_server_before_the_grace_ends_its_club_stays(
        bot: BotProcess, clock: SimulatedClock) -> None:
    use(bot, ADA, "club", manager=True, what="start", options="Cohort 5")
    bot.guild_event("GUILD_CREATE", GUILD_ID)
    bot.guild_event("GUILD_DELETE", GUILD_ID)
    bot.guild_event("GUILD_CREATE", GUILD_ID)
    clock.advance(timedelta(days=bot.runtime.settings.departed_grace_days + 1))
    assert bot.runtime.repo.purge_departed(clock.now())["clubs"] == 0
    assert bot.runtime.repo.club_at(HERE) is not None
