"""SQLAlchemy storage behind the core's repository protocol, with Alembic migrations."""
