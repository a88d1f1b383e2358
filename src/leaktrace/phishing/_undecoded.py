"""Bodies still in their transfer encoding: MIME parts, quoted-printable or base64 as sent.

Mail copied from a "show original" view, or exported by tools that keep each part's raw
payload, reaches us as text that still holds boundaries and part headers, ``=3D`` and soft
line breaks, or a block of base64. A reader sees through it; the rules would not, so each
of these is decoded before the rules run. Every step is best effort on untrusted text: what
does not decode cleanly is left as it was, never refused.
"""

from __future__ import annotations

import base64
import binascii
import email
import quopri
import re
from email import policy
from email.message import Message as StdMessage

__all__ = ["as_text", "part_text", "undecoded_parts"]

# A boundary line followed by part headers, one of them Content-Type or -Transfer-Encoding.
_PART = re.compile(
    r"^--([!-~]{1,200})\r?\n(?:[A-Za-z][A-Za-z0-9-]{0,40}:[^\n]*\n(?:[ \t][^\n]*\n)*)*?"
    r"content-(?:type|transfer-encoding):",
    re.IGNORECASE | re.MULTILINE,
)
_QP_ESCAPE = re.compile(r"=(?:[0-9A-F]{2})")
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
_MAX_DEPTH = 2


def _printable(text: str) -> bool:
    """Mostly letters, digits, punctuation and white space: what decoded text looks like."""
    sample = text[:2000]
    if not sample.strip():
        return False
    odd = sum(1 for ch in sample if not (ch.isprintable() or ch in "\r\n\t"))
    return odd <= len(sample) // 50


def as_text(data: bytes) -> str:
    """UTF-8, else Windows-1252: the usual other encoding of French text; it decodes any byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def part_text(part: StdMessage, charset: str) -> str:
    """A MIME part's decoded payload as text; "" when the payload does not decode."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # the stdlib decoders raise assorted errors on hostile input
        return ""
    if not isinstance(payload, bytes):
        return ""
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return as_text(payload)


def _quoted_printable(text: str) -> str | None:
    """Decoded text when it reads as quoted-printable (soft breaks and ``=XX`` escapes)."""
    if "=" not in text:
        return None
    breaks = text.count("=\n") + text.count("=\r\n")
    escapes = len(_QP_ESCAPE.findall(text))
    if breaks + escapes < 3 or (breaks < 2 and escapes < 3):
        return None
    decoded = as_text(quopri.decodestring(text.encode("utf-8", "replace")))
    return decoded if _printable(decoded) else None


def _base64(text: str) -> str | None:
    """Decoded text when the whole body is a base64 block of readable text."""
    head = text.lstrip()[:80].partition("\n")[0].strip()
    if _BASE64_LINE.fullmatch(head) is None:  # most texts fail on their first line
        return None
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or len("".join(lines)) < 60:
        return None
    if any(_BASE64_LINE.fullmatch(line) is None for line in lines[:-1]):
        return None
    try:
        data = base64.b64decode("".join(lines), validate=True)
    except (binascii.Error, ValueError):
        return None
    decoded = as_text(data)
    return decoded if _printable(decoded) else None


def _parts(msg: StdMessage, depth: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if not ctype.startswith("text/") or part.get_filename():
            continue
        text = part_text(part, part.get_content_charset() or "utf-8")
        if text:
            found.extend(_undecoded(text, ctype, depth + 1))
    return found


def _undecoded(text: str, ctype: str, depth: int) -> list[tuple[str, str]]:
    if depth <= _MAX_DEPTH:
        part = _PART.search(text, 0, 20_000) if "--" in text else None
        if part is not None:
            boundary = part.group(1).rstrip("-")
            wrapper = f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'
            msg = email.message_from_string(wrapper + text[part.start() :], policy=policy.compat32)
            found = _parts(msg, depth)
            if found:
                before = text[: part.start()].strip()
                return ([(ctype, before)] if before else []) + found
        for decode in (_quoted_printable, _base64):
            decoded = decode(text)
            if decoded is not None:
                return _undecoded(decoded, ctype, depth + 1)
    return [(ctype, text)]


def undecoded_parts(text: str, ctype: str = "text/plain") -> list[tuple[str, str]] | None:
    """The (content type, text) parts of a body still in its transfer encoding, decoded.

    None when ``text`` reads as ordinary text, which is nearly always: the checks are a few
    regular-expression searches.
    """
    parts = _undecoded(text, ctype, 0)
    if len(parts) == 1 and parts[0][1] is text:
        return None
    return parts
