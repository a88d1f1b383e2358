"""Lineage scenarios for :mod:`leaktrace.synth`: lists re-packaged from earlier leaks.

Real leaks live on as reposts (a slice of one file, columns dropped, formats changed) and as
aggregates (several files merged with new people, duplicated, shuffled). Each scenario returns
the files to write and the ground truth of who came from where, so tests can check the shares
and coverages that ``trace`` reports.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leaktrace.synth import Patient

__all__ = ["LineageFile", "lineage_scenario", "standard_scenario", "write_scenario"]


@dataclass(frozen=True, slots=True)
class LineageFile:
    """One file of a scenario and where its people come from."""

    name: str  # also the breach name the scenario suggests
    filename: str
    fmt: str
    people: tuple[Patient, ...]  # rows, duplicates included
    sources: dict[str, int]  # parent file name -> number of this file's people taken from it
    new: int  # people in no earlier file


def _take(rng: random.Random, people: Sequence[Patient], fraction: float) -> list[Patient]:
    return rng.sample(list(people), round(len(people) * fraction))


def lineage_scenario(
    base: Sequence[Sequence[Patient]], fresh: Sequence[Patient], seed: int
) -> list[LineageFile]:
    """Three base leaks, a 40% repost of the first, an aggregate of all three plus new people.

    ``base`` holds three disjoint cohorts; ``fresh`` people appear in no base file.
    """
    if len(base) != 3:
        raise ValueError("a lineage scenario needs three base cohorts")
    rng = random.Random(seed)
    # The three originals come in the three shapes lab exports take.
    shapes = (("labo1.csv", "csv"), ("labo2.csv", "cp1252"), ("labo3.sql", "mysql"))
    files = [
        LineageFile(f"Labo{i + 1}", filename, fmt, tuple(cohort), {}, len(cohort))
        for i, (cohort, (filename, fmt)) in enumerate(zip(base, shapes, strict=True))
    ]
    repost = _take(rng, base[0], 0.4)
    rng.shuffle(repost)
    # A repost drops columns and reformats what is left (the headerless "|" combo list).
    files.append(
        LineageFile("Repost", "repost.txt", "pipe", tuple(repost), {"Labo1": len(repost)}, 0)
    )
    parts = [_take(rng, base[0], 0.3), _take(rng, base[1], 0.5), _take(rng, base[2], 0.2)]
    merged = [p for part in parts for p in part] + list(fresh)
    merged += rng.sample(merged, len(merged) // 30)  # the same person listed twice
    rng.shuffle(merged)
    sources = {f"Labo{i + 1}": len(part) for i, part in enumerate(parts)}
    files.append(
        LineageFile("Combo", "combo.jsonl.gz", "jsonl.gz", tuple(merged), sources, len(fresh))
    )
    return files


def standard_scenario(people: int, seed: int) -> list[LineageFile]:
    """The scenario of ``synth --lineage`` and the demo: three labs sharing ``people``, and a
    quarter as many new people in the aggregate."""
    from leaktrace.synth import patients

    cohort = patients(people + people // 4, seed)
    third = people // 3
    base = [cohort[:third], cohort[third : 2 * third], cohort[2 * third : people]]
    return lineage_scenario(base, cohort[people:], seed)


def write_scenario(directory: Path, files: Sequence[LineageFile], seed: int) -> list[Path]:
    """Write every file of a scenario into ``directory``; returns their paths."""
    from leaktrace.synth import write

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, f in enumerate(files):
        path = directory / f.filename
        write(path, f.people, fmt=f.fmt, messy=True, seed=seed + i)
        paths.append(path)
    return paths
