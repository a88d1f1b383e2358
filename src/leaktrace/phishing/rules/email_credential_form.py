"""``email.credential_form``: the e-mail itself holds a form for a password, card or code.

No bank, insurer or shop asks you to type a password or a card number *into an e-mail*: they
send you to their site, where you log in. An HTML mail with a password field, or fields named
for a card number, its security code, a PIN, a one-time code or a social security number, is a
phishing kit delivered by mail (the form posts to the fraudster's server). The evidence names
the kind of field, never a value: a form in a mail has none.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# Field names, matched on the "type:name" descriptors of the HTML parser.
_SENSITIVE = rx(
    r"^password:|^[a-z]+:.*(pass|pwd|pin\b|pincode|cvv|cvc|cvn|csc|securitycode|ccnum|cardnum|"
    r"card_?number|creditcard|cc_?no|expir|ssn|socialsec|nir|iban|rib|routing|otp|mot_?de_?passe|"
    r"mdp|codesecret|code_?secret)"
)
_LABELS = (
    ("pass", "password"),
    ("pwd", "password"),
    ("mot", "password"),
    ("mdp", "password"),
    ("pin", "PIN"),
    ("cvv", "card security code"),
    ("cvc", "card security code"),
    ("card", "card number"),
    ("cc", "card number"),
    ("ssn", "social security number"),
    ("iban", "bank account"),
)


def _check(ctx: Context) -> str | None:
    for field in ctx.message.form_fields:
        if _SENSITIVE.search(field):
            kind, _, name = field.partition(":")
            if kind == "password":
                return "password"
            return next((label for token, label in _LABELS if token in name), name[:20])
    return None


RULE = Rule(
    rule_id="email.credential_form",
    weight=35,
    explanation={
        "fr": "L'e-mail contient un formulaire qui demande un mot de passe, un code ou une "
        "carte bancaire",
        "en": "The e-mail holds a form asking for a password, a code or a card number",
    },
    check=_check,
)
