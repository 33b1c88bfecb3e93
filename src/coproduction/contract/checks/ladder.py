"""Cross-checks of a ladder that its schema cannot express: unique ids, known bands."""

from __future__ import annotations

from typing import Any

from coproduction.contract.checks._common import _duplicate_ids
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt

__all__ = ["check_ladder_data"]


def check_ladder_data(data: dict[str, Any]) -> list[Problem]:
    """Check a ladder: unique ids, and bands the ladder defines (every problem; empty when none)."""
    rungs, bands = data.get("rungs"), data.get("bands", [])
    problems: list[Problem] = []
    band_ids = set()
    if isinstance(bands, list):
        problems.extend(_duplicate_ids(bands, "bands", "band"))
        band_ids = {band.get("id") for band in bands if isinstance(band, dict) and isinstance(band.get("id"), str)}
    if isinstance(rungs, list):
        problems.extend(_duplicate_ids(rungs, "rungs", "rung"))
        for index, rung in enumerate(rungs):
            band = rung.get("band") if isinstance(rung, dict) else None
            if isinstance(band, str) and band not in band_ids:
                known = ", ".join(sorted(str(b) for b in band_ids)) or "none defined"
                problems.append(
                    Problem(
                        f"rungs[{index}].band",
                        "unknown-band",
                        f"{excerpt(band)} is not a band of this ladder ({known})",
                    )
                )
    return problems
