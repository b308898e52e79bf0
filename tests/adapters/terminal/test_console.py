"""The terminal chat, driven as a newcomer would: the real command, piped input."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from adapters.terminal.console import TerminalChat
from tests.log_secrets import check_output

ROOT = Path(__file__).resolve().parents[3]


def run_console(tmp_path: Path, *lines: str, now: str = "2026-11-23T16:30",
                tz: str = "America/New_York", db: Path | None = None,
                more: tuple[str, ...] = ()) -> str:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DISCORD_", "FOLLOWUP_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "console", "--now", now,
         "--tz", tz, "--db", f"sqlite:///{db or tmp_path / 'chat.db'}", *more],
        input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=120,
        env=env, cwd=tmp_path, check=False,
    )
    check_output(done.stderr, "followup-bot console stderr")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    return done.stdout


def reminders(output: str) -> list[tuple[str, str]]:
    """(local stamp, title) of every reminder the chat printed, in order."""
    found = re.findall(r"── (\w{3} \d{4}-\d\d-\d\d \d\d:\d\d \w+) · reminder ──\n\*\* (.+?) \*\*",
                       output)
    return [(stamp, title) for stamp, title in found]


def test_the_readme_week_of_coaching_from_a_pipe(tmp_path):
    output = run_console(
        tmp_path,
        "add Acme, data analyst, today 2pm with Jane Smith, they'll decide by Friday",
        "plan 1",
        "wait 8d",
        "called 1 no answer",
        "wait 3d",
        "called 1 no answer",
        "wait 8d",
        "called 1 no answer",
    )
    assert "Mon 2026-11-23 16:30 EST  Thank-you note to Jane Smith" in output
    assert reminders(output) == [
        ("Mon 2026-11-23 16:30 EST", "Send your thank-you note to Jane Smith today"),
        ("Tue 2026-11-24 09:00 EST", "Did your note to Jane Smith go out?"),
        ("Mon 2026-11-30 10:00 EST", "Time to call about data analyst at Acme"),
        ("Thu 2026-12-03 10:00 EST", "Second and last call about data analyst at Acme"),
        ("Fri 2026-12-11 10:00 EST", "Time to move on from data analyst at Acme"),
        ("Fri 2026-12-11 11:00 EST", "A few minutes to look back on data analyst at Acme"),
    ]
    assert "already closed" in output.split("called 1 no answer")[-1]


def test_two_interviewers_get_two_notes_and_buttons_can_be_pressed(tmp_path):
    output = run_console(
        tmp_path,
        "add Acme, data analyst, today 2pm with Jane Smith and Bob Lee, they'll decide by Friday",
        "press 2",
        "press 99",
        "wait 1d",
    )
    stamps = reminders(output)
    assert stamps[:2] == [
        ("Mon 2026-11-23 16:30 EST", "Send your thank-you note to Jane Smith today"),
        ("Mon 2026-11-23 16:30 EST", "Send your thank-you note to Bob Lee today"),
    ]
    assert "(pressed: Sent)" in output and "Thank-you note to Jane Smith sent" in output
    assert "There's no such button" in output
    # Jane's note is marked sent, so only Bob gets the morning nudge.
    assert stamps[2:] == [("Tue 2026-11-24 09:00 EST", "Did your note to Bob Lee go out?")]


def test_a_restart_delivers_what_came_due_while_it_was_closed(tmp_path):
    run_console(tmp_path, "add Acme, analyst, today 2pm with Jane Smith, call me on Wednesday",
                "sent 1")
    # Down over Wednesday's call day and Thanksgiving; back on Friday morning.
    output = run_console(tmp_path, "list", now="2026-11-27T09:30")
    assert reminders(output) == [
        ("Fri 2026-11-27 09:30 EST", "Time to call about analyst at Acme"),
    ]
    assert "Late: this was due Wed 2026-11-25 10:00 EST" in output


def test_wait_needs_a_duration_and_bad_lines_get_answers(tmp_path):
    output = run_console(tmp_path, "wait forever", "wait 500w", "hello there", "quit",
                         "list")
    assert output.count("How long?") == 2
    assert "Good luck!" in output
    assert "you> list" not in output  # stopped reading at quit


def test_wait_said_as_a_word_goes_to_the_coach(tmp_path):
    output = run_console(tmp_path, "add Acme, analyst, today 2pm with Jane Smith",
                         "wait no, it's Jane Smyth not Smith", "wait 2 hours", "quit")
    assert "#1: Jane Smith is now Jane Smyth." in output
    assert "How long?" not in output
    assert "(It's now Mon 2026-11-23 18:30 EST.)" in output


def test_the_chat_object_prints_replies_and_reminders(runtime):
    out = io.StringIO()
    chat = TerminalChat(runtime, out=out, user="tester")
    chat.run(["add Initech - QA lead - interviewed yesterday at 10am with Dr. Maria Garcia "
              "(maria@initech.com); said call her in 4 days; traditional", "plan 1"])
    text = out.getvalue()
    assert "Added #1: QA lead at Initech" in text
    assert "Dear Dr. Garcia," in text
    assert "mailto:maria@initech.com" in text
    assert "Handwritten card" in text
    assert "Fri 2026-11-27 10:00 EST  First follow-up call" in text  # after Thanksgiving


def test_the_terminal_is_its_own_club_channel(tmp_path):
    output = run_console(tmp_path, "club start Bootcamp club", "add Acme, analyst, today 2pm "
                         "with Jane Smith", "sent 1", "heard 1 offer", "wait 8d")
    channel_posts = output.split("· club channel ──")[1:]
    assert len(channel_posts) == 3  # the club opens, the offer, the Monday digest
    assert "Bootcamp club · the week to Mon 30 Nov" in channel_posts[-1]
    for post in channel_posts:
        post = post.split("\n── ")[0].split("\nyou> ")[0]
        assert "Acme" not in post and "Jane" not in post  # progress only, by default


def test_calendar_and_stats_files_go_to_the_data_folder_or_out_and_say_where(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    output = run_console(tmp_path, "add Acme, analyst, today 2pm with Jane Smith",
                         "calendar", "stats", db=data / "chat.db")
    assert f"(saved to {data / 'followup-plan.ics'})" in output
    assert f"(saved to {data / 'followup-stats.png'})" in output
    assert not list(tmp_path.glob("followup-*"))  # nothing in the working directory

    out = tmp_path / "exports"
    output = run_console(tmp_path, "calendar", db=data / "chat.db", more=("--out", str(out)))
    assert f"(saved to {out / 'followup-plan.ics'})" in output
    assert (out / "followup-plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_tz_changes_a_zone_chosen_before_and_says_so(tmp_path):
    run_console(tmp_path, "add Acme, analyst, tomorrow 2pm with Jane Smith")
    output = run_console(tmp_path, "plan 1", tz="Europe/London")
    assert "(--tz Europe/London: you had America/New_York from before.)" in output
    assert "Europe/London" in output.split("you> plan 1")[0]
    assert "GMT" in output.split("you> plan 1")[1]
    again = run_console(tmp_path, "list", tz="Europe/London")
    assert "--tz" not in again  # already the zone: nothing to say


def test_help_lists_options_with_their_values_not_types(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    env["PYTHONPATH"] = str(ROOT)
    for args in ([], ["console"]):
        done = subprocess.run([sys.executable, "-m", "adapters.cli", *args, "--help"],
                              capture_output=True, text=True, env=env, check=True)
        assert "<bool>" not in done.stdout and "<str>" not in done.stdout
        assert "--help" in done.stdout
    assert "--tz ZONE" in done.stdout and "--out PATH" in done.stdout


def test_an_unknown_command_is_echoed_as_typed(tmp_path):
    output = run_console(tmp_path, "<!channel> frobnicate")
    assert "I don't know the command “<!channel>”." in output
    assert "\\u" not in output


def _forwarded_rejection() -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Alex Doe <alex@example.com>"
    message["To"] = "me@example.com"
    message["Subject"] = "Fwd: Your application"
    message.set_content("FYI\n\n---------- Forwarded message ---------\n"
                        "From: Jane Smith <jane.smith@acme.com>\nSubject: Your application\n\n"
                        "Hi Alex,\n\nUnfortunately, we have decided to move forward with "
                        "other candidates.\n\nKind regards,\nJane\n")
    return message.as_bytes()


def test_mail_feeds_a_saved_message_through_the_mail_intake(tmp_path):
    """`mail FILE.eml` proposes what a saved reply says; nothing changes until pressed,
    and a missing, unreadable or not-mail file gets a friendly line."""
    (tmp_path / "reply.eml").write_bytes(_forwarded_rejection())
    (tmp_path / "notes.txt").write_text("just some words, no headers at all\n")
    (tmp_path / "folder.eml").mkdir()
    output = run_console(
        tmp_path,
        "add Acme, data analyst, today 2pm with Jane Smith, they'll decide by Friday",
        "mail", "mail missing.eml", "mail folder.eml", "mail notes.txt",
        "mail reply.eml", "list", "press 2", "list",
    )
    assert "Which message?" in output
    assert "I can't find missing.eml" in output
    assert "I couldn't read folder.eml" in output
    assert "notes.txt doesn't look like an email" in output
    assert "You forwarded a reply from Acme (#1). I read: A no from Acme (#1)." in output
    asked, answered = output.split("(pressed: Apply)")
    assert "[2] Apply  [3] Not this" in asked
    assert "#1 data analyst at Acme — Mon 2026-11-23 14:00 EST with Jane Smith\n" in asked
    assert "#1 data analyst at Acme — Mon 2026-11-23 14:00 EST with Jane Smith — rejected" \
        in answered
