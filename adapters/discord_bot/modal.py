"""`/followup add`: its form (a Discord modal), and the hand-over to the core.

Typed slash-command options become one `add …` line, exactly what a DM would say. The
modal goes to the core whole (`Coach.add_from_form`), so a company such as "Acme, Inc."
stays whole; the core checks every field and either adds the interview in one step or
names what to fix per field, which comes back as a clear ephemeral message.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, fields

import discord

from adapters.runtime import Runtime
from bot.conversation.add_flow import SKIP_WORDS
from bot.conversation.coach import FormResult
from bot.messages import Inbound
from bot.model import Identity
from bot.text import MAX_FIELD

log = logging.getLogger(__name__)

MAX_WHEN = 100
MAX_PEOPLE = 500
MAX_PROMISE = 200
_SEPARATORS = re.compile(r"\s*[,;|]\s*")

#: The modal's inputs by `AddForm` field: their labels, and the core's form key for each.
LABELS = {
    "company": "Company",
    "role": "Role",
    "when": "When (date and time)",
    "people": "Interviewers (names as they spell them)",
    "promise": "What did they say about next steps?",
    "zone": "Your time zone",
}
CORE_KEYS = {"company": "company", "role": "role", "when": "when", "people": "interviewers",
             "promise": "promise", "zone": "tz"}


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

    def for_core(self) -> dict[str, str]:
        """The form in `Coach.add_from_form`'s keys, leaving out what was not typed."""
        return {CORE_KEYS[f.name]: value for f in fields(self)
                if (value := getattr(self, f.name))}


#: Opens the form (prefilled) or takes its submission: the client's coroutines.
OpenForm = Callable[[discord.Interaction, AddForm], Awaitable[None]]


def submit_form(runtime: Runtime, inbound: Inbound, form: AddForm) -> FormResult:
    """The whole form to the core at once: the interview is added, or nothing is.

    A question still pending (say, from a typed `add`) is dropped by the core; the form
    says everything that question would have asked.
    """
    return runtime.coach.add_from_form(inbound, form.for_core())


class AddInterviewModal(discord.ui.Modal):
    """The add form. Five inputs at most: the fifth is the promise, or the time zone while
    the person has not confirmed one (the promise can follow with `/followup promised`)."""

    def __init__(self, on_submit: OpenForm, *, prefill: AddForm | None = None,
                 ask_zone: bool = False) -> None:
        super().__init__(title="Add an interview", timeout=15 * 60)
        self._submit = on_submit
        prefill = prefill or AddForm()
        self.company = _input(LABELS["company"], "company", prefill.company, "Acme",
                              max_length=MAX_FIELD)
        self.role = _input(LABELS["role"], "role", prefill.role, "Data analyst",
                           max_length=MAX_FIELD)
        self.when = _input(LABELS["when"], "when", prefill.when,
                           "today 2pm · yesterday 10:30am · Dec 3 at 3pm", max_length=MAX_WHEN)
        self.people = _input(LABELS["people"], "people", prefill.people,
                             "Jane Smith (jane@acme.com) and Bob Lee",
                             max_length=MAX_PEOPLE, style=discord.TextStyle.paragraph)
        self.last = (
            _input(LABELS["zone"], "zone", prefill.zone,
                   "America/New_York · Europe/London · Berlin", max_length=60)
            if ask_zone else
            _input(LABELS["promise"], "promise", prefill.promise,
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


def needs_zone(runtime: Runtime, identity: Identity) -> bool:
    """Whether the form must ask for a time zone: Discord never tells us the user's.

    A read-only look-up: opening a form creates nobody (submitting it does).
    """
    person = runtime.repo.find_person(identity)
    return person is None or not person.tz_confirmed


class FormView(discord.ui.View):
    """One press opens the add form holding `form`: after its problems ("Fix and try
    again"), or when it could not be the interaction's first answer.

    Not persistent on purpose: a form half-typed before a restart is not worth keeping.
    """

    def __init__(self, open_form: OpenForm, form: AddForm,
                 label: str = "Fix and try again") -> None:
        super().__init__(timeout=15 * 60)
        self._open_form = open_form
        self._form = form
        self.open.label = label

    @discord.ui.button(label="Open the form", style=discord.ButtonStyle.primary)
    async def open(self, interaction: discord.Interaction,
                   button: discord.ui.Button[FormView]) -> None:
        await self._open_form(interaction, self._form)


def problem_lines(problems: Mapping[str, str]) -> list[str]:
    """The core's problems, keyed by its form keys, as lines naming the modal's fields,
    in the modal's order; a key the modal has no input for is still shown, never lost."""
    labels = {CORE_KEYS[name]: label for name, label in LABELS.items()}
    order = list(labels)
    keys = sorted(problems, key=lambda k: order.index(k) if k in order else len(order))
    return [f"**{labels.get(key, key.capitalize())}**: {problems[key]}" for key in keys]


def problems_text(problems: Mapping[str, str]) -> str:
    return ("I couldn't add that interview yet:\n"
            + "\n".join(f"• {line}" for line in problem_lines(problems))
            + "\nPress **Fix and try again**: what you typed is still there.")
