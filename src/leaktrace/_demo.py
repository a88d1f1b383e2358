"""``leaktrace demo``: the main job end to end on the embedded store, for a human to watch.

Three laboratory files leak in three shapes (a messy UTF-8 CSV, a cp1252 ``;`` export, a MySQL
dump); a repost of one of them and an aggregate "combo list" follow (a headerless ``|`` list and
gzipped JSON lines). Each is ingested and traced, then a present and an absent person check
their exposure privately, and the SMS lure that quotes the exposed person's exam is triaged.
Identifiers shown on screen are masked: even synthetic ones are printed the way the product
would print real ones.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console

from leaktrace import _render, synth
from leaktrace._synth_lineage import standard_scenario, write_scenario
from leaktrace.config import Settings
from leaktrace.crypto import ServerKey, load_or_create_key
from leaktrace.identifiers import normalize
from leaktrace.ingest import Options, ingest_file
from leaktrace.lookup import Client, InProcessTransport, LookupService
from leaktrace.provenance import TracedIngest
from leaktrace.store import Breach, Store, open_store

__all__ = ["mask", "run_demo"]

_SEED = 2021
_TITLES = {
    "Labo1": "Laboratoire Bio-Ouest (synthetic)",
    "Labo2": "LBM Centre-Val de Loire (synthetic)",
    "Labo3": "Biolab Armor (synthetic)",
    "Repost": "Forum repost of Bio-Ouest (synthetic)",
    "Combo": "French health combo list (synthetic)",
}
_DATES = {
    "Labo1": "2021-02-23",
    "Labo2": "2021-02-23",
    "Labo3": "2021-02-23",
    "Repost": "2022-06-01",
    "Combo": "2023-03-15",
}


def mask(value: str) -> str:
    """Keep the first two and last two characters: enough to recognise, too little to use."""
    visible = [c for c in value if not c.isspace()]
    if len(visible) <= 4:
        return "•" * len(visible)
    return "".join(visible[:2]) + "•" * (len(visible) - 4) + "".join(visible[-2:])


def _variants(person: synth.Patient) -> list[tuple[str, str]]:
    """The person's identifiers typed the way a worried person would, not as in the file."""
    out: list[tuple[str, str]] = []
    if person.phone:
        digits = person.phone[1:]
        pairs = [digits[i : i + 2] for i in range(1, 9, 2)]
        out.append(("phone", "+33 " + " ".join([digits[0], *pairs])))
    nir = person.nir
    groups = (nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:])
    out.append(("nir", " ".join(groups)))
    if person.email:
        out.append(("email", person.email.upper()))
    return out


def run_demo(settings: Settings, people: int, as_json: bool) -> None:
    console = Console(quiet=as_json)
    # The synthetic leaks hold plaintext identifiers: they live in a temporary folder, never in
    # the home folder, which must hold none.
    with tempfile.TemporaryDirectory(prefix="leaktrace-demo-") as workdir:
        document = _run(settings, people, console, Path(workdir))
    if as_json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _ingest_all(
    settings: Settings, store: Store, key: ServerKey, console: Console, files: Any, paths: Any
) -> list[dict[str, Any]]:
    reports = []
    for file, path in zip(files, paths, strict=True):
        console.rule(f"[bold]{file.name}: {path.name} ({file.fmt})")
        traced = TracedIngest(store)
        record = Breach(
            name=file.name,
            title=_TITLES[file.name],
            breach_date=dt.date.fromisoformat(_DATES[file.name]),
            added_date=dt.datetime.now(dt.UTC),
            description="Synthetic data made by leaktrace synth for the demo.",
            is_sensitive=False,
        )
        report = ingest_file(
            path,
            store,
            key,
            record,
            opts=Options(region=settings.region),
            replace=True,
            force=True,
            before_commit=traced,
        )
        _render.ingest_summary(console, report)
        if traced.result is not None:
            _render.trace_summary(console, traced.result)
        reports.append(
            {**report.to_json(), "trace": traced.result.to_json() if traced.result else None}
        )
    return reports


def _run(settings: Settings, people: int, console: Console, workdir: Path) -> dict[str, Any]:
    files = standard_scenario(people, _SEED)
    paths = write_scenario(workdir, files, _SEED)
    console.rule("[bold]Five synthetic leaks appear (messy formats, in a temporary folder)")
    for file, path in zip(files, paths, strict=True):
        console.print(f"  {path.name:<16} {len(file.people):>6,} rows  ({file.fmt})")

    key = load_or_create_key(settings.home)
    store = open_store(settings.home, settings.database_url)
    try:
        reports = _ingest_all(settings, store, key, console, files, paths)
        client = Client(InProcessTransport(LookupService(store, key)))
        # Someone whose file was reposted and merged into the combo list: three breaches.
        in_combo = {p.nir for p in files[4].people}
        candidates = [p for p in files[3].people if p.nir in in_combo and p.phone and p.email]
        present = candidates[0] if candidates else next(p for p in files[0].people if p.phone)
        absent = synth.patients(1, _SEED + 1)[0]
        outcome = {}
        headings = {"present": "a person in the leaks", "absent": "a person in none of them"}
        for label, person in (("present", present), ("absent", absent)):
            typed = _variants(person)
            console.rule(f"[bold]Private check: {headings[label]}")
            for kind, raw in typed:
                console.print(f"  typed {kind}: {mask(raw)}")
            identifiers = [(k, v) for k, raw in typed if (v := normalize(k, raw)) is not None]
            results = client.check(identifiers)
            _render.check_results(console, results)
            outcome[label] = _render.check_json(results)
        triage = _phishing_step(console, present)
    finally:
        store.close()
    return {"ingests": reports, "checks": outcome, "phish": triage}


def _phishing_step(console: Console, person: synth.Patient) -> dict[str, Any]:
    """The lure that follows a medical leak: it quotes the victim's exam and laboratory."""
    from leaktrace.phishing import analyze

    sms = (
        f"Assurance Maladie: suite a votre examen ({person.exam}) du "
        f"{person.exam_date:%d/%m/%Y} au laboratoire {person.laboratory}, un remboursement de "
        "48,70 EUR est en attente. Confirmez vos coordonnees bancaires avant 24h : "
        "ameli-remboursement-sante.com/dossier"
    )
    # A mobile number from the block ARCEP reserves for fiction (06 39 98 xx xx).
    sender = "+33 6 39 98 12 34"
    console.rule("[bold]A message that follows the leak: is it a scam?")
    console.print(f"  SMS from {sender}: {sms}")
    result = analyze(sms, "sms", lang="en", sender=sender)
    colour = {"phishing": "red", "suspicious": "yellow", "legitimate": "green"}[result["verdict"]]
    console.print(f"  [bold {colour}]{result['verdict']}[/] (score {result['score']}/100)")
    for reason in result["reasons"][:6]:
        console.print(f"   • {reason['detail']}")
    return result
