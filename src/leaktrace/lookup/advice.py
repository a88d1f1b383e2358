"""What to do, per exposed data class, in French and English: a versioned table.

Each item has a stable ``id`` (clients may key translations or icons on it; never reuse an id
for a different meaning) and the data classes it answers. Bump :data:`ADVICE_VERSION` when a
text changes meaning; wording fixes keep the version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leaktrace.errors import InputError
from leaktrace.store import data_classes as dc

__all__ = ["ADVICE", "ADVICE_VERSION", "LANGS", "Advice", "advice_for", "label", "message"]

ADVICE_VERSION = 1
LANGS = ("fr", "en")


@dataclass(frozen=True, slots=True)
class Advice:
    id: str
    data_classes: tuple[str, ...]  # empty: applies to any exposure
    fr: str
    en: str


_INSURER = (dc.NIR, dc.INSURANCE)
_MEDICAL = (dc.MEDICAL_RECORDS, dc.MEDICAL_CONDITIONS)

# Order is display order: the most pressing first.
ADVICE: tuple[Advice, ...] = (
    Advice(
        "nir-insurer-lures",
        _INSURER,
        "Attendez-vous à des messages au nom de l'Assurance Maladie (ameli) ou de votre mutuelle "
        "qui citent votre numéro de sécurité sociale pour paraître authentiques. L'Assurance "
        "Maladie ne demande jamais de code, de mot de passe ni de coordonnées bancaires par SMS "
        "ou par courriel.",
        "Expect messages in the name of the Assurance Maladie (ameli) or your mutuelle that quote "
        "your social security number to look genuine. The health insurer never asks for a code, "
        "a password or bank details by SMS or email.",
    ),
    Advice(
        "nir-ameli-account",
        _INSURER,
        "Changez le mot de passe de votre compte ameli (en tapant vous-même ameli.fr) et activez "
        "la validation en deux étapes ; vérifiez que le RIB et les coordonnées enregistrés sont "
        "toujours les vôtres.",
        "Change your ameli account password (typing ameli.fr yourself) and turn on two-step "
        "verification; check that the bank details and contact details on the account are "
        "still yours.",
    ),
    Advice(
        "phone-smishing",
        (dc.PHONE,),
        "Attendez-vous à des SMS frauduleux (carte Vitale à renouveler, remboursement, colis, "
        "amende). Ne rappelez jamais un numéro donné dans un SMS et n'ouvrez pas ses liens : le "
        "numéro de l'Assurance Maladie est le 3646.",
        "Expect fraudulent SMS (Carte Vitale renewal, refund, parcel, fine). Never call back a "
        "number given in an SMS and never open its links: the Assurance Maladie's number is 3646.",
    ),
    Advice(
        "phone-report-33700",
        (dc.PHONE,),
        "Signalez un SMS suspect en le transférant au 33700 (gratuit), puis supprimez-le.",
        "Report a suspicious SMS by forwarding it to 33700 (free), then delete it.",
    ),
    Advice(
        "email-phishing",
        (dc.EMAIL,),
        "Attendez-vous à des courriels d'hameçonnage : vérifiez le domaine de l'expéditeur (un "
        "domaine ressemblant, comme ameli-remboursement.com, est un faux), n'ouvrez pas de pièce "
        "jointe inattendue et allez sur vos comptes en tapant vous-même leur adresse.",
        "Expect phishing emails: check the sender's domain (a look-alike such as "
        "ameli-refund.com is fake), do not open unexpected attachments, and reach your accounts "
        "by typing their address yourself.",
    ),
    Advice(
        "email-report-signal-spam",
        (dc.EMAIL,),
        "Signalez les courriels d'hameçonnage sur signal-spam.fr.",
        "Report phishing emails on signal-spam.fr.",
    ),
    Advice(
        "medical-targeted-lures",
        _MEDICAL,
        "Des escrocs peuvent citer vos dates d'examen, votre laboratoire ou vos résultats : ces "
        "détails viennent de la fuite et ne prouvent pas qu'un message est authentique. "
        "Joignez le laboratoire ou votre médecin à un numéro que vous connaissez déjà.",
        "Fraudsters may quote your exam dates, your laboratory or your results: these details "
        "come from the leak and do not prove a message is genuine. Reach the laboratory or "
        "your doctor on a number you already know.",
    ),
    Advice(
        "medical-blackmail",
        _MEDICAL,
        "Si l'on menace de publier vos données médicales contre paiement, ne payez pas et ne "
        "répondez pas : gardez les messages et portez plainte (police, gendarmerie).",
        "If someone threatens to publish your medical data unless you pay, do not pay and do "
        "not answer: keep the messages and report it to the police or gendarmerie.",
    ),
    Advice(
        "bank-check-account",
        (dc.BANK,),
        "Vérifiez vos relevés (prélèvements ou virements non autorisés) et prévenez votre banque "
        "que vos coordonnées bancaires ont fuité ; un prélèvement SEPA non autorisé se conteste "
        "pendant 13 mois.",
        "Check your statements for debits or transfers you did not authorise and tell your bank "
        "your account details leaked; an unauthorised SEPA direct debit can be disputed for "
        "13 months.",
    ),
    Advice(
        "password-change",
        (dc.PASSWORDS,),
        "Changez ce mot de passe partout où vous l'utilisez et activez la validation en deux "
        "étapes quand elle est proposée.",
        "Change this password wherever you use it and turn on two-step verification where offered.",
    ),
    Advice(
        "identity-details",
        (dc.NAMES, dc.DOB, dc.ADDRESS, dc.GENDER),
        "Un appel ou un message qui connaît votre nom, votre date de naissance ou votre adresse "
        "n'est pas authentique pour autant : raccrochez et rappelez l'organisme à son numéro "
        "habituel.",
        "A call or message that knows your name, date of birth or address is not genuine for "
        "that: hang up and call the organisation back on its usual number.",
    ),
    Advice(
        "help-cybermalveillance",
        (),
        "Aide et signalement des escroqueries : cybermalveillance.gouv.fr.",
        "Help and scam reporting: cybermalveillance.gouv.fr.",
    ),
)

_LABELS_FR = {
    dc.EMAIL: "Adresses e-mail",
    dc.PHONE: "Numéros de téléphone",
    dc.NAMES: "Noms",
    dc.DOB: "Dates de naissance",
    dc.ADDRESS: "Adresses postales",
    dc.NIR: "Numéros de sécurité sociale",
    dc.GENDER: "Sexe",
    dc.INSURANCE: "Informations d'assurance maladie",
    dc.MEDICAL_RECORDS: "Dossiers médicaux",
    dc.MEDICAL_CONDITIONS: "Pathologies",
    dc.PASSWORDS: "Mots de passe",
    dc.BANK: "Numéros de compte bancaire",
}

_MESSAGES = {
    "en": {
        "email": "email address",
        "phone": "phone number",
        "nir": "social security number",
        "absent": "Your {kind} was not found in any known breach.",
        "present": "Your {kind} was found in {count} breach(es):",
        "breach": "{title} ({name}), breached {date}: {classes}",
        "advice": "What to do",
    },
    "fr": {
        "email": "adresse e-mail",
        "phone": "numéro de téléphone",
        "nir": "numéro de sécurité sociale",
        "absent": "Votre {kind} ne figure dans aucune fuite connue.",
        "present": "Votre {kind} figure dans {count} fuite(s) :",
        "breach": "{title} ({name}), fuite du {date} : {classes}",
        "advice": "Que faire",
    },
}


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise InputError("language must be 'fr' or 'en'")
    return lang


def label(data_class: str, lang: str) -> str:
    """A data class's name for display (HIBP's English name in ``en``)."""
    return _LABELS_FR.get(data_class, data_class) if _check_lang(lang) == "fr" else data_class


def message(lang: str, key: str, **values: object) -> str:
    """A check-output sentence in ``lang``; ``values`` fill its ``{placeholders}``."""
    return _MESSAGES[_check_lang(lang)][key].format(**values)


def advice_for(data_classes: Iterable[str], lang: str) -> list[dict[str, str | None]]:
    """The advice items for these exposed data classes, in table order, each once.

    ``data_class`` is the first exposed class an item answers, or None for general advice
    (given whenever anything was exposed).
    """
    _check_lang(lang)
    exposed = list(dict.fromkeys(data_classes))
    if not exposed:
        return []
    items: list[dict[str, str | None]] = []
    for item in ADVICE:
        matched = [c for c in item.data_classes if c in exposed]
        if item.data_classes and not matched:
            continue
        text = item.fr if lang == "fr" else item.en
        items.append({"id": item.id, "data_class": matched[0] if matched else None, "text": text})
    return items
