"""Ingest leaked files: read, discover columns, PRF identifiers, count people, store atomically."""

from __future__ import annotations

from leaktrace.ingest._people import People
from leaktrace.ingest.columns import ColumnRole, map_columns
from leaktrace.ingest.pipeline import (
    BeforeCommit,
    IngestReport,
    Options,
    Progress,
    TableMapping,
    collect,
    ingest_file,
    plan_columns,
)

__all__ = [
    "BeforeCommit",
    "ColumnRole",
    "IngestReport",
    "Options",
    "People",
    "Progress",
    "TableMapping",
    "collect",
    "ingest_file",
    "map_columns",
    "plan_columns",
]
