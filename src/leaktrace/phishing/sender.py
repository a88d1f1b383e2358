"""Who sent a text, as the phone shows it: a number, a short code, a name or an e-mail address.

An SMS carries no header a rule could read, but its sender is on the screen, and the one
channel that reports smishing in France (33700) asks for it after the text itself. Companies
and public services text from short codes (five digits in France) or a registered sender name;
bulk scams come from ordinary phone numbers, bought or stolen SIMs, and from e-mail
addresses, through iMessage or an operator's e-mail-to-SMS gateway, which the operators' spam
filters do not see. :func:`read_sender` checks what a caller gave (it is untrusted input like
the text), :func:`sender_of` says which of those kinds it is.

The sender is read, never echoed: the rules that use it quote its kind, not its value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

from leaktrace.errors import InputError

__all__ = [
    "MAX_SENDER_CHARS",
    "Sender",
    "SenderKind",
    "read_sender",
    "sender_in",
    "sender_of",
]

# An e-mail address has at most 254 characters (RFC 5321 path limit less the brackets).
MAX_SENDER_CHARS = 254
SenderKind = Literal["email", "short_code", "name", "number", "other"]

_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\".]+(?:\.[^@\s<>\".]+)+")
_SEPARATORS = re.compile(r"[\s().\-/]")
_SHORT_CODE = re.compile(r"\d{3,6}")
# A number as people write it: "+33 6 12 34 56 78", "(202) 555-0123", "0612345678".
_NUMBER = re.compile(r"(?:\+|00)?\d{7,15}")
# Operators deliver sender names of up to 11 characters (GSM 03.38 alphanumeric originator).
_NAME = re.compile(r"[^\W_][\w .&'-]{0,10}")
# Regions tried, in order, for a number written without its country code: a French 06/07
# number has ten digits from 0, a North American one ten from 2-9, a British mobile eleven
# from 07, so at most one of them accepts a given number.
_REGIONS = ("FR", "US", "GB")
_PERSONAL = frozenset(
    {
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
        PhoneNumberType.UNKNOWN,
    }
)


@dataclass(frozen=True, slots=True)
class Sender:
    """What kind of sender a text came from; ``digits`` for a number ("+" first if written
    with its country code)."""

    kind: SenderKind
    digits: str = ""

    @property
    def personal(self) -> bool:
        """An ordinary phone number, one a person can own (mobile, landline, VoIP), as opposed
        to a short code, a toll-free or a premium-rate line; also a number no numbering plan
        knows, which is how a spoofed or invented number looks. Asked only when a rule needs
        it: reading a number with ``phonenumbers`` costs ~60 µs, a sixth of a text's analysis.
        """
        return self.kind == "number" and _personal(self.digits)


def read_sender(value: object, where: str = "sender") -> str:
    """The sender a caller gave, checked: a string of at most 254 characters, no control
    characters. Blank is allowed and means "not known". Raises :class:`InputError`."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{where} must be a string")
    if len(value) > MAX_SENDER_CHARS:
        raise InputError(f"{where} is too long (more than {MAX_SENDER_CHARS} characters)")
    if _CONTROLS.search(value):
        raise InputError(f"{where} holds control characters")
    return value.strip()


def sender_in(document: Mapping[str, object]) -> str:
    """The ``"sender"`` of a JSON request or batch line, unchecked: absent is blank, but an
    explicit ``null`` is not a string (Python callers may pass None; JSON clients may not)."""
    value = document.get("sender", "")
    if not isinstance(value, str):
        raise InputError("sender must be a string")
    return value


@lru_cache(maxsize=4096)  # a campaign's texts come from a few numbers
def _personal(digits: str) -> bool:
    for region in (None,) if digits.startswith("+") else _REGIONS:
        try:
            parsed = phonenumbers.parse(digits, region)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.number_type(parsed) in _PERSONAL
    return True


def sender_of(value: str) -> Sender | None:
    """The kind of a checked sender; None when it is blank (not known)."""
    if not value:
        return None
    if _EMAIL.fullmatch(value):
        return Sender("email")
    compact = _SEPARATORS.sub("", value)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if _SHORT_CODE.fullmatch(compact):
        return Sender("short_code")
    if _NUMBER.fullmatch(compact):
        return Sender("number", compact)
    if compact.lstrip("+").isdigit():  # too short for a number, too long for a short code
        return Sender("other")
    if _NAME.fullmatch(value):
        return Sender("name")
    return Sender("other")
