"""Text folding shared by the parser, the rules and the model.

Lures arrive with and without accents ("remboursement effectué" / "effectue"), with typographic
apostrophes and non-breaking spaces, sometimes in full capitals. Every pattern in
:mod:`leaktrace.phishing.rules` is written against the *folded* form produced here, so one
pattern covers all spellings and no rule has to repeat accent classes.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterator, Sequence

import ftfy
from confusable_homoglyphs import confusables

__all__ = [
    "RULE_PATTERNS",
    "anchored_words",
    "as_written",
    "fold",
    "iter_sentence_spans",
    "refang",
    "repair_mojibake",
    "rx",
    "strip_marks",
    "unescape_entities",
]

# Characters that look like ASCII punctuation in messages but are not: folded before matching.
_PUNCT = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u20ac": " eur ",
        # Left as they are, these would keep a fifth of e-mails off the ASCII fast path.
        "\u00a9": "(c)",
        "\u00ae": "(r)",
        "\u2022": "-",
        "\u00b7": "-",
        "\u2026": "...",
        "\u200b": "",
        "\ufeff": "",
        # Invisible characters slipped inside words to break filters: "ver\u00adify",
        # "Pay\u200dPal" (soft hyphen, zero-width joiners, word joiner).
        "\u00ad": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\u180e": "",
    }
)
_PUNCT_PAIRS = tuple((chr(code), str(value)) for code, value in _PUNCT.items())
_PUNCT_CHARS = re.compile("[" + re.escape("".join(chr(code) for code in _PUNCT)) + "]")
# Combining marks (Unicode category Mn) of the scripts lures use; a regex beats a per-char loop.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# The patterns the rules search in folded text, in order: their Hyperscan prefilter is built
# from them. (Brand mentions are searched in another text and have a prefilter of their own.)
RULE_PATTERNS: list[re.Pattern[str]] = []
# Blanks become spaces, then runs of spaces one space. A lone space is not matched (replacing
# it costs a copy), and the pattern's leading literal lets the engine skip to the next space.
_BLANKS = "\t\r\f\v"
_SPACE_RUNS = re.compile("  +")
# A sentence ends at . ! ? or a line break, but not inside "1,49" or "ameli.fr". This is the
# definition; _sentence_ends() finds the same spans faster (tests/test_phishing_text.py).
_SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[.])\s+(?=\S)|\n+")
# The same ends found in four passes, each led by a literal the engine jumps to (one pass of
# _SENTENCE_END tries every position): the white space after "!", "?" or "." (when text
# follows it), whole, and elsewhere the runs of line breaks.
_AFTER_STOPS = (re.compile(r"!\s+"), re.compile(r"\?\s+"), re.compile(r"\.\s+(?=\S)"))
_LINE_BREAKS = re.compile(r"\n\n*")


def rx(pattern: str, flags: int = 0, *, rule: bool = True) -> re.Pattern[str]:
    """Compile a rule pattern, rewriting ``\\bX`` as ``X(?<=\\bX)`` for a literal ``X``.

    Same matches, but every branch then starts with a literal, which lets Python's regex
    engine skip ahead to candidate positions: 2-7x faster on the rules' long alternations.
    A pattern the rules search in the folded text (``rule``) joins :data:`RULE_PATTERNS`.
    """
    compiled = re.compile(re.sub(r"\\b([a-z0-9'])", r"\1(?<=\\b\1)", pattern), flags)
    if rule:
        RULE_PATTERNS.append(compiled)
    return compiled


# "bad-site[.]com", "evil(.)top", "hxxps[:]//x": links written harmless by whoever reported them.
_DEFANGED = re.compile(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[:\]", re.IGNORECASE)
_REFANGED = {"[.]": ".", "(.)": ".", "{.}": ".", "[dot]": ".", "(dot)": ".", "[:]": ":"}


def refang(text: str) -> str:
    """Links as they were before being defanged, so that the link rules read them."""
    if "[" not in text and "(" not in text and "{" not in text:
        return text
    return _DEFANGED.sub(lambda match: _REFANGED[match.group(0).lower()], text)


# UTF-8 read as Windows-1252 somewhere upstream leaves these: "havenâ€™t", "VÃ©rifiez",
# "84,20 â‚¬". Mailbox exports and CSV dumps are full of it, and it hides the words the rules
# and the model read.
_MOJIBAKE_MARKERS = ("\u00c3", "\u00e2\u20ac", "\u00c2", "\u00e2\u201a")


def repair_mojibake(text: str) -> str:
    """Text decoded with the wrong charset, re-decoded (``ftfy``); other text as it is."""
    if text.isascii() or not any(marker in text for marker in _MOJIBAKE_MARKERS):
        return text
    return ftfy.fix_encoding(text)


# "verify&nbsp;your&nbsp;account", "haven&#39;t": HTML entities left in text that lost its tags
# (pasted from a web mail, exported to CSV). Only whole entities, with their semicolon:
# html.unescape alone would also read "&not" in "?a=1&notify=2" as "¬".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def unescape_entities(text: str) -> str:
    """HTML character references in plain text, as the characters they stand for."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda match: html.unescape(match.group(0)), text)


def as_written(text: str) -> str:
    """Text as its sender wrote it: mojibake repaired, then HTML entities unescaped.

    The one reading the rules (``Context``) and the model (``model.normalize``) both give a
    message before folding it, so that they see the same words.
    """
    return unescape_entities(repair_mojibake(text))


