"""Placement on a ladder: the highest rung practised and the rungs not yet used."""

from __future__ import annotations

from coproduction.model._excerpt import excerpt
from coproduction.model.ladder import Ladder, LadderAssessment, Placement

__all__ = ["place"]


def place(assessment: LadderAssessment, ladder: Ladder) -> Placement:
    """Place an assessment on its ladder.

    Args:
        assessment: The rung-by-rung record.
        ladder: The ladder it was made against.

    Returns:
        The highest rung practised and the rungs practised and not used.

    Raises:
        ValueError: If the assessment is for another ladder or names a rung the
            ladder lacks.
    """
    if assessment.ladder != ladder.id:
        raise ValueError(f"the assessment is against ladder {excerpt(assessment.ladder)}, not {excerpt(ladder.id)}")
    doing_ids = {entry.rung for entry in assessment.rungs if entry.doing}
    known = {rung.id for rung in ladder.rungs}
    stray = sorted({entry.rung for entry in assessment.rungs} - known)
    if stray:
        raise ValueError(f"ladder {excerpt(ladder.id)} has no rung {excerpt(stray[0])}")
    doing = tuple(rung for rung in ladder.rungs if rung.id in doing_ids)
    not_used = tuple(rung for rung in ladder.rungs if rung.id not in doing_ids)
    return Placement(highest=doing[-1] if doing else None, doing=doing, not_used=not_used)
