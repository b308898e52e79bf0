"""Which bot token speaks for which workspace: one token for every team (SLACK_BOT_TOKEN),
or each team's own installation (OAuth). Every Web API call the app and the reminder
sender make goes through `token_for(team)`, so no call carries another workspace's token.
"""

from __future__ import annotations

import logging
from typing import Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.oauth.token_rotation import TokenRotator

from adapters.slack.installations import SqlInstallationStore

log = logging.getLogger(__name__)

#: Rotate a bot token this many minutes before it expires (Bolt's default).
ROTATE_BEFORE_MINUTES = 120


class NotInstalled(SlackClientError):
    """No token for this workspace: it never installed the app, or uninstalled it."""


class Tokens(Protocol):
    def token_for(self, team: str) -> str | None:
        """The bot token for `team`, or None when the app may not speak there."""
        ...


class SingleToken:
    """Single-workspace mode: SLACK_BOT_TOKEN for everything, as before OAuth."""

    def __init__(self, token: str | None) -> None:
        self._token = token

    def token_for(self, team: str) -> str | None:
        return self._token


class InstalledTokens:
    """Each workspace's token from its installation, read from the database on every
    lookup (an uninstall in another process takes effect at once), rotated first when
    the app has token rotation on and the token is about to expire."""

    def __init__(self, store: SqlInstallationStore, rotator: TokenRotator | None) -> None:
        self.store, self.rotator = store, rotator

    def token_for(self, team: str) -> str | None:
        if not team:
            return None
        installation = self.store.find_installation(enterprise_id=None, team_id=team)
        if installation is None:
            return None
        if self.rotator is not None and installation.bot_refresh_token:
            try:
                rotated = self.rotator.perform_token_rotation(
                    installation=installation, minutes_before_expiration=ROTATE_BEFORE_MINUTES)
            except SlackClientError as exc:
                log.warning("rotating the token of Slack workspace %s failed (%s)", team,
                            type(exc).__name__)
                rotated = None
            if rotated is not None:
                self.store.save(rotated)
                installation = rotated
        return installation.bot_token


def client_with(template: WebClient, token: str) -> WebClient:
    """A client like `template` (address, timeout, retries) that carries `token`."""
    return WebClient(token=token, base_url=template.base_url, timeout=template.timeout,
                     retry_handlers=template.retry_handlers, logger=template.logger)
