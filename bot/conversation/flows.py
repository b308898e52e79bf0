"""The questions a conversation can leave open, as small typed states with a version.

A flow is stored between messages (the repository keeps it as JSON), so a restart in the
middle of the `add` questions loses nothing. Each stored state carries `FLOW_VERSION`;
one from an older release still loads, and one this release cannot read is dropped
(`StaleFlow`) so the conversation can say so politely instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.conversation.add_flow import AddDraft, Ask

#: Version 1 had the same keys without a version; 2 adds the version itself.
FLOW_VERSION = 2


@dataclass(frozen=True, slots=True)
class AddFlow:
    """Adding an interview: the draft so far and the question asked about it."""

    asking: Ask
    draft: AddDraft
    question: str


@dataclass(frozen=True, slots=True)
class ReflectFlow:
    """Three short questions after an interview closes; `step` is the one asked."""

    interview_id: int | None
    step: int
    question: str


@dataclass(frozen=True, slots=True)
class CallNewsFlow:
    """A call was answered: what did they say? An outcome, a day, or no news."""

    interview_id: int
    question: str


FORGET_QUESTION = "Type `yes` to delete everything."


@dataclass(frozen=True, slots=True)
class ForgetFlow:
    """`forget me` asked for a `yes` before deleting everything."""

    question: str = FORGET_QUESTION


@dataclass(frozen=True, slots=True)
class DeleteFlow:
    """A bare `delete` asked for a `yes` before deleting that interview (by its record id)."""

    interview_id: int
    question: str
    # The question that waited when `delete` came (stored as `dump` made it): asked again
    # once this one is settled, so a half-typed interview is not lost to the delete.
    resume: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class StoredChoice:
    """One button of a `ChoiceFlow`: its code (the button's value), label and command,
    kept as `command_codec` JSON (None: a choice that changes nothing)."""

    code: int
    label: str
    command: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ChoiceFlow:
    """Free text the coach was not sure of: which reading, if any, did they mean?"""

    question: str
    choices: tuple[StoredChoice, ...]
    edit: bool = False  # an Edit button too (a proposal read from mail or a message)
    until: datetime | None = None  # dropped then, answered or not (mail's words kept ≤ 7 d)
    # The question this one stepped in front of (stored as `dump` made it): asked again
    # when the person picks the choice that changes nothing, and with `again` also after
    # one that acts (a question about something else, not an answer to that one).
    resume: dict[str, Any] | None = None
    again: bool = False


Flow = AddFlow | ReflectFlow | ForgetFlow | CallNewsFlow | DeleteFlow | ChoiceFlow


class StaleFlow(Exception):
    """A stored question this release cannot read (a newer release's, or damaged)."""


def dump(flow: Flow) -> dict[str, Any]:
    """The flow as the JSON-ready dict the repository stores."""
    if isinstance(flow, AddFlow):
        return {"v": FLOW_VERSION, "flow": "add", "asking": flow.asking.value,
                "draft": flow.draft.to_json(), "question": flow.question}
    if isinstance(flow, ReflectFlow):
        return {"v": FLOW_VERSION, "flow": "reflect", "interview": flow.interview_id,
                "step": flow.step, "question": flow.question}
    if isinstance(flow, CallNewsFlow):
        return {"v": FLOW_VERSION, "flow": "call_news", "interview": flow.interview_id,
                "question": flow.question}
    if isinstance(flow, DeleteFlow):
        return {"v": FLOW_VERSION, "flow": "delete", "interview": flow.interview_id,
                "question": flow.question, **({"resume": flow.resume} if flow.resume else {})}
    if isinstance(flow, ChoiceFlow):
        return {"v": FLOW_VERSION, "flow": "choice", "question": flow.question,
                "choices": [{"code": c.code, "label": c.label, "command": c.command}
                            for c in flow.choices], "edit": flow.edit,
                **({"until": flow.until.isoformat()} if flow.until else {}),
                **({"resume": flow.resume} if flow.resume else {}),
                **({"again": True} if flow.again else {})}
    return {"v": FLOW_VERSION, "flow": "forget", "question": flow.question}


def load(data: dict[str, Any]) -> Flow:
    """The flow a stored dict holds; `StaleFlow` when it cannot be read."""
    version = data.get("v", 1)
    if not isinstance(version, int) or version > FLOW_VERSION:
        raise StaleFlow(f"flow version {version!r}")
    kind = data.get("flow")
    try:
        if kind == "add":
            return AddFlow(Ask(data["asking"]), AddDraft.from_json(data["draft"]),
                           str(data.get("question", "")))
        if kind == "reflect":
            interview = data.get("interview")
            return ReflectFlow(None if interview is None else int(interview),
                               int(data.get("step", 0)), str(data.get("question", "")))
        if kind == "call_news":
            return CallNewsFlow(int(data["interview"]), str(data.get("question", "")))
        if kind == "delete":
            resume = data.get("resume")
            return DeleteFlow(int(data["interview"]), str(data.get("question", "")),
                              resume if isinstance(resume, dict) else None)
        if kind == "choice":
            return ChoiceFlow(str(data.get("question", "")), tuple(
                StoredChoice(int(c["code"]), str(c["label"]), c.get("command"))
                for c in data["choices"]), bool(data.get("edit", False)),
                None if data.get("until") is None else datetime.fromisoformat(data["until"]),
                data["resume"] if isinstance(data.get("resume"), dict) else None,
                bool(data.get("again", False)))
        if kind == "forget":
            return ForgetFlow(str(data.get("question", FORGET_QUESTION)))
    except (KeyError, ValueError, TypeError) as error:
        raise StaleFlow(f"unreadable {kind} flow") from error
    raise StaleFlow(f"unknown flow {kind!r}")
