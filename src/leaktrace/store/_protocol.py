"""The ``Store`` protocol every backend implements."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from leaktrace.store._ranges import RangeEntry
from leaktrace.store.models import Breach, Lineage

__all__ = ["IngestWriter", "RangeEntry", "Store"]


class IngestWriter(Protocol):
    """Receives one breach's exposures inside the ingest transaction."""

    def add(self, exposures: Iterable[tuple[bytes, int]]) -> None:
        """Add (index key, data-class mask) pairs; masks of a repeated key are OR-ed."""

    def add_links(self, keys: Iterable[bytes]) -> None:
        """Add linking keys (name + date of birth PRFs), never served by public lookups."""

    def add_source(self, sha256: str, size: int) -> None:
        """Record the content hash of a file this breach was ingested from."""

    def set_lineage(self, lineage: Lineage) -> None:
        """Record how this breach traces to the breaches known before it."""

    def set_sketch(self, keys: int, minhash: bytes) -> None:
        """Record a MinHash sketch of this breach's keys (provenance shortlists)."""

    def finish(self, pwn_count: int, data_classes_mask: int) -> None:
        """Record the person count and the breach's data classes; required before commit."""


class Store(Protocol):
    """Breaches and exposures. Holds PRF outputs and metadata, never an identifier."""

    def close(self) -> None: ...

    def key_id(self) -> str | None:
        """The OPRF key id the index was built with, or None while the store is empty."""

    def bind_key(self, key_id: str) -> None:
        """Record the key id on first use; refuse a different key afterwards (KeyFileError)."""

    def ingest(
        self, breach: Breach, *, replace: bool = False
    ) -> AbstractContextManager[IngestWriter]:
        """A transaction for one breach: committed whole on clean exit, nothing on error."""

    def breaches(self) -> list[Breach]: ...

    def breach(self, name: str) -> Breach:
        """The named breach, or NotFoundError."""

    def delete_breach(self, name: str) -> None: ...

    def source_breaches(self, sha256: str) -> list[str]:
        """Names of the breaches already ingested from a file with this content hash."""

    def range_entries(self, prefix: int, prefix_bits: int = 20) -> list[RangeEntry]:
        """Keys whose first ``prefix_bits`` bits equal ``prefix``; sensitive breaches left out."""

    def lineage(self, name: str) -> Lineage | None:
        """The traced lineage of a breach, None if it was never traced."""

    def lineage_edges(self) -> list[tuple[str, str, float, float]]:
        """Every (child, parent, share, coverage) edge of the lineage graph."""

    def sketches(self) -> list[tuple[str, int, bytes]]:
        """(breach name, number of keys, MinHash bytes) of every sketched breach."""

    def memberships(
        self, keys: Sequence[bytes], only: Collection[str] | None = None
    ) -> dict[bytes, set[str]]:
        """For each key found: the breaches holding it (among ``only`` when given), as exposure or
        linking key, sensitive included (for provenance, never for public answers)."""

    def exposures(self, keys: Sequence[bytes]) -> dict[bytes, list[tuple[str, int]]]:
        """For each key found: (breach name, data-class mask), sensitive breaches included."""
