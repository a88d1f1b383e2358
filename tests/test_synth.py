"""Tests for leaktrace.synth (synthetic leak generator)."""

from __future__ import annotations

import csv
import datetime
import re
from pathlib import Path

import phonenumbers
import pytest
from email_validator import validate_email
from stdnum.fr import nir as stdnir

from leaktrace._synth_messy import strip_accents
from leaktrace.synth import HEADER, Patient, patients, write_csv

EXPECTED_HEADER = [
    "NOM",
    "PRENOM",
    "SEXE",
    "DATE_NAISSANCE",
    "NUM_SECU",
    "TEL",
    "MAIL",
    "ADRESSE",
    "CP",
    "VILLE",
    "EXAMEN",
    "DATE_EXAMEN",
    "LABORATOIRE",
    "MEDECIN",
    "COMMENTAIRE",
    "MUTUELLE",
]


@pytest.fixture(scope="module")
def people_500() -> list[Patient]:
    return patients(500, seed=7)


@pytest.fixture(scope="module")
def people_2000() -> list[Patient]:
    return patients(2000, seed=11)


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _phone_ok(text: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(text, "FR"))


def _email_ok(text: str) -> bool:
    local, at, domain = text.partition("@")
    if not (at and local and "." in domain):
        return False
    validate_email(text, check_deliverability=False)
    return True


def test_header_constant() -> None:
    assert list(HEADER) == EXPECTED_HEADER


def test_patients_deterministic_and_prefix_stable() -> None:
    assert patients(50, seed=3) == patients(50, seed=3)
    assert patients(50, seed=3) != patients(50, seed=4)
    assert patients(80, seed=3)[:50] == patients(50, seed=3)
    assert patients(0, seed=1) == []
    with pytest.raises(ValueError):
        patients(-1, seed=1)


@pytest.mark.parametrize("messy", [True, False])
def test_file_bytes_deterministic(tmp_path: Path, people_500: list[Patient], messy: bool) -> None:
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    write_csv(a, people_500, messy=messy, seed=1)
    write_csv(b, patients(500, seed=7), messy=messy, seed=1)
    write_csv(c, patients(500, seed=8), messy=messy, seed=1)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    if messy:
        d = tmp_path / "d.csv"
        write_csv(d, people_500, messy=True, seed=2)
        assert a.read_bytes() != d.read_bytes()


def test_ground_truth_valid(people_2000: list[Patient]) -> None:
    for p in people_2000:
        assert len(p.nir) == 15
        assert stdnir.is_valid(p.nir), p.nir
        assert p.nir[0] == ("1" if p.sex == "M" else "2")
        assert p.nir[1:5] == p.birth_date.strftime("%y%m")
        assert p.sex in ("M", "F")
        assert p.birth_date <= p.exam_date
        assert re.fullmatch(r"\d{5}", p.postcode)
        assert p.prescriber.startswith("Dr ")
        assert p.last_name
        assert p.first_name
        if p.phone is not None:
            assert re.fullmatch(r"0\d{9}", p.phone)
            assert _phone_ok(p.phone), p.phone
        if p.email is not None:
            assert p.email == p.email.strip().lower()
            assert _email_ok(p.email), p.email
    phones = sum(p.phone is None for p in people_2000) / len(people_2000)
    emails = sum(p.email is None for p in people_2000) / len(people_2000)
    assert 0.05 < phones < 0.15
    assert 0.10 < emails < 0.20


def test_corsica_present(people_2000: list[Patient]) -> None:
    assert any(p.nir[5:7] in ("2A", "2B") for p in people_2000)


