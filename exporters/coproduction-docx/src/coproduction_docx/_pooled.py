"""The report of a pooled view: how many answered and when, the spread of answers per standard, the comments.

A withheld criterion shows only its statement and its plain-English note:
no count, share, median, score or comment of it appears anywhere, not in a
table, a chart or a picture's alternative text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from coproduction import (
    Field,
    Framework,
    PooledCriterion,
    PooledView,
    SectionScore,
    StatementIndex,
    section_name,
    to_dict,
)
from coproduction_docx._cycle import Builder, Settings, long_date, percent, write_document
from coproduction_docx._ooxml import Page, para
from coproduction_docx._spread_chart import SpreadBar, spread_chart
from coproduction_docx._text import ensure_storable_text

__all__ = ["spread_description", "write_pooled_view"]

_PAGE = Page(landscape=True)

_FIELD_NAMES = {
    Field.EVIDENCE: "Evidence",
    Field.REQUIRED_ACTIONS: "What needs to happen",
    Field.NEXT_STEPS: "Next steps",
}


def _people(count: int) -> str:
    return f"{count} respondent{'s' if count != 1 else ''}"


def _fits(view: PooledView, framework: Framework) -> bool:
    ids = {criterion.id for criterion in framework.criteria}
    return all(entry.criterion in ids for entry in view.criteria)


def spread_description(view: PooledView, statements: StatementIndex, entries: Sequence[PooledCriterion]) -> str:
    """The alternative text of a section's spread chart: every figure the picture shows, in words.

    Args:
        view: The pooled view (its scale names the levels).
        statements: The statements' short names.
        entries: The section's criteria, withheld ones included (they are named as withheld, nothing more).

    Returns:
        One sentence per statement, in chart order.
    """
    parts = ["Stacked bar chart of how respondents rated each statement."]
    for entry in entries:
        name = statements.reference(entry.criterion)
        if entry.withheld:
            parts.append(f"{name}: withheld, too few respondents rated it.")
            continue
        counts = entry.counts or {}
        answered = entry.answered or 0
        if not answered:
            parts.append(f"{name}: nobody rated it.")
            continue
        figures = [
            f"{level.name} {counts.get(level.id, 0)} ({percent((entry.shares or {}).get(level.id, 0.0))})"
            for level in view.scale.levels
        ]
        parts.append(f"{name}, rated by {answered}: {', '.join(figures)}.")
    return " ".join(parts)


class _Pooled:
    def __init__(self, view: PooledView, framework: Framework | None) -> None:
        self.view = view
        self.statements = StatementIndex(framework, view.perspective)
        self.framework = framework

    def body(self, b: Builder) -> Iterator[str]:
        view = self.view
        yield from self.introduction(b)
        for section in view.sections:
            yield from self.section(b, section)
        yield from self.comments(b)

    def introduction(self, b: Builder) -> Iterator[str]:
        view = self.view
        dates = (
            f"on {long_date(view.first_date)}"
            if view.first_date == view.last_date
            else f"between {long_date(view.first_date)} and {long_date(view.last_date)}"
        )
        yield b.p(
            f"{_people(view.respondents).capitalize()} answered from the point of view of "
            f"{view.perspective.label}, {dates}. Their answers are pooled: this report never says who gave which "
            "answer."
        )
        yield b.labelled("Overall pooled score: ", self.score_text(view.overall.value, view.overall.band))
        yield b.p(
            "A pooled score is the average of the respondents' ratings, from 0% (everyone chose the lowest rating) "
            "to 100% (everyone chose the highest). The median is the middle answer."
        )
        yield b.p(
            f"To protect the respondents, a statement rated by fewer than {_people(view.minimum_group)} shows no "
            "figures and no comments, only a note saying so."
        )
        if view.note:
            yield b.p(view.note)

    def score_text(self, value: float | None, band: str | None) -> str:
        if value is None:
            return "no score"
        return f"{percent(value)} ({self.level_name(band)})" if band else percent(value)

    def level_name(self, level_id: str | None) -> str:
        if level_id is None:
            return ""
        scale = self.view.scale
        return scale.level(level_id).name if scale.has_level(level_id) else level_id

    def entries(self, section_id: str) -> list[PooledCriterion]:
        return [entry for entry in self.view.criteria if entry.section == section_id]

    def section(self, b: Builder, section: SectionScore) -> Iterator[str]:
        entries = self.entries(section.section)
        if not entries:
            return
        yield b.heading(section.title)
        yield b.labelled(
            f"Pooled score for this {section_name(self.view.framework)}: ",
            self.score_text(section.score.value, section.score.band),
        )
        shown = [entry for entry in entries if not entry.withheld and entry.answered]
        if shown:
            levels = [level.name for level in self.view.scale.levels]
            bars = [
                SpreadBar(
                    self.statements.reference(entry.criterion).rsplit(", ", 1)[-1].capitalize(),
                    [(entry.shares or {}).get(level.id, 0.0) for level in self.view.scale.levels],
                )
                for entry in shown
            ]
            yield b.picture(lambda: spread_chart(bars, levels), spread_description(self.view, self.statements, entries))
        header = ["Statement", "How many rated it", *[level.name for level in self.view.scale.levels]]
        header += ["Median", "Pooled score"]
        columns = len(header)
        first = 0.34
        rest = (1 - first) / (columns - 1)
        rows = [self.row(b, entry, columns) for entry in entries]
        yield b.table(header, [first, *[rest] * (columns - 1)], rows, caption=f"{section.title}: spread of answers")

    def row(self, b: Builder, entry: PooledCriterion, columns: int) -> list[str]:
        statement = b.statement(self.statements, entry.criterion)
        if entry.withheld:
            note = entry.note or "Withheld to protect the respondents."
            return [statement, b.p(note), *[para() for _ in range(columns - 2)]]
        counts = entry.counts or {}
        shares = entry.shares or {}
        answered = entry.answered or 0
        extra = []
        if entry.not_applicable:
            extra.append(f"{entry.not_applicable} said not applicable")
        if entry.unanswered:
            extra.append(f"{entry.unanswered} left it blank")
        rated = b.value(str(answered)) + "".join(b.value(text) for text in extra)
        cells = [
            b.value(f"{counts.get(level.id, 0)} ({percent(shares.get(level.id, 0.0))})")
            for level in self.view.scale.levels
        ]
        median = b.value(self.level_name(entry.median) or "none")
        score = b.value(self.score_text(entry.value, entry.band))
        return [statement, rated, *cells, median, score]

    def comments(self, b: Builder) -> Iterator[str]:
        with_text = [entry for entry in self.view.criteria if entry.texts and not entry.withheld]
        yield b.heading("What respondents wrote")
        if not with_text:
            yield b.p("Nobody wrote a comment that can be shown.")
            return
        yield b.p(
            "These are the respondents' own words, as they wrote them, in no particular order and without names. "
            "Read them before you share this report: someone may have named a child."
        )
        for entry in with_text:
            yield b.heading(self.statements.reference(entry.criterion), 2)
            for text in entry.texts:
                yield b.labelled(f"{_FIELD_NAMES.get(text.field, text.field.value)}: ", text.text)


def write_pooled_view(view: PooledView, out: BinaryIO, settings: Settings) -> None:
    """Write the report of a pooled view to ``out``.

    The statements' wording comes from the framework version in the
    catalogue; without it, statements are shown by their ids.

    Args:
        view: The pooled view.
        out: A binary stream; nothing reaches it on failure.
        settings: The catalogue.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    framework = settings.catalogue.find_framework(view.framework, view.framework_version)
    if framework is not None and not _fits(view, framework):
        framework = None
    checked = {"pooled view": to_dict(view)}
    if framework is not None:
        checked["framework"] = to_dict(framework)
    ensure_storable_text(checked)
    label = framework.label if framework is not None else f"{view.framework} {view.framework_version}"
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=f"{view.organisation.name}: what {view.perspective.label} told us",
        subject=f"Pooled view of {_people(view.respondents)} against the {label}",
        keywords="pooled view; many voices; SEND; co-production",
        kind="coproduction-pooled-view",
        properties={
            "coproduction.framework": view.framework,
            "coproduction.framework_version": view.framework_version,
            "coproduction.respondents": str(view.respondents),
        },
        body=_Pooled(view, framework).body,
    )
