"""Placement on a ladder: the highest rung practised and the rungs not yet used."""

from __future__ import annotations

from coproduction.errors import IncomparableAuditsError, Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.ladder import Ladder, LadderAssessment, LadderComparison, Placement, RungDisagreement
from coproduction.model.organisation import Perspective
from coproduction.rules.organisations import same_organisation

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


def compare_ladder_assessments(first: LadderAssessment, second: LadderAssessment, ladder: Ladder) -> LadderComparison:
    """Compare two viewpoints' assessments of one organisation on one ladder.

    Args:
        first: One viewpoint's assessment (the school's own, say).
        second: Another viewpoint's (its parent carers', say).
        ladder: The ladder both were made against.

    Returns:
        The highest rung each practises, the rungs on which they disagree
        (practised according to one only; not assessed counts as not
        practised), and a plain-English summary.

    Raises:
        IncomparableAuditsError: If the assessments are of different
            organisations or share a viewpoint (placed at ``assessments[n]``).
        ValueError: If an assessment is for another ladder or names a rung it lacks.
    """
    problems = []
    if not same_organisation(first.organisation, second.organisation):
        problems.append(
            Problem(
                "assessments[1].organisation",
                "different-organisation",
                f"is about {second.organisation.name!r}, but the first is about {first.organisation.name!r}; "
                "compare assessments of one organisation",
            )
        )
    if first.perspective is second.perspective:
        problems.append(
            Problem(
                "assessments[1].perspective",
                "same-perspective",
                f"both record the {first.perspective.label} viewpoint; compare assessments from different viewpoints",
            )
        )
    if problems:
        raise IncomparableAuditsError("these ladder assessments cannot be compared", problems)
    places = place(first, ladder), place(second, ladder)
    said = [{entry.rung: entry.doing for entry in assessment.rungs} for assessment in (first, second)]
    doing = [{rung.id for rung in placement.doing} for placement in places]
    disagreements = tuple(
        RungDisagreement(rung.id, said[0].get(rung.id), said[1].get(rung.id))
        for rung in ladder.rungs
        if (rung.id in doing[0]) != (rung.id in doing[1])
    )
    return LadderComparison(
        ladder=ladder.id,
        organisation=first.organisation,
        first=first.perspective,
        second=second.perspective,
        first_highest=None if places[0].highest is None else places[0].highest.id,
        second_highest=None if places[1].highest is None else places[1].highest.id,
        disagreements=disagreements,
        summary=_summary(first.perspective, second.perspective, places, disagreements, ladder),
    )


def _summary(
    first: Perspective,
    second: Perspective,
    places: tuple[Placement, Placement],
    disagreements: tuple[RungDisagreement, ...],
    ladder: Ladder,
) -> str:
    def highest(who: Perspective, placement: Placement) -> str:
        if placement.highest is None:
            return f"{_capital(who.label)} see no rung of {ladder.name} practised."
        return f"{_capital(who.label)} place the highest rung practised at {placement.highest.name}."

    lines = [highest(first, places[0]), highest(second, places[1])]
    if not disagreements:
        lines.append("They agree on every rung.")
    else:
        only = [
            [ladder.rung(d.rung).name for d in disagreements if (d.first is True) is (index == 0)] for index in (0, 1)
        ]
        for who, names in zip((first, second), only, strict=True):
            if names:
                lines.append(f"Only {who.label} say these rungs are practised: {', '.join(names)}.")
    return " ".join(lines)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
