"""The messy container formats real leaks circulate in, for :mod:`leaktrace.synth`.

Each writer takes the same :class:`~leaktrace.synth.Patient` ground truth and writes it the way
a forum dump would: a cp1252 ``;`` CSV with French headers and multi-line comments, a MySQL or
PostgreSQL dump, gzipped JSON lines with nested objects, or a headerless ``|`` list re-packaged
from an earlier file (phones reformatted, emails upper-cased, columns dropped).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from leaktrace import _synth_messy as mess

if TYPE_CHECKING:
    from leaktrace.synth import Patient

__all__ = ["FORMATS", "write_format"]

_CP1252_HEADER: Final = (
    "Nom",
    "Prénom",
    "Né(e) le",
    "N° Sécu",
    "Portable",
    "Courriel",
    "Adresse",
    "CP",
    "Ville",
    "Analyse",
    "Date prélèvement",
    "Médecin",
    "Commentaire",
    "Mutuelle",
)


def _cp1252_row(rng: random.Random, p: Patient) -> list[str]:
    return [
        mess.messy_name(rng, p.last_name),
        mess.messy_name(rng, p.first_name),
        mess.messy_date(rng, p.birth_date),
        mess.messy_nir(rng, p.nir),
        mess.messy_phone(rng, p.phone) if p.phone else "",
        mess.messy_email(rng, p.email) if p.email else "",
        p.address,
        p.postcode,
        p.city,
        p.exam,
        p.exam_date.strftime("%d/%m/%Y"),
        p.prescriber,
        p.comment,
        p.insurer,
    ]


def _write_cp1252(path: Path, people: Sequence[Patient], rng: random.Random) -> int:
    # errors="replace": a real cp1252 export turns what it cannot encode into "?".
    with path.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(_CP1252_HEADER)
        for p in people:
            writer.writerow(_cp1252_row(rng, p))
    return len(people)


def _sql_literal(value: str | None, dialect: str) -> str:
    if value is None or value == "":
        return "NULL"
    if dialect == "mysql":
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
        return f"'{escaped}'"
    return "'" + value.replace("'", "''") + "'"


_SQL_COLUMNS: Final = (
    "id",
    "nom",
    "prenom",
    "date_naissance",
    "num_secu",
    "telephone",
    "email",
    "adresse",
    "code_postal",
    "ville",
    "examen",
    "date_examen",
    "commentaire",
    "mutuelle",
)


def _sql_values(i: int, rng: random.Random, p: Patient) -> list[str | None]:
    return [
        str(i),
        p.last_name,
        p.first_name,
        p.birth_date.isoformat(),
        mess.messy_nir(rng, p.nir),
        mess.messy_phone(rng, p.phone) if p.phone else None,
        p.email,
        p.address,
        p.postcode,
        p.city,
        p.exam,
        p.exam_date.isoformat(),
        p.comment or None,
        p.insurer,
    ]


def _write_mysql(path: Path, people: Sequence[Patient], rng: random.Random) -> int:
    cols = ",\n".join(f"  `{c}` varchar(255) DEFAULT NULL" for c in _SQL_COLUMNS)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("-- MySQL dump 10.13  Distrib 5.7.33\n/*!40101 SET NAMES utf8mb4 */;\n")
        handle.write(f"DROP TABLE IF EXISTS `patients`;\nCREATE TABLE `patients` (\n{cols}\n)")
        handle.write(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\nLOCK TABLES `patients` WRITE;\n")
        for start in range(0, len(people), 50):
            batch = people[start : start + 50]
            tuples = (
                "("
                + ",".join(_sql_literal(v, "mysql") for v in _sql_values(start + j, rng, p))
                + ")"
                for j, p in enumerate(batch)
            )
            # Writing a dump file, not querying a database.
            handle.write("INSERT INTO `patients` VALUES " + ",".join(tuples) + ";\n")  # noqa: S608
        handle.write("UNLOCK TABLES;\n")
    return len(people)


def _copy_field(value: str | None) -> str:
    if value is None or value == "":
        return "\\N"
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _write_postgres(path: Path, people: Sequence[Patient], rng: random.Random) -> int:
    cols = ", ".join(f'"{c}"' for c in _SQL_COLUMNS)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n\n")
        handle.write("CREATE TABLE public.patients (\n")
        handle.write(",\n".join(f"    {c} text" for c in _SQL_COLUMNS) + "\n);\n\n")
        handle.write(f"COPY public.patients ({cols}) FROM stdin;\n")
        for i, p in enumerate(people):
            handle.write("\t".join(_copy_field(v) for v in _sql_values(i, rng, p)) + "\n")
        handle.write("\\.\n\n")
    return len(people)


def _write_jsonl_gz(path: Path, people: Sequence[Patient], rng: random.Random) -> int:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i, p in enumerate(people):
            record = {
                "id": i,
                "patient": {
                    "nom": p.last_name,
                    "prenom": p.first_name,
                    "naissance": mess.messy_date(rng, p.birth_date),
                    "nir": mess.messy_nir(rng, p.nir),
                    "contact": {"email": p.email, "mobile": p.phone},
                    "adresse": {"rue": p.address, "cp": p.postcode, "ville": p.city},
                },
                "examen": {
                    "libelle": p.exam,
                    "date": p.exam_date.isoformat(),
                    "prescripteur": p.prescriber,
                    "commentaire": p.comment,
                },
                "mutuelle": p.insurer,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(people)


def _write_pipe(path: Path, people: Sequence[Patient], rng: random.Random) -> int:
    """A combo list re-packaged from older files: no header, other formats, columns dropped."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        for p in people:
            phone = "+33" + p.phone[1:] if p.phone else ""
            email = p.email.upper() if p.email else ""
            name = f"{p.first_name} {p.last_name}".upper()
            handle.write("|".join((email, phone, name, p.birth_date.strftime("%d/%m/%Y"))) + "\n")
    return len(people)


_WRITERS: Final = {
    "cp1252": _write_cp1252,
    "mysql": _write_mysql,
    "postgres": _write_postgres,
    "jsonl.gz": _write_jsonl_gz,
    "pipe": _write_pipe,
}
FORMATS: Final[tuple[str, ...]] = ("csv", *_WRITERS)


def write_format(path: Path, people: Sequence[Patient], fmt: str, seed: int) -> int:
    """Write ``people`` in one of the container formats (not ``csv``); returns rows written."""
    return _WRITERS[fmt](Path(path), people, random.Random(seed))
