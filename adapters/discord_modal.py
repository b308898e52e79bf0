"""`/followup add`: its form (a Discord modal), the form's checks, and the hand-over to the core.

Typed slash-command options become one `add …` line, exactly what a DM would say. The
modal instead answers the core's own `add` questions one by one, so a company such as
"Acme, Inc." stays whole; its fields are checked first with the core's parsers, so a
mistake comes back as a clear ephemeral message instead of a half-added interview.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from zoneinfo import ZoneInfo

import discord

from adapters.runtime import Runtime
from bot.conversation import Coach
from bot.intake import MAX_INTERVIEWERS, SKIP_WORDS, Ask
from bot.messages import Inbound, Reply
from bot.model import Identity
from bot.parsing import parse_people, parse_promise, parse_when_detail, parse_zone
from bot.repository import Repository
from bot.text import MAX_FIELD

log = logging.getLogger(__name__)

MAX_WHEN = 100
MAX_PEOPLE = 500
MAX_PROMISE = 200
_SEPARATORS = re.compile(r"\s*[,;|]\s*")


@dataclass(frozen=True, slots=True)
class AddForm:
    """What the person typed for a new interview, as plain strings (empty when not given)."""

    company: str = ""
    role: str = ""
    when: str = ""
    people: str = ""
    promise: str = ""
    zone: str = ""  # asked in the modal only while the person's time zone is unconfirmed

    @classmethod
    def from_values(cls, values: Mapping[str, str | None]) -> AddForm:
        known = {f.name: (values.get(f.name) or "").strip() for f in fields(cls)}
        return cls(**known)

    @property
    def complete(self) -> bool:
        """Everything the core needs to add it without asking back."""
        return all((self.company, self.role, self.when, self.people))

    @property
    def promise_given(self) -> bool:
        return bool(self.promise) and self.promise.lower().strip(" .!") not in SKIP_WORDS

    def as_extra(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


#: Opens the form (prefilled) or takes its submission: the client's coroutines.
OpenForm = Callable[[discord.Interaction, AddForm], Awaitable[None]]


def add_line(form: AddForm) -> str:
    """The form as the one-line `add` a person would type in a DM.

    The core splits that line at commas and semicolons, so they are taken out of the
    single-value parts ("Acme, Inc." reads "Acme Inc."); interviewer lists keep theirs.
    """
    def one(value: str) -> str:
        return _SEPARATORS.sub(" ", value).strip()

    parts = [one(form.company), one(form.role), one(form.when),
             "with " + form.people.replace(";", ",").replace("|", ",").strip()]
    if form.promise_given:
        parts.append(one(form.promise))
    return "add " + "; ".join(p for p in parts if p)


def form_problems(form: AddForm, now: datetime, tz: ZoneInfo, *, need_zone: bool
                  ) -> list[str]:
    """What is wrong with the form, one friendly sentence per field; empty when it is fine."""
    problems = []
    for value, name in ((form.company, "company"), (form.role, "role")):
        if not value:
            problems.append(f"Please give the {name}.")
        elif len(value) > MAX_FIELD:
            problems.append(f"Keep the {name} under {MAX_FIELD} characters.")
    if need_zone and parse_zone(form.zone) is None:
        problems.append(f"I don't know the time zone {form.zone!r}. Use a name like "
                        "`America/Chicago` or a city like `Berlin`." if form.zone else
                        "Please give your time zone, e.g. `Europe/London` or a city.")
    starts_at, had_time = (parse_when_detail(form.when, now, tz) if form.when
                           else (None, False))
    if starts_at is None:
        problems.append(f"I couldn't read {form.when!r} as a date and time. Try `today 2pm`, "
                        "`yesterday 10:30am` or `Dec 3 at 3pm`." if form.when else
                        "Please say when the interview was (or is).")
    elif not had_time:
        problems.append("Please add the time it started (or starts), e.g. "
                        f"`{form.when} at 2pm`.")
    people = parse_people(form.people) if form.people else ()
    if not people:
        problems.append("I need at least one interviewer's name, the way they spell it "
                        "(not just a job title).")
    elif len(people) > MAX_INTERVIEWERS:
        problems.append(f"Up to {MAX_INTERVIEWERS} interviewers, please.")
    if form.promise_given:
        base = (starts_at or now).astimezone(tz).date()
        if parse_promise(form.promise, base, now, tz) is None:
            problems.append("I couldn't find a day in what they promised. Try `we'll decide "
                            "by Friday` or `call me in 4 days`, or leave it empty.")
    return problems


def submit_form(coach: Coach, repo: Repository, inbound: Inbound, form: AddForm
                ) -> list[Reply]:
    """Add the interview through the core's `add` questions, answering each from the form.

    If the core asks a question twice, it did not take the form's answer: its question
    is returned, and the person answers it in a DM or with `/followup answer`.
    """
    person = repo.person_for(inbound.identity, coach.defaults.tz, coach.defaults.quiet)
    if repo.get_conversation(person.id):
        coach.handle(replace(inbound, text="cancel"))  # drop a half-answered question
    answers = {
        Ask.TZ: form.zone,
        Ask.COMPANY: form.company,
        Ask.ROLE: form.role,
        Ask.WHEN: form.when,
        Ask.TIME: form.when,
        Ask.PEOPLE: form.people,
        Ask.PROMISE: form.promise if form.promise_given else "no",
        Ask.CULTURE: "skip",  # no room in a five-field modal; the company name still counts
    }
    replies = coach.handle(replace(inbound, text="add"))
    asked: set[Ask] = set()
    for _ in range(len(Ask) + 1):
        state = repo.get_conversation(person.id) or {}
        if state.get("flow") != "add":
            break
        try:
            question = Ask(str(state.get("asking")))
        except ValueError:
            break
        if question in asked or not answers.get(question):
            break
        asked.add(question)
        replies = coach.handle(replace(inbound, text=answers[question]))
    return replies


class AddInterviewModal(discord.ui.Modal):
    """The add form. Five inputs at most: the fifth is the promise, or the time zone while
    the person has not confirmed one (the promise can follow with `/followup promised`)."""

    def __init__(self, on_submit: OpenForm, *, prefill: AddForm | None = None,
                 ask_zone: bool = False) -> None:
        super().__init__(title="Add an interview", timeout=15 * 60)
        self._submit = on_submit
        prefill = prefill or AddForm()
        self.company = _input("Company", "company", prefill.company, "Acme",
                              max_length=MAX_FIELD)
        self.role = _input("Role", "role", prefill.role, "Data analyst", max_length=MAX_FIELD)
        self.when = _input("When (date and time)", "when", prefill.when,
                           "today 2pm · yesterday 10:30am · Dec 3 at 3pm", max_length=MAX_WHEN)
        self.people = _input("Interviewers (names as they spell them)", "people",
                             prefill.people, "Jane Smith (jane@acme.com) and Bob Lee",
                             max_length=MAX_PEOPLE, style=discord.TextStyle.paragraph)
        self.last = (
            _input("Your time zone", "zone", prefill.zone,
                   "America/New_York · Europe/London · Berlin", max_length=60)
            if ask_zone else
            _input("What did they say about next steps?", "promise", prefill.promise,
                   "we'll decide by Friday · call me in 4 days · leave empty",
                   max_length=MAX_PROMISE, required=False)
        )
        for item in (self.company, self.role, self.when, self.people, self.last):
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        values = {str(i.custom_id): i.value for i in
                  (self.company, self.role, self.when, self.people, self.last)}
        await self._submit(interaction, AddForm.from_values(values))

    # discord.py's own Modal.on_error has this signature, narrower than BaseView's.
    async def on_error(  # type: ignore[override]
            self, interaction: discord.Interaction, error: Exception, /) -> None:
        log.error("add form failed for user %s", interaction.user.id, exc_info=error)
        message = "Sorry, something went wrong on my side; please try again."
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)


def _input(label: str, key: str, default: str, placeholder: str, *, max_length: int,
           required: bool = True, style: discord.TextStyle = discord.TextStyle.short
           ) -> discord.ui.TextInput[AddInterviewModal]:
    return discord.ui.TextInput(
        label=label, custom_id=key, default=default[:max_length] or None,
        placeholder=placeholder, required=required, max_length=max_length, style=style,
    )


def add_from_form(runtime: Runtime, inbound: Inbound, form: AddForm
                  ) -> tuple[list[str], list[Reply]]:
    """Check the form in the person's zone (or the one they just gave), then add it.

    Returns (problems, replies): problems when the form needs fixing, else the core's replies.
    """
    repo, coach = runtime.repo, runtime.coach
    person = repo.person_for(inbound.identity, coach.defaults.tz, coach.defaults.quiet)
    need_zone = not person.tz_confirmed
    zone = parse_zone(form.zone) if need_zone and form.zone else None
    problems = form_problems(form, runtime.clock.now(), ZoneInfo(zone or person.tz),
                             need_zone=need_zone)
    if problems:
        return problems, []
    return [], submit_form(coach, repo, inbound, form)


def needs_zone(runtime: Runtime, identity: Identity) -> bool:
    """Whether the form must ask for a time zone: Discord never tells us the user's."""
    coach = runtime.coach
    return not runtime.repo.person_for(identity, coach.defaults.tz, coach.defaults.quiet
                                       ).tz_confirmed


class RetryView(discord.ui.View):
    """Sent with the form's problems: one press reopens the form with what was typed.

    Not persistent on purpose: a form half-typed before a restart is not worth keeping.
    """

    def __init__(self, open_form: OpenForm, form: AddForm) -> None:
        super().__init__(timeout=15 * 60)
        self._open_form = open_form
        self._form = form

    @discord.ui.button(label="Fix and try again", style=discord.ButtonStyle.primary)
    async def retry(self, interaction: discord.Interaction,
                    button: discord.ui.Button[RetryView]) -> None:
        await self._open_form(interaction, self._form)


def problems_text(problems: list[str]) -> str:
    return ("I couldn't add that interview yet:\n" + "\n".join(f"• {p}" for p in problems)
            + "\nPress **Fix and try again**: what you typed is still there.")
