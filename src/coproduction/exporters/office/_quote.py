"""Quoting what a file holds in a message: part names and low-level details, cut short."""

from __future__ import annotations

from coproduction.model._excerpt import excerpt

__all__ = ["detail", "excerpt", "part_name"]

_DETAIL_LENGTH = 200


def detail(error: BaseException) -> str:
    """What a low-level error says, on one line and cut short (it may repeat bytes of the file)."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= _DETAIL_LENGTH else text[: _DETAIL_LENGTH - 3] + "..."


def part_name(name: str) -> str:
    """A part's name, quoted and cut to an excerpt (a damaged archive can hold a name of any length)."""
    return excerpt(name)
