"""Tests for leaktrace.identifiers: canonical forms are a public contract."""

from __future__ import annotations

import datetime
import unicodedata

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaktrace.identifiers import (
    KINDS,
    PUBLIC_KINDS,
    canonical,
    encode,
    namedob_from_parts,
    normalize,
    parse_date,
)
from leaktrace.identifiers import email as email_id
from leaktrace.identifiers import namedob as namedob_id
from leaktrace.identifiers import nir as nir_id
from leaktrace.identifiers import phone as phone_id

FAST = settings(max_examples=200, deadline=None)
TODAY = datetime.date(2025, 6, 1)

# --------------------------------------------------------------------------- API


def test_kinds() -> None:
    assert KINDS == ("email", "phone", "nir", "namedob")
    assert PUBLIC_KINDS == ("email", "phone", "nir")


def test_unknown_kind_raises_without_echoing_raw() -> None:
    with pytest.raises(ValueError, match="unknown identifier kind") as info:
        normalize("ssn", "secret-value-123")
    assert "secret-value-123" not in str(info.value)
    with pytest.raises(ValueError, match="unknown identifier kind"):
        encode("ssn", "x")


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("email", " Jean.Dupont@Orange.FR ", b"email:jean.dupont@orange.fr"),
        ("phone", "06 12 34 56 78", b"phone:+33612345678"),
        ("nir", "1 85 05 78 006 084 91", b"nir:185057800608491"),
        ("namedob", "DUPONT Jean|12/05/1961", b"namedob:dupont jean|1961-05-12"),
    ],
)
def test_canonical_design_doc_examples(kind: str, raw: str, expected: bytes) -> None:
    assert canonical(kind, raw) == expected
    value = normalize(kind, raw)
    assert value is not None
    assert encode(kind, value) == expected


def test_canonical_none_for_invalid() -> None:
    assert canonical("phone", "not a phone") is None


# ------------------------------------------------------------------------- email


@pytest.mark.parametrize(
    "raw",
    [
        "jean.dupont@orange.fr",
        "Jean.Dupont@Orange.FR",
        "  JEAN.DUPONT@ORANGE.FR\t",
        "mailto:jean.dupont@orange.fr",
        "MAILTO:Jean.Dupont@orange.fr",
        "<jean.dupont@orange.fr>",
        "<mailto:jean.dupont@orange.fr>",
        "Jean Dupont <Jean.Dupont@orange.fr>",
    ],
)
def test_email_variants(raw: str) -> None:
    assert email_id.normalize(raw) == "jean.dupont@orange.fr"


def test_email_unicode_domain_is_idna() -> None:
    assert email_id.normalize("Jean@Exemple.FRANÇE.fr") == "jean@exemple.xn--frane-1ra.fr"
    assert email_id.normalize("jean@exemple.xn--frane-1ra.fr") == "jean@exemple.xn--frane-1ra.fr"


@pytest.mark.parametrize(
    "raw",
    ["", "jean", "jean@", "@orange.fr", "jean@orange", "jean dupont@orange.fr", "a@@b.fr",
     "jean@orange.fr>", "jean@[127.0.0.1]", "jean@orange.fr\x00", "jean@or\x00ange.fr",
     "x" * 300 + "@orange.fr", "a@" + "b" * 400 + ".fr"],
)  # fmt: skip
def test_email_garbage(raw: str) -> None:
    assert email_id.normalize(raw) is None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_UNICODE_LETTERS = _LETTERS + "éèçàüöâêîôû"
_atom = st.text(_LETTERS + "0123456789", min_size=1, max_size=10)
_local = st.lists(_atom, min_size=1, max_size=3).map(".".join)
_label = st.text(_UNICODE_LETTERS, min_size=1, max_size=12)
_domain = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(_label, min_size=1, max_size=3),
    st.sampled_from(["fr", "com", "org", "net", "eu"]),
)
emails = st.builds(lambda local, domain: f"{local}@{domain}", _local, _domain).filter(
    lambda e: email_id.normalize(e) is not None
)


