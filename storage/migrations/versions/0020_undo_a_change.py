"""A copy of an interview from before a change read from words, for "Not what I meant".

The same table as a deleted interview's copy (0019), told apart by `interview_id`: set,
the copy is of that interview before a change, and goes with it (ON DELETE CASCADE);
`after` holds what the change left, so an Undo after later changes is refused.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("set_aside_interviews") as batch:
        batch.add_column(sa.Column("interview_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("after", sa.Text(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_set_aside_interviews_interview_id_interviews"), "interviews",
            ["interview_id"], ["id"], ondelete="CASCADE")
        batch.create_index(batch.f("ix_set_aside_interviews_interview_id"), ["interview_id"])
        batch.create_check_constraint(
            batch.f("ck_set_aside_interviews_after_only_for_a_change"),
            "after IS NULL OR interview_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("set_aside_interviews") as batch:
        batch.drop_constraint(batch.f("ck_set_aside_interviews_after_only_for_a_change"),
                              type_="check")
        batch.drop_index(batch.f("ix_set_aside_interviews_interview_id"))
        batch.drop_constraint(batch.f("fk_set_aside_interviews_interview_id_interviews"),
                              type_="foreignkey")
        batch.drop_column("after")
        batch.drop_column("interview_id")
