"""``url.userinfo_trick``: ``https://www.ameli.fr@evil.example/`` — the real host is after ``@``.

Everything before ``@`` in a URL is a user name that browsers ignore; putting an official
domain there makes the link *read* as official while it opens another site.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.urls:
        if url.has_userinfo:
            return url.host.host
    return None


RULE = Rule(
    rule_id="url.userinfo_trick",
    weight=35,
    explanation={
        "fr": "Le lien commence par un faux nom de site suivi de « @ » : il ouvre en réalité "
        "un autre site",
        "en": "The link starts with a fake site name followed by '@': it really opens another site",
    },
    check=_check,
)
