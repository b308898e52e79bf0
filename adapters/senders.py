"""Senders for the platforms configured in this process, for the stand-alone clock."""

from __future__ import annotations

from adapters.settings import Settings
from bot.model import Platform
from bot.ports.repository import Repository
from bot.ports.sender import Sender


def platform_senders(settings: Settings, repo: Repository) -> dict[Platform, Sender]:
    senders: dict[Platform, Sender] = {}
    if settings.has_slack:
        from adapters.slack.app import slack_sender

        senders[Platform.SLACK] = slack_sender(settings)
    if settings.has_discord:
        from adapters.discord_bot.client import discord_sender

        senders[Platform.DISCORD] = discord_sender(settings, repo)
    return senders
