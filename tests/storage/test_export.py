"""`export` holds everything stored about the person, checked against the database
table by table: every table is either the person's (each of its columns must show in
the export) or named here as holding nothing of theirs, with the reason. A new table
fails this test until it is placed, so an export cannot silently forget one."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

import pytest
from sqlalchemy import Table, select

import storage.inbox  # noqa: F401  (registers the inbox table on the shared metadata)
from adapters.runtime import Runtime
from bot.model import ChannelRef, Identity, Platform
from storage.models import Base
from tests.chat import Chat, text_of

ME = Identity(Platform.SLACK, "T1", "U01")
ORGANISER = Identity(Platform.SLACK, "T1", "U00")
CHANNEL = "C0CLUB"

#: Tables that hold nothing of one person's, and why.
NOT_THEIRS = {
    "idempotency_keys": "ids of platform events seen in the last day, to drop retries",
    "inbox": "requests waiting seconds for an answer, deleted once answered",
    "request_budgets": "the bot token's shared rate budget: a hash and two numbers",
    "slack_installations": "a workspace's installation of the app (sealed), not a person's",
    "slack_oauth_states": "digests of install links' one-time states, for 10 minutes",
    "departed_workspaces": "workspaces the bot was removed from, and when their data goes",
    "mail_arrivals": "when mail reached an address in the last day (its fingerprint and a "
                     "time), for the address's limit",
}
#: Columns of the person's rows that the export shows by structure, not as a value:
#: row ids and links between rows (nesting shows them), and the order of a list.
STRUCTURE = {"id", "person_id", "interview_id", "club_id", "interviewer_id", "position"}
#: Columns that must never be exported, and why.
SECRET = {("people", "calendar_token_hash"): "a fingerprint of the private feed's token",
          ("mail_addresses", "token_hash"): "a fingerprint of the private mail address"}
#: Columns of a shared club that describe the club, not the member (its digest plan).
CLUB_SETTINGS = {"tz", "digest_weekday", "digest_time", "created_at"}


def _chat(runtime: Runtime, who: Identity, text: str, channel: str | None = None) -> str:
    return text_of(Chat(runtime, who).say(text, channel=channel, command=channel is not None,
                                          can_manage_channel=True, display_name="Sam"))


def _leaves(data: Any) -> set[str]:
    """Every value in the export, as text (times in UTC, so either side compares)."""
    if isinstance(data, dict):
        return set().union(*map(_leaves, data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*map(_leaves, data)) if data else set()
    if isinstance(data, str):
        try:
            return {data, datetime.fromisoformat(data).astimezone(UTC).isoformat()}
        except ValueError:
            return {data}
    return {json.dumps(data)}


def _as_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    return json.dumps(value)


@pytest.mark.settings(public_url="https://followup.example", mail_domain="in.followup.example")
def test_export_shows_every_stored_value_of_the_person_table_by_table(db_runtime):
    repo = db_runtime.repo
    _chat(db_runtime, ORGANISER, "club start Cohort 5", CHANNEL)
    _chat(db_runtime, ME, "club join", CHANNEL)
    _chat(db_runtime, ME, "add Acme, data analyst, today 2pm with Jane Smith "
                          "(Head of Data, jane@acme.test) and Bob Lee, they'll decide by Friday")
    for line in ("note 1 Bob: the on-call rota", "fix 1 phone Jane +1 212 555 0142",
                 "fix 1 address Jane: Ms Smith", "name Sam Lee", "phone +1 917 555 0199",
                 "tone warm", "quiet 22:00-07:00",
                 "sent 1 jane", "called 1 no answer", "share 1 details", "calendar feed", "email",
                 "reflect 1", "It went well",
                 "add Globex, designer, tomorrow 11am with Tom Baker", "delete 2",  # Undo's copy
                 "add"):  # `add` leaves a question open
        _chat(db_runtime, ME, line)
    _chat(db_runtime, ME, "share draft 1", CHANNEL)
    person = repo.find_person(ME)
    assert person is not None
    # What a platform request answered, kept a day to answer a retry (the Slack app
    # records it through the same port).
    repo.record_answer("slack:T1:trigger-1", person.id, ("Added #1: data analyst at Acme",),
                       db_runtime.clock.now())
    assert repo.first_dms_closed_notice(person.id, db_runtime.clock.now())

    reply = Chat(db_runtime, ME).say("export")[0]  # then the open question, asked again
    export = json.loads(reply.drafts[0].body)
    leaves = _leaves(export)
    tables: dict[str, Table] = dict(Base.metadata.tables)
    theirs = _rows_of(repo.engine, tables, person.id)
    assert set(tables) == set(theirs) | set(NOT_THEIRS), "place every table: theirs or not"

    for name, rows in theirs.items():
        assert rows, f"the scenario stores nothing in {name}: it proves nothing there"
        for row in rows:
            for column, value in row.items():
                if column in STRUCTURE or value is None or (name, column) in SECRET:
                    continue
                if name == "clubs" and column in CLUB_SETTINGS:
                    continue
                if name == "conversations":
                    assert export["conversation"] == json.loads(value)
                    continue
                if (name, column) == ("set_aside_interviews", "rows"):
                    assert json.loads(value) in [d["rows"] for d in export["deleted_interviews"]]
                    continue
                if (name, column) == ("answered_requests", "answer"):
                    assert json.loads(value) in [a["answer"] for a in export["recent_answers"]]
                    continue
                assert _as_text(value) in leaves, f"{name}.{column} = {value!r} not exported"
    assert person.calendar_token_hash and person.calendar_token_hash not in reply.drafts[0].body
    assert export["person"]["calendar_feed"]["made_at"]
    assert export["person"]["mail_address"]["made_at"]
    assert {d["to"] for d in export["drafts"]} == {"Jane Smith", "Bob Lee"}


def _rows_of(engine: Any, tables: dict[str, Table], person_id: int) -> dict[str, list[dict]]:
    """The person's rows in each table that holds any of theirs."""
    t = tables
    with engine.connect() as db:
        interviews = [r.id for r in db.execute(
            select(t["interviews"].c.id).where(t["interviews"].c.person_id == person_id))]
        clubs = [r.club_id for r in db.execute(
            select(t["club_members"].c.club_id)
            .where(t["club_members"].c.person_id == person_id))]
        where = {
            "people": t["people"].c.id == person_id,
            "identities": t["identities"].c.person_id == person_id,
            "interviews": t["interviews"].c.person_id == person_id,
            "interviewers": t["interviewers"].c.interview_id.in_(interviews),
            "calls": t["calls"].c.interview_id.in_(interviews),
            "mail_addresses": t["mail_addresses"].c.person_id == person_id,
            "checkpoints": t["checkpoints"].c.interview_id.in_(interviews),
            "journal_entries": t["journal_entries"].c.person_id == person_id,
            "answered_requests": t["answered_requests"].c.person_id == person_id,
            "conversations": t["conversations"].c.person_id == person_id,
            "set_aside_interviews": t["set_aside_interviews"].c.person_id == person_id,
            "clubs": t["clubs"].c.id.in_(clubs),
            "club_members": t["club_members"].c.person_id == person_id,
            "club_posts": t["club_posts"].c.person_id == person_id,
        }
        return {name: [dict(r._mapping) for r in db.execute(select(t[name]).where(clause))]
                for name, clause in where.items()}


def test_the_channel_ref_of_a_club_is_what_the_export_names(db_runtime):
    """The club a member is in is named by its channel: the export lists it."""
    _chat(db_runtime, ORGANISER, "club start Cohort 5", CHANNEL)
    _chat(db_runtime, ME, "club join", CHANNEL)
    [reply] = Chat(db_runtime, ME).say("export")
    [club] = json.loads(reply.drafts[0].body)["clubs"]
    assert ChannelRef(Platform(club["platform"]), club["workspace"], club["channel"]) == \
        ChannelRef(Platform.SLACK, "T1", CHANNEL)
