"""Forwarded mail whose news is in doubt is asked about, never proposed: a guess, a
letter to someone else, a form letter gone wrong. And a decision date already on record
is no news, while the one that replaces it is. Through the real intake, on the corpus's
situation (tests/bot/mail/employer_corpus.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.commands import RecordPromise, ReportOutcome
from bot.mail.intake import MailIntake, Received
from bot.model import Outcome
from bot.ports.clock import SimulatedClock
from tests.bot.mail.employer_corpus import (
    ARRIVES,
    DOMAIN,
    ME,
    Message,
    _runtime,
    _situation,
    _Told,
    forwarded,
    proposal,
)


@pytest.fixture(scope="module")
def situation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    base = tmp_path_factory.mktemp("mail") / "base.db"
    return base, _situation(base)


@pytest.fixture
def forward(situation: tuple[Path, str], tmp_path: Path) -> Iterator[Any]:
    """Forward one message (from, subject, body) on a fresh copy of the situation; what
    was said and the buttons of the question stored."""
    base, address = situation
    path = tmp_path / "m.db"
    shutil.copyfile(base, path)
    runtime = _runtime(path, SimulatedClock(ARRIVES))
    told = _Told()

    def send(sender: str, subject: str, body: str) -> tuple[str, list[tuple[str, Any]]]:
        message = Message("t", "test", "test", sender, subject, body, None, {})
        intake = MailIntake(runtime.coach, {ME.platform: told}, DOMAIN)
        assert intake.receive(address, forwarded(address, message),
                              "alex.rivera@gmail.com") is Received.PROPOSED
        return "\n".join(r.plain for r in told.replies), proposal(runtime) or []

    yield send
    runtime.stop()


def test_a_guessed_date_is_asked_about_with_the_date_ready_to_record(forward: Any) -> None:
    said, choices = forward("Jane Smith <jane.smith@acme.com>", "Re: timing",
                            "Hi Alex,\n\nWe might reach a decision by Friday 4 December, "
                            "depending on sign-off from finance.\n\nJane")
    assert "only as a guess or on a condition" in said
    assert [label for label, _ in choices] == ["Record a new decision date",
                                               "Keep it open for now"]
    command = choices[0][1]
    assert isinstance(command, RecordPromise) and command.promise is not None
    assert command.promise.on.isoformat() == "2026-12-04"


def test_an_offer_greeting_someone_else_asks_whether_it_was_meant_for_them(
        forward: Any) -> None:
    said, choices = forward("Jane Smith <jane.smith@acme.com>", "Your offer",
                            "Hi Morgan,\n\nWe'd love to offer you the Data Analyst role! "
                            "Paperwork to follow.\n\nJane")
    assert "greets someone else by name" in said
    assert choices[0][0] == "Record an offer"
    assert isinstance(choices[0][1], ReportOutcome) and choices[0][1].outcome is Outcome.OFFER


@pytest.mark.parametrize("body", [
    "Dear Alex,\n\nWe have decided not to move forward with your application.\n\n"
    "Regards,\n{{recruiter_name}}",
    "Dear Alex,\n\nGreat news! We are pleased to inform you that we won't be moving "
    "forward with you at this stage.\n\nAcme Talent",
])
def test_a_form_letter_gone_wrong_is_asked_about(forward: Any, body: str) -> None:
    said, choices = forward("Acme Careers <no-reply@acme.com>", "Your application", body)
    assert "form letter gone wrong" in said
    assert [label for label, _ in choices] == ["Record a no", "Keep it open for now"]


def test_the_date_already_recorded_is_no_news_but_the_one_replacing_it_is(
        forward: Any) -> None:
    said, choices = forward(
        "Dana Wu <dana.wu@initech.com>", "Timing",
        "Hi Alex,\n\nI told you we'd have an answer by the 27th, but that won't happen. "
        "We now expect to make the call by Wednesday, December 2, and I'll write to you "
        "that day.\n\nDana")
    assert "they'll be in touch by Wed 2 Dec" in said and choices[0][0] == "Apply"
    command = choices[0][1]
    assert isinstance(command, RecordPromise) and command.promise is not None
    assert command.promise.on.isoformat() == "2026-12-02"
