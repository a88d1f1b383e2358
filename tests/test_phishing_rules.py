"""Every rule fires on a positive example and stays quiet on a hard negative.

Examples written for these tests (not from the French test set); each negative is the closest
legitimate message to its positive that we could think of.
"""

from __future__ import annotations

import pkgutil

import pytest

from leaktrace.phishing import rules as rules_package
from leaktrace.phishing.rules import RULES, RULES_BY_ID
from tests.test_phishing_cases_recall import RECALL_CASES, fired


def _eml(headers: str, body: str, ctype: str = "text/plain") -> str:
    return f"{headers}\nMIME-Version: 1.0\nContent-Type: {ctype}; charset=utf-8\n\n{body}\n"


_AMELI_OK = (
    "From: Assurance Maladie <ne-pas-repondre@assurance-maladie.fr>\nTo: a@example.fr\n"
    "Subject: Info\nAuthentication-Results: mx.example.fr; spf=pass smtp.mailfrom="
    "assurance-maladie.fr; dkim=pass header.d=assurance-maladie.fr; dmarc=pass"
)

# rule_id: (positive, negative, channel)
CASES: dict[str, tuple[str, str, str]] = {
    "url.shortener": (
        "Votre colis vous attend : https://bit.ly/3Zk9Qa",
        "Votre colis vous attend : https://www.laposte.fr/suivi",
        "sms",
    ),
    "url.ip_host": (
        "Mettez à jour votre dossier : http://185.12.44.3/maj",
        "Rendez-vous le 12.03.2024 à 10 h, salle 1.2.",
        "sms",
    ),
    "url.punycode": (
        "Connectez-vous sur https://xn--meli-43d.fr/compte",
        "Connectez-vous sur https://www.ameli.fr/assure",
        "sms",
    ),
    "url.unusual_tld": (
        "Suivi de votre dossier : secure-dossier.xyz/suivi",
        "Suivi de votre dossier : www.service-public.fr/particuliers",
        "sms",
    ),
    "url.credential_path": (
        "Voir : https://dossier-sante.fr/login/verif.php",
        "Voir : https://www.ameli.fr/assure/connexion",
        "sms",
    ),
    "url.userinfo_trick": (
        "Votre espace : https://www.ameli.fr@espace-assure.net/login",
        "Votre espace : https://assure.ameli.fr/PortailAS",
        "sms",
    ),
    "domain.brand_in_foreign": (
        "Détails sur https://ameli.fr-espace.com/releve",
        "Détails sur https://assure.ameli.fr/releve",
        "sms",
    ),
    "domain.typosquat": (
        "Votre document : https://doctollb.fr/doc/12",
        "Votre document : https://www.doctolib.fr/documents",
        "sms",
    ),
    "domain.confusable": (
        "Votre document : https://\u0430meli.fr/doc/12",  # Cyrillic а
        "Votre document : https://ameli.fr/doc/12",
        "sms",
    ),
    "brand.link_mismatch": (
        "Assurance Maladie : votre relevé est disponible sur releve-prestations.net",
        "Assurance Maladie : votre relevé est disponible sur www.ameli.fr",
        "sms",
    ),
    "contact.unknown_channel": (
        "Plus d'infos : promo-printemps.net",
        "Plus d'infos au 3646 ou sur ameli.fr.",
        "sms",
    ),
    "email.header_mismatch": (
        _eml(
            "From: Doctolib <info@doctolib.fr>\nReply-To: support@doctolib-aide.com\nSubject: x",
            "Bonjour, votre rendez-vous est confirmé.",
        ),
        _eml(
            "From: Doctolib <info@doctolib.fr>\nReply-To: support@doctolib.fr\nSubject: x",
            "Bonjour, votre rendez-vous est confirmé.",
        ),
        "email",
    ),
    "email.auth_failure": (
        _eml(
            "From: ameli <info@ameli.fr>\nSubject: x\nAuthentication-Results: mx.example.fr; "
            "spf=fail smtp.mailfrom=ameli.fr; dmarc=fail header.from=ameli.fr",
            "Votre attestation est disponible.",
        ),
        _eml(_AMELI_OK, "Votre attestation est disponible."),
        "email",
    ),
    "email.sender_brand_mismatch": (
        _eml("From: Assurance Maladie <service@remb-assure.net>\nSubject: x", "Bonjour."),
        _eml("From: Assurance Maladie <info@assurance-maladie.fr>\nSubject: x", "Bonjour."),
        "email",
    ),
    "email.link_text_mismatch": (
        _eml(
            "From: x@example.org\nSubject: x",
            '<p><a href="http://espace-assure.top/login">https://www.ameli.fr</a></p>',
            "text/html",
        ),
        _eml(
            "From: x@example.org\nSubject: x",
            '<p><a href="https://www.ameli.fr/assure">https://www.ameli.fr</a></p>',
            "text/html",
        ),
        "email",
    ),
    "email.risky_attachment": (
        "From: x@example.org\nSubject: resultats\nMIME-Version: 1.0\nContent-Type: multipart/"
        'mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nVoir la pièce jointe.\n--b\n'
        'Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="'
        'resultats.pdf.exe"\n\nTVqQ\n--b--\n',
        "From: x@example.org\nSubject: resultats\nMIME-Version: 1.0\nContent-Type: multipart/"
        'mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nVoir la pièce jointe.\n--b\n'
        'Content-Type: application/pdf\nContent-Disposition: attachment; filename="'
        'resultats.pdf"\n\nJVBE\n--b--\n',
        "email",
    ),
    "lure.carte_vitale": (
        "Votre carte Vitale arrive à expiration, commandez la nouvelle.",
        "Pensez à apporter votre carte Vitale et votre ordonnance.",
        "sms",
    ),
    "lure.reimbursement": (
        "Vous avez droit à un remboursement de 84,20 €.",
        "Un remboursement de 84,20 € a été effectué sur votre compte.",
        "sms",
    ),
    "lure.account_suspended": (
        "Votre compte a été suspendu suite à une anomalie.",
        "Votre compte a bien été créé. Bienvenue !",
        "sms",
    ),
    "lure.deadline": (
        "Dernier avis avant la clôture de votre dossier.",
        "Votre dossier est complet, merci.",
        "sms",
    ),
    "lure.small_payment": (
        "Des frais de 1,99 € sont à régler pour la livraison.",
        "Nous ne vous demanderons jamais de payer 1,99 € de frais par SMS.",
        "sms",
    ),
    "lure.prize": (
        "Félicitations, vous avez gagné une carte cadeau !",
        "Merci pour votre achat, à bientôt.",
        "sms",
    ),
    "lure.delivery_problem": (
        "Votre colis n'a pas pu être livré : adresse incomplète.",
        "Votre colis sera livré demain entre 9 h et 12 h.",
        "sms",
    ),
    "lure.verify_account": (
        "Merci de confirmer votre identité pour continuer.",
        "Votre identité a été vérifiée par le guichet, merci.",
        "sms",
    ),
    "lure.security_alert": (
        "Une connexion suspecte a été détectée sur votre espace.",
        "Vous êtes connecté à votre espace.",
        "sms",
    ),
    "lure.mailbox_document": (
        "Your mailbox storage is full, upgrade now.",
        "Your mail has been delivered.",
        "email",
    ),
    "lure.click_here": (
        "Cliquez ici pour continuer.",
        "Appuyez sur le bouton vert de l'appareil.",
        "sms",
    ),
    "lure.free_offer": (
        "Get a free ringtone every week!",
        "Are you free tonight?",
        "sms",
    ),
    "lure.money_offer": (
        "Bad credit? Loans for any purpose, apply now.",
        "I paid back the money I owed you.",
        "sms",
    ),
    "sms.premium_service": (
        "Txt WIN to 87121 to enter, 150p/msg.",
        "Text me when you get home.",
        "sms",
    ),
    "spam.marketing": (
        "Half price line rental this month only!",
        "Half of the cake is left for you.",
        "sms",
    ),
    "spam.adult_dating": (
        "You have a secret admirer, find out who.",
        "My admiration for your work is sincere.",
        "sms",
    ),
    "request.bank_details": (
        "Merci de nous transmettre votre RIB pour le versement.",
        "Nous ne vous demanderons jamais votre RIB par SMS.",
        "sms",
    ),
    "request.nir": (
        "Indiquez votre numéro de sécurité sociale pour valider.",
        "Votre numéro de sécurité sociale figure sur votre carte Vitale.",
        "sms",
    ),
    "request.credentials": (
        "Vous allez recevoir un code par SMS. Communiquez-le au conseiller.",
        "Votre code de confirmation est 123456. Ne le communiquez à personne.",
        "sms",
    ),
    "request.personal_info": (
        "Reply with your name and address to receive your gift.",
        "We posted the parcel to your address.",
        "sms",
    ),
    "phone.unofficial_callback": (
        "Assurance Maladie : merci de rappeler le 09 71 22 33 44.",
        "Assurance Maladie : pour toute question, appelez le 3646.",
        "sms",
    ),
    "personal.details_quoted": (
        "Suite à votre prise de sang du 12/03 au laboratoire Synlab, née le 04/05/1970.",
        "Suite à votre visite, merci de remplir le questionnaire.",
        "sms",
    ),
    "allow.official_links_only": (
        "Votre relevé est sur https://www.ameli.fr/assure",
        "Votre relevé est sur https://ameli-releve.com/assure",
        "sms",
    ),
    "allow.known_sender": (
        _eml(_AMELI_OK, "Votre attestation est disponible."),
        _eml("From: Assurance Maladie <info@ameli.fr>\nSubject: x", "Votre attestation."),
        "email",
    ),
    "allow.prevention_message": (
        "Attention aux faux SMS : signalez-les au 33700.",
        "Votre carte Vitale a été utilisée frauduleusement.",
        "sms",
    ),
    "allow.no_data_request": (
        "Votre rendez-vous de demain est confirmé.",
        "Votre rendez-vous : gérez-le sur rdv-medecin.net",
        "sms",
    ),
    **RECALL_CASES,  # the generic smishing/phishing rules: tests/test_phishing_cases_recall.py
}


