"""The terminal chat: talk to the coach as the local user, with a clock you can fast-forward.

Interactive on a TTY (prompt_toolkit, reminders printed above the prompt); line by line
from piped stdin otherwise, exiting at end of input, so scripts and tests drive it.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.text import Text

from bot.content.formatting import when
from bot.delivery.deliverer import Delivered, local_stamp
from bot.mail.intake import MAX_BYTES, MailIntake, Received
from bot.messages import Action, Attachment, Inbound, Reply
from bot.model import ChannelRef, Identity, Platform
from bot.parsing import parse_duration
from bot.ports.clock import SimulatedClock
from bot.text import clean_input

if TYPE_CHECKING:
    from adapters.runtime import Runtime

MAX_WAIT = timedelta(days=366)
TERMINAL_CHANNEL = "terminal"
PROMPT = "you> "


def render(reply: Reply, first_action: int = 1) -> str:
    """A reply as terminal text; buttons are numbered for the `press` command."""
    lines: list[str] = []
    if reply.title:
        lines.append(f"** {reply.title} **")
    lines.extend(f"{f.label}: {f.value}" for f in reply.fields)
    if reply.text:
        lines.append(reply.text)
    for draft in reply.drafts:
        lines.append(f"----- {draft.title} -----")
        lines.append(draft.body)
        if draft.mailto:
            lines.append(f"(open in your mail app: {draft.mailto})")
        lines.append("-" * (12 + len(draft.title)))
    if reply.actions:
        buttons = "  ".join(f"[{n}] {a.label}"
                            for n, a in enumerate(reply.actions, start=first_action))
        lines.append(f"{buttons}   (type `press <number>`)")
    return "\n".join(lines)


class TerminalSender:
    """Delivers reminders and club posts by handing them to the chat to print."""

    def __init__(self, deliver: Callable[[Identity, Reply], None],
                 post: Callable[[ChannelRef, Reply], None]) -> None:
        self._deliver = deliver
        self._post = post

    def send(self, to: Identity, reply: Reply) -> None:
        self._deliver(to, reply)

    def post(self, where: ChannelRef, reply: Reply) -> None:
        self._post(where, reply)


class TerminalChat:
    """One local user's chat. `feed` takes a line and returns the text to print."""

    def __init__(self, runtime: Runtime, out: TextIO | None = None, user: str | None = None, *,
                 out_dir: Path | None = None, tz_asked: str | None = None) -> None:
        self.runtime = runtime
        self.out_dir = out_dir or data_folder(runtime.settings.database_url)
        self.tz_asked = tz_asked  # `--tz` as given: applied even to a zone chosen before
        self.coach = runtime.coach
        self.clock = runtime.clock
        self.identity = Identity(Platform.CONSOLE, "local", user or _local_user())
        # file=None lets rich follow sys.stdout, which prompt_toolkit swaps while prompting.
        self.console = Console(file=out, soft_wrap=True, highlight=False,
                               emoji=False)
        self._buttons: list[Action] = []
        runtime.on_delivered = self._delivered
        self.deliverer = runtime.start_delivery(
            {Platform.CONSOLE: TerminalSender(lambda _to, _reply: None, self._posted)},
            background=not self.simulated,
        )
        if self.simulated:
            self.deliverer.recover()

    @property
    def simulated(self) -> bool:
        return isinstance(self.clock, SimulatedClock)

    # --- output -----------------------------------------------------------------------
    def _print(self, text: str) -> None:
        self.console.print(Text(text))

    def _show(self, reply: Reply) -> None:
        first = len(self._buttons) + 1
        self._buttons.extend(reply.actions)
        self._print(render(reply, first))
        for attachment in reply.files:
            self._print(f"(saved to {self._save(attachment)})")

    def _save(self, attachment: Attachment) -> Path:
        """Write a file the bot handed over into the data folder (or `--out`), never
        overwriting: not the working directory, which may be a git checkout."""
        name = Path(attachment.filename).name or "followup-file"
        self.out_dir.mkdir(parents=True, exist_ok=True)
        target = self.out_dir / name
        stem, suffix = target.stem, target.suffix
        for n in range(1, 1000):
            if not target.exists():
                break
            target = target.with_name(f"{stem}-{n}{suffix}")
        target.write_bytes(attachment.content)
        return target

    def _delivered(self, delivered: Delivered) -> None:
        self._print(f"\n── {local_stamp(delivered)} · reminder ──")
        self._show(delivered.reply)

    def _posted(self, where: ChannelRef, reply: Reply) -> None:
        # The terminal is its own club channel: `club start` here makes a club of one.
        self._print(f"\n── {when(self.clock.now(), self._zone())} · club channel ──")
        self._print(render(reply))

    # --- input ------------------------------------------------------------------------
    def greet(self) -> None:
        tz = self._zone()
        mode = "simulated" if self.simulated else "real"
        self._print(f"followup-bot · it's {when(self.clock.now(), tz)} ({mode} time). "
                    "Type `help`, or `quit` to leave.")
        if self.simulated:
            self._print("`wait 2h`, `wait 3d` or `wait 1w` moves the clock on and shows "
                        "what I'd send you meanwhile.")
        self._apply_tz()
        self._deliver_now()

    def _apply_tz(self) -> None:
        """`--tz` names a zone other than the one kept from before: change it the way
        `tz <zone>` does (the plan moves with it), and say so."""
        asked = self.tz_asked
        if not asked or self._zone().key == asked:
            return
        before = self._zone().key
        for reply in self.coach.handle(Inbound(identity=self.identity, text=f"tz {asked}",
                                               command=True)):
            self._print(f"(--tz {asked}: you had {before} from before.)")
            self._show(reply)

    def feed(self, line: str) -> bool:
        """Handle one typed line; False when the user asked to leave."""
        text, _ = clean_input(line)
        word, _, rest = text.partition(" ")
        word = word.lower()
        if word in {"quit", "exit", "bye"} and not rest:
            self._print("Good luck! Your reminders are saved for next time.")
            return False
        # `wait 2h` moves the clock; "wait no, it's Tom Barker" is a correction for the coach
        if word == "wait" and (len(rest.split()) <= 1 or parse_duration(rest) is not None):
            self._wait(rest)
            return True
        if word == "now" and not rest:
            self._print(f"It's {when(self.clock.now(), self._zone())}.")
            return True
        if word == "press":
            self._press(rest)
            return True
        if word == "mail":
            self._mail(rest)
            return True
        self._buttons = []
        for reply in self.coach.handle(Inbound(identity=self.identity, text=text,
                                               platform_tz=self.runtime.settings.timezone,
                                               channel=TERMINAL_CHANNEL,
                                               can_manage_channel=True)):
            self._show(reply)
        self._deliver_now()
        return True

    def _press(self, rest: str) -> None:
        if not rest.strip().isdigit() or not 1 <= int(rest) <= len(self._buttons):
            shown = len(self._buttons)
            self._print("There's no such button. " + (
                f"Pick 1 to {shown}." if shown else "No buttons are showing right now."))
            return
        action = self._buttons[int(rest) - 1]
        self._buttons = []
        self._print(f"(pressed: {action.label})")
        for reply in self.coach.handle(Inbound(identity=self.identity, action=action.id,
                                               value=action.value)):
            self._show(reply)
        self._deliver_now()

    def _mail(self, rest: str) -> None:
        """`mail FILE.eml`: a saved message through the same intake as mail to the
        person's private address, so the feature can be tried without a mail server."""
        named = rest.strip().strip("\"'")
        if not named:
            self._print("Which message? Save an email as a file (in most mail apps: "
                        "Download or Save as .eml), then `mail path/to/message.eml`.")
            return
        path = Path(named).expanduser()
        try:
            if path.stat().st_size > MAX_BYTES:
                self._print(f"{path.name} is over 1 MB, larger than any mail I take; "
                            "save just the message, without attachments.")
                return
            raw = path.read_bytes()
        except FileNotFoundError:
            self._print(f"I can't find {named}. Give the path of a saved message, e.g. "
                        "`mail ~/Downloads/reply.eml`.")
            return
        except OSError as error:  # a folder, no permission, a device
            self._print(f"I couldn't read {named} ({error.strerror or 'not a file'}); "
                        "give the path of a saved message (.eml).")
            return
        person = self.runtime.repo.person_for(self.identity, self.runtime.settings.timezone,
                                              self.runtime.settings.quiet)
        intake = MailIntake(self.coach, {}, self.runtime.settings.mail_domain or "")
        received, replies = intake.take(person, raw)
        if received is Received.UNREADABLE:
            self._print(f"{path.name} doesn't look like an email. Save the message itself "
                        "(.eml: headers and body), not a text copy of it.")
            return
        if received is Received.LOOP:
            self._print("That's an automatic message (an auto-reply, a bounce or list "
                        "mail): I never answer or act on those.")
            return
        self._buttons = []
        for reply in replies:
            self._show(reply)
        self._deliver_now()

    def _wait(self, rest: str) -> None:
        if not self.simulated:
            self._print("`wait` needs simulated time: start with `followup-bot console "
                        "--now 2026-11-23T09:00`.")
            return
        span = parse_duration(rest)
        if span is None or span > MAX_WAIT:
            self._print("How long? For example `wait 2h`, `wait 3d` or `wait 1w` "
                        "(up to a year).")
            return
        target = self.clock.now() + span
        self.deliverer.advance_to(target)
        self._print(f"\n(It's now {when(target, self._zone())}.)")

    def _deliver_now(self) -> None:
        if self.simulated:
            self.deliverer.deliver_due()

    def _zone(self) -> ZoneInfo:
        person = self.runtime.repo.person_for(self.identity, self.runtime.settings.timezone,
                                              self.runtime.settings.quiet)
        return ZoneInfo(person.tz)

    def run(self, lines: Iterable[str], *, echo: bool = False) -> None:
        """Chat until the lines run out; `echo` repeats piped input so output reads as a log."""
        self.greet()
        for line in lines:
            if echo:
                self._print(f"\n{PROMPT}{line}")
            if not self.feed(line):
                break


def data_folder(database_url: str) -> Path:
    """Where the chat keeps files: beside a SQLite database, else the user's data folder."""
    prefix = "sqlite:///"
    if database_url.startswith(prefix) and database_url[len(prefix):] not in ("", ":memory:"):
        return Path(database_url[len(prefix):]).expanduser().resolve().parent
    from platformdirs import user_data_dir

    return Path(user_data_dir("followup-bot", appauthor=False))


def _local_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "local"


def interactive_lines(chat: TerminalChat) -> Iterable[str]:
    """Prompt on a TTY with history; reminders print above the prompt as they arrive."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.patch_stdout import patch_stdout

    session: PromptSession[str] = PromptSession()
    with patch_stdout(raw=True):
        while True:
            try:
                yield session.prompt(PROMPT)
            except (EOFError, KeyboardInterrupt):
                return


def piped_lines(stream: TextIO) -> Iterable[str]:
    for line in stream:
        yield line.rstrip("\n")


def parse_start(text: str, tz: ZoneInfo) -> datetime:
    """`--now` as ISO-8601; a naive value is read in the user's zone."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment
