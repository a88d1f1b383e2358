"""Identifier normalization: raw leaked cells to canonical OPRF inputs.

Only keyed PRF outputs of canonical identifiers are stored, so the canonical
forms below are a public contract: changing one silently breaks every lookup
against data indexed before the change.

The OPRF input is the UTF-8 encoding of ``kind ":" value``:

* ``email:jean.dupont@orange.fr`` -- local part lower-cased, domain IDNA ASCII;
* ``phone:+33612345678`` -- E.164, national numbers read in ``region``;
* ``nir:185057800608491`` -- 15 characters, Corsica as ``2A``/``2B``;
* ``namedob:dupont jean|1961-05-12`` -- folded, sorted name tokens, ISO date.

Normalizers never raise on a ``str`` (they return ``None``) and never include
the raw value in an exception or a log: the identifiers are the secret.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal

from leaktrace.identifiers import email, namedob, nir, phone
from leaktrace.identifiers._dates import parse_date
from leaktrace.identifiers.namedob import namedob_from_parts

__all__ = [
    "KINDS",
    "PUBLIC_KINDS",
    "Kind",
    "canonical",
    "encode",
    "namedob_from_parts",
    "normalize",
    "parse_date",
]

Kind = Literal["email", "phone", "nir", "namedob"]
KINDS: Final[tuple[Kind, ...]] = ("email", "phone", "nir", "namedob")
#: Kinds offered for public lookup. ``namedob`` only links records across
#: files and is never served: names and birth dates are easy to enumerate.
PUBLIC_KINDS: Final[tuple[Kind, ...]] = ("email", "phone", "nir")

_NORMALIZERS: Final[dict[str, Callable[[str, str], str | None]]] = {
    "email": lambda raw, _region: email.normalize(raw),
    "phone": phone.normalize,
    "nir": lambda raw, _region: nir.normalize(raw),
    "namedob": lambda raw, _region: namedob.normalize(raw),
}


def _unknown_kind(kind: str) -> ValueError:
    # The kind is a programmer-chosen label, never an identifier: safe to show.
    return ValueError(f"unknown identifier kind {kind!r}; expected one of {KINDS}")


def normalize(kind: str, raw: str, *, region: str = "FR") -> str | None:
    """Canonical value (without the ``kind:`` prefix) of ``raw``, or ``None``.

    ``region`` only affects phone numbers. Raises ``ValueError`` for an
    unknown ``kind`` only; any ``raw`` string yields a value or ``None``.
    """
    normalizer = _NORMALIZERS.get(kind)
    if normalizer is None:
        raise _unknown_kind(kind)
    return normalizer(raw, region)


def encode(kind: str, value: str) -> bytes:
    """OPRF input for an already-normalized ``value``: UTF-8 of ``kind:value``."""
    if kind not in _NORMALIZERS:
        raise _unknown_kind(kind)
    return f"{kind}:{value}".encode()


def canonical(kind: str, raw: str, *, region: str = "FR") -> bytes | None:
    """Normalize ``raw`` then :func:`encode` it; ``None`` if it does not normalize."""
    value = normalize(kind, raw, region=region)
    if value is None:
        return None
    return encode(kind, value)
