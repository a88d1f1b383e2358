"""Private exposure check: the OPRF + k-anonymity range protocol, client and service."""

from __future__ import annotations

from leaktrace.lookup.client import CheckResult, Client, InProcessTransport, Transport
from leaktrace.lookup.service import LookupService

__all__ = ["CheckResult", "Client", "InProcessTransport", "LookupService", "Transport"]
