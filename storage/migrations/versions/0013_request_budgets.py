"""One request budget per bot token, shared by all its processes: Discord allows 50
requests a second per token, however many processes send with it. The key is a SHA-256
of the token (a CHECK refuses anything else), so no token is ever stored.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "request_budgets",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("tokens", sa.Double(), nullable=False),
        sa.Column("stamp", sa.Double(), nullable=False),
        sa.CheckConstraint("length(key) = 64",
                           name=op.f("ck_request_budgets_key_is_a_hash")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_request_budgets")),
    )


def downgrade() -> None:
    op.drop_table("request_budgets")
