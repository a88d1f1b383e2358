"""A small TF-IDF + logistic-regression text model, evaluated in pure Python.

Trained by ``scripts/train_phishing_model.py`` on the public SMS spam/smishing sets in
``shared/data/phishing/train/`` (English, plus French machine translations), exported to the
JSON artefact ``phishing_model.json`` beside this module: per vocabulary term its IDF and its
coefficient. Inference needs no scikit-learn: tokens → sublinear TF × IDF → L2 norm → dot
product → logistic. :func:`features` is the one tokenizer both sides use, so training and
inference cannot drift apart.

The model never decides alone: :mod:`leaktrace.phishing.analyze` turns its probability into
one bounded reason next to the rules.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from leaktrace.errors import LeaktraceError
from leaktrace.phishing.text import anchored_words, as_written, fold

__all__ = ["ARTEFACT", "MAX_MODEL_CHARS", "TextModel", "default_model", "features", "normalize"]

ARTEFACT = "phishing_model.json"
FORMAT = "leaktrace-phishing-tfidf-lr/1"
MAX_MODEL_CHARS = 5_000  # the model reads the start of a message; lures are up front

# Placeholders make "£1000" and "$1,000", or two different short links, the same feature:
# the lure is in the shape, not in the exact number, and datasets differ in currency and era.
_LINK = re.compile(
    r"(https?://|www\.)\S+|\b[\w-]+\.(com|net|org|fr|info|ly|co|uk|us|xyz|top|ru)(/\S*)?"
)
_ADDRESS = re.compile(r"\S+@\S+\.\w+")
# Links and addresses hold no white space, and every one holds one of these: only the words
# where one is found are searched, not the whole window.
_IN_WORDS: tuple[tuple[re.Pattern[str], str, tuple[re.Pattern[str], ...]], ...] = (
    (
        _LINK,
        " urltok ",
        (
            re.compile("://"),
            re.compile(r"www\."),
            re.compile(r"\.(co|net|org|fr|info|ly|uk|us|xyz|top|ru)"),
        ),
    ),
    (_ADDRESS, " mailtok ", (re.compile("@"),)),
)
# Then amounts, phone numbers and numbers, each skipped when none of its literals is there.
_SUBS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (
        re.compile(r"(eur ?|[$£])\s?\d[\d,.]*|\d[\d,.]*\s?(eur\b|euros?|[$£]|usd|gbp|pounds?)"),
        " moneytok ",
        ("eur", "$", "£", "usd", "gbp", "pound"),
    ),
    # r"\+?\d[\d ().-]{7,}\d", written to start with a class ("+" or a digit, then a digit
    # after a "+"): the engine then skips to the next candidate instead of trying every position.
    (
        re.compile(r"[+\d](?:(?<=\+)\d|(?<=\d))[\d ().-]{7,}\d"),
        " phonetok ",
        tuple("0123456789"),
    ),
    (re.compile(r"\d+"), " numtok ", tuple("0123456789")),
)
# A word runs from the first letter of a run of letters and apostrophes to its last letter
# (apostrophes around it are quotes); one-letter words carry nothing.
_WORD = re.compile(r"[a-z][a-z']*[a-z]")


class _Sublinear(dict[int, float]):
    """n → 1 + ln(n), the sublinear term frequency; the usual counts are looked up, not logged."""

    def __missing__(self, count: int) -> float:
        return 1.0 + math.log(count)


_SUBLINEAR = _Sublinear({n: 1.0 + math.log(n) for n in range(1, 256)})


def _placeholders(folded: str) -> str:
    for pattern, placeholder, hints in _IN_WORDS:
        folded = _sub_in_words(pattern, placeholder, hints, folded)
    for pattern, placeholder, needles in _SUBS:
        if any(needle in folded for needle in needles):
            folded = pattern.sub(placeholder, folded)
    return folded


def _sub_in_words(
    pattern: re.Pattern[str], placeholder: str, hints: tuple[re.Pattern[str], ...], text: str
) -> str:
    """``pattern.sub(placeholder, text)`` for a pattern whose every match holds a match of one
    of ``hints`` and no white space: the same matches, in the words that hold a hint."""
    parts: list[str] = []
    done = 0
    for start, end in anchored_words(text, hints):
        parts += (text[done:start], pattern.sub(placeholder, text[start:end]))
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def normalize(text: str) -> str:
    """Folded text with URLs, addresses, amounts, phone numbers and numbers as placeholders.

    The text is first read :func:`~leaktrace.phishing.text.as_written`, as the analyzer reads
    it: 429 of the training SMS write "£200" as "Â£200", and some "&lt;#&gt;" for "<#>".
    """
    return _placeholders(fold(as_written(text[:MAX_MODEL_CHARS])))


def _words(normalized: str) -> list[str]:
    """The unigrams of :func:`features`, in order."""
    return _WORD.findall(normalized)


def _features(normalized: str) -> list[str]:
    words = _words(normalized)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def features(text: str) -> list[str]:
    """Unigrams and bigrams of the normalized text (the training vectorizer's analyzer)."""
    return _features(normalize(text))


@dataclass(frozen=True, slots=True)
class TextModel:
    """``terms`` maps a feature to (idf, coefficient)."""

    terms: Mapping[str, tuple[float, float]]
    intercept: float
    meta: Mapping[str, Any]
    # Bigram terms by first and second word: most word pairs start none, and building their
    # "a b" string only to miss the vocabulary was a third of the model's time.
    _bigrams: Mapping[str, Mapping[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        bigrams: dict[str, dict[str, str]] = {}
        for term in self.terms:
            first, space, second = term.partition(" ")
            if space:
                bigrams.setdefault(first, {})[second] = term
        object.__setattr__(self, "_bigrams", bigrams)

    @classmethod
    def from_dict(cls, document: Mapping[str, Any]) -> TextModel:
        if document.get("format") != FORMAT:
            raise LeaktraceError("the phishing model artefact has an unknown format")
        terms = {str(t): (float(v[0]), float(v[1])) for t, v in document["terms"].items()}
        return cls(terms, float(document["intercept"]), dict(document.get("meta", {})))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "intercept": self.intercept,
            "meta": dict(self.meta),
            "terms": {t: [idf, coef] for t, (idf, coef) in sorted(self.terms.items())},
        }

    def probability(self, text: str) -> float:
        """P(spam or phishing) for ``text``; 0.5-centred logistic of the linear score."""
        return self._probability(_words(normalize(text)))

    def probability_folded(self, folded: str, limit: int = MAX_MODEL_CHARS) -> float:
        """:meth:`probability` of a text already folded by :func:`~leaktrace.phishing.text.fold`.

        The analyzer has folded the message for its rules; folding is not length-preserving,
        so on a text longer than the model reads the window may differ by a few characters.
        """
        return self._probability(_words(_placeholders(folded[:limit])))

    def _probability(self, words: list[str]) -> float:
        """The model's probability for the features of ``words`` (see :func:`features`)."""
        terms, bigrams = self.terms, self._bigrams
        # The vocabulary's features in the order :func:`features` lists them: the weights
        # are then summed in the same order, to the same last bit.
        known = list(filter(terms.__contains__, words))
        nothing: Mapping[str, str] = {}
        known += [
            term
            for first, second in itertools.pairwise(words)
            if (term := bigrams.get(first, nothing).get(second)) is not None
        ]
        counts = Counter(known)
        if not counts:
            return 1.0 / (1.0 + math.exp(-self.intercept))
        # Element-wise products through map(): the same floats, without a Python-level loop.
        found = list(map(terms.__getitem__, counts))
        idfs, coefs = map(operator.itemgetter(0), found), map(operator.itemgetter(1), found)
        weights = list(map(operator.mul, map(_SUBLINEAR.__getitem__, counts.values()), idfs))
        norm = math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0
        linear = sum(map(operator.mul, weights, coefs))
        score = max(-30.0, min(30.0, self.intercept + linear / norm))
        return 1.0 / (1.0 + math.exp(-score))


@functools.cache
def default_model() -> TextModel | None:
    """The shipped artefact, or None when it is absent (the rules then work alone)."""
    try:
        raw = resources.files("leaktrace.phishing").joinpath(ARTEFACT).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError:
        raise LeaktraceError("the phishing model artefact is corrupt") from None
    return TextModel.from_dict(document)
