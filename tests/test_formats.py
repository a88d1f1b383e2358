"""Format readers through ``read_tables``: delimited, SQL, JSON, XLSX, and hostile input."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaktrace import synth
from leaktrace.ingest.formats import Limits
from leaktrace.ingest.formats._header import looks_like_header
from leaktrace.ingest.formats.jsonl import flatten
from tests.fuzz_readers import FUZZ, SAMPLES, mutate, only_unreadable
from tests.test_sources import HEADER, _csv, _rows, _write, expect_unreadable, read_all


@pytest.fixture(scope="module")
def people() -> list[synth.Patient]:
    return synth.patients(80, 5)


@pytest.fixture(scope="module")
def table_rows(people: list[synth.Patient]) -> list[list[str]]:
    return _rows(people)


# --- delimited ---------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|", ":"])
def test_each_delimiter_with_header(
    tmp_path: Path, table_rows: list[list[str]], delimiter: str
) -> None:
    rows_in = [[c.replace(":", " ") for c in r] for r in table_rows]  # ':' only as delimiter
    path = _write(tmp_path / "leak.txt", _csv(rows_in, delimiter).encode())
    [(table, rows)], rejects = read_all(path)
    assert (table.format, table.header, rows, rejects) == ("delimited", HEADER, rows_in, Counter())


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_headerless(tmp_path: Path, table_rows: list[list[str]], delimiter: str) -> None:
    path = _write(tmp_path / "list.txt", _csv(table_rows, delimiter, None).encode())
    [(table, rows)], _ = read_all(path)
    assert table.header is None
    assert rows == table_rows


def test_forum_csv_cp1252_semicolon_multiline(tmp_path: Path, people: list[synth.Patient]) -> None:
    """The issue's first case: cp1252, ';', French headers, comments spanning lines."""
    header = ["Nom", "Prénom", "Date de naissance", "N° sécu", "Téléphone", "Commentaire"]
    rows_in = [
        [p.last_name, p.first_name, p.birth_date.isoformat(), p.nir, p.phone or "", c]
        for p, c in zip(
            people, ["Bilan; à jeun\nrésultat: œdème\r\nrevoir", "coût 30 €"] * 40, strict=False
        )
    ]
    path = _write(tmp_path / "leak.csv", _csv(rows_in, ";", header).encode("cp1252"))
    [(table, rows)], rejects = read_all(path)
    assert (table.encoding, table.header) == ("cp1252", header)
    assert rows == rows_in
    assert rows[0][-1] == "Bilan; à jeun\nrésultat: œdème\r\nrevoir"
    assert not rejects


def test_ragged_rows_trailing_delimiters_and_sep_line(tmp_path: Path) -> None:
    text = (
        "sep=;\r\nNOM;PRENOM;TEL;MAIL;\r\n"
        "Dupont;Jean;0612345678;jean@example.fr;\r\n"
        "Durand;Marie;0612345679\r\n"
        "Martin;Paul;0612345670;paul@example.fr;;;\r\n"
        "\r\n"
        "Petit;Luc;0612345671;luc@example.fr;extra;cells\r\n"
    )
    [(table, rows)], rejects = read_all(_write(tmp_path / "r.csv", text.encode()))
    assert table.header == ["NOM", "PRENOM", "TEL", "MAIL"]
    assert rows == [
        ["Dupont", "Jean", "0612345678", "jean@example.fr"],
        ["Durand", "Marie", "0612345679", ""],
        ["Martin", "Paul", "0612345670", "paul@example.fr"],
    ]
    assert table.short_rows == 1
    assert rejects == Counter(too_many_fields=1)


def test_broken_quote_resyncs(tmp_path: Path, table_rows: list[list[str]]) -> None:
    clean = _csv(table_rows, ";").splitlines(keepends=True)
    broken = 'Durand;"Marie;;;;;Paris;unterminated comment\r\n'
    text = "".join([*clean[:30], broken, *clean[30:]])
    [(_, rows)], rejects = read_all(_write(tmp_path / "b.csv", text.encode()))
    assert rows == table_rows
    assert rejects == Counter(unparseable=1)


def test_unterminated_quote_at_the_end(tmp_path: Path, table_rows: list[list[str]]) -> None:
    text = _csv(table_rows, ",") + '"Durand,Jean,0612345679\n'
    [(_, rows)], rejects = read_all(_write(tmp_path / "e.csv", text.encode()))
    assert rows == table_rows
    assert rejects == Counter(unparseable=1)


