"""Subscriptions of one person by email (link) or phone (code): subscribe, verify, unsubscribe.

``subscribe`` says nothing about the address — not whether it is in a breach, not whether it is
already subscribed — so its caller can always answer the same thing. What differs (a new token,
nothing for a confirmed subscriber, nothing within ``resend_interval`` of the last message) is
only visible to whoever reads the mailbox.

Confirmation is one transaction: the subscriber becomes confirmed, and the report listing every
breach holding the identifier (sensitive ones included: the channel is now proven) is queued,
with a ledger entry per breach so that no later sweep tells of them again.
"""

from __future__ import annotations

import sqlite3

from leaktrace.errors import InputError
from leaktrace.notify import messages
from leaktrace.notify.matching import channel_of, exposures_for
from leaktrace.notify.outbox import Envelope, cancel_for, enqueue, record
from leaktrace.notify.service import Notifier
from leaktrace.notify.tokens import looks_like_code, looks_like_token, same_secret, token_hash

__all__ = ["check_lang", "counts", "subscribe", "unsubscribe", "verify", "verify_code"]

INVALID_TOKEN = "invalid or expired token"  # noqa: S105 (a message, not a secret)
INVALID_CODE = "invalid or expired code"


def check_lang(lang: object, default: str) -> str:
    if lang is None:
        return default
    if lang not in ("fr", "en"):
        raise InputError("lang: must be 'fr' or 'en'")
    return str(lang)


def subscribe(notifier: Notifier, kind: str, raw: object, lang: object = None) -> None:
    """Start (or restart) a subscription: queue a verification link (email) or code (phone)."""
    if kind not in ("email", "phone"):
        raise InputError("give an 'email' or a 'phone'")
    value = notifier.canonical(kind, raw)
    lang = check_lang(lang, notifier.settings.lang)
    settings = notifier.settings
    lookup = notifier.sealer.lookup(kind, value)
    key = notifier.index_keys([(kind, value)])[0]
    now = notifier.clock()
    with notifier.db.tx() as conn:
        row = conn.execute(
            "SELECT id, status, last_sent FROM subscribers WHERE lookup = ?", (lookup,)
        ).fetchone()
        if row is not None and row[1] == "confirmed":
            return
        if row is not None and row[2] is not None and now - row[2] < settings.resend_interval:
            return  # one message per address per interval: no mail-bombing through us
        if row is None:
            cursor = conn.execute(
                "INSERT INTO subscribers (kind, lookup, address, index_key, lang, status, created) "
                "VALUES (?, ?, ?, ?, ?, 'pending', ?)",
                (kind, lookup, notifier.seal_address(kind, value, lookup), key, lang, now),
            )
            assert cursor.lastrowid is not None
            subscriber = cursor.lastrowid
        else:
            subscriber = int(row[0])
        unsubscribe_url = notifier.unsubscribe_url(lookup)
        if kind == "email":
            token = notifier.new_token()
            secret, expires = token_hash(token), now + settings.token_ttl
            url = notifier.link("subscriptions/verify", token)
            hours = round(settings.token_ttl / 3600)
            subject, body = messages.verification_link(lang, url, hours, unsubscribe_url)
        else:
            code = notifier.new_code()
            secret, expires = notifier.sealer.code_hash(subscriber, code), now + settings.code_ttl
            minutes = round(settings.code_ttl / 60)
            subject, body = messages.verification_code(lang, code, minutes, unsubscribe_url)
        # The address is sealed again: an unsubscribe wiped it.
        conn.execute(
            "UPDATE subscribers SET status = 'pending', secret_hash = ?, secret_expires = ?, "
            "attempts = 0, last_sent = ?, lang = ?, address = ? WHERE id = ?",
            (secret, expires, now, lang, notifier.seal_address(kind, value, lookup), subscriber),
        )
        envelope = Envelope(channel_of(kind), value, subject, body, unsubscribe_url)
        idem = f"verify:{subscriber}:{secret.hex()[:32]}"
        enqueue(conn, notifier.sealer, idem=idem, recipient=lookup, envelope=envelope, now=now)