def strip_marks(text: str) -> str:
    """Drop combining accents: ``"sécurité"`` → ``"securite"``."""
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


# "Yоur Аpple ID hаs been lоcked" with Cyrillic о and а: words that mix Latin letters with
# Greek or Cyrillic look-alikes are written to slip past filters, and are read in Latin. A
# word wholly in Greek or Cyrillic is left alone.
_LOOKALIKE_SCRIPTS = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
_MIXED_WORD = re.compile(
    "[^\\W\\d_]*(?:[a-z][^\\W\\d_]*[\u0370-\u052f]|[\u0370-\u052f][^\\W\\d_]*[a-z])[^\\W\\d_]*"
)


@functools.cache
def _latin_table() -> dict[int, str]:
    """Greek and Cyrillic letters → the ASCII letter they imitate (Unicode TR39 data)."""
    table: dict[int, str] = {}
    for code in range(0x0370, 0x0530):
        glyphs = confusables.confusables_data.get(chr(code), ())
        latin = next((g["c"] for g in glyphs if g["c"].isascii() and g["c"].isalpha()), None)
        if latin is not None:
            table[code] = latin.lower()
    return table


def _latin_word(match: re.Match[str]) -> str:
    return match.group(0).translate(_latin_table())


# "Acc0unt", "V3rify", "Passw0rd": a digit between two letters of a word stands for the letter
# it imitates, written so to slip past filters. ("@" would too, but it joins e-mail addresses.)
# Only in a word of letters with one or two such digits: codes, hashes and wallet addresses
# ("0x7d76d022…", "bc1qar0s…") hold more digits, or start with one.
_LEET = re.compile(r"(?<![\w.@-])[a-z]+(?:[01345][a-z]+){1,2}(?![\w@])")
# A digit between two letters, found from the digit: a fifth of the cost of searching _LEET.
_LEET_HINT = re.compile("[01345](?<=[a-z][01345])(?=[a-z])")
_UNLEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s"})


def _unleet(match: re.Match[str]) -> str:
    return match.group(0).translate(_UNLEET)


def fold(text: str) -> str:
    """Lower-case, accent-free, with plain apostrophes and single spaces; lines are kept.

    The euro sign becomes the word ``eur`` so that ``1,49€``, ``1,49 €`` and ``1,49 EUR``
    read the same to the amount patterns.
    """
    if not text.isascii() and _PUNCT_CHARS.search(text) is not None:
        # str.translate walks every character in Python-level steps; a few C-level replace()
        # passes, one per character actually present, cost a tenth of it on a long mail.
        for char, replacement in _PUNCT_PAIRS:
            if char in text:
                text = text.replace(char, replacement)
    folded = strip_marks(text).casefold()
    if not folded.isascii() and _LOOKALIKE_SCRIPTS.search(folded) is not None:
        folded = _MIXED_WORD.sub(_latin_word, folded)
    for blank in _BLANKS:
        if blank in folded:
            folded = folded.replace(blank, " ")
    if _LEET_HINT.search(folded) is not None:
        folded = _LEET.sub(_unleet, folded)
    return _SPACE_RUNS.sub(" ", folded) if "  " in folded else folded


_NON_SPACE = re.compile(r"\S*")


def anchored_words(text: str, anchors: Sequence[re.Pattern[str]]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each white-space-separated word of ``text`` that holds a match of one
    of ``anchors``, in order, each once.

    For a pattern that never matches white space and whose look-behinds see white space (or the
    start) before a word either way, matching it word by word finds what it finds in the whole
    text. When every match holds an anchor, only these words need it: they are found from the
    anchors (each led by a literal the engine jumps to), not by walking every word.
    """
    found = sorted(match.start() for anchor in anchors for match in anchor.finditer(text))
    if not found:
        return
    backwards = text[::-1]  # the word's start is where its non-space run ends, read backwards
    end = -1
    for at in found:
        if at < end:
            continue  # in the word just given
        start = len(text) - _word_end(backwards, len(text) - at)
        end = _word_end(text, at)
        yield start, end


def _word_end(text: str, at: int) -> int:
    run = _NON_SPACE.match(text, at)
    return at if run is None else run.end()  # never None: the pattern matches the empty run


def iter_sentence_spans(folded: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank sentence of ``folded``, in order, one at a time (a
    caller that needs the first few stops early). Sentences keep a negation ("never") with
    the request it negates."""
    start = 0
    for end, after in _sentence_ends(folded):
        if folded[start:end].strip():
            yield start, end
        start = after
    if folded[start:].strip():
        yield start, len(folded)


def _sentence_ends(folded: str) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_END.finditer(folded)``, in order.

    No end spans a non-blank character, so each lies in one run of white space: all of it
    when a stop precedes it (and, after ".", text follows), else each run of line breaks in it.
    """
    stops = sorted(
        (found.start() + 1, found.end()) for stop in _AFTER_STOPS for found in stop.finditer(folded)
    )
    breaks = [found.span() for found in _LINE_BREAKS.finditer(folded)]
    if not stops:
        return breaks
    ends: list[tuple[int, int]] = []
    following = 0  # the first stop not yet placed
    for start, end in breaks:
        while following < len(stops) and stops[following][1] <= start:
            ends.append(stops[following])
            following += 1
        if following < len(stops) and stops[following][0] <= start:
            continue  # inside the white space after a stop
        ends.append((start, end))
    ends.extend(stops[following:])
    return ends
