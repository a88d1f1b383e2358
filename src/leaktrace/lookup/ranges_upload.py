"""``export-ranges s3://bucket/prefix``: the static export, on object storage (fsspec).

The export is built in a local temporary folder by :func:`export_ranges` (so the bytes are the
very ones a local export writes, and a failed export uploads nothing) and then uploaded with
fsspec; ``index.json`` goes last, so a reader that finds it finds every range.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from leaktrace.crypto import ServerKey
from leaktrace.errors import InputError, LeaktraceError
from leaktrace.lookup.ranges_export import INDEX_FILE, ExportProgress, ExportReport, export_ranges
from leaktrace.store import Store

__all__ = ["is_remote", "upload_export"]


def is_remote(target: str) -> bool:
    """True for an fsspec URL other than a local path (``s3://``, ``gs://``, ``memory://``…)."""
    scheme, sep, _ = target.partition("://")
    return bool(sep) and scheme not in ("", "file")


def upload_export(
    store: Store,
    key: ServerKey,
    url: str,
    *,
    prefixes: Iterable[str] | None = None,
    jobs: int = 1,
    progress: ExportProgress | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> ExportReport:
    """Export to a temporary folder, then upload it to ``url``."""
    import fsspec  # only for remote targets: s3fs and its botocore take a second to import

    try:
        fs, root = fsspec.core.url_to_fs(url, **dict(storage_options or {}))
    except (ImportError, ValueError) as exc:
        raise InputError(f"unsupported export target {url.split('://')[0]}:// ({exc})") from None
    with tempfile.TemporaryDirectory(prefix="leaktrace-export-") as tmp:
        local = Path(tmp) / "export"
        report = export_ranges(store, key, local, prefixes=prefixes, jobs=jobs, progress=progress)
        root = root.rstrip("/")
        try:
            files = [p for p in sorted(local.rglob("*")) if p.is_file() and p.name != INDEX_FILE]
            targets = [f"{root}/{p.relative_to(local).as_posix()}" for p in files]
            # One batched call: fsspec's async filesystems (s3fs) upload these concurrently.
            fs.put([str(p) for p in files], targets)
            fs.put(str(local / INDEX_FILE), f"{root}/{INDEX_FILE}")
        except LeaktraceError:
            raise
        except Exception as exc:  # botocore, aiohttp and OS errors alike: one line, no detail
            raise InputError(f"upload to {url} failed ({type(exc).__name__})") from None
    return report
