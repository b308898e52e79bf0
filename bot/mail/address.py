"""Private mail addresses: a random token at the deployment's mail domain.

The token is the local part, lower-case base32 so that mail servers which fold case
still deliver it. Only `token_hash` of it is stored: routing hashes the incoming local
part and looks that up, so the database never needs the token itself.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

#: 160 random bits: as unguessable as a calendar feed's token, short enough to type.
TOKEN_BYTES = 20


def new_token() -> str:
    """A fresh token, shown to the person once; only its hash is kept."""
    return base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode().lower().rstrip("=")


def token_hash(token: str) -> str:
    """What is stored and looked up: SHA-256 hex of the lower-cased token (no salt: the
    token is random, not chosen, so there is nothing to precompute)."""
    return hashlib.sha256(token.strip().lower().encode()).hexdigest()


def address_for(token: str, domain: str) -> str:
    return f"{token}@{domain.strip().lower()}"


def token_of(address: str, domain: str) -> str | None:
    """The token of `address` when it is at `domain` (any case, `<…>` allowed); None for
    mail to another domain or a local part that cannot be a token."""
    address = address.strip().strip("<>").strip()
    local, at, at_domain = address.rpartition("@")
    if not at or at_domain.lower() != domain.strip().lower():
        return None
    local = local.split("+", 1)[0].lower()  # user+tag@: the tag is the sender's own
    if not (16 <= len(local) <= 64 and local.isascii() and local.isalnum()):
        return None
    return local
