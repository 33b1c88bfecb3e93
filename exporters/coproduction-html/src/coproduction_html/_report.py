"""The audit report: the overall score, how many statements are at each rating, each standard's score, the gaps."""

from __future__ import annotations

from coproduction import AuditReport, Framework, Score, StatementIndex, find_gaps, place, section_name
from coproduction_html._chart import bar_chart
from coproduction_html._context import PageContext
from coproduction_html._page import Page, Part, Table
from coproduction_html._wording import long_date, percent, percent_number, sentence_case

__all__ = ["report_page"]


def _level_counts(framework: Framework, scores: list[tuple[str, Score]]) -> Table:
    noun = section_name(framework.id)
    levels = list(reversed(framework.scale.levels))
    headers = [noun.capitalize(), *(level.name for level in levels)]
    if framework.allows_not_applicable:
        headers.append("Not applicable")
    headers.append("Not answered yet")

    def row(name: str, score: Score) -> list[str]:
        cells = [name, *(str(score.level_counts.get(level.id, 0)) for level in levels)]
        if framework.allows_not_applicable:
            cells.append(str(score.not_applicable))
        return [*cells, str(score.unanswered)]

    *sections, (overall_name, overall) = scores
    return Table(
        id="level-counts-table",
        caption=f"How many statements are at each rating, for each {noun}",
        headers=headers,
        rows=[row(name, score) for name, score in sections],
        total=row(overall_name, overall),
    )


def report_page(report: AuditReport, context: PageContext) -> Page:
    """The page of an audit report (its framework travels with it; the context is not needed)."""
    audit, framework = report.audit, report.framework
    noun = section_name(framework.id)
    scores = report.scores
    statements = StatementIndex(framework)
    who = audit.perspective.label
    overall = scores.overall
    by = (
        f" It was filled in by {audit.completed_by.strip()}."
        if audit.completed_by and audit.completed_by.strip()
        else ""
    )
    introduction = [
        f"This report shows how {who} rated {audit.organisation.name} against the {framework.title}, "
        f"on {long_date(audit.date)}.{by}",
        f"Scores run from 0% (every statement rated {framework.scale.lowest.name}) to 100% (every statement "
        f"rated {framework.scale.highest.name}). Statements that do not apply, and statements not answered yet, "
        "do not count towards a score.",
    ]
    applicable = overall.criteria - overall.not_applicable
    if overall.value is None:
        headline = "There is no overall score yet, because no statement has been rated."
    else:
        headline = (
            f"The overall score is {percent(overall.value)}, which is closest to the rating "
            f"\u201c{statements.level_name(overall.band)}\u201d."
        )
    summary = [
        headline,
        f"{overall.answered} of the {applicable} statements that apply are rated "
        f"({percent_number(overall.coverage)}% of them)."
        + (" The checklist is complete." if overall.complete else " The checklist is not complete yet."),
    ]
    section_rows = [
        [
            f"{number}. {section.title}",
            percent(section.score.value),
            statements.level_name(section.score.band) or "None yet",
            f"{section.score.answered} of {section.score.criteria - section.score.not_applicable}",
        ]
        for number, section in enumerate(scores.sections, start=1)
    ]
    section_table = Table(
        id="section-scores-table",
        caption=f"The score of each {noun}",
        headers=[noun.capitalize(), "Score", "Closest rating", "Statements rated"],
        rows=section_rows,
        total=[
            "Overall",
            percent(overall.value),
            statements.level_name(overall.band) or "None yet",
            f"{overall.answered} of {applicable}",
        ],
    )
    chart = bar_chart(
        "section-scores-chart",
        f"The score of each {noun}",
        f"Bar chart of the score of each {noun}, from 0% to 100%. "
        + "; ".join(f"{row[0]}: {row[1]}" for row in section_rows)
        + ".",
        [sentence_case(who)],
        [(row[0], [(section.score.value, row[1])]) for row, section in zip(section_rows, scores.sections, strict=True)],
    )
    counts = _level_counts(
        framework, [(f"{n}. {s.title}", s.score) for n, s in enumerate(scores.sections, start=1)] + [("All", overall)]
    )
    responses = audit.by_criterion()
    gap_rows = []
    for gap in find_gaps(audit, framework):
        response = responses.get(gap.criterion)
        todo = [text for text in (response.required_actions, response.next_steps) if text.strip()] if response else []
        gap_rows.append(
            [
                [statements.text(gap.criterion), statements.reference(gap.criterion)],
                statements.level_name(gap.level),
                todo or "Nothing written yet",
            ]
        )
    gaps = Table(
        id="gaps-table",
        caption=f"Statements rated below {framework.scale.highest.name}, lowest rating first",
        headers=["Statement", "Rating", "What needs to happen next"],
        rows=gap_rows,
        row_headers=False,
    )
    parts = [
        Part("summary", "Summary", {"paragraphs": summary, "table": counts}),
        Part("scores", f"The score of each {noun}", {"table": section_table, "chart": chart}),
    ]
    if report.ladder is not None and report.ladder_assessment is not None:
        ladder = report.ladder
        placement = place(report.ladder_assessment, ladder)
        doing = {rung.id for rung in placement.doing}
        evidence = {entry.rung: entry.evidence for entry in report.ladder_assessment.rungs}
        highest = (
            f"On the {ladder.name}, no step is in use yet."
            if placement.highest is None
            else f"On the {ladder.name}, the highest step in use now is step "
            f"{ladder.position(placement.highest.id) + 1}, \u201c{placement.highest.name}\u201d. "
            f"{len(placement.doing)} of the {len(ladder.rungs)} steps are in use."
        )
        ladder_table = Table(
            id="ladder-table",
            caption=f"The steps of the {ladder.name}, highest first",
            headers=["Step", "In use now?", "What shows it"],
            rows=[
                [f"{number}. {rung.name}", "In use" if rung.id in doing else "Not in use", evidence.get(rung.id, "")]
                for number, rung in reversed(list(enumerate(ladder.rungs, start=1)))
            ],
        )
        parts.append(
            Part(
                "ladder", "Where you are on the ladder of taking part", {"paragraphs": [highest], "table": ladder_table}
            )
        )
    parts.append(
        Part(
            "gaps",
            "Where there is most to do",
            {
                "paragraphs": [
                    f"These statements were rated below {framework.scale.highest.name}, the lowest rating first."
                    if gap_rows
                    else f"Every statement that applies was rated {framework.scale.highest.name}."
                ],
                "table": gaps if gap_rows else None,
            },
        )
    )
    return Page(
        kind="audit-report",
        title=f"{audit.organisation.name}: checklist results ({who})",
        organisation=audit.organisation,
        date=audit.date,
        summary=f"How {who} rated {audit.organisation.name} on {long_date(audit.date)}: "
        f"{percent(overall.value)} overall.",
        template="report.html.j2",
        parts=parts,
        introduction=introduction,
        variant=audit.perspective.value,
    )
