"""The lures that need no link: a reply, a call or a favour is the whole request.

Cases written for these tests. Each check pairs the scam with the ordinary message it imitates.
"""

from __future__ import annotations

import pytest

from leaktrace.phishing import analyze
from leaktrace.phishing.urls import find_urls
from tests.test_phishing_cases_recall import fired


def test_code_sent_by_mistake_is_the_relay_set_up() -> None:
    assert "request.code_relay" in fired(
        "Oops, I typed your number by mistake and a 6 digit code went to your phone. Pls send it",
        "sms",
    )
    assert "request.code_relay" not in fired("Your code is 553 120. It expires in 10 min.", "sms")


def test_money_sent_by_mistake_asked_back() -> None:
    scam = "So sorry, I accidentally sent you $250 on Venmo, could you send it back please?"
    assert "request.payment_transfer" in fired(scam, "sms")
    friend = "I sent you $25 for the pizza, thanks for ordering!"
    assert "request.payment_transfer" not in fired(friend, "sms")


def test_a_fee_to_release_money_is_an_advance_fee() -> None:
    assert "lure.small_payment" in fired(
        "Your $900 refund is ready. Pay the $19 processing fee to release it today.", "sms"
    )
    assert "lure.small_payment" not in fired("Your refund of $900 was processed today.", "sms")


def test_a_cut_off_threat_needs_an_unpaid_bill() -> None:
    scam = "Your electricity will be disconnected in 2 hours due to an unpaid balance. Reply PAY"
    assert "lure.account_suspended" in fired(scam, "sms")
    outage = "Planned work: power will be turned off on Elm St from 9am to 1pm. Thank you."
    assert "lure.account_suspended" not in fired(outage, "sms")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("PayPal: you sent $499.99 to Best Buy. If this was not you, call 1-808-540-2211", True),
        ("Order #5521 of $499.99 was placed. If this was not you, call 1-888-540-2211", False),
        ("PayPal: you sent $499.99. If this was not you, call 1-888-540-2211", True),
        ("PayPal: you sent $499.99. If this was not you, call 1-888-221-1161", False),
        ("Your order #1182 has shipped. Questions? Call 1-808-540-2211", False),
        ("BNP : paiement de 49 € refusé. Si ce n'est pas vous, appelez le 09 69 36 27 38", False),
    ],
)
def test_call_to_dispute_a_charge_on_a_local_number(text: str, flagged: bool) -> None:
    assert ("phone.unofficial_callback" in fired(text, "sms")) is flagged


def test_links_to_an_official_site_do_not_clear_a_call_back() -> None:
    scam = "WELLS FARGO: DID YOU BUY $849.00 AT APPLE.COM? IF NO CALL 202-555-0190 NOW"
    reasons = {r["rule_id"] for r in analyze(scam, "sms", lang="en")["reasons"]}
    assert "phone.unofficial_callback" in reasons
    assert "allow.official_links_only" not in reasons
    assert analyze(scam, "sms", lang="en")["verdict"] != "legitimate"


def test_a_chat_link_is_no_official_link() -> None:
    text = "Join our VIP stock club, our analyst shares free stock picks: wa.me/14155550123"
    found = fired(text, "sms")
    assert "contact.messaging_app" in found
    assert "allow.official_links_only" not in found


def test_no_data_request_does_not_vouch_for_a_pitch() -> None:
    pitch = "Hey, would you take a cash offer for your house on Pine St? We buy as-is."
    assert "allow.no_data_request" not in fired(pitch, "sms")
    assert "allow.no_data_request" in fired("See you at the game tonight!", "sms")
    assert analyze(pitch, "sms", lang="en")["verdict"] != "legitimate"


def test_dating_app_and_newcomer_openers() -> None:
    assert "lure.wrong_number" in fired(
        "Hey it's Kim from Hinge! I deleted the app, text me", "sms"
    )
    assert "lure.wrong_number" in fired(
        "Hi, I'm new in town and I don't know anyone here. Want to be friends?", "sms"
    )
    assert "lure.wrong_number" not in fired("Welcome to the team! Lunch is on us today.", "sms")