@st.composite
def _random_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.swapcase() if flip else c for c, flip in zip(text, flips, strict=True))


_padding = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])


@st.composite
def email_variants(draw: st.DrawFn, address: str) -> str:
    text = draw(_random_case(address))
    wrapper = draw(st.sampled_from(["{}", "<{}>", "mailto:{}", "<mailto:{}>", "Jean D <{}>"]))
    return draw(_padding) + wrapper.format(text) + draw(_padding)


@FAST
@given(_local, st.lists(st.text(_LETTERS, min_size=1, max_size=12), min_size=1, max_size=3))
def test_email_ascii_always_valid(local: str, labels: list[str]) -> None:
    # Guards the `emails` filter against silently discarding everything.
    address = f"{local}@{'.'.join(labels)}.fr"
    assert email_id.normalize(address) == address


@FAST
@given(emails)
def test_email_idempotent(address: str) -> None:
    once = email_id.normalize(address)
    assert once is not None
    assert email_id.normalize(once) == once


@FAST
@given(st.data(), emails)
def test_email_variants_agree(data: st.DataObject, address: str) -> None:
    variant = data.draw(email_variants(address))
    assert email_id.normalize(variant) == email_id.normalize(address)


@FAST
@given(st.text(min_size=1, max_size=20))
def test_email_unicode_local_part_is_fixed_point(local: str) -> None:
    once = email_id.normalize(f"{local}@orange.fr")
    if once is not None:
        assert email_id.normalize(once) == once


# ------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    "raw",
    [
        "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
        "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33612345678", "0033612345678",
        "0033 6 12 34 56 78", "612345678", "33612345678", "612345678.0",
        "6.12345678E+08", "'0612345678", "tel:+33612345678", " 06\u00a012\u00a034\u00a056\u00a078 ",
        "06\u202f12\u202f34\u202f56\u202f78",
    ],
)  # fmt: skip
def test_phone_variants(raw: str) -> None:
    assert phone_id.normalize(raw) == "+33612345678"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01 23 45 67 89", "+33123456789"),
        ("00331000000.00", "+33100000000"),  # a dot before "00" is grouping, not a float
        ("0692 12 34 56", "+262692123456"),  # Réunion, written as a French number
        ("692123456", "+262692123456"),
        ("0690 12 34 56", "+590690123456"),  # Guadeloupe
        ("0696 20 12 34", "+596696201234"),  # Martinique
        ("0694 20 12 34", "+594694201234"),  # Guyane
        ("+262 692 12 34 56", "+262692123456"),
        ("0639 01 23 45", "+262639012345"),  # Mayotte
        ("41 12 34", None),  # would be St-Pierre-et-Miquelon with region PM
    ],
)
def test_phone_french_and_overseas(raw: str, expected: str | None) -> None:
    assert phone_id.normalize(raw) == expected


def test_phone_region() -> None:
    assert phone_id.normalize("(123) 456-7890", region="US") is None  # no area code 123
    assert phone_id.normalize("(201) 555-0123", region="us") == "+12015550123"
    assert phone_id.normalize("0612345678", region="ZZ") is None
    assert phone_id.normalize("+33612345678", region="US") == "+33612345678"
    assert normalize("phone", "201-555-0123", region="US") == "+12015550123"


@pytest.mark.parametrize(
    "raw",
    ["", "0", "06", "0612", "06123456789", "0612345678 ext 12", "06 12 34 56 7a", "++33612345678",
     "+33 6 12 34 56 78 +", "6.12E+08", "6.1234567E+08", "612345678.5",
     "06 12 34 56 78 / 07 12 34 56 78",
     "０６１２３４５６７８", "٠٦١٢٣٤٥٦٧٨", "0" * 65, "06\x0012345678"],
)  # fmt: skip
def test_phone_garbage(raw: str) -> None:
    assert phone_id.normalize(raw) is None


