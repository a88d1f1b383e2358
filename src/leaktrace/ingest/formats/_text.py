"""Bytes to text: encoding detection on a sample, incremental decoding, bounded lines.

Detection, in order: a BOM (UTF-8, UTF-16, UTF-32); BOM-less UTF-16 (one byte of each pair is
mostly zero); UTF-8 when the sample decodes as UTF-8, or when its valid multi-byte sequences
outnumber its invalid bytes (a mixed compilation); otherwise the Western single-byte
code page under which the sample's non-ASCII characters look most like French/Western text
(cp1252 first), and only when none is convincing, charset-normalizer's guess. charset-normalizer
alone is not trusted for this: on short French samples it prefers cp775 or cp850 over cp1252.

Decoding never stops on a bad byte. In UTF-8 text a byte that is not UTF-8 is read as cp1252
(leak compilations concatenate files of both encodings); elsewhere it becomes a lone surrogate
that marks its row as undecodable (see :data:`._types.TAINT`).
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Final

import charset_normalizer

from leaktrace.ingest.formats._types import TAINT, Limits, fail

__all__ = ["TextSource", "detect_encoding", "open_text"]

SAMPLE_BYTES: Final = 128 << 10
_CHUNK: Final = 1 << 20
_MARK: Final = "leaktrace.mark"
_UTF8_FALLBACK: Final = "leaktrace.cp1252"
_WESTERN_CODECS: Final = ("cp1252", "iso8859-15", "cp850", "mac-roman")
_CONVINCING: Final = 0.8
# Non-ASCII characters that French and neighbouring languages actually use. A wrong code page
# turns them into box drawing, Greek, C1 controls or odd punctuation, which scores low.
_WESTERN: Final = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœŒ€’‘“”«»°–—…\xa0·£§²"
)
_BINARY_RATIO: Final = 0.02
_NON_ASCII: Final = re.compile("[^\x00-\x7f]")
_CONTROLS: Final = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")


def _byte_mark(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start : exc.end]), exc.end


_CP1252_TABLE: Final = tuple(
    bytes([b]).decode("cp1252", errors="ignore") or chr(0xDC00 + b) for b in range(256)
)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(_CP1252_TABLE[b] for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_MARK, _byte_mark)
codecs.register_error(_UTF8_FALLBACK, _cp1252_fallback)


def _bomless_utf16(head: bytes) -> str | None:
    n = len(head) // 2 * 2
    if n < 8:
        return None
    half = n // 2
    zeros_even, zeros_odd = head[0:n:2].count(0), head[1:n:2].count(0)
    if zeros_odd > 0.3 * half and zeros_even < 0.05 * half:
        name = "utf-16-le"
    elif zeros_even > 0.3 * half and zeros_odd < 0.05 * half:
        name = "utf-16-be"
    else:
        return None
    # Binary files also have zeros in one byte of each pair; real text decodes to printables.
    text = head[:n].decode(name, errors="replace")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\r\n")
    return name if printable >= 0.95 * len(text) else None


def _is_utf8(head: bytes, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _western_score(text: str) -> float:
    runs = good = 0
    run: list[str] = []
    for ch in text + "a":  # the sentinel closes the last run
        if ch >= "\x80":
            run.append(ch)
            continue
        if run:
            runs += 1
            # Four accented letters in a row is a Cyrillic or Greek word read in the wrong page.
            good += len(run) <= 3 and all(c in _WESTERN for c in run)
            run = []
    return good / runs if runs else 1.0


def _single_byte(head: bytes) -> str:
    best, best_score = "cp1252", -1.0
    for name in _WESTERN_CODECS:
        try:
            score = _western_score(head.decode(name))
        except UnicodeDecodeError:
            continue
        if score > best_score:
            best, best_score = name, score
    if best_score >= _CONVINCING:
        return best
    guess = charset_normalizer.from_bytes(head).best()
    return codecs.lookup(guess.encoding).name if guess is not None else best


def detect_encoding(head: bytes, complete: bool) -> str:
    """The codec name to decode a stream starting with ``head`` (``complete``: all of it)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _bomless_utf16(head)
    if utf16 is not None:
        return utf16
    if _is_utf8(head, complete):
        return "utf-8"
    # A compilation that is mostly UTF-8 with some cp1252 rows: UTF-8 with the cp1252 fallback
    # reads both right, whereas any single-byte page would garble every UTF-8 row.
    decoded = head.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd")
    if len(_NON_ASCII.findall(decoded)) - invalid > invalid:
        return "utf-8"
    return _single_byte(head)


@dataclass
class TextSource:
    """A decoded member: ``sample`` (its first characters), then the rest on demand.

    ``complete`` is true when ``sample`` is the whole text. Use one of :meth:`lines` or
    :meth:`chunks`, once.
    """

    name: str
    encoding: str
    sample: str
    complete: bool
    stream: IO[str]
    limits: Limits

    def lines(self) -> Iterator[str]:
        """Physical lines with their line ends (``\\n``, ``\\r\\n`` or ``\\r``)."""
        limit = self.limits.max_line_bytes
        last = ""
        for line in io.StringIO(self.sample, newline=""):
            if len(line) > limit:
                raise fail(self.name, f"a line is longer than {limit} bytes")
            if line.endswith(("\n", "\r")):
                yield line
            else:
                last = line  # the sample ends inside this line: complete it from the stream
        read = self.stream.readline
        while line := last + read(limit + 1 - len(last)):
            last = ""
            if len(line) > limit:
                raise fail(self.name, f"a line is longer than {limit} bytes")
            yield line

    def chunks(self) -> Iterator[str]:
        """The text in pieces of arbitrary size (at most about a megabyte each)."""
        if self.sample:
            yield self.sample
        while chunk := self.stream.read(_CHUNK):
            yield chunk


def _looks_binary(sample: str) -> bool:
    # A ratio, not "any NUL": real dumps carry the odd NUL or control byte in a field.
    odd = len(_CONTROLS.findall(sample)) + len(TAINT.findall(sample))
    return odd > _BINARY_RATIO * max(len(sample), 1)


def open_text(name: str, head: bytes, stream: IO[bytes], limits: Limits) -> TextSource:
    """Decode ``stream``, whose first bytes are ``head`` (a sample; ``stream`` still has them)."""
    complete = len(head) < SAMPLE_BYTES
    encoding = detect_encoding(head, complete)
    errors = _UTF8_FALLBACK if encoding.startswith("utf-8") else _MARK
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    sample = text.read(SAMPLE_BYTES // 2)
    # TextIOWrapper.read(n) returns fewer than n characters only at the end of the stream.
    at_end = len(sample) < SAMPLE_BYTES // 2
    if _looks_binary(sample):
        raise fail(name, "binary data, not a text, SQL, JSON or spreadsheet file")
    label = "latin-1" if encoding == "iso8859-1" else encoding
    return TextSource(name, label, sample, at_end, text, limits)
