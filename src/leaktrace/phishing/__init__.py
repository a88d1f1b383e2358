"""Phishing triage for leak-personalised health lures (SMS, e-mail text, raw .eml).

``analyze(text_or_bytes, channel)`` returns ``{"verdict", "score", "reasons", "advice"}``:
the verdict comes from explainable rules (:mod:`leaktrace.phishing.rules`, one module per
signal, each with a stable ``rule_id``), optionally nudged by a small text model
(:mod:`leaktrace.phishing.model`). Nothing here prints, reads the environment or touches the
network.
"""

from __future__ import annotations

from leaktrace.phishing.analyze import Analysis, Reason, analyze, analyze_message
from leaktrace.phishing.message import Message, parse_message
from leaktrace.phishing.rules._prefilters import warm_up

__all__ = [
    "Analysis",
    "Message",
    "Reason",
    "analyze",
    "analyze_message",
    "parse_message",
    "warm_up",
]
