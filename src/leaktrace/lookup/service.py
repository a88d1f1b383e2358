"""The server side of the private check: OPRF evaluation, padded ranges, the breach catalogue.

Shared by the in-process client (CLI) and the HTTP API, so both answer byte for byte alike.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from typing import Any

from leaktrace.crypto import oprf
from leaktrace.crypto.keys import ServerKey
from leaktrace.errors import CryptoError, InputError
from leaktrace.store import Store

__all__ = ["MAX_BATCH", "MIN_RANGE_ENTRIES", "PREFIX_HEX", "LookupService"]

MAX_BATCH = 64
MIN_RANGE_ENTRIES = 64
PREFIX_HEX = 5  # 20 bits
SUFFIX_HEX = 32 - PREFIX_HEX
_PREFIX = re.compile(r"[0-9a-fA-F]{5}")
_ELEMENT = re.compile(r"[0-9a-fA-F]{64}")


class LookupService:
    def __init__(self, store: Store, key: ServerKey) -> None:
        self._store = store
        self._key = key
        # Decoys are derived, not random per request, so a range answer is stable (cacheable,
        # byte-identical in static exports) and repeated requests cannot average them away.
        decoy_key = hashlib.sha512(b"leaktrace decoys v1" + key.secret).digest()[:32]
        # Keyed once: copying a keyed HMAC skips the key schedule on every decoy.
        self._decoy_mac = hmac.new(decoy_key, digestmod=hashlib.sha256)

    @property
    def key_id(self) -> str:
        return self._key.key_id

    def evaluate(self, blinded: Sequence[str]) -> dict[str, Any]:
        """BlindEvaluate a batch of hex-encoded blinded elements."""
        if not isinstance(blinded, list | tuple) or not 1 <= len(blinded) <= MAX_BATCH:
            raise InputError(f"'blinded' must be a list of 1 to {MAX_BATCH} elements")
        elements: list[bytes] = []
        for item in blinded:
            if not isinstance(item, str) or not _ELEMENT.fullmatch(item):
                raise CryptoError
            elements.append(bytes.fromhex(item))
        evaluated = oprf.blind_evaluate_batch(self._key.secret, elements)
        return {"evaluated": [e.hex() for e in evaluated], "key_id": self._key.key_id}

    def _decoys(self, prefix: str, count: int) -> list[str]:
        suffixes: list[str] = []
        counter = 0
        while len(suffixes) < count:
            mac = self._decoy_mac.copy()
            mac.update(f"{prefix}:{counter}".encode())
            suffixes.append(mac.hexdigest()[:SUFFIX_HEX])
            counter += 1
        return suffixes

    def range(self, prefix: str) -> dict[str, Any]:
        """All index keys under a 20-bit prefix, padded with decoys to at least 64 entries."""
        if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
            raise InputError("range prefix must be 5 hexadecimal digits")
        prefix = prefix.lower()
        pairs = [
            (key.hex()[PREFIX_HEX:], names)
            for key, names in self._store.range_entries(int(prefix, 16), PREFIX_HEX * 4)
        ]
        missing = MIN_RANGE_ENTRIES - len(pairs)
        if missing > 0:
            pairs.extend((suffix, []) for suffix in self._decoys(prefix, missing))
        pairs.sort()
        entries = [{"suffix": suffix, "breaches": names} for suffix, names in pairs]
        return {"prefix": prefix, "entries": entries}

    def breaches(self) -> list[dict[str, Any]]:
        return [breach.to_hibp() for breach in self._store.breaches()]

    def breach(self, name: str) -> dict[str, Any]:
        return self._store.breach(name).to_hibp()
