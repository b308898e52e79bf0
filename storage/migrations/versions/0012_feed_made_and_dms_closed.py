"""When the private calendar feed was made, so `export` can say so (never the token),
and when the person was told their DMs are closed, so they are told once, not every
time a reminder bounces. Both nullable, no default: no stored row changes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("calendar_feed_made_at", sa.DateTime(timezone=True),
                                   nullable=True))
        batch.add_column(sa.Column("dms_closed_told_at", sa.DateTime(timezone=True),
                                   nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_column("dms_closed_told_at")
        batch.drop_column("calendar_feed_made_at")
