"""``lure.fake_summons``: a police or court summons by e-mail, for a crime against children.

"You are summoned by the Police nationale following a report for child pornography; reply
within 72 hours or a warrant will be issued": the fake summons, signed with the name of a
real police chief or of Europol, frightens its reader into answering, then paying a "fine"
to close the file. Police and courts summon by post or in person, never by an e-mail that
asks for an answer. The rule wants the accusation and the authority in the same few
sentences; the public warnings about this scam name both too, and are cleared by
``allow.prevention_message``.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_ACCUSATION = rx(
    r"\bchild (pornograph\w*|sexual abuse|abuse material)\b|\bpedo-?(pornograph|phil)\w*|"
    r"\b(offen[cs]es?|crimes?) against (minors|children)\b|\bsexual offen[cs]es?\b|"
    r"\bexhibitionnisme\b|\b(bench|arrest) warrant\b|\bcyber-?pornograph\w*|"
    r"\bwarrant (will be|has been|was) issued\b|"
    r"\bmandat d'arret\b|\b(criminal|judicial|legal) proceedings (against|in) (you|your)\b|"
    r"\bpoursuites (judiciaires|penales) (a votre encontre|contre vous)\b"
)
_AUTHORITY = rx(
    r"\b(police|gendarmerie|europol|interpol|fbi|court|tribunal|prosecutor|procureur|"
    r"brigade|commissaire|magistrate|judge|juge|justice|officer|sheriff|deputy|marshal|"
    r"federal agent|ssa|social security administration|irs)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _ACCUSATION, _AUTHORITY, window=4)


RULE = Rule(
    rule_id="lure.fake_summons",
    weight=25,
    explanation={
        "fr": "Une « convocation » de police ou de justice par courriel ou SMS, pour une "
        "accusation grave ou un mandat d'arrêt : la police ne convoque jamais ainsi, c'est une "
        "arnaque",
        "en": "A police or court 'summons' by e-mail or text over a grave accusation or a "
        "warrant: the police never summon anyone that way, this is a scam",
    },
    check=_check,
)
