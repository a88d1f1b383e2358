"""The texts leaktrace sends, in French and English: (subject, body) pairs.

Breach lines, data-class labels and advice come from :mod:`leaktrace.lookup.advice`, so a mail
says exactly what ``leaktrace check`` says. No text quotes the recipient's address: a message
is only ever read by its recipient, but it also passes through relays and gateways.
"""

from __future__ import annotations

from collections.abc import Sequence

from leaktrace.lookup.advice import advice_for, label, message
from leaktrace.store import Breach
from leaktrace.store.data_classes import from_mask

__all__ = [
    "breach_notice",
    "org_verification",
    "report",
    "verification_code",
    "verification_link",
]

_SMS_ADVICE = 2  # an SMS carries the most pressing items only

_TEXT = {
    "en": {
        "verify_subject": "Confirm your leaktrace alerts",
        "verify": "Someone, hopefully you, asked leaktrace to tell this address when it appears "
        "in a data breach. To confirm, open this link within {hours} hours:\n{url}\n\n"
        "If it was not you, ignore this message: nothing will be sent again.",
        "code": "leaktrace code: {code} (valid {minutes} min). Not you? Ignore this message.",
        "org_subject": "Confirm the leaktrace account of {org}",
        "org": 'Someone, hopefully you, opened a leaktrace group account named "{org}" with '
        "this address. To confirm it and receive its API key, open this link within {hours} "
        "hours:\n{url}\n\nIf it was not you, ignore this message.",
        "report_subject": "Your leaktrace report: {count} breach(es)",
        "report_tail": "You will be told when a new breach containing it is added.",
        "notice_subject": "New data breach: {title}",
        "notice": "Your {kind} was found in a breach that has just been added:",
        "member": "{org} asked leaktrace to warn its members whose data leaked.",
        "sensitive": "(sensitive breach: never shown in public lookups)",
        "unsubscribe": "Stop these messages: {url}",
    },
    "fr": {
        "verify_subject": "Confirmez vos alertes leaktrace",
        "verify": "Quelqu'un, sans doute vous, a demandé à leaktrace de prévenir cette adresse "
        "si elle apparaît dans une fuite de données. Pour confirmer, ouvrez ce lien dans les "
        "{hours} heures :\n{url}\n\nSi ce n'était pas vous, ignorez ce message : rien ne vous "
        "sera plus envoyé.",
        "code": "Code leaktrace : {code} (valable {minutes} min). Pas vous ? Ignorez ce message.",
        "org_subject": "Confirmez le compte leaktrace de {org}",
        "org": "Quelqu'un, sans doute vous, a ouvert avec cette adresse un compte de groupe "
        "leaktrace nommé « {org} ». Pour le confirmer et recevoir sa clé d'API, ouvrez ce lien "
        "dans les {hours} heures :\n{url}\n\nSi ce n'était pas vous, ignorez ce message.",
        "report_subject": "Votre bilan leaktrace : {count} fuite(s)",
        "report_tail": "Vous serez prévenu(e) si une nouvelle fuite la contenant est ajoutée.",
        "notice_subject": "Nouvelle fuite de données : {title}",
        "notice": "Votre {kind} figure dans une fuite qui vient d'être ajoutée :",
        "member": "{org} a demandé à leaktrace de prévenir ses membres dont les données ont fui.",
        "sensitive": "(fuite sensible : jamais affichée dans les recherches publiques)",
        "unsubscribe": "Ne plus recevoir ces messages : {url}",
    },
}


def _t(lang: str, key: str, **values: object) -> str:
    return _TEXT[lang][key].format(**values)


def _footer(lang: str, unsubscribe_url: str) -> str:
    return "\n\n-- \n" + _t(lang, "unsubscribe", url=unsubscribe_url) + "\n"


def _breach_lines(lang: str, exposures: Sequence[tuple[Breach, int]]) -> list[str]:
    lines = []
    for breach, mask in exposures:
        classes = ", ".join(label(c, lang) for c in from_mask(mask or breach.data_classes_mask))
        line = "- " + message(
            lang,
            "breach",
            title=breach.title,
            name=breach.name,
            date=breach.breach_date.isoformat(),
            classes=classes,
        )
        if breach.is_sensitive:
            line += " " + _t(lang, "sensitive")
        lines.append(line)
    return lines


def _advice(lang: str, exposures: Sequence[tuple[Breach, int]], sms: bool) -> list[str]:
    classes = [c for breach, mask in exposures for c in from_mask(mask)]
    items = advice_for(classes, lang)
    if sms:
        items = items[:_SMS_ADVICE]
    return ["", message(lang, "advice") + ":", *(f"- {item['text']}" for item in items)]


def verification_link(lang: str, url: str, hours: int, unsubscribe_url: str) -> tuple[str, str]:
    return _t(lang, "verify_subject"), _t(lang, "verify", url=url, hours=hours) + _footer(
        lang, unsubscribe_url
    )


def verification_code(lang: str, code: str, minutes: int, unsubscribe_url: str) -> tuple[str, str]:
    body = _t(lang, "code", code=code, minutes=minutes) + "\n" + unsubscribe_url
    return "", body


def org_verification(
    lang: str, org: str, url: str, hours: int, unsubscribe_url: str
) -> tuple[str, str]:
    body = _t(lang, "org", org=org, url=url, hours=hours) + _footer(lang, unsubscribe_url)
    return _t(lang, "org_subject", org=org), body


def report(
    lang: str,
    kind: str,
    exposures: Sequence[tuple[Breach, int]],
    unsubscribe_url: str,
    *,
    sms: bool = False,
    org: str | None = None,
) -> tuple[str, str]:
    """Every breach holding the identifier, sensitive ones included, and what to do."""
    what = message(lang, kind)
    lines = [_t(lang, "member", org=org), ""] if org else []
    if exposures:
        lines.append(message(lang, "present", kind=what, count=len(exposures)))
        lines += _breach_lines(lang, exposures) + _advice(lang, exposures, sms)
    else:
        lines.append(message(lang, "absent", kind=what))
    lines += ["", _t(lang, "report_tail")]
    subject = _t(lang, "report_subject", count=len(exposures))
    return subject, "\n".join(lines) + _footer(lang, unsubscribe_url)


def breach_notice(
    lang: str,
    kind: str,
    breach: Breach,
    mask: int,
    unsubscribe_url: str,
    *,
    sms: bool = False,
    org: str | None = None,
) -> tuple[str, str]:
    """One new breach holding the identifier."""
    exposures = [(breach, mask)]
    lines = [_t(lang, "member", org=org), ""] if org else []
    lines.append(_t(lang, "notice", kind=message(lang, kind)))
    lines += _breach_lines(lang, exposures) + _advice(lang, exposures, sms)
    subject = _t(lang, "notice_subject", title=breach.title)
    return subject, "\n".join(lines) + _footer(lang, unsubscribe_url)
