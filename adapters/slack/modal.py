"""The add-interview modal's submission, handed to the core in one step.

The core's `add_from_form` checks every field with its own parsers and either adds the
interview or says what is wrong with each field; this module only translates between the
modal's blocks and the core's form keys, so Slack can show each problem beside its field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adapters.slack.blocks import ModalField, cut
from bot.conversation.coach import Coach
from bot.messages import Inbound, Reply

#: Where the modal shows a problem with each of the core's form keys. The date and time
#: pickers together make `when`; the zone has no field (the time picker's hint names it).
BLOCK_FOR: dict[str, str] = {
    "company": ModalField.COMPANY,
    "role": ModalField.ROLE,
    "when": ModalField.DATE,
    "interviewers": ModalField.PEOPLE,
    "promise": ModalField.PROMISE,
    "culture": ModalField.CULTURE,
    "tz": ModalField.TIME,
}
#: Slack shows an input's error as one short line of plain text.
MAX_ERROR = 300

_CODE = re.compile(r"`([^`]*)`")


@dataclass(frozen=True, slots=True)
class Submitted:
    """What a submission did: `errors` (block id -> text) keep the modal open; otherwise
    the modal closes and `replies` go to the person's DM."""

    replies: list[Reply] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    repeat: bool = False  # the same submission again: applied once already, nothing to say


def core_form(values: dict[str, str], tz: str | None = None) -> dict[str, str]:
    """The modal's values (by block id) as the core's form: the two pickers make `when`
    ("2026-11-23 14:00"); `tz` is only given when Slack reported no zone for the person."""
    date, clock = values.get(ModalField.DATE, ""), values.get(ModalField.TIME, "")
    form = {
        "company": values.get(ModalField.COMPANY, ""),
        "role": values.get(ModalField.ROLE, ""),
        "when": f"{date} {clock}".strip(),
        "interviewers": values.get(ModalField.PEOPLE, ""),
        "promise": values.get(ModalField.PROMISE, ""),
        "culture": values.get(ModalField.CULTURE, ""),
    }
    if tz:
        form["tz"] = tz
    return form


def modal_errors(problems: dict[str, str], values: dict[str, str]) -> dict[str, str]:
    """The core's problems (by form key) as Slack's `errors` (by block id).

    A `when` problem goes beside the time picker when no time was picked, else beside
    the date; a key the modal has no block for goes beside the first field, so no
    problem is ever lost.
    """
    errors: dict[str, str] = {}
    for key, problem in problems.items():
        block = BLOCK_FOR.get(key, ModalField.COMPANY)
        if key == "when" and values.get(ModalField.DATE) and not values.get(ModalField.TIME):
            block = ModalField.TIME
        text = _CODE.sub(r'"\1"', problem)  # plain text: backticks would show as-is
        errors[block] = f"{errors[block]} {text}" if block in errors else text
    return {block: cut(text, MAX_ERROR) for block, text in errors.items()}


def submit(coach: Coach, inbound: Inbound, values: dict[str, str],
           tz: str | None = None) -> Submitted:
    """Add the interview from the modal's values through the core, in one call."""
    result = coach.add_from_form(inbound, core_form(values, tz))
    if result.problems:
        return Submitted(errors=modal_errors(result.problems, values))
    return Submitted(replies=list(result.replies))
