"""The Hyperscan prefilter never hides a match, and verdicts do not depend on it."""

from __future__ import annotations

import functools
import json
import re
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaktrace.phishing import _prefilter, analyze, warm_up
from leaktrace.phishing.brands import BRANDS
from leaktrace.phishing.rules import _prefilters
from leaktrace.phishing.text import RULE_PATTERNS, fold

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.skipif(not _prefilter.available(), reason="hyperscan not installed")


@functools.cache
def _corpus() -> tuple[tuple[str, str], ...]:
    rows: list[tuple[str, str]] = []
    for path in sorted(DATA.glob("phishing_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                rows.append((record["text"], record["channel"]))
    return tuple(rows)


def _sets() -> list[tuple[_prefilter.PatternSet, tuple[re.Pattern[str], ...]]]:
    """The rules' prefilter and the brand mentions' one, each with the patterns it holds."""
    rules = _prefilters.prefilter()
    brands = _prefilters.PREFILTER.brands()
    assert brands is not None
    return [(rules, tuple(RULE_PATTERNS)), (brands, tuple(b.mentions for b in BRANDS))]


def _missed(text: str) -> list[str]:
    """Patterns whose first match the scan hides: ruled out, or told to start past it."""
    missed: list[str] = []
    for chosen, patterns in _sets():
        starts = chosen.starts(text)
        for pattern in patterns:
            match = pattern.search(text)
            if match is None:
                continue
            start = chosen.start(starts, pattern)
            if start is None or start > match.start():
                missed.append(pattern.pattern)
    return missed


def test_every_rule_pattern_is_in_the_prefilter() -> None:
    for chosen, patterns in _sets():
        assert all(id(p) in chosen.numbers for p in patterns)
    assert len(RULE_PATTERNS) >= 50
    assert not {id(b.mentions) for b in BRANDS} & {id(p) for p in RULE_PATTERNS}


# Every message of the test sets, in shards so that parallel test workers share the work.
SHARDS = 6


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_match_is_hidden_on_the_test_corpora(shard: int) -> None:
    texts = [fold(text) for text, _ in _corpus()[shard::SHARDS]]
    assert len(texts) > 500
    for text in texts:
        assert _missed(text) == []


def test_the_scan_rules_patterns_out() -> None:
    starts = _prefilters.prefilter().starts(
        fold("Bonjour, rendez-vous demain à 10 h chez le dentiste.")
    )
    assert starts is not None
    assert len(starts) < len(RULE_PATTERNS) // 2


_WORDS = st.sampled_from(
    [
        "carte",
        "vitale",
        "expire",
        "ameli",
        "renouvelez",
        "cliquez",
        "ici",
        "http://x.example/login",
        "1,49",
        "eur",
        "frais",
        "your",
        "account",
        "has",
        "been",
        "suspended",
        "verify",
        "now",
        "0899",
        "12",
        "34",
        "56",
        "call",
        "07700",
        "900123",
        "txt",
        "WIN",
        "to",
        "80082",
        "free",
        "prize",
        "won",
        "iban",
        "mot",
        "de",
        "passe",
        "code",
        "jamais",
        "néé",
        "le",
        "12/03/1980",
        "laboratoire",
        "dear",
        "customer",
        "£5/wk",
        "reply",
        "STOP",
        "«",
        "»",
        "’",
        "\xa0",
        "\n",
        ".",
        "!",
        "?",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=40))
def test_no_match_is_hidden_on_generated_text(parts: list[str]) -> None:
    text = fold(" ".join(parts))
    assert _missed(text) == []


def test_text_beyond_ascii_is_scanned_soundly() -> None:
    # Letters, digits and spaces beyond ASCII are scanned as ASCII stand-ins, symbols as
    # themselves; a lone surrogate cannot be encoded, so nothing is ruled out.
    starts = _prefilters.prefilter().starts("carte vitale \ud800 expire")
    assert starts is None
    assert all(_prefilters.prefilter().start(starts, p) == 0 for p in RULE_PATTERNS)
    for text in ("ваша карта", "call 0800 ☎", "£5/wk", "٣٤٥ txt\u3000win", "ıban\x1cfrais"):
        assert _missed(text) == []
    assert _prefilters.prefilter().starts("ваша карта") is not None
    assert fold("© 2024 Bank® • Terms…").isascii()


_STRANGERS = st.sampled_from(
    ["£", "€", "ø", "ж", "ß", "ı", "İ", "K", "٣", "\u3000", "\x85", "\x1c", "\u2028", "☎",
     "😀", "⁄", "\x92", "\u200d", "\u0301", "Ⓐ", "ﬁ"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, _STRANGERS, st.text(max_size=6)), max_size=40))
def test_no_match_is_hidden_beyond_ascii(parts: list[str]) -> None:
    text = fold(" ".join(parts))
    assert _missed(text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, _STRANGERS), max_size=60))
def test_searches_from_the_scan_start_find_the_first_match(parts: list[str]) -> None:
    text = fold(" ".join(parts))
    prefilter = _prefilters.prefilter()
    starts = prefilter.starts(text)
    for pattern in RULE_PATTERNS:
        start = prefilter.start(starts, pattern)
        first = pattern.search(text)
        if start is None:
            assert first is None
        else:
            found = pattern.search(text, start)
            assert (found and found.span()) == (first and first.span())


def test_patterns_outside_the_set_are_always_searched() -> None:
    stranger = re.compile("never registered")
    assert _prefilters.prefilter().start({}, stranger) == 0


def test_verdicts_are_the_same_without_hyperscan(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus()[::5]
    warm_up()
    with_scan = [analyze(text, channel, lang="en") for text, channel in corpus]
    monkeypatch.setattr(_prefilter, "hyperscan", None)
    _prefilters.PREFILTER.reset()
    try:
        not_built = [analyze(text, channel, lang="en") for text, channel in corpus]
        assert _prefilters.prefilter().starts("carte vitale") is None
        without = [analyze(text, channel, lang="en") for text, channel in corpus]
    finally:
        monkeypatch.undo()
        _prefilters.PREFILTER.reset()
    assert not_built == with_scan
    assert without == with_scan


def test_background_warm_up_builds_once() -> None:
    _prefilters.PREFILTER.reset()
    warm_up(background=True)
    # A generous deadline: the build takes seconds, more on a loaded shared machine.
    deadline = time.monotonic() + 60
    while _prefilters.PREFILTER.ready() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    built = _prefilters.PREFILTER.ready()
    assert built is not None
    warm_up()
    assert _prefilters.PREFILTER.ready() is built


def test_threads_scan_with_their_own_scratch() -> None:
    text = fold("Votre carte Vitale expire : renouvelez-la sur ameli-vitale.fr sous 48 h")
    expected = _prefilters.prefilter().starts(text)
    results: list[dict[int, int] | None] = []

    def work() -> None:
        for _ in range(200):
            results.append(_prefilters.prefilter().starts(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 800
    assert all(found == expected for found in results)
