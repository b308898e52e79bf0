"""Block Kit rendering for the Slack app: replies, the add-interview modal, the App Home.

Pure functions from the core's neutral types to Slack's JSON, and from Slack's text
markup back to plain words; no network, no rules.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import emoji

from bot.content.formatting import checkpoint_label, interview_status, when
from bot.messages import Action, ActionId, AddPrefill, Draft, Reply, Style
from bot.model import Checkpoint, Culture, Interview

Block = dict[str, Any]

#: Every button the app renders has an action_id starting with this, so one listener sees all.
ACTION_PREFIX = "followup"
#: Link buttons (open in mail app) only need an ack; their presses carry no meaning.
LINK_PREFIX = "followup-link"
ADD_CALLBACK = "followup_add_interview"
#: The "Follow up on this" message shortcut (manifest.yml) and the Edit form's callback.
MESSAGE_SHORTCUT = "followup_follow_up"
EDIT_CALLBACK = "followup_edit_line"
EDIT_BLOCK = "line"

# Slack's own limits (https://docs.slack.dev/reference/block-kit): going over any of them
# makes the whole message fail with invalid_blocks, so every field is cut to fit.
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTONS = 25
MAX_VALUE = 2000
MAX_ACTION_ID = 255
MAX_URL = 3000
MAX_FALLBACK = 3000
MAX_OPTION_TEXT = 75

_LINK = re.compile(r"<((?:https?|mailto):[^<>|]*)(?:\|([^<>]*))?>")
_USER = re.compile(r"<@([A-Z0-9]+)(?:\|([^<>]*))?>")
_CHANNEL = re.compile(r"<#([A-Z0-9]+)(?:\|([^<>]*))?>")
_SPECIAL = re.compile(r"<!([a-z^]+)(?:\|([^<>]*))?>", re.IGNORECASE)
#: Broken wherever it stands, even run into other letters ("@everyoneAcme"), as Slack
#: may read it.
_MASS_MENTION = re.compile(r"@(everyone|here|channel)", re.IGNORECASE)
_MARKUP_OPENING = re.compile(r"<[!@#]")
#: A Slack user id (U… or, on Enterprise Grid, W…), the only mention a reply may keep live.
_MENTION_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_ESCAPED_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]{2,})&gt;")


# --- text in both directions --------------------------------------------------------------
def escape(text: str) -> str:
    """Escape the three characters Slack reads as markup, so user words never become a
    `<!channel>` ping or a disguised link (Slack's own rule for mrkdwn text), and break
    a bare `@everyone`, `@here` or `@channel` so no parsing option can ever ping with it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "@" not in text:  # most text: no mention to break, no pattern to run
        return text
    return _MASS_MENTION.sub(lambda m: "@\u200b" + m.group(1), text)


def plain(text: str) -> str:
    """Text for a `plain_text` object (a header, a button): Slack shows it as typed and
    never pings from it, but a copied `<!channel>` or `@here` is broken up all the same,
    so what the core echoes reads as words on every surface."""
    if "<" in text:
        text = _MARKUP_OPENING.sub(lambda m: m.group(0)[0] + "\u200b" + m.group(0)[1:], text)
    if "@" not in text:
        return text
    return _MASS_MENTION.sub(lambda m: "@\u200b" + m.group(1), text)


def render(text: str, mentions: Collection[str] = ()) -> str:
    """mrkdwn for the core's `text`: everything escaped except the `<@ID>` mentions the
    reply lists in `Reply.mentions`, which stay live and ping those people.

    Escaping first means a live mention can only come from the core writing `<@ID>`
    itself (a person's typed `<@ID>` arrives defused, or becomes `&lt;@ID&gt;` here
    and is only restored when that exact id is allowed). `<!channel>`, `<!here>`, other
    people's `<@…>` and `<@ID|label>` forms all stay inert text.
    """
    escaped = escape(text)
    allowed = {m for m in mentions if _MENTION_ID.fullmatch(m)}
    if not allowed:
        return escaped
    return _ESCAPED_MENTION.sub(
        lambda m: f"<@{m.group(1)}>" if m.group(1) in allowed else m.group(0), escaped)


def plain_from_slack(text: str) -> str:
    """What a person typed, without Slack's wire markup: links become their label or address,
    mentions become @names, and &amp; &lt; &gt; are unescaped, so the core reads real words.
    Formatting goes too (`*list* pls`, a quoted `> …` line), and emoji, which Slack sends
    as `:white_check_mark:`, become the emoji itself, which the core reads as a person would."""
    text = _LINK.sub(lambda m: m.group(2) or m.group(1).removeprefix("mailto:"), text)
    text = _USER.sub(lambda m: "@" + (m.group(2) or m.group(1)), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = _SPECIAL.sub(lambda m: "@" + (m.group(2) or m.group(1)).lstrip("@"), text)
    text = html.unescape(text) if "&" in text else text
    text = _QUOTED.sub("", _EMPHASIS.sub(r"\2", text))
    return emoji.emojize(text, language="alias") if ":" in text else text


#: Slack's *bold*, _italic_ and ~struck~ words: the marks go, the words stay. Never inside
#: a word or an address ("first_last@acme.com").
_EMPHASIS = re.compile(r"(?<![\w*_~])([*_~])(?=\S)(.+?)(?<=\S)\1(?![\w*_~])")
#: A quoted line ("> Interview — Barista"): the quote mark goes.
_QUOTED = re.compile(r"^>\s?", re.M)


def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, marked with an ellipsis when shortened."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chunks(text: str, limit: int) -> list[str]:
    """Split long text into pieces of at most `limit`, at line breaks where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        at = text.rfind("\n", 0, limit)
        if at <= 0:
            at = limit
        pieces.append(text[:at])
        text = text[at:].lstrip("\n")
    if text:
        pieces.append(text)
    return pieces


def fallback_text(reply: Reply) -> str:
    """The message's `text`: what notifications and screen readers show instead of blocks."""
    head = f"{reply.title}: {reply.text}" if reply.title else reply.text
    return cut(render(head or "Follow-up coach", reply.mentions), MAX_FALLBACK)


# --- buttons ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Pressed:
    """A button press read back from Slack: what it does and which record it names."""

    action: ActionId
    value: str


def action_id(action: Action, index: int = 0) -> str:
    """A stable id: `followup:<ActionId>:<value>`, plus `:<n>` if one message repeats it.

    Only the ActionId and value matter when it comes back, so a message posted before a
    restart (or a deploy) still works.
    """
    base = f"{ACTION_PREFIX}:{action.id.value}:{action.value}"
    if index:
        base = f"{base}:{index}"
    return base[:MAX_ACTION_ID]


def parse_action(action_id_text: str, value: str | None) -> Pressed | None:
    """The press behind a `block_actions` action; None for ids this app did not make."""
    parts = action_id_text.split(":")
    if len(parts) < 2 or parts[0] != ACTION_PREFIX:
        return None
    try:
        which = ActionId(parts[1])
    except ValueError:
        return None
    if value is None:
        value = parts[2] if len(parts) > 2 else ""
    return Pressed(which, value)


@lru_cache(maxsize=512)
def _button_text(label: str) -> str:
    """A button's label as shown: the app's labels are few, so each is made once."""
    return cut(plain(label), MAX_BUTTON_TEXT)


def button(action: Action, index: int = 0) -> Block:
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": _button_text(action.label), "emoji": True},
        "action_id": action_id(action, index),
        "value": action.value[:MAX_VALUE],
    }
    if action.style is not Style.DEFAULT:
        element["style"] = action.style.value
    return element


def actions_block(actions: Sequence[Action]) -> Block | None:
    seen: dict[str, int] = {}
    elements = []
    for action in actions[:MAX_BUTTONS]:
        key = action_id(action)
        elements.append(button(action, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return {"type": "actions", "elements": elements} if elements else None


def link_button(label: str, url: str, index: int) -> Block | None:
    if len(url) > MAX_URL:
        return None
    # Slack links break on these characters; a mailto from the core is already quoted,
    # this only guards against an address that slipped through with them.
    url = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": plain(label), "emoji": True},
        "action_id": f"{LINK_PREFIX}:{index}",
        "url": url,
    }


# --- a reply as a message --------------------------------------------------------------
def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def text_sections(text: str, mentions: Collection[str] = ()) -> list[Block]:
    return [section(piece) for piece in chunks(render(text, mentions), MAX_SECTION_TEXT)]


def draft_blocks(draft: Draft, index: int) -> list[Block]:
    """A draft the user copies: a bold title and the text in code blocks, which keep line
    breaks and never reinterpret what is inside."""
    blocks: list[Block] = [section(f"*{cut(escape(draft.title), 200)}*")]
    body = draft.body.replace("```", "'''")
    for piece in chunks(escape(body), MAX_SECTION_TEXT - 8):
        blocks.append(section(f"```{piece}```"))
    if draft.mailto:
        link = link_button("Open in mail app", draft.mailto, index)
        if link is not None:
            blocks.append({"type": "actions", "elements": [link]})
    return blocks


def reply_blocks(reply: Reply, note: str | None = None) -> list[Block]:
    """Header, text, fields, drafts, a small `note`, then buttons, within Slack's 50-block
    limit."""
    blocks: list[Block] = []
    if reply.title:
        blocks.append({"type": "header",
                       "text": {"type": "plain_text", "text": cut(plain(reply.title), MAX_HEADER),
                                "emoji": True}})
    if reply.text:
        blocks.extend(text_sections(reply.text, reply.mentions))
    fields = [{"type": "mrkdwn",
               "text": cut(f"*{escape(f.label)}*\n{render(f.value, reply.mentions)}",
                           MAX_FIELD_TEXT)}
              for f in reply.fields]
    for start in range(0, len(fields), MAX_FIELDS):
        blocks.append({"type": "section", "fields": fields[start:start + MAX_FIELDS]})
    for index, draft in enumerate(reply.drafts):
        if index == 0 and blocks:
            blocks.append({"type": "divider"})
        blocks.extend(draft_blocks(draft, index))
    buttons = actions_block(reply.actions)
    room = MAX_MESSAGE_BLOCKS - (1 if buttons else 0) - (1 if note else 0)
    if len(blocks) > room:
        # An export or a very long plan: keep the start, say so, and keep the buttons.
        blocks = [*blocks[: room - 1],
                  section("_…cut short to fit one Slack message. Type `export` in a DM "
                          "for everything._")]
    if note:
        blocks.append({"type": "context",
                       "elements": [{"type": "mrkdwn", "text": cut(escape(note), 2000)}]})
    if buttons:
        blocks.append(buttons)
    return blocks or [section(" ")]


def message(reply: Reply, *, files_in_dm: bool = False) -> dict[str, Any]:
    """Keyword arguments for chat.postMessage / chat.update / respond().

    With `files_in_dm`, the reply's files went to the person's DM with the app (an
    ephemeral message cannot carry files), and the message says so.
    """
    note = None
    if files_in_dm and reply.files:
        names = ", ".join(f.filename for f in reply.files)
        note = f"📎 {names}: sent to your DM with me."
    return {"text": fallback_text(reply), "blocks": reply_blocks(reply, note)}


def updated_message(original: Iterable[Block], reply: Reply, *, files_in_dm: bool = False
                    ) -> dict[str, Any]:
    """The pressed message after the press: what it said, minus its old buttons, then the
    answer (with any new buttons). No stale button is left to press twice."""
    kept = [b for b in original if b.get("type") != "actions"]
    answer = message(reply, files_in_dm=files_in_dm)
    if len(kept) + 1 + len(answer["blocks"]) > MAX_MESSAGE_BLOCKS:
        kept = []
    blocks = [*kept, {"type": "divider"}, *answer["blocks"]] if kept else answer["blocks"]
    return {"text": answer["text"], "blocks": blocks}


# --- the add-interview modal -----------------------------------------------------------
class ModalField:
    """Block ids of the modal's inputs; the submission is read back by these."""

    COMPANY = "company"
    ROLE = "role"
    DATE = "date"
    TIME = "time"
    PEOPLE = "people"
    PROMISE = "promise"
    CULTURE = "culture"


#: Each input's single element uses this action_id.
INPUT = "value"


def _text_input(block_id: str, label: str, *, placeholder: str, hint: str | None = None,
                optional: bool = False, multiline: bool = False, max_length: int = 120,
                initial: str = "") -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "optional": optional,
        "element": {
            "type": "plain_text_input",
            "action_id": INPUT,
            "multiline": multiline,
            "max_length": max_length,
            "placeholder": {"type": "plain_text", "text": placeholder},
        },
    }
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    if initial:
        block["element"]["initial_value"] = cut(initial, max_length)
    return block


def add_modal(today: str, zone: str, private_metadata: str = "",
              prefill: AddPrefill | None = None) -> dict[str, Any]:
    """The `/followup add` form. `today` (YYYY-MM-DD) pre-fills the date picker; `zone` is
    shown so the user knows which clock the time picker means. A `prefill` (what a
    message was read as) fills the fields, its day and time read in `zone`."""
    filled = prefill or AddPrefill()
    day, clock = today, None
    if filled.starts_at is not None:
        local = filled.starts_at.astimezone(ZoneInfo(zone))
        day = local.date().isoformat()
        clock = f"{local:%H:%M}" if filled.has_time else None
    time_element: Block = {"type": "timepicker", "action_id": INPUT}
    if clock:
        time_element["initial_time"] = clock
    culture_options = [
        {"text": {"type": "plain_text", "text": "Modern / tech: e-mail is fine"},
         "value": Culture.MODERN.value},
        {"text": {"type": "plain_text", "text": "Traditional: a handwritten card too"},
         "value": Culture.TRADITIONAL.value},
    ]
    return {
        "type": "modal",
        "callback_id": ADD_CALLBACK,
        "private_metadata": private_metadata,
        "title": {"type": "plain_text", "text": "Add an interview"},
        "submit": {"type": "plain_text", "text": "Add"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            _text_input(ModalField.COMPANY, "Company", placeholder="Acme Corp",
                        initial=filled.company),
            _text_input(ModalField.ROLE, "Role", placeholder="Data analyst",
                        initial=filled.role),
            {
                "type": "input", "block_id": ModalField.DATE,
                "label": {"type": "plain_text", "text": "Date"},
                "element": {"type": "datepicker", "action_id": INPUT, "initial_date": day},
            },
            {
                "type": "input", "block_id": ModalField.TIME,
                "label": {"type": "plain_text", "text": "Start time"},
                "hint": {"type": "plain_text", "text": f"Your time zone: {zone}"},
                "element": time_element,
            },
            _text_input(ModalField.PEOPLE, "Interviewers", multiline=True, max_length=1000,
                        placeholder="Jane Smith (jane@acme.com), Bob Lee",
                        hint="Names as they spell them; add e-mails if you have them.",
                        initial=filled.interviewers),
            _text_input(ModalField.PROMISE, "What they said about next steps", optional=True,
                        max_length=300, placeholder="We'll decide by Friday",
                        initial=filled.promise,
                        hint="For example \"we'll decide by Friday\" or \"call me in four "
                             "days\". Leave empty if they didn't say."),
            {
                "type": "input", "block_id": ModalField.CULTURE, "optional": True,
                "label": {"type": "plain_text", "text": "Kind of employer"},
                "element": {"type": "static_select", "action_id": INPUT,
                            "placeholder": {"type": "plain_text", "text": "Choose one"},
                            "options": culture_options},
            },
        ],
    }


def edit_modal(line: str) -> dict[str, Any]:
    """The Edit form: a proposal's command as the line to change and send."""
    return {
        "type": "modal",
        "callback_id": EDIT_CALLBACK,
        "title": {"type": "plain_text", "text": "Change and send"},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [_text_input(EDIT_BLOCK, "What to record", placeholder="heard 1 offer",
                               max_length=500, initial=line,
                               hint="Change what's wrong; nothing is saved until you send.")],
    }


def reading_modal() -> dict[str, Any]:
    """Shown while a slow "Follow up on this" read finishes: it holds the press's
    trigger, which lapses in 3 s, and is replaced by the form (or `read_elsewhere_modal`)."""
    return _note_modal("Reading the message…")


def read_elsewhere_modal() -> dict[str, Any]:
    """The waiting modal when the message held no new interview: its news went by DM."""
    return _note_modal("I've read it. What I found is in our DM, with buttons to apply it.")


def _note_modal(text: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Follow up on this"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": [{"type": "section", "text": {"type": "plain_text", "text": text}}],
    }


def submitted_values(view: dict[str, Any]) -> dict[str, str]:
    """The modal's answers by block id, as strings ('' when left empty)."""
    values: dict[str, str] = {}
    state = view.get("state", {}).get("values", {})
    for block_id, elements in state.items():
        element = elements.get(INPUT) or {}
        kind = element.get("type")
        if kind == "datepicker":
            value = element.get("selected_date")
        elif kind == "timepicker":
            value = element.get("selected_time")
        elif kind == "static_select":
            value = (element.get("selected_option") or {}).get("value")
        else:
            value = element.get("value")
        values[block_id] = (value or "").strip()
    return values


# --- the App Home ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HomeRow:
    """One interview on the Home tab with the next step the plan has for it."""

    interview: Interview
    next_step: Checkpoint | None


def _home_row(row: HomeRow, tz: ZoneInfo) -> list[Block]:
    interview = row.interview
    people = ", ".join(p.name for p in interview.interviewers) or "no names yet"
    lines = [f"*#{interview.number} {escape(interview.title)}*",
             f"{when(interview.starts_at, tz)} with {escape(people)}"]
    if interview.is_open:
        if row.next_step is not None:
            lines.append(f"Next: {escape(checkpoint_label(row.next_step, interview))}, "
                         f"{when(row.next_step.due_at, tz)}")
        else:
            lines.append("Nothing planned right now.")
    else:
        lines.append(f"Closed: {interview_status(interview)}")
    block = section(cut("\n".join(lines), MAX_SECTION_TEXT))
    block["accessory"] = button(Action(ActionId.SHOW_PLAN, "Open plan", str(interview.id)))
    return [block]


def mail_status(has_address: bool) -> str:
    """The Home tab's line about the private mail address: whether there is one and how
    to get or reset it. Never the address: only its fingerprint is kept, and it is shown
    once, in a DM."""
    if has_address:
        return ("Your private email address is set up: BCC it on thank-you notes and "
                "forward employers' replies to it. Lost it? Send me `email reset` in the "
                "Messages tab for a new one (the old one then bounces).")
    return ("Get your private email address: send me `email` in the Messages tab. BCC it "
            "on thank-you notes and I mark them sent; forward a reply and I offer to "
            "record the news.")


def home_view(rows: Sequence[HomeRow], tz: ZoneInfo, now: datetime,
              mail: bool | None = None) -> dict[str, Any]:
    """The Home tab: open interviews first (soonest next step on top), then closed ones;
    `mail` (None where mail is off) whether the person has a private address."""
    open_rows = sorted((r for r in rows if r.interview.is_open),
                       key=lambda r: (r.next_step is None,
                                      r.next_step.due_at if r.next_step else now))
    closed = [r for r in rows if not r.interview.is_open]
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Your interview follow-ups"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": (
            f"Times in {tz.key}. Message me here or use `/followup` anywhere; "
            "`help` lists what I understand.")}]},
        {"type": "actions", "elements": [
            button(Action(ActionId.ADD, "Add an interview", "", Style.PRIMARY))]},
    ]
    if mail is not None:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": mail_status(mail)}]})
    blocks.append({"type": "header", "text": {"type": "plain_text",
                                              "text": f"In progress ({len(open_rows)})"}})
    if not open_rows:
        blocks.append(section("No open interviews. Add one after your next interview and "
                              "I'll plan the thank-you notes and the calls."))
    budget = MAX_VIEW_BLOCKS - len(blocks) - 3
    for row in open_rows[:budget]:
        blocks.extend(_home_row(row, tz))
    if closed:
        budget = MAX_VIEW_BLOCKS - len(blocks) - 2
        if budget > 0:
            blocks.append({"type": "divider"})
            blocks.append({"type": "header", "text": {"type": "plain_text",
                                                      "text": f"Closed ({len(closed)})"}})
            for row in closed[: budget - 1]:
                blocks.extend(_home_row(row, tz))
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}
