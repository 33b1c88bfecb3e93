"""A package whose every part passed the archive gate: the only bytes the Office loaders are given."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

__all__ = ["VerifiedPackage"]


class VerifiedPackage:
    """The parts of an Office package, each inflated within the limits, checked and held in memory.

    Attributes:
        parts: Each part's bytes by name, in the archive's order.
    """

    def __init__(self, parts: Mapping[str, bytes]) -> None:
        self.parts: Mapping[str, bytes] = dict(parts)

    def __repr__(self) -> str:
        return f"VerifiedPackage({len(self.parts)} parts, {sum(map(len, self.parts.values())):,} bytes)"

    def has(self, name: str) -> bool:
        """Say whether the package holds a part of this name (no leading slash)."""
        return name in self.parts

    def read(self, name: str) -> bytes:
        """The bytes of one part.

        Raises:
            KeyError: If there is no such part; ask :meth:`has` first.
        """
        return self.parts[name]

    def as_zip(self) -> io.BytesIO:
        """The verified parts as a new, uncompressed zip, for a loader that wants a file (openpyxl).

        Returns:
            A stream positioned at its start.
        """
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        out.seek(0)
        return out
