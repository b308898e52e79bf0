"""At most one active checkpoint per step: a unique index over the waiting ones.

A step is (interview, kind, interviewer). Replans that ran at once could each add the
same missing step; the copies reminded twice, and an outcome cancelled only one. The
copies already stored are cancelled first, keeping the oldest of each step. The index
is partial (pending, sending, sent) and uses `coalesce(interviewer_id, 0)`, as NULLs
never collide in a unique index; both databases index the expression.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The stored text of the states, spelled out: a migration must not change with the code.
ACTIVE = "'pending', 'sending', 'sent'"
INDEX = "uq_checkpoints_one_active_step"

CANCEL_COPIES = f"""
UPDATE checkpoints SET state = 'cancelled'
WHERE state IN ({ACTIVE})
  AND EXISTS (
    SELECT 1 FROM checkpoints AS older
    WHERE older.interview_id = checkpoints.interview_id
      AND older.kind = checkpoints.kind
      AND coalesce(older.interviewer_id, 0) = coalesce(checkpoints.interviewer_id, 0)
      AND older.state IN ({ACTIVE})
      AND older.id < checkpoints.id)
"""


def upgrade() -> None:
    op.execute(CANCEL_COPIES)
    active = sa.text(f"state IN ({ACTIVE})")
    op.create_index(INDEX, "checkpoints",
                    ["interview_id", "kind", sa.text("coalesce(interviewer_id, 0)")],
                    unique=True, postgresql_where=active, sqlite_where=active)


def downgrade() -> None:
    # The copies cancelled on the way up stay cancelled: they were never wanted.
    op.drop_index(INDEX, table_name="checkpoints")
