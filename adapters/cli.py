"""`followup-bot`: the command line that starts the terminal chat, a platform, or the clock."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from adapters.runtime import build_runtime, configure_logging, freeze_start_up
from adapters.settings import Settings, SettingsError, load_settings
from bot.ports.clock import Clock, SimulatedClock, SystemClock
from storage.database import DatabaseUnusable

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    help="A coach for the days after a job interview.",
    # Plain help: option names with a word for their value, no "<bool>" or "<str>" tags.
    rich_markup_mode=None,
)


def _settings(**overrides: object) -> Settings:
    try:
        settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except SettingsError as exc:
        typer.echo(f"followup-bot: {exc}", err=True)
        raise typer.Exit(2) from None
    configure_logging(settings.log_level, settings.log_format)
    return settings


@app.callback()
def main_callback(ctx: typer.Context) -> None:
    """With no command: Slack or Discord if their tokens are set, else the terminal chat."""
    if ctx.invoked_subcommand is not None:
        return
    settings = _settings()
    if settings.has_slack:
        slack()
    elif settings.has_discord:
        discord()
    else:
        console()


@app.command()
def console(
    now: Annotated[str | None, typer.Option(
        metavar="MOMENT",
        help="Start a simulated clock at this ISO-8601 moment, e.g. 2026-11-23T16:30.")] = None,
    tz: Annotated[str | None, typer.Option(
        metavar="ZONE",
        help="Your time zone (IANA name); default FOLLOWUP_TIMEZONE or the machine's. "
             "Changes the zone you chose before, too.")] = None,
    database_url: Annotated[str | None, typer.Option(
        "--db", metavar="URL", help="Database URL; default FOLLOWUP_DATABASE_URL.")] = None,
    out: Annotated[Path | None, typer.Option(
        metavar="PATH", file_okay=False,
        help="Folder for the files `calendar` and `stats` make; default the data "
             "folder, next to the database.")] = None,
) -> None:
    """Chat with the coach in this terminal, no account needed."""
    from adapters.terminal.console import (
        TerminalChat,
        data_folder,
        interactive_lines,
        parse_start,
        piped_lines,
    )

    settings = _settings(timezone=tz, database_url=database_url)
    # The chat is the output here; routine log lines would only interrupt it.
    configure_logging("WARNING", settings.log_format)
    clock: Clock = SystemClock()
    if now:
        try:
            clock = SimulatedClock(parse_start(now, settings.zone))
        except ValueError:
            typer.echo(f"followup-bot: --now {now!r} is not an ISO-8601 time, e.g. "
                       "2026-11-23T16:30", err=True)
            raise typer.Exit(2) from None
    runtime = build_runtime(settings, clock)
    chat = TerminalChat(runtime, out_dir=out or data_folder(settings.database_url), tz_asked=tz)
    try:
        if sys.stdin.isatty():
            chat.run(interactive_lines(chat))
        else:
            chat.run(piped_lines(sys.stdin), echo=True)
    finally:
        runtime.stop()


@app.command()
def slack() -> None:
    """Run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on $PORT)."""
    settings = _settings()
    from adapters.slack.app import run_slack

    run_slack(settings)


@app.command()
def discord() -> None:
    """Run the Discord bot (DISCORD_TOKEN)."""
    settings = _settings()
    from adapters.discord_bot.client import run_discord

    run_discord(settings)


@app.command()
def web() -> None:
    """Serve /healthz and private calendar feeds on $PORT (where no Slack app serves them)."""
    settings = _settings()
    from adapters.slack.server import SlackHttpServer, slack_wsgi

    runtime = build_runtime(settings, SystemClock())
    if settings.mail_domain:  # inbound mail's proposals go out through the platforms
        from adapters.senders import platform_senders

        runtime.senders.update(platform_senders(runtime))
    server = SlackHttpServer(slack_wsgi(None, runtime), "0.0.0.0", settings.port)
    typer.echo(f"followup-bot web: serving /healthz and calendar feeds on port {server.port}.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        runtime.stop()


@app.command()
def mail() -> None:
    """Receive mail for private addresses over SMTP (FOLLOWUP_MAIL_DOMAIN's MX points here)."""
    settings = _settings()
    if not settings.mail_domain:
        typer.echo("followup-bot: set FOLLOWUP_MAIL_DOMAIN, the domain whose mail comes "
                   "here.", err=True)
        raise typer.Exit(2)
    from adapters.mail_server import MailServer
    from adapters.senders import platform_senders
    from adapters.web import mail_intake

    runtime = build_runtime(settings, SystemClock())
    runtime.senders.update(platform_senders(runtime))
    intake = mail_intake(runtime, settings.mail_domain)
    server = MailServer(intake, settings.mail_host, settings.mail_port).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    typer.echo(f"followup-bot mail: SMTP for {settings.mail_domain} on port {server.port}; "
               "Ctrl-C to stop.")
    stop.wait()
    server.stop()
    runtime.stop()


#: The answer process's CPU priority below the others' (`nice`): it is extra capacity, so
#: where it shares cores with the web process and the clock (as the benchmark runs them,
#: on two), their acks and answers go first and it answers with what is left; on a
#: machine of its own this changes nothing. At 200 commands/s for 60 s, alternated with
#: 0 (`python -m bench.answer_latency`; a busy machine, two runs against three): ack p99
#: 52-61 ms against 60-315 ms, answer p99 711-1,827 ms against 1,046-1,205 ms.
ANSWER_NICE = 10


@app.command()
def clock() -> None:
    """Run only the scheduler that delivers due reminders (for a separate clock process)."""
    settings = _settings()
    if not (settings.has_slack or settings.has_discord):
        typer.echo("followup-bot: the clock has nowhere to deliver: set SLACK_BOT_TOKEN "
                   "and/or DISCORD_TOKEN.", err=True)
        raise typer.Exit(2)
    _deliver_and_answer(settings, "clock")


@app.command()
def answer() -> None:
    """Answer the Slack commands web processes stored (FOLLOWUP_SLACK_COMMANDS=queue),
    side by side with the clock: a second answering process, on a core of its own."""
    settings = _settings()
    if not settings.has_slack:
        typer.echo("followup-bot: the answer process answers stored Slack commands: set "
                   "SLACK_BOT_TOKEN (or the OAuth settings).", err=True)
        raise typer.Exit(2)
    os.nice(ANSWER_NICE)
    _deliver_and_answer(settings, "answer")


def _deliver_and_answer(settings: Settings, name: str) -> None:
    """The clock and answer processes: the delivery scheduler and, with Slack, the inbox
    worker. The answer process delivers too, so what its commands make due now (an
    `add`'s thank-you) goes out at once rather than at the clock's next poll; claims keep
    either from sending what the other does. Its purge of old data is left to the clock."""
    from adapters.senders import platform_senders

    runtime = build_runtime(settings, SystemClock())
    senders = platform_senders(runtime)
    runtime.start_delivery(senders, purge=name == "clock")
    worker = None
    if settings.has_slack:
        # Slash commands a web process stored with FOLLOWUP_SLACK_COMMANDS=queue.
        from adapters.slack.answering import SlackCoach
        from adapters.slack.inbox import InboxWorker
        from adapters.slack.oauth import slack_tokens
        from adapters.slack.sender import interactive_client

        client = interactive_client(settings)
        tokens = slack_tokens(settings, runtime.repo, runtime.clock, client)
        worker = InboxWorker(SlackCoach(runtime, client, tokens=tokens)).start()
    freeze_start_up()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    typer.echo(f"followup-bot {name}: delivering reminders"
               + (" and answering queued Slack commands" if worker else "")
               + "; Ctrl-C to stop.")
    stop.wait()
    if worker is not None:
        worker.stop()
    runtime.stop()


def main() -> None:
    try:
        app()
    except DatabaseUnusable as exc:  # one line to act on, not a traceback
        typer.echo(f"followup-bot: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
