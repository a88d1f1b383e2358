"""The protected brands: who the lures impersonate, their real domains and phone numbers.

A brand is *protected* when impersonating it is what leak-personalised lures do: the health
insurer, the appointment and health-record services, the laboratory groups whose patients
leaked, the mutuelles, and the public services and carriers that the same gangs copy. Each entry
names the registered domains the brand really sends links from (compared on a registered-domain
basis, see :mod:`leaktrace.phishing.domains`), the tokens a lookalike domain borrows, how the
brand is named in a message, and its official phone numbers.

``KNOWN_SERVICES`` are genuine domains of common services that are not impersonation targets
here; links to them count as "official" for the allow signal and never as lookalikes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from leaktrace.phishing.text import rx

__all__ = ["BRANDS", "KNOWN_SERVICES", "Brand"]


@dataclass(frozen=True, slots=True)
class Brand:
    """One impersonation target."""

    key: str
    name: str
    domains: frozenset[str]
    # Tokens that betray the brand inside a foreign domain ("ameli-vitale.fr").
    tokens: tuple[str, ...]
    # Words that say the message speaks in the brand's name (folded text).
    mentions: re.Pattern[str]
    phones: frozenset[str] = field(default_factory=frozenset)
    health: bool = False
    # Short tokens ("ants", "caf") only count as a whole label part, never as a substring.
    exact_tokens: tuple[str, ...] = ()


def _b(
    key: str,
    name: str,
    domains: str,
    tokens: str,
    mentions: str,
    *,
    phones: str = "",
    health: bool = False,
    exact: str = "",
) -> Brand:
    return Brand(
        key=key,
        name=name,
        domains=frozenset(domains.split()),
        tokens=tuple(tokens.split()),
        mentions=rx(mentions),
        phones=frozenset(phones.split()),
        health=health,
        exact_tokens=tuple(exact.split()),
    )


BRANDS: tuple[Brand, ...] = (
    _b(
        "ameli",
        "Assurance Maladie (ameli)",
        "ameli.fr assurance-maladie.fr securite-sociale.fr",
        "ameli assurance-maladie assurancemaladie cartevitale carte-vitale vitale securite-sociale",
        r"\bameli\b|assurance[ -]?maladie|\bcpam\b|\bcnam\b|carte vitale|securite sociale"
        r"|health insurance|\bpuma\b",
        phones="3646",
        health=True,
        exact="cpam cnam secu",
    ),
    _b(
        "monespacesante",
        "Mon espace santé",
        "monespacesante.fr sante.fr dmp.fr",
        "monespacesante mon-espace-sante espacesante espace-sante",
        r"mon espace sante|dossier medical partage",
        phones="3422",
        health=True,
        exact="dmp",
    ),
    _b(
        "doctolib",
        "Doctolib",
        "doctolib.fr doctolib.com doctolib.de doctolib.it",
        "doctolib",
        r"doctolib",
        health=True,
    ),
    _b(
        "cerballiance",
        "Cerballiance",
        "cerballiance.fr",
        "cerballiance",
        r"cerballiance",
        health=True,
    ),
    _b("biogroup", "Biogroup", "biogroup.fr", "biogroup", r"\bbiogroup", health=True),
    _b(
        "eurofins",
        "Eurofins Biomnis",
        "eurofins.fr eurofins.com eurofins-biomnis.com biomnis.com",
        "eurofins biomnis",
        r"eurofins|biomnis",
        health=True,
    ),
    _b("synlab", "Synlab", "synlab.fr synlab.com", "synlab", r"synlab", health=True),
    _b(
        "inovie", "Inovie", "inovie.fr labosud.fr", "inovie labosud", r"inovie|labosud", health=True
    ),
    _b(
        "lbi",
        "Les Biologistes Indépendants",
        "lesbiologistesindependants.fr",
        "biologistesindependants",
        r"biologistes independants",
        health=True,
    ),
    _b("unilabs", "Unilabs", "unilabs.fr unilabs.com", "unilabs", r"unilabs", health=True),
    _b(
        "mutuelles",
        "mutuelles",
        "harmonie-mutuelle.fr mgen.fr malakoffhumanis.com ag2rlamondiale.fr macif.fr maif.fr "
        "maaf.fr axa.fr lamutuellegenerale.fr groupama.fr mutuelle-mcd.fr",
        "harmonie-mutuelle malakoff ag2r macif maaf mutuellegenerale",
        r"\bmutuelle\b|harmonie|\bmgen\b|malakoff|ag2r|\bmacif\b|\bmaaf\b",
        health=True,
        exact="mgen maif axa",
    ),
    _b(
        "impots",
        "impots.gouv.fr (DGFiP)",
        "impots.gouv.fr",
        "impots impot dgfip",
        r"\bimpots?\b|dgfip|finances publiques|tresor public",
    ),
    _b("ants", "ANTS", "ants.gouv.fr", "", r"\bants\b|titres securises", exact="ants"),
    _b(
        "antai",
        "ANTAI (amendes)",
        "antai.gouv.fr amendes.gouv.fr",
        "antai amende",
        r"\bantai\b|\bamendes?\b",
    ),
    _b(
        "franceconnect",
        "FranceConnect",
        "franceconnect.gouv.fr",
        "franceconnect france-connect",
        r"france ?connect",
    ),
    _b(
        "service-public",
        "Service-Public.fr",
        "service-public.fr service-public.gouv.fr",
        "service-public servicepublic",
        r"service-public|service public",
    ),
    _b("caf", "CAF", "caf.fr", "", r"\bcaf\b", exact="caf"),
    _b(
        "critair",
        "Crit'Air",
        "certificat-air.gouv.fr",
        "critair crit-air certificat-air",
        r"crit'? ?air|certificat qualite de l'air",
    ),
    _b(
        "cpf",
        "Mon Compte Formation",
        "moncompteformation.gouv.fr",
        "moncompteformation",
        r"\bcpf\b|compte formation",
        exact="cpf",
    ),
    _b(
        "laposte",
        "La Poste / Colissimo",
        "laposte.fr laposte.net colissimo.fr labanquepostale.fr",
        "laposte la-poste colissimo banquepostale",
        r"la poste|\blaposte\b|colissimo|banque postale",
    ),
    _b("chronopost", "Chronopost", "chronopost.fr", "chronopost chrono-post", r"chronopost"),
    _b(
        "banks",
        "banques",
        "credit-agricole.fr ca-paris.fr bnpparibas mabanque.bnpparibas "
        "societegenerale.fr lcl.fr caisse-epargne.fr boursorama.com boursobank.com creditmutuel.fr "
        "cic.fr banquepopulaire.fr",
        "credit-agricole creditagricole bnpparibas societegenerale "
        "caisse-epargne boursorama creditmutuel banquepopulaire",
        r"credit agricole|bnp|societe generale|\blcl\b|caisse d'epargne|boursorama|"
        r"credit mutuel|banque populaire",
    ),
    # Global brands: the English lures of public smishing data impersonate these.
    _b("paypal", "PayPal", "paypal.com paypal.fr paypal.me", "paypal", r"paypal"),
    _b("amazon", "Amazon", "amazon.fr amazon.com amazon.co.uk amazon.de", "amazon", r"\bamazon\b"),
    _b(
        "apple",
        "Apple",
        "apple.com icloud.com",
        "icloud appleid apple-id",
        r"\bapple\b|icloud",
        exact="apple",
    ),
    _b(
        "microsoft",
        "Microsoft",
        "microsoft.com office.com live.com outlook.com microsoftonline.com",
        "microsoft office365 outlook",
        r"microsoft|office ?365|outlook",
    ),
    _b("netflix", "Netflix", "netflix.com", "netflix", r"netflix"),
    _b(
        "carriers",
        "carriers",
        "usps.com ups.com fedex.com dhl.com dhl.fr",
        "usps fedex dhl",
        r"\busps\b|\bfedex\b|\bdhl\b|\bups\b|postal service",
        exact="ups",
    ),
    _b(
        "usbanks",
        "banks (US)",
        "chase.com wellsfargo.com bankofamerica.com citi.com",
        "wellsfargo bankofamerica",
        r"wells ?fargo|bank of america|\bchase\b|citibank",
    ),
    _b("irs", "IRS", "irs.gov", "irs", r"\birs\b|internal revenue", exact="irs"),
)

KNOWN_SERVICES: frozenset[str] = frozenset(
    [
        "edf.fr",
        "engie.fr",
        "totalenergies.fr",
        "orange.fr",
        "sfr.fr",
        "free.fr",
        "bouyguestelecom.fr",
        "sncf-connect.com",
        "sncf.com",
        "dpd.fr",
        "mondialrelay.fr",
        "gls-france.com",
        "relais-colis.com",
        "francetravail.fr",
        "pole-emploi.fr",
        "urssaf.fr",
        "msa.fr",
        "cnil.fr",
        "phishing-initiative.fr",
        "signal-spam.fr",
        "33700.fr",
        "fnac.com",
        "cdiscount.com",
        "leboncoin.fr",
        "google.com",
        "youtube.com",
        "facebook.com",
        "instagram.com",
        "whatsapp.com",
        "wikipedia.org",
        "gov.uk",
        "nhs.uk",
    ]
)
