"""The coach as a Slack app: `/followup`, DMs, buttons, the add modal and the App Home.

Each listener acks first, translates the Slack payload into an `Inbound`, asks the core,
and renders the replies with `slack_blocks`; rules live in `bot/`, never here.
"""

from __future__ import annotations

import json
import logging
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from adapters.runtime import Runtime, build_runtime
from adapters.settings import Settings
from adapters.slack.blocks import (
    ACTION_PREFIX,
    ADD_CALLBACK,
    LINK_PREFIX,
    HomeRow,
    add_modal,
    home_view,
    message,
    parse_action,
    plain_from_slack,
    submitted_values,
    updated_message,
)
from adapters.slack.modal import Submitted, submit
from adapters.slack.sender import interactive_client, post_reply, slack_sender, upload_files
from adapters.slack.server import EVENTS_PATH, SlackHttpServer, slack_wsgi
from bot.conversation.coach import APOLOGY
from bot.conversation.views import next_step
from bot.messages import ActionId, Inbound, Reply
from bot.model import Identity, Platform
from bot.ports.clock import SystemClock
from bot.ports.repository import RepositoryUnavailable

if TYPE_CHECKING:
    from adapters.slack.inbox import CommandInbox

__all__ = [
    "COMMAND", "SlackCoach", "build_app", "run_slack", "slack_sender", "slack_settings_problem",
]

log = logging.getLogger(__name__)

COMMAND = "/followup"
ADD_WORDS = {"add", "new"}
#: How long what users.info and conversations.info said is trusted, in seconds: an
#: admin's rights or a channel's creator rarely change, and Slack rate-limits both.
INFO_TTL = 600.0

Respond = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class Profile:
    """What users.info says about a person: their zone, their full name, and whether they
    administer (or own) the workspace."""

    tz: str | None = None
    name: str | None = None
    admin: bool = False


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    """What conversations.info says about a channel: who created it, and whether it is a
    conversation between people rather than a channel (no club meets there)."""

    creator: str | None = None
    between_people: bool = False


