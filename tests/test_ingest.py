"""The ingest pipeline on synthetic leaks: counts, mapping, atomicity, bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from leaktrace import synth
from leaktrace.crypto import ServerKey, index_key, oprf
from leaktrace.errors import ConflictError, InputError, UnreadableFileError
from leaktrace.identifiers import encode, normalize
from leaktrace.ingest import Options, ingest_file, map_columns, plan_columns
from leaktrace.store import SQLiteStore
from tests.conftest import make_breach


def _expected_people(people: list[synth.Patient]) -> int:
    """Connected components of patients sharing an identifier (ground truth, no pipeline code)."""
    owner: dict[tuple[str, str], int] = {}
    parent = list(range(len(people)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, p in enumerate(people):
        ids = [("nir", p.nir), ("phone", p.phone), ("email", p.email)]
        ids.append(("namedob", f"{p.last_name} {p.first_name}|{p.birth_date.isoformat()}"))
        for kind, raw in ids:
            value = normalize(kind, raw) if raw else None
            if value is None:
                continue
            if (kind, value) in owner:
                parent[find(i)] = find(owner[(kind, value)])
            else:
                owner[(kind, value)] = i
    return len({find(i) for i in range(len(people))})


@pytest.fixture(scope="module")
def cohort() -> list[synth.Patient]:
    return synth.patients(300, 7)


def test_synthetic_leak_counts_and_keys(
    tmp_path: Path, store: SQLiteStore, server_key: ServerKey, cohort: list[synth.Patient]
) -> None:
    leak = tmp_path / "leak.csv"
    rows = synth.write_csv(leak, cohort, messy=True, seed=7)
    report = ingest_file(leak, store, server_key, make_breach())
    assert report.rows == rows > len(cohort)  # messy mode duplicates some rows
    assert report.people == _expected_people(cohort)
    assert report.rejected == {}
    assert report.identifiers["nir"] == rows
    assert report.records == rows
    breach = store.breach("Labo2021")
    assert breach.pwn_count == report.people
    assert "Medical conditions" in breach.data_classes
    assert "Social security numbers" in breach.data_classes
    nir_keys = [index_key(oprf.evaluate(server_key.secret, encode("nir", p.nir))) for p in cohort]
    found = store.exposures(nir_keys)
    assert len(found) == len(set(nir_keys))
    person = cohort[0]
    mask = found[nir_keys[0]][0][1]
    assert mask & 1 << 5  # the NIR key carries "Social security numbers"
    # name + date of birth links records but is never a public exposure.
    namedob = normalize("namedob", f"{person.last_name} {person.first_name}|{person.birth_date}")
    assert namedob is not None
    link = index_key(oprf.evaluate(server_key.secret, encode("namedob", namedob)))
    assert store.exposures([link]) == {}


def test_dry_run_mapping(tmp_path: Path, cohort: list[synth.Patient]) -> None:
    leak = tmp_path / "leak.csv"
    synth.write_csv(leak, cohort[:5], messy=False)
    (table,) = plan_columns(leak)
    assert (table.format, table.encoding) == ("delimited", "utf-8")
    roles = {c.header: (c.role, c.data_class) for c in table.columns}
    assert roles["NUM_SECU"] == ("nir", "Social security numbers")
    assert roles["TEL"] == ("phone", "Phone numbers")
    assert roles["MAIL"] == ("email", "Email addresses")
    assert roles["DATE_NAISSANCE"] == ("dob", "Dates of birth")
    assert roles["COMMENTAIRE"] == ("medical_condition", "Medical conditions")
    assert roles["MUTUELLE"] == ("insurance", "Health insurance information")
    assert roles["EXAMEN"][1] == roles["MEDECIN"][1] == "Medical records"
    assert roles["SEXE"] == ("gender", "Genders")


def test_map_override_and_errors() -> None:
    cols = map_columns(["Colonne7", "x"], {"Colonne7": "nir", "x": "medical records"})
    assert (cols[0].role, cols[0].data_class) == ("nir", "Social security numbers")
    assert (cols[1].role, cols[1].data_class) == ("class", "Medical records")
    assert map_columns(["MAIL"], {"MAIL": "ignore"})[0].role is None
    with pytest.raises(InputError):
        map_columns(["a"], {"b": "nir"})
    with pytest.raises(InputError):
        map_columns(["a"], {"a": "shoe sizes"})


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


GOOD_HEAD = b"NOM,PRENOM,TEL\nDupont,Jean,0612345678\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty", b""),
        ("blank", b"\n\n\n"),
        ("huge-line", GOOD_HEAD + b"A," + b"B" * (10 << 20) + b",0612345679\n"),
        ("header-only", b"NOM,PRENOM,TEL\n"),
        # mtime=0: the gzip header's clock would otherwise be in the bytes, and so in the test id,
        # which pytest-xdist's workers must all collect the same.
        ("truncated-gzip", __import__("gzip").compress(GOOD_HEAD * 100, mtime=0)[:-30]),
        ("binary", bytes(range(256)) * 64),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_bad_files_change_nothing(
    tmp_path: Path, store: SQLiteStore, server_key: ServerKey, name: str, data: bytes
) -> None:
    path = _write(tmp_path / f"{name}.csv", data)
    with pytest.raises(UnreadableFileError) as info:
        ingest_file(path, store, server_key, make_breach())
    assert "\n" not in str(info.value)
    assert "0612345678" not in str(info.value)
    assert store.breaches() == []


def test_no_identifier_column(tmp_path: Path, store: SQLiteStore, server_key: ServerKey) -> None:
    path = _write(tmp_path / "x.csv", b"VILLE,CP\nRennes,35000\nBrest,29200\n")
    with pytest.raises(InputError, match="no identifier"):
        ingest_file(path, store, server_key, make_breach())
    assert store.breaches() == []


def test_cp1252_and_unterminated_quote(
    tmp_path: Path, store: SQLiteStore, server_key: ServerKey
) -> None:
    data = GOOD_HEAD + b"M\xe9lanie,Durand,0612345679\n" + b'"Durand,Jean,0612345670\n'
    report = ingest_file(_write(tmp_path / "x.csv", data), store, server_key, make_breach())
    assert report.tables[0].encoding == "cp1252"
    assert report.people == 2
    assert report.rejected == {"unparseable": 1}


def test_same_content_refused_unless_forced(
    tmp_path: Path, store: SQLiteStore, server_key: ServerKey
) -> None:
    path = _write(tmp_path / "x.csv", GOOD_HEAD)
    ingest_file(path, store, server_key, make_breach("First"))
    with pytest.raises(ConflictError, match="already ingested as First"):
        ingest_file(path, store, server_key, make_breach("Second"))
    ingest_file(path, store, server_key, make_breach("Second"), force=True)
    assert [b.name for b in store.breaches()] == ["First", "Second"]


def test_missing_file(tmp_path: Path, store: SQLiteStore, server_key: ServerKey) -> None:
    with pytest.raises(UnreadableFileError):
        ingest_file(tmp_path / "nope.csv", store, server_key, make_breach())


def test_short_rows_are_kept(tmp_path: Path, store: SQLiteStore, server_key: ServerKey) -> None:
    path = tmp_path / "short.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["NOM", "PRENOM", "TEL", "MAIL"])
        writer.writerow(["Dupont", "Jean", "06 12 34 56 78", "jean@example.fr"])
        writer.writerow(["Durand", "Marie", "0612345679"])
        writer.writerow(["", "", "", "JEAN@EXAMPLE.FR"])
    report = ingest_file(path, store, server_key, make_breach())
    assert report.rows == 3
    assert report.people == 2  # row 3 shares Jean's email


def test_progress_callback(tmp_path: Path, store: SQLiteStore, server_key: ServerKey) -> None:
    leak = tmp_path / "leak.csv"
    synth.write_csv(leak, synth.patients(50, 1), messy=False)
    seen: list[tuple[int, int]] = []
    opts = Options(progress=lambda b, r: seen.append((b, r)))
    ingest_file(leak, store, server_key, make_breach(), opts=opts)
    assert seen[-1] == (leak.stat().st_size, 50)
