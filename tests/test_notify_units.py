"""The parts on their own: settings, encryption at rest, one-time secrets, schema, messages."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from leaktrace.config import Settings
from leaktrace.crypto import ServerKey
from leaktrace.errors import InputError, KeyFileError, StoreError
from leaktrace.notify import NotifySettings, SmtpConfig, after_ingest
from leaktrace.notify._schema import SCHEMA_VERSION
from leaktrace.notify.db import NotifyDB
from leaktrace.notify.messages import breach_notice, report
from leaktrace.notify.sealing import Sealer, load_or_create_sealer
from leaktrace.notify.tokens import looks_like_code, looks_like_token, new_code, new_token
from leaktrace.store import Breach
from leaktrace.store import data_classes as dc
from tests.test_notify_stacks import direct
from tests.test_notify_support import EMAIL, Clock, run_cli


def test_smtp_url_with_credentials_and_starttls() -> None:
    cfg = SmtpConfig.parse("smtp://alerts%40asso.fr:p%40ss:w@mail.asso.fr:587?starttls=1")
    assert (cfg.host, cfg.port, cfg.user, cfg.password) == (
        "mail.asso.fr",
        587,
        "alerts@asso.fr",
        "p@ss:w",
    )
    assert cfg.starttls
    assert not cfg.ssl
    assert "p@ss" not in repr(cfg)
    assert SmtpConfig.parse("smtps://relay").port == 465
    assert SmtpConfig.parse("smtp://relay").port == 25


@pytest.mark.parametrize(
    "url",
    ["http://relay", "smtp://", "smtp://relay:99999", "smtp://relay?tls=1", "smtp://r?timeout=x"],
)
def test_bad_smtp_urls(url: str) -> None:
    with pytest.raises(InputError) as caught:
        SmtpConfig.parse(url + "&secret=hunter2" if "?" in url else url)
    assert "hunter2" not in caught.value.message


def test_settings_from_env() -> None:
    env = {
        "LEAKTRACE_SMTP_URL": "smtp://u:pw@relay:2525",
        "LEAKTRACE_SMTP_FROM": "alerts@asso.fr",
        "LEAKTRACE_SMS_WEBHOOK": "https://gateway/sms?key=k",
        "LEAKTRACE_BASE_URL": "https://lt.example/",
    }
    settings = NotifySettings.from_env(env)
    assert settings.base_url == "https://lt.example"
    assert settings.smtp is not None
    assert settings.smtp.port == 2525
    assert "pw" not in repr(settings)
    assert "key=k" not in repr(settings)
    assert NotifySettings.from_env(env, base_url="http://x").base_url == "http://x"
    with pytest.raises(InputError):
        NotifySettings.from_env({"LEAKTRACE_SMS_WEBHOOK": "ftp://x"})
    with pytest.raises(InputError):
        NotifySettings.from_env({"LEAKTRACE_SMTP_FROM": "a@b\r\nBcc: x@y"})


def test_sealing(tmp_path: Path) -> None:
    sealer = load_or_create_sealer(tmp_path)
    assert (tmp_path / "notify.key").stat().st_mode & 0o777 == 0o600
    blob = sealer.seal(b"jean@example.org", b"address:email")
    assert b"jean" not in blob
    assert sealer.open(blob, b"address:email") == b"jean@example.org"
    with pytest.raises(StoreError):
        sealer.open(blob, b"address:phone")  # bound to where it belongs
    with pytest.raises(StoreError):
        sealer.open(blob[:-1] + bytes([blob[-1] ^ 1]), b"address:email")
    again = load_or_create_sealer(tmp_path)
    assert again.open(blob, b"address:email") == b"jean@example.org"
    assert again.lookup("email", "a@b.c") == sealer.lookup("email", "a@b.c")
    other = Sealer(bytes(32))
    assert other.lookup("email", "a@b.c") != sealer.lookup("email", "a@b.c")
    token = sealer.unsubscribe_token(sealer.lookup("email", "a@b.c"))
    assert sealer.check_unsubscribe(token) == sealer.lookup("email", "a@b.c")
    with pytest.raises(InputError):
        other.check_unsubscribe(token)
    assert "key" not in repr(sealer).replace("key_id", "")


def test_corrupt_key_file(tmp_path: Path) -> None:
    (tmp_path / "notify.key").write_text('{"version": 1, "key": "00", "key_id": "x"}')
    with pytest.raises(KeyFileError):
        load_or_create_sealer(tmp_path)


def test_tokens() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(looks_like_token(t) and len(t) == 43 for t in tokens)
    assert all(looks_like_code(new_code()) for _ in range(100))
    assert not looks_like_token("short")
    assert not looks_like_code("12345a")


def test_schema_and_key_binding(tmp_path: Path) -> None:
    db = NotifyDB(tmp_path / "notify.db")
    assert db.schema_version == SCHEMA_VERSION
    db.bind_key("k1")
    db.bind_key("k1")
    with pytest.raises(KeyFileError):
        db.bind_key("k2")
    db.close()
    conn = sqlite3.connect(tmp_path / "notify.db")
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        NotifyDB(tmp_path / "notify.db")


def test_messages_in_french() -> None:
    breach = Breach("Labo", "Labo title", dt.date(2021, 2, 23), dt.datetime.now(dt.UTC))
    mask = dc.to_mask([dc.NIR, dc.MEDICAL_RECORDS])
    subject, body = report("fr", "email", [(breach, mask)], "http://u")
    assert "1 fuite" in subject
    assert "Numéros de sécurité sociale" in body
    assert "ameli" in body
    assert "Ne plus recevoir ces messages : http://u" in body
    subject, body = breach_notice("en", "phone", breach, mask, "http://u", sms=True, org="Asso")
    assert subject == "New data breach: Labo title"
    assert body.startswith("Asso asked leaktrace")
    assert body.count("\n- ") == 1 + 2  # the breach, then the two most pressing advice items


def test_hook_failure_says_the_breach_is_stored(tmp_path: Path, server_key: ServerKey) -> None:
    home = tmp_path / "home"
    with direct(home, Clock(), None):
        pass
    (home / "notify.key").write_text("garbage")
    settings = Settings(home=home)
    with pytest.raises(StoreError) as caught:
        after_ingest(settings, None, server_key)  # type: ignore[arg-type]
    assert "the breach is stored" in caught.value.message
    assert "notify deliver" in caught.value.message


def test_cli_without_notify_db(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "home", "notify", "deliver", "--json")
    assert result.returncode == 0, result.stderr
    assert '"sent": 0' in result.stdout
    assert not (tmp_path / "home" / "notify.db").exists()
    bad = run_cli(
        tmp_path / "home", "notify", "deliver", env={"LEAKTRACE_SMTP_URL": "http://x:pw@y"}
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: LEAKTRACE_SMTP_URL")
    assert "pw" not in bad.stderr
    assert EMAIL not in bad.stderr
