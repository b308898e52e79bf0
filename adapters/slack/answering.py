"""Answering a person on Slack: who they are, what they asked, and the replies back.

The glue between Slack payloads and the core, shared by the app's listeners and by the
inbox worker that answers stored slash commands in another process.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from adapters.runtime import Runtime
from adapters.slack.blocks import (
    HomeRow,
    add_modal,
    edit_modal,
    home_view,
    message,
    plain_from_slack,
    read_elsewhere_modal,
    reading_modal,
)
from adapters.slack.modal import Submitted, submit
from adapters.slack.sender import post_reply, upload_files
from adapters.slack.tokens import NotInstalled, Tokens, client_with
from bot.clubs.commands import asks_channel_rights
from bot.commands import ReadMessage
from bot.conversation.coach import DATABASE_DOWN
from bot.conversation.once import Applied, apply_once, once
from bot.conversation.views import next_step
from bot.messages import ActionId, AddPrefill, Inbound, Reply
from bot.model import Identity, Person, Platform
from bot.ports.repository import RepositoryUnavailable

log = logging.getLogger(__name__)

COMMAND = "/followup"
ADD_WORDS = {"add", "new"}
#: How long what users.info and conversations.info said is trusted, in seconds: an
#: admin's rights or a channel's creator rarely change, and Slack rate-limits both.
INFO_TTL = 600.0
#: How long "Follow up on this" may read before a waiting modal opens: the press's
#: trigger lapses 3 s after it, and the trip to Slack and back takes part of that.
FORM_DEADLINE = 2.0

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
                 monotonic: Callable[[], float] = time.monotonic, *,
                 tokens: Tokens | None = None) -> None:
        self.runtime = runtime
        self.client = client  # with `tokens`, only the template of each workspace's client
        self.tokens = tokens
        self.monotonic = monotonic  # for the caches' lifetimes; tests replace it
        self._profiles: dict[Identity, tuple[float, Profile]] = {}
        # People seen lately with their zone confirmed: Slack has nothing to add for them,
        # so their events go to the core without a look-up (its unit finds them).
        self._settled: dict[Identity, float] = {}
        self._channels: dict[tuple[str, str], tuple[float, ChannelInfo]] = {}
        self._dm_channels: dict[tuple[str, str], str] = {}
        self._clients: dict[str, WebClient] = {}
        self._locks: dict[Identity, threading.Lock] = {}
        self._guard = threading.Lock()

    def client_for(self, team: str) -> WebClient:
        """The Web API client carrying `team`'s own token (the one client in
        single-workspace mode). Raises NotInstalled, a SlackClientError, for a workspace
        without a token, so every call's usual error handling covers it."""
        if self.tokens is None:
            return self.client
        token = self.tokens.token_for(team)
        if token is None:
            raise NotInstalled(f"Slack workspace {team} has not installed the app")
        with self._guard:
            client = self._clients.get(token)
            if client is None:
                client = self._clients[token] = client_with(self.client, token)
        return client

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
        return self._person_and_profile(identity)[1]

    def _person_and_profile(self, identity: Identity) -> tuple[Person | None, Profile]:
        """The person (None when the database is down, or not looked up because their
        zone was confirmed lately) and `profile`'s answer."""
        with self._guard:
            settled = self._settled.get(identity)
        if settled is not None and self.monotonic() - settled <= INFO_TTL:
            return None, Profile()
        coach = self.runtime.coach
        try:
            person = self.runtime.repo.person_for(identity, coach.defaults.tz,
                                                  coach.defaults.quiet)
        except RepositoryUnavailable:
            return None, Profile()
        if person.tz_confirmed:
            with self._guard:
                self._settled[identity] = self.monotonic()
            return person, Profile()
        return person, self.user_info(identity)

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
            user = self.client_for(identity.workspace).users_info(
                user=identity.user).get("user") or {}
            profile = user.get("profile") or {}
            found = Profile(tz=user.get("tz") or None,
                            name=profile.get("real_name") or user.get("real_name") or None,
                            admin=bool(user.get("is_admin") or user.get("is_owner")
                                       or user.get("is_primary_owner")))
        except SlackClientError as exc:
            log.warning("users.info failed for a Slack user (%s); using the default zone",
                        error_code(exc))
        with self._guard:
            self._profiles[identity] = (self.monotonic(), found)
        return found

    def channel_info(self, team: str, channel: str) -> ChannelInfo | None:
        """conversations.info (channels:read / groups:read), cached for INFO_TTL; None
        when Slack will not say (a private channel the app is not in), not cached so
        that inviting the app takes effect at once."""
        with self._guard:
            known = self._channels.get((team, channel))
        if known is not None and self.monotonic() - known[0] <= INFO_TTL:
            return known[1]
        try:
            found = self.client_for(team).conversations_info(
                channel=channel).get("channel") or {}
        except SlackClientError as exc:
            log.warning("conversations.info failed (%s); not a channel manager",
                        error_code(exc))
            return None
        info = ChannelInfo(creator=found.get("creator") or None,
                           between_people=bool(found.get("is_im") or found.get("is_mpim")))
        with self._guard:
            self._channels[(team, channel)] = (self.monotonic(), info)
        return info

    def can_manage(self, identity: Identity, channel: str) -> bool:
        """May this person manage `channel` (start or stop a club there)?

        Slack has no cheap per-channel admin check, so: a workspace admin or owner, or
        the channel's creator. Anyone else, or when Slack does not answer, may not.
        """
        if self.user_info(identity).admin:
            return True
        info = self.channel_info(identity.workspace, channel)
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
        # The person found here goes with the event: the core need not look again.
        person, profile = self._person_and_profile(identity)
        return Inbound(identity=identity, text=text, action=action, value=value,
                       channel=channel, display_name=profile.name, platform_tz=profile.tz,
                       can_manage_channel=can_manage, person=person)

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
            return self._forgetting(inbound.identity, self.runtime.coach.handle(inbound))

    def _forgetting(self, identity: Identity, replies: list[Reply]) -> list[Reply]:
        """`replies`, having dropped what is cached about a person they say was deleted:
        whoever writes next from `identity` is new, and Slack's zone is theirs again."""
        if any(reply.forgotten for reply in replies):
            with self._guard:
                self._settled.pop(identity, None)
                self._profiles.pop(identity, None)
        return replies

    def apply(self, key: str | None, inbound: Inbound) -> Applied:
        """The request once for `key` (`bot.conversation.once`). Raises
        RepositoryUnavailable when the database failed and nothing was applied."""
        with self.turn(inbound.identity):
            applied = apply_once(self.runtime.coach, key, inbound)
            self._forgetting(inbound.identity, applied.replies)
        if not applied.repeat:
            # Committed only now: a wake-up armed inside the unit could not see its rows.
            self.runtime.poke()
        return applied

    def apply_or_say(self, key: str | None, inbound: Inbound) -> Applied:
        """`apply`, or (database down, nothing applied) the core's words for that."""
        try:
            return self.apply(key, inbound)
        except RepositoryUnavailable:
            log.warning("database unavailable while applying a Slack request")
            return Applied([Reply(text=DATABASE_DOWN)])

    def add_from_form(self, identity: Identity, values: dict[str, str], metadata: str,
                      key: str | None = None) -> Submitted:
        """The add form through the core in one step: added, or a problem per field.
        With a `key`, once: a repeat (Slack's retry of the submission) adds nothing and
        gets `Submitted(repeat=True)`. Raises RepositoryUnavailable as `apply` does."""
        inbound, tz = self.form_inbound(identity, metadata)
        coach = self.runtime.coach
        if key is None:
            with self.turn(identity):
                return submit(coach, inbound, values, tz)
        result = Submitted()

        def add() -> list[Reply] | None:
            nonlocal result
            result = submit(coach, inbound, values, tz)
            return None if result.errors else result.replies

        with self.turn(identity):
            applied = once(coach, key, identity, add)
        if applied.repeat:
            return Submitted(repeat=True)
        self.runtime.poke()
        return result

    def dm_channel(self, identity: Identity) -> str | None:
        """The id of the app's DM with the person (cached), to tell it from other DMs."""
        where = (identity.workspace, identity.user)
        with self._guard:
            known = self._dm_channels.get(where)
        if known is not None:
            return known
        try:
            channel = self.client_for(identity.workspace).conversations_open(
                users=identity.user)["channel"]["id"]
        except (SlackClientError, KeyError, TypeError) as exc:
            log.warning("conversations.open failed (%s)", error_code(exc))
            return None
        with self._guard:
            self._dm_channels[where] = channel
        return channel

    def home(self, identity: Identity) -> dict[str, Any]:
        """The App Home view: every interview with its next step, read from the repository."""
        repo, coach = self.runtime.repo, self.runtime.coach
        person = repo.person_for(identity, coach.defaults.tz, coach.defaults.quiet)
        interviews = repo.list_interviews(person.id)
        checkpoints = repo.checkpoints_for_many([i.id for i in interviews])
        rows = [HomeRow(i, next_step(checkpoints[i.id])) for i in interviews]
        mail = repo.has_mail_address(person.id) if coach.defaults.mail_domain else None
        return home_view(rows, ZoneInfo(person.tz), self.runtime.clock.now(), mail)

    # --- speaking ---------------------------------------------------------------------
    def post(self, team: str, channel: str, reply: Reply) -> None:
        """A normal message (with its files) in `channel` of workspace `team`; a user id
        means their DM."""
        try:
            post_reply(self.client_for(team), channel, reply)
        except SlackClientError as exc:
            log.warning("chat.postMessage failed (%s)", error_code(exc))

    def respond_privately(self, respond: Respond, identity: Identity, reply: Reply) -> None:
        """An ephemeral answer via `response_url`; its files go to the person's DM, since
        an ephemeral message cannot carry them."""
        respond(**_respond_message(reply, ephemeral=True))
        self.files_to_dm(identity, reply)

    def files_to_dm(self, identity: Identity, reply: Reply) -> None:
        if reply.files:
            conversation = self.dm_channel(identity)
            if conversation:
                try:
                    upload_files(self.client_for(identity.workspace), conversation,
                                 reply.files)
                except NotInstalled:
                    log.warning("files not sent: the workspace has not installed the app")

    def publish_home(self, identity: Identity) -> None:
        try:
            self.client_for(identity.workspace).views_publish(
                user_id=identity.user, view=self.home(identity))
        except SlackClientError as exc:
            log.warning("views.publish failed (%s)", error_code(exc))
        except RepositoryUnavailable:
            log.warning("database unavailable; App Home not refreshed")

    def open_form(self, identity: Identity, trigger_id: str | None, reply: Reply) -> bool:
        """Open the form `reply` asks for (the add form filled in, or a line to change),
        instead of posting it; False when it asks for none or there is no trigger."""
        view = self.form_of(identity, reply)
        if not trigger_id or view is None:
            return False
        return self._show("views.open", identity, view, trigger_id=trigger_id)

    def form_of(self, identity: Identity, reply: Reply, channel: str | None = None
                ) -> dict[str, Any] | None:
        """The modal `reply` asks for: the add form filled in, or a line to change."""
        if reply.prefill is not None:
            return self.add_view(identity, channel, reply.prefill)
        return edit_modal(reply.edit_line) if reply.edit_line else None

    def read_into_form(self, identity: Identity, trigger_id: str | None, text: str) -> None:
        """"Follow up on this" on a message saying `text`: the core reads it, and the form
        it asks for opens on `trigger_id`, its other replies go by DM. A trigger lapses
        3 s after the press, so a read slower than `FORM_DEADLINE` (a busy database)
        first opens a "Reading…" modal while the trigger is good, then fills it in."""
        reading: Future[list[Reply] | None] = Future()

        def read() -> None:
            try:
                if not self.first_time("shortcut", trigger_id):
                    reading.set_result(None)  # Slack sent the press again: done already
                    return
                inbound = replace(self.inbound(identity), typed=ReadMessage(text),
                                  command=True)
                reading.set_result(self.handle(inbound))
            except BaseException as error:  # re-raised below, on the listener's thread
                reading.set_exception(error)

        threading.Thread(target=read, name="slack-read-message", daemon=True).start()
        waiting: str | None = None
        try:
            replies = reading.result(timeout=FORM_DEADLINE)
        except FutureTimeout:
            if trigger_id:
                waiting = self._waiting_modal(identity, trigger_id)
            replies = reading.result()
        if replies is None:
            return
        for reply in replies:
            view = self.form_of(identity, reply)
            if waiting is not None and view is not None:
                self._show("views.update", identity, view, view_id=waiting)
                waiting = None
            elif waiting is not None or not self.open_form(identity, trigger_id, reply):
                self.post(identity.workspace, identity.user, reply)
        if waiting is not None:  # nothing to fill in: what was read went by DM
            self._show("views.update", identity, read_elsewhere_modal(), view_id=waiting)

    def _waiting_modal(self, identity: Identity, trigger_id: str) -> str | None:
        try:
            opened = self.client_for(identity.workspace).views_open(
                trigger_id=trigger_id, view=reading_modal())
        except SlackClientError as exc:
            log.warning("views.open failed (%s)", error_code(exc))
            return None
        view_id = (opened.get("view") or {}).get("id")
        return view_id if isinstance(view_id, str) else None

    def _show(self, method: str, identity: Identity, view: dict[str, Any],
              **where: str) -> bool:
        client = self.client_for(identity.workspace)
        call = client.views_open if method == "views.open" else client.views_update
        try:
            call(view=view, **where)
        except SlackClientError as exc:
            log.warning("%s failed (%s)", method, error_code(exc))
            return False
        return True

    def add_view(self, identity: Identity, channel: str | None,
                 prefill: AddPrefill | None = None) -> dict[str, Any]:
        """The add form, with the person's zone and today in it; filled in by `prefill`."""
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
        return add_modal(today, zone, metadata, prefill)

    def open_add_modal(self, identity: Identity, trigger_id: str, channel: str | None,
                       prefill: AddPrefill | None = None) -> None:
        if not self._show("views.open", identity, self.add_view(identity, channel, prefill),
                          trigger_id=trigger_id):
            self.post(identity.workspace, identity.user, Reply(
                text="I couldn't open the form just now. You can type it instead: "
                     "`add Acme, analyst, today 2pm with Jane Smith`."))

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


