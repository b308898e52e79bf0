"""The add-interview modal's submission: check each field, then hand it to the core's intake.

Fields are checked with the core's own parsers so the form shows an error next to the
field that is wrong; the interview itself is then added by the core, answer by answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from adapters.slack_blocks import ModalField
from bot.conversation import Coach
from bot.intake import MAX_INTERVIEWERS, SKIP_WORDS, Ask
from bot.messages import Inbound, Reply
from bot.model import Culture
from bot.parsing import parse_people, parse_promise, parse_when_detail
from bot.repository import Repository
from bot.text import MAX_FIELD


@dataclass(frozen=True, slots=True)
class AddForm:
    """What the person filled in, as strings straight from the modal."""

    company: str
    role: str
    date: str  # YYYY-MM-DD from the date picker
    time: str  # HH:MM from the time picker
    people: str
    promise: str = ""
    culture: str = ""

    @classmethod
    def from_values(cls, values: dict[str, str]) -> AddForm:
        return cls(
            company=values.get(ModalField.COMPANY, ""),
            role=values.get(ModalField.ROLE, ""),
            date=values.get(ModalField.DATE, ""),
            time=values.get(ModalField.TIME, ""),
            people=values.get(ModalField.PEOPLE, ""),
            promise=values.get(ModalField.PROMISE, ""),
            culture=values.get(ModalField.CULTURE, ""),
        )

    @property
    def when_text(self) -> str:
        return f"{self.date} {self.time}"

    @property
    def promise_given(self) -> bool:
        return bool(self.promise) and self.promise.lower().strip(" .!") not in SKIP_WORDS


def form_errors(form: AddForm, now: datetime, tz: ZoneInfo) -> dict[str, str]:
    """Block id -> what is wrong with it, for Slack's `response_action: errors`."""
    errors: dict[str, str] = {}
    for block_id, value, name in ((ModalField.COMPANY, form.company, "company"),
                                  (ModalField.ROLE, form.role, "role")):
        if not value:
            errors[block_id] = f"Please give the {name}."
        elif len(value) > MAX_FIELD:
            errors[block_id] = f"Keep the {name} under {MAX_FIELD} characters."
    if not form.date:
        errors[ModalField.DATE] = "Please pick the interview date."
    if not form.time:
        errors[ModalField.TIME] = "Please pick the time it started (or starts)."
    starts_at = None
    if form.date and form.time:
        starts_at, had_time = parse_when_detail(form.when_text, now, tz)
        if starts_at is None or not had_time:
            errors[ModalField.DATE] = ("I can't plan for that date; pick one within the "
                                       "last few months or the year ahead.")
    people = parse_people(form.people) if form.people else ()
    if not people:
        errors[ModalField.PEOPLE] = ("I need at least one name, the way they spell it "
                                     "(not just a job title).")
    elif len(people) > MAX_INTERVIEWERS:
        errors[ModalField.PEOPLE] = f"Up to {MAX_INTERVIEWERS} interviewers, please."
    if form.promise_given:
        base = (starts_at or now).astimezone(tz).date()
        if parse_promise(form.promise, base, now, tz) is None:
            errors[ModalField.PROMISE] = ("I couldn't find a day in that. Try \"we'll decide "
                                          "by Friday\" or \"call me in 4 days\", or leave "
                                          "it empty.")
    if form.culture and form.culture not in {c.value for c in Culture}:
        errors[ModalField.CULTURE] = "Please choose one of the options."
    return errors


def _answers(form: AddForm, zone: str) -> dict[Ask, str]:
    return {
        Ask.TZ: zone,
        Ask.COMPANY: form.company,
        Ask.ROLE: form.role,
        Ask.WHEN: form.when_text,
        Ask.TIME: form.time,
        Ask.PEOPLE: form.people,
        Ask.PROMISE: form.promise if form.promise_given else "no",
        Ask.CULTURE: form.culture or "skip",
    }


def submit(coach: Coach, repo: Repository, inbound: Inbound, form: AddForm, zone: str
           ) -> list[Reply]:
    """Add the interview through the core's `add` questions, answering each from the form.

    Going through the questions (not one `add a, b, c` line) keeps a company such as
    "Acme, Inc." whole. If the core asks the same question twice it did not accept the
    answer: its question is returned, and the person can answer it in the DM.
    """
    person = repo.person_for(inbound.identity, coach.defaults.tz, coach.defaults.quiet)
    if repo.get_conversation(person.id):
        coach.handle(replace(inbound, text="cancel"))  # a half-finished question flow
    replies = coach.handle(replace(inbound, text="add"))
    answers = _answers(form, zone)
    asked: set[Ask] = set()
    for _ in range(len(Ask) + 1):
        state = repo.get_conversation(person.id) or {}
        if state.get("flow") != "add":
            break
        try:
            question = Ask(state.get("asking"))
        except ValueError:
            break
        if question in asked:
            break
        asked.add(question)
        replies = coach.handle(replace(inbound, text=answers[question], platform_tz=None))
    return replies
