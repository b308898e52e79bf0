"""Many workspaces: Bolt's OAuth flow ("Add to Slack" at /slack/install, Slack's answer at
/slack/oauth_redirect, the state checked against the installer's cookie and the database)
on the project's stores, the token each workspace speaks with, and what happens when a
workspace uninstalls the app.

SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SCOPES switch it on; without them the app
runs for the one workspace of SLACK_BOT_TOKEN, as it always did.
"""

from __future__ import annotations

import html
import logging

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.token_rotation import TokenRotator

from adapters.runtime import Runtime
from adapters.settings import Settings
from adapters.slack.installations import (
    ORG_WIDE_REFUSED,
    OrgWideInstall,
    Sealer,
    SqlInstallationStore,
    SqlStateStore,
)
from adapters.slack.tokens import InstalledTokens, SingleToken, Tokens
from bot.model import Platform
from bot.ports.clock import Clock
from storage.repository import SqlRepository

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


def installation_store(settings: Settings, repo: SqlRepository, clock: Clock
                       ) -> SqlInstallationStore:
    key = settings.slack_token_key or settings.slack_client_secret
    assert key is not None, "OAuth mode needs SLACK_CLIENT_SECRET"
    return SqlInstallationStore(repo, Sealer(key.get_secret_value()), clock)


def slack_tokens(settings: Settings, repo: SqlRepository, clock: Clock,
                 client: WebClient | None = None) -> Tokens:
    """Each workspace's own token (OAuth), else the one SLACK_BOT_TOKEN."""
    if not settings.slack_oauth:
        token = settings.slack_bot_token
        return SingleToken(token.get_secret_value() if token else None)
    assert settings.slack_client_id and settings.slack_client_secret
    rotator = TokenRotator(client_id=settings.slack_client_id,
                           client_secret=settings.slack_client_secret.get_secret_value(),
                           client=client or WebClient(base_url=_base(settings)))
    return InstalledTokens(installation_store(settings, repo, clock), rotator)


def oauth_settings(settings: Settings, repo: SqlRepository, clock: Clock,
                   store: SqlInstallationStore) -> OAuthSettings:
    """Bolt's OAuth flow on the project's stores; an org-wide install gets a page that
    says why it was refused."""
    assert settings.slack_client_id and settings.slack_client_secret and settings.slack_scopes
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=[s.strip() for s in settings.slack_scopes.split(",") if s.strip()],
        redirect_uri=settings.slack_redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=store,
        installation_store_bot_only=True,
        state_store=SqlStateStore(repo, clock),
        callback_options=CallbackOptions(success=_installed, failure=_not_installed),
    )


def _installed(args: SuccessArgs) -> BoltResponse:
    """Bolt's success page, without Bolt's DEBUG line that quotes the request's query
    (the code and the state)."""
    settings, installation = args.settings, args.installation
    page = settings.redirect_uri_page_renderer.render_success_page(
        app_id=installation.app_id or "", team_id=installation.team_id,
        is_enterprise_install=installation.is_enterprise_install,
        enterprise_url=installation.enterprise_url)
    return _page(args.settings, 200, page)


def _not_installed(args: FailureArgs) -> BoltResponse:
    """A page saying why; an org-wide install gets its own words."""
    if isinstance(args.error, OrgWideInstall):
        log.warning("refused an Enterprise Grid org-wide install")
        return _page(args.settings, 400, f"<html><body><p>{html.escape(ORG_WIDE_REFUSED)}"
                                         "</p></body></html>")
    log.warning("an install did not complete (%s)", args.reason)
    page = args.settings.redirect_uri_page_renderer.render_failure_page(args.reason)
    return _page(args.settings, args.suggested_status_code, page)


def _page(settings: OAuthSettings, status: int, body: str) -> BoltResponse:
    """An HTML page that also drops the state cookie, which has served its one use."""
    return BoltResponse(status=status, body=body, headers={
        "Content-Type": "text/html; charset=utf-8",
        "Set-Cookie": settings.state_utils.build_set_cookie_for_deletion()})


def workspace_left(runtime: Runtime, team: str,
                   store: SqlInstallationStore | None) -> None:
    """The app was uninstalled from `team`, or its bot token revoked: its installation
    goes at once (nothing more is sent there: every send looks the token up), its queued
    reminders and club posts are cancelled, and its data is deleted after the grace
    period unless it installs the app again."""
    if not team:
        return
    if store is not None:
        store.delete_all(enterprise_id=None, team_id=team)
    runtime.workspace_left(Platform.SLACK, team)


def _base(settings: Settings) -> str:
    base = settings.slack_api_url or "https://slack.com/api/"
    return base if base.endswith("/") else base + "/"
