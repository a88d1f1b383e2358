"""Lineage verdicts and their thresholds.

Over a file's people (records with at least one identifier, linked when they share one):

- ``share`` of a parent: the fraction of the file's people found in that breach (a person
  matches when any of their identifiers is in it);
- ``coverage`` of a parent: the fraction of the parent's people present in the file;
- ``new_share``: the fraction of the file's people found in no known breach.

Verdict:

- ``repackaged`` — one parent supplies at least ``REPACKAGED_SHARE`` (90%) of the people;
- ``aggregate`` — otherwise, when parents supply at least ``AGGREGATE_MIN_SHARE`` (10%) of the
  people together: several sources merged, or one source mixed with new people;
- ``new`` — otherwise.

Parents below ``PARENT_FLOOR`` (1%) are not listed: name + date of birth and shared family
addresses link a few unrelated people, and such noise is not lineage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from leaktrace.store import Lineage, Parent

__all__ = [
    "AGGREGATE_MIN_SHARE",
    "PARENT_FLOOR",
    "REPACKAGED_SHARE",
    "TraceResult",
    "decide",
]

REPACKAGED_SHARE = 0.90
AGGREGATE_MIN_SHARE = 0.10
PARENT_FLOOR = 0.01


@dataclass(frozen=True, slots=True)
class TraceResult:
    verdict: str
    people: int
    new_share: float
    parents: tuple[Parent, ...] = field(default_factory=tuple)

    @property
    def proposed_flags(self) -> list[str]:
        # A list merged from other breaches is what HIBP flags as a spam list; it is proposed,
        # not set: an analyst confirms.
        return ["IsSpamList"] if self.verdict == "aggregate" else []

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "people": self.people,
            "new_share": round(self.new_share, 4),
            "parents": [
                {"breach": p.name, "share": round(p.share, 4), "coverage": round(p.coverage, 4)}
                for p in self.parents
            ],
            "proposed_flags": self.proposed_flags,
        }

    def to_lineage(self) -> Lineage:
        return Lineage(self.verdict, self.people, self.new_share, self.parents)


def decide(
    people: int, matched: int, per_parent: Mapping[str, int], parent_sizes: Mapping[str, int]
) -> TraceResult:
    """The verdict from counts: ``matched`` people in any breach, ``per_parent`` in each."""
    if people <= 0:
        return TraceResult("new", 0, 0.0)
    parents = sorted(
        (
            Parent(
                name,
                count / people,
                min(1.0, count / parent_sizes[name]) if parent_sizes.get(name) else 0.0,
            )
            for name, count in per_parent.items()
            if count / people >= PARENT_FLOOR
        ),
        key=lambda p: (-p.share, p.name),
    )
    new_share = 1.0 - matched / people
    if parents and parents[0].share >= REPACKAGED_SHARE:
        verdict = "repackaged"
    elif 1.0 - new_share >= AGGREGATE_MIN_SHARE and parents:
        verdict = "aggregate"
    else:
        verdict = "new"
    return TraceResult(verdict, people, new_share, tuple(parents))
