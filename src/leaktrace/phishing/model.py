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
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from leaktrace.errors import LeaktraceError
from leaktrace.phishing.text import fold

__all__ = ["ARTEFACT", "MAX_MODEL_CHARS", "TextModel", "default_model", "features", "normalize"]

ARTEFACT = "phishing_model.json"
FORMAT = "leaktrace-phishing-tfidf-lr/1"
MAX_MODEL_CHARS = 5_000  # the model reads the start of a message; lures are up front

# Placeholders make "£1000" and "$1,000", or two different short links, the same feature:
# the lure is in the shape, not in the exact number, and datasets differ in currency and era.
# Each with the literals one of which any match contains: a cheap "in" test spares the scan.
_SUBS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (
        re.compile(
            r"(https?://|www\.)\S+|\b[\w-]+\.(com|net|org|fr|info|ly|co|uk|us|xyz|top|ru)"
            r"(/\S*)?"
        ),
        " urltok ",
        (".", "://"),
    ),
    (re.compile(r"\S+@\S+\.\w+"), " mailtok ", ("@",)),
    (
        re.compile(r"(eur ?|[$£])\s?\d[\d,.]*|\d[\d,.]*\s?(eur\b|euros?|[$£]|usd|gbp|pounds?)"),
        " moneytok ",
        ("eur", "$", "£", "usd", "gbp", "pound"),
    ),
    (re.compile(r"\+?\d[\d ().-]{7,}\d"), " phonetok ", tuple("0123456789")),
    (re.compile(r"\d+"), " numtok ", tuple("0123456789")),
)
_TOKEN = re.compile(r"[a-z][a-z']+|[a-z]")


def _placeholders(folded: str) -> str:
    for pattern, placeholder, needles in _SUBS:
        if any(needle in folded for needle in needles):
            folded = pattern.sub(placeholder, folded)
    return folded


def normalize(text: str) -> str:
    """Folded text with URLs, addresses, amounts, phone numbers and numbers as placeholders."""
    return _placeholders(fold(text[:MAX_MODEL_CHARS]))


def _features(normalized: str) -> list[str]:
    words = [w for w in (w.strip("'") for w in _TOKEN.findall(normalized)) if len(w) > 1]
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
        return self._probability(features(text))

    def probability_folded(self, folded: str, limit: int = MAX_MODEL_CHARS) -> float:
        """:meth:`probability` of a text already folded by :func:`~leaktrace.phishing.text.fold`.

        The analyzer has folded the message for its rules; folding is not length-preserving,
        so on a text longer than the model reads the window may differ by a few characters.
        """
        return self._probability(_features(_placeholders(folded[:limit])))

    def _probability(self, found: list[str]) -> float:
        terms = self.terms
        counts = Counter(f for f in found if f in terms)
        if not counts:
            return 1.0 / (1.0 + math.exp(-self.intercept))
        weights = {t: (1.0 + math.log(n)) * self.terms[t][0] for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        score = self.intercept + sum(w * self.terms[t][1] for t, w in weights.items()) / norm
        score = max(-30.0, min(30.0, score))
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
