"""One-time secrets: verification link tokens, SMS codes, organisation API keys.

Tokens carry 256 bits from the OS (``secrets.token_urlsafe(32)``); only their SHA-256 is
stored, so a copy of ``notify.db`` confirms nothing. SMS codes are 6 digits, so they are stored
as a keyed hash (``Sealer.code_hash``), expire in minutes and die after a few wrong tries.
Every comparison of a presented secret with a stored one goes through ``hmac.compare_digest``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable

__all__ = [
    "CODE_DIGITS",
    "CodeFactory",
    "TokenFactory",
    "looks_like_code",
    "looks_like_token",
    "new_code",
    "new_token",
    "same_secret",
    "token_hash",
]

CODE_DIGITS = 6
TokenFactory = Callable[[], str]
CodeFactory = Callable[[], str]
# token_urlsafe(32): 43 characters; API keys carry a prefix so they are recognisable in a
# secret scanner. Anything else is refused before the database is touched.
_TOKEN = re.compile(r"(?:lto_)?[A-Za-z0-9_-]{43}")
_CODE = re.compile(rf"[0-9]{{{CODE_DIGITS}}}")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def token_hash(token: str) -> bytes:
    return hashlib.sha256(b"leaktrace token v1:" + token.encode()).digest()


def looks_like_token(token: object) -> bool:
    return isinstance(token, str) and _TOKEN.fullmatch(token) is not None


def looks_like_code(code: object) -> bool:
    return isinstance(code, str) and _CODE.fullmatch(code) is not None


def same_secret(presented: bytes, stored: object) -> bool:
    """Constant-time equality of two hashes; False when nothing is stored."""
    return isinstance(stored, bytes) and hmac.compare_digest(presented, stored)
