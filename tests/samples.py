"""docs/SAMPLES.md and the README's week of coaching, from real output: the terminal
chat on a simulated clock, each sample through every message the user receives.

    python -m tests.samples          # rewrite docs/SAMPLES.md and the README transcript
    python -m tests.samples --check  # exit 1 if either is not what the bot says now

`tests/test_docs.py` runs the check, so a change of wording shows up as a diff of the
pages in review, and they never drift from the bot.
"""

from __future__ import annotations

import io
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from adapters.settings import load_settings
from adapters.terminal.console import TerminalChat, parse_start
from bot.ports.clock import SimulatedClock
from tests.chat import running

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "SAMPLES.md"
README = ROOT / "README.md"
#: The README's run: the printf lines piped into the console, then its output block.
_README_RUN = re.compile(r"```bash\nprintf '%s\\n' (?P<lines>.+?)\s*\\\n\s*\| followup-bot "
                         r"console (?P<args>[^\n]+)\n```\n\n```text\n(?P<out>.*?)```",
                         re.DOTALL)
ZONE = "America/New_York"


@dataclass(frozen=True)
class Sample:
    title: str
    why: str
    now: str
    lines: tuple[str, ...]


SAMPLES = (
    Sample(
        "A casual startup, two interviewers",
        "Warm tone, first names; a topic noted for one interviewer; one note sent at once, "
        "the other after the nudge; two calls, then an offer.",
        "2026-11-23T16:30",
        ("tone warm", "name Sam Lee",
         "add Brightly, product designer, today 2pm with Jane Smith and Bob Lee, "
         "they'll decide by Friday",
         "note 1 Bob: the on-call rota", "sent 1 jane", "wait 1d", "sent 1 bob", "wait 6d",
         "called 1 no answer", "wait 3d", "called 1 answered", "no news yet", "wait 2d",
         "heard 1 offer"),
    ),
    Sample(
        "A traditional bank",
        "A Friday interview: formal notes by title and surname or full name, a `sent` too "
        "early, handwritten cards whose 48 hours end on a Sunday, so they are posted by "
        "Monday; a call to the interviewer whose number is known; a no, answered "
        "graciously.",
        "2026-11-23T09:00",
        ("name Sam Lee",
         "add First National Bank, credit analyst, this Friday 10am with Dr. Maria Garcia "
         "(Head of Credit) and Jane Smith, traditional",
         "fix 1 phone Maria +1 212 555 0142", "wait 4d", "sent 1 all", "wait 3h",
         "sent 1 all", "wait 1d", "press 1", "wait 7d", "called 1 answered",
         "they'll decide by Friday", "wait 6d", "heard 1 rejected"),
    ),
    Sample(
        "A panel of three",
        "Three notes that read differently: one with the topic discussed, two with a marked "
        "gap for one detail; then silence, two calls, moving on, and a reflection.",
        "2026-11-23T09:00",
        ("add Initech, QA lead, today 11am with Priya Shah, Tom Baker and Dr. Ana Ruiz, "
         "they'll decide by Wednesday",
         "note 1 Tom: the release checklist", "wait 6h", "sent 1 all", "wait 4d",
         "called 1 no answer", "wait 4d", "called 1 no answer", "wait 8d", "press 1",
         "I asked good questions", "I'd bring examples of test plans",
         "Ask about the team's release rhythm", "journal"),
    ),
    Sample(
        "A next round",
        "A first round, then a second one a week later, planned from the news; the second "
        "round ends in an offer.",
        "2026-11-23T16:30",
        ("add Globex, data engineer, today 3pm with Sam Carter", "sent 1", "wait 2d",
         "heard 1 next round", "Dec 3 at 2pm with Sam Carter and Lena Ortiz", "wait 8d",
         "sent 2 all", "wait 2d", "heard 2 offer"),
    ),
)


def transcript(sample: Sample) -> str:
    """What the terminal chat prints for `sample`, on a fresh database."""
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(database_url=f"sqlite:///{folder}/samples.db",
                                 timezone=ZONE, quiet_hours="21:00-08:00", public_url=None)
        clock = SimulatedClock(parse_start(sample.now, settings.zone))
        out = io.StringIO()
        with running(settings, clock) as runtime:
            chat = TerminalChat(runtime, out=out, user="sam", out_dir=Path(folder))
            chat.run(sample.lines, echo=True)
        return out.getvalue().rstrip() + "\n"


def page() -> str:
    parts = [
        "# Samples: every message of four interviews\n",
        "Real output of the terminal chat on a simulated clock, regenerated with "
        "`python -m tests.samples` (`tests/test_docs.py` fails when this page and the bot "
        "disagree). `you>` lines are what the user typed; `wait` moves the clock on and "
        "prints each reminder as it falls due. Judge the words here without running "
        "the bot.\n",
    ]
    parts += [f"- [{s.title}](#{_anchor(s.title)})" for s in SAMPLES]
    parts.append("")
    for sample in SAMPLES:
        parts += [f"## {sample.title}\n", sample.why + "\n", "```text",
                  transcript(sample).rstrip(), "```\n"]
    return "\n".join(parts)


def _anchor(title: str) -> str:
    return "".join(c for c in title.lower().replace(" ", "-") if c.isalnum() or c == "-")


def readme() -> str:
    """README.md with its transcript replaced by what the command it shows prints now."""
    text = README.read_text(encoding="utf-8")
    run = _README_RUN.search(text)
    assert run is not None, "the README's printf | followup-bot console run is missing"
    lines = shlex.split(run["lines"].replace("\\\n", " "))
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in __import__("os").environ.items()
               if not k.startswith(("SLACK_", "DISCORD_", "FOLLOWUP_"))}
        env["PYTHONPATH"] = str(ROOT)
        done = subprocess.run(
            [sys.executable, "-m", "adapters.cli", "console", *shlex.split(run["args"]),
             "--db", f"sqlite:///{folder}/readme.db"],
            input="\n".join(lines) + "\n", capture_output=True, text=True, env=env,
            cwd=folder, check=True, timeout=120)
    return text[:run.start("out")] + done.stdout + text[run.end("out"):]


def main(argv: list[str]) -> int:
    fresh = {PAGE: page(), README: readme()}
    stale = [path for path, text in fresh.items() if path.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for path in stale:
            print(f"{path.name} is out of date: run `python -m tests.samples`")
        return 1 if stale else 0
    for path in stale:
        path.write_text(fresh[path], encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