def shared_channel(channel: str | None) -> str | None:
    """The channel id the core is given: None for a DM (with the app or between two
    people: no club meets there), else the channel's id."""
    if not channel or channel.startswith("D"):
        return None
    return channel


def error_code(exc: BaseException) -> str:
    """A short reason for logs: Slack's error code, never the request (it holds the token)."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or exc.response.status_code)
    return type(exc).__name__


def _respond_message(reply: Reply, *, ephemeral: bool) -> dict[str, Any]:
    kind = "ephemeral" if ephemeral or reply.private else "in_channel"
    return {"response_type": kind, "replace_original": False,
            **message(reply, files_in_dm=kind == "ephemeral")}


#: Enough threads that a burst of commands is acked at once, well within Slack's 3 s.


def request_key(kind: str, *parts: object) -> str:
    """A request's durable idempotency key: its kind and a digest of what identifies it."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"slack:{kind}:{digest}"


def command_key(body: dict[str, Any]) -> str:
    """A slash command's key: its trigger id, which Slack repeats when it retries (and a
    replayed body carries); without one, the whole body, which holds a unique
    response_url."""
    trigger = body.get("trigger_id")
    if trigger:
        return request_key("command", body.get("team_id"), trigger)
    return request_key("command-body", json.dumps(body, sort_keys=True))


