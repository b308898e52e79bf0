"""Private mail addresses in storage (migration 0015), on SQLite and PostgreSQL: only a
token's hash, one per person, unique, replaced on reset, gone with the person."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from bot.mail.address import token_hash
from storage.database import alembic_config
from storage.repository import SqlRepository, open_repository
from tests.storage.conftest import NOW, later, someone


def test_an_address_is_found_by_its_hash_and_a_reset_one_is_not(repo: SqlRepository) -> None:
    person = someone(repo)
    assert not repo.has_mail_address(person.id)
    repo.set_mail_token_hash(person.id, token_hash("firsttokenfirsttoken"), NOW)
    assert repo.has_mail_address(person.id)
    found = repo.person_by_mail_token_hash(token_hash("FirstTokenFirstToken"))
    assert found is not None and found.id == person.id
    repo.set_mail_token_hash(person.id, token_hash("secondtokensecondtoken"), later(days=1))
    assert repo.person_by_mail_token_hash(token_hash("firsttokenfirsttoken")) is None
    assert repo.person_by_mail_token_hash(token_hash("secondtokensecondtoken")) == found
    assert repo.person_by_mail_token_hash("") is None


def test_two_people_cannot_share_a_hash(repo: SqlRepository) -> None:
    one, two = someone(repo, "U1"), someone(repo, "U2")
    repo.set_mail_token_hash(one.id, token_hash("sharedtokensharedtoken"), NOW)
    with pytest.raises(IntegrityError):
        repo.set_mail_token_hash(two.id, token_hash("sharedtokensharedtoken"), NOW)


def test_forgetting_a_person_deletes_their_address(repo: SqlRepository) -> None:
    person = someone(repo)
    repo.set_mail_token_hash(person.id, token_hash("forgottentokenforgotten"), NOW)
    repo.forget_person(person.id)
    assert repo.person_by_mail_token_hash(token_hash("forgottentokenforgotten")) is None


def test_the_migration_goes_up_and_down(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0012")
    assert "mail_addresses" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0015")
    assert {c["name"] for c in inspect(engine).get_columns("mail_addresses")} == {
        "person_id", "token_hash", "made_at"}
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0012")
        assert connection.execute(text("SELECT 1")).scalar() == 1
    assert "mail_addresses" not in inspect(engine).get_table_names()


def test_an_address_takes_its_limit_and_no_more(repo: SqlRepository) -> None:
    person = someone(repo)
    hashed = token_hash("limitedtokenlimitedtoken")
    repo.set_mail_token_hash(person.id, hashed, NOW)
    taken = [repo.admit_mail(hashed, later(minutes=m), per_hour=2, per_day=3)
             for m in (0, 1, 2)]
    assert taken == [True, True, False]  # two in the hour
    assert repo.admit_mail(hashed, later(minutes=61), per_hour=2, per_day=3)
    assert not repo.admit_mail(hashed, later(minutes=200), per_hour=2, per_day=3)  # 3 a day
    assert repo.admit_mail(hashed, later(days=1, minutes=62), per_hour=2, per_day=3)
    assert not repo.admit_mail(token_hash("nosuchtokennosuchtoken"), NOW, 2, 3)


def test_processes_receiving_at_once_let_in_exactly_the_limit(database_url: str) -> None:
    """Two repositories (two engines, as two processes have) and eight threads each, all
    released together on one address: the count and the note are one step."""
    first, second = open_repository(database_url), open_repository(database_url)
    try:
        person = someone(first)
        hashed = token_hash("racingtokenracingtoken")
        first.set_mail_token_hash(person.id, hashed, NOW)
        for repo in (first, second):  # connections open, so the threads start level
            assert repo.mail_arrivals_since(hashed, NOW) == 0
        start = threading.Barrier(16)

        def arrive(repo: SqlRepository) -> bool:
            start.wait(timeout=10)
            return repo.admit_mail(hashed, NOW, per_hour=5, per_day=100)

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(arrive, [first, second] * 8))
        assert results.count(True) == 5
        assert first.mail_arrivals_since(hashed, later(hours=-1)) == 5
    finally:
        first.close()
        second.close()
