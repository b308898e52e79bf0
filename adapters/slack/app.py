"""The coach as a Slack app: `/followup`, DMs, buttons, the add modal and the App Home.

Each listener acks first, translates the Slack payload into an `Inbound`, asks the core,
and renders the replies with `slack_blocks`; rules live in `bot/`, never here.
"""

from __future__ import annotations

import logging
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NoReturn

from slack_bolt import App
from slack_bolt.context.respond import Respond as BoltRespond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from adapters.runtime import Runtime, build_runtime, freeze_start_up
from adapters.settings import Settings
from adapters.slack.answering import (
    ADD_WORDS,
    COMMAND,
    Respond,
    SlackCoach,
    answer_command,
    command_key,
    error_code,
    event_key,
    press_key,
    shared_channel,
    view_key,
)
from adapters.slack.blocks import (
    ACTION_PREFIX,
    ADD_CALLBACK,
    EDIT_BLOCK,
    EDIT_CALLBACK,
    LINK_PREFIX,
    MESSAGE_SHORTCUT,
    parse_action,
    plain_from_slack,
    submitted_values,
    updated_message,
)
from adapters.slack.inbox import StillSaving
from adapters.slack.modal import Submitted
from adapters.slack.oauth import (
    INSTALL_PATH,
    installation_store,
    oauth_settings,
    slack_tokens,
    workspace_left,
)
from adapters.slack.sender import interactive_client, slack_sender
from adapters.slack.server import EVENTS_PATH, SlackHttpServer, slack_wsgi
from bot.conversation.coach import APOLOGY, DATABASE_DOWN
from bot.messages import ActionId, Reply
from bot.model import Identity, Platform
from bot.ports.clock import SystemClock
from bot.ports.repository import RepositoryUnavailable

if TYPE_CHECKING:
    from adapters.slack.inbox import CommandInbox

__all__ = [
    "COMMAND", "build_app", "run_slack", "slack_sender", "slack_settings_problem",
]

log = logging.getLogger(__name__)

LISTENER_THREADS = 64
NOT_SAVED = "I couldn't save that just now, so it was not done; please try again in a minute."
STILL_SAVING = "Saving that is taking longer than usual. I'll answer here once it's " \
    "done, so there's no need to send it again."
