"""The `/followup` slash command group: typed options in, one typed command for the core.

Each subcommand builds the core's command from its options directly
(`/followup heard interview:1 outcome:offer` -> `ReportOutcome(#1, offer)`); only
free text (what they promised, a time zone typed by hand) is read by the core's parsers.
Autocomplete offers the person's own interviews, steps and interviewers, and time zones;
it only reads (`find_person`), so typing in a command box never creates anyone.
`/followup club` and `/followup share` are the club verbs; the client tells the core
which server channel they were used in.
"""

from __future__ import annotations

import asyncio
import zoneinfo
from collections.abc import Sequence
from datetime import timedelta
from functools import cache
from typing import Protocol, cast

import discord
from discord import app_commands

from adapters.discord_bot.modal import AddForm
from adapters.runtime import Runtime
from bot.commands import (
    Calendar,
    CancelInterview,
    CheckNote,
    ClubCommand,
    Command,
    ExportData,
    ForgetMe,
    InterviewNumber,
    InterviewRef,
    ListInterviews,
    MarkSent,
    NoteTopic,
    OnlyOpenInterview,
    RecordPromise,
    Reflect,
    ReportCall,
    ReportOutcome,
    SetQuietHours,
    SetTimeZone,
    SetTone,
    ShareCommand,
    ShowHelp,
    ShowJournal,
    ShowPlan,
    ShowStats,
    Snooze,
    SnoozeFor,
    SnoozeSpan,
    SnoozeTillMorning,
)
from bot.content.formatting import checkpoint_label, checkpoint_ref
from bot.content.formatting import when as local_time
from bot.conversation.views import numbered
from bot.model import (
    CallResult,
    CheckpointState,
    Identity,
    Interview,
    Outcome,
    Person,
    Platform,
    Tone,
)
from bot.parsing import parse_clock_range, parse_zone
from bot.parsing.command_text import step_ref

#: Discord users have one id everywhere, so DMs and every server share one workspace:
#: the same person, whether they typed in a DM or used a command in a server.
WORKSPACE = "dm"
MAX_CHOICES = 25
MAX_CHOICE_NAME = 100
WAITING = (CheckpointState.PENDING, CheckpointState.SENT)


def identity_of(user: discord.abc.User) -> Identity:
    return Identity(Platform.DISCORD, WORKSPACE, str(user.id))


class CommandHost(Protocol):
    """What the subcommands need from the client (`interaction.client`)."""

    runtime: Runtime

    async def run_command(self, interaction: discord.Interaction, command: Command) -> None:
        """Acknowledge now, hand the typed command to the coach, send its replies; it runs
        even while the coach waits for an answer, which is then asked again."""
        ...

    async def run_text(self, interaction: discord.Interaction, text: str, *,
                       command: bool = True) -> None:
        """Like `run_command` for free text, read as a DM would be (`/followup answer`);
        `command=False` lets it answer the question waiting."""
        ...

    async def start_add(self, interaction: discord.Interaction, form: AddForm) -> None:
        """Add from complete options, or open the add form with what was given."""
        ...


def _host(interaction: discord.Interaction) -> CommandHost:
    return cast(CommandHost, interaction.client)


async def _run(interaction: discord.Interaction, command: Command) -> None:
    await _host(interaction).run_command(interaction, command)


def line(*parts: object) -> str:
    """The words of a command line, skipping options that were not given."""
    return " ".join(str(p).strip() for p in parts if p is not None and str(p).strip())


# --- autocomplete -------------------------------------------------------------------------
def _choice_name(text: str) -> str:
    return text if len(text) <= MAX_CHOICE_NAME else text[: MAX_CHOICE_NAME - 1] + "…"


def _interviews(runtime: Runtime, person: Person | None) -> list[Interview]:
    """The person's interviews, open ones first, newest first; none for a stranger."""
    if person is None:
        return []
    interviews = runtime.repo.list_interviews(person.id)
    interviews.sort(key=lambda i: (not i.is_open, -i.number))
    return interviews


def interview_choices(runtime: Runtime, identity: Identity, current: str
                      ) -> list[app_commands.Choice[int]]:
    """The person's interviews, open ones first, matching what they typed so far."""
    typed = str(current).strip().lstrip("#").lower()
    choices = []
    for interview in _interviews(runtime, runtime.repo.find_person(identity)):
        name = f"#{interview.number} {interview.title}"
        if not interview.is_open:
            name += " (closed)"
        if typed and typed not in name.lower():
            continue
        choices.append(app_commands.Choice(name=_choice_name(name), value=interview.number))
    return choices[:MAX_CHOICES]


