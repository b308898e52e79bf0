"""Index checkpoints by (state, platform, due_at): the next-due query each process asks.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_checkpoints_state_platform_due_at"), "checkpoints",
                    ["state", "platform", "due_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_checkpoints_state_platform_due_at"), table_name="checkpoints")