def test_mostly_garbage_is_refused(tmp_path: Path) -> None:
    good = ["NOM;PRENOM;TEL"] + ["Dupont;Jean;0612345678"] * 5000
    lines = good + ["x;y;z;1;2;3"] * 6000  # past the sample: misaligned rows take over
    message = expect_unreadable(_write(tmp_path / "g.csv", "\n".join(lines).encode()))
    assert "most rows" in message


def test_blank_rows_repeated_header_and_stray_nul(
    tmp_path: Path, table_rows: list[list[str]]
) -> None:
    nul_row = ["Dupont", "Jean", "", "", "", "", "Par\x00is", ""]  # one NUL must not sink a file
    text = (
        ";;;;;;;\r\n"
        + _csv(table_rows[:5])
        + ";;;\r\n"
        + _csv([*table_rows[5:], nul_row])  # a second export, its header repeated
    )
    [(table, rows)], rejects = read_all(_write(tmp_path / "n.csv", text.encode()))
    assert table.header == HEADER
    assert rows == [*table_rows, nul_row]
    assert not rejects


@pytest.mark.parametrize(
    ("first", "rest", "expected"),
    [
        (HEADER, [["Dupont", "Jean", "12/05/1961", "", "0612345678", "j@x.fr", "Paris", ""]], True),
        (["Dupont", "Jean", "0612345678"], [["Durand", "Marie", "0612345679"]], False),
        (
            ["NOM", "PRENOM", "VILLE"],
            [["Dupont", "Jean", "Paris"], ["Durand", "Marie", "Lyon"]],
            True,
        ),
        (["Dupont", "Jean", "Paris"], [["Durand", "Marie", "Lyon"]], False),
        (["nom", "nom", "tel"], [["Dupont", "Jean", "0612345678"]], False),
        (["email"], [["a@example.fr"], ["b@example.fr"]], True),
        (["a@example.fr"], [["b@example.fr"]], False),
        (["", "NOM", "TEL"], [["1", "Dupont", "0612345678"]], True),
    ],
)
def test_header_rule(first: list[str], rest: list[list[str]], expected: bool) -> None:
    assert looks_like_header(first, rest) is expected


# --- SQL -------------------------------------------------------------------------------------

MYSQL = r"""-- MySQL dump 10.13  Distrib 8.0.36
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
DROP TABLE IF EXISTS `patients`;
CREATE TABLE `patients` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nom` varchar(64) DEFAULT NULL COMMENT 'family, name',
  `mail` varchar(128) DEFAULT NULL,
  `note` text,
  PRIMARY KEY (`id`),
  KEY `idx_nom` (`nom`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `patients` WRITE;
/*!40000 ALTER TABLE `patients` DISABLE KEYS */;
INSERT INTO `patients` VALUES (1,'O\'Neil','o@x.fr','a\nb; c'),(2,'D''Arc',NULL,'back\\slash'),
(3,'Zoé','z@x.fr',_binary 'blob'),(4,'Paren (x)','p@x.fr',CONCAT('a', 'b'));
INSERT IGNORE INTO `patients` VALUES (5,'Solo','s@x.fr',NULL) ON DUPLICATE KEY UPDATE nom=nom;
/*!40000 ALTER TABLE `patients` ENABLE KEYS */;
UNLOCK TABLES;
CREATE TABLE `empty_one` (`id` int);
INSERT INTO logs (`at`, `what`) VALUES ('2021-02-01', "it's \"quoted\"");
"""


def test_mysql_dump(tmp_path: Path) -> None:
    (patients, rows), (logs, log_rows) = read_all(_write(tmp_path / "dump.sql", MYSQL.encode()))[0]
    assert (patients.name, patients.format) == ("dump.sql:patients", "sql")
    assert patients.header == ["id", "nom", "mail", "note"]
    assert rows == [
        ["1", "O'Neil", "o@x.fr", "a\nb; c"],
        ["2", "D'Arc", "", "back\\slash"],
        ["3", "Zoé", "z@x.fr", "blob"],
        ["4", "Paren (x)", "p@x.fr", "CONCAT('a','b')"],
        ["5", "Solo", "s@x.fr", ""],
    ]
    assert (logs.name, logs.header, log_rows) == (
        "dump.sql:logs",
        ["at", "what"],
        [["2021-02-01", 'it\'s "quoted"']],
    )


def test_mysql_long_insert_line_streams(tmp_path: Path, table_rows: list[list[str]]) -> None:
    def quote(v: str) -> str:
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"

    tuples = ",".join("(" + ",".join(quote(v) for v in r) + ")" for r in table_rows * 150)
    text = f"-- mysqldump\nINSERT INTO `p` VALUES {tuples};\n"
    assert len(text) > 1 << 20
    # One 1.3 MB line read under a 64 KB line limit: the tokenizer never holds the statement.
    path = _write(tmp_path / "long.sql", text.encode())
    [(table, rows)], _ = read_all(path, limits=Limits(max_line_bytes=64 << 10))
    assert table.header is None
    assert rows == table_rows * 150


