"""leaktrace: follow leaked health data after a breach and protect the people in it."""

from __future__ import annotations

from leaktrace.errors import LeaktraceError

__all__ = ["LeaktraceError", "__version__"]

__version__ = "0.1.0"
