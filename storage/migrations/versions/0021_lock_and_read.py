"""A person's unit opens with one statement on PostgreSQL: `followup_lock_person` locks
the person's row, then reads the row, their stored question and a request's earlier
answer (and, for a request, their interviews with their interviewers, calls and
checkpoints, as JSON) with a snapshot taken after the lock.

A single SELECT cannot do both: under READ COMMITTED a statement that waited for the
lock re-reads only the locked row, and sees every other table as it was when the
statement began, so it could miss the question or the answer the unit before it had
just committed. Each query inside a VOLATILE function takes a snapshot of its own, so
the reads after the lock see all that unit left. SQLite needs none of this (its units
are serialised at BEGIN IMMEDIATE).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: By id when `by_id` is given, else by the identity (platform, workspace, user). No row
#: when there is no such person. The person comes back whole (the table's row type, so a
#: column added later comes with it), and so does each row of `interviews_json`: an array
#: of [interview, its interviewers, its calls, its checkpoints by due time] by number.
LOCK_FUNCTION = """
CREATE OR REPLACE FUNCTION followup_lock_person(
    by_id integer, by_platform varchar, by_workspace varchar, by_user varchar,
    request varchar, with_interviews boolean)
RETURNS TABLE (person people, conversation text, answer text,
               answered_at timestamp with time zone, interviews_json text) AS $$
#variable_conflict use_column
DECLARE
    locked integer;
BEGIN
    IF by_id IS NOT NULL THEN
        SELECT p.id INTO locked FROM people AS p WHERE p.id = by_id
        FOR NO KEY UPDATE;
    ELSE
        SELECT p.id INTO locked FROM people AS p
        JOIN identities AS i ON i.person_id = p.id
        WHERE i.platform = by_platform AND i.workspace = by_workspace
          AND i.user_id = by_user
        FOR NO KEY UPDATE OF p;
    END IF;
    IF locked IS NULL THEN
        RETURN;
    END IF;
    -- A snapshot of its own, taken now that the lock is held.
    RETURN QUERY
    SELECT p,
           (SELECT c.state FROM conversations AS c WHERE c.person_id = locked),
           (SELECT a.answer FROM answered_requests AS a WHERE a.key = request),
           (SELECT a.answered_at FROM answered_requests AS a WHERE a.key = request),
           CASE WHEN with_interviews THEN (
               SELECT json_agg(json_build_array(
                   to_json(i),
                   (SELECT json_agg(to_json(v)) FROM interviewers AS v
                    WHERE v.interview_id = i.id),
                   (SELECT json_agg(to_json(k)) FROM calls AS k WHERE k.interview_id = i.id),
                   (SELECT json_agg(to_json(c) ORDER BY c.due_at, c.id)
                    FROM checkpoints AS c WHERE c.interview_id = i.id))
                   ORDER BY i.number)::text
               FROM interviews AS i WHERE i.person_id = locked) END
    FROM people AS p WHERE p.id = locked;
END;
$$ LANGUAGE plpgsql VOLATILE
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(LOCK_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS followup_lock_person("
                   "integer, varchar, varchar, varchar, varchar, boolean)")
