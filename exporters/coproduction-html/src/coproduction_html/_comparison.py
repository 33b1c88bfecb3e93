"""The comparison of viewpoints: scores side by side, how closely they agree, where each rates higher."""

from __future__ import annotations

from coproduction import (
    Comparison,
    CriterionComparison,
    Framework,
    Perspective,
    PerspectiveRating,
    StatementIndex,
    section_name,
)
from coproduction_html._chart import bar_chart
from coproduction_html._context import PageContext
from coproduction_html._page import Page, Part, Table
from coproduction_html._wording import count_of, join_words, long_date, percent, sentence_case

__all__ = ["comparison_page"]


def _fits(comparison: Comparison, framework: Framework) -> bool:
    ids = [criterion.id for criterion in framework.criteria]
    return framework.scale == comparison.scale and ids == [entry.criterion for entry in comparison.criteria]


def _levels(count: int) -> str:
    return count_of(count, "level")


class _View:
    def __init__(self, comparison: Comparison, framework: Framework | None) -> None:
        self.comparison = comparison
        self.statements = StatementIndex(framework)
        self.names = {p: sentence_case(p.label) for p in comparison.perspectives}
        self.steps = {level.id: level.name for level in comparison.scale.levels}

    def rating(self, rating: PerspectiveRating) -> str:
        if rating.rating is not None:
            return self.steps.get(rating.rating, rating.rating)
        return "Does not apply" if rating.not_applicable else "Not answered"

    def gap(self, criterion: CriterionComparison) -> str:
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

    def statement(self, criterion_id: str) -> list[str]:
        return [self.statements.text(criterion_id), self.statements.reference(criterion_id)]


def _pair(perspectives: tuple[Perspective, ...]) -> tuple[Perspective, Perspective]:
    if Perspective.SCHOOL_STAFF in perspectives and Perspective.PARENT_CARERS in perspectives:
        return Perspective.SCHOOL_STAFF, Perspective.PARENT_CARERS
    return perspectives[0], perspectives[1]


