"""One reader per file format. Each yields a header and rows of strings."""

from __future__ import annotations

from leaktrace.ingest.formats.delimited import read_delimited

__all__ = ["read_delimited"]