def test_grandparent_scam() -> None:
    scam = "Grandpa it's me. I got arrested and need bail money, please don't tell mom and dad."
    assert "lure.family_emergency" in fired(scam, "sms")


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("Verify now: rbc-secure-login.ca.vc", ["rbc-secure-login.ca.vc"]),
        ("Claim: points-rewards.co.to", ["points-rewards.co.to"]),
        ("It was great.Thanks again", []),
        ("Python 3.12.1 is out", []),
    ],
)
def test_bare_hosts_of_three_labels_are_links(text: str, hosts: list[str]) -> None:
    assert [url.host.host for url in find_urls(text)] == hosts


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Reported: USPS redelivery at hxxps://usps-redeliver[.]top/a", "usps-redeliver.top"),
        ("Pay here: tolls-pay(.)xyz/ny", "tolls-pay.xyz"),
        ("Cancel here: hxxp[:]//bank-cancel[dot]com", "bank-cancel.com"),
    ],
)
def test_defanged_links_are_read_as_links(text: str, host: str) -> None:
    found = fired(text, "sms")
    assert "sms.unknown_link" in found
    reasons = analyze(text, "sms", lang="en")["reasons"]
    assert any(host in reason["detail"] for reason in reasons)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Your $800 transfer is on hold. Complete it with a $20 activation fee.",
            "lure.small_payment",
        ),
        (
            "Your portfolio shows $12,400 profit. Pay the withdrawal tax to receive it.",
            "lure.investment",
        ),
        ("Thanks for paying your bill! Please accept this gift: bill-gift.example/x", "lure.prize"),
        ("Answer 4 quick questions and get a $100 gift, reply YES", "lure.prize"),
        (
            "You qualify for a $50,000 grant, no repayment required. Reply to start.",
            "spam.cold_offer",
        ),
        ("Hey, I saw your land on Route 9. Would you sell it? Cash offer.", "spam.cold_offer"),
        (
            "Hi, I'm a recruiter. Your profile fits our online position. Paid $400/day.",
            "lure.job_offer",
        ),
        ("We need a package reshipper, $2,800/month, work from home.", "lure.job_offer"),
        ("I'm a lonely widow looking for a sincere man. Are you single?", "lure.romance"),
        (
            "Mom I'm in trouble, I need $600 for a bill today, send it on Zelle?",
            "lure.family_emergency",
        ),
        (
            "Selling the bike? I'm sending you a code to check you're real, tell me it",
            "request.code_relay",
        ),
        ("Help flood victims: donate on Cash App to $FloodHelpNow", "request.payment_transfer"),
        ("Hi, this is Amy. We met at the wine tasting, do you remember me?", "lure.wrong_number"),
        ("Your Democrat membership expires tonight, renew now!", "spam.political_fundraising"),
    ],
)
def test_reply_lures_written_other_ways(text: str, rule: str) -> None:
    assert rule in fired(text, "sms")


@pytest.mark.parametrize(
    "text",
    [
        "Hi honey, I got a new phone but kept the same number. Love, Mom",
        "Here are the photos from Saturday! https://photos.app.goo.gl/Xk2n8bQe4RtLm9",
        "Your refund of $12.40 was processed. No action needed.",
        "Congrats on the new job! Let's celebrate Friday.",
    ],
)
def test_their_ordinary_look_alikes_stay_legitimate(text: str) -> None:
    assert analyze(text, "sms", lang="en")["verdict"] == "legitimate"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Toll notice: there is an unpaid balance on your plate. Reply for details",
            "lure.fine_penalty",
        ),
        ("A red light camera recorded your car. Citation pending.", "lure.fine_penalty"),
        ("Struggling with high interest? One low monthly payment. Text YES", "spam.cold_offer"),
        ("You qualify for a free government phone! Reply YES", "spam.cold_offer"),
        ("I'm a cash buyer for homes in your area, would you sell?", "spam.cold_offer"),
        ("Join my options trading group, 85% win rate last month", "lure.investment"),
        ("Rate app reviews from home, 20 minutes a day, pay is daily. Reply 1", "lure.job_offer"),
        ("Sir you are win the gift, send you address", "lure.prize"),
        (
            "This is the Social Security office: your SSN has been suspended. Call us.",
            "lure.account_suspended",
        ),
        (
            "Dear customer your parcel wait at center, pls pay small fee for deliver",
            "lure.small_payment",
        ),
        ("You have a pending deposit of $1,850. Reply Y to accept", "lure.reimbursement"),
        ("Hi dear, I saw you on Facebook, can we be friends?", "lure.wrong_number"),
    ],
)
def test_plain_looking_spam_written_other_ways(text: str, rule: str) -> None:
    assert rule in fired(text, "sms")


