"""Delivery in a long-running process (the API): run a pass when asked, never two at once.

Requests that queue a message call :meth:`Courier.kick` after answering; a periodic loop kicks
too, so retries happen without ``leaktrace notify deliver``. A kick during a pass makes that pass
run once more instead of starting a second one, so a message queued mid-pass is not left for the
next tick. Several processes may each run a courier: outbox leases keep them apart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

from leaktrace.notify.senders import Sender
from leaktrace.notify.service import Notifier, deliver

__all__ = ["Courier"]

LOG = logging.getLogger("leaktrace.notify")


class Courier:
    def __init__(self, notifier: Notifier, senders: Mapping[str, Sender] | None = None) -> None:
        self._notifier = notifier
        self._senders = senders  # None: built from the settings, per pass
        self._lock = threading.Lock()
        self._running = False
        self._again = False

    def kick(self) -> None:
        """Deliver what is due, in this thread, unless a pass is already running."""
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
        try:
            while True:
                with self._lock:
                    self._again = False
                try:
                    deliver(self._notifier, self._senders)
                except Exception as exc:
                    # The type only: messages of database or network errors may quote data.
                    LOG.error("delivery pass failed (%s)", type(exc).__name__)
                with self._lock:
                    if not self._again:
                        return
        finally:
            with self._lock:
                self._running = False
