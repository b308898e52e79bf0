"""The `followup-bot` command as an operator meets it: defaults, bad settings, subcommands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.database import make_engine, migrate
from tests.log_secrets import check_output
from tests.standins.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], tmp_path: Path, stdin: str = "", **env: str
        ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "DISCORD_", "FOLLOWUP_"))}
    clean.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
                 **env)
    done = subprocess.run([sys.executable, "-m", "adapters.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=clean,
                          cwd=tmp_path, check=False)
    check_output(done.stdout, f"followup-bot {' '.join(args)} stdout")
    check_output(done.stderr, f"followup-bot {' '.join(args)} stderr")
    return done


def test_no_command_and_no_tokens_opens_the_terminal_chat_in_the_user_data_folder(tmp_path):
    done = run([], tmp_path, stdin="help\n", FOLLOWUP_TIMEZONE="Europe/Berlin")
    assert done.returncode == 0, done.stderr
    assert "followup-bot · it's" in done.stdout and "CET" in done.stdout
    assert "Here's what I understand" in done.stdout
    assert list((tmp_path / "data").rglob("followup.db"))


def test_a_bad_setting_stops_start_up_with_one_line_naming_it(tmp_path):
    done = run(["console"], tmp_path, FOLLOWUP_QUIET_HOURS="whenever")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "followup-bot: Setting FOLLOWUP_QUIET_HOURS is invalid: expected HH:MM-HH:MM, for "
        "example 21:00-08:00, got 'whenever'"
    ]


def test_a_bad_now_is_explained(tmp_path):
    done = run(["console", "--now", "next tuesday"], tmp_path)
    assert done.returncode == 2
    assert "is not an ISO-8601 time" in done.stderr


def test_the_clock_without_any_platform_says_where_it_would_deliver(tmp_path):
    done = run(["clock"], tmp_path)
    assert done.returncode == 2
    assert "set SLACK_BOT_TOKEN and/or DISCORD_TOKEN" in done.stderr


def test_the_answer_process_without_slack_says_what_it_answers(tmp_path):
    done = run(["answer"], tmp_path)
    assert done.returncode == 2
    assert "answers stored Slack commands: set SLACK_BOT_TOKEN" in done.stderr


@pytest.mark.parametrize("mail", [{}, {"FOLLOWUP_MAIL_DOMAIN": "mail.test"}],
                         ids=["alone", "with-mail"])
def test_the_web_command_serves_health_on_its_port(tmp_path, mail):
    """With a mail domain it wires the platforms' senders too (it once crashed there)."""
    import time
    import urllib.request

    port = free_port()
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "DISCORD_", "FOLLOWUP_"))}
    clean.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), PORT=str(port),
                 FOLLOWUP_DATABASE_URL=f"sqlite:///{tmp_path / 'web.db'}", **mail)
    process = subprocess.Popen([sys.executable, "-m", "adapters.cli", "web"], env=clean,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz",
                                            timeout=2) as answer:
                    assert answer.status == 200 and b'"database": "ok"' in answer.read()
                    break
            except OSError:
                assert process.poll() is None, "the web process exited"
                assert time.monotonic() < deadline, "the web process did not come up"
                time.sleep(0.2)
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
        check_output(out, "followup-bot web stdout")
        check_output(err, "followup-bot web stderr")


def _migrated_file(path: Path, then: str) -> None:
    """A SQLite file at the newest revision, with one statement run on it afterwards."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(text(then))
    engine.dispose()


def _the_one_line(done: subprocess.CompletedProcess[str]) -> str:
    """Start-up refused: exit 2 and a single line on stderr, never a traceback."""
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    return line


def test_a_database_whose_schema_does_not_match_its_revision_is_named_not_traced(tmp_path):
    """A file an unreleased build migrated records the newest revision but lacks a column:
    start-up says which and what to do, and the file is left as it was."""
    path = tmp_path / "old.db"
    _migrated_file(path, "ALTER TABLE checkpoints DROP COLUMN claimed_at")
    before = path.read_bytes()

    line = _the_one_line(run(["console", "--db", f"sqlite:///{path}"], tmp_path,
                             stdin="list\n"))

    assert line.startswith(f"followup-bot: the database at sqlite:///{path} records the newest")
    assert "lacks checkpoints.claimed_at" in line and "move it aside" in line
    assert path.read_bytes() == before


def test_an_unreachable_database_is_one_line_without_its_password(tmp_path):
    port = free_port()  # nothing listens there now

    line = _the_one_line(run(
        ["console"], tmp_path, stdin="list\n",
        FOLLOWUP_DATABASE_URL=f"postgresql://bot:s3cret-pw@127.0.0.1:{port}/followup"))

    assert "s3cret-pw" not in line
    assert line.startswith(
        f"followup-bot: cannot open the database at postgresql+psycopg://bot:***@127.0.0.1:{port}")


def test_a_database_from_a_newer_version_says_so(tmp_path):
    path = tmp_path / "newer.db"
    _migrated_file(path, "UPDATE alembic_version SET version_num = '0099_future'")

    line = _the_one_line(run(["console", "--db", f"sqlite:///{path}"], tmp_path,
                             stdin="list\n"))

    assert "was migrated by a different version of followup-bot" in line
    assert "0099_future" in line
