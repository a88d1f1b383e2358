"""``check --index DIR``: ranges and breach details from a downloaded export folder.

Only the OPRF evaluation goes online (the index key cannot be computed without the server's
key); every range and breach document is read from the folder written by ``export-ranges``,
so the server does not even learn the 20-bit prefixes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from leaktrace.errors import InputError, NotFoundError
from leaktrace.lookup.client import Transport
from leaktrace.lookup.ranges_export import FORMAT_VERSION, INDEX_FILE
from leaktrace.lookup.service import PREFIX_HEX
from leaktrace.store import validate_breach_name

__all__ = ["OfflineTransport"]

_PREFIX = re.compile(rf"[0-9a-fA-F]{{{PREFIX_HEX}}}")


def _read_json(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


class OfflineTransport:
    """A :class:`Transport`: evaluation through ``online``, everything else from ``folder``."""

    def __init__(self, folder: Path, online: Transport) -> None:
        try:
            index = _read_json(folder / INDEX_FILE)
        except (OSError, ValueError):
            raise InputError(
                f"{folder} is not an index folder (no readable {INDEX_FILE}); "
                "make one with 'leaktrace export-ranges'"
            ) from None
        if not isinstance(index, dict) or index.get("format") != FORMAT_VERSION:
            raise InputError(f"{folder}: unknown index format; download the index again")
        self.key_id = str(index.get("key_id"))
        self._folder = folder
        self._online = online

    def evaluate(self, blinded: Sequence[str]) -> dict[str, Any]:
        answer = self._online.evaluate(blinded)
        if answer.get("key_id") != self.key_id:
            raise InputError(
                f"the index folder was exported under key {self.key_id}, but the server now "
                f"evaluates under key {answer.get('key_id')}: download the index again"
            )
        return answer

    def range(self, prefix: str) -> dict[str, Any]:
        if not _PREFIX.fullmatch(prefix):
            raise InputError("range prefix must be 5 hexadecimal digits")
        try:
            document = _read_json(self._folder / "range" / prefix.lower())
        except FileNotFoundError:
            raise InputError(
                f"the index folder has no range {prefix.lower()}: the download is incomplete"
            ) from None
        except (OSError, ValueError):
            raise InputError(f"range {prefix.lower()} in the index folder is unreadable") from None
        if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
            raise InputError(f"range {prefix.lower()} in the index folder is unreadable")
        return document

    def breach(self, name: str) -> dict[str, Any]:
        path = self._folder / "breaches" / f"{validate_breach_name(name)}.json"
        try:
            document = _read_json(path)
        except FileNotFoundError:
            raise NotFoundError(f"the index folder has no breach named {name!r}") from None
        except (OSError, ValueError):
            raise InputError(f"breach {name!r} in the index folder is unreadable") from None
        if not isinstance(document, dict):
            raise InputError(f"breach {name!r} in the index folder is unreadable")
        return document
