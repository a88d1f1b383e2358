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
        "fr": "Transférez ce SMS au 33700 (gratuit) pour le signaler, puis supprimez-le.",
        "en": "Forward this SMS to 33700 (free, French operators' spam reporting), then delete it.",
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
    "fine": {
        "fr": "Aucun signe de fraude détecté. Par prudence, ouvrez vos comptes en tapant "
        "vous-même l'adresse officielle plutôt qu'en suivant un lien.",
        "en": "No sign of fraud found. To be safe, open your accounts by typing the official "
        "address yourself rather than following a link.",
    },
}
_BANK = frozenset({"request.bank_details", "lure.small_payment"})
_SECRETS = frozenset({"request.credentials", "request.nir"})


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
        if "personal.details_quoted" in fired:
            keys.append("leak")
        if _BANK & set(fired):
            keys.append("bank")
        if _SECRETS & set(fired):
            keys.append("password")
    return [_TEXTS[key][lang] for key in keys]
