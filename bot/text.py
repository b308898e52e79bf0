"""Cleaning what people type before the core reads it.

Escaping what the bot echoes back is each adapter's job (Slack escapes mrkdwn and keeps
only the mentions a reply lists; Discord sends with no mentions allowed but those):
the core writes plain words, and a mention only as `bot.messages.mention`.
"""

from __future__ import annotations

import re
import unicodedata

MAX_INPUT = 4000  # Slack's slash-command text tops out near here; DMs may be longer
MAX_FIELD = 120  # a company, role or name longer than this is a paste, not a name

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def clean_input(text: str) -> tuple[str, bool]:
    """Normalise typed text; return it with whether it had to be cut short."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    truncated = len(text) > MAX_INPUT
    return text[:MAX_INPUT], truncated


def short(text: str, limit: int = MAX_FIELD) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
