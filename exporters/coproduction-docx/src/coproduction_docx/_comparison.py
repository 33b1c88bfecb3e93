"""The comparison of perspectives: scores side by side, agreement, blind spots, statement by statement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from coproduction import (
    Comparison,
    CriterionComparison,
    Framework,
    Perspective,
    PerspectiveRating,
    Phrase,
    StatementIndex,
    phrase,
    section_name,
    to_dict,
)
from coproduction_docx._chart import PATTERNS, grouped_chart
from coproduction_docx._cycle import (
    Builder,
    Settings,
    join_words,
    long_date,
    percent,
    sentence_case,
    write_document,
)
from coproduction_docx._ooxml import Page
from coproduction_docx._text import ensure_storable_text

__all__ = ["KAPPA_EXPLAINED", "write_comparison"]

_PAGE = Page(landscape=True)

KAPPA_EXPLAINED = phrase(Phrase.AGREEMENT_EXPLANATION, Perspective.PARENT_CARERS)
"""What "agreement beyond chance" (weighted kappa) means, in the words families read."""


def _fits(comparison: Comparison, framework: Framework) -> bool:
    ids = [criterion.id for criterion in framework.criteria]
    return framework.scale == comparison.scale and ids == [entry.criterion for entry in comparison.criteria]


def _levels(count: int) -> str:
    return f"{count} level" if count == 1 else f"{count} levels"


class _Comparison:
    def __init__(self, comparison: Comparison, framework: Framework | None) -> None:
        self.comparison = comparison
        self.framework = framework
        # everyone reads a comparison, families too: statements in the plain words written for parent carers
        self.statements = StatementIndex(framework, Perspective.PARENT_CARERS)
        self.section = section_name(comparison.framework)
        self.perspectives = comparison.perspectives
        self.names = {perspective: sentence_case(perspective.label) for perspective in self.perspectives}
        self.patterns = {
            perspective: PATTERNS[index % len(PATTERNS)] for index, perspective in enumerate(self.perspectives)
        }
        self.steps = {level.id: level.name for level in comparison.scale.levels}

    @property
    def label(self) -> str:
        if self.framework is not None:
            return self.framework.label
        return f"framework {self.comparison.framework} (version {self.comparison.framework_version})"

    def rating(self, rating: PerspectiveRating) -> str:
        if rating.rating is not None:
            return self.steps.get(rating.rating, rating.rating)
        return "Not applicable" if rating.not_applicable else "Not answered"

    def sections(self) -> list[tuple[str, str, list[CriterionComparison]]]:
        """Each section's id, title and compared criteria, in framework order."""
        titles = {section.section: section.title for section in self.comparison.scores[0].sections}
        grouped: dict[str, list[CriterionComparison]] = {section: [] for section in titles}
        for criterion in self.comparison.criteria:
            grouped.setdefault(criterion.section, []).append(criterion)
        return [(section, titles.get(section, section), items) for section, items in grouped.items()]

    # -- parts -----------------------------------------------------------------------------------

    def body(self, b: Builder) -> Iterator[str]:
        yield from self.introduction(b)
        yield from self.scores(b)
        yield from self.agreement(b)
        yield from self.higher(b)
        yield from self.statement_by_statement(b)

    def introduction(self, b: Builder) -> Iterator[str]:
        comparison = self.comparison
        audits = [f"{reference.perspective.label} on {long_date(reference.date)}" for reference in comparison.audits]
        yield b.p(
            f"This document compares how {comparison.organisation.name} was rated against the {self.label} "
            f"from {len(audits)} points of view."
        )
        yield b.p(f"The ratings were given by {join_words(audits)}.")
        yield b.p("Where the ratings differ shows what to talk about when you plan together.")
        if self.framework is not None:
            yield b.p("Each statement is shown in the plain words of the parent carers' checklist.")
        scale = comparison.scale
        yield b.p(
            f"Scores run from 0% (every statement rated {scale.lowest.name}) to 100% (every statement rated "
            f"{scale.highest.name}). Statements marked not applicable, and statements not answered, "
            "do not count towards a score."
        )
        if self.framework is None:
            yield b.p(
                f"The wording of each statement is not shown, because version {comparison.framework_version} of "
                f"the framework {comparison.framework} was not available when this document was made. "
                "Each statement is shown by its reference."
            )

    def scores(self, b: Builder) -> Iterator[str]:
        comparison = self.comparison
        yield b.heading("Scores side by side")
        header = [sentence_case(self.section)] + [
            f"{self.names[perspective]} ({self.patterns[perspective]} bars)" for perspective in self.perspectives
        ]
        share = 0.6 / len(self.perspectives)
        rows = []
        sections = comparison.scores[0].sections
        for index, section in enumerate(sections):
            cells = [b.value(f"{index + 1}. {section.title}")]
            cells.extend(b.value(percent(entry.sections[index].score.value)) for entry in comparison.scores)
            rows.append(cells)
        rows.append(
            [b.value("Overall", bold=True)]
            + [b.value(percent(entry.overall.value), bold=True) for entry in comparison.scores]
        )
        yield b.table(
            header, [0.4] + [share] * len(self.perspectives), rows, caption=f"Scores side by side, by {self.section}"
        )
        groups = [[entry.sections[index].score.value for entry in comparison.scores] for index in range(len(sections))]
        key = "; ".join(f"{self.patterns[perspective]} bars: {perspective.label}" for perspective in self.perspectives)
        values = "; ".join(
            f"{index + 1}. {section.title}: "
            + ", ".join(
                f"{entry.perspective.label} {percent(entry.sections[index].score.value)}" for entry in comparison.scores
            )
            for index, section in enumerate(sections)
        )
        yield b.picture(
            lambda: grouped_chart(
                [section.title for section in sections],
                [self.names[p] for p in self.perspectives],
                groups,
            ),
            f"Bar chart comparing the score of each {self.section} from each point of view. {sentence_case(key)}. "
            f"{values}.",
        )
        yield b.value(
            f"Figure 1. The score of each {self.section} from each point of view, numbered as in the table above. "
            f"{sentence_case(key)}. A {self.section} with no score says \u201cno score\u201d.",
            style="Caption",
        )

    def agreement(self, b: Builder) -> Iterator[str]:
        yield b.heading("How far the points of view agree")
        yield b.p(
            "Exact agreement is the share of statements, of those both points of view rated, "
            "that they rated at the same level."
        )
        yield b.p(KAPPA_EXPLAINED)
        rows = []
        notes = []
        for entry in self.comparison.agreement:
            pair = f"{self.names[entry.first]} and {entry.second.label}"
            kappa = "Cannot be measured" if entry.kappa is None else f"{entry.kappa:.2f}"
            if entry.kappa_note:
                notes.append(
                    phrase(
                        Phrase.AGREEMENT_CANNOT_MEASURE,
                        Perspective.PARENT_CARERS,
                        first=self.names[entry.first],
                        second=entry.second.label,
                        reason=entry.kappa_note,
                    )
                )
            if entry.mean_gap is None:
                average = "Nothing to compare"
            elif abs(entry.mean_gap) < 0.05:
                average = "The same on average"
            else:
                higher = entry.first if entry.mean_gap > 0 else entry.second
                average = f"{self.names[higher]} rate {abs(entry.mean_gap):.1f} levels higher on average"
            rows.append(
                [
                    b.value(pair),
                    b.value(str(entry.compared)),
                    b.value(str(entry.exact)),
                    b.value(percent(entry.exact_share) if entry.exact_share is not None else "Nothing to compare"),
                    b.value(kappa),
                    b.value(average),
                ]
            )
        yield b.table(
            [
                "Points of view",
                "Statements both rated",
                "Rated the same",
                "Exact agreement",
                phrase(Phrase.AGREEMENT_HEADING, Perspective.PARENT_CARERS),
                "On average",
            ],
            [0.24, 0.12, 0.11, 0.12, 0.14, 0.27],
            rows,
            caption="How far each pair of points of view agrees",
        )
        for note in notes:
            yield b.p(note)

    def _pair(self) -> tuple[Perspective, Perspective]:
        if Perspective.SCHOOL_STAFF in self.perspectives and Perspective.PARENT_CARERS in self.perspectives:
            return Perspective.SCHOOL_STAFF, Perspective.PARENT_CARERS
        return self.perspectives[0], self.perspectives[1]

    def higher(self, b: Builder) -> Iterator[str]:
        first, second = self._pair()
        school_and_parents = (first, second) == (Perspective.SCHOOL_STAFF, Perspective.PARENT_CARERS)
        if school_and_parents:
            parts = [
                (
                    phrase(Phrase.HIGHER_BY_STAFF, Perspective.PARENT_CARERS),
                    first,
                    second,
                    "These may be the school's blind spots: statements school staff rated higher than parent carers "
                    "did. They are good places to start talking together.",
                    "There are none: school staff rated no statement higher than parent carers did.",
                ),
                (
                    phrase(Phrase.HIGHER_BY_PARENTS, Perspective.PARENT_CARERS),
                    second,
                    first,
                    "These may be strengths the school does not see: statements parent carers rated higher than "
                    "school staff did.",
                    "There are none: parent carers rated no statement higher than school staff did.",
                ),
            ]
        else:
            parts = [
                (
                    f"Where {a.label} rate higher than {c.label} do",
                    a,
                    c,
                    f"Statements {a.label} rated higher than {c.label} did.",
                    f"There are none: {a.label} rated no statement higher than {c.label} did.",
                )
                for a, c in ((first, second), (second, first))
            ]
        for heading, high, low, found, none in parts:
            yield b.heading(heading)
            criteria = self.comparison.higher(high, low)
            if not criteria:
                yield b.p(none)
                continue
            yield b.p(found)
            rows = []
            for criterion in criteria:
                gap = criterion.gap(high, low) or 0
                rows.append(
                    [
                        b.statement(self.statements, criterion.criterion),
                        b.value(self.rating(criterion.rating(high))),
                        b.value(self.rating(criterion.rating(low))),
                        b.value(_levels(gap)),
                    ]
                )
            yield b.table(
                ["Statement", self.names[high], self.names[low], "Gap"],
                [0.55, 0.16, 0.16, 0.13],
                rows,
                caption=heading,
            )

    def statement_by_statement(self, b: Builder) -> Iterator[str]:
        yield b.heading("Statement by statement")
        yield b.p(
            f"Each table shows every statement of one {self.section} and the rating from each point of view. "
            "The gap says how many levels apart the ratings are."
        )
        count = len(self.perspectives)
        share = 0.45 / count
        for number, (_, title, criteria) in enumerate(self.sections(), start=1):
            yield b.heading(f"{number}. {title}", 2)
            rows = [
                [b.statement(self.statements, criterion.criterion)]
                + [b.value(self.rating(rating)) for rating in criterion.ratings]
                + [b.value(self._gap(criterion))]
                for criterion in criteria
            ]
            yield b.table(
                ["Statement", *(self.names[p] for p in self.perspectives), "Gap"],
                [0.4] + [share] * count + [0.15],
                rows,
                caption=f"Ratings from each point of view for {title}",
            )

    def _gap(self, criterion: CriterionComparison) -> str:
        if criterion.spread is None:
            return "Not enough ratings to compare"
        if criterion.spread == 0:
            return "None: the same rating"
        text = f"{_levels(criterion.spread)} apart"
        rated = criterion.rated
        if len(rated) == 2:
            high = max(rated, key=lambda rating: rating.step or 0)
            text += f"; {high.perspective.label} higher"
        return text


def write_comparison(comparison: Comparison, out: BinaryIO, settings: Settings) -> None:
    """Write a comparison of perspectives to ``out``.

    The statements' wording comes from the framework version in the
    catalogue; without it, statements are shown by reference and the document
    says why.

    Args:
        comparison: The comparison.
        out: A binary stream.
        settings: The catalogue.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    framework = settings.catalogue.find_framework(comparison.framework, comparison.framework_version)
    if framework is not None and not _fits(comparison, framework):
        framework = None
    checked = {"comparison": to_dict(comparison)}
    if framework is not None:
        checked["framework"] = to_dict(framework)
    ensure_storable_text(checked)
    view = _Comparison(comparison, framework)
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=f"{comparison.organisation.name}: comparing points of view",
        subject=f"Comparison of points of view against the {view.label}",
        keywords="comparison; perspectives; SEND; co-production",
        kind="coproduction-comparison",
        properties={
            "coproduction.framework": comparison.framework,
            "coproduction.framework_version": comparison.framework_version,
        },
        body=view.body,
    )