PG = """--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.patients (
    id integer NOT NULL,
    "Nom" character varying(64),
    mail text,
    CONSTRAINT pk PRIMARY KEY (id)
);
CREATE FUNCTION public.f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ LANGUAGE plpgsql;
COPY public.patients (id, "Nom", mail) FROM stdin;
1\tDupont\tjean@example.fr
2\tO'Neil\\ttab\\\\back\t\\N
\\.
INSERT INTO public.patients VALUES (3, 'C:\\temp', E'line\\nbreak');
"""


def test_postgres_dump(tmp_path: Path) -> None:
    [(table, rows)], _ = read_all(_write(tmp_path / "pg.sql", PG.encode()))
    assert table.name == "pg.sql:patients"
    assert table.header == ["id", "Nom", "mail"]  # COPY list; the INSERT's come from CREATE
    assert rows == [
        ["1", "Dupont", "jean@example.fr"],
        ["2", "O'Neil\ttab\\back", ""],
        ["3", "C:\\temp", "line\nbreak"],  # standard strings: backslash literal unless E''
    ]


@pytest.mark.parametrize(
    "text",
    [
        "-- dump\nINSERT INTO `t` VALUES (1,'never closed);\nINSERT INTO `t` VALUES (2,'x');\n",
        "-- dump\nINSERT INTO `t` VALUES (1,'a'),(2,\n",
        "--\n-- PostgreSQL database dump\nCOPY t (a) FROM stdin;\n1\n2\n",
        "-- dump\nCREATE TABLE `t` (`id` int);\n",
    ],
)
def test_bad_sql(tmp_path: Path, text: str) -> None:
    expect_unreadable(_write(tmp_path / "bad.sql", text.encode()), seconds=2)


def test_unterminated_sql_string_is_bounded(tmp_path: Path) -> None:
    text = "-- dump\nINSERT INTO `t` VALUES (1,'" + "x" * (3 << 20)
    limits = Limits(max_line_bytes=1 << 20)
    expect_unreadable(_write(tmp_path / "long.sql", text.encode()), seconds=5, limits=limits)


# --- JSON ------------------------------------------------------------------------------------


def _record(p: synth.Patient) -> dict[str, object]:
    return {
        "patient": {
            "name": {"last": p.last_name, "first": p.first_name},
            "contact": {"email": p.email, "phones": [p.phone, "0102030405"]},
        },
        "birth": p.birth_date.isoformat(),
        "visits": 2.0,
        "active": True,
    }


def test_json_array(tmp_path: Path, people: list[synth.Patient]) -> None:
    path = _write(tmp_path / "x.json", json.dumps([_record(p) for p in people], indent=2).encode())
    [(table, rows)], _ = read_all(path)
    assert table.format == "json"
    assert table.header == [
        "patient.name.last",
        "patient.name.first",
        "patient.contact.email",
        "patient.contact.phones.0",
        "patient.contact.phones.1",
        "birth",
        "visits",
        "active",
    ]
    p = people[0]
    assert rows[0] == [p.last_name, p.first_name, p.email or "", p.phone or "", "0102030405",
                       p.birth_date.isoformat(), "2", "true"]  # fmt: skip
    assert len(rows) == len(people)


def test_nested_jsonl_gz(tmp_path: Path, people: list[synth.Patient]) -> None:
    lines = [json.dumps(_record(p)) for p in people]
    lines.insert(10, "{not json")
    lines.append(json.dumps({"patient": {"name": {"last": "Late"}}, "late_key": "new"}))
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    [(table, rows)], rejects = read_all(_write(tmp_path / "data.jsonl.gz", data))
    assert (table.name, table.format) == ("data.jsonl.gz", "jsonl")
    assert rejects == Counter(unparseable=1)
    assert len(rows) == len(people) + 1
    assert table.header is not None
    assert table.header[-1] == "late_key"
    assert (rows[-1][0], rows[-1][-1]) == ("Late", "new")


def test_json_lines_of_arrays(tmp_path: Path, table_rows: list[list[str]]) -> None:
    data = "\n".join(json.dumps(r) for r in table_rows).encode()
    [(table, rows)], _ = read_all(_write(tmp_path / "rows.jsonl", data))
    assert (table.format, table.header) == ("jsonl", [str(i) for i in range(len(HEADER))])
    assert rows == table_rows


