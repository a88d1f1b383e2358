"""``request.crypto_wallet``: a cryptocurrency address to pay into.

Sextortion, fake charities after a disaster, "investment" desks and fake support all end on a
wallet address: a payment to it cannot be stopped, reversed or traced to a name. Companies you
deal with send you to their own payment page, not to a bare address. The address must be
named as one (a coin, "wallet", "address") within the line before it, so that an order number
of the same shape is not taken for one; a withdrawal or deposit you made yourself, as an
exchange reports it, or an address added to the reader's own list, is not a request.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# Folded (lower-case) text: Bitcoin legacy and SegWit, Ethereum and its tokens, Tron (USDT).
_WALLET = rx(
    r"\b(bitcoin|btc|eth|ethereum|usdt|trc-?20|erc-?20|tron|crypto|wallet|address|ltc|litecoin|"
    r"monero|xmr)\b[^\n]{0,60}?"
    r"\b(bc1[a-z0-9]{25,60}|[13][a-z0-9]{25,34}|0x[0-9a-f]{40}|t[a-z0-9]{33})\b"
)
# "Your withdrawal of 0.05 BTC to bc1q… is complete": what the reader did, reported back.
# "A new Bitcoin address was added to your approved list": the reader's own address book.
_OWN_MOVE = rx(
    r"\b(your )?(withdrawal|deposit|transfer)\b[^\n]{0,120}\b(complete|completed|confirmed|"
    r"received|processed|successful|credited)\b|\b(address|wallet)\b[^\n]{0,40}\b(was |has been )?"
    r"(added|whitelisted|removed) (to|from) your\b|\bapproved (addresses|address list)\b"
)


def _check(ctx: Context) -> str | None:
    # Anywhere in the message: an exchange's notice puts the address lines below its sentence.
    if ctx.search(_OWN_MOVE) is not None:
        return None
    return first_unnegated(ctx, _WALLET, window=2)


RULE = Rule(
    rule_id="request.crypto_wallet",
    weight=25,
    explanation={
        "fr": "Le message donne une adresse de portefeuille de cryptomonnaie où payer : un tel "
        "paiement ne peut être ni bloqué ni remboursé",
        "en": "The message gives a cryptocurrency wallet address to pay into: such a payment "
        "can never be stopped or refunded",
    },
    check=_check,
)
