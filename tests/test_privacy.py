"""End to end: every command and endpoint, run on canary identifiers, leaves no trace of them.

The canaries are synthetic people. After running the commands (with --debug, so logs are at
their most verbose) and the HTTP endpoints, the home folder, every captured output, every HTTP
response and the server log are searched for every form of every canary identifier: raw,
normalized, digits only, URL-encoded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import httpx

from leaktrace import synth

ENV = {k: v for k, v in os.environ.items() if not k.startswith("LEAKTRACE_")}


def _forms(person: synth.Patient) -> set[str]:
    forms = {person.nir, person.nir[:13]}
    if person.phone:
        national = person.phone
        forms |= {national, national[1:], "+33" + national[1:], "33" + national[1:]}
    if person.email:
        forms |= {person.email, person.email.upper(), person.email.split("@")[0]}
    forms |= {urllib.parse.quote(f) for f in set(forms)}
    return {f for f in forms if len(f) >= 6}


def _cli(home: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "leaktrace", "--home", str(home), "--debug", *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def _grep(home: Path, texts: list[str], forms: set[str]) -> list[str]:
    hits = [f"output: {f}" for t in texts for f in forms if f in t]
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}: {f}" for f in forms if f.encode() in data]
    return hits


def test_no_canary_anywhere(tmp_path: Path) -> None:
    from tests.test_api import serve

    home = tmp_path / "home"
    outside = tmp_path / "outside"  # the leak files themselves hold plaintext, by nature
    outside.mkdir()
    people = synth.patients(60, 77)
    canaries = [p for p in people if p.phone and p.email][:5]
    forms = set().union(*(_forms(p) for p in canaries))
    leak = outside / "leak.csv"
    synth.write_csv(leak, people, seed=77)
    repost = outside / "repost.txt"
    synth.write(repost, people[:30], fmt="pipe")
    person = canaries[0]
    texts = [
        _cli(home, "ingest", str(leak), "--breach", "Canary", "--dry-run"),
        _cli(home, "ingest", str(leak), "--breach", "Canary", "--json"),
        _cli(home, "ingest", str(leak), "--breach", "Again", check=False),  # refused: same file
        _cli(home, "breaches"),
        _cli(home, "trace", str(repost), "--json"),
        _cli(home, "ingest", str(repost), "--breach", "Repost"),
        _cli(home, "lineage", "--format", "dot"),
        _cli(home, "export", "misp", "Repost"),
        _cli(home, "export", "stix", "Repost"),
        _cli(
            home,
            "check",
            "--phone",
            person.phone or "",
            "--email",
            person.email or "",
            "--nir",
            person.nir,
            "--json",
        ),
        _cli(home, "check", "--phone", (person.phone or "")[:-1], check=False),  # invalid
        _cli(home, "check", "--nir", person.nir[:-1] + "0", check=False),  # bad key
        _cli(home, "export-ranges", str(home / "export"), "--prefix", "00000", "--prefix", "fffff"),
    ]
    with serve(home, tmp_path / "server.log") as served:
        texts.append(
            _cli(
                home,
                "check",
                "--server",
                served.url,
                "--phone",
                person.phone or "",
                "--email",
                person.email or "",
                "--nir",
                person.nir,
            )
        )
        with httpx.Client(base_url=served.url) as client:
            for path in (
                "/v1/breaches",
                "/v1/breaches/Canary",
                "/v1/range/00000",
                f"/v1/range/{urllib.parse.quote(person.nir)}",
            ):
                texts.append(client.get(path).text)
            texts.append(client.post("/v1/oprf/evaluate", json={"blinded": [person.nir]}).text)
        texts.append(served.log_text())
    assert "found in" in texts[9] or '"exposed": true' in texts[9]
    assert _grep(home, texts, forms) == []
