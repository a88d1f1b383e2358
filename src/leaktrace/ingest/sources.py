"""From a path to byte streams: transparent decompression and archives, with bomb guards.

:func:`open_members` yields one :class:`Member` per readable stream in the file: the file itself,
or what gzip, bz2 or xz decompress it to, or each member of a zip or tar archive (recursively, up to
a small depth). Detection uses magic bytes, never the file name. An XLSX workbook (a zip holding
``xl/workbook.xml``) is yielded whole as kind ``"xlsx"``. Decoding text is the job of
:mod:`leaktrace.ingest.formats._text`.

Nothing decompressed is ever spooled to disk: the content is the leak itself. That is why a zip
nested inside a gzip/xz stream (which would need a seekable copy) is refused rather than unpacked.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, Protocol

from leaktrace.ingest.formats._detect import detect_container, unsupported_container
from leaktrace.ingest.formats._types import Limits, clean_name, fail

__all__ = ["Member", "open_members"]

_MAX_NESTING: Final = 4
_PROGRESS_STEP: Final = 1 << 20
# Below this many on-disk bytes a high ratio is not judged: a tiny file of repeated text is not
# a bomb, and the output it can produce (floor × ratio) stays modest.
_RATIO_FLOOR: Final = 64 << 10
_MAGIC_BYTES: Final = 512
_XLSX_MARKER: Final = "xl/workbook.xml"
_SKIPPED_PREFIXES: Final = ("__MACOSX/",)
# What codecs raise on truncated or corrupt input; mapped to one line, the detail dropped.
_CODEC_ERRORS: Final = (
    EOFError,
    OSError,
    zlib.error,
    lzma.LZMAError,
    zipfile.BadZipFile,
    tarfile.TarError,
    ValueError,
    NotImplementedError,  # zipfile: unknown version or compression method
)


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass
class Member:
    """One stream to read: ``kind`` is ``"text"`` (bytes to decode) or ``"xlsx"`` (a workbook)."""

    name: str
    kind: str
    stream: IO[bytes]
    layer: _Layer | None  # text members: the layer whose head() the decoder samples


class _Disk(io.RawIOBase):
    """The on-disk file; counts bytes read, for progress and for the compression-ratio guard."""

    def __init__(self, raw: IO[bytes], size: int, on_bytes: Callable[[int], None] | None) -> None:
        self._raw = raw
        self.size = size
        self.count = 0
        self._reported = 0
        self._on_bytes = on_bytes

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        consumed = min(self.count, self.size)  # zip re-reads its directory: never report > size
        if self._on_bytes is not None and consumed - self._reported >= _PROGRESS_STEP:
            self._reported = consumed
            self._on_bytes(consumed)
        return len(data)

    def finish(self) -> None:
        if self._on_bytes is not None and self._reported < self.size:
            self._reported = self.size
            self._on_bytes(self.size)


class _Budget:
    """Decompressed bytes of one file, checked against the limits while streaming."""

    def __init__(self, name: str, disk: _Disk, limits: Limits) -> None:
        self.name, self.disk, self.limits = name, disk, limits
        self.out = 0

    def add(self, n: int) -> None:
        self.out += n
        if self.out > self.limits.max_decompressed_bytes:
            raise fail(self.name, "decompresses to more than the size limit")
        consumed = max(min(self.disk.count, self.disk.size), _RATIO_FLOOR)
        if self.out > self.limits.max_compression_ratio * consumed:
            raise fail(self.name, "compression ratio over the limit (decompression bomb?)")


class _Layer(io.RawIOBase):
    """A byte stream that replays its peeked head, counts output and maps codec errors."""

    def __init__(self, source: _Readable, name: str, codec: str, budget: _Budget | None) -> None:
        self._source, self.name, self._codec, self._budget = source, name, codec, budget
        self._head = b""
        self._replay = 0

    def readable(self) -> bool:
        return True

    def _read(self, n: int) -> bytes:
        try:
            data = self._source.read(n)
        except _CODEC_ERRORS:
            raise fail(self.name, f"truncated or corrupt {self._codec} data") from None
        if self._budget is not None:
            self._budget.add(len(data))
        return data

    def head(self, n: int) -> bytes:
        """The first ``n`` bytes (fewer at end of stream), without consuming them."""
        while len(self._head) < n:
            data = self._read(n - len(self._head))
            if not data:
                break
            self._head += data
        return self._head[:n]

    def readinto(self, buffer: Any) -> int:
        if self._replay < len(self._head):
            data = self._head[self._replay : self._replay + len(buffer)]
            self._replay += len(data)
        else:
            data = self._read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _decompressor(codec: str, source: IO[bytes]) -> _Readable:
    if codec == "gzip":
        return gzip.GzipFile(fileobj=source, mode="rb")
    if codec == "bz2":
        return bz2.BZ2File(source)
    return lzma.LZMAFile(source)


def _check_zip(name: str, zf: zipfile.ZipFile, disk_size: int, limits: Limits) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        raise fail(name, f"zip archive with more than {limits.max_zip_members} members")
    total = sum(i.file_size for i in infos)
    if total > limits.max_decompressed_bytes:
        raise fail(name, "zip archive declares more than the decompressed size limit")
    # Declared sizes are enforced by zipfile itself while reading, so they can be trusted as an
    # upper bound; overlapping-entry bombs show up here as a total far above the file size.
    if total > limits.max_compression_ratio * max(disk_size, _RATIO_FLOOR):
        raise fail(name, "zip archive compression ratio over the limit (zip bomb?)")
    if any(i.flag_bits & 0x1 for i in infos):
        raise fail(name, "encrypted zip archive: extract it with its password first")


def _expand(
    layer: _Layer,
    name: str,
    depth: int,
    reopen: Callable[[], IO[bytes]] | None,
    budget: _Budget,
    skip_empty: bool,
) -> Iterator[Member]:
    head = layer.head(_MAGIC_BYTES)
    refusal = unsupported_container(head)
    if refusal:
        raise fail(name, refusal)
    codec = detect_container(head)
    if codec and depth >= _MAX_NESTING:
        raise fail(name, "archives nested too deeply")
    buffered = io.BufferedReader(layer, 1 << 16)
    if codec in ("gzip", "bz2", "xz"):
        inner = _Layer(_decompressor(codec, buffered), name, codec, budget)
        yield from _expand(inner, name, depth + 1, None, budget, skip_empty)
    elif codec == "zip":
        if reopen is None:
            raise fail(name, "a zip archive inside a compressed stream is not supported")
        yield from _zip(name, reopen(), depth, budget)
    elif codec == "tar":
        yield from _tar(name, buffered, depth, budget)
    elif head:
        yield Member(name, "text", buffered, layer)
    elif not skip_empty:
        raise fail(name, "empty file")


def _open_zip(name: str, seekable: IO[bytes]) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(seekable)
    except _CODEC_ERRORS:
        raise fail(name, "truncated or corrupt zip archive") from None


def _zip(name: str, seekable: IO[bytes], depth: int, budget: _Budget) -> Iterator[Member]:
    with seekable, _open_zip(name, seekable) as zf:
        _check_zip(name, zf, budget.disk.size, budget.limits)
        if _XLSX_MARKER in zf.namelist():
            seekable.seek(0)
            yield Member(name, "xlsx", seekable, None)
            return
        for info in zf.infolist():
            if info.is_dir() or info.filename.startswith(_SKIPPED_PREFIXES):
                continue
            member = f"{name}!{clean_name(info.filename)}"

            def reopen(info: zipfile.ZipInfo = info) -> IO[bytes]:
                return zf.open(info)

            try:
                source = zf.open(info)
            except _CODEC_ERRORS:
                raise fail(member, "unsupported or corrupt zip member") from None
            with source:
                layer = _Layer(source, member, "zip", budget)
                yield from _expand(layer, member, depth + 1, reopen, budget, True)


def _open_tar(name: str, stream: IO[bytes]) -> tarfile.TarFile:
    try:
        return tarfile.open(fileobj=stream, mode="r|")
    except _CODEC_ERRORS:
        raise fail(name, "truncated or corrupt tar archive") from None


def _tar(name: str, stream: IO[bytes], depth: int, budget: _Budget) -> Iterator[Member]:
    members = 0
    with _open_tar(name, stream) as tf:
        while True:
            try:
                info = tf.next()
            except _CODEC_ERRORS:
                raise fail(name, "truncated or corrupt tar archive") from None
            if info is None:
                return
            members += 1
            if members > budget.limits.max_zip_members:
                raise fail(name, f"archive with more than {budget.limits.max_zip_members} members")
            source = tf.extractfile(info) if info.isfile() else None
            if source is None or info.name.startswith(_SKIPPED_PREFIXES):
                continue
            member = f"{name}!{clean_name(info.name)}"
            layer = _Layer(source, member, "tar", budget)
            yield from _expand(layer, member, depth + 1, None, budget, True)


@contextlib.contextmanager
def open_members(
    path: Path, limits: Limits, on_bytes: Callable[[int], None] | None = None
) -> Iterator[Iterator[Member]]:
    """Open ``path`` and give an iterator over its members; the file closes with the context.

    Each member must be read before asking for the next (archives are streamed). ``on_bytes``
    gets the on-disk bytes consumed so far, monotonic, and the file size once all is read.
    """
    try:
        raw = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        raise fail(path.name, f"cannot open ({exc.strerror or 'error'})") from None
    with raw:
        disk = _Disk(raw, size, on_bytes)
        budget = _Budget(path.name, disk, limits)
        top = io.BufferedReader(disk, 1 << 16)

        def reopen() -> IO[bytes]:
            top.seek(0)
            return top

        layer = _Layer(top, path.name, "file", None)
        yield _expand(layer, path.name, 0, reopen, budget, False)
        disk.finish()
