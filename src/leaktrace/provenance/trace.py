"""``trace`` (a dry run that stores nothing) and the tracing done on every ``ingest``."""

from __future__ import annotations

import tempfile
from pathlib import Path

from datasketch import MinHash

from leaktrace.crypto import ServerKey
from leaktrace.ingest import BeforeCommit, IngestReport, Options, People, collect
from leaktrace.provenance.containment import containment
from leaktrace.provenance.sketch import SHORTLIST_ABOVE, shortlist, sketch, to_bytes
from leaktrace.provenance.verdict import TraceResult
from leaktrace.store import IngestWriter, Store

__all__ = ["TracedIngest", "trace_file"]


def _trace(
    people: People, store: Store, scratch: Path, shortlist_above: int
) -> tuple[TraceResult, int, MinHash]:
    size, minhash = sketch(key for key, _ in people.key_people())
    candidates = shortlist(store, minhash, size, shortlist_above)
    result = containment(people, people.people, store, scratch, candidates)
    return result, size, minhash


def trace_file(
    path: Path,
    store: Store,
    key: ServerKey,
    opts: Options | None = None,
    shortlist_above: int = SHORTLIST_ABOVE,
) -> tuple[TraceResult, IngestReport]:
    """Read ``path`` as ingest would and trace it against the store, without storing anything."""
    report = IngestReport(breach="")
    with tempfile.TemporaryDirectory(prefix="leaktrace-trace-") as scratch:
        people = People(Path(scratch))
        try:
            collect(path, key, people, report, opts or Options())
            result, _, _ = _trace(people, store, Path(scratch), shortlist_above)
        finally:
            people.close()
    return result, report


class TracedIngest:
    """An ingest hook: traces the file against known breaches and stores the lineage.

    Runs inside the ingest transaction before the new keys are written, so the file is compared
    with the breaches known before it, never with itself.
    """

    def __init__(self, store: Store, shortlist_above: int = SHORTLIST_ABOVE) -> None:
        self._store = store
        self._shortlist_above = shortlist_above
        self.result: TraceResult | None = None

    def __call__(self, people: People, writer: IngestWriter) -> None:
        with tempfile.TemporaryDirectory(prefix="leaktrace-trace-") as scratch:
            self.result, size, minhash = _trace(
                people, self._store, Path(scratch), self._shortlist_above
            )
        writer.set_lineage(self.result.to_lineage())
        writer.set_sketch(size, to_bytes(minhash))

    @property
    def hook(self) -> BeforeCommit:
        return self