def event_key(body: dict[str, Any]) -> str | None:
    """An Events API event's key: its event id, the same on each of Slack's retries."""
    event_id = body.get("event_id")
    return request_key("event", body.get("team_id"), event_id) if event_id else None


def view_key(body: dict[str, Any]) -> str:
    """A form submission's key: its trigger id (its view's id without one)."""
    view = body.get("view") or {}
    return request_key("view", SlackCoach.identity(body).workspace,
                       body.get("trigger_id") or view.get("id"))


def press_key(body: dict[str, Any], action: dict[str, Any]) -> str:
    """A button press's key: who pressed which button on which message (or which
    published view). A second press of the same button is a repeat, even though Slack
    gives it a new trigger id; a button on a message the first press replaced, or on a
    Home tab published since, is a new one."""
    container = body.get("container") or {}
    view = body.get("view") or {}
    where = (f"view:{view.get('id')}:{view.get('hash')}" if container.get("type") == "view"
             else f"message:{container.get('channel_id')}:{container.get('message_ts')}")
    identity = SlackCoach.identity(body)
    return request_key("press", identity.workspace, identity.user, where,
                       action.get("action_id"), action.get("value"))


def command_inbound(glue: SlackCoach, body: dict[str, Any]) -> Inbound:
    """What a `/followup …` says to the core."""
    identity = glue.identity(body)
    text = plain_from_slack(body.get("text") or "").strip()
    where = shared_channel(body.get("channel_id") or "")
    # Asked of Slack only for a command that may read it (a club's start or stop), not
    # for every command sent in a channel.
    manage = glue.can_manage(identity, where) if where and asks_channel_rights(text) \
        else False
    return replace(glue.inbound(identity, text=text, channel=where, can_manage=manage),
                   command=True)


def answer_command(glue: SlackCoach, body: dict[str, Any], respond: Respond) -> None:
    """Do what a `/followup …` asked, once, and answer it: the work after the ack in the
    process that acknowledged it."""
    applied = glue.apply_or_say(command_key(body), command_inbound(glue, body))
    send_command_answer(glue, body, respond, applied)


def send_command_answer(glue: SlackCoach, body: dict[str, Any], respond: Respond,
                        applied: Applied) -> None:
    """A command's answer: a repeat's only to the asker (nothing new was done)."""
    identity = glue.identity(body)
    if applied.repeat:
        for reply in applied.replies:
            glue.respond_privately(respond, identity, reply)
        return
    replies = applied.replies
    channel = body.get("channel_id") or ""
    in_app_dm = channel.startswith("D") and glue.dm_channel(identity) == channel
    # Only in the app's own DM is an answer a normal message; anywhere else every
    # answer is ephemeral (seen by the asker alone). The club's public posts go
    # through the outbox and `SlackSender.post`, never through this response.
    for reply in replies:
        if in_app_dm:
            glue.post(identity.workspace, channel, reply)
        else:
            glue.respond_privately(respond, identity, reply)
