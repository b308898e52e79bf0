"""Each identity keeps the bot's DM channel with it (migration 0006), on SQLite and
PostgreSQL: stored by `remember_dm_channel`, read back wherever identities are."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect, text

from bot.model import Identity, Platform, QuietHours
from storage.database import alembic_config
from storage.repository import SqlRepository
from tests.storage.conftest import NOW, new_interview, someone

ADA = Identity(Platform.DISCORD, "dm", "4242")


def _upgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def _downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def _columns(engine: Engine) -> dict[str, dict[str, object]]:
    return {c["name"]: c for c in inspect(engine).get_columns("identities")}


def test_the_migration_adds_a_nullable_column_and_keeps_existing_identities(
        engine: Engine) -> None:
    _upgrade(engine, "0005")
    assert "dm_channel" not in _columns(engine)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO people (id, tz, quiet_start, quiet_end, "
                                "tz_confirmed, tone) VALUES (1, 'UTC', '21:00:00', "
                                "'08:00:00', false, 'formal')"))
        connection.execute(text("INSERT INTO identities (id, person_id, platform, workspace, "
                                "user_id) VALUES (1, 1, 'discord', 'dm', '4242')"))

    _upgrade(engine, "0006")
    column = _columns(engine)["dm_channel"]
    assert column["nullable"] and getattr(column["type"], "length", None) == 32
    with engine.connect() as connection:
        assert connection.execute(text("SELECT user_id, dm_channel FROM identities")).all() \
            == [("4242", None)]

    _downgrade(engine, "0005")
    assert "dm_channel" not in _columns(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT user_id FROM identities")).all() == [("4242",)]


def test_a_remembered_channel_comes_back_with_the_identity(repo: SqlRepository) -> None:
    ada = repo.person_for(ADA, "UTC", QuietHours())
    bea = repo.person_for(Identity(Platform.DISCORD, "dm", "4343"), "UTC", QuietHours())
    (fresh,) = repo.identities_of(ada.id)
    assert fresh.dm_channel is None

    repo.remember_dm_channel(ADA, "1180000000000000999")

    (stored,) = repo.identities_of(ada.id)
    assert stored.dm_channel == "1180000000000000999"
    assert stored == ADA and hash(stored) == hash(ADA)  # still the same person's key
    assert {stored: "found"}[ADA] == "found"
    (other,) = repo.identities_of(bea.id)
    assert other.dm_channel is None  # only the one identity changed

    repo.remember_dm_channel(ADA, "1180000000000001000")  # opened again after a 404
    assert repo.identities_of(ada.id)[0].dm_channel == "1180000000000001000"


def test_delivery_reads_the_channel_with_the_batch(repo: SqlRepository) -> None:
    """The deliverer's identities come from `delivery_context`: the sender needs it there."""
    ada = repo.person_for(ADA, "UTC", QuietHours())
    interview = repo.add_interview(ada.id, new_interview(), NOW)
    repo.remember_dm_channel(ADA, "1180000000000000999")

    (_, _, identities) = repo.delivery_context([interview.id])[interview.id]
    assert [i.dm_channel for i in identities] == ["1180000000000000999"]
    assert repo.export_person(ada.id)["identities"] == [
        {"platform": "discord", "workspace": "dm", "user": "4242",
         "dm_channel": "1180000000000000999"}]


def test_remembering_for_an_unknown_identity_changes_nothing(repo: SqlRepository) -> None:
    person = someone(repo, "U1", Platform.SLACK)
    repo.remember_dm_channel(Identity(Platform.DISCORD, "dm", "404"), "1")
    repo.remember_dm_channel(Identity(Platform.DISCORD, "T1", "U1"), "2")  # other platform
    (identity,) = repo.identities_of(person.id)
    assert identity.dm_channel is None
    assert repo.find_person(Identity(Platform.DISCORD, "dm", "404")) is None