def step_choices(runtime: Runtime, identity: Identity, current: str
                 ) -> list[app_commands.Choice[str]]:
    """Steps still waiting on the person's open interviews, as `1.2 Thank-you note …`."""
    person = runtime.repo.find_person(identity)
    if person is None:
        return []
    tz = zoneinfo.ZoneInfo(person.tz)
    typed = str(current).strip().lower()
    choices = []
    for interview in _interviews(runtime, person):
        if not interview.is_open:
            continue
        for position, cp in numbered(runtime.repo.checkpoints_for(interview.id)):
            if cp.state not in WAITING:
                continue
            ref = checkpoint_ref(interview, position)
            name = f"{ref} {checkpoint_label(cp, interview)} · {interview.company} · " \
                   f"{local_time(cp.due_at, tz)}"
            if typed and typed not in name.lower():
                continue
            choices.append(app_commands.Choice(name=_choice_name(name), value=ref))
    return choices[:MAX_CHOICES]


def interviewer_choices(runtime: Runtime, identity: Identity, number: int | None,
                        current: str) -> list[app_commands.Choice[str]]:
    """Interviewers of the chosen interview (or of every open one), for `sent`."""
    typed = str(current).strip().lower()
    names: list[str] = []
    for interview in _interviews(runtime, runtime.repo.find_person(identity)):
        if (number is not None and interview.number != number) or \
                (number is None and not interview.is_open):
            continue
        names += [p.name for p in interview.interviewers if p.name not in names]
    return [app_commands.Choice(name=_choice_name(n), value=n[:100]) for n in names
            if not typed or typed in n.lower()][:MAX_CHOICES]


@cache
def _zone_names() -> tuple[str, ...]:
    """Zone names people pick from: 'Area/City' ones and UTC, not legacy aliases."""
    legacy = ("Etc/", "posix", "right", "SystemV", "US/", "Canada/", "Mexico/", "Brazil/",
              "Chile/")
    names = {z for z in zoneinfo.available_timezones()
             if "/" in z and not z.startswith(legacy)}
    return ("UTC", *sorted(names))


def zone_choices(current: str) -> list[app_commands.Choice[str]]:
    """Time zones whose name contains what was typed ('new y', 'berlin'), best first."""
    typed = str(current).strip().lower().replace(" ", "_")
    if not typed:
        common = ("America/New_York", "America/Chicago", "America/Denver",
                  "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata",
                  "Asia/Tokyo", "Australia/Sydney", "UTC")
        return [app_commands.Choice(name=z, value=z) for z in common]
    found = [z for z in _zone_names() if typed in z.lower()]
    # A city that starts with the typed text ranks above one that merely contains it.
    found.sort(key=lambda z: (not z.lower().rsplit("/", 1)[-1].startswith(typed), z))
    return [app_commands.Choice(name=z, value=z) for z in found[:MAX_CHOICES]]


async def _interview_complete(interaction: discord.Interaction, current: str
                              ) -> list[app_commands.Choice[int]]:
    runtime = _host(interaction).runtime
    return await asyncio.to_thread(interview_choices, runtime, identity_of(interaction.user),
                                   current)


async def _step_complete(interaction: discord.Interaction, current: str
                         ) -> list[app_commands.Choice[str]]:
    runtime = _host(interaction).runtime
    return await asyncio.to_thread(step_choices, runtime, identity_of(interaction.user),
                                   current)


async def _interviewer_complete(interaction: discord.Interaction, current: str
                                ) -> list[app_commands.Choice[str]]:
    runtime = _host(interaction).runtime
    chosen = getattr(interaction.namespace, "interview", None)
    number = chosen if isinstance(chosen, int) else (
        int(chosen) if isinstance(chosen, str) and chosen.isdigit() else None)
    return await asyncio.to_thread(interviewer_choices, runtime,
                                   identity_of(interaction.user), number, current)


async def _zone_complete(interaction: discord.Interaction, current: str
                         ) -> list[app_commands.Choice[str]]:
    return zone_choices(current)


# --- the commands -------------------------------------------------------------------------
NumberOption = app_commands.Range[int, 1, 999_999]
OUTCOMES = [
    app_commands.Choice(name="Offer", value="offer"),
    app_commands.Choice(name="Next round", value="next round"),
    app_commands.Choice(name="Not this time", value="rejected"),
    app_commands.Choice(name="Something else", value="other"),
    app_commands.Choice(name="I withdrew", value="withdrew"),
]
CALL_RESULTS = [
    app_commands.Choice(name="No answer (or voicemail)", value="no answer"),
    app_commands.Choice(name="Spoke to them, no news yet", value="answered"),
]
CALL_RESULT_OF = {"no answer": CallResult.NO_ANSWER, "answered": CallResult.ANSWERED}
OUTCOME_OF = {"offer": Outcome.OFFER, "next round": Outcome.NEXT_ROUND,
              "rejected": Outcome.REJECTED, "other": Outcome.HEARD,
              "withdrew": Outcome.WITHDREW}
