"""``lure.click_here``: "cliquez ici", "click the link below", "tap to".

Weak alone (some real mail says it too), it marks the push to click that every lure ends on.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_CLICK = rx(
    r"cliquez (ici|sur (le|ce) lien)|cliquer (ici|sur (le|ce) lien)|clique ici|"
    r"suivez (ce|le) lien|click (here|below|the link|this link|on the link)|tap (here|the link)|"
    r"follow (the|this) link|visit (the )?link|\bclick\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _CLICK)


RULE = Rule(
    rule_id="lure.click_here",
    weight=8,
    explanation={
        "fr": "Le message pousse à cliquer sur un lien",
        "en": "The message pushes you to click a link",
    },
    check=_check,
)
