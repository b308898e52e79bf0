"""Delivering reminders as Slack DMs and club posts in channels, and the Web API client
both the app and it use.

Slack's answers become `SendFailed`: a 429 carries its Retry-After, so the core's
Deliverer waits exactly as long as Slack asked; a user who left is a permanent failure.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import RateLimitErrorRetryHandler, RetryHandler

from adapters.slack_blocks import message
from bot.messages import Attachment, Reply
from bot.model import ChannelRef, Identity
from bot.sender import SendFailed
from bot.settings import Settings

log = logging.getLogger(__name__)

#: Errors that no amount of retrying fixes for this person (or this token).
PERMANENT_ERRORS = frozenset({
    "user_not_found", "account_inactive", "user_disabled", "channel_not_found",
    "cannot_dm_bot", "is_archived", "not_in_channel", "user_not_visible",
    "invalid_auth", "not_authed", "token_revoked", "token_expired", "no_permission",
    "missing_scope", "team_access_not_granted", "restricted_action",
})
DEFAULT_RETRY_AFTER = 30.0
TIMEOUT_SECONDS = 15


def web_client(settings: Settings, *, retry_handlers: list[RetryHandler] | None = None
               ) -> WebClient:
    """A WebClient for the bot token, pointed at `SLACK_API_URL` when set (tests, proxies)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    kwargs: dict = {"token": token, "timeout": TIMEOUT_SECONDS}
    if settings.slack_api_url:
        base = settings.slack_api_url
        kwargs["base_url"] = base if base.endswith("/") else base + "/"
    if retry_handlers is not None:
        kwargs["retry_handlers"] = retry_handlers
    return WebClient(**kwargs)


def interactive_client(settings: Settings) -> WebClient:
    """For answering people: one polite retry on a 429, since they are waiting for it."""
    return web_client(settings, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])


def retry_after(error: SlackApiError) -> float:
    headers = error.response.headers or {}
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(raw), 1.0)
            except (TypeError, ValueError):
                break
    return DEFAULT_RETRY_AFTER


def as_send_failed(error: SlackClientError) -> SendFailed:
    """Translate a Web API failure into the core's terms (never including the token)."""
    if isinstance(error, SlackApiError):
        if error.response.status_code == 429:
            return SendFailed("slack rate limited", retry_after=retry_after(error))
        code = str(error.response.get("error") or f"http {error.response.status_code}")
        return SendFailed(f"slack {code}", permanent=code in PERMANENT_ERRORS)
    return SendFailed(f"slack unreachable ({type(error).__name__})")


def post_reply(client: WebClient, channel: str, reply: Reply) -> str:
    """Post `reply` in `channel` (a user id means their DM with the app), then upload its
    files there; return the conversation id Slack posted in. Raises on the message only:
    a file that fails is logged, so the message is never sent twice for it."""
    posted = client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False,
                                     **message(reply))
    conversation = str(posted.get("channel") or channel)
    upload_files(client, conversation, reply.files)
    return conversation


def upload_files(client: WebClient, conversation: str, files: Sequence[Attachment]) -> None:
    """Upload each file into a conversation (files need its id, not a user id)."""
    for attachment in files:
        try:
            client.files_upload_v2(channel=conversation, filename=attachment.filename,
                                   title=attachment.filename, content=attachment.content)
        except (SlackClientError, OSError) as exc:
            code = exc.response.get("error") if isinstance(exc, SlackApiError) else \
                type(exc).__name__
            log.warning("uploading %s failed (%s)", attachment.filename, code)


class SlackSender:
    """Posts one reminder to a person's DM with the app (channel = their user id), and
    club posts to a channel."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def send(self, to: Identity, reply: Reply) -> None:
        self._post(to.user, reply)

    def post(self, where: ChannelRef, reply: Reply) -> None:
        """A club post in its channel, for everyone there: links not unfurled, and only
        the people in `reply.mentions` pinged. A private reply is never posted in a
        channel (it was meant for one person); that is a permanent failure, not a leak."""
        if reply.private:
            log.error("refused to post a private reply in channel %s", where.channel)
            raise SendFailed("private reply not posted in a channel", permanent=True)
        self._post(where.channel, reply)

    def _post(self, channel: str, reply: Reply) -> None:
        try:
            post_reply(self.client, channel, reply)
        except SlackClientError as exc:
            raise as_send_failed(exc) from None
        except OSError as exc:  # DNS, refused connection, timeout below slack_sdk
            raise SendFailed(f"slack unreachable ({type(exc).__name__})") from None


def slack_sender(settings: Settings) -> SlackSender:
    """The reminder sender. No automatic retries: the Deliverer owns backoff and Retry-After,
    and a thread sleeping inside slack_sdk would hold up every other reminder."""
    return SlackSender(web_client(settings, retry_handlers=[]))
