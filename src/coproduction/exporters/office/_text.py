"""The check for text a format cannot hold: characters XML forbids, and the format's length limits."""

from __future__ import annotations

import re

from coproduction.errors import ExportError, Problem

__all__ = ["FORBIDDEN_XML_CHARACTER", "StorableText"]

FORBIDDEN_XML_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 cannot hold at all: control characters, lone surrogates, U+FFFE and U+FFFF."""


class StorableText:
    """Collects every text a format cannot store, each with its place, then raises once.

    Args:
        format_label: The format, as a user knows it ("a Word document").
    """

    def __init__(self, format_label: str) -> None:
        self.format_label = format_label
        self.problems: list[Problem] = []

    def check(self, text: str | None, where: str, *, max_chars: int | None = None, limit_name: str = "") -> None:
        """Check one text.

        Args:
            text: The text (None and empty text are always fine).
            where: Its place, in words a user understands (``criterion priorities-1-1, evidence``).
            max_chars: The most characters the place holds, if limited.
            limit_name: What holds at most ``max_chars`` ("an Excel cell"), for the message.
        """
        if not text:
            return
        if max_chars is not None and len(text) > max_chars:
            self.problems.append(
                Problem(
                    where,
                    "text-too-long",
                    f"is {len(text):,} characters long; {limit_name or 'this place'} holds at most {max_chars:,}. "
                    "Shorten it",
                )
            )
        match = FORBIDDEN_XML_CHARACTER.search(text)
        if match is not None:
            self.problems.append(
                Problem(
                    where,
                    "illegal-character",
                    f"contains the character U+{ord(match.group()):04X} at position {match.start() + 1}, "
                    f"which {self.format_label} cannot hold; remove it",
                )
            )

    def raise_if_any(self, what: str) -> None:
        """Raise if any text was refused.

        Args:
            what: What was being written, for the message ("the audit report").

        Raises:
            ExportError: Listing every text refused, before anything is written.
        """
        if self.problems:
            raise ExportError(
                f"cannot write {what} as {self.format_label}: {len(self.problems)} text(s) cannot be stored; "
                "nothing was written",
                self.problems,
            )
