"""What every rule shares: the :class:`Rule` record, the :class:`Context` it reads, helpers.

A rule is a pure function of the context returning a short *evidence* string when it fires
(a domain, a keyword, a category: never the personal data a message quotes) or ``None`` when it
stays quiet. Its ``rule_id`` is API: clients filter and count on it, so it is never renamed.
Its ``weight`` is in score points; allow signals have negative weights.

Most lure rules work sentence by sentence on folded text (see :mod:`leaktrace.phishing.text`)
and ignore a sentence that negates the request: prevention messages say "we will *never* ask
for your bank details", which must not read as a request for bank details.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from leaktrace.phishing._prefilter import PatternSet
from leaktrace.phishing.brands import BRANDS, Brand
from leaktrace.phishing.domains import Host, is_official, split_host
from leaktrace.phishing.hosting import FREE_MAIL, is_redirect, is_user_content
from leaktrace.phishing.message import Message
from leaktrace.phishing.sender import Sender, sender_of
from leaktrace.phishing.text import RULE_PATTERNS, as_written, fold, iter_sentence_spans, refang, rx
from leaktrace.phishing.urls import Url, embedded_urls, find_urls, parse_url

__all__ = [
    "DECEPTIONS",
    "HAND_OVER_VERBS",
    "REQUEST_VERBS",
    "Context",
    "Rule",
    "first_brand_named",
    "first_unnegated",
    "is_negated",
]

# A button's words: a short line (or link text) that starts with, or is, an action.
_BUTTON = re.compile(
    r"(click here|verify|confirm|update|secure|restore|unlock|reactivate|validate|sign ?in|"
    r"log ?in|login|review|view|open|read|download|access|release|deliver|retrieve|fix|cancel|"
    r"keep|upgrade|increase|claim|pay|reschedule|resolve|continue|get started|check|listen|play|"
    r"start|respond|accept|activate|submit|proceed|sign (now|document|here))"
    r"\b[\w' -]{0,40}$"
)
_BUTTON_LINE = re.compile(r"^[ \t>*\[(]*([A-Za-z][\w' -]{1,48}?)[ \t\])*>»]*$", re.MULTILINE)
_WORD_END = re.compile(r"[\w'-]*")
MAX_RULE_CHARS = 8_000  # lures sit in the first lines; bounds the cost of a 200 kB mail
# One search for "any brand named at all" spares most messages the 30 per-brand searches.
# The mention patterns are rx()-compiled already: joined, their branches stay literal-led.
_ANY_BRAND = re.compile("|".join(f"(?:{brand.mentions.pattern})" for brand in BRANDS))
# On a long text, one search per top-level branch ("ameli", "carte vitale") beats the combined
# search: each branch starts with a literal, so the engine skips ahead to its candidates.
_LONG_TEXT = 1_000


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``: it matches iff one of them does."""
    parts: list[str] = []
    current: list[str] = []
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


_BRAND_BRANCHES = tuple(
    (brand, tuple(re.compile(p, brand.mentions.flags) for p in _branches(brand.mentions.pattern)))
    for brand in BRANDS
)
assert all("|".join(p.pattern for p in ps) == b.mentions.pattern for b, ps in _BRAND_BRANCHES)

# A phrase quoted, not a whole message: someone who pastes the text they received between
# quotes ('I got this: "UPS: your package is on hold, confirm your delivery details at…"')
# is asking about it, and it is judged as the lure it is.
_QUOTE_CHARS = 60

