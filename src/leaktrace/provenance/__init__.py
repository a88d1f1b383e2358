"""Provenance: is a file a new breach, or known data re-packaged, and in which proportions."""

from __future__ import annotations

from leaktrace.provenance.trace import TracedIngest, trace_file
from leaktrace.provenance.verdict import (
    AGGREGATE_MIN_SHARE,
    PARENT_FLOOR,
    REPACKAGED_SHARE,
    TraceResult,
    decide,
)

__all__ = [
    "AGGREGATE_MIN_SHARE",
    "PARENT_FLOOR",
    "REPACKAGED_SHARE",
    "TraceResult",
    "TracedIngest",
    "decide",
    "trace_file",
]
