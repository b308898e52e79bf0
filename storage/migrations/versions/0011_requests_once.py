"""Requests are applied once: `answered_requests` keeps each applied request's key (its
primary key, the invariant) with what it answered, and the inbox stores a request's key
uniquely, so the same slash command delivered twice is queued once. On PostgreSQL, a row
stored in the inbox notifies `followup_inbox`, which wakes an idle worker (LISTEN).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = sa.DateTime(timezone=True)

#: The channel an inbox insert notifies (once per statement, whatever its row count).
NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION followup_inbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('followup_inbox', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
NOTIFY_TRIGGER = """
CREATE TRIGGER inbox_notify AFTER INSERT ON inbox
FOR EACH STATEMENT EXECUTE FUNCTION followup_inbox_notify()
"""


def upgrade() -> None:
    op.create_table(
        "answered_requests",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("answered_at", UTC_TIME, nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name=op.f("fk_answered_requests_person_id_people")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_answered_requests")),
    )
    op.create_index(op.f("ix_answered_requests_person_id"), "answered_requests",
                    ["person_id"])
    op.create_index(op.f("ix_answered_requests_answered_at"), "answered_requests",
                    ["answered_at"])
    with op.batch_alter_table("inbox") as batch:
        batch.add_column(sa.Column("request_key", sa.String(length=255), nullable=True))
        batch.create_unique_constraint("uq_inbox_request_key", ["request_key"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NOTIFY_FUNCTION)
        op.execute(NOTIFY_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS inbox_notify ON inbox")
        op.execute("DROP FUNCTION IF EXISTS followup_inbox_notify()")
    with op.batch_alter_table("inbox") as batch:
        batch.drop_constraint("uq_inbox_request_key", type_="unique")
        batch.drop_column("request_key")
    op.drop_index(op.f("ix_answered_requests_answered_at"), table_name="answered_requests")
    op.drop_index(op.f("ix_answered_requests_person_id"), table_name="answered_requests")
    op.drop_table("answered_requests")