SNOOZE_OF: dict[str, SnoozeSpan] = {
    "2h": SnoozeFor(timedelta(hours=2)), "tomorrow": SnoozeTillMorning(),
    "3d": SnoozeFor(timedelta(days=3)), "1w": SnoozeFor(timedelta(weeks=1)),
}
SNOOZES = [
    app_commands.Choice(name="2 hours", value="2h"),
    app_commands.Choice(name="Tomorrow morning", value="tomorrow"),
    app_commands.Choice(name="3 days", value="3d"),
    app_commands.Choice(name="1 week", value="1w"),
]
INTERVIEW_HELP = "Which interview (your only open one if you leave it out)"
#: `/followup club what:…`, each the word after `club` (status is `club` alone).
CLUB_ACTIONS = [
    app_commands.Choice(name="Status: how this channel's club is set up", value="status"),
    app_commands.Choice(name="Join this channel's club", value="join"),
    app_commands.Choice(name="Leave the club", value="leave"),
    app_commands.Choice(name="Mentions: may the digest tag you? (options: on or off)",
                        value="mentions"),
    app_commands.Choice(name="Start a club here, for channel managers (options: its name)",
                        value="start"),
    app_commands.Choice(name="Settings, for organisers (options: name=… tz=… "
                             "digest=friday 16:00)", value="settings"),
    app_commands.Choice(name="Report, for organisers (options: days, e.g. 30)",
                        value="report"),
    app_commands.Choice(name="Stop the club, for organisers", value="stop"),
    app_commands.Choice(name="Organisers: list them, or add/remove one (options: add @member)",
                        value="organiser"),
]
SHARE_LEVELS = [
    app_commands.Choice(name="Nothing: not even in the club's counts", value="none"),
    app_commands.Choice(name="Progress only: never the company, role or names",
                        value="progress"),
    app_commands.Choice(name="Details: the company and role may appear", value="details"),
    app_commands.Choice(name="Ask the club for feedback on a thank-you draft", value="draft"),
]
MAX_DRAFT_TEXT = 3000  # the core keeps no more of a draft (bot.clubs.share)


def club_options(what: str, options: str | None) -> str:
    """`/followup club what:settings options:tz=Europe/Paris` -> `settings tz=…`, the
    club layer's own options (its status is no option at all)."""
    if what == "status":
        return ""
    return line(what, options)


def share_options(interview: int | None, level: str | None, text: str | None) -> str:
    """`2 none`, `2` (what it is now), `draft 2 <text>`, or nothing: the share layer's own
    options. Text is only for a draft, so text given without a level asks for one."""
    if level == "draft" or (level is None and text and text.strip()):
        return line("draft", interview, text)
    return line(interview, level)


def _ref(number: int | None) -> InterviewRef:
    return OnlyOpenInterview() if number is None else InterviewNumber(number)