_eight_digits = st.text("0123456789", min_size=8, max_size=8)
french_nsn = st.builds(lambda p, r: p + r, st.sampled_from("123456789"), _eight_digits).filter(
    lambda n: phonenumbers.is_valid_number(phonenumbers.parse("+33" + n))
)
_phone_sep = st.sampled_from(["", " ", ".", "-", "\u00a0"])


@st.composite
def phone_variants(draw: st.DrawFn, nsn: str) -> str:
    """Any presentation of the French number ``+33 <nsn>``."""

    def grouped(digits: str) -> str:
        pairs = [digits[i : i + 2] for i in range(0, len(digits), 2)]
        return "".join(p + draw(_phone_sep) for p in pairs[:-1]) + pairs[-1]

    sep = draw(_phone_sep)
    style = draw(st.sampled_from(range(9)))
    body = [
        grouped("0" + nsn),
        "+33" + sep + nsn[0] + sep + grouped(nsn[1:]),
        "+33 (0)" + nsn[0] + sep + grouped(nsn[1:]),
        "0033" + sep + nsn[0] + sep + grouped(nsn[1:]),
        "33" + nsn,
        nsn,
        nsn + ".0",
        "'0" + nsn,
        "tel:+33" + nsn,
    ][style]
    return draw(_padding) + body + draw(_padding)


@FAST
@given(french_nsn)
def test_phone_idempotent(nsn: str) -> None:
    once = phone_id.normalize("0" + nsn)
    assert once == "+33" + nsn
    assert phone_id.normalize(once) == once


@FAST
@given(st.data(), french_nsn)
def test_phone_variants_agree(data: st.DataObject, nsn: str) -> None:
    assert phone_id.normalize(data.draw(phone_variants(nsn))) == "+33" + nsn


# --------------------------------------------------------------------------- NIR


def _nir_key(body: str) -> str:
    """Independent implementation of the key: 97 - n % 97, 2A -> 19, 2B -> 18."""
    numeric = body[:5] + {"2A": "19", "2B": "18"}.get(body[5:7], body[5:7]) + body[7:]
    return f"{97 - int(numeric) % 97:02d}"


_department = st.one_of(st.integers(1, 99).map("{:02d}".format), st.sampled_from(["2A", "2B"]))
nir_bodies = st.builds(
    lambda sex, yy, mm, dept, commune, order: (
        f"{sex}{yy:02d}{mm:02d}{dept}{commune:03d}{order:03d}"
    ),
    st.sampled_from("12"),
    st.integers(0, 99),
    st.integers(1, 12),
    _department,
    st.integers(1, 999),
    st.integers(1, 999),
)
nirs = nir_bodies.map(lambda body: body + _nir_key(body))
_NIR_GROUPS = (1, 2, 2, 2, 3, 3, 2)


@st.composite
def nir_variants(draw: st.DrawFn, value: str) -> str:
    parts, start = [], 0
    for size in _NIR_GROUPS:
        parts.append(value[start : start + size])
        start += size
    text = "".join(p + draw(st.sampled_from(["", "", " ", ".", "-"])) for p in parts).rstrip(" .-")
    if draw(st.booleans()):
        text = text.lower()  # 2a / 2b
    return draw(_padding) + text + draw(_padding)


def test_nir_design_doc_example_is_valid() -> None:
    assert _nir_key("1850578006084") == "91"
    assert nir_id.normalize("185057800608491") == "185057800608491"


@pytest.mark.parametrize(
    "raw",
    ["1 85 05 78 006 084 91", "1.85.05.78.006.084.91", "1-85-05-78-006-084-91",
     "1850578006084 91", " 185057800608491\t", "185057800608491.0"],
)  # fmt: skip
def test_nir_variants(raw: str) -> None:
    assert nir_id.normalize(raw) == "185057800608491"


def test_nir_corsica() -> None:
    assert nir_id.normalize("2 53 07 2b 073 004 70") == "253072B07300470"
    assert nir_id.normalize("253072a07300443") == "253072A07300443"
    assert nir_id.normalize("253072C07300443") is None


