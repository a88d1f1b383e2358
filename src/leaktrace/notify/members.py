"""An organisation's members: upload, aggregate report, notices to members.

**Upload.** Each member's identifiers (email, phone, NIR) are normalized and PRF'd on arrival;
only the index keys are kept, and the upload itself is never stored. The member's contact
address (its email, else its phone) is kept sealed, for notices only. A member is recognised
across uploads by its contact (or, without one, by its keys), so uploading again updates.

**What the organisation sees:** counts per breach and per data class over its members, never a
member. Breaches holding fewer than ``org_threshold`` members are left out and smaller class
counts are ``null``, so that a small upload cannot single anyone out in one report. (Two reports
around the upload of one more member still differ by that member: the organisation is a
verified, accountable account, and ``org_upload_interval`` can slow such probing down.)

**Notices to members** go to the member's contact address and name only breaches in which *that
address itself* is exposed. Nobody proved the link an organisation states between a member's
NIR and an address: telling "your NIR leaked in this medical breach" to an address it chose would
let it, or an impostor, learn a stranger's sensitive breaches.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from leaktrace.errors import InputError, RateLimitedError
from leaktrace.notify import messages
from leaktrace.notify.matching import channel_of, exposures_for, recipients
from leaktrace.notify.outbox import Envelope, enqueue, record
from leaktrace.notify.service import Notifier
from leaktrace.store import Breach
from leaktrace.store.data_classes import from_mask

__all__ = [
    "MAX_MEMBERS",
    "clear_members",
    "enable_member_notices",
    "org_report",
    "upload_members",
]

MAX_MEMBERS = 1000  # per upload: about what fits the API's 64 KB body cap
_KINDS = ("email", "phone", "nir")


def _parse(notifier: Notifier, members: object) -> list[list[tuple[str, str]]]:
    """Normalized (kind, value) pairs per member; every problem is found before any change."""
    if not isinstance(members, list) or not 1 <= len(members) <= MAX_MEMBERS:
        raise InputError(f"members: must be a list of 1 to {MAX_MEMBERS} objects")
    parsed = []
    for i, member in enumerate(members):
        where = f"members[{i}]"
        if not isinstance(member, dict) or not member:
            raise InputError(f'{where}: must be an object such as {{"email": "…", "nir": "…"}}')
        if set(member) - set(_KINDS):
            raise InputError(f"{where}: unknown field; only email, phone and nir are allowed")
        parsed.append(
            [(k, notifier.canonical(k, member[k], f"{where}.{k}")) for k in _KINDS if k in member]
        )
    return parsed


def upload_members(notifier: Notifier, org_id: int, members: object) -> dict[str, int]:
    """Add or update members; answers how many were received and the organisation's total."""
    parsed = _parse(notifier, members)
    keys = iter(notifier.index_keys([pair for member in parsed for pair in member]))
    now = notifier.clock()
    interval = notifier.settings.org_upload_interval
    with notifier.db.tx() as conn:
        last, notify = conn.execute(
            "SELECT last_upload, notify_members FROM orgs WHERE id = ?", (org_id,)
        ).fetchone()
        if last is not None and now - last < interval:
            raise RateLimitedError("one member upload per interval", interval - (now - last))
        for member in parsed:
            member_keys = [next(keys) for _ in member]
            contact = next(((k, v) for k, v in member if k != "nir"), None)
            if contact is None:
                lookup = address = contact_key = None
                dedupe = hashlib.sha256(b"".join(sorted(member_keys))).digest()
            else:
                lookup = notifier.sealer.lookup(*contact)
                address = notifier.seal_address(contact[0], contact[1], lookup)
                contact_key = member_keys[[k for k, _ in member].index(contact[0])]
                dedupe = lookup
            member_id = conn.execute(
                "INSERT INTO members (org_id, dedupe, kind, lookup, address, contact_key) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, dedupe) DO UPDATE SET "
                "kind = excluded.kind, address = excluded.address, "
                "contact_key = excluded.contact_key RETURNING id",
                (org_id, dedupe, contact and contact[0], lookup, address, contact_key),
            ).fetchone()[0]
            conn.execute("DELETE FROM member_keys WHERE member_id = ?", (member_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO member_keys (member_id, key) VALUES (?, ?)",
                [(member_id, key) for key in member_keys],
            )
        conn.execute("UPDATE orgs SET last_upload = ? WHERE id = ?", (now, org_id))
        if notify:
            _member_reports(notifier, conn, org_id, now)
        total = conn.execute("SELECT count(*) FROM members WHERE org_id = ?", (org_id,)).fetchone()
    return {"received": len(parsed), "members": int(total[0])}


def clear_members(notifier: Notifier, org_id: int) -> None:
    """Forget every member of the organisation (their keys and sealed contacts)."""
    with notifier.db.tx() as conn:
        conn.execute("DELETE FROM members WHERE org_id = ?", (org_id,))


def org_report(notifier: Notifier, org_id: int) -> dict[str, Any]:
    """Counts per breach and data class over the organisation's members; never a member."""
    rows = notifier.db.read(
        "SELECT m.id, k.key FROM members m JOIN member_keys k ON k.member_id = m.id "
        "WHERE m.org_id = ?",
        (org_id,),
    )
    name, total = notifier.db.read(
        "SELECT name, (SELECT count(*) FROM members WHERE org_id = ?) FROM orgs WHERE id = ?",
        (org_id, org_id),
    )[0]
    found = exposures_for(notifier, (bytes(key) for _, key in rows))
    people: dict[str, tuple[Breach, dict[int, int]]] = {}
    for member, key in rows:
        for breach, mask in found.get(bytes(key), []):
            masks = people.setdefault(breach.name, (breach, {}))[1]
            masks[int(member)] = masks.get(int(member), 0) | mask
    threshold = notifier.settings.org_threshold
    breaches: list[dict[str, Any]] = []
    for breach, masks in people.values():
        if len(masks) < threshold:
            continue
        classes: dict[str, int | None] = {}
        for data_class in from_mask(_union(masks.values())):
            count = sum(1 for m in masks.values() if data_class in from_mask(m))
            classes[data_class] = count if count >= threshold else None
        breaches.append(
            {
                "Name": breach.name,
                "Title": breach.title,
                "BreachDate": breach.breach_date.isoformat(),
                "IsSensitive": breach.is_sensitive,
                "members": len(masks),
                "DataClasses": classes,
            }
        )
    breaches.sort(key=lambda b: (-int(b["members"]), str(b["Name"])))
    return {"name": name, "members": total, "threshold": threshold, "breaches": breaches}


def _union(masks: Any) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


def enable_member_notices(notifier: Notifier, org_id: int) -> None:
    """From now on, tell members of their breaches: those known now, then each new one."""
    with notifier.db.tx() as conn:
        conn.execute("UPDATE orgs SET notify_members = 1 WHERE id = ?", (org_id,))
        _member_reports(notifier, conn, org_id, notifier.clock())


def _member_reports(notifier: Notifier, conn: sqlite3.Connection, org_id: int, now: float) -> None:
    """One report per member exposed in breaches nobody told them of yet."""
    everyone = recipients(conn, org_id)
    found = exposures_for(notifier, (r.key for r in everyone))
    for recipient in everyone:
        news = [
            (b, m)
            for b, m in found.get(recipient.key, [])
            if record(conn, recipient.lookup, b.name)
        ]
        if not news:
            continue  # members never asked: no "you are not in any breach" mail
        channel = channel_of(recipient.kind)
        unsubscribe_url = notifier.unsubscribe_url(recipient.lookup)
        subject, body = messages.report(
            recipient.lang,
            recipient.kind,
            news,
            unsubscribe_url,
            sms=channel == "sms",
            org=recipient.org,
        )
        address = notifier.open_address(recipient.kind, recipient.address, recipient.lookup)
        names = hashlib.sha256(",".join(sorted(b.name for b, _ in news)).encode()).hexdigest()
        idem = f"orgreport:{org_id}:{recipient.lookup.hex()}:{names[:16]}"
        envelope = Envelope(channel, address, subject, body, unsubscribe_url)
        enqueue(
            conn, notifier.sealer, idem=idem, recipient=recipient.lookup, envelope=envelope, now=now
        )
