"""Servers for the tests: a free loopback port, an ASGI app on uvicorn in a thread, and what
to do when a server a test needs is missing."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import pytest
import uvicorn


def unavailable(what: str, reason: str) -> NoReturn:
    """Skip the tests that need ``what`` on a developer's machine; fail them under CI, where
    the machine provides PostgreSQL, Redis and chromium and a skip would hide a broken set-up."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} tests cannot run under CI: {reason}")
    pytest.skip(f"{what} tests skipped: {reason}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_in_thread(app: Any, timeout: float = 15.0) -> Iterator[str]:
    """``app`` on uvicorn in a daemon thread, on a free loopback port; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    if not server.started:
        pytest.fail(f"uvicorn did not start in {timeout:g} s")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
