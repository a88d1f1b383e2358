"""HTML mail bodies to text and links, with the stdlib ``html.parser``.

Phishing mail hides its real target behind the words of a link (``<a href="http://evil">
https://www.ameli.fr</a>``), so each anchor is kept as the pair (href, visible text). The parser
never fetches anything (no images, no styles; an image counts by its alt text) and tolerates
any broken markup: ``HTMLParser``
does not raise on bad HTML, it just reports what it can. Form fields are described too
(``"password:passwd"``): a mail that asks for a password or a card number in a form is
phishing whatever its words say.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["MAX_FIELDS", "html_fields", "html_to_text", "looks_like_html"]

_BLOCK = frozenset(
    {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "td", "section", "hr"}
)
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
MAX_LINKS = 200
MAX_FIELDS = 50
_FIELDS = frozenset({"input", "select", "textarea"})
_HTML_HINT = re.compile(r"<(html|body|div|table|p|br|a\s+href|font|td)\b", re.IGNORECASE)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.fields: list[str] = []
        self.alts: list[str] = []
        self._href: str | None = None
        self._anchor: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCK:
            self.chunks.append("\n")
        if tag in _FIELDS and len(self.fields) < MAX_FIELDS:
            named = dict(attrs)
            kind = (named.get("type") or tag).lower()
            self.fields.append(f"{kind}:{(named.get('name') or named.get('id') or '').lower()}")
        if tag == "a":
            self._close_anchor()
            self._href = next((value or "" for name, value in attrs if name == "href"), "")
            self._anchor = []
        elif tag == "img":
            # A linked picture reads as its alt text, as text-only mail clients show it: a link
            # around a picture of a login page shows what the alt says. Alt texts only become
            # the body of a mail that has no text at all (footer icons are not words of it).
            alt = next((value for name, value in attrs if name == "alt" and value), None)
            if alt is not None and not self._hidden:
                self.alts.append(alt)
                if self._href is not None:
                    self._anchor.append(f" {alt} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK:
            self.chunks.append("\n")
        if tag == "a":
            self._close_anchor()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.chunks.append(data)
        if self._href is not None:
            self._anchor.append(data)

    def _close_anchor(self) -> None:
        if self._href is not None and len(self.links) < MAX_LINKS:
            self.links.append((self._href.strip(), " ".join("".join(self._anchor).split())))
        self._href = None
        self._anchor = []


def _collect(html: str) -> _Collector:
    collector = _Collector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):
        # Very old Pythons raised on some malformed declarations; keep what was parsed.
        pass
    collector._close_anchor()
    return collector


def html_fields(html: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """The visible text, the anchors ``(href, text)`` and the form fields ``"type:name"``."""
    collector = _collect(html)
    text = "".join(collector.chunks)
    if not text.strip():
        text = "\n".join(collector.alts)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line), collector.links, collector.fields


def html_to_text(html: str) -> tuple[str, list[tuple[str, str]]]:
    """The visible text of an HTML body and its anchors as ``(href, text)`` pairs."""
    text, links, _fields = html_fields(html)
    return text, links


def looks_like_html(text: str) -> bool:
    """A "text/plain" part that is really HTML: senders (and archives) mislabel them."""
    return len(_HTML_HINT.findall(text[:20_000])) >= 2 or text.lstrip()[:6].lower() == "<html>"
