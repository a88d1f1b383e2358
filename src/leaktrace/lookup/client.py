"""The client side of the private check: normalize, blind, evaluate remotely, finalize, range.

The same :class:`Client` runs in-process (CLI on a local store) and over HTTP; only the
transport differs. The identifier never leaves this module: the transport sees blinded
elements and 5-hex-digit range prefixes only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from leaktrace.crypto import index_key, oprf
from leaktrace.crypto._group import RandomBytes
from leaktrace.identifiers import encode
from leaktrace.lookup.service import MAX_BATCH, PREFIX_HEX, LookupService

__all__ = ["CheckResult", "Client", "InProcessTransport", "Transport"]


class Transport(Protocol):
    def evaluate(self, blinded: Sequence[str]) -> dict[str, Any]: ...
    def range(self, prefix: str) -> dict[str, Any]: ...
    def breach(self, name: str) -> dict[str, Any]: ...


class InProcessTransport:
    """Calls a :class:`LookupService` directly: the CLI's path against a local store."""

    def __init__(self, service: LookupService) -> None:
        self._service = service

    def evaluate(self, blinded: Sequence[str]) -> dict[str, Any]:
        return self._service.evaluate(list(blinded))

    def range(self, prefix: str) -> dict[str, Any]:
        return self._service.range(prefix)

    def breach(self, name: str) -> dict[str, Any]:
        return self._service.breach(name)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The answer for one identifier. Holds its kind, never its value."""

    kind: str
    breaches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exposed(self) -> bool:
        return bool(self.breaches)


class Client:
    def __init__(self, transport: Transport, random_bytes: RandomBytes = os.urandom) -> None:
        self._transport = transport
        self._random_bytes = random_bytes

    def index_keys(self, identifiers: Sequence[tuple[str, str]]) -> list[bytes]:
        """Index keys of normalized (kind, value) pairs through the blind protocol."""
        blinded = [
            oprf.blind(encode(kind, value), self._random_bytes) for kind, value in identifiers
        ]
        keys: list[bytes] = []
        for start in range(0, len(blinded), MAX_BATCH):
            batch = blinded[start : start + MAX_BATCH]
            answer = self._transport.evaluate([b.blinded_element.hex() for b in batch])
            evaluated = [bytes.fromhex(e) for e in answer["evaluated"]]
            keys.extend(index_key(out) for out in oprf.finalize_batch(batch, evaluated))
        return keys

    def check(self, identifiers: Sequence[tuple[str, str]]) -> list[CheckResult]:
        """Check normalized (kind, value) pairs; one result per pair, in order."""
        keys = self.index_keys(identifiers)
        ranges: dict[str, dict[str, list[str]]] = {}
        details: dict[str, dict[str, Any]] = {}
        results: list[CheckResult] = []
        for (kind, _), key in zip(identifiers, keys, strict=True):
            hexkey = key.hex()
            prefix, suffix = hexkey[:PREFIX_HEX], hexkey[PREFIX_HEX:]
            if prefix not in ranges:
                answer = self._transport.range(prefix)
                ranges[prefix] = {e["suffix"]: e["breaches"] for e in answer["entries"]}
            names = ranges[prefix].get(suffix, [])
            for name in names:
                if name not in details:
                    details[name] = self._transport.breach(name)
            results.append(CheckResult(kind, [details[name] for name in names]))
        return results
