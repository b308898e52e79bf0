"""The terminal chat told things in words, as a newcomer would write them: the real
command, piped input, the simulated clock and the real delivery path."""

from __future__ import annotations

from pathlib import Path

from tests.adapters.terminal.test_console import reminders, run_console


def test_a_week_told_in_sentences(tmp_path: Path) -> None:
    output = run_console(
        tmp_path,
        "Just finished my interview with Initech for the QA role, Dana Wu and Raj Patel, "
        "they'll let me know next week",
        "sent dana a thank you email",
        "Raj's surname is Patil, not Patel",
        "why monday?",
        "wait 7d",
        "rang initech, spoke to Dana",
        "they want me back for a panel on the 15th",
        "Dec 15 at 10am",
        "same",
    )
    assert "I read that as: a new interview: QA at Initech, today at 15:30, with Dana Wu " \
        "and Raj Patel; they'll let me know next week." in output
    assert "Marked your thank-you to Dana Wu as sent" in output
    assert "I read that as: Correcting #1 Initech." in output
    assert "Raj Patil" in output
    # The note reminder goes to Raj alone (Dana's was sent); the call follows the promise.
    assert reminders(output)[:2] == [
        ("Mon 2026-11-23 17:30 EST", "Send your thank-you note to Raj Patil today"),
        ("Tue 2026-11-24 09:00 EST", "Did your note to Raj Patil go out?")]
    assert "Thank-you note to Raj Patil — Mon 2026-11-23 17:30 EST" in output  # why monday?
    assert "I read that as: You called Initech (#1) and someone picked up." in output
    assert "A next round at Initech" in output
    assert "Added #2" in output and "Tue 2026-12-15 10:00 EST" in output


def test_an_unsure_line_is_asked_and_a_pressed_choice_acts(tmp_path: Path) -> None:
    output = run_console(
        tmp_path,
        "add Acme, data analyst, today 2pm with Jane Smith",
        "add Initech, QA engineer, 2026-11-20 10am with Dana Wu",
        "they said no",
        "press 2",
        "promised 1 decide by 12/4",
        "press 1",
        "list",
    )
    assert "Which interview is that about?" in output
    assert "That date reads two ways. Which did you mean?" in output
    assert "Noted: they'll decide by Fri 2026-12-04" in output
    assert "QA engineer at Initech" in output and "rejected" in output.lower()


def test_a_change_said_in_words_runs_while_a_question_waits_and_the_question_returns(
        tmp_path: Path) -> None:
    output = run_console(
        tmp_path,
        "add Acme, data analyst, today 2pm with Jane Smith",
        "add Initech, QA engineer, 2026-11-20 10am with Dana Wu",
        "add",
        "Globex",
        "can you stop the acme reminders",
        "btw also add: Monsters Inc, scare assistant, today 9am, Mike Wazowski",
        "actually scrap initech, that was a mistaken entry",
        "Design lead (contract)",
        "tomorrow 11am",
        "Tom Baker",
        "no",
        "skip",
        "list",
    )
    said = output.split("you> ")
    stop, also, scrap = said[5], said[6], said[7]
    assert "I read that as: No more reminders for Acme (#1)." in stop
    assert stop.rstrip().endswith("`cancel` stops.)") and "What's the role?" in stop
    assert "Added #3: scare assistant at Monsters Inc" in also
    assert "What's the role?" in also  # the Globex question, asked again
    # Deleted at once (with an Undo), and the Globex question asked again after it.
    assert "Deleted #2 (QA engineer at Initech)" in scrap and "] Undo" in scrap
    assert scrap.rstrip().endswith("`cancel` stops.)") and "What's the role?" in scrap
    # The half-typed Globex interview survived both; the contract is not in its title.
    assert "Added #4: Design lead at Globex" in output
    assert "Initech" not in said[-1]


def test_a_decision_pushed_back_counts_from_their_last_day_and_asks_without_one(
        tmp_path: Path) -> None:
    output = run_console(
        tmp_path,
        "add Acme, data analyst, today 2pm with Jane Smith",
        "acme pushed the decision back a week",
        "promised 1 they'll decide by Dec 4",
        "acme pushed the decision back a week",
        "acme pushed it back two days",
    )
    said = output.split("you> ")
    assert "Moved back from which day? I have no date of theirs" in said[2]
    assert "I read that as: Acme (#1): they'll be in touch by Fri 11 Dec." in said[4]
    # Without "decision" it may be the interview that moved: asked, not done.
    assert "Did Acme (#1) move their decision back to Sun 13 Dec?" in said[5]
