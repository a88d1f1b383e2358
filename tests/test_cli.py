"""The CLI contract, through the real console script: JSON, exit codes, privacy of the home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leaktrace import synth

ENV = {k: v for k, v in os.environ.items() if not k.startswith("LEAKTRACE_")}


def run(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "leaktrace", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def run_json(home: Path, *args: str) -> Any:
    result = run(home, *args, "--json")
    return json.loads(result.stdout)


def _all_forms(people: list[synth.Patient]) -> set[str]:
    forms: set[str] = set()
    for p in people:
        forms.add(p.nir)
        if p.phone:
            forms.update({p.phone, "+33" + p.phone[1:], p.phone[1:]})
        if p.email:
            forms.update({p.email, p.email.lower()})
    return forms


def _grep_home(home: Path, forms: set[str]) -> list[str]:
    hits = []
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits.extend(f"{path.name}: {f}" for f in forms if f.encode() in data)
    return hits


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[synth.Patient], Any]:
    home = tmp_path_factory.mktemp("home")
    leak = tmp_path_factory.mktemp("leak") / "labo.csv"
    people = synth.patients(200, 11)
    # Clean CSV with the person under test written as 0612345678-style national digits.
    synth.write_csv(leak, people, messy=False)
    report = run_json(
        home,
        "ingest",
        str(leak),
        "--breach",
        "Labo2021",
        "--title",
        "Labo",
        "--date",
        "2021-02-23",
    )
    return home, people, report


def test_ingest_json(ingested: tuple[Path, list[synth.Patient], Any]) -> None:
    home, people, report = ingested
    assert set(report) >= {
        "breach",
        "rows",
        "people",
        "data_classes",
        "identifiers",
        "rejected",
        "seconds",
        "trace",
    }
    assert report["breach"] == "Labo2021"
    assert report["rows"] == len(people)
    assert set(report["identifiers"]) == {"email", "phone", "nir", "namedob"}
    assert report["identifiers"]["nir"] == len(people)
    assert report["rejected"] == {}
    assert "Medical conditions" in report["data_classes"]
    assert report["trace"]["verdict"] == "new"
    (breach,) = run_json(home, "breaches")
    assert breach["BreachDate"] == "2021-02-23"
    assert breach["PwnCount"] == report["people"] <= len(people)


def test_check_finds_formats(ingested: tuple[Path, list[synth.Patient], Any]) -> None:
    home, people, _ = ingested
    person = next(p for p in people if p.phone and p.phone.startswith("06") and p.email)
    d = person.phone[1:]  # type: ignore[index]
    spaced_phone = f"+33 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:9]}"
    n = person.nir
    spaced_nir = f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:]}"
    result = run_json(
        home,
        "check",
        "--phone",
        spaced_phone,
        "--nir",
        spaced_nir,
        "--email",
        person.email.upper(),  # type: ignore[union-attr]
    )
    assert result["exposed"] is True
    assert [r["kind"] for r in result["results"]] == ["email", "phone", "nir"]
    for r in result["results"]:
        assert [b["Name"] for b in r["breaches"]] == ["Labo2021"]
        assert set(r["breaches"][0]) == {"Name", "Title", "BreachDate", "DataClasses"}
    text = json.dumps(result)
    assert person.nir not in text
    assert d not in text


def test_check_absent(ingested: tuple[Path, list[synth.Patient], Any]) -> None:
    home, people, _ = ingested
    stranger = synth.patients(1, 999)[0]
    assert stranger.nir not in {p.nir for p in people}
    result = run_json(home, "check", "--nir", stranger.nir)
    assert result == {
        "exposed": False,
        "results": [{"kind": "nir", "breaches": []}],
        "advice": [],
    }


def test_breaches_json(ingested: tuple[Path, list[synth.Patient], Any]) -> None:
    home, _, _ = ingested
    (breach,) = run_json(home, "breaches")
    for field in (
        "Name",
        "Title",
        "Domain",
        "BreachDate",
        "AddedDate",
        "PwnCount",
        "DataClasses",
        "IsVerified",
        "IsFabricated",
        "IsSensitive",
        "IsSpamList",
        "Description",
        "Parents",
    ):
        assert field in breach


def test_home_holds_no_identifier(ingested: tuple[Path, list[synth.Patient], Any]) -> None:
    home, people, _ = ingested
    assert _grep_home(home, _all_forms(people)) == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("check",), 2),
        (("check", "--phone", "12"), 2),
        (("check", "--nir", "185057800608400"), 2),
        (("ingest", "/nonexistent.csv", "--breach", "X"), 2),
        (("ingest", "/dev/null", "--breach", "bad name!"), 2),
        (("ingest", "/dev/null", "--breach", "X", "--date", "yesterday"), 2),
        (("nosuchcommand",), 2),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    result = run(tmp_path, *args, check=False)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    if args[0] != "nosuchcommand":
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith("error: ")
    assert "185057800608400" not in result.stderr


def test_duplicate_breach_conflict(
    ingested: tuple[Path, list[synth.Patient], Any], tmp_path: Path
) -> None:
    home, _, _ = ingested
    leak = tmp_path / "x.csv"
    synth.write_csv(leak, synth.patients(3, 1), messy=False)
    result = run(home, "ingest", str(leak), "--breach", "Labo2021", check=False)
    assert result.returncode == 2
    assert "already exists" in result.stderr


def test_dry_run_json(tmp_path: Path) -> None:
    leak = tmp_path / "x.csv"
    synth.write_csv(leak, synth.patients(3, 1), messy=False)
    doc = run_json(tmp_path / "h", "ingest", str(leak), "--breach", "X", "--dry-run")
    (table,) = doc["tables"]
    assert {c["column"]: c["role"] for c in table["columns"]}["NUM_SECU"] == "nir"
    assert not (tmp_path / "h" / "leaktrace.db").exists()


def test_synth_command(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    doc = run_json(tmp_path / "h", "synth", "--people", "20", "--seed", "3", "--out", str(out))
    assert doc["people"] == 20
    assert out.read_text().startswith("NOM,PRENOM")


def test_demo_runs_and_leaves_no_identifier(tmp_path: Path) -> None:
    home = tmp_path / "demo-home"
    doc = run_json(home, "demo", "--people", "150")
    assert doc["checks"]["present"]["exposed"] is True
    assert doc["checks"]["absent"]["exposed"] is False
    assert doc["phish"]["verdict"] == "phishing"
    fired = {r["rule_id"] for r in doc["phish"]["reasons"]}
    assert {
        "request.bank_details",
        "personal.details_quoted",
        "sms.sender_personal_number",
    } <= fired
    people = synth.patients(150 + 150 // 4, 2021)
    assert _grep_home(home, _all_forms(people)) == []
    human = run(home, "demo", "--people", "150").stdout
    assert "found in 3 breach" in human
    assert not any(f in human for f in _all_forms(people))


def _bad_files() -> dict[str, bytes]:
    import gzip

    head = b"NOM,PRENOM,TEL\nDupont,Jean,0612345678\n"
    return {
        "garbage.bin": bytes(random_bytes(50_000)),
        "truncated.csv.gz": gzip.compress(head * 500)[:-40],
        "empty.csv": b"",
        "header-only.csv": b"NOM,PRENOM,TEL\n",
        "no-identifier.csv": b"VILLE,CP\nRennes,35000\nBrest,29200\n",
        "huge-line.csv": head + b"A," + b"B" * (10 << 20) + b",0612345679\n",
    }


def random_bytes(n: int) -> bytes:
    import random

    return random.Random(4).randbytes(n)


@pytest.mark.parametrize("name", sorted(_bad_files()))
def test_bad_files_exit_2_one_line_nothing_written(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_bad_files()[name])
    home = tmp_path / "home"
    result = run(home, "ingest", str(path), "--breach", "Bad", check=False)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert "0612345678" not in result.stderr
    assert run_json(home, "breaches") == []


def test_trace_lineage_export_commands(
    ingested: tuple[Path, list[synth.Patient], Any], tmp_path: Path
) -> None:
    home, people, _ = ingested
    repost = tmp_path / "repost.txt"
    synth.write(repost, people[:80], fmt="pipe")
    traced = run_json(home, "trace", str(repost))
    assert traced["verdict"] == "repackaged"
    assert traced["parents"][0]["breach"] == "Labo2021"
    assert traced["parents"][0]["share"] == pytest.approx(1.0, abs=0.02)
    assert traced["parents"][0]["coverage"] == pytest.approx(0.4, abs=0.02)
    assert run_json(home, "breaches")[-1]["Name"] == "Labo2021"  # trace stored nothing
    graph = run_json(home, "lineage")
    assert [n["Name"] for n in graph["nodes"]] == ["Labo2021"]
    dot = run(home, "lineage", "--format", "dot").stdout
    assert dot.startswith("digraph lineage {")
    event = run_json(home, "export", "misp", "Labo2021")
    assert event["Event"]["info"].startswith("Data breach")
    bundle = run_json(home, "export", "stix", "Labo2021")
    assert bundle["type"] == "bundle"
    missing = run(home, "export", "stix", "Nope", check=False)
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: no breach named")
    text = json.dumps([traced, graph, event, bundle]) + dot
    assert not any(form in text for form in _all_forms(people))


def test_synth_lineage_scenario(tmp_path: Path) -> None:
    out = tmp_path / "scenario"
    doc = run_json(tmp_path / "h", "synth", "--people", "90", "--lineage", "--out", str(out))
    files = {f["file"]: f for f in doc["files"]}
    assert set(files) == {"labo1.csv", "labo2.csv", "labo3.sql", "repost.txt", "combo.jsonl.gz"}
    assert files["repost.txt"]["sources"] == {"Labo1": 12}  # 40% of 30
    assert files["combo.jsonl.gz"]["new_people"] == 22
    assert (out / "labo2.csv").read_bytes().decode("cp1252").startswith("Nom;Prénom")