def test_a_deposit_received_is_no_refund_lure() -> None:
    text = "Navy Federal: your direct deposit of $1,210.00 has been received."
    assert "lure.reimbursement" not in fired(text, "sms")


@pytest.mark.parametrize(
    "text",
    [
        "omg sorry i typed my number wrong and the code went to you, can you pls send it to me",
        "Your login code was sent to you in error. Please reply with it so we can fix it.",
        "Hey its Jake, my phone won't get codes, I used your number. Did you get one? send it",
    ],
)
def test_code_relay_set_ups(text: str) -> None:
    assert "request.code_relay" in fired(text, "sms")


def test_code_relay_leaves_codes_sent_to_you_for_you() -> None:
    mine = "Your verification code is 551203. It was sent to your phone at your request."
    assert "request.code_relay" not in fired(mine, "sms")
    work = "Sorry, I used your number as my emergency contact at the gym. The door code is 4411."
    assert "request.code_relay" not in fired(work, "sms")


@pytest.mark.parametrize(
    "text",
    [
        "Mum I've had to get a new sim, old one is not working. Can you text me back on here pls",
        "Mum? its me. I'm locked out of my bank and need to pay for something urgently £640",
    ],
)
def test_family_emergency_sim_and_its_me(text: str) -> None:
    assert "lure.family_emergency" in fired(text, "sms")


def test_family_emergency_leaves_a_relative_who_asks_nothing() -> None:
    assert "lure.family_emergency" not in fired("Mum? I'm home, see you at dinner", "sms")


@pytest.mark.parametrize(
    "text",
    [
        "My dearest, I got approved for leave but I need to pay $1,500 for the leave form.",
        "Good evening handsome, how was your day? I wished you were here. Do you have Telegram?",
        "We only talked for 3 weeks but I feel like I've known you forever. Send me your email",
    ],
)
def test_romance_openers(text: str) -> None:
    assert "lure.romance" in fired(text, "sms")


def test_romance_leaves_a_partner() -> None:
    text = "Good morning handsome, wish you were here. Dinner at 7? I'll pay this time x"
    assert "lure.romance" not in fired(text, "sms")


@pytest.mark.parametrize(
    "text",
    [
        "Medicare: You may qualify for a new Medicare card with extra benefits. Reply YES",
        "Did you receive your new $0 premium plan? Reply YES to learn more",
        "Hi, it's Sarah. We tried reaching you about your $40,000 line of credit.",
        "Is your business listed correctly on Google? We can get you to #1. Reply INFO",
    ],
)
def test_cold_offers_health_plans_credit_and_rankings(text: str) -> None:
    assert "spam.cold_offer" in fired(text, "sms")


def test_cold_offer_leaves_what_you_asked_for() -> None:
    for text in (
        "Your Medicare Part B premium for March is $174.70, paid from account ending 4411.",
        "Hi, we tried reaching you about your appointment on Monday, please call us back.",
    ):
        assert "spam.cold_offer" not in fired(text, "sms")


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("lure.urgent_favor", "Hi Carl, are you busy? I need a favour."),
        (
            "lure.urgent_favor",
            "Good morning, I have a pending task I want you to carry out for me.",
        ),
        ("lure.advance_fee", "I have a lucrative deal. It concerns a dormant account in my bank."),
        ("lure.advance_fee", "I am waiting at the airport. The clearance fee is only $1,250."),
        (
            "lure.callback_invoice",
            "Attached is the receipt for your order of Norton 360, $399."
            " If you did not authorize this purchase call + 1 (855) 331 0535.",
        ),
        ("lure.fine_penalty", "You failed to appear for jury service. A bench warrant may issue."),
        (
            "lure.extortion",
            "I recorded you. If I see the payment, the video goes to every contact.",
        ),
        ("request.payment_transfer", "Please wire the retainer to the law firm today, $85,000."),
        ("request.payment_transfer", "Can you change my direct deposit info before next payday?"),
        (
            "request.payment_transfer",
            "Is the item still available? Payment will be by certified check.",
        ),
        (
            "request.payment_transfer",
            "Has the check arrived? Please deposit it and send the balance of $1,875 to the mover.",
        ),
        (
            "spam.pharma_replica",
            "Diplomas from non-accredited universities, based on your life experience.",
        ),
        ("spam.cold_offer", "We give out loans to individuals and companies at 2% interest rate."),
        ("lure.job_offer", "Mystery Shopper needed in your area, each assignment pays $300."),
    ],
)
def test_scams_without_a_link(rule_id: str, text: str) -> None:
    assert rule_id in fired(text, "sms")


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("lure.urgent_favor", "Are you busy tonight? Dinner at ours at 8."),
        ("lure.advance_fee", "The delivery fee of the sofa was included, it arrives Monday."),
        (
            "lure.fine_penalty",
            "Thanks for doing jury service last month, here is your certificate.",
        ),
        ("lure.extortion", "I recorded the kids' concert, the video goes on the family drive."),
        ("request.payment_transfer", "Your direct deposit of $2,431.18 was received."),
        ("request.payment_transfer", "Thanks, I deposited your check for the rent today."),
        ("spam.cold_offer", "Your loan application for $12,000 was received; we will call you."),
        ("lure.job_offer", "Our store was visited by a mystery guest who loved the service."),
    ],
)
def test_their_ordinary_neighbours(rule_id: str, text: str) -> None:
    assert rule_id not in fired(text, "sms")


