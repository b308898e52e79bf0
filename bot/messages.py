"""Neutral inbound events and outbound replies that every adapter translates.

An adapter turns platform traffic into an `Inbound`, hands it to the conversation,
and renders each `Reply` it gets back (Block Kit, a discord.ui view, terminal text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.commands import Command
from bot.model import Identity, Person


class ActionId(StrEnum):
    """Stable ids for buttons; adapters embed them in custom ids, so never rename one."""

    SENT = "sent"  # a thank-you or handwritten note went out (value: checkpoint id)
    DONE = "done"  # a checkpoint is done (value: checkpoint id)
    SNOOZE_2H = "snooze_2h"
    SNOOZE_TOMORROW = "snooze_tomorrow"
    CALLED_NO_ANSWER = "called_no_answer"  # value: interview id
    CALLED_ANSWERED = "called_answered"
    HEARD_BACK = "heard_back"  # opens the outcome choice (value: interview id)
    OUTCOME_OFFER = "outcome_offer"
    OUTCOME_REJECTED = "outcome_rejected"
    OUTCOME_NEXT_ROUND = "outcome_next_round"
    OUTCOME_OTHER = "outcome_other"
    SHOW_PLAN = "show_plan"  # value: interview id
    SHOW_DRAFTS = "show_drafts"  # value: checkpoint id
    REFLECT = "reflect"  # value: interview id
    ADD = "add"  # start adding an interview
    NAMED_A_DAY = "named_a_day"  # after a call: they said when (value: interview id)
    NO_NEWS = "no_news"  # after a call: nothing new (value: interview id)
    DELETE_INTERVIEW = "delete_interview"  # yes, delete it (value: interview id)
    KEEP_INTERVIEW = "keep_interview"  # no, keep it (value: interview id)
    CHOOSE = "choose"  # one reading of what they wrote (value: the choice's code)
    NO_NAME = "no_name"  # "I didn't get their name", to "who interviewed you?"
    FORGET_ME = "forget_me"  # yes, delete all my data (value: person id)
    KEEP_MY_DATA = "keep_my_data"  # no, keep it (value: person id)
    UNDO_DONE = "undo_done"  # a step marked done for them (a BCC'd thank-you) waits again
    UNDO_DELETE = "undo_delete"  # a deleted interview comes back (value: the copy's id)
    NOT_MEANT = "not_meant"  # a change read from words undone (value: the copy's id)
    NOT_MEANT_ADD = "not_meant_add"  # an interview added from words goes (value: its id)
    EDIT = "edit"  # a proposal's command to change before it is applied (value: choice code)


class Style(StrEnum):
    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


@dataclass(frozen=True, slots=True)
class Action:
    """A button: `id` says what it does, `value` which record it acts on."""

    id: ActionId
    label: str
    value: str = ""
    style: Style = Style.DEFAULT


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Moment:
    """A time the reply is about, for platforms that show times in each reader's zone."""

    label: str
    at: datetime  # aware


@dataclass(frozen=True, slots=True)
class Draft:
    """A text the user may copy and send: a note, a call script, a voicemail."""

    title: str
    body: str
    mailto: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file to hand the user: a calendar, a chart. Terminals save it, platforms upload it."""

    filename: str
    content: bytes
    mime: str


@dataclass(frozen=True, slots=True)
class AddPrefill:
    """An add form to open filled in with what was read, for the person to check and
    submit; `starts_at` is `when` as read (None when it gave no day), for date pickers."""

    company: str = ""
    role: str = ""
    when: str = ""
    interviewers: str = ""
    promise: str = ""
    starts_at: datetime | None = None
    has_time: bool = False


@dataclass(frozen=True, slots=True)
class Reply:
    """One message from the bot. `text` alone must make sense on any platform."""

    text: str
    title: str | None = None
    fields: tuple[Field, ...] = ()
    drafts: tuple[Draft, ...] = ()
    actions: tuple[Action, ...] = ()
    files: tuple[Attachment, ...] = ()
    moments: tuple[Moment, ...] = ()
    checkpoint_id: int | None = None  # set on reminders, so a button press can update it
    private: bool = True  # in a channel, only the asker should see it
    # Platform user ids this reply may ping (a digest naming members who opted in), each
    # written in `text` as `mention(id)`; adapters render those and keep every other
    # mention-like text inert.
    mentions: tuple[str, ...] = ()
    replace_original: bool = False  # answers a button press: update that message in place
    # A form to open instead of showing `text`, where the platform has forms: the add
    # form filled in, or one line to change and send (`text` shows the same in words).
    prefill: AddPrefill | None = None
    edit_line: str = ""
    # The person behind the conversation was deleted (`forget me`): adapters drop what
    # they keep about them, so a new start is looked up afresh.
    forgotten: bool = False

    @property
    def plain(self) -> str:
        """The whole reply as plain text, for terminals and notification previews."""
        parts = []
        if self.title:
            parts.append(self.title)
        parts.append(self.text)
        parts.extend(f"{f.label}: {f.value}" for f in self.fields)
        for d in self.drafts:
            parts.append(f"--- {d.title} ---\n{d.body}")
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Inbound:
    """What a person did: typed `text`, or pressed `action` carrying `value`."""

    identity: Identity
    text: str = ""
    action: ActionId | None = None
    value: str = ""
    channel: str | None = None  # platform channel id; None for a DM or the terminal
    display_name: str | None = None
    platform_tz: str | None = None  # a zone the platform reports for the user, if any
    extra: dict[str, str] = field(default_factory=dict)  # e.g. modal field values
    # A slash command is explicit: it runs even while a question is pending, which is
    # then asked again. Free text in a DM stays an answer to that question.
    command: bool = False
    # The platform says this person may manage the channel (start or stop a club there).
    can_manage_channel: bool = False
    # A command the platform built from structured input (a slash command's options):
    # it is run as it is, never read again from text.
    typed: Command | None = None
    # The person behind `identity` when the adapter has looked them up already, so the
    # core need not look again. Only their id is relied on: the unit reads the row
    # afresh with its lock.
    person: Person | None = field(default=None, compare=False)


def mention(user_id: str) -> str:
    """How reply text marks a mention of `user_id` (also listed in `Reply.mentions`).

    The one mention form the core writes: adapters render it as their platform's ping
    (Slack and Discord both read `<@id>`) and escape every other `<@…>` as plain text.
    """
    return f"<@{user_id}>"
