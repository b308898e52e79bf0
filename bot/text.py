"""Cleaning what people type, and defusing what the bot echoes back to a channel."""

from __future__ import annotations

import re
import unicodedata

MAX_INPUT = 4000  # Slack's slash-command text tops out near here; DMs may be longer
MAX_FIELD = 120  # a company, role or name longer than this is a paste, not a name

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_MASS_MENTION = re.compile(r"@(everyone|here|channel)\b", re.IGNORECASE)
_SLACK_SPECIAL = re.compile(r"<!([a-z^|]+)[^>]*>", re.IGNORECASE)
_USER_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")


def clean_input(text: str) -> tuple[str, bool]:
    """Normalise typed text; return it with whether it had to be cut short."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    truncated = len(text) > MAX_INPUT
    return text[:MAX_INPUT], truncated


def defuse(text: str) -> str:
    """Make echoed user text unable to ping a whole channel or a person."""
    text = _SLACK_SPECIAL.sub(lambda m: f"<\u200b!{m.group(1)}>", text)
    text = _USER_MENTION.sub(lambda m: f"<\u200b@{m.group(1)}>", text)
    return _MASS_MENTION.sub(lambda m: f"@\u200b{m.group(1)}", text)


def short(text: str, limit: int = MAX_FIELD) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
