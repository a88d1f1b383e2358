"""The global brands of English-language lures (US, UK, Canada, Australia) and known services.

Written for these tests, not taken from any data set. Each table row is one message: a
lookalike of a protected brand must fire a lookalike rule, a brand's or a known service's real
link must not and must count as official, and ordinary English words must claim no brand.
"""

from __future__ import annotations

import pytest

from leaktrace.phishing import analyze
from leaktrace.phishing.brands import BRANDS, KNOWN_SERVICES
from leaktrace.phishing.domains import brand_token_in, split_host, typosquat_of
from leaktrace.phishing.message import parse_message
from leaktrace.phishing.rules import Context
from tests.test_phishing_cases_recall import fired

_LOOKALIKE_RULES = {"domain.brand_in_foreign", "domain.typosquat"}


def _context(text: str, channel: str = "sms") -> Context:
    return Context(parse_message(text, channel))  # type: ignore[arg-type]


def _fired(text: str, channel: str = "sms") -> set[str]:
    return fired(text, channel)


def _brand(key: str) -> str:
    return next(brand.name for brand in BRANDS if brand.key == key)


# message, rule expected, brand key it names
LOOKALIKES: list[tuple[str, str, str]] = [
    (
        "Your account is locked: https://wellsfargo-secure-login.com",
        "domain.brand_in_foreign",
        "usbanks",
    ),
    (
        "A redelivery fee is due: royalmail-redelivery.info/pay",
        "domain.brand_in_foreign",
        "royalmail",
    ),
    (
        "Unpaid toll notice, pay now: https://e-zpass-tolls.top/pay",
        "domain.brand_in_foreign",
        "ezpass",
    ),
    ("Unpaid toll: https://sunpass-tolls.com/invoice", "domain.brand_in_foreign", "sunpass"),
    ("Unpaid toll: https://txtag-billing.com", "domain.brand_in_foreign", "txtag"),
    (
        "Your parcel is held: https://www.usps-redelivery.com/track",
        "domain.brand_in_foreign",
        "carriers",
    ),
    ("Delivery failed: https://ups-parcel.info/reschedule", "domain.brand_in_foreign", "carriers"),
    ("We missed you: https://evri-redelivery.com", "domain.brand_in_foreign", "evri"),
    (
        "Shipping fee due: https://canadapost-delivery.com/fee",
        "domain.brand_in_foreign",
        "canadapost",
    ),
    ("Parcel on hold: https://auspost-redeliver.com", "domain.brand_in_foreign", "auspost"),
    (
        "New payee added, cancel here: https://hsbc-secure.co/login",
        "domain.brand_in_foreign",
        "hsbc",
    ),
    ("Verify your account: https://barclays-verify.net", "domain.brand_in_foreign", "barclays"),
    ("Unusual activity: https://td-bank-alert.com", "domain.brand_in_foreign", "td"),
    ("Payment received: https://venmo-support.net/claim", "domain.brand_in_foreign", "venmo"),
    ("Claim your bonus: https://cashapp-bonus.com", "domain.brand_in_foreign", "cashapp"),
    ("Tax refund of £398: https://hmrc-refund.com/claim", "domain.brand_in_foreign", "govuk"),
    ("Vehicle tax unpaid: https://dvla-tax.online", "domain.brand_in_foreign", "govuk"),
    ("Your bill could not be paid: https://ee-billing.co.uk", "domain.brand_in_foreign", "ee"),
    ("Refund pending: https://o2-refund.com", "domain.brand_in_foreign", "o2"),
    ("Loyalty reward: https://att-rewards.com", "domain.brand_in_foreign", "att"),
    ("Refund: https://irs-refund.com/form", "domain.brand_in_foreign", "irs"),
    ("Your benefits are suspended: https://ssa-gov.online", "domain.brand_in_foreign", "ssa"),
    ("Sign in: https://www.paypa1.com/signin", "domain.typosquat", "paypal"),
    ("Sign in: https://wellsfarg0.com", "domain.typosquat", "usbanks"),
    ("Sign in: https://natwesst.com/login", "domain.typosquat", "natwest"),
    ("Sign in: https://santandr.co.uk", "domain.typosquat", "santander"),
    ("Your page will be disabled: https://faceb00k.com/appeal", "domain.typosquat", "facebook"),
    ("Copyright notice: https://lnstagram.com/verify", "domain.typosquat", "instagram"),
    ("Unpaid toll: https://ezpass-ny.xyz", "domain.typosquat", "ezpass"),
    ("Wallet locked: https://coinbasse.com", "domain.typosquat", "coinbase"),
]


@pytest.mark.parametrize(("text", "rule_id", "key"), LOOKALIKES)
def test_lookalikes_of_global_brands_fire(text: str, rule_id: str, key: str) -> None:
    fired = _fired(text)
    assert rule_id in fired, (text, fired)
    assert "allow.official_links_only" not in fired
    host = _context(text).urls[0].host
    brand = brand_token_in(host) if rule_id == "domain.brand_in_foreign" else typosquat_of(host)
    assert brand is not None
    assert brand.key == key, (text, brand.key)