LOST = "I couldn't save your last `/followup` command after all, so it was not done. " \
    "Please send it again."

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
    # OAuth: installs through /slack/install, and Bolt authorises each request with its
    # workspace's installation; the app's own calls take that workspace's token too.
    store = installation_store(settings, runtime.repo, runtime.clock) \
        if settings.slack_oauth else None
    oauth = oauth_settings(settings, runtime.repo, runtime.clock, store) if store else None
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
        oauth_settings=oauth,
    )
    glue = SlackCoach(runtime, client,
                      tokens=slack_tokens(settings, runtime.repo, runtime.clock, client))

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
        # process that runs the clock answers it (see adapters.slack.inbox). Its key
        # stores a repeat of it once.
        try:
            inbox.put(body, key=command_key(body),
                      if_lost_later=lambda: listeners.submit(_not_saved, body))
        except StillSaving:
            # The write goes on: the command is answered once stored, or the person told
            # it was not; never "try again" and then done anyway.
            log.warning("a slash command is still being stored after %.1f s",
                        inbox.save_timeout)
            ack(text=STILL_SAVING)
            return
        except RepositoryUnavailable:
            # The inbox's writer logs the outage once when it starts and once when it ends.
            log.debug("could not queue a slash command: the database is unavailable")
            ack(text=NOT_SAVED)
            return
        ack()

    @app.event("message")
    def on_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        # Only people writing to the app in its Messages tab; edits, joins and bots are not.
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return

        def answer() -> None:
            identity = glue.identity(body, user=event.get("user"))
            text = plain_from_slack(event.get("text") or "")
            applied = glue.apply_or_say(event_key(body), glue.inbound(identity, text=text))
            if applied.repeat:
                # Slack's retry of an event already answered: that answer stands.
                log.info("a repeated Slack event was not applied again")
                return
            for reply in applied.replies:
                glue.post(identity.workspace, event["channel"], reply)

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
        try:
            done = glue.add_from_form(identity, submitted_values(view),
                                      view.get("private_metadata") or "", key=view_key(body))
        except RepositoryUnavailable:
            done = Submitted(replies=[Reply(text=DATABASE_DOWN)])  # nothing was added
        if done.repeat:  # Slack's retry of a submission already applied: its DM went
            ack()
            return
        if done.errors:
            ack(response_action="errors", errors=done.errors)
            return
        ack()  # closes the modal; the interview is confirmed by DM

        def confirm() -> None:
            for reply in done.replies:
                glue.post(identity.workspace, identity.user, reply)
            glue.publish_home(identity)

        after_ack(body, confirm)

    @app.shortcut(MESSAGE_SHORTCUT)
    def on_follow_up(ack: Callable[..., None], body: dict[str, Any]) -> None:
        # "Follow up on this" on any message: read by the core, never stored; the add
        # form opens filled in (the trigger lapses in 3 s), or a proposal comes by DM.
        ack()

        def read() -> None:
            text = plain_from_slack((body.get("message") or {}).get("text") or "")
            glue.read_into_form(glue.identity(body), body.get("trigger_id"), text)

        after_ack(body, read)

    @app.view(EDIT_CALLBACK)
    def on_edit_submitted(ack: Callable[..., None], body: dict[str, Any],
                          view: dict[str, Any]) -> None:
        ack()  # closes the form; what the line did is said by DM

        def send() -> None:
            identity = glue.identity(body)
            line = submitted_values(view).get(EDIT_BLOCK, "")
            applied = glue.apply_or_say(view_key(body), replace(
                glue.inbound(identity, text=line), command=True))
            if applied.repeat:
                return
            for reply in applied.replies:
                glue.post(identity.workspace, identity.user, reply)
            glue.publish_home(identity)

        after_ack(body, send)

    @app.event("app_uninstalled")
    def on_uninstalled(body: dict[str, Any]) -> None:
        workspace_left(runtime, glue.identity(body).workspace, store)

    @app.event("tokens_revoked")
    def on_tokens_revoked(event: dict[str, Any], body: dict[str, Any]) -> None:
        # Only the bot's token matters: the app keeps no person's token.
        if (event.get("tokens") or {}).get("bot"):
            workspace_left(runtime, glue.identity(body).workspace, store)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        _listener_failed(glue, error, body)

    return app


def _pressed(glue: SlackCoach, body: dict[str, Any], action: dict[str, Any],
             respond: Respond) -> None:
    """What a button of ours does, after its ack: once, however often it is pressed."""
    identity = glue.identity(body)
    pressed = parse_action(action.get("action_id", ""), action.get("value"))
    container = body.get("container") or {}
    from_home = container.get("type") == "view"
    if pressed is None:
        glue.post(identity.workspace, identity.user, Reply(
            text="That button is from an older version of me. "
                 "Type `list` to see where things stand."))
        return
    if pressed.action is ActionId.ADD:
        glue.open_add_modal(identity, body["trigger_id"], None)
        return
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    applied = glue.apply_or_say(press_key(body, action),
                                glue.inbound(identity, action=pressed.action,
                                             value=pressed.value,
                                             channel=shared_channel(channel)))
    if applied.repeat:
        # Pressed again before the first press changed the message: say what it did.
        for reply in applied.replies:
            glue.respond_privately(respond, identity, reply)
        return
    # An Edit press asks for a form: opened with the press's trigger, not posted.
    replies = [r for r in applied.replies
               if not glue.open_form(identity, body.get("trigger_id"), r)]
    _answer_press(glue, identity, body, container, replies, respond)
    if from_home:
        glue.publish_home(identity)


def _not_saved(body: dict[str, Any]) -> None:
    """A command acked as still being saved could not be saved: tell its asker, through
    its response_url, that it was not done."""
    url = body.get("response_url")
    if not url:
        return
    try:
        BoltRespond(response_url=url)(text=LOST, response_type="ephemeral",
                                  replace_original=False)
    except Exception as error:
        log.warning("could not say a slash command was not saved (%s)", type(error).__name__)


