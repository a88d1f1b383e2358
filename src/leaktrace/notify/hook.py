"""The one call ``leaktrace ingest`` makes after its commit (and any other ingest path may).

Light on purpose: without ``notify.db`` nobody ever subscribed, so nothing is imported, opened
or created (no key file appears in a home that only ingests).
"""

from __future__ import annotations

import sqlite3

from leaktrace.config import Settings
from leaktrace.crypto import ServerKey
from leaktrace.errors import LeaktraceError, StoreError
from leaktrace.notify.config import NotifySettings
from leaktrace.notify.db import NOTIFY_DB_FILE
from leaktrace.store import Store

__all__ = ["after_ingest"]


def after_ingest(settings: Settings, store: Store, key: ServerKey) -> int:
    """Queue a notice for each confirmed subscriber (and notified organisation member) found in
    the breaches ingested since the last match; the number queued.

    Delivery is left to ``leaktrace notify deliver`` or the API's courier. A crash between the
    ingest's commit and this call loses nothing: every delivery pass runs the same sweep.
    """
    if not (settings.home / NOTIFY_DB_FILE).exists():
        return 0
    from leaktrace.notify.matching import match_new_breaches
    from leaktrace.notify.service import open_notifier

    notify_settings = NotifySettings(base_url=settings.base_url.rstrip("/"), lang=settings.lang)
    try:
        notifier = open_notifier(settings.home, store, key, notify_settings, region=settings.region)
        try:
            return match_new_breaches(notifier)
        finally:
            notifier.close()
    except (LeaktraceError, sqlite3.Error, OSError) as exc:
        # The breach is committed: say so, and how the notices will still be queued.
        what = exc.message if isinstance(exc, LeaktraceError) else type(exc).__name__
        raise StoreError(
            f"the breach is stored, but its notifications were not queued ({what}); "
            "'leaktrace notify deliver' queues them once this is fixed"
        ) from None
