"""``lure.deadline``: a short deadline or a threat ("sous 48 h", "dernier avis", "majoration").

Urgency stops people from checking. Public services do set deadlines, so this signal is weak
on its own (low weight) and counts mostly next to others. A time the sender promises itself
("expédiée sous 48 h", "shipped within 24 hours") is no pressure on the reader: that sentence
does not count.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_URGENT = rx(
    r"sous (24|48|72) ?h|dans les (24|48|72) ?h|(24|48|72) ?heures|dernier (avis|rappel|delai)|"
    r"ultime (rappel|relance)|derniere relance|\burgent|immediatement|sans (reponse|action) de "
    r"votre part|mise en demeure|majoration|poursuites|recouvrement|perte de (vos|tous vos) "
    r"droits|sera (definitivement )?(cloture|supprime|suspendu|bloque|desactive|annule)|"
    r"expire (aujourd'hui|ce soir|dans|bientot)|ce soir a minuit|"
    r"within (24|48|72) ?h|expires? (today|soon|in)|final (notice|reminder|warning)|"
    r"last (chance|notice|warning)|act now|immediately|asap|(removal|deportation) proceedings|"
    r"will be (suspended|closed|removed|disabled|deactivated|blocked|"
    r"terminated|locked|deleted|cancell?ed)|legal action|valid (for )?\d+ ?(hrs|hours)|"
    r"failure to [a-z ]{0,40}(will|may|shall) result in|will result in (the |a )?(permanent )?"
    r"(suspension|termination|closure|loss|deactivation)"
)

# Not "reply within 24 hours": that one is asked of the reader.
_PROMISED = rx(
    r"\b(expediee?s?|livree?s?|traitee?s?|preparee?s?|shipped|dispatched|delivered|processed) "
    r"(sous|dans les|within) (24|48|72)"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _URGENT, unless=_PROMISED)


RULE = Rule(
    rule_id="lure.deadline",
    weight=12,
    explanation={
        "fr": "Le message met la pression avec un délai très court ou une menace",
        "en": "The message pressures you with a very short deadline or a threat",
    },
    check=_check,
)