class FollowupCommands(app_commands.Group):
    """`/followup …`: usable in servers and in a DM with the bot."""

    def __init__(self) -> None:
        super().__init__(
            name="followup",
            description="Your interview follow-up coach",
            allowed_contexts=app_commands.AppCommandContext(
                guild=True, dm_channel=True, private_channel=False),
            allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
        )

    @app_commands.command(description="Add an interview (no options: opens a form)")
    @app_commands.describe(
        company="The company", role="The role you interviewed for",
        when="When it was or is: today 2pm, yesterday 10:30am, Dec 3 at 3pm",
        interviewers="Names as they spell them: Jane Smith (jane@acme.com) and Bob Lee",
        promise="What they said about next steps: we'll decide by Friday",
    )
    async def add(self, interaction: discord.Interaction,
                  company: app_commands.Range[str, 1, 120] | None = None,
                  role: app_commands.Range[str, 1, 120] | None = None,
                  when: app_commands.Range[str, 1, 100] | None = None,
                  interviewers: app_commands.Range[str, 1, 500] | None = None,
                  promise: app_commands.Range[str, 1, 200] | None = None) -> None:
        form = AddForm.from_values({"company": company, "role": role, "when": when,
                                    "people": interviewers, "promise": promise})
        await _host(interaction).start_add(interaction, form)

    @app_commands.command(name="list", description="Your interviews and what's next")
    async def list_(self, interaction: discord.Interaction) -> None:
        await _run(interaction, ListInterviews())

    @app_commands.command(description="Every step planned for one interview")
    @app_commands.describe(interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def plan(self, interaction: discord.Interaction,
                   interview: NumberOption | None = None) -> None:
        await _run(interaction, ShowPlan(_ref(interview)))

    @app_commands.command(description="You sent your thank-you note")
    @app_commands.describe(interview=INTERVIEW_HELP,
                           interviewer="To whom (everyone if you leave it out)")
    @app_commands.autocomplete(interview=_interview_complete)
    @app_commands.autocomplete(interviewer=_interviewer_complete)
    async def sent(self, interaction: discord.Interaction,
                   interview: NumberOption | None = None,
                   interviewer: app_commands.Range[str, 1, 100] | None = None) -> None:
        await _run(interaction, MarkSent(_ref(interview), to=interviewer or ""))

    @app_commands.command(description="You made a follow-up call")
    @app_commands.describe(result="Did anyone pick up?", interview=INTERVIEW_HELP)
    @app_commands.choices(result=CALL_RESULTS)
    @app_commands.autocomplete(interview=_interview_complete)
    async def called(self, interaction: discord.Interaction, result: str,
                     interview: NumberOption | None = None) -> None:
        await _run(interaction, ReportCall(_ref(interview), CALL_RESULT_OF[result]))

    @app_commands.command(description="You heard back from the employer")
    @app_commands.describe(outcome="What they said", interview=INTERVIEW_HELP)
    @app_commands.choices(outcome=OUTCOMES)
    @app_commands.autocomplete(interview=_interview_complete)
    async def heard(self, interaction: discord.Interaction, outcome: str,
                    interview: NumberOption | None = None) -> None:
        await _run(interaction, ReportOutcome(_ref(interview), OUTCOME_OF[outcome]))

    @app_commands.command(description="What they said about next steps")
    @app_commands.describe(what="For example: they'll decide by Tuesday · call me on Friday",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def promised(self, interaction: discord.Interaction,
                       what: app_commands.Range[str, 1, 200],
                       interview: NumberOption | None = None) -> None:
        await _run(interaction, RecordPromise(_ref(interview), said=what))

    @app_commands.command(description="Put a reminder off for a while")
    @app_commands.describe(step="The step, like 1.2 (or an interview number for its next "
                                "step)", length="For how long (default: tomorrow morning)")
    @app_commands.choices(length=SNOOZES)
    @app_commands.autocomplete(step=_step_complete)
    async def snooze(self, interaction: discord.Interaction,
                     step: app_commands.Range[str, 1, 20], length: str = "tomorrow") -> None:
        await _run(interaction, Snooze(step_ref(step.strip()), SNOOZE_OF[length]))

    @app_commands.command(description="Stop every reminder for one interview")
    @app_commands.describe(interview="Which interview")
    @app_commands.autocomplete(interview=_interview_complete)
    async def cancel(self, interaction: discord.Interaction,
                     interview: NumberOption) -> None:
        await _run(interaction, CancelInterview(InterviewNumber(interview)))

    @app_commands.command(description="Show or set your time zone")
    @app_commands.describe(zone="Your time zone, e.g. America/Chicago (leave out to see it)")
    @app_commands.autocomplete(zone=_zone_complete)
    async def tz(self, interaction: discord.Interaction,
                 zone: app_commands.Range[str, 1, 60] | None = None) -> None:
        typed = zone or ""
        await _run(interaction, SetTimeZone(parse_zone(typed) if typed else None, typed))

    @app_commands.command(description="Show or set the hours I stay silent")
    @app_commands.describe(hours="For example 21:00-08:00 or 10pm-7am (leave out to see them)")
    async def quiet(self, interaction: discord.Interaction,
                    hours: app_commands.Range[str, 1, 40] | None = None) -> None:
        typed = hours or ""
        await _run(interaction,
                   SetQuietHours(parse_clock_range(typed) if typed else None, typed))

    @app_commands.command(description="What you noted after your interviews")
    async def journal(self, interaction: discord.Interaction) -> None:
        await _run(interaction, ShowJournal())

    @app_commands.command(description="Everything I keep about you, as a JSON file")
    async def export(self, interaction: discord.Interaction) -> None:
        await _run(interaction, ExportData())

    @app_commands.command(description="Delete everything I keep about you (asks first)")
    async def forget(self, interaction: discord.Interaction) -> None:
        await _run(interaction, ForgetMe())

    @app_commands.command(description="Your plan as a calendar file, or a private feed link")
    @app_commands.describe(what="A file to import, a link your calendar follows, or a new link")
    @app_commands.choices(what=[app_commands.Choice(name=n, value=n)
                                for n in ("file", "feed", "reset")])
    async def calendar(self, interaction: discord.Interaction, what: str = "file") -> None:
        await _run(interaction, Calendar(what))

    @app_commands.command(description="Your follow-up habits, with a chart")
    async def stats(self, interaction: discord.Interaction) -> None:
        await _run(interaction, ShowStats())

    @app_commands.command(description="Check your note's spelling and the names in it")
    @app_commands.describe(interview=INTERVIEW_HELP, text="The note you plan to send")
    @app_commands.autocomplete(interview=_interview_complete)
    async def check(self, interaction: discord.Interaction,
                    text: app_commands.Range[str, 1, 1800],
                    interview: NumberOption | None = None) -> None:
        await _run(interaction, CheckNote(_ref(interview), text))

    @app_commands.command(description="How your thank-you drafts sound")
    @app_commands.choices(tone=[app_commands.Choice(name=n, value=n)
                                for n in ("formal", "warm")])
    async def tone(self, interaction: discord.Interaction, tone: str) -> None:
        await _run(interaction, SetTone(Tone(tone)))

    @app_commands.command(description="Note what you talked about, for a personal draft")
    @app_commands.describe(interview=INTERVIEW_HELP, interviewer="Who",
                           topic="What you talked about")
    @app_commands.autocomplete(interview=_interview_complete)
    @app_commands.autocomplete(interviewer=_interviewer_complete)
    async def note(self, interaction: discord.Interaction,
                   interviewer: app_commands.Range[str, 1, 100],
                   topic: app_commands.Range[str, 1, 300],
                   interview: NumberOption | None = None) -> None:
        await _run(
            interaction, NoteTopic(_ref(interview), interviewer.strip(), topic.strip()))

    @app_commands.command(description="Three short questions to look back on an interview")
    @app_commands.describe(interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def reflect(self, interaction: discord.Interaction,
                      interview: NumberOption | None = None) -> None:
        await _run(interaction, Reflect(_ref(interview)))

    @app_commands.command(description="This channel's job-search club: status, join, "
                                      "mentions, start, settings…")
    @app_commands.describe(
        what="What to do (the club's status if you leave it out)",
        options="start: a name · settings: name=… tz=… digest=friday 16:00 · mentions: "
                "on/off · report: days · organiser: add @member or remove @member")
    @app_commands.choices(what=CLUB_ACTIONS)
    async def club(self, interaction: discord.Interaction, what: str = "status",
                   options: app_commands.Range[str, 1, 200] | None = None) -> None:
        await _run(interaction, ClubCommand(club_options(what, options)))

    @app_commands.command(description="What your clubs see of an interview, or ask them "
                                      "for feedback on a thank-you")
    @app_commands.describe(
        interview="Which interview (leave out to see every one's level)",
        level="How much the club sees (progress by default), or draft for feedback",
        text="For a draft: your own thank-you text (else mine, names included)")
    @app_commands.choices(level=SHARE_LEVELS)
    @app_commands.autocomplete(interview=_interview_complete)
    async def share(self, interaction: discord.Interaction,
                    interview: NumberOption | None = None, level: str | None = None,
                    text: app_commands.Range[str, 1, MAX_DRAFT_TEXT] | None = None) -> None:
        await _run(interaction, ShareCommand(share_options(interview, level, text)))

    @app_commands.command(description="Answer my last question, or say anything you'd "
                                      "type in a DM")
    @app_commands.describe(text="Your answer, e.g. Europe/Berlin, yes, or cancel")
    async def answer(self, interaction: discord.Interaction,
                     text: app_commands.Range[str, 1, 1000]) -> None:
        await _host(interaction).run_text(interaction, text, command=False)

    @app_commands.command(name="help", description="What I can do")
    async def help_(self, interaction: discord.Interaction) -> None:
        await _run(interaction, ShowHelp())


SUBCOMMANDS: Sequence[str] = (
    "add", "list", "plan", "sent", "called", "heard", "promised", "snooze", "cancel", "tz",
    "quiet", "journal", "export", "forget", "calendar", "stats", "check", "tone", "note",
    "reflect", "club", "share", "answer", "help",
    "fix",  # a group of its own (adapters/discord_bot/fix_commands.py)
)
