"""Scoring what the coach proposes for employers' mail, forwarded by the person.

Each message of `corpus/employer_mail.jsonl` is forwarded to the person's private
address, on a fresh copy of one situation (two interviews tracked), through the real
intake (`MailIntake.receive`, as both the SMTP server and the webhook call it). What
the coach proposed is read back from the question it stored (its buttons' commands),
and scored against the label:

- *proposed correctly*: the one change it offers is the labelled one, for the right
  interview;
- *asked*: it asked which of several readings (a question, not a proposal to apply
  one), or told the person it found no news;
  for a message labelled `none` or `ask` that is the right result;
- *proposed wrongly*: it offers a change the label does not want (any change, for
  an auto-reply or a newsletter).

Nothing is ever applied by mail alone, but a wrong proposal is a wrong reading: the
bar is none. `python -m tests.bot.mail.employer_corpus` prints the table.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from adapters.runtime import Runtime, build_runtime
from adapters.settings import load_settings
from bot.commands import InterviewNumber, InterviewRecord, RecordPromise, ReportOutcome
from bot.conversation.command_codec import decode_command
from bot.mail.intake import MailIntake
from bot.messages import Inbound, Reply
from bot.model import Identity, Outcome, Platform, PromiseKind
from bot.ports.clock import SimulatedClock

CORPUS = Path(__file__).resolve().parent / "corpus"
#: Each file, and the part its lines belong to unless a line says otherwise.
FILES = {"employer_mail.jsonl": "tuning", "employer_mail2.jsonl": "tuning2",
         "employer_mail3.jsonl": "tuning3", "employer_mail4.jsonl": "tuning4",
         "employer_mail5.jsonl": "tuning5",
         "employer_mail6.jsonl": "heldout2"}
NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK)
ARRIVES = datetime(2026, 11, 24, 9, 0, tzinfo=NEW_YORK)
DOMAIN = "in.followup.test"
ME = Identity(Platform.CONSOLE, "local", "mail-corpus")
PERSON = "Alex Rivera <alex.rivera@gmail.com>"
SETUP = ("tz America/New_York",
         "add Acme, data analyst, today 2pm with Jane Smith (jane.smith@acme.com)",
         "add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel, "
         "they'll decide by 2026-11-27")
APPLY = "Apply"  # the button of a proposal: one change, offered to apply
OUTCOMES = {Outcome.OFFER: "offer", Outcome.REJECTED: "rejected",
            Outcome.NEXT_ROUND: "next_round"}


@dataclass(frozen=True)
class Message:
    id: str
    part: str
    category: str
    sender: str
    subject: str
    body: str
    interview: int | None
    expect: dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    message: Message
    result: str  # "correct" | "asked" | "wrong"
    proposed: str = ""


class _Told:
    """The person's platform: what the coach told them, kept for the verdict."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []

    def send(self, to: Identity, reply: Reply) -> None:
        self.replies.append(reply)


def load() -> list[Message]:
    found = []
    for name, default in FILES.items():
        for raw in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if raw.strip():
                d = json.loads(raw)
                part = d.get("part", default)
                found.append(Message(d["id"], default if part == "tuning" else part,
                                     d["category"], d["from"], d["subject"], d["body"],
                                     d["interview"], d["expect"]))
    return found


def forwarded(to: str, message: Message) -> bytes:
    """The message as a person's mail program forwards it."""
    mail = EmailMessage()
    mail["From"] = PERSON
    mail["To"] = to
    mail["Subject"] = f"Fwd: {message.subject}"
    mail.set_content("\n\n---------- Forwarded message ---------\n"
                     f"From: {message.sender}\nDate: Tue, Nov 24, 2026 at 8:41 AM\n"
                     f"Subject: {message.subject}\nTo: {PERSON}\n\n{message.body}\n")
    return mail.as_bytes()


def _runtime(path: Path, clock: SimulatedClock) -> Runtime:
    settings = load_settings(database_url=f"sqlite:///{path}", timezone="America/New_York",
                             quiet_hours="21:00-08:00", mail_domain=DOMAIN)
    return build_runtime(settings, clock)


def _say(runtime: Runtime, text: str) -> list[Reply]:
    return runtime.coach.handle(Inbound(identity=ME, text=text,
                                        platform_tz="America/New_York"))


