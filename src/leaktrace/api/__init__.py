"""The HTTP API: the ``/v1`` contract of DESIGN on FastAPI.

``create_app(settings, store=None, key=None, ...)`` builds the app; ``serve`` runs it on
uvicorn; ``app_from_env`` is the factory uvicorn workers import.
"""

from __future__ import annotations

from leaktrace.api.app import create_app, load_api_tokens
from leaktrace.api.server import app_from_env, serve

__all__ = ["app_from_env", "create_app", "load_api_tokens", "serve"]