def test_an_authenticated_free_mailbox_is_no_known_sender() -> None:
    auth = "Authentication-Results: mx.example.net; spf=pass; dkim=pass header.d={d}; dmarc=pass"
    body = "Subject: Loan\nContent-Type: text/plain\n\nWe give out loans at 2% interest.\n"
    free = f"From: Lenders <private.lenders@outlook.com>\n{auth.format(d='outlook.com')}\n{body}"
    assert "allow.known_sender" not in fired(free, "email")
    bank = f"From: Chase <alerts@chase.com>\n{auth.format(d='chase.com')}\n{body}"
    assert "allow.known_sender" in fired(bank, "email")


@pytest.mark.parametrize(
    "text",
    [
        "ETH: 0x7d76d02234a5be15c93e008acd187d87f72f8dd8",
        "Send 0.1 BTC to my wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq today.",
        "USDT (TRC20): TMb2FbpDdgtr46Lzvmizg761i5gQ6FVQeo",
    ],
)
def test_crypto_wallets(text: str) -> None:
    assert "request.crypto_wallet" in fired(text, "sms")


def test_a_reference_of_a_wallets_shape_is_not_one() -> None:
    order = "Order 1BoatSLRHtKNngkdXEeobR76b53LETtpyT has shipped, track it in the app."
    assert "request.crypto_wallet" not in fired(order, "sms")


def test_romance_hello_my_dear_and_a_favour_in_a_minute() -> None:
    soldier = "Hello my dear, my commander said the leave form costs $780. Please help me."
    assert "lure.romance" in fired(soldier, "sms")
    assert "lure.urgent_favor" in fired("Got a minute? I need a quick favor.", "sms")
    assert "lure.urgent_favor" not in fired("Got a minute? The report looks great.", "sms")


def test_reply_to_of_an_authenticated_signing_service_is_no_diversion() -> None:
    def mail(sender: str, domain: str) -> str:
        return (
            f"From: Sven via Service <{sender}>\nReply-To: sven@alderstone.example\n"
            f"Authentication-Results: mx.example.net; spf=pass; dkim=pass header.d={domain}; "
            "dmarc=pass\nSubject: Please sign\nContent-Type: text/plain\n\nReview the document.\n"
        )

    assert "email.header_mismatch" not in fired(mail("dse@docusign.net", "docusign.net"), "email")
    assert "email.header_mismatch" in fired(mail("police21@icloud.com", "icloud.com"), "email")


def test_a_collection_for_a_colleague_is_not_political() -> None:
    gift = "A few of us are getting a gift for Minh. If you'd like to chip in, any amount is great."
    assert "spam.political_fundraising" not in fired(gift, "sms")
    assert "spam.political_fundraising" in fired("Chip in $5 before midnight!", "sms")


def test_ssa_suspension_removal_threat_and_if_not_you_callback() -> None:
    ssa = "Hi, this is the Social Security office. Your number has been suspended, call us back"
    assert "lure.account_suspended" in fired(ssa, "sms")
    uscis = "USCIS: missing documents may result in removal proceedings."
    assert "lure.deadline" in fired(uscis, "sms")
    order = "Best Buy: Order #4820 for a 65in TV will ship today. If not you, call 1-844-228-6103"
    assert "lure.callback_invoice" in fired(order, "sms")
    shipped = "Best Buy: Order #4820 will ship today. Track it in the app."
    assert "lure.callback_invoice" not in fired(shipped, "sms")