def test_json_document_with_arrays(tmp_path: Path, people: list[synth.Patient]) -> None:
    doc = {"count": 2, "hits": {"total": 2, "hits": [_record(p) for p in people[:2]]}}
    [(table, rows)], _ = read_all(_write(tmp_path / "es.json", json.dumps(doc, indent=1).encode()))
    assert table.name == "es.json:hits.hits"
    assert [r[0] for r in rows] == [p.last_name for p in people[:2]]


def test_flatten_rules() -> None:
    flat = flatten({"a": {"b": [1, {"c": None}], "d": 1.5}, "e": []}, Limits(), "x")
    assert flat == {"a.b.0": "1", "a.b.1.c": "", "a.d": "1.5"}
    assert flatten("scalar", Limits(), "x") == {"value": "scalar"}


@pytest.mark.parametrize("kind", ["array", "lines", "object"])
def test_deep_json(tmp_path: Path, kind: str) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    text = {
        "array": f"[{deep}]",
        "lines": '{"a": 1}\n{"b": ' + deep + "}\n",
        "object": "[" + '{"a": ' * 100 + "1" + "}" * 100 + "]",  # past the limit, not Python's
    }[kind]
    assert "nested" in expect_unreadable(_write(tmp_path / "deep.json", text.encode()), seconds=2)


def test_truncated_json_array(tmp_path: Path, people: list[synth.Patient]) -> None:
    text = json.dumps([_record(p) for p in people])
    expect_unreadable(_write(tmp_path / "cut.json", text[: len(text) // 2].encode()), seconds=2)


# --- XLSX ------------------------------------------------------------------------------------


def test_xlsx(tmp_path: Path, people: list[synth.Patient]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Patients"
    sheet.append(["Nom", "Date de naissance", "Téléphone", "Visites", "Vu le"])
    for p in people[:20]:
        sheet.append(
            [p.last_name, p.birth_date, int(p.nir[:13]), 3.0, dt.datetime(2021, 2, 3, 14, 5)]
        )
    workbook.create_sheet("Vide")
    other = workbook.create_sheet("Liste")
    other.append(["Dupont", "jean@example.fr"])
    other.append(["Durand", "marie@example.fr"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    (patients, rows), (liste, more) = read_all(path)[0]
    assert (patients.name, patients.format) == ("export.xlsx:Patients", "xlsx")
    assert patients.header == ["Nom", "Date de naissance", "Téléphone", "Visites", "Vu le"]
    p = people[0]
    assert rows[0] == [
        p.last_name,
        p.birth_date.isoformat(),
        p.nir[:13],
        "3",
        "2021-02-03 14:05:00",
    ]
    assert len(rows) == 20
    assert (liste.header, more) == (
        None,
        [["Dupont", "jean@example.fr"], ["Durand", "marie@example.fr"]],
    )


# --- hostile input ---------------------------------------------------------------------------


def test_header_only(tmp_path: Path) -> None:
    assert "no data rows" in expect_unreadable(_write(tmp_path / "h.csv", b"NOM;PRENOM;TEL\r\n"))


def test_ten_megabyte_line(tmp_path: Path) -> None:
    data = b"NOM;PRENOM\r\nDupont;" + b"x" * (10 << 20) + b"\r\n"
    assert "longer than" in expect_unreadable(_write(tmp_path / "l.csv", data), seconds=5)


def test_five_thousand_columns(tmp_path: Path) -> None:
    header = ";".join(f"col{i}" for i in range(5000))
    row = ";".join(str(i) for i in range(5000))
    data = f"{header}\n{row}\n".encode()
    assert "columns" in expect_unreadable(_write(tmp_path / "w.csv", data), seconds=5)


def test_wide_json_record_is_rejected(tmp_path: Path) -> None:
    lines = [json.dumps({"a": "x"})] * 3 + [json.dumps({f"k{i}": i for i in range(5000)})]
    [(_, rows)], rejects = read_all(_write(tmp_path / "w.jsonl", "\n".join(lines).encode()))
    assert (len(rows), rejects) == (3, Counter(too_many_fields=1))


@FUZZ
@given(data=st.binary(max_size=4096))
def test_fuzz_random_bytes(tmp_path: Path, data: bytes) -> None:
    only_unreadable(tmp_path / "fuzz", data)


@FUZZ
@given(
    kind=st.sampled_from(sorted(SAMPLES)),
    seed=st.integers(0, 2**32),
    edits=st.integers(1, 12),
    compress=st.booleans(),
)
def test_fuzz_mutations(tmp_path: Path, kind: str, seed: int, edits: int, compress: bool) -> None:
    only_unreadable(tmp_path / "mutant", mutate(SAMPLES[kind], seed, edits, compress))