@pytest.mark.parametrize("messy", [True, False])
def test_csv_round_trip_and_validity(
    tmp_path: Path, people_500: list[Patient], messy: bool
) -> None:
    path = tmp_path / "leak.csv"
    written = write_csv(path, people_500, messy=messy, seed=5)
    header, rows = _read(path)
    assert header == EXPECTED_HEADER
    assert len(rows) == written
    if messy:
        assert len(people_500) < written < len(people_500) * 1.06
    else:
        assert written == len(people_500)
    for row in rows:
        assert stdnir.is_valid(row["NUM_SECU"]), row["NUM_SECU"]
        if row["TEL"]:
            assert _phone_ok(row["TEL"]), row["TEL"]
        if row["MAIL"]:
            assert _email_ok(row["MAIL"].strip().lower()), row["MAIL"]
        assert row["NOM"]
        assert row["DATE_NAISSANCE"]
    if not messy:
        for p, row in zip(people_500, rows, strict=True):
            assert row["NUM_SECU"] == p.nir
            assert row["TEL"] == (p.phone or "")
            assert row["MAIL"] == (p.email or "")
            assert row["DATE_NAISSANCE"] == p.birth_date.strftime("%d/%m/%Y")
            assert row["COMMENTAIRE"] == p.comment


def _parse_date(text: str) -> datetime.date:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise AssertionError(text)


def test_messy_values_recoverable(tmp_path: Path, people_500: list[Patient]) -> None:
    """A simple normalizer maps every messy row back to a known patient."""
    path = tmp_path / "leak.csv"
    write_csv(path, people_500, messy=True, seed=9)
    _, rows = _read(path)
    by_nir = {p.nir: p for p in people_500}
    assert len(by_nir) == len(people_500)
    for row in rows:
        p = by_nir[stdnir.compact(row["NUM_SECU"])]
        assert _parse_date(row["DATE_NAISSANCE"]) == p.birth_date
        assert _parse_date(row["DATE_EXAMEN"]) == p.exam_date
        assert row["NOM"].upper() in {p.last_name.upper(), strip_accents(p.last_name).upper()}
        assert row["CP"].zfill(5) == p.postcode
        assert row["COMMENTAIRE"] == p.comment
        if p.phone is None:
            assert row["TEL"] == ""
        else:
            parsed = phonenumbers.parse(row["TEL"], "FR")
            assert "0" + str(parsed.national_number) == p.phone
        assert row["MAIL"].strip().lower() == (p.email or "")
        assert {"M": "1", "F": "2"}[p.sex] == {"M": "1", "H": "1", "F": "2"}.get(
            row["SEXE"], row["SEXE"]
        )


def _phone_shape(text: str) -> str:
    return re.sub(r"\d", "9", text)


def test_messy_phone_formats_vary(tmp_path: Path, people_500: list[Patient]) -> None:
    path = tmp_path / "leak.csv"
    write_csv(path, people_500, messy=True, seed=0)
    _, rows = _read(path)
    shapes = {_phone_shape(r["TEL"]) for r in rows if r["TEL"]}
    assert len(shapes) >= 3
    clean = tmp_path / "clean.csv"
    write_csv(clean, people_500, messy=False)
    _, clean_rows = _read(clean)
    assert {_phone_shape(r["TEL"]) for r in clean_rows if r["TEL"]} == {"9" * 10}


def test_messy_has_duplicates_and_variants(tmp_path: Path, people_500: list[Patient]) -> None:
    path = tmp_path / "leak.csv"
    written = write_csv(path, people_500, messy=True, seed=0)
    _, rows = _read(path)
    nirs = [stdnir.compact(r["NUM_SECU"]) for r in rows]
    assert len(set(nirs)) == len(people_500)
    assert written - len(people_500) == len(nirs) - len(set(nirs)) > 0
    assert any(" " in r["NUM_SECU"] for r in rows)
    assert len({_phone_shape(r["DATE_NAISSANCE"]) for r in rows}) == 3


def test_multiline_comments_survive(tmp_path: Path, people_500: list[Patient]) -> None:
    multi = [p for p in people_500 if "\n" in p.comment]
    assert multi
    for messy in (True, False):
        path = tmp_path / f"leak-{messy}.csv"
        write_csv(path, multi, messy=messy, seed=3)
        _, rows = _read(path)
        by_nir = {p.nir: p for p in multi}
        for row in rows:
            assert row["COMMENTAIRE"] == by_nir[stdnir.compact(row["NUM_SECU"])].comment
            assert "\n" in row["COMMENTAIRE"]
