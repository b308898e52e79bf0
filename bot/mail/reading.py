"""Raw MIME in, the words a person wrote out: `email` with `policy.default`.

Multipart mail gives its plain part (else its HTML, as text); attachments are never
opened; a charset Python doesn't know is read as UTF-8 with replacements rather than
refused. Quoted replies ("On … wrote:", `>` lines) are cut, since they are someone
else's words. A forwarded message keeps the forwarded part and who sent it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

from bot.mail.html_text import html_to_text
from bot.mail.loops import loop_reason

#: Where a reply quotes what came before: everything from here on is not this mail's.
_QUOTE_START = re.compile(
    r"^(on\b.{0,200}\bwrote:\s*$|-{2,}\s*original message\s*-{2,}|_{10,}\s*$"
    r"|le .{0,200} a écrit\s*:|am .{0,200} schrieb .{0,100}:)", re.I)
_FORWARD_START = re.compile(
    r"^(-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:)\s*$", re.I)
#: Outlook's forward starts like its reply; only a "FW:" subject tells them apart.
_ORIGINAL_START = re.compile(r"^(-{2,}\s*original message\s*-{2,}|_{10,})\s*$", re.I)
_HEADER_LINE = re.compile(r"^\*?(from|to|cc|date|sent|subject)\*?:\s*(.*)$", re.I)
_FORWARD_SUBJECT = re.compile(r"^\s*(fwd?|fw)\s*:", re.I)


@dataclass(frozen=True, slots=True)
class Mail:
    """What is read of one message; the raw bytes are not kept."""

    sender: tuple[str, str]  # (display name, address) of From
    recipients: tuple[tuple[str, str], ...]  # To and Cc
    subject: str
    text: str  # this mail's own words: quotes cut, HTML as text
    forwarded: bool = False
    forwarded_from: tuple[str, str] | None = None  # who wrote the forwarded message
    loop: str | None = None  # why it is machine mail, if it is


def read_mail(raw: bytes, envelope_from: str | None = None) -> Mail | None:
    """The message in `raw`, or None when it is no readable message at all."""
    try:
        message = message_from_bytes(raw, policy=policy.default)
        if not isinstance(message, EmailMessage) or not message.keys():
            return None
        subject = str(message.get("Subject", "") or "")
        sender = parseaddr(str(message.get("From", "") or ""))
        recipients = tuple(getaddresses([str(v) for v in (*message.get_all("To", []),
                                                          *message.get_all("Cc", []))]))
        loop = loop_reason(message, envelope_from)
        inner = _attached_message(message)
        if inner is not None:  # forwarded as an attachment: read the attached message
            inner_sender = parseaddr(str(inner.get("From", "") or ""))
            return Mail(sender, recipients, subject, _own_words(_body_text(inner)),
                        True, inner_sender, loop)
        body = _body_text(message)
    except (LookupError, ValueError, TypeError, IndexError, AttributeError):
        return None
    says_forward = bool(_FORWARD_SUBJECT.match(subject))
    forwarded, forwarded_from, text = _split_forward(body, says_forward)
    forwarded = forwarded or says_forward
    return Mail(sender, recipients, subject, _own_words(text), forwarded, forwarded_from,
                loop)


def _attached_message(message: EmailMessage) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else payload
            if isinstance(inner, EmailMessage):
                return inner
    return None


def _body_text(message: EmailMessage) -> str:
    """The plain part, else the HTML part as text; attachments are skipped."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _decoded(part)
    return html_to_text(text) if part.get_content_subtype() == "html" else text


def _decoded(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        return content if isinstance(content, str) else ""
    except (LookupError, UnicodeError):  # an unknown or lying charset
        raw = part.get_payload(decode=True)
        return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else ""


def _split_forward(body: str, says_forward: bool
                   ) -> tuple[bool, tuple[str, str] | None, str]:
    """Whether `body` forwards a message, who wrote that message, and its text (the
    forwarded part only: the person's own note above it is theirs, not the employer's)."""
    lines = body.splitlines()
    for index, line in enumerate(lines):
        if not (_FORWARD_START.match(line.strip())
                or (says_forward and _ORIGINAL_START.match(line.strip()))):
            continue
        sender: tuple[str, str] | None = None
        rest = index + 1
        while rest < len(lines) and (found := _HEADER_LINE.match(lines[rest].strip())):
            if found[1].lower() == "from":
                sender = parseaddr(found[2])
            rest += 1
        return True, sender, "\n".join(lines[rest:])
    return False, None, body


def _own_words(text: str) -> str:
    """`text` without quoted replies or a signature; at most 20,000 characters read."""
    kept: list[str] = []
    lines = text[:20_000].replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        joined = " ".join(part.strip() for part in lines[index:index + 2])
        if _QUOTE_START.match(stripped) or (
                stripped.lower().startswith("on ") and _QUOTE_START.match(joined)):
            break
        if line.rstrip() == "--":  # "-- " starts a signature
            break
        kept.append(line.rstrip())
    return "\n".join(kept).strip()