def _situation(path: Path) -> str:
    """Two interviews tracked, and the person's private address."""
    runtime = _runtime(path, SimulatedClock(START))
    try:
        for line in SETUP:
            _say(runtime, line)
        shown = "\n".join(r.plain for r in _say(runtime, "email"))
    finally:
        runtime.stop()
    address = next(word.strip("`*.,()<>") for word in shown.split() if f"@{DOMAIN}" in word)
    return address


def proposal(runtime: Runtime) -> list[tuple[str, Any]] | None:
    """The stored question's buttons: label and the command each would run (None:
    nothing asked)."""
    person = runtime.repo.find_person(ME)
    assert person is not None
    flow = runtime.repo.get_conversation(person.id)
    if not flow or flow.get("flow") != "choice":
        return None
    return [(str(c["label"]), None if c.get("command") is None
             else decode_command(c["command"])) for c in flow.get("choices", [])]


def _number(runtime: Runtime, ref: Any) -> int | None:
    if isinstance(ref, InterviewNumber):
        return ref.number
    if isinstance(ref, InterviewRecord):
        person = runtime.repo.find_person(ME)
        assert person is not None
        for interview in runtime.repo.list_interviews(person.id):
            if interview.id == ref.record_id:
                return interview.number
    return None


def _reads_as(runtime: Runtime, command: Any) -> dict[str, Any]:
    """A proposed command, in the label's terms."""
    number = _number(runtime, getattr(command, "interview", None))
    if isinstance(command, ReportOutcome) and command.outcome in OUTCOMES:
        return {"proposal": OUTCOMES[command.outcome], "interview": number}
    if isinstance(command, RecordPromise) and command.promise is not None \
            and command.promise.kind is PromiseKind.THEY_DECIDE_BY:
        return {"proposal": "decide_by", "on": command.promise.on.isoformat(),
                "interview": number}
    return {"proposal": type(command).__name__, "interview": number}


def judge(message: Message, runtime: Runtime) -> Verdict:
    choices = proposal(runtime)
    wanted = message.expect["proposal"]
    if choices is None:
        return Verdict(message, "correct" if wanted in ("none", "ask") else "asked")
    acting = [c for _, c in choices if c is not None]
    readings = [_reads_as(runtime, c) for c in acting]
    said = "; ".join(json.dumps(r) for r in readings)
    if [label for label, _ in choices][:1] != [APPLY] or len(acting) != 1:
        # A question between readings, not a proposal to apply one.
        return Verdict(message, "correct" if wanted == "ask" else "asked", said)
    got = readings[0]
    if wanted in ("none", "ask") or got["proposal"] != wanted \
            or got["interview"] != message.interview:
        return Verdict(message, "wrong", said)
    if wanted == "decide_by" and got.get("on") != message.expect.get("on"):
        return Verdict(message, "wrong", said)
    return Verdict(message, "correct", said)


def run(messages: list[Message]) -> list[Verdict]:
    verdicts = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.db"
        address = _situation(base)
        for n, message in enumerate(messages):
            path = Path(folder) / f"m{n}.db"
            shutil.copyfile(base, path)
            runtime = _runtime(path, SimulatedClock(ARRIVES))
            try:
                intake = MailIntake(runtime.coach, {ME.platform: _Told()}, DOMAIN)
                intake.receive(address, forwarded(address, message), "alex.rivera@gmail.com")
                verdicts.append(judge(message, runtime))
            finally:
                runtime.stop()
            path.unlink()
    return verdicts


def table(verdicts: list[Verdict]) -> str:
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for v in verdicts:
        counts[(v.message.part, v.message.category)][v.result] += 1
        counts[(v.message.part, "all")][v.result] += 1
    rows = ["| part | category | messages | proposed correctly | asked or told | "
            "proposed wrongly |", "|---|---|---|---|---|---|"]
    for (part, category), c in sorted(counts.items(), key=lambda kv: (kv[0][0],
                                                                     kv[0][1] == "all",
                                                                     kv[0][1])):
        bold = "**" if category == "all" else ""
        rows.append(f"| {bold}{part}{bold} | {bold}{category}{bold} | {sum(c.values())} | "
                    f"{c['correct']} | {c['asked']} | {c['wrong']} |")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    parts = set(argv) or {"tuning", "tuning2", "tuning3", "tuning4", "tuning5", "heldout",
                          "heldout2"}
    verdicts = run([m for m in load() if m.part in parts])
    print(table(verdicts))
    print("wrong:", " ".join(v.message.id for v in verdicts if v.result == "wrong"))


if __name__ == "__main__":
    main(sys.argv[1:])
