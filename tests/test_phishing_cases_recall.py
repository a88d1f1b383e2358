"""Cases for the recall rules (generic smishing and phishing signals), and their own checks.

Written for these tests, not taken from any data set. ``tests/test_phishing_rules.py`` merges
:data:`RECALL_CASES` into its table, so each rule here also fires on its positive and stays
quiet on its hard negative there; the tests below check the finer points.
"""

from __future__ import annotations

from leaktrace.phishing import analyze
from leaktrace.phishing.message import parse_message
from leaktrace.phishing.rules import RULES, Context

_HTML_FORM = (
    "From: Service clients <info@banque-secure.example>\nTo: a@example.fr\nSubject: Alerte\n"
    "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
    '<html><body><p>Cher client,</p><form action="http://203.0.113.9/p.php">'
    '<input type="text" name="login"><input type="password" name="pw"></form></body></html>\n'
)
_HTML_NEWSLETTER = (
    "From: Boutique <news@boutique.example>\nTo: a@example.fr\nSubject: Newsletter\n"
    "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
    '<html><body><p>Bonjour Marie,</p><form action="https://boutique.example/search">'
    '<input type="text" name="q"><input type="submit" value="OK"></form></body></html>\n'
)

# rule_id: (positive, negative, channel)
RECALL_CASES: dict[str, tuple[str, str, str]] = {
    "lure.fake_summons": (
        "Vous êtes convoqué par la Police nationale suite à un signalement pour "
        "pédopornographie. Répondez sous 72 heures par courriel.",
        "Attention aux fausses convocations de police pour pédopornographie envoyées par "
        "courriel : la police ne convoque jamais par courriel. Signalez-les sur "
        "cybermalveillance.gouv.fr.",
        "email",
    ),
    "request.crypto_wallet": (
        "Your donation saves lives. Bitcoin: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "Your withdrawal of 0.05 BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq is complete.",
        "sms",
    ),
    "sms.unknown_link": (
        "Your package is on hold, update your address: https://parcel-redelivery-help.com/x",
        "Your parcel is on its way, track it on https://www.laposte.fr/suivi",
        "sms",
    ),
    "phone.premium_number": (
        "Chat NOW 09099726481 hope 2 C U",
        "Mon nouveau numéro fixe : 09 72 11 43 80, appelle-moi ce soir",
        "sms",
    ),
    "lure.job_offer": (
        "We are hiring part-time remote staff, earn $300 per day, contact us on WhatsApp",
        "Job d'été au labo : tu peux déposer ton CV à l'accueil avant vendredi",
        "sms",
    ),
    "lure.generic_greeting": (
        "Dear valued customer, your online banking profile must be updated today.",
        "Dear Marie, your results are available in your patient area.",
        "sms",
    ),
    "email.credential_form": (_HTML_FORM, _HTML_NEWSLETTER, "email"),
    "lure.transfer_check": (
        "Bank Alert: Did you attempt a Zelle payment for the amount of $5,000.00? Reply YES or NO",
        "Chase: Did you attempt a $7.19 purchase at HOME DEPOT with card ending 4521? Reply YES "
        "or NO.",
        "sms",
    ),
    "lure.utility_cutoff": (
        "Duke Energy: A disconnect order was issued for your account. A technician arrives at "
        "3pm unless the balance is paid. Call 1-888-555-0103",
        "Power outage in your area. Crews are on site; we expect to restore power by 5pm.",
        "sms",
    ),
    "spam.gambling": (
        "Fish table game app: win real cash playing from your phone. Download: fishgame-cash.app",
        "Poker night at mine on Friday? Bring snacks, Dave's bringing the chips",
        "sms",
    ),
    "sms.reply_request": (
        "AUTO PROTECTION NOTICE: Final attempt to contact you about your vehicle. Reply YES",
        "Your order has shipped and will arrive Thursday. No need to reply to this text.",
        "sms",
    ),
    "lure.wrong_number": (
        "Hi, is this Megan? It's Tom from the tennis club, we talked last week",
        "Hi Megan, is this ok for Saturday? Tom",
        "sms",
    ),
    "lure.bare_greeting": (
        "Hello dear, how are you doing today? 😊",
        "Hello dear, it's Mum. Dad's flight lands at 6, can you pick him up?",
        "sms",
    ),
    "lure.address_as_name": (
        "From: Mail Admin <admin@mx-notice.example>\nSubject: Storage\n\nDear j.doe@example.org,"
        "\n\nYour mailbox is 98% full. Increase quota: http://quota-up.example/owa\n",
        "From: Shop <news@shop.example>\nSubject: Sale\n\nDear Jane,\n\nOur sale starts today."
        "\n\nThis e-mail was sent to j.doe@example.org.\n",
        "email",
    ),
    "request.code_relay": (
        "I'm sending you a verification code to check you're a real buyer, read it back to me",
        "Your verification code is 481 220. Never share this code with anyone.",
        "sms",
    ),
    "contact.messaging_app": (
        "Part-time job, $300/day. Contact our HR on Telegram @hr_claire_jobs",
        "Transférez ce SMS au 33700 ou signalez-le sur Signal Spam.",
        "sms",
    ),
    "lure.investment": (
        "Join our VIP stock group: members made 260% last month with our buy signals",
        "Your quarterly investment statement is available in your account.",
        "sms",
    ),
    "lure.advance_fee": (
        "I am the barrister of your late relative. He left the sum of USD 7.5 million "
        "unclaimed and you are the beneficiary. Reply to start the transfer of the fund.",
        "The notary has scheduled the reading of grandma's will on Monday at 10.",
        "sms",
    ),
    "request.payment_transfer": (
        "I'm in a meeting. Please buy 5 Google Play gift cards of $100 and send me photos of "
        "the codes on the back.",
        "Happy birthday! We got you a gift card from the bookshop, enjoy.",
        "sms",
    ),
    "lure.extortion": (
        "I hacked your device and recorded you through your webcam. Send $1,200 in bitcoin to "
        "my wallet or the video goes to all your contacts.",
        "New: pay for your coffee with your phone's wallet, and keep your webcam covered.",
        "sms",
    ),
    "spam.pharma_replica": (
        "Cheap meds online, no prescription needed! Order now",
        "Your prescription is ready for pickup at the pharmacy counter.",
        "sms",
    ),
    "email.sender_lookalike": (
        "From: Instagram <security@instagram-copyright.com>\nTo: a@example.com\nSubject: Notice"
        "\n\nWe received a complaint about your account.\n",
        "From: Harmonie Mutuelle <contact@harmonie-mutuelle.fr>\nTo: a@example.com\n"
        "Subject: Notice\n\nVotre attestation est disponible.\n",
        "email",
    ),
    "lure.fine_penalty": (
        "E-ZPass: you have an unpaid toll of $6.99. Pay today to avoid a $50 late fee.",
        "Your toll account was topped up with $25.00. Thank you for travelling with us.",
        "sms",
    ),
    "lure.urgent_favor": (
        "Are you at your desk? I need you to handle a task for me discreetly, I'm in a meeting.",
        "Are you at your desk? The printer on the second floor is fixed.",
        "sms",
    ),
    "allow.sender_own_links": (
        "From: Harbor Pets <orders@harborpets.example>\nTo: a@example.com\nSubject: Shipped\n"
        "Authentication-Results: mx.example.com; spf=pass; dkim=pass; dmarc=pass\n\n"
        "Your order has shipped. Track it at https://shop.harborpets.example/orders/123\n",
        "From: Harbor Pets <orders@harborpets.example>\nTo: a@example.com\nSubject: Shipped\n"
        "Authentication-Results: mx.example.com; spf=pass; dkim=pass; dmarc=pass\n\n"
        "Your order has shipped. Track it at https://parcel-track.example/orders/123\n",
        "email",
    ),
    "lure.family_emergency": (
        "Hi Mum, my phone fell in the sink so this is my new number. Can you help me pay a bill?",
        "Hi Mum, the new phone case arrived, thanks! See you Sunday.",
        "sms",
    ),
    "spam.cold_offer": (
        "Hi, this is Dan with Lakeside Home Buyers. Any chance you'd sell your house on Birch Rd?",
        "Hi, this is Dan, your plumber. I'll be at your house on Birch Rd at 9.",
        "sms",
    ),
    "lure.romance": (
        "My dear love, I got my visa today! But the ticket costs more than I have, can you help "
        "with $600 by Western Union?",
        "My dear friend, thank you for the lovely dinner. The ticket for the concert is in the "
        "drawer.",
        "email",
    ),
    "email.free_mail_sender": (
        "From: Carol Moore <carolmoore.office37@gmail.com>\nSubject: Are you available?\n\n"
        "Do you have a moment? I need your help with something today.",
        "From: Carol Moore <carol.moore@ridgewater.example>\nSubject: Are you available?\n\n"
        "Do you have a moment? I need your help with something today.",
        "email",
    ),
    "email.recipient_domain_service": (
        "From: harbourline.example Webmail <info@ulmgorpel-tile.click>\n"
        "To: <jose@harbourline.example>\nSubject: 4 messages held in quarantine\n\n"
        "Sign in to release them.",
        "From: IT Service Desk <servicedesk@harbourline.example>\n"
        "To: <jose@harbourline.example>\nSubject: 4 messages held in quarantine\n\n"
        "Sign in to release them.",
        "email",
    ),
    "email.locked_attachment": (
        "Hello, please see the attached invoice. Password: 4471",
        "Hello, please see the attached invoice. Your statement PDF opens with your date of birth.",
        "email",
    ),
    "url.free_hosting": (
        "Please pay the customs fee to release your package: https://sites.google.com/view/x8kq1/",
        "Our shared notes are in https://docs.google.com/document/d/1AbC/edit",
        "email",
    ),
    "url.brand_in_path": (
        "Restore access: http://smallbakery.example/images/.paypal/login.php",
        "Restore access: https://smallbakery.example/images/cakes/login.php",
        "email",
    ),
    "lure.call_to_action": (
        "From: Mail Admin <admin@mailbox-service.example>\nSubject: Mailbox full\n\n"
        "Your mailbox is full and incoming messages are held.\n\nRelease messages\n",
        "From: Mail Admin <admin@mailbox-service.example>\nSubject: Mailbox full\n\n"
        "Your mailbox is full and incoming messages are held. Please delete old mail.\n",
        "email",
    ),
    "lure.qr_code": (
        "Your mailbox password expires today. Scan the QR code with your phone to keep it.",
        "Your boarding pass: scan the QR code at the gate. Have a nice flight!",
        "email",
    ),
    "lure.callback_invoice": (
        "Invoice #88213: your Norton 360 subscription has been renewed for $399.99. To cancel "
        "and get a refund, call our billing desk at +1 (833) 555-0142.",
        "Invoice #88213: your subscription has been renewed for $39.99. Manage or cancel it in "
        "your account at https://www.example-antivirus.example/account.",
        "email",
    ),
    "spam.political_fundraising": (
        "URGENT: 500% MATCH active for the next hour! Chip in $5 before midnight.",
        "Reminder: polls are open until 8 pm today. Find your polling place at vote.gov",
        "sms",
    ),
}