class SlackCoach:
    """The glue between Slack payloads and the core: identities, time zones, retries, locks.

    Kept apart from the listeners so each listener stays a few flat lines.
    """

    def __init__(self, runtime: Runtime, client: WebClient,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.runtime = runtime
        self.client = client
        self.monotonic = monotonic  # for the caches' lifetimes; tests replace it
        self._profiles: dict[Identity, tuple[float, Profile]] = {}
        self._channels: dict[str, tuple[float, ChannelInfo]] = {}
        self._dm_channels: dict[str, str] = {}
        self._locks: dict[Identity, threading.Lock] = {}
        self._guard = threading.Lock()

    # --- who and when -----------------------------------------------------------------
    @staticmethod
    def identity(body: dict[str, Any], user: str | None = None) -> Identity:
        """The Slack person behind a payload: `Identity(SLACK, team_id, user_id)`."""
        team = (body.get("team_id") or (body.get("team") or {}).get("id")
                or (body.get("user") or {}).get("team_id") or "")
        if user is None:
            user = body.get("user_id") or (body.get("user") or {}).get("id") or ""
        return Identity(Platform.SLACK, str(team), str(user))

    def first_time(self, kind: str, key: str | None) -> bool:
        """False when Slack re-sends something already handled (retries after a slow ack)."""
        if not key:
            return True
        try:
            return self.runtime.repo.first_time(f"slack:{kind}:{key}", self.runtime.clock.now())
        except RepositoryUnavailable:
            return True  # the core will tell the person the database is down

    def profile(self, identity: Identity) -> Profile:
        """The person's Slack zone and name, only while their zone is unconfirmed (the
        core keeps both once it has them); users.info at most once per INFO_TTL."""
        coach = self.runtime.coach
        try:
            person = self.runtime.repo.person_for(identity, coach.defaults.tz,
                                                  coach.defaults.quiet)
        except RepositoryUnavailable:
            return Profile()
        if person.tz_confirmed:
            return Profile()
        return self.user_info(identity)

    def cached_profile(self, identity: Identity) -> Profile | None:
        """What users.info said lately, without asking Slack (None if nothing is cached)."""
        with self._guard:
            known = self._profiles.get(identity)
        if known is None or self.monotonic() - known[0] > INFO_TTL:
            return None
        return known[1]

    def user_info(self, identity: Identity) -> Profile:
        """users.info, cached per person for INFO_TTL (a failure too, so a Slack outage
        or a rate limit is not made worse): zone, name and admin rights."""
        known = self.cached_profile(identity)
        if known is not None:
            return known
        found = Profile()
        try:
            user = self.client.users_info(user=identity.user).get("user") or {}
            profile = user.get("profile") or {}
            found = Profile(tz=user.get("tz") or None,
                            name=profile.get("real_name") or user.get("real_name") or None,
                            admin=bool(user.get("is_admin") or user.get("is_owner")
                                       or user.get("is_primary_owner")))
        except SlackClientError as exc:
            log.warning("users.info failed for a Slack user (%s); using the default zone",
                        _error_code(exc))
        with self._guard:
            self._profiles[identity] = (self.monotonic(), found)
        return found

    def channel_info(self, channel: str) -> ChannelInfo | None:
        """conversations.info (channels:read / groups:read), cached for INFO_TTL; None
        when Slack will not say (a private channel the app is not in), not cached so
        that inviting the app takes effect at once."""
        with self._guard:
            known = self._channels.get(channel)
        if known is not None and self.monotonic() - known[0] <= INFO_TTL:
            return known[1]
        try:
            found = self.client.conversations_info(channel=channel).get("channel") or {}
        except SlackClientError as exc:
            log.warning("conversations.info failed (%s); not a channel manager",
                        _error_code(exc))
            return None
        info = ChannelInfo(creator=found.get("creator") or None,
                           between_people=bool(found.get("is_im") or found.get("is_mpim")))
        with self._guard:
            self._channels[channel] = (self.monotonic(), info)
        return info

    def can_manage(self, identity: Identity, channel: str) -> bool:
        """May this person manage `channel` (start or stop a club there)?

        Slack has no cheap per-channel admin check, so: a workspace admin or owner, or
        the channel's creator. Anyone else, or when Slack does not answer, may not.
        """
        if self.user_info(identity).admin:
            return True
        info = self.channel_info(channel)
        return info is not None and not info.between_people and \
            info.creator == identity.user

    def zone(self, identity: Identity) -> str:
        """The zone the person's times are read in: theirs once confirmed, else Slack's."""
        coach = self.runtime.coach
        person = self.runtime.repo.person_for(identity, coach.defaults.tz, coach.defaults.quiet)
        if person.tz_confirmed:
            return person.tz
        reported = self.profile(identity).tz
        if reported:
            try:
                ZoneInfo(reported)
                return reported
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return person.tz

    def form_inbound(self, identity: Identity, metadata: str) -> tuple[Inbound, str | None]:
        """The submitting person as the core sees them, and the zone to read the form in
        when Slack reported none; without calling Slack, since Slack waits only 3 s for
        the answer to a submission.

        The person's Slack zone (users.info, when the form was opened) travels in the
        form's metadata and goes to the core as `platform_tz`. Only if Slack had none and
        the person never confirmed a zone is the zone the form showed passed as `tz`.
        """
        data = _metadata(metadata)
        cached = self.cached_profile(identity)
        slack_tz = _valid_zone(data.get("slack_tz")) or \
            (_valid_zone(cached.tz) if cached else None)
        inbound = Inbound(identity=identity, display_name=cached.name if cached else None,
                          platform_tz=slack_tz)
        if slack_tz:
            return inbound, None
        coach = self.runtime.coach
        try:
            person = self.runtime.repo.person_for(identity, coach.defaults.tz,
                                                  coach.defaults.quiet)
        except RepositoryUnavailable:
            return inbound, None  # the core will say the database is down
        return inbound, None if person.tz_confirmed else _valid_zone(data.get("zone"))

    def inbound(self, identity: Identity, *, text: str = "", action: ActionId | None = None,
                value: str = "", channel: str | None = None, can_manage: bool = False
                ) -> Inbound:
        profile = self.profile(identity)
        return Inbound(identity=identity, text=text, action=action, value=value,
                       channel=channel, display_name=profile.name, platform_tz=profile.tz,
                       can_manage_channel=can_manage)

    # --- asking the core ----------------------------------------------------------------
    @contextmanager
    def turn(self, identity: Identity) -> Iterator[None]:
        """One person's events one at a time, so a quick second message waits for the
        first here, holding no database connection, and follows it. This serves order
        and the pool only: the core's `serialised` unit is what keeps two events (in
        this process or another) from interleaving."""
        with self._guard:
            lock = self._locks.setdefault(identity, threading.Lock())
        with lock:
            yield

    def handle(self, inbound: Inbound) -> list[Reply]:
        with self.turn(inbound.identity):
            return self.runtime.coach.handle(inbound)

    def add_from_form(self, identity: Identity, values: dict[str, str], metadata: str
                      ) -> Submitted:
        """The add form through the core in one step: added, or a problem per field."""
        inbound, tz = self.form_inbound(identity, metadata)
        with self.turn(identity):
            return submit(self.runtime.coach, inbound, values, tz)

    def dm_channel(self, user: str) -> str | None:
        """The id of the app's DM with `user` (cached), to tell it from other DMs."""
        with self._guard:
            known = self._dm_channels.get(user)
        if known is not None:
            return known
        try:
            channel = self.client.conversations_open(users=user)["channel"]["id"]
        except (SlackClientError, KeyError, TypeError) as exc:
            log.warning("conversations.open failed (%s)", _error_code(exc))
            return None
        with self._guard:
            self._dm_channels[user] = channel
        return channel

    def home(self, identity: Identity) -> dict[str, Any]:
        """The App Home view: every interview with its next step, read from the repository."""
        repo, coach = self.runtime.repo, self.runtime.coach
        person = repo.person_for(identity, coach.defaults.tz, coach.defaults.quiet)
        interviews = repo.list_interviews(person.id)
        checkpoints = repo.checkpoints_for_many([i.id for i in interviews])
        rows = [HomeRow(i, next_step(checkpoints[i.id])) for i in interviews]
        return home_view(rows, ZoneInfo(person.tz), self.runtime.clock.now())

    # --- speaking ---------------------------------------------------------------------
    def post(self, channel: str, reply: Reply) -> None:
        """A normal message (with its files) in `channel`; a user id means their DM."""
        try:
            post_reply(self.client, channel, reply)
        except SlackClientError as exc:
            log.warning("chat.postMessage failed (%s)", _error_code(exc))

    def respond_privately(self, respond: Respond, identity: Identity, reply: Reply) -> None:
        """An ephemeral answer via `response_url`; its files go to the person's DM, since
        an ephemeral message cannot carry them."""
        respond(**_respond_message(reply, ephemeral=True))
        self.files_to_dm(identity, reply)

    def files_to_dm(self, identity: Identity, reply: Reply) -> None:
        if reply.files:
            conversation = self.dm_channel(identity.user)
            if conversation:
                upload_files(self.client, conversation, reply.files)

    def publish_home(self, identity: Identity) -> None:
        try:
            self.client.views_publish(user_id=identity.user, view=self.home(identity))
        except SlackClientError as exc:
            log.warning("views.publish failed (%s)", _error_code(exc))
        except RepositoryUnavailable:
            log.warning("database unavailable; App Home not refreshed")

    def open_add_modal(self, identity: Identity, trigger_id: str, channel: str | None) -> None:
        try:
            zone = self.zone(identity)
            slack_tz = _valid_zone(self.profile(identity).tz)
        except RepositoryUnavailable:
            zone, slack_tz = self.runtime.coach.defaults.tz, None
        today = self.runtime.clock.now().astimezone(ZoneInfo(zone)).date().isoformat()
        # The zones travel with the form, so reading the answers needs no Slack call
        # before the submission's 3-second ack.
        metadata = json.dumps({"channel": channel or "", "zone": zone,
                               "slack_tz": slack_tz or ""})
        try:
            self.client.views_open(trigger_id=trigger_id,
                                   view=add_modal(today, zone, metadata))
        except SlackClientError as exc:
            log.warning("views.open failed (%s)", _error_code(exc))
            self.post(identity.user, Reply(text="I couldn't open the form just now. You can "
                                                "type it instead: `add Acme, analyst, today "
                                                "2pm with Jane Smith`."))


def _metadata(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _valid_zone(zone: object) -> str | None:
    """`zone` if it names an IANA zone this machine knows, else None."""
    if not isinstance(zone, str) or not zone:
        return None
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return zone


def _shared_channel(channel: str | None) -> str | None:
    """The channel id the core is given: None for a DM (with the app or between two
    people: no club meets there), else the channel's id."""
    if not channel or channel.startswith("D"):
        return None
    return channel


def _error_code(exc: BaseException) -> str:
    """A short reason for logs: Slack's error code, never the request (it holds the token)."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or exc.response.status_code)
    return type(exc).__name__


def _respond_message(reply: Reply, *, ephemeral: bool) -> dict[str, Any]:
    kind = "ephemeral" if ephemeral or reply.private else "in_channel"
    return {"response_type": kind, "replace_original": False,
            **message(reply, files_in_dm=kind == "ephemeral")}


#: Enough threads that a burst of commands is acked at once, well within Slack's 3 s.
LISTENER_THREADS = 64

def build_app(runtime: Runtime, settings: Settings, client: WebClient | None = None,
              *, inbox: CommandInbox | None = None) -> App:
    """The Bolt app with every listener registered; `client` defaults to one from settings.

    With an `inbox`, slash commands are stored and acknowledged, and answered by whichever
    process drains the inbox; without, they are answered here, after the ack. Token
    verification is left to `run_slack`, which can then say plainly what is wrong.
    """
    client = client or interactive_client(settings)
    secret = settings.slack_signing_secret.get_secret_value() \
        if settings.slack_signing_secret else ""
    # Bolt answers Slack once a listener calls ack(), but a listener must first get a
    # thread; the default pool (cores + 4) makes acks queue behind earlier work.
    listeners = ThreadPoolExecutor(max_workers=LISTENER_THREADS,
                                   thread_name_prefix="slack-listener")
    # With an inbox, a slash command's listener only stores it and acks: Bolt then runs
    # listeners in the request's own thread and answers when they return, instead of
    # handing each to a pool thread and looking every 10 ms for its ack. What follows an
    # ack goes to the pool (`after_ack`), so no response waits for it.
    fast_acks = inbox is not None
    app = App(
        client=client,
        signing_secret=secret,
        token_verification_enabled=False,
        logger=logging.getLogger("slack_bolt"),
        name="followup-bot",
        listener_executor=listeners,
        process_before_response=fast_acks,
    )
    glue = SlackCoach(runtime, client)

    def after_ack(body: dict[str, Any], work: Callable[[], None]) -> None:
        """The work after an ack: here, or (fast acks) in a pool thread."""
        if not fast_acks:
            work()
            return

        def guarded() -> None:
            try:
                work()
            except Exception as error:
                _listener_failed(glue, error, body)

        listeners.submit(guarded)

    @app.command(COMMAND)
    def on_command(ack: Callable[..., None], body: dict[str, Any], respond: Respond) -> None:
        text = plain_from_slack(body.get("text") or "").strip()
        if text.lower() in ADD_WORDS:
            # The form needs the trigger id, which lapses in 3 s: opened here, never queued.
            ack()

            def open_form() -> None:
                if glue.first_time("command", body.get("trigger_id")):
                    glue.open_add_modal(glue.identity(body), body["trigger_id"],
                                        body.get("channel_id") or "")

            after_ack(body, open_form)
            return
        if inbox is None:
            ack()  # within Slack's 3 s; the work below happens after the response is sent
            answer_command(glue, body, respond)
            return
        # Stored before the ack, so an acknowledged command survives a crash; the
        # process that runs the clock answers it (see adapters.slack.inbox).
        try:
            inbox.put(body)
        except RepositoryUnavailable:
            log.warning("could not queue a slash command: the database is unavailable")
            ack(text="I couldn't save that just now; please try again in a minute.")
            return
        ack()

    @app.event("message")
    def on_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        # Only people writing to the app in its Messages tab; edits, joins and bots are not.
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return

        def answer() -> None:
            if not glue.first_time("event", body.get("event_id")):
                return
            identity = glue.identity(body, user=event.get("user"))
            text = plain_from_slack(event.get("text") or "")
            for reply in glue.handle(glue.inbound(identity, text=text)):
                glue.post(event["channel"], reply)

        after_ack(body, answer)

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], body: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home":
            return

        def publish() -> None:
            if glue.first_time("event", body.get("event_id")):
                glue.publish_home(glue.identity(body, user=event.get("user")))

        after_ack(body, publish)

    @app.action(re.compile(f"^{LINK_PREFIX}:"))
    def on_link(ack: Callable[..., None]) -> None:
        ack()  # a link button opens the mail app on the person's side; nothing to do here

    @app.action(re.compile(f"^{ACTION_PREFIX}:"))
    def on_button(ack: Callable[..., None], body: dict[str, Any], action: dict[str, Any],
                  respond: Respond) -> None:
        ack()
        after_ack(body, lambda: _pressed(glue, body, action, respond))

    @app.view(ADD_CALLBACK)
    def on_add_submitted(ack: Callable[..., None], body: dict[str, Any],
                         view: dict[str, Any]) -> None:
        # The core checks and adds in one step before the ack (no Slack call on the way:
        # Slack waits 3 s), so a problem can be shown beside its field.
        identity = glue.identity(body)
        if not glue.first_time("view", body.get("trigger_id") or view.get("id")):
            ack()
            return
        done = glue.add_from_form(identity, submitted_values(view),
                                  view.get("private_metadata") or "")
        if done.errors:
            ack(response_action="errors", errors=done.errors)
            return
        ack()  # closes the modal; the interview is confirmed by DM

        def confirm() -> None:
            for reply in done.replies:
                glue.post(identity.user, reply)
            glue.publish_home(identity)

        after_ack(body, confirm)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        _listener_failed(glue, error, body)

    return app


def _pressed(glue: SlackCoach, body: dict[str, Any], action: dict[str, Any],
             respond: Respond) -> None:
    """What a button of ours does, after its ack."""
    if not glue.first_time("action", body.get("trigger_id")):
        return
    identity = glue.identity(body)
    pressed = parse_action(action.get("action_id", ""), action.get("value"))
    container = body.get("container") or {}
    from_home = container.get("type") == "view"
    if pressed is None:
        glue.post(identity.user, Reply(text="That button is from an older version of me. "
                                            "Type `list` to see where things stand."))
        return
    if pressed.action is ActionId.ADD:
        glue.open_add_modal(identity, body["trigger_id"], None)
        return
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    replies = glue.handle(glue.inbound(identity, action=pressed.action, value=pressed.value,
                                       channel=_shared_channel(channel)))
    _answer_press(glue, identity, body, container, replies, respond)
    if from_home:
        glue.publish_home(identity)


def _listener_failed(glue: SlackCoach, error: Exception, body: dict[str, Any]) -> None:
    """A bug in a listener: log it with what kind of request it was, and apologise."""
    log.error("Slack listener failed on a %s request: %r", body.get("type") or
              body.get("command") or "slack", error, exc_info=error)
    user = body.get("user_id") or (body.get("user") or {}).get("id") or \
        (body.get("event") or {}).get("user")
    if user:
        glue.post(user, Reply(text=APOLOGY))


def answer_command(glue: SlackCoach, body: dict[str, Any], respond: Respond, *,
                   dedupe: bool = True) -> None:
    """Do what a `/followup …` asked and answer it: the work after the ack, wherever the
    command was acknowledged (here, or by the web process through the inbox)."""
    if dedupe and not glue.first_time("command", body.get("trigger_id")):
        return
    identity = glue.identity(body)
    text = plain_from_slack(body.get("text") or "").strip()
    channel = body.get("channel_id") or ""
    where = _shared_channel(channel)
    manage = glue.can_manage(identity, where) if where else False
    inbound = replace(glue.inbound(identity, text=text, channel=where, can_manage=manage),
                      command=True)
    replies = glue.handle(inbound)
    in_app_dm = channel.startswith("D") and glue.dm_channel(identity.user) == channel
    # Only in the app's own DM is an answer a normal message; anywhere else every
    # answer is ephemeral (seen by the asker alone). The club's public posts go
    # through the outbox and `SlackSender.post`, never through this response.
    for reply in replies:
        if in_app_dm:
            glue.post(channel, reply)
        else:
            glue.respond_privately(respond, identity, reply)


def _answer_press(glue: SlackCoach, identity: Identity, body: dict[str, Any],
                  container: dict[str, Any], replies: list[Reply], respond: Respond) -> None:
    """Show what a press did: the first `replace_original` reply rewrites the pressed
    message (without its old buttons), the rest arrive as new messages beside it.

    On a message everyone in a channel sees, a private reply never rewrites it or joins
    it: it goes to the presser alone, as an ephemeral message."""
    on_message = container.get("type") == "message"
    ephemeral = bool(container.get("is_ephemeral"))
    channel = container.get("channel_id") if on_message else identity.user
    in_public = on_message and not ephemeral and _shared_channel(channel) is not None
    original = (body.get("message") or {}).get("blocks") or []
    replaced = False
    for reply in replies:
        if in_public and reply.private:
            glue.respond_privately(respond, identity, reply)
        elif reply.replace_original and not replaced and on_message:
            replaced = True
            update = updated_message(original, reply, files_in_dm=ephemeral)
            if ephemeral:
                respond(replace_original=True, **update)
                glue.files_to_dm(identity, reply)
            else:
                try:
                    glue.client.chat_update(channel=channel, ts=container.get("message_ts"),
                                            **update)
                except SlackClientError as exc:
                    log.warning("chat.update failed (%s); posting instead", _error_code(exc))
                    glue.post(channel or identity.user, reply)
        elif ephemeral:
            glue.respond_privately(respond, identity, reply)
        else:
            glue.post(channel or identity.user, reply)


# --- running it ------------------------------------------------------------------------
def slack_settings_problem(settings: Settings) -> str | None:
    """One line naming what is missing or malformed, or None when Slack can start."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else ""
    app_token = settings.slack_app_token.get_secret_value() if settings.slack_app_token else ""
    secret = settings.slack_signing_secret.get_secret_value() \
        if settings.slack_signing_secret else ""
    if not token:
        return "SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…) from " \
               "your Slack app's OAuth & Permissions page."
    if not token.startswith("xoxb-"):
        return "SLACK_BOT_TOKEN should be the bot token, starting with xoxb-."
    if app_token and not app_token.startswith("xapp-"):
        return "SLACK_APP_TOKEN should be an app-level token starting with xapp- " \
               "(Basic Information > App-Level Tokens, scope connections:write)."
    if not app_token and not secret:
        return "SLACK_SIGNING_SECRET is not set; it is on your Slack app's Basic " \
               "Information page (or set SLACK_APP_TOKEN to use Socket Mode)."
    if settings.slack_api_url and not settings.slack_api_url.startswith(("http://",
                                                                         "https://")):
        return "SLACK_API_URL should be an http(s) URL ending in /api/."
    return None


def _fail(problem: str) -> NoReturn:
    print(f"followup-bot: {problem}", file=sys.stderr)
    raise SystemExit(2)


def _check_token(client: WebClient) -> dict[str, Any] | None:
    """auth.test, so a wrong token stops start-up with one clear line (exit code 2)."""
    try:
        return client.auth_test().data  # type: ignore[return-value]
    except SlackApiError as exc:
        _fail(f"Slack rejected SLACK_BOT_TOKEN ({_error_code(exc)}); check it and that "
              "the app is installed to your workspace.")
    except (SlackClientError, OSError) as exc:
        _fail(f"could not reach Slack to check SLACK_BOT_TOKEN ({type(exc).__name__}).")
    return None


def run_slack(settings: Settings, *, host: str = "0.0.0.0",
              stop: threading.Event | None = None) -> None:
    """Run until interrupted (or `stop` is set): Socket Mode with SLACK_APP_TOKEN, else HTTP
    on `host`:$PORT at /slack/events. Reminders are delivered from this process as well.

    Wrong or missing settings print one line and exit with code 2.
    """
    problem = slack_settings_problem(settings)
    if problem:
        _fail(problem)
    from adapters.slack.inbox import CommandInbox, InboxWorker

    client = interactive_client(settings)
    who = _check_token(client) or {}
    runtime = build_runtime(settings, SystemClock())
    stop = stop or threading.Event()
    inbox, worker = None, None
    if settings.slack_commands == "queue":
        # Commands are stored and acked here; the process that delivers answers them.
        if settings.delivery == "inline":
            worker = InboxWorker(SlackCoach(runtime, client)).start()
        inbox = CommandInbox(runtime.repo, runtime.clock,
                             wake=worker.wake if worker else None)
    try:
        with _stopped_by_signals(stop):
            app = build_app(runtime, settings, client, inbox=inbox)
            runtime.start_delivery({Platform.SLACK: slack_sender(settings)})
            log.info("connected to Slack workspace %s as %s", who.get("team"), who.get("user"))
            if settings.slack_app_token:
                # Socket Mode needs no listener; one serves the web routes only when the
                # operator gave a public address for calendar links.
                web = _listen(slack_wsgi(None, runtime), host, settings.port) \
                    if settings.public_url else None
                _run_socket_mode(app, settings.slack_app_token.get_secret_value(), stop, web)
            else:
                _run_http(_listen(slack_wsgi(app, runtime), host, settings.port), stop)
    finally:
        if inbox is not None:
            inbox.close()
        if worker is not None:
            worker.stop()
        runtime.stop()


@contextmanager
def _stopped_by_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C and SIGTERM set `stop` for a clean shutdown; the old handlers come back after.

    Signal handlers can only be set from the main thread; elsewhere `stop` alone ends it.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda *_: stop.set())
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _listen(wsgi: Any, host: str, port: int) -> SlackHttpServer:
    try:
        return SlackHttpServer(wsgi, host, port)
    except OSError as exc:
        _fail(f"cannot listen on port {port} ({exc.strerror}); set PORT to a free port.")


def _run_http(server: SlackHttpServer, stop: threading.Event) -> None:
    server.start_background()
    log.info("listening for Slack on port %d at %s; Ctrl-C to stop", server.port, EVENTS_PATH)
    try:
        stop.wait()
    finally:
        server.stop()


def _run_socket_mode(app: App, app_token: str, stop: threading.Event,
                     web: SlackHttpServer | None) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token)
    try:
        handler.connect()
    except (SlackClientError, OSError) as exc:
        if web is not None:
            web.stop()
        if isinstance(exc, SlackApiError):
            _fail(f"Slack rejected SLACK_APP_TOKEN ({_error_code(exc)}); it needs the "
                  "connections:write scope and Socket Mode turned on.")
        _fail(f"could not open a Socket Mode connection ({type(exc).__name__}).")
    if handler.client.is_connected():
        log.info("connected in Socket Mode; Ctrl-C to stop")
    else:
        # slack_sdk keeps retrying in the background; say so rather than claim success.
        log.warning("Socket Mode is not connected yet; retrying in the background")
    if web is not None:
        web.start_background()
        log.info("serving /healthz and calendar feeds on port %d", web.port)
    try:
        stop.wait()
    finally:
        handler.close()
        if web is not None:
            web.stop()
