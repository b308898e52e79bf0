"""Private mail addresses, stored as the SHA-256 of their token (never the token).

A table of its own, not columns on `people`: on SQLite, adding a unique column to
`people` means a batch rebuild, and with foreign keys on that cascades (see 0009).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_addresses",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name=op.f("fk_mail_addresses_person_id_people")),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_mail_addresses")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_mail_addresses_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("mail_addresses")
