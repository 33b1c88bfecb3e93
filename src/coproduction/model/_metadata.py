"""Attrs field metadata the rules read, such as which fields are prose (private)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["NOT_PROSE", "PROSE_KEY"]

PROSE_KEY = "coproduction.prose"
"""The attrs metadata key that says whether a field is prose to check (true unless set false)."""

NOT_PROSE: Mapping[str, bool] = {PROSE_KEY: False}
"""Attrs field metadata for a field the check skips: ``attrs.field(metadata=NOT_PROSE)``."""