OFFICIAL: list[str] = [
    # Protected brands' own domains.
    "Your order has shipped: https://www.amazon.ca/gp/your-account/order-history",
    "Track it: https://a.co/d/3xYz12",
    "Deal of the day: https://amzn.to/3AbCdEf",
    "Track your parcel: https://tools.usps.com/go/TrackConfirmAction",
    "Your parcel is on its way: https://www.royalmail.com/track-your-item",
    "Your parcel is on its way: https://www.evri.com/track/parcel/H00A1B2C3",
    "Delivery today: https://www.dpd.co.uk/apps/tracking",
    "Delivery notice: https://www.canadapost-postescanada.ca/track",
    "Track it: https://auspost.com.au/mypost/track",
    "Sign in to online banking: https://www.hsbc.co.uk/online",
    "Your statement: https://www.wellsfargo.com/online-banking",
    "Your statement is ready: https://www.chase.com/personal",
    "Card activity: https://www.capitalone.com/sign-in",
    "Your card: https://www.americanexpress.com/en-us/account",
    "Your statement: https://www.discover.com/credit-cards",
    "Online banking: https://www.td.com/ca/en/personal-banking",
    "NetBank: https://www.commbank.com.au/netbank",
    "You received $20: https://venmo.com/account",
    "You received $20: https://cash.app/account",
    "Security alert: https://www.coinbase.com/settings",
    "New sign-in: https://myaccount.google.com/notifications",
    "Someone logged in: https://www.facebook.com/settings",
    "Your invoice: https://www.paypal.com/myaccount/summary",
    "Sign the document: https://na3.docusign.net/Signing/StartInSession.aspx",
    "Your bill is ready: https://www.verizon.com/signin",
    "Your bill is ready: https://www.att.com/my",
    "Your bill is ready: https://www.o2.co.uk/myo2",
    "Your bill is ready: https://ee.co.uk/login",
    "Pay your tolls: https://www.e-zpassny.com/vector/account/home",
    "Pay your tolls: https://www.sunpass.com/en/home",
    "Pay your tolls: https://www.bayareafastrak.org/en/home",
    "Pay your tolls: https://www.txtag.org/en/home",
    "Your refund: https://www.irs.gov/refunds",
    "Vehicle tax: https://www.gov.uk/vehicle-tax",
    "Self Assessment: https://www.tax.service.gov.uk/account",
    "My Account: https://www.canada.ca/en/revenue-agency.html",
    "myGov: https://my.gov.au",
    "Book your vaccine: https://www.nhs.uk/conditions/vaccinations",
    # Known services that legitimately send links.
    "Your order has shipped: https://www.chewy.com/app/account/orders",
    "Old Navy: 50% off today only https://oldnavy.gap.com",
    "United: flight UA123 departs on time https://www.united.com/en/us/trips",
    "Your Dasher is on the way: https://www.doordash.com/orders",
    "Your ride receipt: https://www.uber.com/trips",
    "PG&E: outage update https://www.pge.com/outages",
    "Your results are ready: https://www.kp.org/secure",
    "Your booking is confirmed: https://www.booking.com/mybooking",
    "Track your package: https://narvar.com/tracking/acme/ups",
    "Join the meeting: https://zoom.us/j/123456789",
    "New comment: https://github.com/acme/widgets/pull/1",
    "Argos: your order is ready to collect https://www.argos.co.uk/account",
    "Canadian Tire: your order is ready https://www.canadiantire.ca/en/my-account.html",
]


@pytest.mark.parametrize("text", OFFICIAL)
def test_official_links_are_official(text: str) -> None:
    fired = _fired(text)
    assert not fired & _LOOKALIKE_RULES, (text, fired)
    assert "brand.link_mismatch" not in fired
    assert "allow.official_links_only" in fired, (text, fired)


ORDINARY_WORDS: list[str] = [
    "I'll chase the dog round the park later",
    "Our sales target for Q3 is ambitious",
    "Come and discover the new menu this weekend",
    "Discover it for yourself, see you at 8",
    "Life has its ups and downs",
    "Thanks for the top-ups and the follow-ups",
    "The weather outlook for tomorrow is grim",
    "Just google it",
    "I saw her photos on facebook",
    "I'm in Halifax this week for work",
    "Please send us bank details for the refund of your deposit",
    "We managed to nab the last two seats",
    "The best buy of the year is this bike",
    "That joke is so meta",
    "My grandpa's name was Norton",
    "This is the first step",
]


@pytest.mark.parametrize("text", ORDINARY_WORDS)
def test_ordinary_words_claim_no_brand(text: str) -> None:
    assert _context(text).claimed == []


