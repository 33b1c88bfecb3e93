"""Refusing text a web page cannot show, before anything is written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from coproduction import ExportError, Problem

__all__ = ["ensure_storable_text"]

# HTML forbids these control characters and noncharacters in a page; a browser would show them as garbage.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def ensure_storable_text(name: str, data: Any) -> None:
    """Refuse text a web page cannot hold, naming every place.

    Args:
        name: Where the data came from (``feedback_log``, ``audit`` ...), the start of each place.
        data: The document as plain JSON-like data (``to_dict(document)``).

    Raises:
        ExportError: Listing every string holding a control character, by its place.
    """
    problems = [
        Problem(
            path,
            "illegal-character",
            f"holds the control character U+{ord(match.group()):04X}, which a web page cannot show; "
            "remove it and try again",
        )
        for path, value in _strings(data, name)
        if (match := _ILLEGAL.search(value))
    ]
    if problems:
        raise ExportError("the document holds text that a web page cannot show; nothing was written", problems)
