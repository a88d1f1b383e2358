"""``brand.link_mismatch``: the message speaks for a protected brand but links elsewhere.

"Assurance Maladie: … renouvelez votre carte sur vitale-envoi.info". The insurer, Doctolib,
the laboratories and the public services link to their own domains; a message in their name
with a link to any other domain is the core of the lures this module exists for. A brand named
only inside the link itself does not count as a claim (that is ``domain.brand_in_foreign``),
nor does a link to the sender's own domain in a mail your server authenticated.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    if not ctx.claimed or not ctx.foreign_urls:
        return None
    # A mail your server authenticated, linking to its sender's own site, speaks for that sender
    # (an IT team's warning that names Microsoft); a brand's name in its display name or its
    # domain is judged by the sender rules.
    elsewhere = ctx.foreign_host_beyond(sender_only_if_authenticated=True)
    return None if elsewhere is None else f"{ctx.claimed[0].name} → {elsewhere}"


RULE = Rule(
    rule_id="brand.link_mismatch",
    weight=25,
    explanation={
        "fr": "Le message parle au nom d'un organisme mais son lien mène vers un autre site",
        "en": "The message speaks for an organisation but its link leads to another site",
    },
    check=_check,
)
