"""On PostgreSQL, an answered inbox row whose author has another request waiting
notifies `followup_inbox` too, so that request is answered at once.

A person's requests are answered one at a time: a claim skips a request while an older
one of its author's is still in the inbox. Two requests of one person stored in one write
sent one NOTIFY (migration 0011's trigger fires once per statement, and PostgreSQL
folds a transaction's identical notifications into one). The worker it woke claimed the
first, answered it and went back to waiting; nothing woke it for the second, which then
waited for the worker's safety poll (5 s). The same happened across processes whenever
the NOTIFY of a person's second request was taken by a worker that could not claim it
yet. Now deleting answered rows (the statement that makes the next request of their
authors claimable) notifies when one of those authors still has a row in the inbox; the
notification is sent when that DELETE commits, whichever worker sent it.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | Sequence[str] | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Once per DELETE statement, whatever its row count: `finished` holds the rows it
#: removed, looked up by author through ix_inbox_author_id.
NOTIFY_NEXT_FUNCTION = """
CREATE OR REPLACE FUNCTION followup_inbox_notify_next() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM finished JOIN inbox ON inbox.author = finished.author) THEN
        PERFORM pg_notify('followup_inbox', '');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
NOTIFY_NEXT_TRIGGER = """
CREATE TRIGGER inbox_notify_next AFTER DELETE ON inbox
REFERENCING OLD TABLE AS finished
FOR EACH STATEMENT EXECUTE FUNCTION followup_inbox_notify_next()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NOTIFY_NEXT_FUNCTION)
        op.execute(NOTIFY_NEXT_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS inbox_notify_next ON inbox")
        op.execute("DROP FUNCTION IF EXISTS followup_inbox_notify_next()")
