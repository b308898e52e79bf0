""""Follow up on this" as a message context-menu command: the real discord.py client,
fed the interaction Discord sends (a type 3 command with the resolved message), against
the REST stand-in."""

from __future__ import annotations

import sqlite3
import threading

from adapters.discord_bot.client import FORM_DEADLINE
from adapters.discord_bot.message_menu import MENU_NAME
from adapters.settings import Settings
from bot.model import Identity, Platform
from tests.standins.discord_api import (
    BotProcess,
    answer_text,
    button,
    followups,
    message_command,
    modal_submit,
    only,
)

ADA = 4_242_424_242_424_242
INVITE = "Hi Alex! Initech wants to see you Thursday 3pm with Dana Wu for the QA lead role."


def interviews(bot: BotProcess) -> list[str]:
    """Each interview's company and the day its promise names, as stored."""
    person = bot.runtime.repo.find_person(Identity(Platform.DISCORD, "dm", str(ADA)))
    return [] if person is None else \
        [f"{i.company} {i.promise.on if i.promise else None}"
         for i in bot.runtime.repo.list_interviews(person.id)]


def test_the_menu_on_an_invitation_opens_the_add_form_filled_in(bot: BotProcess) -> None:
    bot.command("tz", zone="America/New_York")
    calls = bot.interaction(message_command(ADA, MENU_NAME, INVITE))

    callback = only(calls, "POST", "/callback").json
    assert callback["type"] == 9  # the form, as the first answer
    rows = {row["components"][0]["custom_id"]: row["components"][0].get("value")
            for row in callback["data"]["components"]}
    assert rows == {"company": "Initech", "role": "QA lead", "when": "Thursday 3pm",
                    "people": "Dana Wu", "promise": None}
    assert interviews(bot) == []  # nothing until the form is sent

    sent = bot.interaction(modal_submit(ADA, callback["data"]["custom_id"], {
        "company": "Initech", "role": "QA lead", "when": "Thursday 3pm", "people": "Dana Wu",
        "promise": ""}))
    assert "Added #1: QA lead at Initech" in answer_text(sent)


def test_the_menu_on_news_proposes_it_privately_and_edit_gives_the_line(
        bot: BotProcess) -> None:
    bot.command("tz", zone="America/New_York")
    bot.command("add", company="Acme", role="Analyst", when="today 2pm",
                interviewers="Jane Smith", promise="we'll decide by Friday")
    calls = bot.interaction(message_command(
        ADA, MENU_NAME, "Acme will decide by Friday the 4th. Cheers, Jane Smith"))

    assert only(calls, "POST", "/callback").json["type"] == 5  # deferred, then answered
    (proposal,) = followups(calls)
    assert proposal.json["flags"] & 64  # only the person sees it
    assert "From that message I read: Acme (#1): they'll be in touch by Fri 04 Dec." in \
        proposal.text
    assert interviews(bot) == ["Acme 2026-11-27"]  # as it was until applied

    edited = bot.press(int(proposal.response["id"]), button(proposal, "edit"))
    assert "`promised 1 they'll decide by Fri 4 Dec 2026`" in " ".join(
        c.text for c in edited if c.method in ("POST", "PATCH"))


def test_a_read_slower_than_discord_allows_defers_in_time_and_the_form_waits_behind_a_button(
        bot: BotProcess, settings: Settings) -> None:
    """The database is held by another writer for longer than a form may take to be the
    first answer: the interaction is deferred, never dropped, and nothing is lost."""
    bot.command("tz", zone="America/New_York")
    busy = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"),
                           isolation_level=None, check_same_thread=False)
    busy.execute("BEGIN IMMEDIATE")
    freed = threading.Timer(FORM_DEADLINE + 0.5, busy.execute, ("ROLLBACK",))
    freed.start()
    try:
        calls = bot.interaction(message_command(ADA, MENU_NAME, INVITE))
    finally:
        freed.join()
        busy.close()

    assert only(calls, "POST", "/callback").json["type"] == 5  # deferred, not a late form
    (ready,) = followups(calls)
    assert "the form is ready" in ready.text
    assert ready.json["flags"] & 64
    [[label]] = [[c["label"] for c in row["components"]] for row in ready.json["components"]]
    assert label == "Open the form"

    (open_it,) = ready.custom_ids
    opened = only(bot.press(int(ready.response["id"]), open_it), "POST", "/callback").json
    assert opened["type"] == 9
    rows = {row["components"][0]["custom_id"]: row["components"][0].get("value")
            for row in opened["data"]["components"]}
    assert rows["company"] == "Initech" and rows["when"] == "Thursday 3pm"
    assert interviews(bot) == []
