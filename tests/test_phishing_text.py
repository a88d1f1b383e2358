"""Text helpers written for speed agree with the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaktrace.phishing.text import (
    _SENTENCE_END,
    _sentence_ends,
    anchored_words,
    fold,
    iter_sentence_spans,
)

_PIECES = st.lists(
    st.sampled_from(["Bonjour", "1,49", "ameli.fr", ".", "!", "?", " ", "  ", "\n", "\n\n", "a",
                     "\u3000", "\u2028", "\t", "...", "!?", ". ", "x.y", "www.a.fr/b"]),
    max_size=40,
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(_PIECES.map("".join), st.text(max_size=60)))
def test_sentence_ends_are_those_of_the_definition(text: str) -> None:
    folded = fold(text)
    assert _sentence_ends(folded) == [m.span() for m in _SENTENCE_END.finditer(folded)]
    spans = list(iter_sentence_spans(folded))
    parts = [part for part in _SENTENCE_END.split(folded) if part.strip()]
    assert [folded[start:end] for start, end in spans] == parts


_LINK = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|net|fr)(/\S*)?")
_HINTS = (re.compile("://"), re.compile(r"www\."), re.compile(r"\.(com|net|fr)"))


@settings(max_examples=400, deadline=None)
@given(st.one_of(_PIECES.map("".join), st.text(max_size=60)))
def test_anchored_words_hold_every_match(text: str) -> None:
    words = list(anchored_words(text, _HINTS))
    in_words = [m.group(0) for start, end in words for m in _LINK.finditer(text[start:end])]
    assert in_words == [m.group(0) for m in _LINK.finditer(text)]
    assert all(text[start:end].strip() for start, end in words)


def test_invisible_characters_inside_words_are_dropped() -> None:
    hidden = "Ver\u00adify your Pay\u200dPal acc\u200cou\u2060nt"
    assert fold(hidden) == "verify your paypal account"


def test_latin_words_with_greek_or_cyrillic_lookalikes_are_read_in_latin() -> None:
    mixed = "Y\u043eur \u0410pple ID h\u0430s been l\u03bfcked"  # Cyrillic о, А, а; Greek ο
    assert fold(mixed) == "your apple id has been locked"
    # Words wholly in another script are text in that script, not a disguise.
    assert fold("Привет, как дела? Ελληνικά") == "привет, как дела? ελληνικα"


def test_digits_for_letters_inside_words_are_read_as_letters() -> None:
    assert fold("Verify your Acc0unt and Passw0rd at Micr0soft") == (
        "verify your account and password at microsoft"
    )
    assert (
        fold("jean@orange.fr pays 1,49 for mp3 b2b 4x4")
        == "jean@orange.fr pays 1,49 for mp3 b2b 4x4"
    )


def test_codes_hashes_and_wallets_keep_their_digits() -> None:
    for kept in (
        "0x7d76d02234a5be15c93e008acd187d87f72f8dd8",
        "bc1qar0srrr7xfkvy5l643lydnw9re59",
        "a3f9e1c0b",
    ):
        assert fold(kept) == kept
