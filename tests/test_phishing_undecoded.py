"""Bodies still in their transfer encoding: raw MIME parts, quoted-printable, base64.

Mail copied from a "show original" view or exported with raw payloads must be read as a person
reads it. Messages written for these tests; the encodings are made with the stdlib.
"""

from __future__ import annotations

import base64
import quopri
from email.charset import BASE64, QP, Charset
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaktrace.phishing import analyze
from leaktrace.phishing._undecoded import undecoded_parts
from leaktrace.phishing.message import parse_message

_HTML = (
    "<html><body><p>Dear Customer,</p><p>Your account has been limited. "
    '<a href="http://203.0.113.50/paypal/verify.php">https://www.paypal.com/signin</a> '
    "to restore your access within 24 hours.</p></body></html>"
)


def _exported(payload: str) -> str:
    """An e-mail as some exports write it: outer headers, then a body never decoded."""
    return (
        "From: PayPal <service@paypal.example>\nSubject: Account limited\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{payload}"
    )


def _multipart(encoding: int, subtype: str = "html", text: str = _HTML) -> str:
    charset = Charset("utf-8")
    charset.body_encoding = encoding
    message = MIMEMultipart("alternative")
    message.attach(MIMEText(text, subtype, charset))
    return message.as_string().split("\n\n", 1)[1]


@pytest.mark.parametrize("encoding", [BASE64, QP], ids=["base64", "quoted-printable"])
def test_raw_mime_parts_in_a_plain_body_are_decoded(encoding: int) -> None:
    message = parse_message(_exported(_multipart(encoding)), "email")
    assert "account has been limited" in message.body
    assert ("http://203.0.113.50/paypal/verify.php", "https://www.paypal.com/signin") in (
        message.links
    )
    result = analyze(_exported(_multipart(encoding)), "email", lang="en")
    reasons = {reason["rule_id"] for reason in result["reasons"]}
    assert {"email.link_text_mismatch", "url.ip_host"} <= reasons


def test_a_bare_base64_body_is_decoded() -> None:
    text = "Dear Customer, your mailbox is full. Validate your account at http://203.0.113.9/x"
    body = base64.encodebytes(text.encode()).decode()
    assert "mailbox is full" in parse_message(_exported(body), "email").body


def test_a_bare_quoted_printable_body_is_decoded() -> None:
    text = "Dear Customer =E2=80=93 your package is held at customs. Pay the =\nfee today: =\nhttp://203.0.113.9/pay\n"
    body = parse_message(_exported(text), "email").body
    assert "Dear Customer – your package is held" in body
    assert "Pay the fee today: http://203.0.113.9/pay" in body


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with a=b and x=1 in it, and an equation: E=mc2.",
        "Short base64-looking word: QUJDRA==",
        "--\nSigned, Bob\n-- \nmy signature",
        "Meeting notes\n\n--separator\nNot a header line\n",
        "TWFu" * 5,  # too short to be a body
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert undecoded_parts(text) is None


def test_binary_base64_is_left_alone() -> None:
    body = base64.encodebytes(bytes(range(256)) * 4).decode()
    assert undecoded_parts(body) is None


def test_a_part_cut_short_is_still_read() -> None:
    payload = _multipart(QP, "plain", "Your account is suspended, verify now.")
    cut = payload[: payload.rindex("--")]  # no closing boundary
    assert "account is suspended" in parse_message(_exported(cut), "email").body


def test_nesting_is_bounded() -> None:
    text = "Verify your account now"
    for _ in range(6):
        text = base64.encodebytes(text.encode() * 3).decode()
    parts = undecoded_parts(text)
    assert parts is not None  # decoded a few levels, then left as it was
    assert all(isinstance(kind, str) and isinstance(body, str) for kind, body in parts)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_fuzz_any_text_decodes_or_stays(text: str) -> None:
    parts = undecoded_parts(text)
    assert parts is None or all(isinstance(body, str) for _kind, body in parts)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_quoted_printable_and_mime_shapes(data: bytes) -> None:
    shaped = "--b\nContent-Type: text/plain\n\n" + quopri.encodestring(data).decode("ascii")
    parts = undecoded_parts(shaped)
    assert parts is None or all(isinstance(body, str) for _kind, body in parts)


def test_a_pasted_part_is_decoded_like_a_real_one() -> None:
    """The same part, pasted into a body or sent as a real MIME part, gives the same text,
    whatever its declared charset: known, wrong for the bytes, or unknown."""
    for charset in ("utf-8", "iso-8859-1", "x-unknown-charset"):
        part = (
            f'--b1\nContent-Type: text/plain; charset="{charset}"\n'
            "Content-Transfer-Encoding: base64\n\n"
            f"{base64.b64encode('Vérifiez votre compte : mot de passe expiré'.encode()).decode()}"
            "\n--b1--\n"
        )
        headers = 'From: a@example.net\nSubject: x\nContent-Type: multipart/mixed; boundary="b1"'
        real = parse_message(f"{headers}\n\n{part}", "email").body
        pasted = parse_message(_exported(part), "email").body
        assert real in pasted
        assert "compte" in real
