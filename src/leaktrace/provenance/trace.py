"""``trace`` (a dry run that stores nothing) and the tracing done on every ``ingest``."""

from __future__ import annotations

import tempfile
from pathlib import Path

from leaktrace.crypto import ServerKey
from leaktrace.ingest import BeforeCommit, IngestReport, Options, People, collect
from leaktrace.provenance.containment import containment
from leaktrace.provenance.verdict import TraceResult
from leaktrace.store import IngestWriter, Store

__all__ = ["TracedIngest", "trace_file"]


def trace_file(
    path: Path, store: Store, key: ServerKey, opts: Options | None = None
) -> tuple[TraceResult, IngestReport]:
    """Read ``path`` as ingest would and trace it against the store, without storing anything."""
    report = IngestReport(breach="")
    with tempfile.TemporaryDirectory(prefix="leaktrace-trace-") as scratch:
        people = People(Path(scratch))
        try:
            collect(path, key, people, report, opts or Options())
            result = containment(people, report.people, store, Path(scratch))
        finally:
            people.close()
    return result, report


class TracedIngest:
    """An ingest hook: traces the file against known breaches and stores the lineage.

    Runs inside the ingest transaction before the new keys are written, so the file is compared
    with the breaches known before it, never with itself.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self.result: TraceResult | None = None

    def __call__(self, people: People, writer: IngestWriter) -> None:
        with tempfile.TemporaryDirectory(prefix="leaktrace-trace-") as scratch:
            self.result = containment(people, people.people, self._store, Path(scratch))
        writer.set_lineage(self.result.to_lineage())

    @property
    def hook(self) -> BeforeCommit:
        return self
