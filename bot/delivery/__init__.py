"""Claiming due reminders, sending them, and settling what went out, exactly once."""
