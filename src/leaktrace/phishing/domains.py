"""Registered domains, official domains and lookalikes of the protected brands.

Everything is compared on a *registered-domain* basis (``ameli.fr-espace.com`` is a subdomain of
``fr-espace.com``, not of ``ameli.fr``), computed by ``tldextract`` from the public-suffix list
snapshot bundled in the package: ``suffix_list_urls=()`` and ``cache_dir=None`` so it never
downloads and never writes a cache file.

Lookalikes come in three kinds, each answered by one function:

* :func:`brand_token_in` — a brand token inside a foreign domain (``ameli-vitale.fr``);
* :func:`typosquat_of` — a typo or homoglyph permutation produced by ``dnstwist``'s fuzzer
  (``arneli.fr``, ``doctoiib.fr``), compared on the label so the TLD may differ;
* :func:`confusable_of` — a Unicode (IDN) host whose confusable skeleton is a brand label
  (``аmeli.fr`` with a Cyrillic ``а``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import dnstwist
import tldextract
from confusable_homoglyphs import confusables

from leaktrace.phishing.brands import BRANDS, KNOWN_SERVICES, Brand
from leaktrace.phishing.text import strip_marks

__all__ = [
    "Host",
    "ascii_skeleton",
    "brand_by_domain",
    "brand_token_in",
    "confusable_of",
    "is_official",
    "split_host",
    "typosquat_of",
]

_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_PARTS = re.compile(r"[.\-]")
_RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost"})


@functools.cache
def _extractor() -> tldextract.TLDExtract:
    # Built once, lazily: reading the bundled snapshot costs ~0.2 s.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass(frozen=True, slots=True)
class Host:
    """A host name split on the public-suffix list."""

    host: str
    subdomain: str
    label: str  # the registrable label: "ameli" in "www.ameli.fr"
    suffix: str
    is_ip: bool

    @property
    def registered(self) -> str:
        """``label.suffix``, or the whole host when there is no public suffix (IPs, typos)."""
        return f"{self.label}.{self.suffix}" if self.suffix else self.host


@functools.lru_cache(maxsize=4096)
def split_host(host: str) -> Host:
    """Split a lower-case host; unknown suffixes leave ``suffix`` empty."""
    host = host.strip(".").lower()
    if _IPV4.match(host):
        return Host(host, "", host, "", True)
    parts = _extractor()(host)
    if not parts.suffix and "." in host and host.rpartition(".")[2] in _RESERVED_TLDS:
        # RFC 2606 names are not on the suffix list, yet read as ordinary TLDs in examples.
        rest, _, tld = host.rpartition(".")
        subdomain, _, label = rest.rpartition(".")
        return Host(host, subdomain, label, tld, False)
    return Host(host, parts.subdomain, parts.domain, parts.suffix, False)


def _official_map() -> dict[str, Brand]:
    return {domain: brand for brand in BRANDS for domain in brand.domains}


_OFFICIAL: dict[str, Brand] = _official_map()


def brand_by_domain(registered: str) -> Brand | None:
    """The protected brand that owns this registered domain, if any."""
    return _OFFICIAL.get(registered)


# Suffixes only governments (or the NHS) can register under: their sites are official.
_GOVERNMENT_SUFFIXES = frozenset(
    {"gouv.fr", "gouv", "gov", "mil", "gov.uk", "nhs.uk", "gc.ca", "gov.au"}
)


# Official hosts on a registered domain that is not: Google's own share links on goo.gl.
_OFFICIAL_HOSTS = frozenset({"photos.app.goo.gl", "maps.app.goo.gl"})


def is_official(host: Host) -> bool:
    """A protected brand's domain, a known service's, or a government site (``*.gouv.fr``,
    ``*.gov``, ``*.gov.uk``, ``*.nhs.uk``, ``*.gc.ca``, ``*.gov.au``)."""
    registered = host.registered
    suffix = host.suffix
    return (
        registered in _OFFICIAL
        or registered in KNOWN_SERVICES
        or suffix in _GOVERNMENT_SUFFIXES
        or suffix.endswith((".gouv.fr", ".gov.au"))
        or host.host in _OFFICIAL_HOSTS
    )


def _first_brands() -> dict[str, int]:
    """Each exact token → the index in ``BRANDS`` of the first brand that has it."""
    first: dict[str, int] = {}
    for index, brand in enumerate(BRANDS):
        for token in brand.exact_tokens:
            first.setdefault(token, index)
    return first


_EXACT_TOKENS = _first_brands()
# One search for "any brand token at all" spares most foreign hosts the loop over the brands.
_ANY_TOKEN = re.compile("|".join(re.escape(token) for brand in BRANDS for token in brand.tokens))


def brand_token_in(host: Host) -> Brand | None:
    """A protected brand whose token appears in a host that the brand does not own."""
    if is_official(host) or host.is_ip:
        return None
    whole = host.host
    # Exact tokens are matched before the public suffix: "shop.ee" is Estonian, not EE's.
    named = whole[: -len(host.suffix) - 1] if host.suffix else whole
    # The first brand in order with either kind of token: the one with an exact token, unless
    # one before it has a token inside the host.
    exact = min(
        (_EXACT_TOKENS[part] for part in _PARTS.split(named) if part in _EXACT_TOKENS),
        default=len(BRANDS),
    )
    if _ANY_TOKEN.search(whole) is not None:
        for brand in BRANDS[:exact]:
            if any(token in whole for token in brand.tokens):
                return brand
    if exact < len(BRANDS):
        return BRANDS[exact]
    # Digits for letters inside a longer name: "paypa1-secure.top", "amaz0n-billing.net".
    if any(ch.isdigit() for ch in named):
        skeleton = ascii_skeleton(named)
        return next((brand for token, brand in _skeleton_tokens() if token in skeleton), None)
    return None


@functools.cache
def _skeleton_tokens() -> tuple[tuple[str, Brand], ...]:
    """The skeletons of the brands' tokens long enough not to turn up by chance (6+)."""
    pairs: dict[str, Brand] = {}
    for brand in BRANDS:
        for token in brand.tokens:
            skeleton = ascii_skeleton(token)
            if len(skeleton) >= 6:
                pairs.setdefault(skeleton, brand)
    return tuple(pairs.items())


