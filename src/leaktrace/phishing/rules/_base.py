"""What every rule shares: the :class:`Rule` record, the :class:`Context` it reads, helpers.

A rule is a pure function of the context returning a short *evidence* string when it fires
(a domain, a keyword, a category: never the personal data a message quotes) or ``None`` when it
stays quiet. Its ``rule_id`` is API: clients filter and count on it, so it is never renamed.
Its ``weight`` is in score points; allow signals have negative weights.

Most lure rules work sentence by sentence on folded text (see :mod:`leaktrace.phishing.text`)
and ignore a sentence that negates the request: prevention messages say "we will *never* ask
for your bank details", which must not read as a request for bank details
(:mod:`._requests`). Which brands a message names is :mod:`._mentions`' business, and the
Hyperscan scans that spare the rules most of their searches are in :mod:`._prefilters`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from leaktrace.phishing._prefilter import PatternSet
from leaktrace.phishing.brands import Brand
from leaktrace.phishing.domains import Host, is_official, split_host
from leaktrace.phishing.hosting import FREE_MAIL, is_redirect, is_user_content
from leaktrace.phishing.message import Message
from leaktrace.phishing.rules._mentions import brands_named
from leaktrace.phishing.rules._prefilters import PREFILTER
from leaktrace.phishing.sender import Sender, sender_of
from leaktrace.phishing.text import as_written, fold, iter_sentence_spans, refang
from leaktrace.phishing.urls import Url, embedded_urls, find_urls, parse_url

__all__ = ["DECEPTIONS", "MAX_RULE_CHARS", "Context", "Rule"]

# A button's words: a short line (or link text) that starts with, or is, an action.
_BUTTON = re.compile(
    r"(click here|verify|confirm|update|secure|restore|unlock|reactivate|validate|sign ?in|"
    r"log ?in|login|review|view|open|read|download|access|release|deliver|retrieve|fix|cancel|"
    r"keep|upgrade|increase|claim|pay|reschedule|resolve|continue|get started|check|listen|play|"
    r"start|respond|accept|activate|submit|proceed|sign (now|document|here))"
    r"\b[\w' -]{0,40}$"
)
_BUTTON_LINE = re.compile(r"^[ \t>*\[(]*([A-Za-z][\w' -]{1,48}?)[ \t\])*>»]*$", re.MULTILINE)
MAX_RULE_CHARS = 8_000  # lures sit in the first lines; bounds the cost of a 200 kB mail
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
        return PREFILTER.ready()  # fixed for the message, even if a build finishes meanwhile

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
        return list(brands_named(where))
