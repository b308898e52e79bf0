"""When the private calendar feed was made, so `export` can say so (never the token),
and when the person was told their DMs are closed, so they are told once, not every
time a reminder bounces. Both nullable, no default: no stored row changes.

Numbered 0013 so that it follows 0011 and 0012 of the branches merged beside it; on
this branch it revises 0010. When merging, point `down_revision` at the head then.

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0010"
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
