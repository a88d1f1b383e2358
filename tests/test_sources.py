"""Sources: decompression, archives, encodings, bomb guards and progress of ``read_tables``."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import lzma
import tarfile
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from leaktrace import synth
from leaktrace.errors import UnreadableFileError
from leaktrace.ingest.formats import Limits, Table, read_tables

HEADER = ["NOM", "PRENOM", "DATE_NAISSANCE", "NUM_SECU", "TEL", "MAIL", "VILLE", "COMMENTAIRE"]
ACCENTS = ["Lefèvre", "François", "01/02/1960", "", "", "", "Besançon", "cœur: 12 € réglés"]


def _rows(people: list[synth.Patient]) -> list[list[str]]:
    return [
        [
            p.last_name,
            p.first_name,
            p.birth_date.strftime("%d/%m/%Y"),
            p.nir,
            p.phone or "",
            p.email or "",
            p.city,
            p.comment,
        ]
        for p in people
    ]


@pytest.fixture(scope="module")
def table_rows() -> list[list[str]]:
    return [*_rows(synth.patients(120, 11)), ACCENTS]


def _csv(rows: list[list[str]], delimiter: str = ";", header: list[str] | None = HEADER) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def read_all(
    path: Path, **kwargs: object
) -> tuple[list[tuple[Table, list[list[str]]]], Counter[str]]:
    rejects: Counter[str] = Counter()
    tables = [(t, list(t.rows)) for t in read_tables(path, rejects, **kwargs)]  # type: ignore[arg-type]
    return tables, rejects


def expect_unreadable(path: Path, *, seconds: float = 10.0, **kwargs: object) -> str:
    start = time.perf_counter()
    with pytest.raises(UnreadableFileError) as info:
        read_all(path, **kwargs)
    assert time.perf_counter() - start < seconds
    message = str(info.value)
    assert not set(message) & {"\n", "\r"}
    return message


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
        (".bin", lambda data: gzip.compress(bz2.compress(data))),  # nested, no telling suffix
    ],
)
def test_compression_round_trip(
    tmp_path: Path, table_rows: list[list[str]], suffix: str, compress: Callable[[bytes], bytes]
) -> None:
    path = _write(tmp_path / f"leak{suffix}", compress(_csv(table_rows).encode()))
    [(table, rows)], rejects = read_all(path)
    assert table.header == HEADER
    assert rows == table_rows
    assert table.name == path.name
    assert not rejects


def test_zip_members_are_tables(tmp_path: Path, table_rows: list[list[str]]) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", _csv(table_rows[:60]).encode("cp1252", errors="replace"))
        zf.writestr("dir/", b"")
        zf.writestr("dir/b.txt", _csv(table_rows[60:], "|", None).encode())
    (a, a_rows), (b, b_rows) = read_all(path)[0]
    assert (a.name, b.name) == ("export.zip!a.csv", "export.zip!dir/b.txt")
    assert (a.header, b.header) == (HEADER, None)
    assert [r[0] for r in a_rows] == [r[0] for r in table_rows[:60]]
    assert b_rows == table_rows[60:]


def test_nested_zip_and_workbook_member(tmp_path: Path, table_rows: list[list[str]]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = io.BytesIO()
    workbook = openpyxl.Workbook()
    for row in [HEADER, *table_rows[:3]]:
        workbook.active.append(row)
    workbook.save(book)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", _csv(table_rows))
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner.zip", inner.getvalue())
        zf.writestr("book.xlsx", book.getvalue())
    (csv_table, csv_rows), (sheet, sheet_rows) = read_all(path)[0]
    assert csv_table.name == "outer.zip!inner.zip!a.csv"
    assert csv_rows == table_rows
    assert (sheet.name, sheet.format, sheet.header) == ("outer.zip!book.xlsx:Sheet", "xlsx", HEADER)
    assert sheet_rows == table_rows[:3]


def test_tar_gz_members(tmp_path: Path, table_rows: list[list[str]]) -> None:
    data = _csv(table_rows).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tf:
        info = tarfile.TarInfo("leak/patients.csv")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    [(table, rows)], _ = read_all(_write(tmp_path / "dump.tgz", buffer.getvalue()))
    assert table.name == "dump.tgz!leak/patients.csv"
    assert rows == table_rows


@pytest.mark.parametrize(
    ("codec", "label", "bom"),
    [
        ("utf-8", "utf-8", b""),
        ("utf-8", "utf-8-sig", b"\xef\xbb\xbf"),
        ("utf-16-le", "utf-16", b"\xff\xfe"),
        ("utf-16-be", "utf-16", b"\xfe\xff"),
        ("utf-16-le", "utf-16-le", b""),
        ("utf-16-be", "utf-16-be", b""),
        ("cp1252", "cp1252", b""),
    ],
)
def test_encodings(
    tmp_path: Path, table_rows: list[list[str]], codec: str, label: str, bom: bytes
) -> None:
    path = _write(tmp_path / "leak.csv", bom + _csv(table_rows).encode(codec))
    [(table, rows)], rejects = read_all(path)
    assert table.encoding == label
    assert rows == table_rows
    assert rows[-1][-1] == "cœur: 12 € réglés"
    assert not rejects


def test_latin1(tmp_path: Path, table_rows: list[list[str]]) -> None:
    rows_in = [*table_rows[:-1], ["Lefèvre", "François", "", "", "", "", "Besançon", "à côté"]]
    path = _write(tmp_path / "leak.csv", _csv(rows_in).encode("latin-1"))
    [(table, rows)], _ = read_all(path)
    # Latin-1 and cp1252 agree outside 0x80-0x9F; cp1252 is the safer decoder of the two.
    assert table.encoding in ("cp1252", "latin-1")
    assert rows == rows_in


def test_cp1252_rows_inside_utf8_file(tmp_path: Path, table_rows: list[list[str]]) -> None:
    """A compilation: UTF-8 first (beyond the detection sample), then a cp1252 part."""
    head = _csv(table_rows * 60).encode()
    assert len(head) > 256 << 10
    tail = _csv([ACCENTS], header=None).encode("cp1252")
    [(table, rows)], rejects = read_all(_write(tmp_path / "mix.csv", head + tail))
    assert table.encoding == "utf-8"
    assert rows[-1] == ACCENTS
    assert not rejects


def test_mixed_compilation_sample(tmp_path: Path, table_rows: list[list[str]]) -> None:
    """UTF-8 and cp1252 rows interleaved from the first lines on."""
    data = b"".join(
        _csv([row], header=None).encode("cp1252" if i % 5 == 0 else "utf-8", errors="replace")
        for i, row in enumerate(table_rows)
    )
    [(table, rows)], _ = read_all(_write(tmp_path / "mix.csv", data))
    assert table.encoding == "utf-8"
    assert rows[-1] == ACCENTS
    assert [r[1] for r in rows] == [r[1] for r in table_rows]


def test_undecodable_row_is_rejected(tmp_path: Path, table_rows: list[list[str]]) -> None:
    good = _csv(table_rows).encode("utf-16-le")
    bad = "Durand;Marie;;;;;Paris;".encode("utf-16-le") + b"\x00\xd8" + "x\r\n".encode("utf-16-le")
    [(_, rows)], rejects = read_all(_write(tmp_path / "u16.csv", good + bad))
    assert rows == table_rows
    assert rejects == Counter(undecodable=1)


def test_progress_is_monotonic_and_ends_at_size(
    tmp_path: Path, table_rows: list[list[str]]
) -> None:
    path = _write(tmp_path / "big.csv", _csv(table_rows * 200).encode())
    assert path.stat().st_size > 2 << 20
    seen: list[int] = []
    read_all(path, on_bytes=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == path.stat().st_size
    assert len(seen) >= 2


def _zeros_zip(path: Path, megabytes: int) -> Path:
    block = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("zeros.csv", "w") as f:
        for _ in range(megabytes):
            f.write(block)
    return path


def _stream_compress(path: Path, compressor: object, megabytes: int, unit: bytes) -> Path:
    block = unit * ((1 << 20) // len(unit))
    with path.open("wb") as out:
        for _ in range(megabytes):
            out.write(compressor.compress(block))  # type: ignore[attr-defined]
        out.write(compressor.flush())  # type: ignore[attr-defined]
    return path


def test_zip_bomb(tmp_path: Path) -> None:
    path = _zeros_zip(tmp_path / "bomb.zip", 200)
    assert path.stat().st_size < 1 << 20
    message = expect_unreadable(path, limits=Limits(max_compression_ratio=100))
    assert "bomb" in message


def test_gzip_bomb_caught_while_streaming(tmp_path: Path) -> None:
    gz = zlib.compressobj(1, zlib.DEFLATED, 31)
    path = _stream_compress(tmp_path / "bomb.gz", gz, 200, b"Dupont;Jean;" * 80 + b"\n")
    assert "bomb" in expect_unreadable(path, limits=Limits(max_compression_ratio=20))


def test_xz_bomb_default_limits(tmp_path: Path) -> None:
    path = _stream_compress(tmp_path / "bomb.xz", lzma.LZMACompressor(preset=0), 200, b"\0")
    assert "bomb" in expect_unreadable(path)


def test_decompressed_size_limit(tmp_path: Path, table_rows: list[list[str]]) -> None:
    path = _write(tmp_path / "leak.gz", gzip.compress(_csv(table_rows * 50).encode()))
    assert "size limit" in expect_unreadable(path, limits=Limits(max_decompressed_bytes=100_000))


def test_too_many_zip_members(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(12):
            zf.writestr(f"{i}.csv", "a,b\n1,2\n")
    assert "members" in expect_unreadable(path, limits=Limits(max_zip_members=10))


def test_zip_in_gzip_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("a.csv", "a,b\n1,2\n")
    path = _write(tmp_path / "outer.gz", gzip.compress(inner.read_bytes()))
    assert "not supported" in expect_unreadable(path)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("empty", lambda data: b""),
        ("truncated.gz", lambda data: gzip.compress(data)[: len(gzip.compress(data)) // 2]),
        ("truncated.xz", lambda data: lzma.compress(data)[:-40]),
        ("truncated.bz2", lambda data: bz2.compress(data)[:-40]),
        ("garbage.bin", lambda data: bytes(range(256)) * 64),
        ("empty.gz", lambda data: gzip.compress(b"")),
        ("rar", lambda data: b"Rar!\x1a\x07\x01\x00" + data),
        ("corrupt.gz", lambda data: gzip.compress(data)[:20] + b"\xff" * 200),
    ],
)
def test_bad_files(
    tmp_path: Path, table_rows: list[list[str]], name: str, make: Callable[[bytes], bytes]
) -> None:
    data = _csv(table_rows).encode()
    message = expect_unreadable(_write(tmp_path / name, make(data)))
    assert table_rows[0][0] not in message


def test_truncated_zip(tmp_path: Path, table_rows: list[list[str]]) -> None:
    path = tmp_path / "cut.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", _csv(table_rows * 20))
    data = path.read_bytes()
    expect_unreadable(_write(path, data[: len(data) // 2]))
    # Central directory intact, member data damaged: caught while streaming the member.
    damaged = data[:200] + bytes(b ^ 0x5A for b in data[200:1200]) + data[1200:]
    expect_unreadable(_write(tmp_path / "damaged.zip", damaged))


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot open" in expect_unreadable(tmp_path / "nope.csv")