def fired(text: str, channel: str) -> set[str]:
    """The rule ids that fire on a message (rules run in order, as the analyzer runs them)."""
    ctx = Context(parse_message(text, channel))  # type: ignore[arg-type]
    for rule in RULES:
        if rule.check(ctx) is not None:
            ctx.fired.add(rule.rule_id)
    return ctx.fired


def test_unknown_link_ignores_words_glued_by_a_missing_space() -> None:
    assert "sms.unknown_link" not in fired("Just now saw your message.it k da", "sms")
    assert "sms.unknown_link" not in fired(
        "Your result is ready: https://www.cerballiance.fr/resultats", "sms"
    )


def test_unknown_link_is_for_sms_only() -> None:
    mail = (
        "Objet : Nouveautés\n\nDécouvrez notre sélection sur https://boutique-nature.com/printemps"
    )
    assert "sms.unknown_link" not in fired(mail, "email")


def test_premium_number_leaves_free_and_shared_numbers() -> None:
    for number in ("0 800 12 34 56", "0820 20 30 40", "3646", "0871 23"):
        assert "phone.premium_number" not in fired(f"Informations : {number}", "sms")
    assert "phone.premium_number" in fired("Infos au 0 892 68 01 23 (0,80 €/min)", "sms")


def test_job_offer_needs_pay_and_a_job() -> None:
    assert "lure.job_offer" not in fired("Earn up to 3 points per day with the app", "sms")
    assert "lure.job_offer" in fired("Travail à domicile, gagnez 150 € par jour, sans CV", "sms")