def _confirm(notifier: Notifier, conn: sqlite3.Connection, subscriber: int, now: float) -> None:
    conn.execute(
        "UPDATE subscribers SET status = 'confirmed', secret_hash = NULL, secret_expires = NULL, "
        "attempts = 0, confirmed = ?, generation = generation + 1 WHERE id = ?",
        (now, subscriber),
    )
    lookup, kind, sealed, key, lang, generation = conn.execute(
        "SELECT lookup, kind, address, index_key, lang, generation FROM subscribers WHERE id = ?",
        (subscriber,),
    ).fetchone()
    lookup, key = bytes(lookup), bytes(key)
    conn.execute("DELETE FROM optouts WHERE lookup = ?", (lookup,))  # a proven opt-in
    found = exposures_for(notifier, [key]).get(key, [])
    for breach, _ in found:
        record(conn, lookup, breach.name)
    channel = channel_of(kind)
    unsubscribe_url = notifier.unsubscribe_url(lookup)
    subject, body = messages.report(lang, kind, found, unsubscribe_url, sms=channel == "sms")
    address = notifier.open_address(kind, bytes(sealed), lookup)
    envelope = Envelope(channel, address, subject, body, unsubscribe_url)
    idem = f"report:{subscriber}:{generation}"
    enqueue(conn, notifier.sealer, idem=idem, recipient=lookup, envelope=envelope, now=now)


def verify(notifier: Notifier, token: object) -> None:
    """Confirm an email subscription from its link token: once, before it expires."""
    if not looks_like_token(token):
        raise InputError(INVALID_TOKEN)
    presented = token_hash(str(token))
    now = notifier.clock()
    with notifier.db.tx() as conn:
        row = conn.execute(
            "SELECT id, secret_hash, secret_expires FROM subscribers "
            "WHERE secret_hash = ? AND kind = 'email' AND status = 'pending'",
            (presented,),
        ).fetchone()
        # One message for unknown, used and expired tokens: no oracle on which it was.
        if row is None or not same_secret(presented, row[1]) or row[2] < now:
            raise InputError(INVALID_TOKEN)
        _confirm(notifier, conn, int(row[0]), now)


def verify_code(notifier: Notifier, phone: object, code: object) -> None:
    """Confirm a phone subscription from its SMS code: a few tries, a few minutes."""
    value = notifier.canonical("phone", phone)
    if not looks_like_code(code):
        raise InputError("code: must be 6 digits")
    lookup = notifier.sealer.lookup("phone", value)
    now = notifier.clock()
    with notifier.db.tx() as conn:
        row = conn.execute(
            "SELECT id, secret_hash, secret_expires, attempts FROM subscribers "
            "WHERE lookup = ? AND kind = 'phone' AND status = 'pending'",
            (lookup,),
        ).fetchone()
        usable = (
            row is not None
            and row[1] is not None
            and row[2] >= now
            and row[3] < notifier.settings.code_attempts
        )
        if usable:
            presented = notifier.sealer.code_hash(int(row[0]), str(code))
            if same_secret(presented, row[1]):
                _confirm(notifier, conn, int(row[0]), now)
                return
            # Count the wrong try (committed), and void the code at the limit.
            conn.execute(
                "UPDATE subscribers SET attempts = attempts + 1, secret_hash = CASE "
                "WHEN attempts + 1 >= ? THEN NULL ELSE secret_hash END WHERE id = ?",
                (notifier.settings.code_attempts, row[0]),
            )
    raise InputError(INVALID_CODE)


def unsubscribe(notifier: Notifier, token: object) -> None:
    """Stop every message to the address a link was sent to; idempotent.

    The address itself is wiped (subscriber and organisation member alike): what is kept is its
    lookup hash in ``optouts``, so that the opt-out holds across member re-uploads.
    """
    lookup = notifier.sealer.check_unsubscribe(str(token)) if isinstance(token, str) else None
    if lookup is None:
        raise InputError("invalid unsubscribe token")
    with notifier.db.tx() as conn:
        conn.execute(
            "UPDATE subscribers SET status = 'unsubscribed', secret_hash = NULL, "
            "secret_expires = NULL, address = x'' WHERE lookup = ?",
            (lookup,),
        )
        conn.execute("UPDATE members SET address = NULL WHERE lookup = ?", (lookup,))
        conn.execute("INSERT OR IGNORE INTO optouts (lookup) VALUES (?)", (lookup,))
        cancel_for(conn, lookup)


def counts(notifier: Notifier) -> dict[str, int]:
    """Subscribers per status and organisations (for ``notify status``)."""
    result = dict.fromkeys(("pending", "confirmed", "unsubscribed"), 0)
    for status, count in notifier.db.read("SELECT status, count(*) FROM subscribers GROUP BY 1"):
        result[str(status)] = int(count)
    result["organisations"] = int(notifier.db.read("SELECT count(*) FROM orgs")[0][0])
    result["members"] = int(notifier.db.read("SELECT count(*) FROM members")[0][0])
    return result
