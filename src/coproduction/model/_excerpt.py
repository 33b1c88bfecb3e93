"""Quoting a user's value or path in a message, cut short (private)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["EXCERPT_LENGTH", "excerpt", "json_path"]

EXCERPT_LENGTH = 60


def json_path(parts: Iterable[str | int]) -> str:
    """Write a path as ``responses[4].rating``; a key longer than an excerpt is cut short."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if len(part) <= EXCERPT_LENGTH else part[: EXCERPT_LENGTH - 3] + "..."
            out += f".{key}" if out else key
    return out


def excerpt(value: object) -> str:
    """Quote a value, cut short so a message never repeats a huge input."""
    text = repr(value)
    if len(text) > EXCERPT_LENGTH:
        text = text[: EXCERPT_LENGTH - 3] + "..."
    return text


def excerpt_text(text: str, length: int = EXCERPT_LENGTH) -> str:
    """Cut a text (a name, a path, a number as written) short, unquoted, so a message never repeats a huge input."""
    return text if len(text) <= length else text[: length - 3] + "..."
