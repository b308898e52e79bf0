"""How the person addresses an interviewer in notes ("call her Maria"), when it is not what
the name and tone would give. Nullable, no default: no stored row changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("interviewers") as batch:
        batch.add_column(sa.Column("salutation", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interviewers") as batch:
        batch.drop_column("salutation")
