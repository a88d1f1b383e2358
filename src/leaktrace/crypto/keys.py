"""The server's OPRF key file.

The key is the index: every stored index key is a PRF output under it, so losing the file makes
the whole index unusable (re-ingest from the original files is the only recovery) and leaking it
lets whoever holds it enumerate low-entropy identifiers offline. It lives in the home folder,
mode 0600, created on first use; docs/operations.md covers backup.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from leaktrace.crypto import oprf
from leaktrace.crypto._group import RandomBytes
from leaktrace.errors import CryptoError, KeyFileError

__all__ = ["KEY_FILE_NAME", "ServerKey", "load_or_create_key", "publish_secret_file"]

KEY_FILE_NAME = "oprf.key"
_KEY_INFO = b"leaktrace index key v1"
_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True, repr=False)
class ServerKey:
    """An OPRF secret scalar and its public identity. ``repr`` never shows the secret."""

    secret: bytes
    public: bytes

    @property
    def key_id(self) -> str:
        """A short public name for the key, so clients can tell when the index was re-keyed."""
        return hashlib.sha256(b"leaktrace key id" + self.public).hexdigest()[:16]

    @classmethod
    def from_seed(cls, seed: bytes) -> ServerKey:
        secret, public = oprf.derive_key_pair(seed, _KEY_INFO)
        return cls(secret, public)

    def __repr__(self) -> str:
        return f"ServerKey(key_id={self.key_id!r})"


def _read(path: Path) -> ServerKey:
    try:
        document = json.loads(path.read_text(encoding="ascii"))
        if document.get("version") != _FORMAT_VERSION:
            raise KeyFileError(f"{path}: unknown key file version")
        key = ServerKey.from_seed(bytes.fromhex(document["seed"]))
        if key.key_id != document.get("key_id"):
            raise KeyFileError(f"{path}: key file is corrupt (key id does not match)")
        return key
    except KeyFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, CryptoError) as exc:
        raise KeyFileError(f"{path}: unreadable key file ({type(exc).__name__})") from None


def load_or_create_key(home: Path, random_bytes: RandomBytes = os.urandom) -> ServerKey:
    """Load the key in ``home``, creating it (mode 0600) if there is none yet.

    Creation writes a temporary file and hard-links it into place, so two processes starting
    at once cannot end up with different keys: the loser reads the winner's file.
    """
    path = home / KEY_FILE_NAME
    if path.exists():
        return _read(path)
    home.mkdir(parents=True, exist_ok=True)
    # The seed, not the scalar, is stored: DeriveKeyPair is cheap, and the key id check on load
    # then catches a corrupted file.
    seed = random_bytes(32)
    key = ServerKey.from_seed(seed)
    publish_secret_file(
        path, {"version": _FORMAT_VERSION, "key_id": key.key_id, "seed": seed.hex()}
    )
    return _read(path)


def publish_secret_file(path: Path, document: dict[str, object]) -> None:
    """Write ``document`` as JSON to ``path``, mode 0600, unless ``path`` already exists.

    The file is written and fsynced under a temporary name, then hard-linked into place: a
    reader never sees a partial file, and of two processes creating it at once the first link
    wins and the other's document is dropped (callers read ``path`` back afterwards).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            json.dump(document, handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