def test_every_rule_module_is_registered_and_tested() -> None:
    modules = {m.name for m in pkgutil.iter_modules(rules_package.__path__)}
    modules = {name for name in modules if not name.startswith("_")}  # _base and helpers
    assert len(modules) == len(RULES)
    # The rules that read a text's sender, not its text, pair their cases in test_phishing_sender.
    assert set(CASES) | {"sms.sender_email", "sms.sender_personal_number"} == set(RULES_BY_ID)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.rule_id)
def test_rule_is_documented(rule: object) -> None:
    assert rule in RULES
    assert rule.explanation["fr"]
    assert rule.explanation["en"]
    assert rule.weight != 0  # type: ignore[attr-defined]
    assert rule.rule_id.count(".") == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_positive(rule_id: str) -> None:
    positive, _negative, channel = CASES[rule_id]
    assert rule_id in fired(positive, channel)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_quiet_on_hard_negative(rule_id: str) -> None:
    _positive, negative, channel = CASES[rule_id]
    assert rule_id not in fired(negative, channel)


@pytest.mark.parametrize("host", ["j.mp", "surl.li", "t2m.io", "short.gy", "frama.link", "lstu.fr"])
def test_public_shorteners(host: str) -> None:
    text = f"Votre colis est en attente, suivez-le ici : https://{host}/a8Zk2"
    assert "url.shortener" in fired(text, "sms")
    assert "url.shortener" not in fired("Suivez votre colis sur https://www.laposte.fr", "sms")