@pytest.mark.parametrize(
    "raw",
    ["", "1850578006084", "185057800608492", "18505780060849", "1850578006084910",
     "185057800608491 0", "１８５０５７８００６０８４９１", "185057800608491x",
     "18505780060849\x001", "1 85 05 78 006 084 91" + " " * 60],
)  # fmt: skip
def test_nir_garbage(raw: str) -> None:
    assert nir_id.normalize(raw) is None


@FAST
@given(nirs)
def test_nir_idempotent(value: str) -> None:
    assert nir_id.normalize(value) == value
    assert nir_id.normalize(nir_id.normalize(value) or "") == value


@FAST
@given(st.data(), nirs)
def test_nir_variants_agree(data: st.DataObject, value: str) -> None:
    assert nir_id.normalize(data.draw(nir_variants(value))) == value


@FAST
@given(nir_bodies, st.integers(0, 99))
def test_nir_bad_key_rejected(body: str, key: int) -> None:
    candidate = f"{body}{key:02d}"
    expected = candidate if f"{key:02d}" == _nir_key(body) else None
    assert nir_id.normalize(candidate) == expected
    assert nir_id.normalize(body) is None  # 13 characters, no key


# ------------------------------------------------------------------ dates / namedob


@pytest.mark.parametrize(
    "raw",
    ["12/05/1961", "12/5/1961", "1961-05-12", "19610512", "12051961", "12.05.61", "12-05-1961",
     "12.05.1961", "1961-05-12 00:00:00", "1961-05-12T00:00:00", "1961-05-12T00:00:00.000",
     "1961/05/12", " 12/05/1961 ", "12/05/1961 00:00"],
)  # fmt: skip
def test_parse_date_formats(raw: str) -> None:
    assert parse_date(raw, TODAY) == datetime.date(1961, 5, 12)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.05.05", datetime.date(2005, 5, 12)),
        ("12.05.61", datetime.date(1961, 5, 12)),
        ("01.06.25", datetime.date(2025, 6, 1)),  # today itself
        ("02.06.25", datetime.date(1925, 6, 2)),  # tomorrow would be the future
        ("29/02/00", datetime.date(2000, 2, 29)),
        ("29/02/28", datetime.date(1928, 2, 29)),
        ("5/1/1890", datetime.date(1890, 1, 5)),
    ],
)
def test_parse_date_two_digit_pivot(raw: str, expected: datetime.date) -> None:
    assert parse_date(raw, TODAY) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "31/02/2000", "29/02/1900", "31/12/1889", "02/06/2025", "2030-01-01", "12/05-1961",
     "12/13/1961", "1961-13-01", "00/00/0000", "961-05-12", "12/05/961", "19611305",
     "١٢/٠٥/١٩٦١", "12/05/1961 25:00", "12 05 1961", "1961-05-12Z", "x" * 100],
)  # fmt: skip
def test_parse_date_rejects(raw: str) -> None:
    assert parse_date(raw, TODAY) is None


def test_parse_date_default_today() -> None:
    assert parse_date("12/05/1961") == datetime.date(1961, 5, 12)
    assert parse_date((datetime.date.today() + datetime.timedelta(days=1)).isoformat()) is None


@pytest.mark.parametrize(
    "raw",
    ["DUPONT Jean|12/05/1961", "Jean Dupont|1961-05-12", "jean-dupont|12.05.61",
     "  Dupont,  JEAN |19610512", "Jean DUPONT|1961-05-12T00:00:00", "dupont jean|1961-05-12"],
)  # fmt: skip
def test_namedob_variants(raw: str) -> None:
    assert namedob_id.normalize(raw, TODAY) == "dupont jean|1961-05-12"