# "Never", "no adviser", "do not share it": the sentence warns instead of asking. But "you will
# never hear from me again" is the blackmailer's promise, not a warning.
_NEGATION = rx(
    r"\bjamais\b|\bnever\b(?! (again )?(hear|heard|see|bother|contact) (from )?(me|us)\b)|"
    r"\baucun|\bne (le |la |les |leur )?(communiquez|donnez|partagez|"
    r"transmettez|divulguez)|\bne (vous )?(demande|demandera|demanderons|demandent)\b|"
    r"\b(do not|don'?t) (share|give|disclose|reply|send|forward)\b|\bnot ask\b|\bwill not ask\b"
)
# Imperatives and infinitives only: "validation" or "confirmation" is a noun, not a request.
# Handing something over: type it in, send it, confirm it.
_HAND_OVER = (
    r"communiqu(ez|er)|(re)?transmett(ez|re)|donn(ez|er)|saisi(r|ssez)|indiqu(ez|er)|"
    r"renseign(ez|er)|confirm(ez|er)|envoy(ez|er)|fourni(r|ssez)|entr(ez|er)|munissez|"
    r"verifi(ez|er)|valid(ez|er)|complet(ez|er)|repond(ez|re)|en reponse|par retour|"
    r"identifiez|precis(ez|er)|retourn(ez|er)|enter|provide|share|send|reply|verify|submit|"
    r"give|type|input|re-?confirm|confirm|saisissant|indiquant|renseignant|confirmant|"
    r"communiquant|transmettant|envoyant|fournissant|validant|completant|verifiant"
)
# Bringing details up to date, or signing in: a request for them, not for a password.
_UPDATE_OR_SIGN_IN = r"mett(re|ez) a jour|mise a jour|actualis(ez|er)|update|log ?in|sign ?in"
HAND_OVER_VERBS = rf"\b({_HAND_OVER})\b"
REQUEST_VERBS = rf"\b({_HAND_OVER}|{_UPDATE_OR_SIGN_IN})\b"


class _Prefilter:
    """The process's Hyperscan prefilters, compiled once on demand (see ``_prefilter``)."""

    def __init__(self) -> None:
        self._set: PatternSet | None = None
        self._brands: PatternSet | None = None
        self._lock = threading.Lock()

    def ready(self) -> PatternSet | None:
        return self._set

    def brands(self) -> PatternSet | None:
        """The brands' mention patterns alone: :attr:`Context.claimed` scans another text than
        the rules do, and this set of literal-led patterns scans it five times faster."""
        return self._brands

    def build(self) -> PatternSet:
        with self._lock:
            if self._set is None:
                self._brands = PatternSet(tuple(brand.mentions for brand in BRANDS))
                # Every rule module is imported by now; a pattern compiled later is not in the
                # set and is simply always searched.
                self._set = PatternSet(tuple(RULE_PATTERNS))
            return self._set

    def reset(self) -> None:
        with self._lock:
            self._set = None
            self._brands = None


_PREFILTER = _Prefilter()


def prefilter() -> PatternSet:
    """The prefilter of every pattern compiled with ``rx``, compiled now if it is not yet."""
    return _PREFILTER.build()


def warm_up(*, background: bool = False) -> None:
    """Compile the prefilter (1–2 s) so that bulk analysis runs at full speed.

    With ``background=True`` it compiles in a daemon thread and messages analysed meanwhile
    take the slower path, with the same verdicts.
    """
    if _PREFILTER.ready() is not None:
        return
    if background:
        threading.Thread(target=_PREFILTER.build, name="phishing-prefilter", daemon=True).start()
    else:
        _PREFILTER.build()