def test_generic_greeting_reads_only_the_start() -> None:
    body = "Bonjour Paul,\n" + "Votre commande est expédiée. " * 40 + "\nCher client, merci."
    assert "lure.generic_greeting" not in fired(body, "sms")


def test_html_in_a_text_plain_part_is_read_as_html() -> None:
    raw = _HTML_FORM.replace("text/html", "text/plain")
    message = parse_message(raw, "email")
    assert "<form" not in message.body
    assert any(field.startswith("password:") for field in message.form_fields)
    assert "email.credential_form" in fired(raw, "email")


def test_credential_form_flags_the_mail_with_no_allow_signal() -> None:
    result = analyze(_HTML_FORM, "email", lang="en", use_model=False)
    ids = {reason["rule_id"] for reason in result["reasons"]}
    assert "allow.no_data_request" not in ids
    assert result["verdict"] != "legitimate"


def test_deadline_leaves_a_delay_the_sender_promises() -> None:
    assert "lure.deadline" not in fired("Merci, votre commande sera expédiée sous 48 h.", "sms")
    assert "lure.deadline" not in fired("Your order will be shipped within 24 hours.", "sms")
    assert "lure.deadline" in fired("Merci de régulariser sous 48 h.", "sms")
    assert "lure.deadline" in fired("Reply within 24 hours or lose access.", "sms")


