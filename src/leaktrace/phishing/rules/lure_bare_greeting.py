"""``lure.bare_greeting``: a text that only says hello ("Hi dear", "Hello, are you there?").

Romance and investment ("pig-butchering") scams open with a greeting and nothing else, sent
to many numbers to see who answers; consumer agencies advise leaving such texts from unknown
numbers unanswered. Someone the reader knows says who they are or why they write, so the
rule wants the whole text to be greeting and small talk: 2 of the 5,182 distinct English
legitimate texts of the public training sets are ("Good evening! How are you?"), against none
of the 1,603 of ours. It reads texts only: an e-mail with an empty body is another story
(attachments).
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_MAX_CHARS = 80
# Read on folded text (lower case, no accents). Separators are anything but letters and
# digits: punctuation, emoji, line breaks.
_SEP = r"[^a-z0-9]*"
_HELLO = (
    r"(hi+|hello+|hey+|hiya|greetings|good (morning|afternoon|evening|day|night)|dear|"
    r"my (dear|friend)|friend|there|sir|madam|ma'?am|bonjour|bonsoir|coucou|salut|cher|chere|"
    r"madame|monsieur)"
)
_SMALL_TALK = (
    r"(how (are|r) (you|u)( doing)?( today)?|how have you been|"
    r"how('s| is) (your|ur) (day|week|weekend)( going)?|are (you|u) there|"
    r"(do (you|u) have|have (you|u) got|got) (a )?(minute|moment|sec(ond)?)|"
    r"long time no (see|talk)|"
    r"nice to meet you|is this still your number|(are )?(you|u) (free|busy|available)"
    r"( (now|today))?|what'?s up|(i )?hope (you|u)('re| are) (doing )?well|"
    r"(comment )?(ca va|vous allez bien|tu vas bien)|(tu es|vous etes) (la|dispo(nible)?))"
)
# Matched whole on a short text, so not a prefilter pattern.
_BARE = rx(rf"{_SEP}({_HELLO}{_SEP})+({_SMALL_TALK}{_SEP})*", rule=False)


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "sms":
        return None
    text = ctx.folded.strip()
    if not text or len(text) > _MAX_CHARS or _BARE.fullmatch(text) is None:
        return None
    return text


RULE = Rule(
    rule_id="lure.bare_greeting",
    weight=25,
    explanation={
        "fr": "Le SMS ne fait que saluer, sans dire qui écrit ni pourquoi : les arnaques "
        "sentimentales et à l'investissement commencent ainsi, pour voir qui répond",
        "en": "The text only says hello, without saying who writes or why: romance and "
        "investment scams open this way to see who answers",
    },
    check=_check,
)