# Rules that found a deception (a lookalike domain, a disguised link, a sender who is not who he
# says): the allow signals that would vouch for such a message stay silent.
DECEPTIONS = frozenset(
    {
        "domain.brand_in_foreign",
        "domain.typosquat",
        "domain.confusable",
        "email.sender_lookalike",
        "email.sender_brand_mismatch",
        "email.link_text_mismatch",
        "url.userinfo_trick",
        "url.ip_host",
    }
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One signal. ``explanation`` holds one sentence in ``fr`` and one in ``en``."""

    rule_id: str
    weight: int
    explanation: Mapping[str, str]
    check: Callable[[Context], str | None]


@dataclass
class Context:
    """A parsed message with what the rules need computed once: folded text, links, brands."""

    message: Message
    # Rule ids that fired so far, in rule order: the allow signals (last) read it.
    fired: set[str] = field(default_factory=set)

    @cached_property
    def _text(self) -> str:
        # ``text`` joins subject and body each time; defanged links ("x[.]com") are read as links,
        # mojibake ("havenâ€™t") and entities ("verify&nbsp;your") as the words they were.
        return refang(as_written(self.message.text[:MAX_RULE_CHARS]))

    @cached_property
    def folded(self) -> str:
        return fold(self._text)

    @cached_property
    def _prefilter(self) -> PatternSet | None:
        return _PREFILTER.ready()  # fixed for the message, even if a build finishes meanwhile

    @cached_property
    def candidates(self) -> dict[int, int] | None:
        """Patterns that may match :attr:`folded`, each with where a search finds it first.

        One Hyperscan pass (see ``_prefilter``); None when no scan was made.
        """
        chosen = self._prefilter
        return None if chosen is None else chosen.starts(self.folded)

    def start(self, pattern: re.Pattern[str]) -> int | None:
        """Where in :attr:`folded` a search of ``pattern`` may begin and still find its first
        match; None when the prefilter proved ``pattern`` absent.
        """
        # PatternSet.start(), inlined: the rules ask some fifty times a message.
        starts = self.candidates
        if starts is None:
            return 0
        number = self._numbers.get(id(pattern))
        return 0 if number is None else starts.get(number)

    @cached_property
    def _numbers(self) -> Mapping[int, int]:
        chosen = self._prefilter
        return {} if chosen is None else chosen.numbers

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False when the prefilter proved ``pattern`` absent from :attr:`folded`."""
        return self.start(pattern) is not None

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """``pattern.search(self.folded)``, skipped when the prefilter rules it out."""
        start = self.start(pattern)
        return None if start is None else pattern.search(self.folded, start)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(self.folded)``, empty when the prefilter rules it out."""
        start = self.start(pattern)
        return iter(()) if start is None else pattern.finditer(self.folded, start)

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """Sentence offsets in :attr:`folded`."""
        while self._next_span():
            pass
        return self._span_source[0]

    @cached_property
    def _span_source(self) -> tuple[list[tuple[int, int]], list[int], Iterator[tuple[int, int]]]:
        """The sentence offsets and starts found so far, and the search that finds the rest."""
        return [], [], iter_sentence_spans(self.folded)

    def _next_span(self) -> bool:
        """Find one more sentence; False when there is none."""
        spans, starts, source = self._span_source
        span = next(source, None)
        if span is None:
            return False
        spans.append(span)
        starts.append(span[0])
        return True

    def _spans_through(self, position: int, after: int) -> tuple[list[tuple[int, int]], list[int]]:
        """The sentence offsets and starts found so far, which reach at least ``after``
        sentences past the one that holds ``position`` (fewer only at the end of the text).

        A lure is most often in the first lines: a long mail's other sentences are not needed.
        """
        spans, starts, _ = self._span_source
        while len(starts) - bisect.bisect_right(starts, position) < after and self._next_span():
            pass
        return spans, starts

    def sentence_at(self, position: int) -> str:
        """The sentence of :attr:`folded` that holds ``position``."""
        spans, starts = self._spans_through(position, 1)
        start, end = spans[max(0, bisect.bisect_right(starts, position) - 1)]
        return self.folded[start:end]

    def opening(self, chars: int) -> str:
        """The subject and the first ``chars`` characters of the body, folded: where a
        greeting stands."""
        subject = self.message.subject
        return self.folded[: (len(subject) + 1 if subject else 0) + chars]

    @cached_property
    def sentences(self) -> list[str]:
        return [self.folded[start:end] for start, end in self.spans]

    def _eml_host(self, address: str) -> Host | None:
        if not self.message.is_eml or "@" not in address:
            return None
        return split_host(address.rpartition("@")[2])

    @cached_property
    def sender(self) -> Host | None:
        """The host of an .eml's From address; None for other messages or without one."""
        return self._eml_host(self.message.from_addr)

    @cached_property
    def recipient(self) -> Host | None:
        """The host of an .eml's first To address; None for other messages or without one."""
        return self._eml_host(self.message.to_addr)

    @cached_property
    def texted_by(self) -> Sender | None:
        """The kind of a text's sender, when the caller gave one; None otherwise."""
        return sender_of(self.message.sender) if self.message.channel == "sms" else None

    @cached_property
    def vouched_sender(self) -> bool:
        """The sender is an official domain, not a free mailbox (whose provider authenticates
        whoever opened the account), and the receiving server authenticated it."""
        host = self.sender
        return (
            host is not None
            and self.message.authenticated
            and is_official(host)
            and host.registered not in FREE_MAIL
        )

    @cached_property
    def urls(self) -> list[Url]:
        """Links in the text and HTML anchor targets (``mailto:`` and ``#`` ignored)."""
        return self._links[0]

    @cached_property
    def _links(self) -> tuple[list[Url], list[Url]]:
        """:attr:`urls`, and the redirects among them whose target could not be read."""
        found = find_urls(self._text)
        seen = {url.raw.lower() for url in found}
        for href, _text in self.message.links:
            if href.lower().startswith(("http://", "https://", "www.")):
                url = parse_url(href)
                if url is not None and url.raw.lower() not in seen:
                    seen.add(url.raw.lower())
                    found.append(url)
        opaque: list[Url] = []
        for url in list(found):
            inner_urls = embedded_urls(url)
            if not inner_urls and is_redirect(url):
                opaque.append(url)
            for inner in inner_urls:
                if inner.raw.lower() not in seen:
                    seen.add(inner.raw.lower())
                    found.append(inner)
        return found, opaque

    @cached_property
    def foreign_urls(self) -> list[Url]:
        """Links to hosts that no protected brand or known service owns, pages anyone can
        publish on a hosting platform (``sites.google.com/view/…``), and redirects whose target
        cannot be read (``bing.com/ck/a?…``): where they lead is nobody's known site."""
        urls, opaque = self._links
        return [
            url
            for url in urls
            if url in opaque
            or (not self._own_site(url) if is_user_content(url) else not is_official(url.host))
        ]

    @cached_property
    def button(self) -> str | None:
        """An action's words on a button or a line of their own ("Verify now", "LOG IN"), in an
        HTML link's text or in the body, where a flattened e-mail keeps them without the link."""
        for _href, text in self.message.links:
            words = fold(text).strip()
            if 0 < len(words) <= 50 and _BUTTON.match(words):
                return text.strip()
        for line in _BUTTON_LINE.finditer(self.message.body[:4000]):
            words = line.group(1).strip()
            if len(words.split()) <= 5 and _BUTTON.match(words.lower()):
                return words
        return None

    def foreign_host_beyond(self, sender_only_if_authenticated: bool) -> str | None:
        """The registered domain of the first foreign link that is not on the sender's own
        domain (that domain only counting when the mail is authenticated, if so asked)."""
        sender = self.sender
        own = None
        if sender is not None and (self.message.authenticated or not sender_only_if_authenticated):
            own = sender.registered
        for url in self.foreign_urls:
            if url.host.registered != own:
                return url.host.registered
        return None

    def _own_site(self, url: Url) -> bool:
        """A hosted page named for the sender: its own SharePoint ("acme-my.sharepoint.com")."""
        sender = self.sender
        if sender is None or not sender.label:
            return False
        tenant = url.host.subdomain.rpartition(".")[2].removesuffix("-my")
        return tenant == sender.label

    @cached_property
    def text_without_urls(self) -> str:
        """Folded text with links blanked: a brand named *only* inside a link is no claim."""
        text = self.folded
        for url in self.urls:
            text = text.replace(fold(url.written), " ")
        return text

    @cached_property
    def claimed(self) -> list[Brand]:
        """Protected brands the message speaks for: its text and subject, an e-mail sender's
        display name, or the name or address a text came from (a sender name "AMELI" speaks
        for the Assurance Maladie as much as the text's first words would)."""
        texted_by = self.texted_by
        by_name = texted_by is not None and texted_by.kind not in ("number", "short_code")
        where = f"{self.text_without_urls}\n{fold(self.message.from_name)}"
        if by_name:
            where += f"\n{fold(self.message.sender)}"
        return list(_brands_named(where))


def first_brand_named(folded: str) -> Brand | None:
    """The first brand in ``BRANDS`` order whose mention pattern matches ``folded``."""
    return next(_brands_named(folded), None)


def _brands_named(text: str) -> Iterator[Brand]:
    """The brands whose mention pattern matches ``text``, in ``BRANDS`` order, found lazily.

    The brands' own Hyperscan scan rules most of them out instead of a hundred searches;
    without it, one search for "any brand at all" spares most short texts the loop.
    """
    mentions = _PREFILTER.brands()
    starts = None if mentions is None else mentions.starts(text)
    long = len(text) >= _LONG_TEXT
    if starts is None and not long and _ANY_BRAND.search(text) is None:
        return
    candidates = (
        [(number, 0) for number in range(len(BRANDS))]
        if mentions is None
        else mentions.candidates(starts)
    )
    for number, start in candidates:  # the brands' set lists them in ``BRANDS`` order
        brand, branches = _BRAND_BRANCHES[number]
        if long:
            named = any(branch.search(text, start) for branch in branches)
        else:
            named = brand.mentions.search(text, start) is not None
        if named:
            yield brand


def is_negated(sentence: str) -> bool:
    """True when the sentence warns ("ne ... jamais", "never") rather than asks."""
    return _NEGATION.search(sentence) is not None


def _quoted(text: str, match: re.Match[str]) -> bool:
    """The match stands between quotation marks on its line: quoted, not asked.

    Awareness mail, IT notices and forwarded warnings quote the lures they warn about ('asking
    you to "verify your mailbox"', 'we will never send a link to "re-validate" it'); a lure
    does not put its own request in quotes. Folding made every quotation mark a '"'.
    """
    start, end = match.span()
    line = text.rfind("\n", 0, start) + 1
    if text.count('"', line, start) % 2 == 0:
        return False
    opening = text.rfind('"', line, start)
    close = text.find('"', end, opening + _QUOTE_CHARS)
    return close != -1 and "\n" not in text[end:close]


def first_unnegated(
    ctx: Context,
    *patterns: re.Pattern[str],
    window: int = 1,
    unless: re.Pattern[str] | None = None,
) -> str | None:
    """The first match of the first pattern, in a stretch matching every pattern, not negated.

    A stretch is ``window`` consecutive sentences: requests often span two ("You will get a
    code. Send it back to us."). Returns the matched text of ``patterns[0]`` (the evidence).
    Only the sentences where ``patterns[0]`` matches are examined: a long e-mail has hundreds.
    A stretch matching ``unless`` is skipped like a negated one.
    """
    starts: list[int] = []
    for pattern in patterns:
        start = ctx.start(pattern)
        if start is None:
            return None
        starts.append(start)
    text = ctx.folded
    if any(p.search(text, s) is None for p, s in zip(patterns[1:], starts[1:], strict=True)):
        return None
    tried: set[int] = set()
    for match in patterns[0].finditer(text, starts[0]):
        spans, sentence_starts = ctx._spans_through(match.start(), max(1, window - 1))
        where = bisect.bisect_right(sentence_starts, match.start()) - 1
        for first in range(max(0, where - window + 1), where + 1):
            if first in tried:
                continue
            tried.add(first)
            stretch = text[spans[first][0] : spans[min(first + window, len(spans)) - 1][1]]
            found = next(
                (m for m in patterns[0].finditer(stretch) if not _quoted(stretch, m)), None
            )
            if found is None or any(p.search(stretch) is None for p in patterns[1:]):
                continue
            if not is_negated(stretch) and (unless is None or unless.search(stretch) is None):
                # Evidence in whole words: "expir" matched, "expiration" is what was written.
                end = _WORD_END.match(stretch, found.end())
                return stretch[found.start() : end.end() if end else found.end()].strip()
        if len(tried) > 50:
            break  # the lure, if any, is in the first sentences that mention it
    return None
