"""Senders for the platforms configured in this process, for the stand-alone clock."""

from __future__ import annotations

from adapters.settings import Settings
from bot.model import Platform
from bot.ports.clock import Clock
from bot.ports.sender import Sender
from storage.repository import SqlRepository


def platform_senders(settings: Settings, repo: SqlRepository, clock: Clock
                     ) -> dict[Platform, Sender]:
    senders: dict[Platform, Sender] = {}
    if settings.has_slack:
        from adapters.slack.app import slack_sender
        from adapters.slack.oauth import slack_tokens

        senders[Platform.SLACK] = slack_sender(settings, slack_tokens(settings, repo, clock))
    if settings.has_discord:
        from adapters.discord_bot.client import discord_sender

        senders[Platform.DISCORD] = discord_sender(settings, repo)
    return senders
