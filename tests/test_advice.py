"""Advice per exposed data class, in French and English, in check's output and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from leaktrace import _render
from leaktrace.errors import InputError
from leaktrace.lookup import CheckResult
from leaktrace.lookup.advice import ADVICE, ADVICE_VERSION, advice_for, label, message
from leaktrace.store import data_classes as dc
from tests.test_api import ENV, PHONE, make_home, run_cli

# Ids are API: clients key on them. Adding is fine; renaming or removing needs a version bump.
STABLE_IDS = [
    "nir-insurer-lures",
    "nir-ameli-account",
    "phone-smishing",
    "phone-report-33700",
    "email-phishing",
    "email-report-signal-spam",
    "medical-targeted-lures",
    "medical-blackmail",
    "bank-check-account",
    "password-change",
    "identity-details",
    "help-cybermalveillance",
]


def _breach(*classes: str) -> dict[str, Any]:
    return {"Name": "Labo2021", "Title": "Labo", "BreachDate": "2021-02-23", "DataClasses": classes}


def test_table_is_stable_and_complete() -> None:
    assert ADVICE_VERSION == 1
    assert [a.id for a in ADVICE] == STABLE_IDS
    for item in ADVICE:
        assert item.fr.strip()
        assert item.en.strip()
        assert item.fr != item.en
        assert all(c in dc.DATA_CLASSES for c in item.data_classes)
    covered = {c for a in ADVICE for c in a.data_classes}
    assert covered == set(dc.DATA_CLASSES)
    english = " ".join(a.en for a in ADVICE)
    french = " ".join(a.fr for a in ADVICE)
    for fact in ("33700", "3646", "signal-spam.fr", "cybermalveillance.gouv.fr", "ameli"):
        assert fact in english
        assert fact in french
    assert "two-step" in english
    assert "deux étapes" in french


def test_advice_for_classes() -> None:
    assert advice_for([], "en") == []
    items = advice_for([dc.PHONE, dc.NIR, dc.MEDICAL_RECORDS, dc.PHONE], "en")
    assert [i["id"] for i in items] == [
        "nir-insurer-lures",
        "nir-ameli-account",
        "phone-smishing",
        "phone-report-33700",
        "medical-targeted-lures",
        "medical-blackmail",
        "help-cybermalveillance",
    ]
    assert items[0]["data_class"] == dc.NIR
    assert items[-1]["data_class"] is None
    assert "never asks for a code" in str(items[0]["text"])
    insurance = advice_for([dc.INSURANCE], "fr")
    assert insurance[0]["data_class"] == dc.INSURANCE
    assert "ne demande jamais" in str(insurance[0]["text"])
    with pytest.raises(InputError):
        advice_for([dc.PHONE], "de")


def test_labels_and_messages() -> None:
    assert label(dc.NIR, "fr") == "Numéros de sécurité sociale"
    assert label(dc.NIR, "en") == dc.NIR
    assert message("fr", "present", kind=message("fr", "phone"), count=1) == (
        "Votre numéro de téléphone figure dans 1 fuite(s) :"
    )


def test_render_json_and_text() -> None:
    results = [
        CheckResult("phone", [_breach(dc.PHONE, dc.MEDICAL_CONDITIONS)]),
        CheckResult("nir", []),
    ]
    doc = _render.check_json(results, lang="fr")
    assert doc["exposed"] is True
    assert [a["data_class"] for a in doc["advice"][:2]] == [dc.PHONE, dc.PHONE]
    assert set(doc["advice"][0]) == {"id", "data_class", "text"}
    assert _render.check_json([CheckResult("nir", [])])["advice"] == []
    console = Console(record=True, width=200)
    _render.check_results(console, results, lang="fr")
    text = console.export_text()
    assert "figure dans 1 fuite" in text
    assert "fuite du 2021-02-23" in text
    assert "Pathologies" in text
    assert "Que faire" in text
    assert "33700" in text
    assert "ne figure dans aucune fuite" in text


def test_cli_check_in_french_from_the_locale(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_home(home)
    env = {**ENV, "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}
    command = [sys.executable, "-m", "leaktrace", "--home", str(home), "check"]
    human = subprocess.run(
        [*command, "--phone", PHONE[1]], capture_output=True, text=True, env=env, timeout=60
    )
    assert human.returncode == 0, human.stderr
    assert "Que faire" in human.stdout
    assert "3646" in human.stdout
    doc = json.loads(run_cli(home, "check", "--phone", PHONE[1], "--json", "--lang", "en").stdout)
    assert doc["advice"][0]["id"] == "nir-insurer-lures"  # the breach exposed NIRs too
    assert "Assurance Maladie" in doc["advice"][0]["text"]
    bad = run_cli(home, "check", "--phone", PHONE[1], "--lang", "de")
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ")
