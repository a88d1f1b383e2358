"""Column discovery: which column holds which identifier or data class.

Header names are matched against French and English hints (:mod:`leaktrace.ingest._hints`).
When a sample of values is given, the values confirm or overrule the header, and headerless
files are mapped from the values alone (see :mod:`leaktrace.ingest.sampling`). Every decision
carries a confidence and a reason, shown by ``ingest --dry-run``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from leaktrace.errors import InputError
from leaktrace.ingest._hints import (
    IDENTIFIER_ROLES,
    NAME_ROLES,
    ROLE_CLASS,
    ROLES,
    ColumnRole,
    classify_header,
    normalize_header,
)
from leaktrace.ingest.sampling import ColumnProfile, profile_columns
from leaktrace.store import data_classes as dc

__all__ = [
    "IDENTIFIER_ROLES",
    "NAME_ROLES",
    "ROLES",
    "ColumnRole",
    "map_columns",
    "normalize_header",
]


def map_columns(
    headers: Sequence[str] | None,
    overrides: Mapping[str, str] | None = None,
    sample: Sequence[Sequence[str]] = (),
    *,
    width: int | None = None,
    today: dt.date | None = None,
) -> list[ColumnRole]:
    """Assign a role to each column from its header (if any) and a sample of its values.

    ``overrides`` maps a header (or ``column N`` for headerless files) to a role or a data class.
    """
    if headers is None:
        count = width if width is not None else max((len(r) for r in sample), default=0)
        headers = [f"column {i + 1}" for i in range(count)]
    profiles = profile_columns(sample, len(headers), today) if sample else None
    overrides = dict(overrides or {})
    result: list[ColumnRole] = []
    for index, header in enumerate(headers):
        if header in overrides:
            result.append(_override(index, header, overrides.pop(header)))
            continue
        rule, confidence, reason = classify_header(header)
        role = rule.role if rule else None
        data_class = rule.data_class if rule else None
        result.append(ColumnRole(index, header, role, data_class, confidence, reason))
    if overrides:
        raise InputError(f"--map names no such column: {', '.join(sorted(overrides))}")
    if profiles is not None:
        result = [
            _weigh(col, profiles[col.index]) if col.confidence < 1.0 else col for col in result
        ]
        result = _infer_names_and_dates(result, profiles)
    return result


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _from_values(col: ColumnRole, role: str, confidence: float, reason: str) -> ColumnRole:
    """``col`` given ``role`` (and its data class) because of what its values look like."""
    return ColumnRole(col.index, col.header, role, ROLE_CLASS[role], confidence, reason)


def _weigh(col: ColumnRole, prof: ColumnProfile) -> ColumnRole:
    """Let the values confirm or overrule the header for identifier columns."""
    if prof.values == 0:
        return col
    best = max(IDENTIFIER_ROLES, key=prof.share)
    share = prof.share(best)
    if col.role in IDENTIFIER_ROLES:
        own = prof.share(str(col.role))
        if best != col.role and share >= 0.5 and share > own:
            return _from_values(
                col,
                best,
                round(share, 2),
                f"{_pct(share)} of sampled values are {best} values, despite the header",
            )
        if own >= 0.3:
            return replace(
                col,
                confidence=max(col.confidence, round(own, 2)),
                reason=f"{col.reason}; {_pct(own)} of sampled values agree",
            )
        return col
    if share >= 0.5 and col.role not in ("medical_condition", "medical_record"):
        return _from_values(
            col,
            best,
            round(share, 2),
            f"{_pct(share)} of sampled values are {best} values",
        )
    if col.role is None:
        for role, kind, threshold in (
            ("address", "address", 0.5),
            ("address", "postcode", 0.8),
            ("gender", "gender", 0.9),
        ):
            if prof.share(kind) >= threshold:
                return _from_values(
                    col,
                    role,
                    round(prof.share(kind), 2),
                    f"{_pct(prof.share(kind))} of sampled values look like {kind}s",
                )
    return col


def _infer_names_and_dates(
    cols: list[ColumnRole], profiles: Sequence[ColumnProfile]
) -> list[ColumnRole]:
    """Headerless files: dates of birth, first, last and full names from the values alone."""
    roles = {c.role for c in cols}
    unknown = [c for c in cols if c.role is None]
    if "dob" not in roles:
        this_year = dt.date.today().year
        dates = [
            c
            for c in unknown
            if profiles[c.index].share("date") >= 0.8
            and (profiles[c.index].median_year or this_year) <= this_year - 10
        ]
        if dates:
            oldest = min(dates, key=lambda c: profiles[c.index].median_year or this_year)
            share = profiles[oldest.index].share("date")
            cols[oldest.index] = _from_values(
                oldest,
                "dob",
                round(share * 0.8, 2),
                f"{_pct(share)} of sampled values are dates, the oldest such column",
            )
    if roles & set(NAME_ROLES):
        return cols
    unknown = [c for c in cols if c.role is None]
    firsts = [c for c in unknown if profiles[c.index].share("first_name") >= 0.3]
    fulls = [c for c in unknown if profiles[c.index].share("full_name") >= 0.5]
    if firsts:
        first = max(firsts, key=lambda c: profiles[c.index].share("first_name"))
        share = profiles[first.index].share("first_name")
        cols[first.index] = _from_values(
            first,
            "first_name",
            round(share, 2),
            f"{_pct(share)} of sampled values are common first names",
        )
        for neighbour in (first.index - 1, first.index + 1):
            if 0 <= neighbour < len(cols) and cols[neighbour].role is None:
                prof = profiles[neighbour]
                if prof.share("alpha") >= 0.9 and prof.share("first_name") < 0.3:
                    cols[neighbour] = _from_values(
                        cols[neighbour],
                        "last_name",
                        0.6,
                        "alphabetic values next to the first-name column",
                    )
                    break
    elif fulls:
        full = max(fulls, key=lambda c: profiles[c.index].share("full_name"))
        share = profiles[full.index].share("full_name")
        cols[full.index] = _from_values(
            full,
            "full_name",
            round(share, 2),
            f"{_pct(share)} of sampled values are several words including a first name",
        )
    return cols


def _override(index: int, header: str, target: str) -> ColumnRole:
    reason = f"header {header!r} mapped by --map"
    if target in ("ignore", "none", ""):
        return ColumnRole(index, header, None, None, 1.0, reason)
    if target in ROLE_CLASS:
        return ColumnRole(index, header, target, ROLE_CLASS[target], 1.0, reason)
    try:
        name = dc.canonical_name(target)
    except dc.DataClassError:
        raise InputError(
            f"--map target {target!r} is neither a role ({', '.join(ROLES)}) nor a data class"
        ) from None
    return ColumnRole(index, header, "class", name, 1.0, reason)
