"""Where "Add to Slack" keeps what it learns: slack_sdk's `InstallationStore` and
`OAuthStateStore` on the project's own database (`storage.workspaces`), so Bolt's OAuth
flow and its per-request authorisation read the same rows every process sees.

An installation holds the workspace's bot token (and refresh token, with rotation on):
it is sealed with Fernet before it is stored, under a key derived from FOLLOWUP_TOKEN_KEY
or, unset, from SLACK_CLIENT_SECRET, so a copy of the database or a backup opens no
workspace. A state is stored as its SHA-256 and consumed once.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from slack_bolt.error import BoltError
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore

from bot.model import Platform
from bot.ports.clock import Clock
from storage.repository import SqlRepository

log = logging.getLogger(__name__)

#: How long an install link works: Slack's own default for Bolt's state.
STATE_SECONDS = 600


class OrgWideInstall(BoltError):
    """An Enterprise Grid org-wide install: refused, each workspace installs on its own."""


ORG_WIDE_REFUSED = ("Follow-up Coach is installed one workspace at a time. Please install "
                    "it to a workspace of your Enterprise Grid organisation rather than to "
                    "the whole organisation.")


class Sealer:
    """Fernet (AES-128-CBC with HMAC-SHA256) under a key derived with HKDF from a secret
    the operator already keeps, so sealing needs no new setting."""

    def __init__(self, secret: str) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"followup-bot slack installations").derive(secret.encode())
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, data: dict[str, Any]) -> str:
        return self._fernet.encrypt(json.dumps(data, default=_timestamp).encode()).decode()

    def open(self, sealed: str) -> dict[str, Any] | None:
        """The data, or None when it was sealed under another key (the secret changed)."""
        try:
            opened: dict[str, Any] = json.loads(self._fernet.decrypt(sealed.encode()))
        except InvalidToken:
            return None
        return opened


def _timestamp(value: object) -> str:
    """A moment as ISO text, which `Installation` reads back for its int and float
    fields alike (a float it refuses where it wants an int)."""
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


class SqlInstallationStore(InstallationStore):
    """One installation per workspace (team), the latest; org-wide installs refused."""

    def __init__(self, repo: SqlRepository, sealer: Sealer, clock: Clock) -> None:
        self.repo, self.sealer, self.clock = repo, sealer, clock

    @property
    def logger(self) -> logging.Logger:
        return log

    def save(self, installation: Installation) -> None:
        if installation.is_enterprise_install or not installation.team_id:
            raise OrgWideInstall("org-wide install refused")
        self.repo.save_installation(installation.team_id, installation.enterprise_id,
                                    self.sealer.seal(installation.to_dict_for_copying()),
                                    self.clock.now())
        if self.repo.workspace_back(Platform.SLACK, installation.team_id):
            log.info("Slack workspace %s installed the app again; its data stays",
                     installation.team_id)
        else:
            log.info("Slack workspace %s installed the app", installation.team_id)

    def save_bot(self, bot: Bot) -> None:
        """Only rotation saves a bare bot; the installation around it is kept."""
        found = self.find_installation(enterprise_id=bot.enterprise_id, team_id=bot.team_id)
        if found is not None:
            found.bot_token, found.bot_refresh_token = bot.bot_token, bot.bot_refresh_token
            found.bot_token_expires_at = bot.bot_token_expires_at
            self.save(found)

    def find_installation(self, *, enterprise_id: str | None, team_id: str | None,
                          user_id: str | None = None, is_enterprise_install: bool | None = False
                          ) -> Installation | None:
        if not team_id or is_enterprise_install:
            return None
        sealed = self.repo.sealed_installation(team_id)
        if sealed is None:
            return None
        data = self.sealer.open(sealed)
        if data is None:
            log.warning("the installation of Slack workspace %s cannot be opened: "
                        "FOLLOWUP_TOKEN_KEY or SLACK_CLIENT_SECRET changed; it must be "
                        "installed again", team_id)
            return None
        return Installation(**data)

    def find_bot(self, *, enterprise_id: str | None, team_id: str | None,
                 is_enterprise_install: bool | None = False) -> Bot | None:
        found = self.find_installation(enterprise_id=enterprise_id, team_id=team_id,
                                       is_enterprise_install=is_enterprise_install)
        return None if found is None or not found.bot_token else found.to_bot()

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        if team_id:
            self.repo.delete_installation(team_id)

    def delete_installation(self, *, enterprise_id: str | None, team_id: str | None,
                            user_id: str | None = None) -> None:
        if team_id and user_id is None:
            self.repo.delete_installation(team_id)

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self.delete_bot(enterprise_id=enterprise_id, team_id=team_id)


class SqlStateStore(OAuthStateStore):
    """Install-link states: random, stored as SHA-256, good once for STATE_SECONDS."""

    def __init__(self, repo: SqlRepository, clock: Clock) -> None:
        self.repo, self.clock = repo, clock

    @property
    def logger(self) -> logging.Logger:
        return log

    def issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(32)
        self.repo.issue_state(_digest(state),
                              self.clock.now() + timedelta(seconds=STATE_SECONDS))
        return state

    def consume(self, state: str) -> bool:
        if not state:
            return False
        return self.repo.consume_state(_digest(state), self.clock.now())


def _digest(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()
