"""Scores, as data: the score report document and its parts."""

from __future__ import annotations

import datetime as dt

import attrs

from coproduction.model.organisation import Organisation, Perspective

__all__ = ["Score", "ScoreReport", "SectionScore"]


@attrs.frozen
class Score:
    """A score with the counts it was made from.

    Attributes:
        value: The weighted mean normalised rating in [0, 1], or None when no
            criterion counts.
        band: The id of the level nearest the value, or None.
        level_counts: How many criteria were rated at each level (every level
            of the scale is present, in scale order).
        criteria: How many criteria there are.
        answered: How many are answered with a level.
        not_applicable: How many are marked not applicable.
        unanswered: How many are neither.
        coverage: ``answered / (criteria - not_applicable)``, 1 when nothing applies.
    """

    value: float | None
    band: str | None
    level_counts: dict[str, int]
    criteria: int
    answered: int
    not_applicable: int
    unanswered: int
    coverage: float

    @property
    def complete(self) -> bool:
        """True when every applicable criterion is answered."""
        return self.coverage == 1.0


@attrs.frozen
class SectionScore:
    """The score of one section (quality standard).

    Attributes:
        section: The section id.
        title: The section title, for reports.
        score: Its score and counts.
    """

    section: str
    title: str
    score: Score


@attrs.frozen
class ScoreReport:
    """The scores of one audit, as a document an MIS can store.

    Attributes:
        framework: The framework id.
        framework_version: The framework version.
        organisation: Who the audit is about.
        perspective: Whose viewpoint.
        date: The audit's date.
        overall: The overall score.
        sections: One score per section, in framework order.
    """

    framework: str
    framework_version: str
    organisation: Organisation
    perspective: Perspective
    date: dt.date
    overall: Score
    sections: tuple[SectionScore, ...]

    @property
    def complete(self) -> bool:
        """True when every applicable criterion of the audit is answered."""
        return self.overall.complete