def test_namedob_accents_and_punctuation() -> None:
    expected = "artagnan d loetitia muller|1990-02-01"
    assert namedob_id.normalize("Lœtitia D'Artagnan-Müller|1/2/1990", TODAY) == expected
    assert namedob_id.normalize("LOETITIA D ARTAGNAN MULLER|01/02/1990", TODAY) == expected
    assert namedob_id.normalize("Hélène Lefèvre|01/02/1990", TODAY) == "helene lefevre|1990-02-01"
    assert namedob_id.normalize("Jean|Pierre|01/02/1990", TODAY) == "jean pierre|1990-02-01"


@pytest.mark.parametrize(
    "raw",
    ["", "|", "Jean Dupont", "|12/05/1961", " - ' |12/05/1961", "Jean|31/02/2000",
     "Jean|01/01/1880", "Jean|2030-01-01", "Jean Dupont|12/05/1961|x", "\x00|12/05/1961",
     "a" * 300 + "|12/05/1961"],
)  # fmt: skip
def test_namedob_garbage(raw: str) -> None:
    assert namedob_id.normalize(raw, TODAY) is None


def test_namedob_from_parts() -> None:
    expected = "dupont jean|1961-05-12"
    assert namedob_from_parts(["DUPONT", "Jean"], "12/05/1961") == expected
    assert namedob_from_parts(("Jean", "Dupont"), "1961-05-12") == expected
    assert namedob_from_parts("Jean Dupont", "19610512") == expected  # bare str: one name
    assert namedob_from_parts([], "12/05/1961") is None
    assert namedob_from_parts(["Jean"], "not a date") is None


_NAME_POOL = ["Jean", "Dupont", "Hélène", "Lefèvre", "Éloïse", "François", "Müller",
              "Lœtitia", "Bénédicte", "Chloé", "Gaëlle", "Noël", "Perrin", "Nguyễn", "Ødegaard",
              "Æsa"]  # fmt: skip
_name_sep = st.sampled_from([" ", "  ", "-", "'", " - ", ", "])


_TEST_FOLD: dict[str, str | int | None] = {
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "ø": "o",
    "Ø": "O",
}


def _strip_accents(text: str) -> str:
    text = text.translate(str.maketrans(_TEST_FOLD))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_birth_dates = st.dates(datetime.date(1890, 1, 1), TODAY)


def _date_formats(day: datetime.date) -> list[str]:
    iso = day.isoformat()
    formats = [
        day.strftime("%d/%m/%Y"), f"{day.day}/{day.month}/{day.year}", iso,
        day.strftime("%Y%m%d"), day.strftime("%d%m%Y"), day.strftime("%d-%m-%Y"),
        day.strftime("%d.%m.%Y"), iso + " 00:00:00", iso + "T00:00:00",
    ]  # fmt: skip
    # A 2-digit year only denotes `day` if the pivot (latest century not in
    # the future) lands on its century.
    for century in (2000, 1900):
        try:
            pivoted = day.replace(year=century + day.year % 100)
        except ValueError:
            continue
        if pivoted <= TODAY:
            if pivoted == day:
                formats.append(day.strftime("%d.%m.%y"))
            break
    return formats


@st.composite
def namedob_variants(draw: st.DrawFn, tokens: list[str], day: datetime.date) -> str:
    shuffled = draw(st.permutations(tokens))
    shown = [_strip_accents(t) if draw(st.booleans()) else t for t in shuffled]
    name = shown[0] + "".join(draw(_name_sep) + t for t in shown[1:])
    name = draw(st.sampled_from([name, name.upper(), name.lower()]))
    return draw(_padding) + name + draw(_padding) + "|" + draw(st.sampled_from(_date_formats(day)))


_name_tokens = st.lists(st.sampled_from(_NAME_POOL), min_size=1, max_size=4)


@FAST
@given(st.data(), _name_tokens, _birth_dates)
def test_namedob_variants_agree(data: st.DataObject, tokens: list[str], day: datetime.date) -> None:
    expected = " ".join(sorted(_strip_accents(t).lower() for t in tokens)) + "|" + day.isoformat()
    assert namedob_id.normalize(data.draw(namedob_variants(tokens, day)), TODAY) == expected


