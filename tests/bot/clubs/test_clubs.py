"""Job-search clubs through the real Coach, repository and Deliverer, with a recording channel.

Every test runs on SQLite and, when FOLLOWUP_TEST_POSTGRES_URL is set, on PostgreSQL
(`db_runtime`). The clock starts on Thursday 22 October 2026, ten days before the US
clocks go back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from adapters.runtime import Runtime
from bot.clubs.model import Club, PostKind, PostState
from bot.clubs.schedule import window
from bot.messages import ActionId, Reply
from bot.model import ChannelRef, Identity, Platform
from bot.ports.clock import SimulatedClock
from bot.ports.sender import SendFailed
from tests import club_month as month
from tests.chat import Chat, text_of, wait_until
from tests.club_month import NEW_YORK, START, local
from tests.rendering import assert_nothing_can_ping

CHANNEL = "C0CLUB"
HERE = ChannelRef(Platform.SLACK, "T1", CHANNEL)


def person(n: int, team: str = "T1") -> Identity:
    return Identity(Platform.SLACK, team, f"U{n:02d}")


ORGANISER = person(0)


@dataclass(frozen=True)
class Posted:
    at: datetime
    where: ChannelRef
    reply: Reply

    @property
    def everything(self) -> str:
        """All text a channel would show, drafts included."""
        return self.reply.plain + "\n" + " ".join(self.reply.mentions)

    @property
    def is_digest(self) -> bool:
        return "the week to" in (self.reply.title or "")

    def field(self, label: str) -> int:
        return int(next(f.value for f in self.reply.fields if f.label == label))


class Room:
    """A ChannelSender that records DMs and channel posts, stamped with the clock."""

    def __init__(self, clock: SimulatedClock) -> None:
        self.clock = clock
        self.posts: list[Posted] = []
        self.dms: list[tuple[Identity, Reply]] = []

    def send(self, to: Identity, reply: Reply) -> None:
        self.dms.append((to, reply))

    def post(self, where: ChannelRef, reply: Reply) -> None:
        self.posts.append(Posted(self.clock.now(), where, reply))

    def digests(self, where: ChannelRef = HERE) -> list[Posted]:
        return [p for p in self.posts if p.is_digest and p.where == where]


class FlakyRoom(Room):
    """Fails the first `failures` posts with `error`, then records them."""

    def __init__(self, clock: SimulatedClock, failures: int, error: SendFailed) -> None:
        super().__init__(clock)
        self.failures = failures
        self.error = error

    def post(self, where: ChannelRef, reply: Reply) -> None:
        if self.failures:
            self.failures -= 1
            raise self.error
        super().post(where, reply)


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


@pytest.fixture
def room(db_runtime: Runtime) -> Room:
    room = Room(db_runtime.clock)  # type: ignore[arg-type]
    db_runtime.start_delivery({Platform.SLACK: room}, background=False)
    return room


def say(runtime: Runtime, who: Identity, text: str, *, channel: str | None = CHANNEL,
        manage: bool = False) -> list[Reply]:
    """`who` types `text`: a slash command in `channel`, or a DM when channel is None."""
    return Chat(runtime, who).say(text, channel=channel, can_manage_channel=manage,
                                  display_name=f"Member {who.user}",
                                  command=channel is not None)


def dm(runtime: Runtime, who: Identity, text: str) -> str:
    return text_of(say(runtime, who, text, channel=None))


def start_club(runtime: Runtime, room: Room, name: str = "") -> Club:
    replies = say(runtime, ORGANISER, f"club start {name}".strip(), manage=True)
    assert "you're its organiser" in text_of(replies)
    club = runtime.repo.club_at(HERE)
    assert club is not None
    return club


ACME = "add Acme, data analyst, today 10am with Jane Smith, they'll decide by Friday"


# --- set-up and permissions ---------------------------------------------------------------
def test_only_a_channel_manager_can_start_a_club_and_the_starter_organises_it(db_runtime, room):
    refused = say(db_runtime, person(1), "club start Cohort 5")
    assert "Only someone who can manage this channel" in text_of(refused)
    assert db_runtime.repo.club_at(HERE) is None

    club = start_club(db_runtime, room, "Cohort 5")

    assert (club.name, club.tz, club.digest_weekday, f"{club.digest_time:%H:%M}") == (
        "Cohort 5", "America/New_York", 0, "09:00")
    member = db_runtime.repo.get_member(club.id, db_runtime.repo.find_person(ORGANISER).id)
    assert member is not None and member.is_organiser
    wait_until(db_runtime, START)
    assert [p.reply.title for p in room.posts] == ["This channel is now a job-search club"]
    assert "Cohort 5 is open" in room.posts[0].reply.text
    assert "club join" in room.posts[0].reply.text and not room.posts[0].reply.private
    again = say(db_runtime, ORGANISER, "club start Other", manage=True)
    assert "already Cohort 5" in text_of(again)


def test_a_club_gets_a_default_name_and_every_reply_to_a_person_is_private(db_runtime, room):
    replies = say(db_runtime, ORGANISER, "club start", manage=True)
    replies += say(db_runtime, person(1), "club join")
    replies += say(db_runtime, person(1), "club")
    assert db_runtime.repo.club_at(HERE).name == "Job-search club"
    assert all(r.private for r in replies)
    status = text_of(say(db_runtime, person(1), "club"))
    assert "2 members" in status and "Monday 09:00 (America/New_York)" in status
    assert "next on Mon 2026-10-26 09:00 EDT" in status


def test_club_commands_in_a_dm_say_to_use_the_channel(db_runtime, room):
    assert "in the club's channel" in dm(db_runtime, person(1), "club join")
    assert "in the club's channel" in dm(db_runtime, ORGANISER, "club start")
    assert "not in a job-search club" in dm(db_runtime, person(1), "club")
    start_club(db_runtime, room, "Cohort 5")
    assert "Your clubs: Cohort 5" in dm(db_runtime, ORGANISER, "club")


def test_a_channel_that_is_not_a_club_says_how_to_start_one(db_runtime, room):
    assert "isn't a job-search club" in text_of(say(db_runtime, person(1), "club join"))


def test_organisers_change_settings_and_the_next_digest_moves(db_runtime, room):
    club = start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")

    refused = text_of(say(db_runtime, person(1), "club settings digest=friday 16:00"))
    assert "Only the club's organisers" in refused
    bad = text_of(say(db_runtime, ORGANISER, "club settings tz=Atlantis digest=someday"))
    assert "Nothing changed" in bad and "Atlantis" in bad
    saved = text_of(say(db_runtime, ORGANISER,
                        "club settings name=Cohort Five tz=London digest=friday 4pm"))

    assert "Friday 16:00 (Europe/London)" in saved
    assert "Fri 2026-10-23 16:00 BST" in saved
    club = db_runtime.repo.get_club(club.id)
    assert (club.name, club.tz, club.digest_weekday) == ("Cohort Five", "Europe/London", 4)
    waiting = [p for p in db_runtime.repo.posts_of(club.id, kind=PostKind.DIGEST)
               if p.state is PostState.PENDING]
    assert [p.due_at for p in waiting] == [datetime(2026, 10, 23, 15, 0, tzinfo=ZoneInfo("UTC"))]


def test_stop_says_what_is_kept_and_deleted_and_leaves_interviews_alone(db_runtime, room):
    club = start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    dm(db_runtime, person(1), ACME)

    assert "Only the club's organisers" in text_of(say(db_runtime, person(1), "club stop"))
    stopped = text_of(say(db_runtime, ORGANISER, "club stop"))

    assert "Deleted: 2 memberships" in stopped and "settings" in stopped
    assert "Kept: every member's own interviews, reminders and journal" in stopped
    assert db_runtime.repo.club_at(HERE) is None and db_runtime.repo.get_club(club.id) is None
    assert "data analyst at Acme" in dm(db_runtime, person(1), "list")
    assert db_runtime.repo.next_post_due([Platform.SLACK]) is None


# --- membership and privacy ----------------------------------------------------------------
def test_join_is_explicit_welcomes_privately_and_leave_takes_you_out(db_runtime, room):
    club = start_club(db_runtime, room)
    assert db_runtime.repo.club_members(club.id)[0].person_id == \
        db_runtime.repo.find_person(ORGANISER).id
    dm(db_runtime, person(1), ACME)  # talking to the bot never joins a club
    assert len(db_runtime.repo.club_members(club.id)) == 1

    welcome = say(db_runtime, person(1), "club join")[0]
    assert welcome.private and "Welcome to Job-search club" in welcome.plain
    assert "share <n> none | progress | details" in welcome.text
    assert "never a company, role or interviewer's name" in welcome.text
    assert "#1 progress" in welcome.text
    assert "already in" in text_of(say(db_runtime, person(1), "club join"))
    assert len(db_runtime.repo.club_members(club.id)) == 2

    left = text_of(say(db_runtime, person(1), "club leave"))
    assert "You've left" in left and "untouched" in left
    assert len(db_runtime.repo.club_members(club.id)) == 1
    assert "nothing to leave" in text_of(say(db_runtime, person(1), "club leave"))


def test_share_levels_decide_what_the_channel_sees(db_runtime, room):
    start_club(db_runtime, room)
    for n in (1, 2, 3):
        say(db_runtime, person(n), "club join")
    dm(db_runtime, person(1), "add Zorvex, lichen analyst, today 10am with Quilla Marsh")
    dm(db_runtime, person(2), "add Brightmoor, tide engineer, today 10am with Oswin Pellgrave")
    dm(db_runtime, person(3), "add Kestrelwick, map maker, today 10am with Dalia Fenwright")
    assert "shared at progress" in dm(db_runtime, person(1), "share 1")
    assert "now shared at details" in dm(db_runtime, person(2), "share 1 details")
    assert "now shared at none" in dm(db_runtime, person(3), "share 1 none")
    assert "Choose" in dm(db_runtime, person(3), "share 1 loudly")
    for n in (1, 2, 3):
        dm(db_runtime, person(n), "heard 1 offer")
    wait_until(db_runtime, local(0, 13))

    moments = [p.reply.text for p in room.posts if p.reply.title is None]
    assert len(moments) == 2
    progress, details = moments
    assert "Member U01 has an offer!" in progress and "Zorvex" not in progress
    assert "lichen" not in progress and "Quilla" not in progress
    assert "offer for tide engineer at Brightmoor" in details
    assert "Pellgrave" not in details
    channel = "\n".join(p.everything for p in room.posts)
    assert "Kestrelwick" not in channel and "U03" not in channel


def test_a_moment_is_posted_once_and_only_for_good_news(db_runtime, room):
    start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    say(db_runtime, person(1), "club mentions on")
    for line in (ACME, "add Globex, analyst, today 9am with Ann Lee",
                 "add Initech, analyst, today 8am with Bob Ray"):
        dm(db_runtime, person(1), line)
    interview = db_runtime.repo.find_interview(db_runtime.repo.find_person(person(1)).id, 1)

    Chat(db_runtime, person(1)).press(ActionId.OUTCOME_OFFER, str(interview.id))
    assert "already closed" in dm(db_runtime, person(1), "heard 1 offer")
    dm(db_runtime, person(1), "heard 2 rejected")
    dm(db_runtime, person(1), "heard 3 withdrew")
    wait_until(db_runtime, local(0, 13))
    db_runtime.deliverer.deliver_due()

    moments = [p for p in room.posts if p.reply.title is None]
    assert len(moments) == 1
    assert moments[0].reply.mentions == ("U01",) and "<@U01>" in moments[0].reply.text
    assert len(db_runtime.repo.posts_of(db_runtime.repo.club_at(HERE).id,
                                     kind=PostKind.MOMENT)) == 1


def test_moving_on_after_no_response_posts_nothing(db_runtime, room):
    start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    dm(db_runtime, person(1), ACME)
    dm(db_runtime, person(1), "sent 1")
    wait_until(db_runtime, local(10, 11))
    dm(db_runtime, person(1), "called 1 no answer")
    wait_until(db_runtime, local(14, 11))
    dm(db_runtime, person(1), "called 1 no answer")
    wait_until(db_runtime, local(25, 12))

    interview = db_runtime.repo.find_interview(db_runtime.repo.find_person(person(1)).id, 1)
    assert interview.outcome is not None and interview.outcome.value == "no_response"
    assert [p for p in room.posts if not p.is_digest and p.reply.title is None] == []


def test_forget_me_removes_the_person_from_every_club(db_runtime, room):
    club = start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    other = ChannelRef(Platform.SLACK, "T1", "C0OTHER")
    say(db_runtime, ORGANISER, "club start Second", manage=True, channel=other.channel)
    say(db_runtime, person(1), "club join", channel=other.channel)
    second = db_runtime.repo.club_at(other)
    me = db_runtime.repo.find_person(person(1)).id
    assert [c.name for c in db_runtime.repo.clubs_of(me)] == ["Job-search club", "Second"]
    assert len(db_runtime.repo.export_person(me)["clubs"]) == 2
    dm(db_runtime, person(1), ACME)
    dm(db_runtime, person(1), "heard 1 offer")  # a moment for each club, not yet posted

    dm(db_runtime, person(1), "forget me")
    gone = dm(db_runtime, person(1), "yes")

    assert "2 club memberships" in gone
    assert db_runtime.repo.get_member(club.id, me) is None
    assert db_runtime.repo.get_member(second.id, me) is None
    assert [m.person_id for m in db_runtime.repo.club_members(club.id)] == \
        [db_runtime.repo.find_person(ORGANISER).id]
    assert db_runtime.repo.posts_of(club.id, kind=PostKind.MOMENT) == []
    wait_until(db_runtime, local(0, 13))
    assert all("U01" not in p.everything for p in room.posts)


# --- peer review ---------------------------------------------------------------------------
def test_share_draft_posts_the_thank_you_with_roles_for_names_unless_asked(db_runtime, room):
    start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    dm(db_runtime, person(1), "add Acme, data analyst, today 10am with Jane Smith (Head of "
                              "Data) and Bob Lee, they'll decide by Friday")
    dm(db_runtime, person(1), "note 1 Bob: Jane's plan for the on-call rota")

    refused = text_of(say(db_runtime, person(1), "share draft 1"))  # shared as progress
    assert "Paste your own version" in refused
    say(db_runtime, person(1), "share 1 details")
    answer = text_of(say(db_runtime, person(1), "share draft 1"))
    named = text_of(say(db_runtime, person(1), "share draft 1 with names"))
    say(db_runtime, person(1), "share draft 1 Dear Jane, thanks! @here <!channel> see you")
    wait_until(db_runtime, local(0, 12, 5))

    assert "posted your draft" in answer and "its thread" in answer
    assert "by role, not by name" in answer and "as you asked" in named
    generated, with_names, own = [p for p in room.posts if p.reply.drafts]
    assert generated.reply.title == "Feedback wanted on a thank-you note"
    shown = generated.everything + " ".join(d.title + d.body for d in generated.reply.drafts)
    for part in ("Jane", "Smith", "Bob", "Lee"):
        assert part not in shown
    assert generated.reply.drafts[0].body.startswith("Dear [Head of Data],")
    assert generated.reply.drafts[1].body.startswith("Dear [interviewer 2],")
    assert "[Head of Data]'s plan for the on-call rota" in generated.reply.drafts[1].body
    assert with_names.reply.drafts[0].body.startswith("Dear Jane,")
    assert own.reply.drafts[0].body.startswith("Dear Jane, thanks!")
    assert own.reply.drafts[0].body.endswith("@here <!channel> see you")  # as written
    assert_nothing_can_ping(own.reply)  # but inert wherever it is posted


def test_share_draft_from_a_dm_uses_the_only_club_or_asks_which(db_runtime, room):
    dm(db_runtime, person(1), ACME)
    dm(db_runtime, person(1), "share 1 details")
    assert "not in a job-search club" in dm(db_runtime, person(1), "share draft 1")
    start_club(db_runtime, room, "First")
    say(db_runtime, person(1), "club join")
    assert "posted your draft in First" in dm(db_runtime, person(1), "share draft 1")

    say(db_runtime, ORGANISER, "club start Second", manage=True, channel="C0SECOND")
    say(db_runtime, person(1), "club join", channel="C0SECOND")
    asks = dm(db_runtime, person(1), "share draft 1")
    assert "Which club" in asks and "First" in asks and "Second" in asks
    outsider = text_of(say(db_runtime, person(2), "share draft 1"))
    assert "can't find interview #1" in outsider
    dm(db_runtime, person(2), ACME)
    assert "Join" in text_of(say(db_runtime, person(2), "share draft 1"))


# --- organiser report ----------------------------------------------------------------------
def test_the_report_gives_organisers_counts_and_a_csv_without_private_details(db_runtime, room):
    start_club(db_runtime, room)
    for n in (1, 2):
        say(db_runtime, person(n), "club join")
    dm(db_runtime, person(1), ACME)
    dm(db_runtime, person(1), "sent 1")
    dm(db_runtime, person(2), "add Zorvex, lichen analyst, today 9am with Quilla Marsh")
    dm(db_runtime, person(2), "share 1 none")
    dm(db_runtime, person(2), "sent 1")
    wait_until(db_runtime, local(6, 11))
    dm(db_runtime, person(1), "called 1 no answer")
    dm(db_runtime, person(1), "heard 1 next round")
    dm(db_runtime, person(1), "cancel")

    assert "Only the club's organisers" in text_of(say(db_runtime, person(1), "club report"))
    assert "1 to 366" in text_of(say(db_runtime, ORGANISER, "club report forever"))
    report = say(db_runtime, ORGANISER, "club report 14")[0]

    assert report.private
    fields = {f.label: f.value for f in report.fields}
    assert fields["Members"].startswith("3 ")
    assert (fields["Interviews added"], fields["Thank-you notes sent"],
            fields["Follow-up calls made"], fields["Next rounds"], fields["Offers"]) == (
        "1", "1", "1", "1", "0")
    (attachment,) = report.files
    assert attachment.mime == "text/csv"
    rows = list(csv.DictReader(io.StringIO(attachment.content.decode())))
    assert rows[-1]["from"] == "total" and rows[-1]["notes_sent"] == "1"
    assert sum(int(r["calls_made"]) for r in rows[:-1]) == 1 and len(rows) == 3
    everything = report.plain + attachment.content.decode()
    for private in ("Acme", "Jane", "Smith", "analyst", "Zorvex", "Quilla", "U01", "U02"):
        assert private not in everything


# --- isolation ----------------------------------------------------------------------------
def test_two_clubs_in_two_workspaces_never_see_each_others_data(db_runtime, room):
    start_club(db_runtime, room, "Alpha")
    say(db_runtime, person(1), "club join")
    beta_organiser = person(0, team="T2")
    say(db_runtime, beta_organiser, "club start Beta", manage=True)
    say(db_runtime, person(1, team="T2"), "club join")
    beta = db_runtime.repo.club_at(ChannelRef(Platform.SLACK, "T2", CHANNEL))
    assert beta is not None and beta.name == "Beta"
    dm(db_runtime, person(1), ACME)
    dm(db_runtime, person(1), "share 1 details")
    dm(db_runtime, person(1), "sent 1")
    dm(db_runtime, person(1), "heard 1 offer")

    wait_until(db_runtime, local(4, 9, 30))  # past Monday's digests
    report = say(db_runtime, beta_organiser, "club report")[0]

    alpha_posts = [p for p in room.posts if p.where == HERE]
    beta_posts = [p for p in room.posts if p.where == beta.where]
    assert any("Acme" in p.reply.text for p in alpha_posts)
    assert all("Acme" not in p.everything and "U01" not in p.everything for p in beta_posts)
    (alpha_digest,) = room.digests(HERE)
    (beta_digest,) = room.digests(beta.where)
    assert alpha_digest.field("Thank-you notes sent") == 1
    assert beta_digest.field("Thank-you notes sent") == 0 and beta_digest.field("Offers") == 0
    fields = {f.label: f.value for f in report.fields}
    assert fields["Thank-you notes sent"] == "0" and fields["Members"].startswith("2 ")
    beta_member = text_of(say(db_runtime, person(1, team="T2"), "club report"))
    assert "Only the club's organisers" in beta_member


# --- digests -------------------------------------------------------------------------------
def test_digests_stay_at_monday_9am_new_york_time_across_the_dst_change(db_runtime, room):
    club = start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    dm(db_runtime, person(1), ACME)
    wait_until(db_runtime, local(4, 9, 30))  # Monday 26 October, after the first digest
    dm(db_runtime, person(1), "sent 1")  # 09:30 EDT: belongs to the next week
    wait_until(db_runtime, local(10, 8, 30))  # Sunday 1 November, the clocks went back at 2am
    dm(db_runtime, person(1), "called 1 no answer")
    wait_until(db_runtime, local(18, 12))

    digests = room.digests()
    stamps = [d.at.astimezone(NEW_YORK) for d in digests]
    assert [f"{s:%a %Y-%m-%d %H:%M %Z}" for s in stamps] == [
        "Mon 2026-10-26 09:00 EDT", "Mon 2026-11-02 09:00 EST", "Mon 2026-11-09 09:00 EST"]
    assert [d.at.astimezone(ZoneInfo("UTC")).hour for d in digests] == [13, 14, 14]
    first, second, third = digests
    assert (first.field("Thank-you notes sent"), first.field("Follow-up calls made")) == (0, 0)
    assert (second.field("Thank-you notes sent"), second.field("Follow-up calls made")) == (1, 1)
    assert second.field("Follow-ups this week") == 2 and third.field("Follow-ups this week") == 0
    assert "Club tally since 22 Oct 2026: 2 follow-ups" in third.reply.text
    assert "Tip of the week:" in first.reply.text
    assert first.reply.text.split("Tip of the week:")[1] != \
        second.reply.text.split("Tip of the week:")[1]
    since, until = window(second.at, ZoneInfo(club.tz))
    assert until - since == timedelta(days=7, hours=1)  # a 25-hour Sunday
    assert len([p for p in db_runtime.repo.posts_of(club.id, kind=PostKind.DIGEST)
                if p.state is PostState.PENDING]) == 1


def test_the_digest_names_only_members_who_opted_in_to_mentions(db_runtime, room):
    start_club(db_runtime, room)
    for n in (1, 2):
        say(db_runtime, person(n), "club join")
        dm(db_runtime, person(n), ACME)  # first call due Monday 26 Oct
    assert "may tag you" in text_of(say(db_runtime, person(1), "club mentions on"))
    assert "Join the club first" in text_of(say(db_runtime, person(3), "club mentions on"))

    wait_until(db_runtime, local(4, 9, 5))

    (digest,) = room.digests()
    assert digest.reply.mentions == ("U01",)
    assert "<@U01> (2)" in digest.reply.text and "1 other member" in digest.reply.text
    assert "U02" not in digest.everything and "Acme" not in digest.everything


def test_a_digest_is_posted_once_even_when_delivery_runs_twice(db_runtime, room):
    club = start_club(db_runtime, room)
    wait_until(db_runtime, local(4, 9))
    db_runtime.deliverer.deliver_due()
    db_runtime.deliverer.deliver_due()
    assert len(room.digests()) == 1
    sent = [p for p in db_runtime.repo.posts_of(club.id, kind=PostKind.DIGEST)
            if p.state is PostState.SENT]
    assert [p.ref for p in sent] == ["2026-W44"]


def test_after_a_long_outage_only_the_latest_weeks_digest_goes_out(db_runtime, room):
    club = start_club(db_runtime, room)
    db_runtime.deliverer.deliver_due()
    db_runtime.clock.set(local(19, 12))  # Tuesday 10 November: two Mondays passed unseen

    db_runtime.deliverer.deliver_due()

    assert [f"{d.at.astimezone(NEW_YORK):%m-%d %H:%M}" for d in room.digests()] == ["11-10 12:00"]
    assert room.digests()[0].reply.title.endswith("the week to Mon 9 Nov")
    states = {p.ref: p.state for p in db_runtime.repo.posts_of(club.id, kind=PostKind.DIGEST)}
    assert states == {"2026-W44": PostState.CANCELLED, "2026-W46": PostState.SENT,
                      "2026-W47": PostState.PENDING}


def test_a_club_everyone_left_gets_no_digest_but_keeps_its_schedule(db_runtime, room):
    club = start_club(db_runtime, room)
    assert "no organiser now" in text_of(say(db_runtime, ORGANISER, "club leave"))
    wait_until(db_runtime, local(12, 12))

    assert room.digests() == []
    assert [p.state for p in db_runtime.repo.posts_of(club.id, kind=PostKind.DIGEST)] == [
        PostState.CANCELLED, PostState.CANCELLED, PostState.PENDING]
    taken = text_of(say(db_runtime, person(1), "club start", manage=True))
    assert "you're now one of its organisers" in taken
    repo = db_runtime.repo
    assert repo.get_member(club.id, repo.find_person(person(1)).id).is_organiser


def test_a_rate_limited_post_waits_retry_after_then_goes_once(db_runtime):
    room = FlakyRoom(db_runtime.clock, 1, SendFailed("429", retry_after=30))
    deliverer = db_runtime.start_delivery({Platform.SLACK: room}, background=False)
    start_club(db_runtime, room)

    assert deliverer.deliver_due() == 0
    assert deliverer.next_due() == START + timedelta(seconds=30)
    db_runtime.clock.advance(timedelta(seconds=30))
    assert deliverer.deliver_due() == 1
    assert [p.reply.title for p in room.posts] == ["This channel is now a job-search club"]


def test_a_sender_without_post_leaves_club_posts_waiting(db_runtime):
    class DmOnly:
        def send(self, to: Identity, reply: Reply) -> None:
            pass

    deliverer = db_runtime.start_delivery({Platform.SLACK: DmOnly()}, background=False)
    club = start_club(db_runtime, Room(db_runtime.clock))
    say(db_runtime, person(1), "club join")
    dm(db_runtime, person(1), ACME)

    deliverer.deliver_due()
    assert deliverer.next_due() > START  # the notice, due at START, is not what it waits for
    assert [p.state for p in db_runtime.repo.posts_of(club.id, kind=PostKind.NOTICE)] == [
        PostState.PENDING]


# --- a month in a 30-member club ------------------------------------------------------------
def test_a_30_member_club_over_a_month_gets_true_digests_and_no_private_detail(db_runtime, room):
    club = start_club(db_runtime, room, "Cohort 30")
    end = local(32, 12)  # Monday 23 November 2026
    done: list[tuple[datetime, int, str]] = []
    for at, i, line, kind in month.plan_month():
        if at > end:
            continue
        wait_until(db_runtime, at)
        channel = CHANNEL if line.startswith("club") else None
        say(db_runtime, person(i + 1), line, channel=channel)
        if kind:
            done.append((at, i, kind))
    wait_until(db_runtime, end)

    digests = room.digests()
    assert [f"{d.at.astimezone(NEW_YORK):%a %m-%d %H:%M}" for d in digests] == [
        "Mon 10-26 09:00", "Mon 11-02 09:00", "Mon 11-09 09:00", "Mon 11-16 09:00",
        "Mon 11-23 09:00"]
    labels = {"note": "Thank-you notes sent", "call": "Follow-up calls made",
              "offer": "Offers", "next_round": "Next rounds"}
    for digest in digests:
        since, until = window(digest.at, NEW_YORK)
        for kind, label in labels.items():
            expected = sum(1 for at, i, k in done
                           if k == kind and since <= at < until and month.share_of(i) != "none")
            assert digest.field(label) == expected, (digest.at, label)
    assert sum(d.field("Thank-you notes sent") for d in digests) > 20
    opted_in = {f"U{i + 1:02d}" for i in range(30) if i % 3 == 0}
    assert all(set(d.reply.mentions) <= opted_in for d in digests)
    assert any(d.reply.mentions for d in digests)

    moments = [p for p in room.posts if p.reply.title is None]
    celebrated = [i for _, i, k in done
                  if k in ("offer", "next_round") and month.share_of(i) != "none"]
    assert len(moments) == len(celebrated)
    for i in range(30):
        shared = month.share_of(i) == "details"
        private = [month.SURNAMES[i]] + ([] if shared else [month.COMPANIES[i], month.ROLES[i]])
        for post in room.posts:
            for word in private:
                assert word not in post.everything, (word, post.reply)
            if month.COMPANIES[i] in post.everything or month.ROLES[i] in post.everything:
                assert post in moments and shared

    report = say(db_runtime, ORGANISER, "club report 31")[0]
    fields = {f.label: f.value for f in report.fields}
    assert fields["Members"].startswith("31 ")
    assert int(fields["Thank-you notes sent"]) == sum(
        1 for at, i, k in done
        if k == "note" and month.share_of(i) != "none" and at >= end - timedelta(days=31))
    assert db_runtime.repo.get_club(club.id) is not None


# --- co-organisers ----------------------------------------------------------------------------
def test_an_organiser_adds_and_removes_co_organisers_and_the_last_one_stays(db_runtime, room):
    club = start_club(db_runtime, room)
    say(db_runtime, person(1), "club join")
    say(db_runtime, person(2), "club join")
    repo = db_runtime.repo

    def organises(who: Identity) -> bool:
        member = repo.get_member(club.id, repo.find_person(who).id)
        return member is not None and member.is_organiser

    refused = text_of(say(db_runtime, person(2), "club organiser add <@U02>"))
    assert "organiser" in refused and not organises(person(2))  # members cannot promote
    added = say(db_runtime, ORGANISER, "club organiser add <@U01|bea>")
    assert "now organises" in text_of(added) and added[0].mentions == ("U01",)
    assert organises(person(1))
    # The new organiser has every organiser's rights, choosing co-organisers too.
    assert "now organises" in text_of(say(db_runtime, person(1), "club organiser add <@U02>"))
    listed = say(db_runtime, person(2), "club organisers")
    assert set(listed[0].mentions) == {"U00", "U01", "U02"}
    assert "member of" in text_of(say(db_runtime, person(1), "club organiser remove <@U00>"))
    assert "member of" in text_of(say(db_runtime, person(2), "club organiser remove <@U01>"))
    assert not organises(ORGANISER) and not organises(person(1))
    last = text_of(say(db_runtime, person(2), "club organiser remove <@U02>"))
    assert "only organiser" in last and organises(person(2))
    assert "Mention a member" in text_of(say(db_runtime, person(2), "club organiser add <@U09>"))
