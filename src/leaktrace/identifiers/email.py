"""Canonical e-mail addresses: ``jean.dupont@orange.fr``.

Canonical form: local part lower-cased (then NFC), ``@``, domain in IDNA ASCII
(``exemple.xn--frane-1ra.fr``). Syntax is checked by email-validator without
any DNS query.

The local part is lower-cased although RFC 5321 says it is case-sensitive: no
real provider treats it so, and leaks routinely change its case.
Provider-specific aliasing (Gmail dots, ``+tag``) is *not* undone: it is not
universal, and guessing would merge distinct people's addresses.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from email_validator import validate_email

__all__ = ["MAX_LENGTH", "normalize"]

#: Longer inputs are rejected before any parsing. An address is at most 254
#: characters (RFC 5321 path limit); the slack absorbs leak noise.
MAX_LENGTH: Final = 320

_MAILTO: Final = "mailto:"


def _strip_noise(raw: str) -> str:
    """Remove the wrappers leaks add around an address.

    ``Jean <jean@x.fr>`` keeps only the bracketed part: a display name is
    common in exported mail headers and carries no identity we index.
    """
    text = raw.strip()
    if text.endswith(">"):
        start = text.rfind("<")
        if start < 0:
            return ""
        text = text[start + 1 : -1].strip()
    if text[: len(_MAILTO)].lower() == _MAILTO:
        text = text[len(_MAILTO) :].strip()
    return text


def normalize(raw: str) -> str | None:
    """Return the canonical form of an e-mail address, or ``None`` if invalid.

    Never raises on a ``str`` and never echoes the input: email-validator's
    messages quote the address, so its exceptions are swallowed, not chained.
    """
    if len(raw) > MAX_LENGTH:
        return None
    text = _strip_noise(raw)
    # Cheap pre-check: most non-e-mail cells (names, dates, numbers) have no
    # "@", and validate_email costs tens of microseconds.
    if "@" not in text or len(text) < 3:
        return None
    try:
        validated = validate_email(text, check_deliverability=False)
    except ValueError:  # EmailNotValidError, and UnicodeError from IDNA
        return None
    # lower() can leave a string that is no longer NFC; re-normalise so that
    # feeding the output back in is a no-op (email-validator NFCs its input).
    local = unicodedata.normalize("NFC", validated.local_part.lower())
    domain = validated.ascii_domain.lower()
    result = f"{local}@{domain}"
    try:
        result.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be hashed as UTF-8
        return None
    return result
