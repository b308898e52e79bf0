"""Coach preferences: draft tone, a private calendar feed token, the employer's zone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("tone", sa.String(length=20), nullable=False,
                                   server_default="formal"))
        batch.add_column(sa.Column("calendar_token", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(op.f("uq_people_calendar_token"), ["calendar_token"])
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(sa.Column("employer_tz", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("employer_tz")
    with op.batch_alter_table("people") as batch:
        batch.drop_constraint(op.f("uq_people_calendar_token"), type_="unique")
        batch.drop_column("calendar_token")
        batch.drop_column("tone")
