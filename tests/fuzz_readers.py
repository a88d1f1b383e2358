"""Fuzzing helpers for ``read_tables``: valid samples of every format and a byte mutator.

``tests/test_formats.py`` runs a short Hypothesis campaign with these on every test run. For a
long one, run this module: ``.venv/bin/python -m tests.fuzz_readers 5000`` (examples per test).
The property: whatever the bytes, ``read_tables`` either yields tables whose cells are strings
encodable as UTF-8, or raises ``UnreadableFileError`` with a one-line message; nothing else.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaktrace import synth
from leaktrace.errors import UnreadableFileError
from leaktrace.ingest.formats import Limits, Table, read_tables

__all__ = ["FUZZ", "SAMPLES", "mutate", "only_unreadable"]

_PG_COPY = (
    "--\n-- PostgreSQL database dump\n--\n"
    'CREATE TABLE public.p (id integer, "Nom" text, mail text);\n'
    'COPY public.p (id, "Nom", mail) FROM stdin;\n'
    "1\tDupont\tjean@example.fr\n2\tO'Neil\\ttab\t\\N\n\\.\n"
)
_SQL = (
    "-- mysqldump\nCREATE TABLE `t` (`a` text, `b` text);\n"
    "INSERT INTO `t` VALUES ('x\\'y',NULL),('z','w'),(_binary 'b',CONCAT('a','b'));\n"
)
_INSERTED = b"'\"\\;,(){}[]\n\r\x00\xe9\xff`"


def _xlsx_bytes(rows: list[list[str]]) -> bytes:
    import openpyxl  # only needed to build the sample

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _samples() -> dict[str, bytes]:
    rows = [
        [p.last_name, p.first_name, p.nir, p.phone or "", p.email or "", p.comment]
        for p in synth.patients(6, 2)
    ]
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows([["NOM", "PRENOM", "NIR", "TEL", "MAIL", "NOTE"]])
    csv.writer(text, delimiter=";").writerows(rows)
    csv_bytes = text.getvalue().encode("cp1252", errors="replace")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", csv_bytes)
        zf.writestr("b.sql", _SQL)
    return {
        "csv": csv_bytes,
        "sql": _SQL.encode(),
        "copy": _PG_COPY.encode(),
        "jsonl": "\n".join(json.dumps({"r": {"a": r[0], "b": r[1:3]}}) for r in rows).encode(),
        "json": json.dumps([{"r": r} for r in rows]).encode("utf-16"),
        "zip": archive.getvalue(),
        "xlsx": _xlsx_bytes(rows),
    }


SAMPLES = _samples()
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def mutate(sample: bytes, seed: int, edits: int, compress: bool) -> bytes:
    """``sample`` with ``edits`` random byte edits, optionally gzipped then cut short."""
    rng = random.Random(seed)
    data = bytearray(sample)
    for _ in range(edits):
        if not data:
            break
        at = rng.randrange(len(data))
        op = rng.randrange(3)
        if op == 0:
            data[at] = rng.randrange(256)
        elif op == 1:
            del data[at : at + rng.randrange(1, 40)]
        else:
            data[at:at] = bytes(rng.choice(_INSERTED) for _ in range(3))
    blob = bytes(data)
    if compress:
        blob = gzip.compress(blob)
        blob = blob[: rng.randrange(len(blob) // 2, len(blob) + 1)]
    return blob


def only_unreadable(path: Path, data: bytes) -> None:
    """Read ``data`` fully; fail on anything but a one-line UnreadableFileError."""
    path.write_bytes(data)
    rejects: Counter[str] = Counter()
    message = ""
    try:
        for table in read_tables(path, rejects, limits=Limits(max_line_bytes=1 << 16)):
            assert isinstance(table, Table)
            for row in table.rows:
                assert all(isinstance(c, str) for c in row)
                "".join(row).encode("utf-8")  # no lone surrogate ever leaves a reader
    except UnreadableFileError as exc:
        message = str(exc)
    assert "\n" not in message


def main(examples: int) -> None:
    folder = Path(tempfile.mkdtemp())
    long_run = settings(FUZZ, max_examples=examples)

    @long_run
    @given(data=st.binary(max_size=8192))
    def random_bytes(data: bytes) -> None:
        only_unreadable(folder / "fuzz", data)

    @long_run
    @given(
        kind=st.sampled_from(sorted(SAMPLES)),
        seed=st.integers(0, 2**32),
        edits=st.integers(1, 24),
        compress=st.booleans(),
    )
    def mutations(kind: str, seed: int, edits: int, compress: bool) -> None:
        only_unreadable(folder / "mutant", mutate(SAMPLES[kind], seed, edits, compress))

    random_bytes()
    mutations()
    print(f"{examples} examples per property: only UnreadableFileError")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