# dnstwist's typo fuzzers. Its "homoglyph" fuzzer is combinatorial (43,000 permutations and
# 1.5 s for one long label, 9 s for all), so ASCII look-alikes ("rn" for "m", "1" for "l") are
# matched instead by the O(1) skeleton below, and Unicode ones by confusable_of.
_FUZZERS = [
    "addition", "bitsquatting", "hyphenation", "insertion", "omission", "repetition",
    "replacement", "transposition", "vowel-swap",
]  # fmt: skip
_ASCII_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("i", "l"),
                     ("3", "e"), ("5", "s"), ("4", "a"), ("7", "t"), ("8", "b"))  # fmt: skip


def ascii_skeleton(label: str) -> str:
    """``doctoIib``, ``d0ct0lib``, ``doctolib`` share one skeleton; so do ``arneli``, ``ameli``."""
    label = label.lower().replace("-", "")
    for glyph, letter in _ASCII_LOOKALIKES:
        label = label.replace(glyph, letter)
    return label


@functools.cache
def _typo_labels() -> dict[str, Brand]:
    """Every dnstwist typo permutation of every protected label → its brand (~0.4 s, once)."""
    labels: dict[str, Brand] = {}
    for label, brand in sorted(_fuzzable().items()):
        # Labels are compared whatever the TLD, so each label is fuzzed once, under ".com".
        fuzzer = dnstwist.Fuzzer(f"{label}.com")
        fuzzer.generate(fuzzers=_FUZZERS)
        for permutation in fuzzer.domains:
            name = str(permutation["domain"])
            if name.endswith(".com") and name.isascii():
                labels.setdefault(name[: -len(".com")], brand)
    # A permutation that is itself some brand's real label is no typo.
    for label in _brand_labels():
        labels.pop(label, None)
    return labels


# Short or dictionary-word labels have typos that are ordinary words ("cafe" for "caf",
# "santa" for "sante"): they are not fuzzed.
_GENERIC_LABELS = frozenset({"sante", "live", "office", "apple", "chase", "citi", "amendes"})


def _fuzzable() -> dict[str, Brand]:
    return {
        label: brand
        for label, brand in _brand_labels().items()
        if len(label) >= 5 and label not in _GENERIC_LABELS
    }


@functools.cache
def _skeletons() -> dict[str, Brand]:
    return {ascii_skeleton(label): brand for label, brand in _fuzzable().items()}


def typosquat_of(host: Host) -> Brand | None:
    """The brand whose domain ``host``'s label is a dnstwist permutation of (any TLD)."""
    if is_official(host) or host.is_ip or len(host.label) < 5:
        return None
    return _typo_labels().get(host.label) or _skeletons().get(ascii_skeleton(host.label))


@functools.cache
def _brand_labels() -> dict[str, Brand]:
    return {split_host(domain).label: brand for domain, brand in _OFFICIAL.items()}


def _skeleton(text: str) -> str:
    """Map every character to the ASCII letter it imitates (Unicode TR39 confusables data)."""
    out = []
    for ch in strip_marks(text):
        if ch.isascii():
            out.append(ch)
            continue
        glyphs = confusables.confusables_data.get(ch, ())
        ascii_glyph = next((g["c"] for g in glyphs if g["c"].isascii() and g["c"].isalnum()), ch)
        out.append(ascii_glyph.lower())
    return "".join(out)


def confusable_of(host: Host) -> Brand | None:
    """The brand whose label the IDN host imitates once decoded and skeletonised."""
    if is_official(host) or host.is_ip:
        return None
    label = host.label
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return None
    if label.isascii():
        return None
    skeleton = _skeleton(label)
    return _skeletons().get(ascii_skeleton(skeleton)) or _typo_labels().get(skeleton)
