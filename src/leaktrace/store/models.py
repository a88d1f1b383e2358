"""The breach object, with the field names of the HIBP v3 breach model plus ``Parents``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from leaktrace.errors import InputError
from leaktrace.store.data_classes import from_mask

__all__ = ["BREACH_NAME_PATTERN", "Breach", "Lineage", "Parent", "validate_breach_name"]

# Names are persisted and appear in URLs (/v1/breaches/{Name}): keep them URL-safe.
BREACH_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
_NAME = re.compile(BREACH_NAME_PATTERN)


def validate_breach_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise InputError(
            "breach name must be 1-64 characters: letters, digits, '_', '.', '-', "
            "starting with a letter or digit"
        )
    return name


@dataclass(frozen=True, slots=True)
class Parent:
    """A breach this one was (partly) made from: ``share`` of this breach's people are in it,
    and they are ``coverage`` of the parent's people."""

    name: str
    share: float
    coverage: float = 0.0


@dataclass(frozen=True, slots=True)
class Lineage:
    """The stored outcome of tracing a breach against those known before it."""

    verdict: str  # "new" | "repackaged" | "aggregate"
    people: int
    new_share: float
    parents: tuple[Parent, ...]


@dataclass(frozen=True, slots=True)
class Breach:
    name: str
    title: str
    breach_date: dt.date
    added_date: dt.datetime
    pwn_count: int = 0
    data_classes_mask: int = 0
    domain: str = ""
    description: str = ""
    is_verified: bool = False
    is_fabricated: bool = False
    is_sensitive: bool = False
    is_spam_list: bool = False
    parents: tuple[Parent, ...] = field(default_factory=tuple)

    @property
    def data_classes(self) -> list[str]:
        return from_mask(self.data_classes_mask)

    def to_hibp(self) -> dict[str, Any]:
        """The HIBP v3 breach model's field names and formats, plus ``Parents``."""
        added = self.added_date.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None)
        return {
            "Name": self.name,
            "Title": self.title,
            "Domain": self.domain,
            "BreachDate": self.breach_date.isoformat(),
            "AddedDate": added.isoformat() + "Z",
            "PwnCount": self.pwn_count,
            "Description": self.description,
            "DataClasses": self.data_classes,
            "IsVerified": self.is_verified,
            "IsFabricated": self.is_fabricated,
            "IsSensitive": self.is_sensitive,
            "IsSpamList": self.is_spam_list,
            "Parents": [{"Name": p.name, "Share": round(p.share, 4)} for p in self.parents],
        }