def test_webmail_lure_in_the_passive_and_wallet_keys() -> None:
    webmail = (
        "Due to the recent upgrade of our email server, all accounts must be verified. Accounts "
        "not verified by Tuesday will be removed from the server."
    )
    found = fired(webmail, "sms")
    assert {"lure.verify_account", "lure.mailbox_document", "lure.deadline"} <= found
    it = "Your account has been verified. The email server upgrade finished last night."
    assert "lure.verify_account" not in fired(it, "sms")
    drainer = "You are eligible for the airdrop. Connect your wallet to claim your tokens."
    assert "request.credentials" in fired(drainer, "sms")
    safe = "Ledger will never ask you to share your 24-word recovery phrase."
    assert "request.credentials" not in fired(safe, "sms")


def test_the_blackmailers_never_is_no_warning() -> None:
    scam = (
        "You have one day. If I see the payment, everything is deleted and you never hear from "
        "me. If not, the video goes to every contact you have."
    )
    assert "lure.extortion" in fired(scam, "email")
    warning = (
        "Never pay: a message saying the video goes to every contact you have unless you make "
        "the payment is a mass-mailed bluff."
    )
    assert "lure.extortion" not in fired(warning, "email")


def test_a_dying_benefactor_is_an_advance_fee_story() -> None:
    scam = (
        "I am Mrs. Elena Petrova. I am 68 years old and suffering from a long-time illness. I "
        "have decided to donate my $2,500,000 to charity through you."
    )
    assert "lure.advance_fee" in fired(scam, "email")
    appeal = "Our hospice cares for people suffering from a terminal illness. Donate today."
    assert "lure.advance_fee" not in fired(appeal, "email")


def test_the_romance_money_story_may_come_a_few_sentences_later() -> None:
    scam = (
        "My dearest,\n\nI have been thinking about you all day. The connection here is terrible "
        "so I can only write in the evenings. I have good news, my contract ends next month. "
        "I will finally be able to come and see you.\n\nThere is one problem, the company holds "
        "my pay until I settle the customs duty on my equipment, $3,850. Could you help me?"
    )
    assert "lure.romance" in fired(scam, "email")
    family = (
        "My dearest,\n\nWe landed safely. The flight was long. The children slept. Grandma met "
        "us at the gate. The weather is lovely.\n\nCustoms took an hour, and the taxi cost us "
        "$40. Love you!"
    )
    assert "lure.romance" not in fired(family, "email")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("$ALTX about to go parabolic 🚀 Press release drops Monday. Get in before 9:30am.", True),
        ("Ths stock is about to expllode!! Price now: 2.32 Expected: 8.93 in 5 days", True),
        ("This could be the biggest gainer of the year. SUIM.PK 2.32", True),
        ("Markets: the Nasdaq closed up 1.2% as chip stocks led gains.", False),
        ("Get in before 9:30am tomorrow, the doors open early for the sale.", False),
    ],
)
def test_pump_and_dump_wording(text: str, flagged: bool) -> None:
    assert ("lure.investment" in fired(text, "sms")) is flagged


def test_a_hold_placed_on_a_card_is_a_block() -> None:
    scam = "Navy Federal: Hold placed on debit card ending 2290 (unusual use). Call 1-866-555-0184"
    assert "lure.account_suspended" in fired(scam, "sms")
    pickup = "Your library hold is ready for pickup at the Main St branch."
    assert "lure.account_suspended" not in fired(pickup, "sms")


def test_a_number_put_in_for_someone_elses_code() -> None:
    scam = (
        "hey my phone won't get texts. I put your number in to get my Venmo code. what did it say?"
    )
    assert "request.code_relay" in fired(scam, "sms")
    note = "I put your number in the school's contact list as my backup, hope that's ok"
    assert "request.code_relay" not in fired(note, "sms")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Please confirm your password by replying to this e-mail.", True),
        ("Enter your username and password below to keep your mailbox.", True),
        ("Merci de nous communiquer votre mot de passe pour finaliser.", True),
        # Changing a password, or signing in, is what every IT notice asks.
        ("Reminder: please update your password before Friday, it expires in 5 days.", False),
        ("Sign in with your usual username and password at the intranet from Monday.", False),
        ("Pensez à mettre à jour votre mot de passe avant vendredi.", False),
    ],
)
def test_a_password_handed_over_not_a_password_changed(text: str, flagged: bool) -> None:
    assert ("request.credentials" in fired(text, "email")) is flagged
