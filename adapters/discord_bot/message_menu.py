""""Follow up on this": a message context-menu command (right-click a message, Apps).

Used on a recruiter's or a friend's message, it hands the message's words to the core
as `ReadMessage`; the client opens the add form filled in, or shows the proposal with
its buttons. The words are not kept (interactions carry the message's content, so no
privileged intent is needed).
"""

from __future__ import annotations

from typing import Protocol, cast

import discord
from discord import app_commands

MENU_NAME = "Follow up on this"


class MenuHost(Protocol):
    """What the menu needs from the client (`interaction.client`)."""

    async def read_message(self, interaction: discord.Interaction, text: str) -> None: ...


async def _follow_up(interaction: discord.Interaction, message: discord.Message) -> None:
    text = "\n".join(part for part in (
        message.content, *(e.description or "" for e in message.embeds)) if part)
    await cast(MenuHost, interaction.client).read_message(interaction, text)


def follow_up_menu() -> app_commands.ContextMenu:
    """The menu, in servers and in DMs with the bot, like `/followup`."""
    return app_commands.ContextMenu(
        name=MENU_NAME, callback=_follow_up,
        allowed_contexts=app_commands.AppCommandContext(
            guild=True, dm_channel=True, private_channel=False),
        allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
    )
