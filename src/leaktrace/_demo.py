"""``leaktrace demo``: the main job end to end on the embedded store, for a human to watch.

Identifiers shown on screen are masked: even synthetic ones are printed the way the product
would print real ones.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from leaktrace import _render, synth
from leaktrace.config import Settings
from leaktrace.crypto import load_or_create_key
from leaktrace.identifiers import normalize
from leaktrace.ingest import ingest_file
from leaktrace.lookup import CheckResult, Client, InProcessTransport, LookupService
from leaktrace.store import Breach, open_store

__all__ = ["mask", "run_demo"]

DEMO_BREACH = "LaboDemo2021"
_SEED = 2021


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
    # The synthetic leak holds plaintext identifiers: it lives in a temporary folder, never in
    # the home folder, which must hold none.
    with tempfile.TemporaryDirectory(prefix="leaktrace-demo-") as workdir:
        _run(settings, people, as_json, console, Path(workdir) / "labo-2021.csv")


def _run(settings: Settings, people: int, as_json: bool, console: Console, leak: Path) -> None:
    cohort = synth.patients(people, _SEED)
    rows = synth.write_csv(leak, cohort, messy=True, seed=_SEED)
    console.rule("[bold]1. A leaked file appears")
    console.print(
        f"Synthetic lab file: {rows:,} rows, {people:,} patients (messy formats), "
        "in a temporary folder"
    )

    console.rule("[bold]2. Ingest: only keyed PRFs of identifiers are stored")
    key = load_or_create_key(settings.home)
    store = open_store(settings.home, settings.database_url)
    try:
        record = Breach(
            name=DEMO_BREACH,
            title="Laboratoire de biologie médicale (synthetic demo)",
            breach_date=dt.date(2021, 2, 23),
            added_date=dt.datetime.now(dt.UTC),
            description="Synthetic patient file shaped like the 2021 French laboratory leak.",
        )
        report = ingest_file(leak, store, key, record, region=settings.region, replace=True)
        _render.ingest_summary(console, report)

        client = Client(InProcessTransport(LookupService(store, key)))
        present = next(p for p in cohort if p.phone and p.email)
        absent = synth.patients(1, _SEED + 1)[0]
        outcome = {}
        for label, person in (("present", present), ("absent", absent)):
            typed = _variants(person)
            console.rule(f"[bold]3. Private check of a {label} person")
            for kind, raw in typed:
                console.print(f"  typed {kind}: {mask(raw)}")
            identifiers = [(k, v) for k, raw in typed if (v := normalize(k, raw)) is not None]
            results: list[CheckResult] = client.check(identifiers)
            _render.check_results(console, results)
            outcome[label] = _render.check_json(results)
    finally:
        store.close()
    if as_json:
        document = {"ingest": report.to_json(), "checks": outcome}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
