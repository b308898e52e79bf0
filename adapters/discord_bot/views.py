"""Rendering the core's `Reply` as a Discord message: embeds, attachments and buttons.

Replies to one person ping nobody; a club post (`render_post`) pings exactly the
members its reply names in `mentions`, and carries no buttons.

Buttons are `ActionButton`s, a `discord.ui.DynamicItem` whose custom id
(`followup:<ActionId>:<value>`) carries everything needed to handle a press, so a
reminder sent last week still works after the bot restarts. Every size limit Discord
enforces is applied here, so a long reply is cut or attached, never rejected.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, replace
from typing import Any, Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

import discord

from bot.messages import Action, ActionId, Draft, Field, Reply, Style

log = logging.getLogger(__name__)

# Discord's limits (https://discord.com/developers/docs/resources/message).
MAX_CONTENT = 2000
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_EMBED_TOTAL = 6000  # across every embed of one message
MAX_EMBEDS = 10
MAX_FILES = 10
MAX_BUTTONS = 25
MAX_LABEL = 80
MAX_CUSTOM_ID = 100
PREVIEW = 150  # a reminder's first line, so the push notification says what it is about

COLOUR = discord.Colour(0x3B82F6)
BLANK = "\u200b"  # Discord rejects empty field names and values
CUSTOM_ID_PREFIX = "followup"
_VALUE = r"[A-Za-z0-9_.-]{0,64}"
CUSTOM_ID_TEMPLATE = (
    rf"{CUSTOM_ID_PREFIX}:(?P<action>{'|'.join(re.escape(a.value) for a in ActionId)})"
    rf":(?P<value>{_VALUE})"
)
_FILE_NAME = re.compile(r"[\w.-]+\.[A-Za-z0-9]{1,5}")
_STYLES = {
    Style.PRIMARY: discord.ButtonStyle.primary,
    Style.DANGER: discord.ButtonStyle.danger,
    Style.DEFAULT: discord.ButtonStyle.secondary,
}


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis, so Discord never rejects it."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def custom_id(action: ActionId, value: str) -> str:
    return f"{CUSTOM_ID_PREFIX}:{action.value}:{value}"


@runtime_checkable
class ButtonHandler(Protocol):
    """What the client must offer for a pressed button; the client is `interaction.client`."""

    async def on_button(self, interaction: discord.Interaction, action: ActionId,
                        value: str) -> None: ...


class ActionButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=CUSTOM_ID_TEMPLATE):
    """A button for one core `Action`. Registered once per client with `add_dynamic_items`,
    it is rebuilt from its custom id on every press, whichever process sent it."""

    def __init__(self, action: ActionId, value: str, label: str = "",
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(
            label=clip(label or action.value, MAX_LABEL), style=style,
            custom_id=custom_id(action, value),
        ))
        self.action = action
        self.value = value

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction,
                             item: discord.ui.Item[Any], match: re.Match[str]) -> ActionButton:
        label = getattr(item, "label", None) or ""
        style = getattr(item, "style", discord.ButtonStyle.secondary)
        return cls(ActionId(match["action"]), match["value"], label, style)

    async def callback(self, interaction: discord.Interaction) -> None:
        handler = interaction.client
        if not isinstance(handler, ButtonHandler):
            log.error("button %s pressed on a client that cannot handle it", self.custom_id)
            return
        await handler.on_button(interaction, self.action, self.value)


def action_view(actions: tuple[Action, ...]) -> discord.ui.View | None:
    """A persistent view (timeout=None) of the actions that fit; None when there are none."""
    buttons = []
    for action in actions:
        if not re.fullmatch(_VALUE, action.value):
            # The core's values are ids; anything else could not be matched back on a press.
            log.warning("dropping button %s: value %r does not fit a custom id",
                        action.id, action.value)
            continue
        buttons.append(ActionButton(action.id, action.value, action.label,
                                    _STYLES.get(action.style, discord.ButtonStyle.secondary)))
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for button in buttons[:MAX_BUTTONS]:
        view.add_item(button)
    return view


@dataclass(frozen=True, slots=True)
class Attachment:
    """A draft too long for an embed, sent as a file so none of it is lost."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class DiscordMessage:
    """One reply in Discord's terms; builds fresh views and files for each send."""

    content: str | None
    embeds: tuple[discord.Embed, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    actions: tuple[Action, ...] = ()
    mentions: tuple[int, ...] = ()  # the only user ids it may ping; none by default

    def view(self) -> discord.ui.View | None:
        return action_view(self.actions)

    def allowed_mentions(self) -> discord.AllowedMentions:
        """Exactly `mentions`, never @everyone or a role: a `<@id>` typed by someone
        else, or a name the member did not opt in with, shows but pings nobody."""
        if not self.mentions:
            return discord.AllowedMentions.none()
        return discord.AllowedMentions(everyone=False, roles=False, replied_user=False,
                                       users=[discord.Object(u) for u in self.mentions])

    def files(self) -> list[discord.File]:
        return [discord.File(io.BytesIO(a.data), filename=a.name) for a in self.attachments]

    def send_kwargs(self) -> dict[str, Any]:
        """Arguments for `Messageable.send` and `Webhook.send` (which reject `view=None`)."""
        kwargs: dict[str, Any] = {"allowed_mentions": self.allowed_mentions()}
        if self.content:
            kwargs["content"] = self.content
        if self.embeds:
            kwargs["embeds"] = list(self.embeds)
        if self.attachments:
            kwargs["files"] = self.files()
        view = self.view()
        if view is not None:
            kwargs["view"] = view
        return kwargs

    def edit_kwargs(self) -> dict[str, Any]:
        """Arguments for an edit: every part is set, so nothing stale (old buttons) remains."""
        return {
            "content": self.content,
            "embeds": list(self.embeds),
            "attachments": self.files(),
            "view": self.view(),
            "allowed_mentions": self.allowed_mentions(),
        }


#: What a person's words quoted back (an unknown time zone, a command not understood)
#: must not become in a DM either: a masked link, or a role mention shown live.
_MASKED_LINK = re.compile(r"(?<!\\)\[([^\]\n]*)\]\(")
_ROLE_MENTION = re.compile(r"(?<!\\)<@&")


def defuse(text: str) -> str:
    """`text` with masked links and role mentions made inert, the rest left as the core
    wrote it (its own markdown, such as `help` in backticks, still renders)."""
    return _ROLE_MENTION.sub(r"\\<@&", _MASKED_LINK.sub(r"\\[\1\\](", text))


def _defused(reply: Reply) -> Reply:
    return replace(
        reply, text=defuse(reply.text), title=defuse(reply.title) if reply.title else reply.title,
        fields=tuple(Field(defuse(f.label), defuse(f.value)) for f in reply.fields))


def render(reply: Reply) -> DiscordMessage:
    """The reply as Discord shows it: plain text when that is all it is, else embeds."""
    reply = _defused(reply)
    actions = reply.actions[:MAX_BUTTONS]
    # Files the core hands over (a calendar, a chart, a CSV) go as Discord attachments.
    handed = tuple(Attachment(f.filename, f.content) for f in reply.files[:MAX_FILES])
    if not (reply.title or reply.fields or reply.drafts or reply.moments) and \
            len(reply.text) <= MAX_CONTENT:
        return DiscordMessage(content=reply.text or BLANK, actions=actions, attachments=handed)

    main = discord.Embed(
        title=clip(reply.title, MAX_TITLE) if reply.title else None,
        description=clip(reply.text, MAX_DESCRIPTION) if reply.text else None,
        colour=COLOUR,
    )
    for item in reply.fields[:MAX_FIELDS]:
        main.add_field(name=clip(item.label, MAX_FIELD_NAME) or BLANK,
                       value=clip(item.value, MAX_FIELD_VALUE) or BLANK, inline=False)
    for moment in reply.moments[: max(0, MAX_FIELDS - len(main.fields))]:
        # Discord shows <t:…> in each reader's own zone and language.
        unix = int(moment.at.timestamp())
        main.add_field(name=clip(moment.label, MAX_FIELD_NAME) or BLANK,
                       value=f"<t:{unix}:F> (<t:{unix}:R>)", inline=True)
    _fit(main, MAX_EMBED_TOTAL)

    embeds = [main]
    attachments: list[Attachment] = list(handed)
    budget = MAX_EMBED_TOTAL - len(main)
    for number, draft in enumerate(reply.drafts, start=1):
        # A draft named like a file ("followup-export.json") is one: people save it.
        embed = None if _FILE_NAME.fullmatch(draft.title) else _draft_embed(draft)
        if embed is not None and len(embed) <= budget and len(embeds) < MAX_EMBEDS:
            embeds.append(embed)
            budget -= len(embed)
        elif len(attachments) < MAX_FILES:
            attachments.append(Attachment(_file_name(draft.title, number),
                                          draft.body.encode("utf-8")))
        else:
            log.warning("reply has more drafts than Discord can carry; dropped %r", draft.title)

    lines = []
    if reply.checkpoint_id is not None:
        lines.append(clip(reply.title or reply.text.split("\n", 1)[0], PREVIEW))
    if attachments:
        lines.append("📎 Attached: " + ", ".join(a.name for a in attachments))
    content = clip("\n".join(lines), MAX_CONTENT) if lines else None
    return DiscordMessage(content=content, embeds=tuple(embeds),
                          attachments=tuple(attachments), actions=actions)


#: Markdown Discord reads anywhere in a line: emphasis, code, spoilers, a masked link's
#: brackets (`[text](url)`: escaped brackets make no link), and `<…>` (channels, roles,
#: timestamps, suppressed links), except a user mention, which is how Discord shows a
#: member's name (it pings only whom `allowed_mentions` lists).
_INLINE_MARKDOWN = re.compile(r"<@!?\d{1,20}>|([\\*_~`|\[\]<>])")
#: Markdown Discord reads at the start of a line: headings, `-#` subtext, lists (a
#: quote's `>` is escaped wherever it is).
_LINE_MARKDOWN = re.compile(r"^([ \t]*)([#+-]|\d+(?=\.))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """`text` shown as typed, whatever markdown it holds: a member's company written as
    `[Acme](https://evil.example)` stays those characters, not a link. Discord hides a
    backslash before punctuation, so the escapes themselves do not show."""
    inline = _INLINE_MARKDOWN.sub(lambda m: f"\\{m[1]}" if m[1] else m[0], text)
    return _LINE_MARKDOWN.sub(_escape_line_start, inline)


def _escape_line_start(found: re.Match[str]) -> str:
    """`# x` -> `\\# x`; `1. x` -> `1\\. x` (a backslash before a digit would show)."""
    indent, mark = found.group(1), found.group(2)
    return f"{indent}{mark}\\" if mark.isdigit() else f"{indent}\\{mark}"


def _escaped(reply: Reply) -> Reply:
    """The reply's words escaped; drafts' bodies stay as they are, shown in code blocks."""
    return replace(
        reply,
        text=escape_markdown(reply.text),
        title=escape_markdown(reply.title) if reply.title else reply.title,
        fields=tuple(Field(escape_markdown(f.label), escape_markdown(f.value))
                     for f in reply.fields),
        drafts=tuple(replace(d, title=escape_markdown(d.title)) for d in reply.drafts),
    )


def render_post(reply: Reply) -> DiscordMessage:
    """A club post for everyone in a channel: no buttons (anyone there could press them),
    only the user ids in `reply.mentions` pinged, and every other character shown as
    typed (`escape_markdown`): what members wrote must not turn into links or headings.

    Discord never pings from inside an embed, so when the post is an embed (a digest,
    a draft for review) the opted-in members' mentions lead its content.
    """
    users = tuple(dict.fromkeys(int(u) for u in reply.mentions if u.isdigit()))
    message = render(_escaped(replace(reply, actions=(), checkpoint_id=None)))
    if users and message.embeds:
        pings = " ".join(f"<@{u}>" for u in users)
        content = "\n".join(p for p in (pings, message.content) if p)
        message = replace(message, content=clip(content, MAX_CONTENT))
    return replace(message, mentions=users)


def _fit(embed: discord.Embed, limit: int) -> None:
    """Shrink the description, then drop trailing fields, until the embed is within `limit`."""
    over = len(embed) - limit
    if over > 0 and embed.description:
        keep = max(len(embed.description) - over, 200)
        embed.description = clip(embed.description, keep)
    while len(embed) > limit and embed.fields:
        embed.remove_field(-1)


def _draft_embed(draft: Draft) -> discord.Embed | None:
    """A draft as a copyable code block; None when it is too long to show whole."""
    body = draft.body.replace("```", "`\u200b`\u200b`")  # a fence inside would end the block
    block = f"```\n{body}\n```"
    if len(block) > MAX_DESCRIPTION:
        return None
    embed = discord.Embed(title=clip(draft.title, MAX_TITLE), description=block, colour=COLOUR)
    address = _mail_address(draft.mailto)
    if address:
        embed.set_footer(text=clip(f"Send to: {address}", 200))
    return embed


def _mail_address(mailto: str | None) -> str | None:
    """Discord does not open mailto: links, so show whom the note goes to instead."""
    if not mailto or not mailto.lower().startswith("mailto:"):
        return None
    address = unquote(urlsplit(mailto).path).strip()
    return address or None


def _file_name(title: str, number: int) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", title).strip("-.")[:60] or f"draft-{number}"
    return slug if re.search(r"\.[A-Za-z0-9]{1,5}$", slug) else f"{slug}.txt"
