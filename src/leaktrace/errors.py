"""The one exception tree of leaktrace.

Every error leaktrace raises on purpose derives from :class:`LeaktraceError`. Each class knows
the HTTP status the API answers with and the exit code the CLI exits with, so neither entry
point needs a table of its own::

    LeaktraceError                    500 / exit 1   internal failure
    ├── InputError                    400 / exit 2   the caller gave something unusable
    │   ├── UnreadableFileError       400 / exit 2   a file that cannot be decoded or parsed
    │   ├── InvalidIdentifierError    400 / exit 2   an identifier that does not normalize
    │   └── CryptoError               400 / exit 2   any OPRF failure, deliberately opaque
    ├── NotFoundError                 404 / exit 2   an unknown breach name
    ├── ConflictError                 409 / exit 2   e.g. a breach name that already exists
    ├── RateLimitedError              429 / exit 1   too many evaluations; carries retry_after
    ├── KeyFileError                  500 / exit 1   the OPRF key is missing, unreadable or corrupt
    └── StoreError                    500 / exit 1   the database failed or has an unknown schema

Messages never contain an identifier, a blinded or an evaluated element: they are shown to
users, logged and returned over HTTP.
"""

from __future__ import annotations

__all__ = [
    "ConflictError",
    "CryptoError",
    "InputError",
    "InvalidIdentifierError",
    "KeyFileError",
    "LeaktraceError",
    "NotFoundError",
    "RateLimitedError",
    "StoreError",
    "UnreadableFileError",
]


class LeaktraceError(Exception):
    """Root of every error leaktrace raises deliberately."""

    http_status: int = 500
    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(LeaktraceError):
    """The caller supplied something unusable; nothing was changed."""

    http_status = 400
    exit_code = 2


class UnreadableFileError(InputError):
    """A file could not be decoded or parsed."""


class InvalidIdentifierError(InputError):
    """An identifier did not normalize to a canonical value."""


class CryptoError(InputError):
    """Any OPRF failure.

    Deliberately carries one fixed message: telling apart "not canonical", "identity element"
    and "wrong length" would hand an attacker an oracle and helps no honest client.
    """

    def __init__(self, message: str = "invalid OPRF input") -> None:
        super().__init__("invalid OPRF input")


class NotFoundError(LeaktraceError):
    """A named thing (a breach) does not exist."""

    http_status = 404
    exit_code = 2


class ConflictError(LeaktraceError):
    """The request conflicts with what is stored."""

    http_status = 409
    exit_code = 2


class RateLimitedError(LeaktraceError):
    """The client exceeded its evaluation budget."""

    http_status = 429
    exit_code = 1

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class KeyFileError(LeaktraceError):
    """The OPRF key file is missing where it must exist, unreadable or corrupt."""


class StoreError(LeaktraceError):
    """The store failed or holds a schema this version cannot read."""
