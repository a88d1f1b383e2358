"""``leaktrace phish`` and ``POST /v1/phish``: inputs, batch order, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from leaktrace.api.phish import MAX_BODY_BYTES
from leaktrace.cli import app

LURE = "Ameli : votre carte Vitale expire. Renouvelez-la sur ameli-vitale.fr (frais 1,49 €)"
NOTICE = "Assurance Maladie : un remboursement de 25,00 € a été effectué. Détail sur ameli.fr"
EML = (
    "From: Doctolib <no-reply@doctolib.fr>\nTo: a@example.fr\nSubject: Rappel\n"
    "Authentication-Results: mx.example.fr; spf=pass; dkim=pass header.d=doctolib.fr; "
    "dmarc=pass\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
    "Votre rendez-vous de demain 9h30 est confirmé. Gérer : https://www.doctolib.fr\n"
)


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def test_text_json(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", LURE, "--json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["verdict"] == "phishing"
    assert any("33700" in line for line in document["advice"])


def test_stdin_and_human_output(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", "--lang", "fr"], input=NOTICE)
    assert result.exit_code == 0, result.output
    assert "LÉGITIME" in result.stdout


def test_eml_file(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "rappel.eml"
    path.write_text(EML, encoding="utf-8")
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", "--file", str(path), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["verdict"] == "legitimate"
    assert "allow.known_sender" in {r["rule_id"] for r in document["reasons"]}


def test_batch_keeps_order(cli: CliRunner, tmp_path: Path) -> None:
    lines = [
        {"text": LURE, "channel": "sms"},
        {"text": NOTICE},
        {"text": EML, "channel": "email"},
        {"text": LURE.replace("ameli-vitale.fr", "vitale-frais.info"), "channel": "sms"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", "--batch", str(path)])
    assert result.exit_code == 0, result.output
    verdicts = [json.loads(line)["verdict"] for line in result.stdout.splitlines()]
    assert verdicts == ["phishing", "legitimate", "legitimate", "phishing"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"text": "ok"}\nnot json\n', "line 2: not valid JSON"),
        ('{"text": 3}\n', "line 1: expected"),
        ('{"text": "hello", "channel": "fax"}\n', "channel must be"),
        ('{"text": "   "}\n', "line 1: the message is empty"),
        ("\n\n", "holds no message"),
    ],
)
def test_batch_errors(cli: CliRunner, tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", "--batch", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing half-written
    assert fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [["   "], ["--file", "missing.eml"], ["x", "--lang", "de"], ["x", "--channel", "fax"]],
)
def test_cli_bad_input_exit_2(cli: CliRunner, tmp_path: Path, args: list[str]) -> None:
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_huge_file(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 12_000_000)
    result = cli.invoke(app, ["--home", str(tmp_path), "phish", "--file", str(path)])
    assert result.exit_code == 2
    assert "too large" in result.stderr


def test_api_json_and_rfc822(phish_client: TestClient) -> None:
    answer = phish_client.post("/v1/phish", json={"text": LURE, "channel": "sms"})
    assert answer.status_code == 200
    assert answer.json()["verdict"] == "phishing"
    answer = phish_client.post(
        "/v1/phish?lang=en", content=EML.encode(), headers={"Content-Type": "message/rfc822"}
    )
    assert answer.status_code == 200
    assert answer.json()["verdict"] == "legitimate"
    assert answer.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"),
    [
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400,
         "not valid JSON"),
        ({"json": {"channel": "sms"}}, 400, "request body must be"),
        ({"json": {"text": "x", "channel": "fax"}}, 400, "channel"),
        ({"json": {"text": "x", "extra": 1}}, 400, "unknown field"),
        ({"json": {"text": ""}}, 400, "empty"),
        ({"content": b"hello", "headers": {"Content-Type": "text/csv"}}, 400, "content type"),
        ({"content": b"From: a@b.fr\nTo: c@d.fr\nSubject: x\n",
          "headers": {"Content-Type": "message/rfc822"}}, 400, "truncated"),
        ({"content": b"x" * (MAX_BODY_BYTES + 1), "headers": {"Content-Type": "message/rfc822"}},
         413, "too large"),
    ],
)  # fmt: skip
def test_api_errors(phish_client: TestClient, kwargs: dict[str, object], status: int,
                    fragment: str) -> None:  # fmt: skip
    answer = phish_client.post("/v1/phish", **kwargs)  # type: ignore[arg-type]
    assert answer.status_code == status
    body = answer.json()
    assert set(body) == {"error"}
    assert fragment in body["error"]