@FAST
@given(_name_tokens, _birth_dates)
def test_namedob_idempotent(tokens: list[str], day: datetime.date) -> None:
    once = namedob_id.normalize(" ".join(tokens) + "|" + day.strftime("%d/%m/%Y"), TODAY)
    assert once is not None
    assert namedob_id.normalize(once, TODAY) == once


@FAST
@given(st.text(max_size=40))
def test_name_key_is_fixed_point_for_any_text(name: str) -> None:
    once = namedob_id.normalize_name(name)
    if once is not None:
        assert namedob_id.normalize_name(once) == once
        assert once == once.strip()
        assert "  " not in once


# ------------------------------------------------------- never raise, never echo

_HUGE = ["0" * 1_000_000, "a@b.fr" * 100_000, "Jean|" * 100_000, "\x00" * 10_000, "\ud800" * 100]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("raw", _HUGE)
def test_huge_and_nul_inputs(kind: str, raw: str) -> None:
    assert normalize(kind, raw) is None


@FAST
@given(st.sampled_from(KINDS), st.text())
def test_any_text_never_raises(kind: str, raw: str) -> None:
    value = normalize(kind, raw)
    if value is not None:
        assert normalize(kind, value) == value
        assert canonical(kind, raw) == encode(kind, value)


_ALPHABETS = {
    "email": "ab.@-+_<>:éÇ \x00",
    "phone": "0123456789 +.-()'eE\x00",
    "nir": "0123456789ABab .-\x00",
    "namedob": "aé-' |0123456789/.:T\x00",
}


@FAST
@given(st.data(), st.sampled_from(KINDS))
def test_near_miss_text_never_raises(data: st.DataObject, kind: str) -> None:
    # Alphabets close to real identifiers reach deeper code paths than st.text().
    raw = data.draw(st.text(_ALPHABETS[kind], max_size=40))
    value = normalize(kind, raw)
    if value is not None:
        assert normalize(kind, value) == value
        encode(kind, value)


# The fast paths must agree with the libraries they shortcut, on the inputs they accept.
_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(
    local=st.from_regex(r"[A-Za-z0-9_+-]{1,10}(\.[A-Za-z0-9_+-]{1,6}){0,2}", fullmatch=True),
    labels=st.lists(_LABEL, min_size=1, max_size=3),
    tld=st.sampled_from(["fr", "com", "org", "local", "test", "xn", "io", "onion", "arpa"]),
)
def test_email_fast_path_agrees_with_email_validator(
    local: str, labels: list[str], tld: str
) -> None:
    from email_validator import EmailNotValidError, validate_email

    from leaktrace.identifiers import email as email_module

    address = f"{local}@{'.'.join(labels)}.{tld}"
    fast = email_module._fast(address)
    if fast is None:
        return
    try:
        slow = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        pytest.fail("fast path accepted an address email-validator rejects")
    assert fast == f"{slow.local_part.lower()}@{slow.ascii_domain.lower()}"


@settings(max_examples=500, deadline=None)
@given(
    prefix=st.sampled_from(["", "0", "+33", "0033", "33"]),
    digits=st.from_regex(r"[0-9]{8,10}", fullmatch=True),
)
def test_phone_fast_path_agrees_with_phonenumbers(prefix: str, digits: str) -> None:
    from leaktrace.identifiers import phone as phone_module

    candidate = prefix + digits
    fast = phone_module._fast_french(candidate)
    if fast is not None:
        assert phone_module._parse_valid(candidate, "FR") == fast


def test_fast_paths_take_the_common_shapes() -> None:
    from leaktrace.identifiers import email as email_module
    from leaktrace.identifiers import phone as phone_module

    for shape in ("0612345678", "612345678", "+33612345678", "0033612345678", "33612345678"):
        assert phone_module._fast_french(shape) == "+33612345678"
    assert phone_module._fast_french("0692123456") is None  # Réunion: the slow path decides
    assert email_module._fast("Jean.Dupont@Orange.FR") == "jean.dupont@orange.fr"
    assert email_module._fast("jean@printer.local") is None
