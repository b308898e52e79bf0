"""Small statement helpers the storage modules share: a dialect's INSERT, a required row."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

T = TypeVar("T")


def upsertable_insert(session: Session, entity: type[Any]) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (both databases spell it alike)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(entity)
    if dialect == "sqlite":
        return sqlite.insert(entity)
    raise NotImplementedError(f"no upsert for the {dialect} database")


def required(value: T | None, kind: str, key: int) -> T:
    """`value`, or a LookupError naming what was missing."""
    if value is None:
        raise LookupError(f"no {kind} with id {key}")
    return value
