"""Job-search clubs: the `club` command, said in the channel where a club meets.

Set-up and membership are explicit (`club start`, `club join`); only organisers change
settings, read the report or stop the club. Replies go to the person alone; anything
for the channel goes through the post outbox, which delivery drains.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.clubs.activity import identity_for
from bot.clubs.model import Club, ClubRole, PostKind, shares_at_least
from bot.clubs.posts import CELEBRATED, encode, moment_reply, started_reply
from bot.clubs.report import DEFAULT_DAYS, MAX_DAYS, report_reply
from bot.clubs.schedule import (
    DEFAULT_DIGEST_DAY,
    DEFAULT_DIGEST_TIME,
    digest_label,
    ensure_digest,
    next_digest_at,
    parse_digest,
    reschedule_digest,
)
from bot.content.formatting import when
from bot.messages import Inbound, Reply, mention
from bot.model import ChannelRef, Identity, Interview, Person, ShareLevel
from bot.parsing import parse_zone
from bot.ports.clock import Clock
from bot.ports.repository import Repository
from bot.text import short

log = logging.getLogger(__name__)

DEFAULT_NAME = "Job-search club"
MAX_NAME = 80

PRIVACY = (
    "Your interviews stay yours. By default the club sees only progress: counts such as "
    "\"sent 2 thank-you notes\" or \"first call done\", and good news like an offer, never "
    "a company, role or interviewer's name. Choose per interview with "
    "`share <n> none | progress | details` (details lets the company and role appear).")

CLUB_HELP = (
    "Club commands, in the club's channel:\n"
    "• `club` — how the club is set up · `club join` / `club leave`\n"
    "• `club mentions on|off` — may the weekly digest tag you when follow-ups are due?\n"
    "• `share <n> none | progress | details` · `share draft <n> [your text]` — ask for "
    "feedback on a thank-you\n"
    "For organisers: `club start [name]` · `club settings name=… tz=… digest=friday 16:00` "
    "· `club report [days]` · `club stop` · `club organiser add|remove @member` — share "
    "the running of the club")

#: A mention as Slack (`<@U123>`, `<@U123|sam>`) and Discord (`<@123>`, `<@!123>`) send it.
_MENTION = re.compile(r"<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>")


def user_in(repo: Repository, club: Club, person_id: int) -> str | None:
    """A member's user id on the club's platform, to mention them there."""
    for identity in repo.identities_of(person_id):
        if identity.platform is club.where.platform:
            return identity.user
    return None


_SETTING = re.compile(r"\b(name|tz|timezone|zone|digest)\s*[=:]\s*", re.IGNORECASE)


def asks_channel_rights(text: str) -> bool:
    """Whether a command's `text` may start or stop a club: the only commands that read
    `Inbound.can_manage_channel`. A platform that has to ask who manages a channel (Slack:
    users.info, conversations.info) asks for these alone, and before the person's unit,
    so that no call to it holds the database. Any line with the word `club` says yes."""
    return any(word.strip("/,.:;!?") == "club" for word in text.lower().split())


def channel_of(inbound: Inbound) -> ChannelRef | None:
    """The channel the command was said in, or None in a DM.

    Discord identities share the workspace "dm"; its adapter passes the guild id in
    `extra["workspace"]`, which names the club's workspace when present.
    """
    if not inbound.channel:
        return None
    workspace = inbound.extra.get("workspace") or inbound.identity.workspace
    return ChannelRef(inbound.identity.platform, workspace, inbound.channel)


class ClubCommands:
    """Handles `club …`; one instance per command, holding only the repository and clock."""

    def __init__(self, repo: Repository, clock: Clock) -> None:
        self.repo = repo
        self.clock = clock

    def club(self, person: Person, inbound: Inbound, rest: str) -> list[Reply]:
        word, _, args = rest.strip().partition(" ")
        word, args = word.lower(), args.strip()
        if word in {"help", "?"}:
            return [Reply(text=CLUB_HELP)]
        where = channel_of(inbound)
        if where is None:
            return [self._in_dm(person, word)]
        club = self.repo.club_at(where)
        if word == "start":
            return [self._start(person, inbound, where, club, args)]
        if club is None:
            return [Reply(text="This channel isn't a job-search club yet. Someone who can "
                               "manage the channel can start one with `club start [name]`.")]
        handlers = {
            "": self._status, "status": self._status, "info": self._status,
            "join": self._join, "leave": self._leave,
            "mentions": self._mentions, "mention": self._mentions,
            "settings": self._settings, "set": self._settings,
            "report": self._report,
            "stop": self._stop,
            "organiser": self._organisers, "organisers": self._organisers,
            "organizer": self._organisers, "organizers": self._organisers,
        }
        handler = handlers.get(word)
        if handler is None:
            return [Reply(text=f"I don't know `club {short(word, 20)}`.\n{CLUB_HELP}")]
        return [handler(person, inbound, club, args)]

    # --- outside a channel --------------------------------------------------------------
    def _in_dm(self, person: Person, word: str) -> Reply:
        hint = ("Club commands work in the club's channel: run `club "
                f"{short(word, 20) or 'join'}` there.")
        if word:
            return Reply(text=hint)
        clubs = self.repo.clubs_of(person.id)
        if not clubs:
            return Reply(text="You're not in a job-search club. In a club's channel, type "
                              "`club join`; someone who manages a channel can start one "
                              "with `club start`.")
        names = ", ".join(c.name for c in clubs)
        return Reply(text=f"Your clubs: {names}. {hint}\n{PRIVACY}")

    # --- set-up -------------------------------------------------------------------------
    def _start(self, person: Person, inbound: Inbound, where: ChannelRef, club: Club | None,
               args: str) -> Reply:
        now = self.clock.now()
        if not inbound.can_manage_channel:
            return Reply(text="Only someone who can manage this channel can start a club "
                              "here. Ask a channel manager to run `club start`.")
        if club is not None:
            member = self.repo.get_member(club.id, person.id)
            if member is not None and member.is_organiser:
                return Reply(text=f"This channel is already {club.name}, and you "
                                  "organise it. `club` shows how it's set up.")
            # A channel manager takes over a club whose organisers left.
            if member is None:
                self.repo.add_member(club.id, person.id, ClubRole.ORGANISER, now)
            else:
                self.repo.update_member(club.id, person.id, role=ClubRole.ORGANISER)
            return Reply(text=f"This channel is already {club.name}; you're now one "
                              "of its organisers.")
        name = short(args, MAX_NAME) or DEFAULT_NAME
        club = self.repo.create_club(where, name, person.tz, DEFAULT_DIGEST_DAY,
                                     DEFAULT_DIGEST_TIME, person.id, now)
        if club is None:
            return Reply(text="Someone just started a club here. `club` shows it.")
        ensure_digest(self.repo, club, now, now)
        schedule = digest_label(club)
        self.repo.add_post(club.id, PostKind.NOTICE, "started", encode(started_reply(club,
                           schedule)), now, now)
        return Reply(text=(
            f"Done: this channel is now {club.name}, and you're its organiser and "
            f"first member. A digest of the week's follow-ups goes out every {schedule}, "
            "using your time zone. Change any of it with `club settings name=… tz=… "
            "digest=friday 16:00`. Members join with `club join`; nobody is added "
            f"automatically.\n{PRIVACY}"))

    def _settings(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        if not self._organiser(club, person):
            return _organisers_only("change the club's settings")
        if not args:
            return Reply(text=f"{club.name}: digest every {digest_label(club)}. "
                              "Change with `club settings name=… tz=… digest=friday 16:00`.")
        pieces = _SETTING.split(args)
        if len(pieces) < 3 or pieces[0].strip():
            return Reply(text="Write settings as `club settings name=Cohort 5 tz=Europe/London "
                              "digest=friday 16:00` (any of the three).")
        changes: dict[str, object] = {}
        problems = []
        for key, value in zip(pieces[1::2], pieces[2::2], strict=True):
            key, value = key.lower(), value.strip()
            if key == "name":
                if value:
                    changes["name"] = short(value, MAX_NAME)
                else:
                    problems.append("the name is empty")
            elif key in {"tz", "timezone", "zone"}:
                zone = parse_zone(value)
                if zone is None:
                    problems.append(f"I don't know the time zone {short(value, 40)!r}")
                else:
                    changes["tz"] = zone
            else:
                parsed = parse_digest(value, club.digest_weekday, club.digest_time)
                if parsed is None:
                    problems.append(f"I couldn't read {short(value, 40)!r} as a day "
                                    "and time, e.g. `digest=friday 16:00`")
                else:
                    changes["digest_weekday"], changes["digest_time"] = parsed
        if problems:
            return Reply(text="Nothing changed: " + "; ".join(problems) + ".")
        updated = self.repo.update_club(club.id, **changes)  # type: ignore[arg-type]
        now = self.clock.now()
        if (updated.tz, updated.digest_weekday, updated.digest_time) != (
                club.tz, club.digest_weekday, club.digest_time):
            reschedule_digest(self.repo, updated, now)
        upcoming = next_digest_at(self.repo, updated)
        after = f" The next one is on {when(upcoming, ZoneInfo(updated.tz))}." if upcoming \
            else ""
        return Reply(text=f"Saved. {updated.name} gets its digest every "
                          f"{digest_label(updated)}.{after}")

    def _stop(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        if not (self._organiser(club, person) or inbound.can_manage_channel):
            return _organisers_only("stop the club")
        counts = self.repo.delete_club(club.id)
        return Reply(text=(
            f"{club.name} has ended. Deleted: {counts.get('memberships', 0)} "
            f"memberships, the club's settings and {counts.get('pending posts', 0)} posts "
            "that hadn't gone out yet. Kept: every member's own interviews, reminders and "
            "journal, untouched, and the messages already in this channel. Anyone who "
            "manages the channel can start a new club with `club start`."))

    # --- co-organisers -------------------------------------------------------------------
    def _organisers(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        """`club organiser add|remove @member`: organisers share the running of a club;
        the last one cannot step down, so a club always has someone to run it."""
        members = self.repo.club_members(club.id)
        verb, _, who = args.partition(" ")
        verb = verb.lower()
        if verb not in {"add", "remove"}:
            users = [u for m in members if m.is_organiser
                     for u in [user_in(self.repo, club, m.person_id)] if u]
            return Reply(text=f"Organisers of {club.name}: "
                              f"{', '.join(mention(u) for u in users) or 'none'}. An "
                              "organiser can add another with `club organiser add "
                              "@member`, or step one down with `club organiser remove "
                              "@member`.", mentions=tuple(users))
        if not self._organiser(club, person):
            return _organisers_only("choose co-organisers")
        user = _MENTION.search(who)
        target = None if user is None else self.repo.find_person(
            Identity(inbound.identity.platform, inbound.identity.workspace, user.group(1)))
        membership = None if target is None else self.repo.get_member(club.id, target.id)
        if user is None or target is None or membership is None:
            return Reply(text=f"Mention a member of {club.name}, e.g. `club organiser "
                              f"{verb} @Sam`; they join first with `club join`.")
        them = mention(user.group(1))
        if verb == "add":
            if membership.is_organiser:
                return Reply(text=f"{them} already organises {club.name}.",
                             mentions=(user.group(1),))
            self.repo.update_member(club.id, target.id, role=ClubRole.ORGANISER)
            return Reply(text=f"Done: {them} now organises {club.name} with you. They can "
                              "change the settings, read the report and add organisers too.",
                         mentions=(user.group(1),))
        if not membership.is_organiser:
            return Reply(text=f"{them} isn't an organiser of {club.name}.",
                         mentions=(user.group(1),))
        if sum(m.is_organiser for m in members) < 2:
            return Reply(text=f"{them} is {club.name}'s only organiser, and a club needs "
                              "one. Add another first, then step down.",
                         mentions=(user.group(1),))
        self.repo.update_member(club.id, target.id, role=ClubRole.MEMBER)
        return Reply(text=f"Done: {them} is a member of {club.name} again, no longer an "
                          "organiser.", mentions=(user.group(1),))

    # --- membership ---------------------------------------------------------------------
    def _join(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        now = self.clock.now()
        if self.repo.add_member(club.id, person.id, ClubRole.MEMBER, now) is None:
            return Reply(text=f"You're already in {club.name}. `club` shows how "
                              "it's set up; `club leave` takes you out.")
        return Reply(title=f"Welcome to {club.name}!", text=(
            "The club keeps each other on track after interviews and celebrates every "
            f"follow-up.\n{PRIVACY}\n{_share_summary(self.repo.list_interviews(person.id))}"
            "• `club mentions on` lets the weekly digest tag you when follow-ups are due "
            f"(off until you say so).\n• `share draft <n>` asks the club for feedback on a "
            f"thank-you note.\n• `club leave` any time. The digest comes every "
            f"{digest_label(club)}."))

    def _leave(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        if not self.repo.remove_member(club.id, person.id):
            return Reply(text=f"You're not in {club.name}, so there's nothing to leave.")
        self.repo.cancel_posts(club.id, person_id=person.id)
        text = (f"You've left {club.name}. Nothing of yours will be counted or shown "
                "there any more; your interviews and journal are untouched.")
        if not any(m.is_organiser for m in self.repo.club_members(club.id)):
            text += (" The club has no organiser now: someone who manages the channel can "
                     "take over with `club start`.")
        return Reply(text=text)

    def _mentions(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        choice = args.lower()
        if choice not in {"on", "off", "yes", "no"}:
            return Reply(text="`club mentions on` lets the weekly digest tag you when you "
                              "have follow-ups due; `club mentions off` keeps your name out.")
        on = choice in {"on", "yes"}
        if self.repo.update_member(club.id, person.id, mentions=on) is None:
            return Reply(text="Join the club first with `club join`.")
        if on:
            return Reply(text="Done: the weekly digest may tag you when you have follow-ups "
                              "due (only the number, never the company).")
        return Reply(text="Done: the digest won't name you; you're still counted in the totals.")

    # --- views --------------------------------------------------------------------------
    def _status(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        members = self.repo.club_members(club.id)
        mine = next((m for m in members if m.person_id == person.id), None)
        upcoming = next_digest_at(self.repo, club)
        lines = [f"{len(members)} member{'s' if len(members) != 1 else ''}. Digest every "
                 f"{digest_label(club)}"
                 + (f"; next on {when(upcoming, ZoneInfo(club.tz))}." if upcoming else ".")]
        if mine is None:
            lines.append("You're not a member: `club join` to take part.")
        else:
            role = "an organiser" if mine.is_organiser else "a member"
            tags = "may tag you" if mine.mentions else "won't tag you"
            lines.append(f"You're {role}; the digest {tags} (`club mentions on|off`).")
            lines.append(_share_summary(self.repo.list_interviews(person.id)).rstrip())
        lines.append(CLUB_HELP)
        return Reply(title=club.name, text="\n".join(lines))

    def _report(self, person: Person, inbound: Inbound, club: Club, args: str) -> Reply:
        if not self._organiser(club, person):
            return _organisers_only("read the club report")
        word = args.split(" ", 1)[0].lower().removesuffix("d").removesuffix("days")
        if not word:
            days = DEFAULT_DAYS
        elif word.isdigit() and 1 <= int(word) <= MAX_DAYS:
            days = int(word)
        else:
            return Reply(text=f"Give the period in days, 1 to {MAX_DAYS}: `club report 30`.")
        return report_reply(self.repo, club, days, self.clock.now())

    def _organiser(self, club: Club, person: Person) -> bool:
        member = self.repo.get_member(club.id, person.id)
        return member is not None and member.is_organiser


def celebrate(repo: Repository, person: Person, interview: Interview, now: datetime) -> int:
    """Queue a congratulation in each of the person's clubs for an offer or next round.

    Once per interview and outcome (the outbox's unique ref); nothing for an interview
    shared at `none`, nothing for any other outcome. Returns how many were queued.
    """
    if interview.outcome not in CELEBRATED or not shares_at_least(interview.share,
                                                                   ShareLevel.PROGRESS):
        return 0
    queued = 0
    try:
        identities = repo.identities_of(person.id)
        for club in repo.clubs_of(person.id):
            membership = repo.get_member(club.id, person.id)
            if membership is None:
                continue
            reply = moment_reply(club, person, identity_for(identities, club), membership,
                                 interview)
            ref = f"{interview.id}:{interview.outcome}"
            if repo.add_post(club.id, PostKind.MOMENT, ref, encode(reply), now, now,
                             person_id=person.id) is not None:
                queued += 1
    except Exception:
        # The outcome is saved and the person must hear about it; a lost congratulation
        # is the smaller harm.
        log.exception("could not queue the club moment for interview %d", interview.id)
    return queued


def _organisers_only(what: str) -> Reply:
    return Reply(text=f"Only the club's organisers can {what}. If you think that should be "
                      "you, ask one of them, or someone who manages the channel.")


def _share_summary(interviews: list[Interview]) -> str:
    if not interviews:
        return ""
    shown = ", ".join(f"#{i.number} {i.share.value}" for i in interviews[-8:])
    return f"What the club sees of your interviews: {shown}.\n"
