"""Organisation accounts for group monitoring (a victims' association, a laboratory's DPO).

An organisation is opened with a name and a contact email and confirmed through a link mailed
to it, exactly like an email subscription. Confirming answers its API key, once: only a hash is
kept, and confirming again (after a new ``POST /v1/orgs`` with the same email) rotates it, which
is also how a lost key is replaced. What the key allows is in ``members.py``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from leaktrace.errors import InputError, LeaktraceError
from leaktrace.notify import messages
from leaktrace.notify.outbox import Envelope, enqueue
from leaktrace.notify.service import Notifier
from leaktrace.notify.subscriptions import INVALID_TOKEN, check_lang
from leaktrace.notify.tokens import looks_like_token, same_secret, token_hash

__all__ = ["API_KEY_PREFIX", "UnauthorizedError", "authenticate", "create_org", "verify_org"]

API_KEY_PREFIX = "lto_"  # recognisable by secret scanners


class UnauthorizedError(LeaktraceError):
    """A missing or unknown organisation API key."""

    http_status = 401
    exit_code = 2


def _name(name: object) -> str:
    ok = isinstance(name, str) and 1 <= len(name.strip()) <= 100
    if not ok or any(unicodedata.category(c)[0] == "C" for c in str(name)):
        raise InputError("name: must be 1 to 100 printable characters")
    return str(name).strip()


def create_org(notifier: Notifier, name: object, email: object, lang: object = None) -> None:
    """Open (or re-confirm) an organisation account; silent like ``subscribe``."""
    org_name = _name(name)
    value = notifier.canonical("email", email)
    lang = check_lang(lang, notifier.settings.lang)
    lookup = notifier.sealer.lookup("email", value)
    now = notifier.clock()
    settings = notifier.settings
    with notifier.db.tx() as conn:
        row = conn.execute("SELECT id, last_sent FROM orgs WHERE lookup = ?", (lookup,)).fetchone()
        if row is not None and row[1] is not None and now - row[1] < settings.resend_interval:
            return
        if row is None:
            cursor = conn.execute(
                "INSERT INTO orgs (name, lookup, address, lang, status, created) "
                "VALUES (?, ?, ?, ?, 'pending', ?)",
                (org_name, lookup, notifier.seal_address("email", value, lookup), lang, now),
            )
            assert cursor.lastrowid is not None
            org_id = cursor.lastrowid
        else:
            org_id = int(row[0])
            org_name = str(
                conn.execute("SELECT name FROM orgs WHERE id = ?", (org_id,)).fetchone()[0]
            )
        token = notifier.new_token()
        secret = token_hash(token)
        conn.execute(
            "UPDATE orgs SET secret_hash = ?, secret_expires = ?, last_sent = ? WHERE id = ?",
            (secret, now + settings.token_ttl, now, org_id),
        )
        unsubscribe_url = notifier.unsubscribe_url(lookup)
        url = notifier.link("orgs/verify", token)
        hours = round(settings.token_ttl / 3600)
        subject, body = messages.org_verification(lang, org_name, url, hours, unsubscribe_url)
        envelope = Envelope("email", value, subject, body, unsubscribe_url)
        idem = f"orgverify:{org_id}:{secret.hex()[:32]}"
        enqueue(conn, notifier.sealer, idem=idem, recipient=lookup, envelope=envelope, now=now)


def verify_org(notifier: Notifier, token: object) -> dict[str, Any]:
    """Confirm an organisation from its link token; answers its new API key (shown once)."""
    if not looks_like_token(token) or str(token).startswith(API_KEY_PREFIX):
        raise InputError(INVALID_TOKEN)
    presented = token_hash(str(token))
    now = notifier.clock()
    with notifier.db.tx() as conn:
        row = conn.execute(
            "SELECT id, secret_hash, secret_expires, name FROM orgs WHERE secret_hash = ?",
            (presented,),
        ).fetchone()
        if row is None or not same_secret(presented, row[1]) or row[2] < now:
            raise InputError(INVALID_TOKEN)
        api_key = API_KEY_PREFIX + notifier.new_token()
        conn.execute(
            "UPDATE orgs SET status = 'active', secret_hash = NULL, secret_expires = NULL, "
            "api_key_hash = ? WHERE id = ?",
            (token_hash(api_key), row[0]),
        )
    return {"status": "active", "name": str(row[3]), "api_key": api_key}


def authenticate(notifier: Notifier, api_key: object) -> int:
    """The id of the active organisation holding this API key; UnauthorizedError otherwise."""
    refused = UnauthorizedError("an organisation API key is required: Authorization: Bearer lto_…")
    if not looks_like_token(api_key) or not str(api_key).startswith(API_KEY_PREFIX):
        raise refused
    presented = token_hash(str(api_key))
    rows = notifier.db.read(
        "SELECT id, api_key_hash FROM orgs WHERE api_key_hash = ? AND status = 'active'",
        (presented,),
    )
    if not rows or not same_secret(presented, rows[0][1]):
        raise refused
    return int(rows[0][0])
