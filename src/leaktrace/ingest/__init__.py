"""Ingest leaked files: read, discover columns, PRF identifiers, count people, store atomically."""

from __future__ import annotations

from leaktrace.ingest.columns import ColumnRole, map_columns
from leaktrace.ingest.pipeline import IngestReport, Progress, ingest_file, plan_columns

__all__ = ["ColumnRole", "IngestReport", "Progress", "ingest_file", "map_columns", "plan_columns"]