def comparison_page(comparison: Comparison, context: PageContext) -> Page:
    """The page of a comparison; statements are shown by reference when the catalogue lacks their framework."""
    framework = context.catalogue.find_framework(comparison.framework, comparison.framework_version)
    if framework is not None and not _fits(comparison, framework):
        framework = None
    view = _View(comparison, framework)
    noun = section_name(comparison.framework)
    perspectives = comparison.perspectives
    label = framework.title if framework is not None else f"the framework {comparison.framework}"
    audits = [f"{ref.perspective.label} (on {long_date(ref.date)})" for ref in comparison.audits]
    introduction = [
        f"This page compares how {comparison.organisation.name} was rated against the {label} from "
        f"{len(audits)} viewpoints: {join_words(audits)}. Where the ratings differ shows what to talk about "
        "when you plan together.",
        f"Scores run from 0% (every statement rated {comparison.scale.lowest.name}) to 100% (every statement "
        f"rated {comparison.scale.highest.name}). Statements that do not apply, and statements not answered, "
        "do not count towards a score.",
    ]
    sections = comparison.scores[0].sections
    rows = [
        [f"{index + 1}. {section.title}", *(percent(entry.sections[index].score.value) for entry in comparison.scores)]
        for index, section in enumerate(sections)
    ]
    scores = Table(
        id="scores-table",
        caption=f"Scores side by side, for each {noun}",
        headers=[noun.capitalize(), *(view.names[p] for p in perspectives)],
        rows=rows,
        total=["Overall", *(percent(entry.overall.value) for entry in comparison.scores)],
    )
    chart = bar_chart(
        "scores-chart",
        f"Scores side by side, for each {noun}",
        f"Bar chart of the score of each {noun} from each viewpoint, from 0% to 100%. "
        + "; ".join(
            f"{row[0]}: " + ", ".join(f"{p.label} {value}" for p, value in zip(perspectives, row[1:], strict=True))
            for row in rows
        )
        + ".",
        [view.names[p] for p in perspectives],
        [
            (
                row[0],
                [
                    (entry.sections[index].score.value, row[index_p + 1])
                    for index_p, entry in enumerate(comparison.scores)
                ],
            )
            for index, row in enumerate(rows)
        ],
    )
    agreement_rows = []
    for entry in comparison.agreement:
        beyond = "Cannot be measured" if entry.kappa is None else f"{entry.kappa:.2f}"
        if entry.mean_gap is None:
            average = "Nothing to compare"
        elif abs(entry.mean_gap) < 0.05:
            average = "The same on average"
        else:
            higher = entry.first if entry.mean_gap > 0 else entry.second
            average = f"{view.names[higher]} rate {abs(entry.mean_gap):.1f} levels higher on average"
        agreement_rows.append(
            [
                f"{view.names[entry.first]} and {entry.second.label}",
                str(entry.compared),
                str(entry.exact),
                percent(entry.exact_share, "Nothing to compare"),
                beyond,
                average,
            ]
        )
    agreement = Table(
        id="agreement-table",
        caption="How closely each pair of viewpoints agrees",
        headers=[
            "Viewpoints",
            "Statements both rated",
            "Rated the same",
            "Share rated the same",
            "How closely the two views agree, allowing for chance (1 is always)",
            "On average",
        ],
        rows=agreement_rows,
    )
    parts = [
        Part("scores", "Scores side by side", {"table": scores, "chart": chart}),
        Part(
            "agreement",
            "How closely the viewpoints agree",
            {
                "paragraphs": [
                    "The share rated the same counts the statements, of those both viewpoints rated, that they "
                    "rated at the same level.",
                    "How closely the two views agree, allowing for chance, is a number up to 1. "
                    "1 means they always agree, and 0 means they agree no more than chance would. "
                    "Ratings one level apart count as partly agreeing. Below 0, they agree less than chance would.",
                ],
                "table": agreement,
            },
        ),
    ]
    first, second = _pair(perspectives)
    for number, (high, low) in enumerate(((first, second), (second, first)), start=1):
        criteria = comparison.higher(high, low)
        heading = f"Where {high.label} rate higher than {low.label}"
        table = Table(
            id=f"higher-{number}-table",
            caption=heading,
            headers=["Statement", view.names[high], view.names[low], "Gap"],
            rows=[
                [
                    view.statement(c.criterion),
                    view.rating(c.rating(high)),
                    view.rating(c.rating(low)),
                    _levels(c.gap(high, low) or 0),
                ]
                for c in criteria
            ],
            row_headers=False,
        )
        found = (
            f"{count_of(len(criteria), 'statement')} rated higher by {high.label} than by {low.label}. "
            "These are good places to start talking together."
            if criteria
            else f"There are none: {high.label} rated no statement higher than {low.label} did."
        )
        parts.append(Part(f"higher-{number}", heading, {"paragraphs": [found], "table": table if criteria else None}))
    grouped: dict[str, list[CriterionComparison]] = {section.section: [] for section in sections}
    for criterion in comparison.criteria:
        grouped.setdefault(criterion.section, []).append(criterion)
    titles = {section.section: section.title for section in sections}
    by_statement = [
        {
            "heading": f"{number}. {titles.get(section_id, section_id)}",
            "table": Table(
                id=f"section-{number}-table",
                caption=f"{number}. {titles.get(section_id, section_id)}: the rating from each viewpoint",
                headers=["Statement", *(view.names[p] for p in perspectives), "Gap"],
                rows=[
                    [view.statement(c.criterion), *(view.rating(r) for r in c.ratings), view.gap(c)] for c in criteria
                ],
                row_headers=False,
            ),
        }
        for number, (section_id, criteria) in enumerate(grouped.items(), start=1)
    ]
    parts.append(
        Part(
            "statements",
            "Statement by statement",
            {
                "paragraphs": [
                    f"Each table shows every statement of one {noun}, the rating from each viewpoint, "
                    "and the gap: how many levels apart the ratings are."
                ],
                "sections": by_statement,
            },
        )
    )
    latest = max(ref.date for ref in comparison.audits)
    return Page(
        kind="comparison",
        title=f"{comparison.organisation.name}: comparing viewpoints",
        organisation=comparison.organisation,
        date=latest,
        summary=f"How {join_words([p.label for p in perspectives])} rated {comparison.organisation.name}, "
        f"side by side ({long_date(latest)}).",
        template="comparison.html.j2",
        parts=parts,
        introduction=introduction,
    )
