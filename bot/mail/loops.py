"""Mail written by a machine in answer to mail: auto-replies, out-of-office, bounces.

Answering one starts a loop between two robots, and acting on one would record news no
person sent. The standard marks (RFC 3834's `Auto-Submitted`, the older `Precedence`,
an empty return path, a delivery report) are enough; such mail is dropped unread.
"""

from __future__ import annotations

from email.message import Message

_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
_AUTOREPLY_FLAGS = ("X-Autoreply", "X-Autorespond")


def loop_reason(message: Message, envelope_from: str | None = None) -> str | None:
    """Why `message` is machine mail, or None for mail a person sent.

    `envelope_from` is SMTP's MAIL FROM where the mail came over SMTP: empty (`<>`)
    there is a bounce, whatever the headers say."""
    auto = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto and auto.split(";", 1)[0].strip() != "no":
        return "auto-submitted"
    if str(message.get("Precedence", "")).strip().lower() in _PRECEDENCE:
        return "precedence"
    return_path = message.get("Return-Path")
    if return_path is not None and str(return_path).strip() in ("<>", ""):
        return "empty return path"
    if envelope_from is not None and envelope_from.strip() in ("", "<>"):
        return "empty envelope sender"
    for flag in _AUTOREPLY_FLAGS:
        if message.get(flag) is not None:
            return "auto-reply flag"
    if message.get_content_type() == "multipart/report":
        return "delivery report"
    return None
