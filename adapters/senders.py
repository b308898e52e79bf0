"""Senders for the platforms configured in this process, for the stand-alone clock."""

from __future__ import annotations

from adapters.runtime import Runtime
from bot.model import Platform
from bot.ports.sender import Sender


def platform_senders(runtime: Runtime) -> dict[Platform, Sender]:
    settings = runtime.settings
    senders: dict[Platform, Sender] = {}
    if settings.has_slack:
        from adapters.slack.app import slack_sender
        from adapters.slack.oauth import slack_tokens

        senders[Platform.SLACK] = slack_sender(settings, slack_tokens(settings, runtime.repo,
                                                                         runtime.clock))
    if settings.has_discord:
        from adapters.discord_bot.client import discord_budget, discord_sender

        senders[Platform.DISCORD] = discord_sender(settings, runtime.repo,
                                                   discord_budget(runtime, settings))
    return senders
