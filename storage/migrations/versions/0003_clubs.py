"""Job-search clubs: clubs, their members, the outbox of channel posts, and when a step was done.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain types on purpose: a migration must not change when the models' Python types do.
UTC_TIME = sa.DateTime(timezone=True)
ENUM = sa.String(length=20)


def upgrade() -> None:
    with op.batch_alter_table("checkpoints") as batch:
        batch.add_column(sa.Column("done_at", UTC_TIME, nullable=True))

    op.create_table(
        "clubs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", ENUM, nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("channel", sa.String(length=128), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("digest_weekday", sa.Integer(), nullable=False),
        sa.Column("digest_time", sa.Time(), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clubs")),
        sa.UniqueConstraint(
            "platform", "workspace", "channel", name=op.f("uq_clubs_platform_workspace_channel")
        ),
    )

    op.create_table(
        "club_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", ENUM, nullable=False),
        sa.Column("mentions", sa.Boolean(), nullable=False),
        sa.Column("joined_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["club_id"], ["clubs.id"], name=op.f("fk_club_members_club_id_clubs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_club_members_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_club_members")),
        sa.UniqueConstraint(
            "club_id", "person_id", name=op.f("uq_club_members_club_id_person_id")
        ),
    )
    op.create_index(op.f("ix_club_members_person_id"), "club_members", ["person_id"])

    op.create_table(
        "club_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("kind", ENUM, nullable=False),
        sa.Column("ref", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("due_at", UTC_TIME, nullable=False),
        sa.Column("state", ENUM, nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("claimed_at", UTC_TIME, nullable=True),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("platform", ENUM, nullable=False),
        sa.ForeignKeyConstraint(
            ["club_id"], ["clubs.id"], name=op.f("fk_club_posts_club_id_clubs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_club_posts_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_club_posts")),
        sa.UniqueConstraint(
            "club_id", "kind", "ref", name=op.f("uq_club_posts_club_id_kind_ref")
        ),
    )
    op.create_index(op.f("ix_club_posts_person_id"), "club_posts", ["person_id"])
    # What claim_posts and next_post_due scan.
    op.create_index(op.f("ix_club_posts_state_due_at"), "club_posts", ["state", "due_at"])


def downgrade() -> None:
    # Dropping a table drops its indexes too; children go before their parents.
    for table in ("club_posts", "club_members", "clubs"):
        op.drop_table(table)
    with op.batch_alter_table("checkpoints") as batch:
        batch.drop_column("done_at")