def test_job_offer_fee_asked_of_a_recruit() -> None:
    hired = "Your application was successful! Before your first shift, please pay the $49 "
    assert "lure.job_offer" in fired(hired + "background check fee at hire-now.example/fee", "sms")
    no_fee = "Your application was successful! Your first shift is Monday, bring your ID."
    assert "lure.job_offer" not in fired(no_fee, "sms")
    assert "lure.job_offer" not in fired("Your gym renewal fee of $49 is due on Monday.", "sms")


def test_payment_transfer_fake_check() -> None:
    scam = (
        "We've deposited a check for $3,850 into your account to cover your equipment. Once it "
        "clears, please send the funds to our vendor via Zelle."
    )
    assert "request.payment_transfer" in fired(scam, "sms")
    bank = "Your mobile deposit of a check for $3,850 was accepted. Funds are available tomorrow."
    assert "request.payment_transfer" not in fired(bank, "sms")


def test_a_locked_attachment_is_something_asked() -> None:
    text = "Hi,\nPlease see the attached document. Password: 5865\nSteven"
    result = fired(f"From: s@example.net\nSubject: Scanned document\n\n{text}\n", "email")
    assert "email.locked_attachment" in result
    assert "allow.no_data_request" not in result


def test_unknown_link_on_a_new_gtld_or_a_made_up_name() -> None:
    for text in (
        "Holiday deal: 7 nights in Cancun for $299pp. Book: cancun-getaways.travel",
        "Congrats! Claim your tokens at airdrop.claims",
    ):
        assert "sms.unknown_link" in fired(text, "sms")
    assert "sms.unknown_link" not in fired("Le message.it est arrivé", "sms")
