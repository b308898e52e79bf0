"""`/followup fix …` through the real discord.py client against the REST stand-in: each
subcommand's typed options reach the core as the correction itself, and `fix delete`
deletes at once with an Undo button that brings the interview back."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.discord_bot.fix_commands import FIX_SUBCOMMANDS, correction
from bot.commands import CorrectInterview, Fix, InterviewNumber, OnlyOpenInterview
from bot.model import Identity, Interview, Platform
from tests.standins.discord_api import (
    BotProcess,
    Call,
    answer_text,
    button,
    followups,
    only,
    slash_command,
)

ADA = 4_242_424_242_424_242
STRING, INTEGER, SUBCOMMAND, GROUP = 3, 4, 1, 2


def fix(bot: BotProcess, what: str, **options: Any) -> list[Call]:
    return bot.interaction(slash_command(ADA, what, options, group="fix"))


def add(bot: BotProcess, company: str = "Acme", people: str = "Jane Smith") -> None:
    text = answer_text(bot.command("add", company=company, role="Data analyst",
                                   when="yesterday 2pm", interviewers=people))
    assert "Added #" in text


def interviews(bot: BotProcess) -> list[Interview]:
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(ADA)))
    assert person is not None
    return bot.runtime.repo.list_interviews(person.id)


@pytest.fixture
def added(bot: BotProcess) -> BotProcess:
    bot.command("tz", zone="America/New_York")
    add(bot)
    return bot


def test_fix_is_a_group_of_typed_subcommands_in_followup(bot: BotProcess) -> None:
    (group,) = [c for c in only(bot.api.calls, "PUT", "/commands").json
                if c["name"] == "followup"]  # beside the message menu's command
    (fix_group,) = [o for o in group["options"] if o["name"] == "fix"]
    assert fix_group["type"] == GROUP
    assert [o["name"] for o in fix_group["options"]] == list(FIX_SUBCOMMANDS)
    assert len(group["options"]) <= 25  # Discord's limit for one command
    email = {o["name"]: o for o in fix_group["options"]}["email"]
    assert email["type"] == SUBCOMMAND
    options = {o["name"]: o for o in email["options"]}
    assert (options["interviewer"]["required"], options["interviewer"]["autocomplete"]) == \
        (True, True)
    assert options["email"]["type"] == STRING and options["interview"]["type"] == INTEGER


def test_each_subcommand_builds_the_correction_the_text_verb_would() -> None:
    assert correction(2, Fix.NAME, who="Jane", value="Jayne Smith") == CorrectInterview(
        InterviewNumber(2), Fix.NAME, who="Jane", value="Jayne Smith",
        said="name Jane -> Jayne Smith")
    assert correction(None, Fix.COMPANY, value=" Acme Corp ") == CorrectInterview(
        OnlyOpenInterview(), Fix.COMPANY, value="Acme Corp", said="company Acme Corp")


def test_company_role_and_when_are_changed_and_the_reply_says_what_moved(
        added: BotProcess) -> None:
    text = answer_text(fix(added, "company", company="Acme Corp", interview=1))
    assert "the company is now Acme Corp (was Acme)" in text
    text = answer_text(fix(added, "role", role="Senior data analyst"))
    assert "the role is now Senior data analyst" in text
    text = answer_text(fix(added, "when", when="2 days ago 10am", interview=1))
    assert "#1 moved from" in text
    (interview,) = interviews(added)
    assert (interview.company, interview.role) == ("Acme Corp", "Senior data analyst")


def test_interviewers_are_added_renamed_given_contacts_and_removed(added: BotProcess) -> None:
    choices = only(added.interaction(slash_command(
        ADA, "name", {"interview": 1, "interviewer": "ja"}, group="fix",
        focused="interviewer")), "POST", "/callback").json["data"]["choices"]
    assert [c["value"] for c in choices] == ["Jane Smith"]

    assert "Added Bob Lee (bob@acme.com) to #1" in answer_text(
        fix(added, "add", interviewers="Bob Lee (bob@acme.com)", interview=1))
    assert "Jane Smith is now Jayne Smith" in answer_text(
        fix(added, "name", interviewer="Jane", spelled="Jayne Smith", interview=1))
    assert "Jayne Smith's email is now jayne@acme.com" in answer_text(
        fix(added, "email", interviewer="Jayne", email="jayne@acme.com"))
    assert "Jayne Smith's phone is now 555 123 4567" in answer_text(
        fix(added, "phone", interviewer="Jayne", phone="555 123 4567"))
    assert "Took Bob Lee off #1" in answer_text(fix(added, "remove", interviewer="Bob"))

    (interview,) = interviews(added)
    (jayne,) = interview.interviewers
    assert (jayne.name, jayne.email, jayne.phone) == ("Jayne Smith", "jayne@acme.com",
                                                      "555 123 4567")


def test_a_correction_that_cannot_be_applied_changes_nothing_and_says_how(
        added: BotProcess) -> None:
    text = answer_text(fix(added, "email", interviewer="Jane", email="not-an-address"))
    assert "name@company.com" in text
    assert interviews(added)[0].interviewers[0].email is None


def test_without_a_number_and_two_open_interviews_it_asks_which(added: BotProcess) -> None:
    add(added, company="Globex", people="Bob Lee")
    text = answer_text(fix(added, "company", company="Initech"))
    assert "Which interview?" in text
    assert [i.company for i in interviews(added)] == ["Acme", "Globex"]


def test_delete_deletes_at_once_and_its_undo_button_brings_it_back(added: BotProcess) -> None:
    calls = fix(added, "delete", interview=1)
    (deleted,) = followups(calls)
    assert "Deleted #1" in deleted.text and "Undo" in deleted.text
    assert interviews(added) == []

    back = added.press(int(deleted.response["id"]), button(deleted, "undo_delete"))
    assert "Back: #1" in answer_text(back) + "".join(c.text for c in back)
    assert [i.company for i in interviews(added)] == ["Acme"]
