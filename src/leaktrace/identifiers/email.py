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

import re
import unicodedata
from typing import Final

from email_validator import SPECIAL_USE_DOMAIN_NAMES, validate_email

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


# Plain ASCII addresses (nearly all of them) are checked by this stricter pattern instead of
# email-validator, which costs ~20 µs an address: a dot-atom local part of common characters,
# LDH domain labels without "--" (IDNA's reserved form), an alphabetic TLD. Every address it
# accepts, email-validator accepts with the same canonical form (tested); the rest go the slow way.
_SIMPLE: Final = re.compile(
    r"(?P<local>[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*)@"
    r"(?P<domain>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})"
)
_SPECIAL_USE: Final = frozenset(SPECIAL_USE_DOMAIN_NAMES)


def _fast(text: str) -> str | None:
    lowered = text.lower()
    match = _SIMPLE.fullmatch(lowered)
    if match is None or len(lowered) > 254 or len(match["local"]) > 64:
        return None
    domain = match["domain"]
    if "--" in domain or len(domain) > 253:
        return None
    labels = domain.split(".")
    if any(".".join(labels[i:]) in _SPECIAL_USE for i in range(len(labels))):
        return None
    return lowered


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
    fast = _fast(text)
    if fast is not None:
        return fast
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
