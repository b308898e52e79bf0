"""Calendar feed tokens are stored as their SHA-256, never in clear.

A feed token is the whole secret of a private calendar link; with only its hash in the
database, a stolen copy or backup opens no one's calendar. Existing tokens are hashed in
place (the same function as `bot.content.calendar_file.feed_token_hash`, spelled out
here: a migration must not change with the code), so every link already subscribed to
keeps working. Downgrading cannot recover a token from its hash: the links are revoked,
and `calendar feed` makes new ones.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The column is renamed in place, not added and dropped: on SQLite that would rebuild
# `people` (batch mode), and with foreign keys on, dropping the old table cascades to
# every person's interviews. RENAME COLUMN is native on both databases and keeps the
# unique constraint, whose name stays `uq_people_calendar_token` (see `PersonRow`).
RENAME = "ALTER TABLE people RENAME COLUMN {old} TO {new}"

_people = sa.table("people", sa.column("id", sa.Integer),
                   sa.column("calendar_token_hash", sa.String))


def upgrade() -> None:
    op.execute(RENAME.format(old="calendar_token", new="calendar_token_hash"))
    connection = op.get_bind()
    tokens = connection.execute(sa.select(_people.c.id, _people.c.calendar_token_hash)
                                .where(_people.c.calendar_token_hash.is_not(None))).all()
    if tokens:
        connection.execute(
            _people.update().where(_people.c.id == sa.bindparam("person_id"))
            .values(calendar_token_hash=sa.bindparam("token_hash")),
            [{"person_id": person_id,
              "token_hash": hashlib.sha256(token.encode()).hexdigest()}
             for person_id, token in tokens])


def downgrade() -> None:
    # A hash is not a token: every feed link is revoked, and `calendar feed` makes anew.
    op.execute(sa.update(_people).values(calendar_token_hash=None))
    op.execute(RENAME.format(old="calendar_token_hash", new="calendar_token"))
