"""Private exposure check: the OPRF + k-anonymity range protocol, client and service.

``HttpTransport`` is imported on first use, so commands that never talk HTTP do not pay for
loading httpx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leaktrace.lookup.advice import advice_for
from leaktrace.lookup.client import CheckResult, Client, InProcessTransport, Transport
from leaktrace.lookup.offline import OfflineTransport
from leaktrace.lookup.ranges_export import ExportReport, document_bytes, etag_of, export_ranges
from leaktrace.lookup.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from leaktrace.lookup.service import LookupService

if TYPE_CHECKING:
    from leaktrace.lookup.http import HttpTransport

__all__ = [
    "CheckResult",
    "Client",
    "ExportReport",
    "HttpTransport",
    "InProcessTransport",
    "LookupService",
    "MemoryRateLimiter",
    "OfflineTransport",
    "RateLimiter",
    "RedisRateLimiter",
    "Transport",
    "advice_for",
    "document_bytes",
    "etag_of",
    "export_ranges",
]


def __getattr__(name: str) -> Any:
    if name == "HttpTransport":
        from leaktrace.lookup.http import HttpTransport

        return HttpTransport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