CLAIMS: list[tuple[str, str]] = [
    ("Chase: did you attempt a $400 purchase? Reply YES or NO", "usbanks"),
    ("Your Chase card ending 1234 is locked", "usbanks"),
    ("Congratulations! You won a $500 Target gift card", "target"),
    ("Discover Card alert: unusual activity on your account", "discover"),
    ("EE: your bill could not be paid", "ee"),
    ("O2: your bill is overdue", "o2"),
    ("AT&T: your bill is ready", "att"),
    ("T-Mobile: you have a reward waiting", "tmobile"),
    ("NAB: your card has been blocked", "nab"),
    ("TD Bank: unusual activity detected", "td"),
    ("U.S. Bank alert: card locked", "usbank"),
    ("Halifax: a new payee was added to your account", "halifax"),
    ("Royal Mail: your parcel has a £1.99 fee", "royalmail"),
    ("HMRC: you are due a tax refund", "govuk"),
    ("CRA: you have a pending refund", "cra"),
    ("E-ZPass: you have an unpaid toll", "ezpass"),
    ("SunPass: unpaid toll balance", "sunpass"),
    ("Cash App: you received $500", "cashapp"),
    ("Your Google account was accessed from a new device", "google"),
    ("Meta Business Support: your page violates our policy", "facebook"),
    ("Your Outlook mailbox is full", "microsoft"),
    ("Your UPS package could not be delivered", "carriers"),
    ("Norton 360 renewal invoice #4411", "norton"),
]


@pytest.mark.parametrize(("text", "key"), CLAIMS)
def test_brand_context_claims_the_brand(text: str, key: str) -> None:
    assert key in [brand.key for brand in _context(text).claimed], text


def test_claimed_brand_with_a_foreign_link_is_a_mismatch() -> None:
    fired = _fired("E-ZPass: you have an unpaid toll of $4.15, pay at https://pay-tolls.example")
    assert "brand.link_mismatch" in fired
    result = analyze(
        "Royal Mail: a £1.99 fee is due, pay at https://rm-fee.top/pay", "sms", lang="en"
    )
    assert result["verdict"] != "legitimate"
    assert "brand.link_mismatch" in {reason["rule_id"] for reason in result["reasons"]}


def test_official_link_end_to_end() -> None:
    result = analyze(
        "United: your flight is on time https://www.united.com/trips", "sms", lang="en"
    )
    assert "allow.official_links_only" in {reason["rule_id"] for reason in result["reasons"]}
    assert not _LOOKALIKE_RULES & {reason["rule_id"] for reason in result["reasons"]}


# Genuine domains that merely resemble a brand (a word its label's typos make, a city, a
# substring of a longer word) are neither typosquats nor brand-token lookalikes.
@pytest.mark.parametrize(
    "host",
    [
        "startups.com",
        "revolution.com",
        "gazelle.com",
        "thebay.com",
        "discovery.com",
        "www.halifax.ca",
        "youth.gov",
        "window.com",
        "services.com",
        "meta.wikimedia.org",
        "www.guysandstthomas.nhs.uk",
        "shop.myshopify.com",
        "firstdirect.com",
        "www.first-bus.co.uk",
    ],
)
def test_resemblance_is_no_lookalike(host: str) -> None:
    parsed = split_host(host)
    assert typosquat_of(parsed) is None
    assert brand_token_in(parsed) is None


def test_tables_are_consistent() -> None:
    keys = [brand.key for brand in BRANDS]
    assert len(keys) == len(set(keys))
    # Persisted keys: never renamed or removed.
    for key in ("paypal", "amazon", "apple", "microsoft", "netflix", "carriers", "usbanks", "irs"):
        assert key in keys
    owners: dict[str, str] = {}
    for brand in BRANDS:
        assert brand.mentions.pattern, brand.key
        assert brand.mentions.search("") is None, brand.key
        for domain in brand.domains:
            assert owners.setdefault(domain, brand.key) == brand.key, domain
    # Every domain is a registered domain, or it would never match a link. ("gov.uk" and
    # "nhs.uk" are public suffixes kept from the first table; "bnpparibas" is a dot-brand TLD.)
    legacy = {"gov.uk", "nhs.uk", "bnpparibas"}
    domains = {d for brand in BRANDS for d in brand.domains} | KNOWN_SERVICES
    assert [d for d in sorted(domains - legacy) if split_host(d).registered != d] == []
    for domain in ("google.com", "youtube.com", "facebook.com", "instagram.com", "whatsapp.com"):
        assert domain in KNOWN_SERVICES
    assert len(KNOWN_SERVICES) >= 180
    assert _brand("govuk") == "GOV.UK (HMRC, DVLA)"


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("USPS: your parcel is held, call 1-800-275-8777 to reschedule", False),
        ("USPS: your parcel is held, call 1-888-555-0199 to reschedule", True),
        ("IRS: you owe back taxes, call 202-555-0147 today", True),
        ("IRS: questions? call 1-800-829-1040", False),
    ],
)
def test_official_numbers_of_carriers_and_irs(text: str, fires: bool) -> None:
    assert ("phone.unofficial_callback" in _fired(text)) is fires
