"""A text's sender (``--sender``, ``"sender"``): what kind it is, the two rules that read it,
and the one clear error for a sender that is not one. Each rule case is paired with the same
text from a sender that does not fire it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from leaktrace.cli import app
from leaktrace.errors import InputError
from leaktrace.phishing import analyze, parse_message
from leaktrace.phishing.rules import RULES, Context
from leaktrace.phishing.sender import MAX_SENDER_CHARS, read_sender, sender_of

STRANGER = "Hi David, it's Jenny from the gym. Are we still on for dinner tonight?"
AMELI = "Assurance Maladie : votre dossier de remboursement est en attente, suivez ameli.fr"
PARCEL = "USPS: your package is on hold due to an incomplete address. Update within 24h."


def fired(text: str, sender: str) -> set[str]:
    ctx = Context(parse_message(text, "sms", sender=sender))
    for rule in RULES:
        if rule.check(ctx) is not None:
            ctx.fired.add(rule.rule_id)
    return ctx.fired


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jenny.k1987@gmail.com", ("email", False)),
        ("noreply@sms.example.net", ("email", False)),
        ("38012", ("short_code", False)),  # a French short code
        ("227-898", ("short_code", False)),  # a US one as some phones write it
        ("AMELI", ("name", False)),
        ("Chronopost", ("name", False)),
        ("+33 6 12 34 56 78", ("number", True)),
        ("06 12 34 56 78", ("number", True)),
        ("0033612345678", ("number", True)),
        ("(415) 867-5309", ("number", True)),
        ("1-415-867-5309", ("number", True)),
        ("07700 900123", ("number", True)),  # British mobile, no country code
        ("+1 800 555 0199", ("number", False)),  # toll-free: rented by firms
        ("08 99 12 34 56", ("number", False)),  # French premium rate
        ("+999 12345678", ("number", True)),  # no plan knows it: spoofed
        ("Apple Support Team", ("other", False)),
        ("12", ("other", False)),
        ("+1234567890123456789", ("other", False)),  # longer than an operator's sender name
    ],
)
def test_sender_kinds(value: str, expected: tuple[str, bool]) -> None:
    sender = sender_of(read_sender(value))
    assert sender is not None
    assert (sender.kind, sender.personal) == expected


def test_blank_sender_is_unknown() -> None:
    assert read_sender(None) == read_sender("") == read_sender("   ") == ""
    assert sender_of("") is None
    assert Context(parse_message(STRANGER, "sms")).texted_by is None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (42, "must be a string"),
        (["+33612345678"], "must be a string"),
        ("x" * (MAX_SENDER_CHARS + 1), "too long"),
        ("+33 6 12\n34 56 78", "control characters"),
        ("AMELI\x00", "control characters"),
        ("\x1b[31mAMELI", "control characters"),
    ],
)
def test_bad_sender_one_clear_error(value: object, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_message(STRANGER, "sms", sender=value)


def test_a_sender_is_for_texts_only() -> None:
    with pytest.raises(InputError, match="From: header"):
        parse_message("Subject: hi\n\nhello", "email", sender="a@b.fr")
    eml = "From: a@b.fr\nTo: c@d.fr\nSubject: hi\nContent-Type: text/plain\n\nhello\n"
    with pytest.raises(InputError, match="From: header"):
        parse_message(eml, None, sender="a@b.fr")
    assert parse_message(eml, None).channel == "email"


def test_text_from_an_email_address() -> None:
    from_address = analyze(STRANGER, "sms", lang="en", sender="jenny.k1987@gmail.com")
    assert from_address["verdict"] == "suspicious"
    rules = {r["rule_id"] for r in from_address["reasons"]}
    assert "sms.sender_email" in rules
    # Answering an address reaches whoever opened it: the text is not "asking for nothing".
    assert "allow.no_data_request" not in rules
    for sender in ("+1 415 867 5309", "Jenny", ""):
        assert "sms.sender_email" not in fired(STRANGER, sender)
    assert "allow.no_data_request" in fired(STRANGER, "+1 415 867 5309")
    assert any("e-mail address" in line for line in from_address["advice"])


@pytest.mark.parametrize(
    ("text", "sender"), [(AMELI, "06 12 34 56 78"), (PARCEL, "(415) 867-5309")]
)
def test_organisation_from_a_personal_number(text: str, sender: str) -> None:
    assert "sms.sender_personal_number" in fired(text, sender)


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        (AMELI, "AMELI"),  # a sender name
        (AMELI, "38012"),  # a short code
        (PARCEL, "+1 888 555 0142"),  # a toll-free line
        (PARCEL, "usps@example.com"),  # another rule's business
        ("Coucou, on se voit samedi chez Léa ? Bisous", "06 12 34 56 78"),  # a friend
        (AMELI, ""),  # not known
    ],
)
def test_not_an_organisation_from_a_personal_number(text: str, sender: str) -> None:
    assert "sms.sender_personal_number" not in fired(text, sender)


def test_a_brand_named_without_a_lure_counts() -> None:
    result = analyze("Ameli: nouveau message dans votre espace", "sms", sender="+33 7 81 00 00 00")
    details = [
        r["detail"] for r in result["reasons"] if r["rule_id"] == "sms.sender_personal_number"
    ]
    assert len(details) == 1
    assert "Assurance Maladie" in details[0]


def test_a_sender_name_speaks_for_its_brand() -> None:
    """A text from "AMELI" claims the Assurance Maladie: its unknown link is a mismatch."""
    text = "Votre remboursement de 48,70 EUR est disponible : remboursement-dossier.com/r"
    assert "brand.link_mismatch" in fired(text, "AMELI")
    assert "brand.link_mismatch" in fired(text, "ameli.remboursement@gmail.com")
    for sender in ("", "Léa", "+33 6 12 34 56 78", "38012"):
        assert "brand.link_mismatch" not in fired(text, sender)
    # The genuine sender name with the genuine site stays clean.
    notice = "Un remboursement de 48,70 EUR a été effectué. Détail sur ameli.fr"
    assert analyze(notice, "sms", sender="AMELI")["verdict"] == "legitimate"


@pytest.mark.parametrize("sender", ["jenny.k1987@gmail.com", "+33 6 12 34 56 78", "AMELI"])
def test_the_sender_is_never_echoed(sender: str) -> None:
    for text in (STRANGER, AMELI, PARCEL):
        result = json.dumps(analyze(text, "sms", lang="en", sender=sender), ensure_ascii=False)
        assert sender not in result
        assert sender.replace(" ", "") not in result.replace(" ", "")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.from_regex(r"\+?[0-9 ().-]{0,25}", fullmatch=True)))
def test_fuzz_sender(value: str) -> None:
    try:
        checked = read_sender(value)
    except InputError:
        return
    kind = sender_of(checked)
    assert kind is None or kind.kind in ("email", "short_code", "name", "number", "other")
    assert analyze("Your parcel is waiting: pay 1.99 at parcel-fee.top", "sms", sender=value)


def test_cli_sender_and_batch(tmp_path: Path) -> None:
    cli = CliRunner()
    home = ["--home", str(tmp_path)]
    result = cli.invoke(
        app, [*home, "phish", STRANGER, "--sender", "jk@example.com", "--json", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict"] == "suspicious"
    assert "jk@example.com" not in result.stdout
    lines = [{"text": STRANGER, "sender": "jk@example.com"}, {"text": STRANGER, "sender": ""}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = cli.invoke(app, [*home, "phish", "--batch", str(path)])
    assert result.exit_code == 0, result.output
    verdicts = [json.loads(line)["verdict"] for line in result.stdout.splitlines()]
    assert verdicts == ["suspicious", "legitimate"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["x", "--sender", "a\tb"], "control characters"),
        (["x", "--sender", "a@b.fr", "--channel", "email"], "From: header"),
        (["--batch", "in.jsonl", "--sender", "AMELI"], "cannot be combined"),
    ],
)
def test_cli_bad_sender_exit_2(tmp_path: Path, args: list[str], fragment: str) -> None:
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    args = [str(tmp_path / a) if a == "in.jsonl" else a for a in args]
    result = CliRunner().invoke(app, ["--home", str(tmp_path), "phish", *args])
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"text": "x", "sender": 33612345678}', "line 2: sender must be a string"),
        ('{"text": "x", "sender": "a\\u0000"}', "line 2: sender holds control"),
        ('{"text": "x", "channel": "email", "sender": "a@b.fr"}', "line 2: a sender is given"),
    ],
)
def test_batch_bad_sender(tmp_path: Path, line: str, fragment: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "ok"}\n' + line + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--home", str(tmp_path), "phish", "--batch", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert fragment in result.stderr


def test_api_sender(phish_client: TestClient) -> None:
    answer = phish_client.post(
        "/v1/phish?lang=en", json={"text": STRANGER, "sender": "jk@example.com"}
    )
    assert answer.status_code == 200
    assert answer.json()["verdict"] == "suspicious"
    assert "jk@example.com" not in answer.text
    answer = phish_client.post("/v1/phish?lang=en", json={"text": STRANGER, "sender": ""})
    assert answer.json()["verdict"] == "legitimate"


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ({"text": "x", "sender": None}, "sender must be a string"),
        ({"text": "x", "sender": 7}, "sender must be a string"),
        ({"text": "x", "sender": "y" * 300}, "too long"),
        ({"text": "x", "sender": "a\rb"}, "control characters"),
        ({"text": "x", "channel": "email", "sender": "a@b.fr"}, "From: header"),
    ],
)
def test_api_bad_sender(
    phish_client: TestClient, document: dict[str, object], fragment: str
) -> None:
    answer = phish_client.post("/v1/phish", json=document)
    assert answer.status_code == 400
    assert set(answer.json()) == {"error"}
    assert fragment in answer.json()["error"]
