"""When mail reached each private address in the last day, for the per-address limit.

Keyed by the address's token hash (as in `mail_addresses`), not by person: the limit is
the address's, and a row says only that some message arrived then. Rows older than a
day are deleted as new ones are written.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_arrivals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("address_hash", sa.String(length=64), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_arrivals")),
    )
    op.create_index("ix_mail_arrivals_address_time", "mail_arrivals",
                    ["address_hash", "arrived_at"])


def downgrade() -> None:
    op.drop_index("ix_mail_arrivals_address_time", table_name="mail_arrivals")
    op.drop_table("mail_arrivals")
