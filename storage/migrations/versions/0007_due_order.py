"""Index checkpoints by (state, platform, due_at, id): the order delivery claims them in.

With `id` in the index, "the next 200 due, oldest first" reads 200 index entries however
many are due; without it, every due row was read and sorted to break ties on `id` (on
PostgreSQL, 50,000 due at once cost 13 ms and a sort on disk per claim).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_checkpoints_state_platform_due_at_id"), "checkpoints",
                    ["state", "platform", "due_at", "id"])
    op.drop_index(op.f("ix_checkpoints_state_platform_due_at"), table_name="checkpoints")


def downgrade() -> None:
    op.create_index(op.f("ix_checkpoints_state_platform_due_at"), "checkpoints",
                    ["state", "platform", "due_at"])
    op.drop_index(op.f("ix_checkpoints_state_platform_due_at_id"), table_name="checkpoints")
