"""Encryption at rest of the addresses leaktrace must keep to send mail and SMS.

One 32-byte master secret in ``home/notify.key`` (mode 0600, created on first use, never in the
database) derives four independent keys with HMAC-SHA256 under fixed labels:

* ``seal``: AES-256-GCM of every address and outbox message; each blob is bound to what it is
  (its associated data), so a blob copied into another row or column does not open;
* ``lookup``: HMAC of ``kind:value`` — finding a subscriber by address never needs the plaintext,
  and the column cannot be reversed by enumerating phone numbers without the key;
* ``unsubscribe``: MACs that make unsubscribe links verifiable without storing them;
* ``code``: keyed hash of SMS codes (6 digits would fall to a plain hash at once).

Losing the file makes stored addresses unreadable (subscribers must subscribe again); leaking
it together with ``notify.db`` reveals them. Back it up apart from the database.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from leaktrace.crypto.keys import publish_secret_file
from leaktrace.errors import InputError, KeyFileError, StoreError

__all__ = ["NOTIFY_KEY_FILE", "Sealer", "load_or_create_sealer"]

NOTIFY_KEY_FILE = "notify.key"
_FORMAT_VERSION = 1
_BLOB_VERSION = b"\x01"
_NONCE = 12
RandomBytes = Callable[[int], bytes]


class Sealer:
    """Seal/open blobs and compute keyed hashes under one master secret. No ``repr`` leak."""

    def __init__(self, master: bytes, random_bytes: RandomBytes = os.urandom) -> None:
        if len(master) != 32:
            raise KeyFileError("notification key must be 32 bytes")

        def derive(label: bytes) -> bytes:
            return hmac.new(master, b"leaktrace notify " + label, hashlib.sha256).digest()

        self._aead = AESGCM(derive(b"seal v1"))
        self._lookup = derive(b"lookup v1")
        self._unsubscribe = derive(b"unsubscribe v1")
        self._code = derive(b"code v1")
        self._random = random_bytes
        self.key_id = hashlib.sha256(b"leaktrace notify key id" + master).hexdigest()[:16]

    def __repr__(self) -> str:
        return f"Sealer(key_id={self.key_id!r})"

    def seal(self, plaintext: bytes, context: bytes) -> bytes:
        """``version || nonce || AES-GCM(plaintext)``, authenticated with ``context``."""
        # A random 96-bit nonce per blob: safe far beyond 2^32 blobs per key at this scale.
        nonce = self._random(_NONCE)
        return _BLOB_VERSION + nonce + self._aead.encrypt(nonce, plaintext, context)

    def open(self, blob: bytes, context: bytes) -> bytes:
        if blob[:1] != _BLOB_VERSION or len(blob) < 1 + _NONCE + 16:
            raise StoreError("an encrypted notification record is corrupt")
        try:
            return self._aead.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], context)
        except InvalidTag:
            raise StoreError(
                "an encrypted notification record does not open with notify.key"
            ) from None

    def lookup(self, kind: str, value: str) -> bytes:
        """The 32-byte keyed hash that stands for an address in every lookup and ledger."""
        return hmac.new(self._lookup, f"{kind}:{value}".encode(), hashlib.sha256).digest()

    def code_hash(self, subscriber_id: int, code: str) -> bytes:
        return hmac.new(self._code, f"{subscriber_id}:{code}".encode(), hashlib.sha256).digest()

    def unsubscribe_token(self, lookup: bytes) -> str:
        """A link token naming the recipient's lookup hash, with a MAC: no storage needed."""
        mac = hmac.new(self._unsubscribe, lookup, hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(lookup + mac).decode().rstrip("=")

    def check_unsubscribe(self, token: str) -> bytes:
        """The lookup hash an unsubscribe token names; InputError if it is not one of ours."""
        invalid = InputError("invalid unsubscribe token")
        if not isinstance(token, str) or len(token) != 64:
            raise invalid
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise invalid from None
        lookup, mac = raw[:32], raw[32:]
        expected = hmac.new(self._unsubscribe, lookup, hashlib.sha256).digest()[:16]
        if len(raw) != 48 or not hmac.compare_digest(mac, expected):
            raise invalid
        return lookup


def _read(path: Path, random_bytes: RandomBytes) -> Sealer:
    try:
        document = json.loads(path.read_text(encoding="ascii"))
        if document.get("version") != _FORMAT_VERSION:
            raise KeyFileError(f"{path.name}: unknown key file version")
        sealer = Sealer(bytes.fromhex(document["key"]), random_bytes)
    except KeyFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileError(f"{path.name}: unreadable key file ({type(exc).__name__})") from None
    if sealer.key_id != document.get("key_id"):
        raise KeyFileError(f"{path.name}: key file is corrupt (key id does not match)")
    return sealer


def load_or_create_sealer(home: Path, random_bytes: RandomBytes = os.urandom) -> Sealer:
    """The home's notification key, created (mode 0600) on first use.

    Written to a temporary file and hard-linked into place, like the OPRF key, so that two
    processes starting at once end up with the same key.
    """
    path = home / NOTIFY_KEY_FILE
    if path.exists():
        return _read(path, random_bytes)
    home.mkdir(parents=True, exist_ok=True)
    master = os.urandom(32)  # the master key never comes from an injected (test) source
    document = {"version": _FORMAT_VERSION, "key_id": Sealer(master).key_id, "key": master.hex()}
    publish_secret_file(path, document)
    return _read(path, random_bytes)
