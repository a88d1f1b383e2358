"""What to do about a message, in French and English, chosen from what the analysis found.

Each piece of advice names a real channel: 33700 for SMS (the operators' spam number, free),
Signal Spam for e-mail, Phishing Initiative for a URL, 3646 to check with the Assurance
Maladie. The texts are fixed sentences: the advice never repeats anything from the message.
"""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["advice_for"]

_TEXTS: dict[str, dict[str, str]] = {
    "never": {
        "fr": "Ne cliquez sur aucun lien, ne répondez pas et ne donnez jamais vos codes, mots de "
        "passe, coordonnées bancaires ou numéro de sécurité sociale.",
        "en": "Do not click any link, do not reply, and never give your codes, passwords, bank "
        "details or social security number.",
    },
    "sms": {
        "fr": "Transférez ce SMS au 33700 (gratuit) sans commentaire, renvoyez le numéro de "
        "l'expéditeur quand le 33700 vous le demande, puis supprimez le SMS.",
        "en": "Forward this SMS to 33700 (free, French operators' spam reporting) with no comment, "
        "send back the sender's number when 33700 asks for it, then delete the SMS.",
    },
    "email": {
        "fr": "Signalez ce courriel sur Signal Spam (www.signal-spam.fr), puis supprimez-le.",
        "en": "Report this e-mail to Signal Spam (www.signal-spam.fr), then delete it.",
    },
    "url": {
        "fr": "Signalez le lien sur Phishing Initiative (www.phishing-initiative.fr) sans "
        "l'ouvrir.",
        "en": "Report the link to Phishing Initiative (www.phishing-initiative.fr) without "
        "opening it.",
    },
    "health": {
        "fr": "En cas de doute, appelez l'Assurance Maladie au 3646 ou connectez-vous vous-même "
        "à votre compte en tapant ameli.fr, jamais par le lien du message.",
        "en": "If in doubt, call the Assurance Maladie on 3646 or log in yourself by typing "
        "ameli.fr, never through the message's link.",
    },
    "leak": {
        "fr": "Ce message connaît des informations sur vous : elles proviennent probablement "
        "d'une fuite de données. Attendez-vous à d'autres tentatives et vérifiez votre "
        "exposition avec « leaktrace check ».",
        "en": "This message knows things about you: they probably come from a data leak. Expect "
        "more attempts and check your exposure with 'leaktrace check'.",
    },
    "bank": {
        "fr": "Si vous avez déjà saisi vos coordonnées bancaires, faites opposition sur votre "
        "carte sans attendre (appelez votre banque) et surveillez vos comptes.",
        "en": "If you already entered your card details, have the card blocked now (call your "
        "bank) and watch your accounts.",
    },
    "password": {
        "fr": "Si vous avez déjà donné un mot de passe ou un code, changez le mot de passe "
        "depuis le site officiel et prévenez le service concerné.",
        "en": "If you already gave a password or a code, change the password on the official "
        "site and tell the service concerned.",
    },
    "code": {
        "fr": "Ne lisez, ne transférez et ne renvoyez jamais un code reçu par SMS, même à un "
        "proche ou à un « conseiller » : c'est la clé de votre compte.",
        "en": "Never read out, forward or send back a code you received, not even to a friend or "
        "an 'adviser': it is the key to your account.",
    },
    "stranger": {
        "fr": "Un inconnu qui engage la conversation puis vous propose un placement, un travail "
        "ou de passer sur WhatsApp ou Telegram est un escroc : ne répondez pas, bloquez le "
        "numéro.",
        "en": "A stranger who starts chatting, then offers an investment, a job or a move to "
        "WhatsApp or Telegram is a scammer: do not answer, block the number.",
    },
    "sender": {
        "fr": "Les organismes écrivent depuis un numéro court ou leur propre nom. Un SMS à leur "
        "nom venant d'un numéro ordinaire, ou un SMS venant d'une adresse e-mail, ne vient pas "
        "d'eux : n'y répondez pas.",
        "en": "Organisations text from a short code or their own name. A text in their name from "
        "an ordinary number, or a text from an e-mail address, did not come from them: do not "
        "answer it.",
    },
    "transfer": {
        "fr": "Avant tout paiement, carte cadeau ou changement de RIB demandé par écrit, "
        "appelez la personne à un numéro que vous connaissez déjà, pas à celui du message.",
        "en": "Before any payment, gift card or change of bank details asked for in writing, "
        "call the person on a number you already know, not one from the message.",
    },
    "relative": {
        "fr": "Un proche qui écrit d'un « nouveau numéro » pour demander de l'argent : appelez-le "
        "à son numéro habituel, ou posez une question que seul lui connaît, avant toute chose.",
        "en": 'A relative writing from a "new number" to ask for money: call them on the number '
        "you already have, or ask something only they would know, before anything else.",
    },
    "unsolicited": {
        "fr": "Ne répondez pas à une offre que vous n'avez pas demandée, même pas « STOP » : "
        "la réponse confirme que le numéro est actif. Bloquez-le et signalez-le au 33700.",
        "en": "Do not answer an offer you never asked for, not even with STOP: any answer "
        "confirms the number is live. Block it and report it (7726 in the US and UK).",
    },
    "extortion": {
        "fr": "Ce chantage est envoyé en masse et bluffe : ne payez pas, ne répondez pas, et "
        "changez le mot de passe qu'il cite s'il est réel. Vous pouvez le signaler sur "
        "cybermalveillance.gouv.fr.",
        "en": "This blackmail is mass-mailed and a bluff: do not pay, do not answer, and change "
        "the password it quotes if it is real. Report it to your national cybercrime service.",
    },
    "fine": {
        "fr": "Aucun signe de fraude détecté. Par prudence, ouvrez vos comptes en tapant "
        "vous-même l'adresse officielle plutôt qu'en suivant un lien.",
        "en": "No sign of fraud found. To be safe, open your accounts by typing the official "
        "address yourself rather than following a link.",
    },
}
# Scam-specific advice, in the order it is given: the key, and the rules any of which calls for it.
_BY_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("leak", frozenset({"personal.details_quoted"})),
    ("bank", frozenset({"request.bank_details", "lure.small_payment"})),
    ("password", frozenset({"request.credentials", "request.nir"})),
    ("code", frozenset({"request.code_relay"})),
    (
        "stranger",
        frozenset(
            {
                "lure.wrong_number",
                "lure.bare_greeting",
                "lure.investment",
                "lure.job_offer",
                "lure.romance",
                "contact.messaging_app",
            }
        ),
    ),
    (
        "transfer",
        frozenset(
            {
                "request.payment_transfer",
                "request.crypto_wallet",
                "lure.urgent_favor",
                "lure.advance_fee",
                "lure.fine_penalty",
            }
        ),
    ),
    ("relative", frozenset({"lure.family_emergency"})),
    ("sender", frozenset({"sms.sender_email", "sms.sender_personal_number"})),
    ("unsolicited", frozenset({"spam.cold_offer", "spam.political_fundraising"})),
    ("extortion", frozenset({"lure.extortion", "lure.fake_summons"})),
)


def advice_for(
    verdict: str, channel: str, fired: Collection[str], *, has_urls: bool, health: bool, lang: str
) -> list[str]:
    """The advice list for a verdict; ``fired`` holds the rule ids that fired."""
    keys: list[str] = []
    if verdict == "legitimate":
        keys.append("fine")
    else:
        keys.append("never")
        keys.append("email" if channel == "email" else "sms")
        if has_urls:
            keys.append("url")
        if health:
            keys.append("health")
        keys += [key for key, rules in _BY_RULES if not rules.isdisjoint(fired)]
    return [_TEXTS[key][lang] for key in keys]
