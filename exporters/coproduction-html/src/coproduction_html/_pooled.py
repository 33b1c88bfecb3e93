"""The pooled view: how many people answered, the spread of their answers for each quality standard, their comments.

Nobody is named: the pooled view holds no names. Where too few people
answered a statement, the page shows only why its answers are not shown,
never a count or a comment.
"""

from __future__ import annotations

from coproduction import Field, PooledCriterion, PooledView, StatementIndex, section_name, withheld_note
from coproduction_html._chart import stacked_chart
from coproduction_html._context import PageContext
from coproduction_html._page import Page, Part, Table
from coproduction_html._wording import count_of, long_date, percent, sentence_case

__all__ = ["pooled_page"]

_WROTE = {
    Field.EVIDENCE: "What shows it",
    Field.REQUIRED_ACTIONS: "What needs to happen",
    Field.NEXT_STEPS: "Next steps",
}


def _dates(view: PooledView) -> str:
    if view.first_date == view.last_date:
        return f"on {long_date(view.first_date)}"
    return f"between {long_date(view.first_date)} and {long_date(view.last_date)}"


def pooled_page(view: PooledView, context: PageContext) -> Page:
    """The page of a pooled view; statements are shown by reference when the catalogue lacks their framework."""
    framework = context.catalogue.find_framework(view.framework, view.framework_version)
    noun = section_name(view.framework)
    statements = StatementIndex(framework)
    who = view.perspective.label
    levels = list(view.scale.levels)
    names = [level.name for level in levels]
    label = framework.title if framework is not None else f"the framework {view.framework}"
    people = count_of(view.respondents, "person", "people")
    withheld = [entry for entry in view.criteria if entry.withheld]
    introduction = [
        f"{sentence_case(people)} ({who}) rated {view.organisation.name} against the {label}, {_dates(view)}. "
        "This page puts their answers together. It never says who gave which answer.",
        f"Where fewer than {count_of(view.minimum_group, 'person', 'people')} answered a statement, we do not "
        "show its answers or comments. That way, nobody can work out how one person answered.",
    ]
    if withheld:
        introduction.append(
            f"That is true of {count_of(len(withheld), 'statement')} here. They do not count towards the scores."
        )
    section_rows = [
        [
            f"{number}. {section.title}",
            *(str(section.score.level_counts.get(level.id, 0)) for level in levels),
            percent(section.score.value),
        ]
        for number, section in enumerate(view.sections, start=1)
    ]
    spread = Table(
        id="spread-table",
        caption=f"How many answers were at each rating, for each {noun}",
        headers=[noun.capitalize(), *names, "Score"],
        rows=section_rows,
        total=[
            "All",
            *(str(view.overall.level_counts.get(level.id, 0)) for level in levels),
            percent(view.overall.value),
        ],
    )
    chart = stacked_chart(
        "spread-chart",
        f"The spread of answers for each {noun}",
        f"Stacked bar chart of how many answers were at each rating, for each {noun}. "
        + "; ".join(
            f"{row[0]}: " + ", ".join(f"{name} {count}" for name, count in zip(names, row[1:-1], strict=True))
            for row in section_rows
        )
        + ".",
        names,
        [
            (
                row[0],
                [section.score.level_counts.get(level.id, 0) for level in levels],
                _answers_text(row[1:-1]),
            )
            for row, section in zip(section_rows, view.sections, strict=True)
        ],
    )
    summary = (
        "There is no overall score, because no statement has enough answers to show."
        if view.overall.value is None
        else f"The overall score is {percent(view.overall.value)}. Scores run from 0% (every answer "
        f"{view.scale.lowest.name}) to 100% (every answer {view.scale.highest.name})."
    )
    parts = [Part("spread", "The spread of answers", {"paragraphs": [summary], "table": spread, "chart": chart})]
    by_section: dict[str, list[PooledCriterion]] = {section.section: [] for section in view.sections}
    for entry in view.criteria:
        by_section.setdefault(entry.section, []).append(entry)
    titles = {section.section: section.title for section in view.sections}
    for number, (section_id, entries) in enumerate(by_section.items(), start=1):
        heading = f"{number}. {titles.get(section_id, section_id)}"
        shown = [entry for entry in entries if not entry.withheld]
        table = Table(
            id=f"standard-{number}-table",
            caption=f"{heading}: how many people gave each rating",
            headers=["Statement", *names, "Does not apply", "Not answered"],
            rows=[
                [
                    [statements.text(entry.criterion), statements.reference(entry.criterion)],
                    *(str((entry.counts or {}).get(level.id, 0)) for level in levels),
                    str(entry.not_applicable or 0),
                    str(entry.unanswered or 0),
                ]
                for entry in shown
            ],
            row_headers=False,
        )
        parts.append(
            Part(
                f"standard-{number}",
                heading,
                {
                    "table": table if shown else None,
                    "not_shown": [
                        {
                            "statement": statements.reference(entry.criterion),
                            "note": entry.note or withheld_note(view.minimum_group),
                        }
                        for entry in entries
                        if entry.withheld
                    ],
                    "comments": [
                        {
                            "statement": statements.reference(entry.criterion),
                            "texts": [{"field": _WROTE[text.field], "text": text.text} for text in entry.texts],
                        }
                        for entry in shown
                        if entry.texts
                    ],
                },
            )
        )
    return Page(
        kind="pooled-view",
        title=f"{view.organisation.name}: what {people} told us",
        organisation=view.organisation,
        date=view.last_date,
        summary=f"How {people} ({who}) rated {view.organisation.name}, {_dates(view)}: "
        f"{percent(view.overall.value)} overall.",
        template="pooled.html.j2",
        parts=parts,
        introduction=introduction,
        variant=view.perspective.value,
    )


def _answers_text(counts: list[str]) -> str:
    """The words under a bar (short, to fit a phone): how many answers it stands for."""
    total = sum(int(count) for count in counts)
    return "No answers to show" if total == 0 else count_of(total, "answer")