def _listener_failed(glue: SlackCoach, error: Exception, body: dict[str, Any]) -> None:
    """A bug in a listener: log it with what kind of request it was, and apologise."""
    log.error("Slack listener failed on a %s request: %r", body.get("type") or
              body.get("command") or "slack", error, exc_info=error)
    user = body.get("user_id") or (body.get("user") or {}).get("id") or \
        (body.get("event") or {}).get("user")
    if user:
        glue.post(glue.identity(body).workspace, user, Reply(text=APOLOGY))


def _answer_press(glue: SlackCoach, identity: Identity, body: dict[str, Any],
                  container: dict[str, Any], replies: list[Reply], respond: Respond) -> None:
    """Show what a press did: the first `replace_original` reply rewrites the pressed
    message (without its old buttons), the rest arrive as new messages beside it.

    On a message everyone in a channel sees, a private reply never rewrites it or joins
    it: it goes to the presser alone, as an ephemeral message."""
    on_message = container.get("type") == "message"
    ephemeral = bool(container.get("is_ephemeral"))
    channel = container.get("channel_id") if on_message else identity.user
    in_public = on_message and not ephemeral and shared_channel(channel) is not None
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
                    glue.client_for(identity.workspace).chat_update(
                        channel=channel or "", ts=container.get("message_ts") or "", **update)
                except SlackClientError as exc:
                    log.warning("chat.update failed (%s); posting instead", error_code(exc))
                    glue.post(identity.workspace, channel or identity.user, reply)
        elif ephemeral:
            glue.respond_privately(respond, identity, reply)
        else:
            glue.post(identity.workspace, channel or identity.user, reply)


# --- running it ------------------------------------------------------------------------
def slack_settings_problem(settings: Settings) -> str | None:
    """One line naming what is missing or malformed, or None when Slack can start."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else ""
    app_token = settings.slack_app_token.get_secret_value() if settings.slack_app_token else ""
    secret = settings.slack_signing_secret.get_secret_value() \
        if settings.slack_signing_secret else ""
    if settings.slack_oauth:
        return _oauth_problem(settings, app_token, secret)
    if settings.slack_client_id or settings.slack_client_secret or settings.slack_scopes:
        return "OAuth needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and " \
               "SLACK_SCOPES (Basic Information > App Credentials; the scopes as in " \
               "manifest.yml, comma-separated)."
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


def _oauth_problem(settings: Settings, app_token: str, secret: str) -> str | None:
    if app_token:
        return "With OAuth (SLACK_CLIENT_ID) the app is served over HTTP, as Slack " \
               "requires of apps installed in many workspaces: unset SLACK_APP_TOKEN."
    if not secret:
        return "SLACK_SIGNING_SECRET is not set; it is on your Slack app's Basic " \
               "Information page."
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
        _fail(f"Slack rejected SLACK_BOT_TOKEN ({error_code(exc)}); check it and that "
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
    # One workspace's token is checked now; with OAuth, each install checks its own.
    who = {} if settings.slack_oauth else _check_token(client) or {}
    runtime = build_runtime(settings, SystemClock())
    tokens = slack_tokens(settings, runtime.repo, runtime.clock, client)
    if who.get("team_id") and runtime.repo.workspace_back(Platform.SLACK, who["team_id"]):
        log.info("the app is installed in workspace %s again; its data stays", who["team"])
    stop = stop or threading.Event()
    inbox, worker = None, None
    if settings.slack_commands == "queue":
        # Commands are stored and acked here; the process that delivers answers them.
        if settings.delivery == "inline":
            worker = InboxWorker(SlackCoach(runtime, client, tokens=tokens)).start()
        inbox = CommandInbox(runtime.repo, runtime.clock,
                             wake=worker.wake if worker else None)
    try:
        with _stopped_by_signals(stop):
            app = build_app(runtime, settings, client, inbox=inbox)
            runtime.start_delivery({Platform.SLACK: slack_sender(settings, tokens)})
            freeze_start_up()
            if settings.slack_oauth:
                log.info("serving Add to Slack at %s for many workspaces", INSTALL_PATH)
            else:
                log.info("connected to Slack workspace %s as %s", who.get("team"),
                         who.get("user"))
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
            _fail(f"Slack rejected SLACK_APP_TOKEN ({error_code(exc)}); it needs the "
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
