"""The protected brands: who the lures impersonate, their real domains and phone numbers.

A brand is *protected* when impersonating it is what leak-personalised lures do: the health
insurer, the appointment and health-record services, the laboratory groups whose patients
leaked, the mutuelles, and the public services and carriers that the same gangs copy. Each entry
names the registered domains the brand really sends links from (compared on a registered-domain
basis, see :mod:`leaktrace.phishing.domains`), the tokens a lookalike domain borrows, how the
brand is named in a message, and its official phone numbers. The English-language lures (US,
UK, Canada, Australia) copy global brands instead: carriers, banks and card issuers, payment
apps, tech and streaming accounts, retailers, telecoms, tax and benefit agencies, toll roads.

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


def _with_national_forms(numbers: list[str]) -> frozenset[str]:
    """The numbers as listed, and each North American one also without its "1" prefix, as
    messages write it either way ("1-800-…" and "800-…")."""
    forms = set(numbers)
    forms.update(number[1:] for number in numbers if len(number) == 11 and number[0] == "1")
    return frozenset(forms)


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
        mentions=rx(mentions, rule=False),  # searched by Context.claimed, not the rules
        phones=_with_national_forms(phones.split()),
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
    # Global brands: the English lures (US, UK, Canada, Australia) of public smishing and
    # phishing data impersonate these. Lower-case bare names that are ordinary English words
    # ("chase", "target", "discover", "nab", "ee") only count in a brand context ("Chase card",
    # "Target gift card", "Discover card") or as the whole display name ("^chase$"); short
    # names are exact label parts ("ups-redelivery.com", never "startups.com").
    _b(
        "paypal",
        "PayPal",
        "paypal.com paypal.fr paypal.me paypal.co.uk paypal.ca paypal.com.au paypalobjects.com "
        "paypal-communication.com",
        "paypal pay-pal",
        r"pay ?pal",
        # 1-888-221-1161 (US), +1 402-935-2050 (from abroad).
        phones="18882211161 14029352050",
    ),
    _b(
        "amazon",
        "Amazon",
        "amazon.fr amazon.com amazon.co.uk amazon.de amazon.ca amazon.com.au amazon.in "
        "amazon.it amazon.es amazon.nl amazon.se amazon.pl amazon.co.jp amazon.com.mx "
        "amazon.com.br amazon.sg amazon.ae amazon.com.tr a.co amzn.to amzn.com amzn.eu "
        "primevideo.com media-amazon.com",
        "amazon amzn",
        r"\bamazon\b|\bamzn\b|prime video",
        phones="18882804331",  # 1-888-280-4331
    ),
    _b(
        "apple",
        "Apple",
        "apple.com icloud.com me.com mac.com apple.co",
        "icloud appleid apple-id itunes",
        r"\bapple\b|icloud|\bitunes\b",
        # 1-800-275-2273 (AppleCare), 1-800-692-7753 (1-800-MY-APPLE).
        phones="18002752273 18006927753",
        exact="apple",
    ),
    _b(
        "microsoft",
        "Microsoft",
        "microsoft.com office.com live.com outlook.com outlook.fr microsoftonline.com "
        "hotmail.com hotmail.fr hotmail.co.uk msn.com office365.com microsoft365.com xbox.com "
        "skype.com bing.com aka.ms",
        "microsoft office365 outlook hotmail onedrive",
        r"microsoft|office ?365|\boutlook (account|mail|mailbox|email|web|team|support|storage"
        r"|password|security|login|user)|\boutlook ?:|^outlook$|hotmail|onedrive",
        phones="18006427676",  # 1-800-642-7676
    ),
    # 1-866-579-7172.
    _b("netflix", "Netflix", "netflix.com", "netflix", r"netflix", phones="18665797172"),
    # QuickBooks invoices are a favourite disguise of payment phishing for small businesses.
    _b(
        "intuit",
        "Intuit (QuickBooks, TurboTax)",
        "intuit.com quickbooks.com turbotax.com",
        "intuit quickbooks turbotax",
        r"\bintuit\b|\bquick ?books\b|\bturbo ?tax\b",
    ),
    # Steam accounts (games, wallet funds, items) are stolen with fake "Steam Guard" pages.
    _b(
        "steam",
        "Steam",
        "steampowered.com steamcommunity.com steamgames.com steamstatic.com s.team",
        "steampowered steamcommunity steam-community steamguard steam-guard",
        r"\bsteam (guard|account|support|wallet|community|store|trade|inventory|team)\b|"
        r"\bsteam ?:|\bvalve corporation\b",
    ),
    # USPS 1-800-ASK-USPS, UPS 1-800-PICK-UPS, FedEx 1-800-GO-FEDEX, DHL 1-800-CALL-DHL.
    _b(
        "carriers",
        "carriers",
        "usps.com usps.gov ups.com fedex.com dhl.com dhl.fr dhl.de dhl.co.uk dhlparcel.co.uk",
        "usps fedex dhl",
        r"\busps\b|\bfed ?ex\b|\bdhl\b|(?<![-'])\bups\b(?! and downs)|postal service",
        phones="18002758777 18007425877 18004633339 18002255345",
        exact="ups",
    ),
    # Chase 1-800-935-9935 and 1-800-432-3117 (cards), Wells Fargo 1-800-869-3557, Bank of
    # America 1-800-432-1000, Citi 1-800-950-5114 and 1-888-248-4226 (cards).
    _b(
        "usbanks",
        "banks (US)",
        "chase.com chase.co.uk wellsfargo.com bankofamerica.com citi.com citibank.com",
        "wellsfargo wells-fargo bankofamerica bank-of-america citibank chaseonline "
        "chase-online chasebank chase-bank",
        r"wells ?fargo|bank of america|\bchase (bank|card|credit|debit|account|online|alert"
        r"|fraud|customer|sapphire|freedom|mobile|team|security|support|services|checking"
        r"|savings|ultimate)\b|\bchase ?:|^chase$|\bjp ?morgan|citibank|\bciti (card|bank"
        r"|alert|account|fraud|customer)\b|\bciti ?:|^citi$",
        phones="18009359935 18004323117 18008693557 18004321000 18009505114 18882484226",
        exact="chase citi bofa",
    ),
    # IRS individual help line, 1-800-829-1040. "irs" is an exact part: as a substring it is
    # in "first" and "shirts".
    _b(
        "irs",
        "IRS",
        "irs.gov",
        "irsgov irs-gov irsrefund irs-refund",
        r"\birs\b|internal revenue",
        phones="18008291040",
        exact="irs",
    ),
    # Parcel carriers (UK, Canada, Australia).
    _b(
        "royalmail",
        "Royal Mail",
        "royalmail.com royalmail.co.uk royalmailgroup.com",
        "royalmail royal-mail",
        r"royal ?mail",
    ),
    _b(
        "parcelforce",
        "Parcelforce",
        "parcelforce.com",
        "parcelforce parcel-force",
        r"parcel ?force",
    ),
    _b(
        "evri",
        "Evri (Hermes)",
        "evri.com myhermes.co.uk",
        "myhermes my-hermes",
        r"\bevri\b|\bhermes (parcel|delivery|courier)|myhermes",
        exact="evri",
    ),
    _b(
        "dpd",
        "DPD",
        "dpd.co.uk dpd.com dpd.fr dpdlocal.co.uk",
        "dpdlocal dpd-local",
        r"\bdpd\b",
        exact="dpd",
    ),
    _b(
        "canadapost",
        "Canada Post",
        "canadapost.ca postescanada.ca canadapost-postescanada.ca",
        "canadapost canada-post postescanada postes-canada",
        r"canada post|postes canada",
    ),
    _b(
        "auspost",
        "Australia Post",
        "auspost.com.au",
        "auspost aus-post australiapost australia-post",
        r"australia post|\bauspost\b",
    ),
    # UK banks.
    _b(
        "hsbc",
        "HSBC",
        "hsbc.co.uk hsbc.com hsbc.fr hsbc.ca hsbc.com.au",
        "hsbc",
        r"\bhsbc\b",
    ),
    _b(
        "barclays",
        "Barclays",
        "barclays.co.uk barclays.com barclaycard.co.uk barclaycardus.com",
        "barclays barclaycard",
        r"barclays|barclaycard",
    ),
    _b(
        "lloyds",
        "Lloyds Bank",
        "lloydsbank.com lloydsbank.co.uk lloydsbankinggroup.com",
        "lloydsbank lloyds-bank",
        r"\blloyds\b",
        exact="lloyds",
    ),
    _b("natwest", "NatWest", "natwest.com natwestgroup.com", "natwest nat-west", r"nat ?west"),
    _b(
        "santander",
        "Santander",
        "santander.co.uk santander.com santanderbank.com",
        "santander",
        r"\bsantander\b",
    ),
    _b(
        "halifax",
        "Halifax",
        "halifax.co.uk halifax-online.co.uk",
        "halifax-online halifaxonline halifaxbank halifax-bank",
        r"\bhalifax (bank|account|card|credit|debit|online|customer|banking|app|mobile|alert)\b"
        r"|\bhalifax ?:|^halifax$",
        exact="halifax",
    ),
    _b("monzo", "Monzo", "monzo.com monzo.me", "monzo", r"\bmonzo\b"),
    # "revolut" is an exact part: as a substring it is in "revolution".
    _b("revolut", "Revolut", "revolut.com revolut.me", "", r"\brevolut\b", exact="revolut"),
    _b("tsb", "TSB", "tsb.co.uk", "tsbbank tsb-bank", r"\btsb\b", exact="tsb"),
    # US banks and card issuers (Chase, Wells Fargo, Bank of America, Citi: "usbanks").
    # Regional and building-society banks that phishing mail has copied for two decades
    # (some since merged: their names still circulate in lures).
    _b(
        "usregional",
        "regional banks (US)",
        "pnc.com 53.com regions.com truist.com suntrust.com bbt.com keybank.com "
        "citizensbank.com mtb.com huntington.com wamu.com nationalcity.com",
        "fifththird fifth-third suntrust keybank citizensbank washingtonmutual "
        "nationalcity huntingtonbank",
        r"\bpnc (bank|alert|online)|fifth third|\bregions (bank|online)|\btruist\b|"
        r"\bsuntrust\b|\bbb&t\b|\bkeybank\b|\bcitizens bank\b|\bm&t bank\b|"
        r"\bhuntington (bank|national)|washington mutual|\bwamu\b|national city (bank)?",
        exact="pnc wamu truist",
    ),
    _b(
        "ukbuildingsocieties",
        "building societies and banks (UK)",
        "nationwide.co.uk firstdirect.com metrobankonline.co.uk co-operativebank.co.uk "
        "virginmoney.com starlingbank.com",
        # "nationwide" alone is an ordinary word in domains: only as a whole label part.
        "firstdirect metrobank cooperativebank virginmoney starlingbank",
        r"\bnationwide (building society|bank|online|account)|first direct|\bmetro bank\b|"
        r"co-?operative bank|virgin money|starling bank",
        exact="nationwide",
    ),
    _b(
        "capitalone",
        "Capital One",
        "capitalone.com capitalone.co.uk capitalone.ca",
        "capitalone capital-one",
        r"capital ?one\b",
    ),
    _b(
        "navyfederal",
        "Navy Federal Credit Union",
        "navyfederal.org",
        "navyfederal navy-federal navyfcu",
        r"navy federal|\bnfcu\b",
    ),
    _b(
        "usbank",
        "U.S. Bank",
        "usbank.com",
        "usbank us-bank",
        r"\bu\.s\. ?bank\b|\busbank\b|^us bank\b|\bu\.s\. bancorp",
    ),
    _b(
        "amex",
        "American Express",
        "americanexpress.com aexp.com",
        "americanexpress american-express",
        r"american express|\bamex\b",
        exact="amex",
    ),
    # discover.com is a known service: its label's typos are words ("discovery").
    _b(
        "discover",
        "Discover",
        "discovercard.com",
        "discovercard discover-card discoverbank discover-bank",
        r"discover ?card|discover bank|discover financial|^discover$",
    ),
    # Canadian and Australian banks.
    _b(
        "rbc",
        "RBC Royal Bank",
        "rbc.com rbcroyalbank.com",
        "rbcroyalbank rbc-royalbank",
        r"\brbc\b|royal bank of canada",
        exact="rbc",
    ),
    _b(
        "td",
        "TD Bank",
        "td.com tdbank.com tdcanadatrust.com",
        "tdbank td-bank tdcanadatrust canadatrust",
        r"\btd (bank|canada trust|account|card|credit|debit|alert|fraud|customer|easyweb)\b"
        r"|canada trust|\btd ?:|^td$",
        exact="td",
    ),
    _b(
        "scotiabank",
        "Scotiabank",
        "scotiabank.com",
        "scotiabank scotia-bank scotiaonline",
        r"scotia ?bank",
    ),
    _b(
        "bmo",
        "BMO Bank of Montreal",
        "bmo.com",
        "bmobank bmo-bank",
        r"\bbmo\b|bank of montreal",
        exact="bmo",
    ),
    _b("cibc", "CIBC", "cibc.com", "cibc", r"\bcibc\b"),
    # Interac e-Transfer notices come from interac.ca; every Canadian bank's mail names it too.
    _b("interac", "Interac e-Transfer", "interac.ca", "interac", r"\binterac\b"),
    _b(
        "commbank",
        "Commonwealth Bank",
        "commbank.com.au",
        "commbank comm-bank",
        r"commonwealth bank|\bcommbank\b|\bnetbank\b",
    ),
    _b("westpac", "Westpac", "westpac.com.au westpac.co.nz", "westpac", r"\bwestpac\b"),
    _b("anz", "ANZ", "anz.com anz.com.au anz.co.nz", "anzbank anz-bank", r"\banz\b", exact="anz"),
    _b(
        "nab",
        "NAB (National Australia Bank)",
        "nab.com.au",
        "nabbank nab-bank",
        r"national australia bank|\bnab (bank|account|card|internet banking|customer|alert"
        r"|fraud|app|connect)\b|\bnab ?:|^nab$",
        exact="nab",
    ),
    # Payment apps and crypto exchanges.
    _b("venmo", "Venmo", "venmo.com", "venmo", r"\bvenmo\b"),
    _b(
        "cashapp",
        "Cash App",
        "cash.app cash.me",
        "cashapp cash-app",
        r"\bcash ?app\b",
    ),
    _b("zelle", "Zelle", "zellepay.com", "zellepay zelle-pay", r"\bzelle\b", exact="zelle"),
    _b("coinbase", "Coinbase", "coinbase.com", "coinbase", r"coinbase"),
    _b("binance", "Binance", "binance.com binance.us", "binance", r"binance"),
    _b("metamask", "MetaMask", "metamask.io", "metamask meta-mask", r"meta ?mask"),
    _b("kraken", "Kraken", "kraken.com", "kraken", r"\bkraken\b"),
    _b("cryptocom", "Crypto.com", "crypto.com", "crypto-com", r"crypto\.com\b"),
    _b("kucoin", "KuCoin", "kucoin.com", "kucoin", r"\bkucoin\b"),
    _b(
        "trustwallet",
        "Trust Wallet",
        "trustwallet.com",
        "trustwallet trust-wallet",
        r"trust ?wallet",
    ),
    # Travel and file transfer: hotel partners' extranet and shared-file lures.
    _b("booking", "Booking.com", "booking.com", "bookingcom booking-com", r"booking\.com\b"),
    _b("airbnb", "Airbnb", "airbnb.com airbnb.co.uk airbnb.fr airbnb.ca", "airbnb", r"\bairbnb\b"),
    _b(
        "wetransfer",
        "WeTransfer",
        "wetransfer.com we.tl",
        "wetransfer we-transfer",
        r"\bwetransfer\b",
    ),
    # Tech accounts.
    _b(
        "google",
        "Google",
        "google.com google.co.uk google.ca google.com.au google.co.nz google.ie google.co.in "
        "google.fr google.de google.es google.it google.be google.ch google.nl g.co",
        "gmail",
        r"\bgoogle (account|security|pay|play|support|team|workspace|drive|docs|photos|voice"
        r"|storage|one|verification|alert)\b|\bgoogle ?:|^google$|\bgmail (account|team"
        r"|storage|support|security)\b|^gmail$",
        exact="google",
    ),
    _b(
        "facebook",
        "Facebook (Meta)",
        "facebook.com facebook.net fb.com fb.me fb.watch facebookmail.com m.me meta.com",
        "facebook meta-business metabusiness",
        r"\bfacebook (security|team|support|account|page|business|ads|login|help|protect"
        r"|verified|policy|copyright|community|marketplace|notification)\b|\bfacebook ?:"
        r"|^facebook$|\bmeta (business|support|verified|platforms|account|pay|team)\b",
    ),
    _b(
        "instagram",
        "Instagram",
        "instagram.com instagr.am",
        "instagram",
        r"\binstagram (account|security|team|support|help|verified|copyright|badge|business"
        r"|login|policy)\b|\binstagram ?:|^instagram$",
    ),
    _b(
        "whatsapp",
        "WhatsApp",
        "whatsapp.com whatsapp.net wa.me",
        "whatsapp whats-app",
        r"\bwhatsapp (security|team|support|account|verification|web|business|gold|premium)\b"
        r"|\bwhatsapp ?:|^whatsapp$",
    ),
    _b("linkedin", "LinkedIn", "linkedin.com lnkd.in", "linkedin linked-in", r"\blinkedin\b"),
    _b("dropbox", "Dropbox", "dropbox.com db.tt", "dropbox drop-box", r"\bdropbox\b"),
    _b(
        "docusign",
        "DocuSign",
        "docusign.com docusign.net",
        "docusign docu-sign",
        r"docu ?sign",
    ),
    _b(
        "adobe",
        "Adobe",
        "adobe.com adobesign.com acrobat.com",
        "adobe-sign adobepdf adobe-pdf adobedoc adobe-doc adobe-cloud",
        r"\badobe (sign|acrobat|document|pdf|cloud|account|id|reader|team)\b|\badobe ?:"
        r"|^adobe$|\bacrobat\b",
        exact="adobe",
    ),
    _b(
        "yahoo",
        "Yahoo",
        "yahoo.com yahoo.co.uk yahoo.ca yahoo.com.au yahoo.co.in yahoo.fr yahoo.de yahoo-inc.com "
        "yahoo.net",
        "yahoo",
        r"\byahoo\b",
    ),
    _b("aol", "AOL", "aol.com aim.com", "", r"\baol\b", exact="aol"),
    _b(
        "norton",
        "Norton",
        "nortonlifelock.com",
        "nortonlifelock norton-lifelock norton360 norton-360 nortonsecurity norton-security "
        "nortonantivirus",
        r"\bnorton (360|antivirus|anti-virus|lifelock|security|subscription|renewal|protection"
        r"|plan|order|invoice|account|total|internet)\b|lifelock|\bnorton ?:|^norton$",
        exact="norton",
    ),
    _b("mcafee", "McAfee", "mcafee.com", "mcafee", r"\bmc ?afee\b"),
    _b("geeksquad", "Geek Squad", "geeksquad.com", "geeksquad geek-squad", r"geek ?squad"),
    # Streaming.
    _b("spotify", "Spotify", "spotify.com spoti.fi", "spotify", r"\bspotify\b"),
    _b(
        "disneyplus",
        "Disney+",
        "disneyplus.com",
        "disneyplus disney-plus",
        r"\bdisney ?(\+|plus)",
    ),
    _b("hulu", "Hulu", "hulu.com", "", r"\bhulu\b", exact="hulu"),
    _b(
        "youtube",
        "YouTube",
        "youtube.com",
        "youtube",
        r"\byoutube (premium|account|channel|copyright|team|support|partner|studio|music|tv)\b"
        r"|\byoutube ?:|^youtube$",
    ),
    # E-commerce.
    _b(
        "ebay",
        "eBay",
        "ebay.com ebay.co.uk ebay.ca ebay.com.au ebay.de ebay.fr ebay.it ebay.es ebay.ie ebay.at "
        "ebay.ch ebay.nl",
        "",
        r"\bebay\b",
        exact="ebay",
    ),
    _b("walmart", "Walmart", "walmart.com walmart.ca", "walmart wal-mart", r"\bwal-?mart\b"),
    _b("costco", "Costco", "costco.com costco.ca costco.co.uk costco.fr", "costco", r"\bcostco\b"),
    _b(
        "target",
        "Target",
        "target.com",
        "targetcircle target-circle",
        r"\btarget (gift ?cards?|stores?|circle|redcard|rewards|survey)\b|^target ?(:|$)",
    ),
    _b(
        "bestbuy",
        "Best Buy",
        "bestbuy.com bestbuy.ca",
        "bestbuy best-buy",
        r"\bbestbuy\b|\bbest buy (order|gift ?cards?|store|account|totaltech|customer|membership"
        r"|receipt|invoice|geek)\b|\bbest buy ?:|^best buy$",
    ),
    _b("etsy", "Etsy", "etsy.com etsy.me", "", r"\betsy\b", exact="etsy"),
    _b("shopify", "Shopify", "shopify.com", "", r"\bshopify\b", exact="shopify"),
    # Telecoms.
    _b(
        "verizon",
        "Verizon",
        "verizon.com verizonwireless.com vzw.com verizon.net",
        "verizon",
        r"\bverizon\b",
    ),
    _b(
        "att",
        "AT&T",
        "att.com att.net att-mail.com",
        "",
        r"\bat ?& ?t\b|\bat and t (wireless|mobility|account|customer|bill)",
        exact="att",
    ),
    _b(
        "tmobile",
        "T-Mobile",
        "t-mobile.com",
        "t-mobile tmobile",
        r"\bt-? ?mobile\b",
    ),
    _b(
        "vodafone",
        "Vodafone",
        "vodafone.co.uk vodafone.com vodafone.com.au",
        "vodafone",
        r"vodafone",
    ),
    _b(
        "ee",
        "EE",
        "ee.co.uk",
        "",
        r"\bee (mobile|network|bill|billing|account|customer|broadband|team|limited|ltd|plan"
        r"|contract|sim|payment)\b|\bee ?:|\bfrom ee\b|^ee$",
        exact="ee",
    ),
    _b(
        "o2",
        "O2",
        "o2.co.uk",
        "",
        r"\bo2 (account|bill|billing|customer|mobile|network|priority|refresh|plan|contract"
        r"|team|payment)\b|\bo2 ?:|\bfrom o2\b|^o2$|virgin media o2",
        exact="o2",
    ),
    _b(
        "virginmedia",
        "Virgin Media",
        "virginmedia.com",
        "virginmedia virgin-media",
        r"virgin media",
    ),
    _b("telstra", "Telstra", "telstra.com.au telstra.com", "telstra", r"\btelstra\b"),
    _b("optus", "Optus", "optus.com.au", "optus", r"\boptus\b"),
    # Government. *.gov.uk and *.nhs.uk hosts are registered one level down (the public
    # suffix is gov.uk): www.gov.uk and service.gov.uk are in KNOWN_SERVICES.
    _b(
        "govuk",
        "GOV.UK (HMRC, DVLA)",
        "hmrc.gov.uk dvla.gov.uk",
        "hmrc dvla govuk gov-uk",
        r"\bhmrc\b|hm revenue|\bdvla\b|driver and vehicle licensing|\bgov\.uk\b",
    ),
    # No exact "nhs": every NHS trust has its own *.nhs.uk domain.
    _b("nhs", "NHS", "nhs.net", "nhs-uk nhsuk", r"\bnhs\b"),
    _b(
        "cra",
        "Canada Revenue Agency",
        "cra-arc.gc.ca",
        "cra-arc craarc",
        r"\bcra\b|canada revenue|service canada",
        exact="cra",
    ),
    _b(
        "ssa",
        "Social Security Administration",
        "ssa.gov socialsecurity.gov",
        "ssa-gov ssagov",
        r"social security administration|\bssa\b",
        exact="ssa",
    ),
    _b(
        "medicare",
        "Medicare",
        "medicare.gov cms.gov hhs.gov",
        "medicare",
        r"\bmedicare\b",
    ),
    _b("uscis", "USCIS", "uscis.gov", "uscis", r"\buscis\b|citizenship and immigration"),
    _b(
        "mygov",
        "myGov / Services Australia / ATO",
        "my.gov.au servicesaustralia.gov.au ato.gov.au",
        "mygov servicesaustralia",
        r"\bmygov\b|services australia|australian taxation office|\bato (refund|tax|account)\b"
        r"|centrelink",
    ),
    # Toll agencies.
    _b(
        "ezpass",
        "E-ZPass",
        "e-zpassny.com ezpassnj.com e-zpassiag.com ezpassva.com ezpassmd.com",
        "ezpass e-zpass ez-pass",
        r"\be-? ?z ?pass\b",
    ),
    _b("sunpass", "SunPass", "sunpass.com", "sunpass sun-pass", r"\bsun ?pass\b"),
    _b(
        "fastrak",
        "FasTrak",
        "bayareafastrak.org thetollroads.com",
        "fastrak",
        r"\bfastrak\b",
    ),
    _b("txtag", "TxTag", "txtag.org", "txtag", r"\btxtag\b"),
    _b("ntta", "NTTA (TollTag)", "ntta.org", "", r"\bntta\b|\btolltag\b", exact="ntta"),
)

# English-language services (US, UK, Canada, Australia) that send genuine SMS and e-mail links.
_ENGLISH_SERVICES = (
    # Brands' domains whose label is an ordinary word are listed here rather than under their
    # brand, so that the word's typos are not called lookalikes: "discovery" (discover.com),
    # "services" (service.gov.uk), "youth" (youtu.be), "window" (windows.com), "gmail"
    # (ymail.com), "morton" (norton.com). *.gov.uk and *.nhs.uk sites are registered one level
    # below the public suffix, hence www.gov.uk, service.gov.uk and www.nhs.uk.
    "discover.com canada.ca www.gov.uk service.gov.uk www.nhs.uk mygov.in mygov.scot halifax.ca "
    "gmail.com googlemail.com ymail.com rocketmail.com youtu.be itunes.com windows.com "
    "norton.com disney.com messenger.com",
    # Airlines.
    "united.com aa.com delta.com southwest.com alaskaair.com jetblue.com spirit.com "
    "flyfrontier.com hawaiianairlines.com aircanada.com westjet.com qantas.com "
    "virginaustralia.com jetstar.com britishairways.com virginatlantic.com easyjet.com "
    "ryanair.com emirates.com qatarairways.com lufthansa.com klm.com airfrance.com",
    # Retailers.
    "oldnavy.com gap.com bananarepublic.com sephora.com ulta.com chewy.com kohls.com macys.com "
    "nordstrom.com rei.com homedepot.com lowes.com wayfair.com ikea.com jcpenney.com kroger.com "
    "samsclub.com instacart.com aliexpress.com temu.com shein.com nike.com "
    "boots.com argos.co.uk tesco.com sainsburys.co.uk asda.com marksandspencer.com "
    "johnlewis.com currys.co.uk next.co.uk canadiantire.ca shoppersdrugmart.ca loblaws.ca "
    "bunnings.com.au woolworths.com.au coles.com.au jbhifi.com.au kmart.com.au",
    # Restaurants and food delivery.
    "doordash.com ubereats.com grubhub.com postmates.com deliveroo.co.uk just-eat.co.uk "
    "skipthedishes.com pizzahut.com dominos.com papajohns.com starbucks.com mcdonalds.com "
    "chipotle.com wendys.com tacobell.com subway.com dunkindonuts.com panerabread.com "
    "chick-fil-a.com",
    # Utilities.
    "pge.com coned.com duke-energy.com sce.com xcelenergy.com dominionenergy.com fpl.com "
    "georgiapower.com nationalgridus.com britishgas.co.uk octopus.energy edfenergy.com "
    "hydroone.com bchydro.com",
    # Health: providers, pharmacies, laboratories, insurers, patient portals, vets.
    "kp.org cvs.com walgreens.com riteaid.com mychart.com banfield.com questdiagnostics.com "
    "labcorp.com zocdoc.com goodrx.com optum.com uhc.com aetna.com cigna.com humana.com",
    # Travel, car rental, rail and coach.
    "expedia.com marriott.com hilton.com hotels.com tripadvisor.com "
    "vrbo.com ihg.com hyatt.com amtrak.com trainline.com nationalrail.co.uk greyhound.com "
    "hertz.com enterprise.com avis.com",
    # Parcel-tracking platforms, ride share.
    "narvar.com aftership.com uber.com lyft.com",
    # Work, development and social networks.
    "github.com gitlab.com slack.com zoom.us zoom.com atlassian.com notion.so trello.com "
    "asana.com salesforce.com webex.com twitter.com x.com reddit.com pinterest.com tiktok.com "
    "snapchat.com discord.com twitch.tv",
    # Payments (Cash App mails come from square.com), banks and telecoms not protected here.
    "squareup.com square.com stripe.com wise.com klarna.com afterpay.com affirm.com audible.com "
    "firstdirect.com rogers.com bell.ca telus.com",
    # US public services.
    "usa.gov login.gov ftc.gov fbi.gov ic3.gov treasury.gov cdc.gov ca.gov ny.gov texas.gov",
    # Banks, brokers, insurers, cable and internet providers not protected here.
    "ally.com chime.com sofi.com robinhood.com fidelity.com schwab.com vanguard.com etrade.com "
    "synchrony.com mysynchrony.com creditkarma.com experian.com equifax.com transunion.com "
    "geico.com progressive.com statefarm.com allstate.com libertymutual.com usaa.com "
    "xfinity.com comcast.net comcast.com spectrum.com spectrum.net cox.com frontier.com "
    "optimum.com sling.com directv.com dish.com mint.com cricketwireless.com boostmobile.com "
    "metrobyt-mobile.com visible.com googlefi.com sky.com bt.com talktalk.co.uk plus.net "
    "nationwide.com monzo.com starlingbank.com",
    # GovDelivery, which sends and tracks the mail of US public services.
    "govdelivery.com lnks.gd",
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
        *" ".join(_ENGLISH_SERVICES).split(),
    ]
)
