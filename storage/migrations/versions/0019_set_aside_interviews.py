"""Interviews deleted with an Undo: a copy of their rows until the Undo's time is up.

`delete 2` acts at once and offers Undo; the copy (JSON of the interview's own rows)
goes with its person, and the clock deletes it when `until` passes.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "set_aside_interviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name=op.f("fk_set_aside_interviews_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_aside_interviews")),
    )
    op.create_index(op.f("ix_set_aside_interviews_person_id"), "set_aside_interviews",
                    ["person_id"])
    op.create_index(op.f("ix_set_aside_interviews_until"), "set_aside_interviews", ["until"])


def downgrade() -> None:
    op.drop_index(op.f("ix_set_aside_interviews_until"), table_name="set_aside_interviews")
    op.drop_index(op.f("ix_set_aside_interviews_person_id"), table_name="set_aside_interviews")
    op.drop_table("set_aside_interviews")
