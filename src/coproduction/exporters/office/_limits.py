"""The limits an untrusted Office package must keep to before any of it is used."""

from __future__ import annotations

import attrs

__all__ = ["ArchiveLimits"]

_MIB = 1024 * 1024


@attrs.frozen
class ArchiveLimits:
    """Limits on a Word or Excel file read back, the same for both formats.

    Sizes are counted on the bytes really produced while each part is
    inflated, not on what the zip directory declares (a file can lie about
    those). The defaults are set from the largest real templates and reports
    (about 190 KB unpacked, 16 parts, compressed at most 25 to 1; see
    SECURITY.md) with wide headroom, and far below what would hurt a machine.

    Attributes:
        max_file_bytes: The largest file accepted, as stored (compressed).
        max_entries: The most parts (zip members) a package may hold.
        max_entry_bytes: The most bytes one part may unpack to.
        max_total_bytes: The most bytes all parts together may unpack to.
        max_ratio: The highest compression ratio (bytes produced to bytes
            consumed) a part may reach once it has produced ``ratio_grace_bytes``.
        ratio_grace_bytes: How much a part may unpack to before its
            compression ratio is checked (small parts of repeated markup
            compress very well and are harmless).
        max_name_chars: The longest part name accepted.
    """

    max_file_bytes: int = 20 * _MIB
    max_entries: int = 256
    max_entry_bytes: int = 32 * _MIB
    max_total_bytes: int = 64 * _MIB
    max_ratio: float = 100.0
    ratio_grace_bytes: int = 1 * _MIB
    max_name_chars: int = 256
