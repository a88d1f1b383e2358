"""``lure.verify_account``: confirm, update or "regularise" your account, identity or file.

The call to action of credential phishing in both languages: "mettez à jour vos
informations", "confirmez votre identité", "verify your account". Real services ask you to log
in yourself; they do not send you to a form to re-type what they already know.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# Imperatives and infinitives: "votre identité a été vérifiée" reports, it does not ask.
_ACT = rx(
    r"verifi(ez|er)\b|confirm(ez|er)\b|mett(re|ez) a jour|mise a jour|valid(er|ez)\b|"
    r"reactiv(ez|er)\b|regularis(ez|er)\b|complet(er|ez)\b|actualis(ez|er)\b|debloqu(ez|er)\b|"
    r"verify\b|update\b|validate\b|re-?activate\b|restore\b|re-?confirm\b|confirm\b|unlock\b|"
    r"complete (your|the)|re-?register\b|re-?enroll\b"
)
_OBJECT = rx(
    r"compte|identite|informations|donnees|dossier|coordonnees|situation|adresse|profil|espace|"
    r"account|identity|information|details|profile|billing|mailbox|e-?mail|credentials|\bkyc\b|"
    r"\bmfa\b|multi-factor|two-factor|\b2fa\b|authentication methods?|\b(benefits? )?elections\b|"
    r"\bdirect deposit\b|\bpayroll (details|information|account)\b"
)


# The passive of the webmail lure: "all accounts must be verified", "your mailbox needs to be
# upgraded".
_MUST_BE = rx(
    r"\b(accounts?|mailbox(es)?|e-?mail (accounts?|address(es)?)|profiles?)\b[^.\n]{0,20}\b(must|"
    r"needs? to|should|has to|have to|will need to|are required to|is required to) be "
    r"(verified|validated|confirmed|re-?activated|updated|upgraded|re-?validated)\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _ACT, _OBJECT)
    return found if found is not None else first_unnegated(ctx, _MUST_BE)


RULE = Rule(
    rule_id="lure.verify_account",
    weight=15,
    explanation={
        "fr": "Le message vous demande de confirmer ou mettre à jour votre compte ou vos "
        "informations",
        "en": "The message asks you to confirm or update your account or information",
    },
    check=_check,
)
