"""What every command shares: the settings from the context, error handling, JSON output."""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from leaktrace.config import Settings
from leaktrace.errors import LeaktraceError
from leaktrace.store import Store, open_store

__all__ = ["JsonOpt", "emit_json", "guard", "open_settings_store", "settings_of"]

T = TypeVar("T")
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def settings_of(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def guard(debug: bool, action: Callable[[], T]) -> T:
    """Run ``action``; turn any failure into one stderr line and the right exit code."""
    try:
        return action()
    except LeaktraceError as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc.message}", file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("error: interrupted; nothing was changed", file=sys.stderr)
        raise typer.Exit(130) from None
    except Exception as exc:
        # Unexpected errors may quote data in their text: show only the type unless --debug.
        if debug:
            traceback.print_exc()
        print(
            f"error: internal failure ({type(exc).__name__}); rerun with --debug", file=sys.stderr
        )
        raise typer.Exit(1) from None


@contextmanager
def open_settings_store(settings: Settings) -> Iterator[Store]:
    store = open_store(settings.home, settings.database_url)
    try:
        yield store
    finally:
        store.close()


def emit_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
