"""The audit report: summary, chart, the ladder, and every answer standard by standard."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from coproduction import (
    AuditReport,
    Catalogue,
    ExportContext,
    Field,
    Framework,
    InvalidDocumentError,
    Ladder,
    LadderAssessment,
    Level,
    Perspective,
    Phrase,
    Problem,
    Response,
    Score,
    UnknownLadderError,
    phrase,
    place,
    section_word,
    terms_used,
    to_dict,
    wording,
    wording_for,
)
from coproduction_docx._chart import ladder_chart, section_chart
from coproduction_docx._cycle import rung_description
from coproduction_docx._layout import REFERENCE_PREFIX
from coproduction_docx._ooxml import (
    Page,
    add_custom_properties,
    append_body,
    cell,
    new_document,
    para,
    paragraph_texts,
    picture,
    run,
    table,
)
from coproduction_docx._prose import glossary_of
from coproduction_docx._text import acronyms_of, ensure_storable_text, set_core_properties

__all__ = ["write_report"]

_PAGE = Page(landscape=True)


def _percent(value: float | None) -> str:
    return wording.percent(value)


class _Builder:
    def __init__(self, report: AuditReport, document: Any, catalogue: Catalogue) -> None:
        self.report = report
        self.framework: Framework = report.framework
        self.document = document
        self.plain = acronyms_of(catalogue)
        self.glossary = glossary_of(catalogue)
        self.pictures = itertools.count(1)
        self.viewpoint: Perspective = report.audit.perspective
        self.family = self.viewpoint is not Perspective.SCHOOL_STAFF
        word = section_word(self.framework.id)
        self.section = "quality standard" if word == "standard" else word
        self.sections = f"{self.section}s"

    def add_picture(self, png: bytes, width: int, height: int, description: str) -> str:
        rid, _ = self.document.part.get_or_add_image(io.BytesIO(png))
        return para(picture(rid, next(self.pictures), width, height, description, _PAGE.text_width), keep_next=True)

    def p(self, value: str, *, style: str | None = None) -> str:
        return para(run(self.plain(value)), style=style)

    @staticmethod
    def heading(value: str, level: int = 1) -> str:
        return para(run(value), style=f"Heading{level}")

    def level_name(self, level_id: str | None) -> str:
        return "" if level_id is None else self.framework.scale.level(level_id).name

    # -- parts of the report -----------------------------------------------------------------

    def introduction(self) -> Iterator[str]:
        audit = self.report.audit
        date = wording.long_date(audit.date)
        by = (
            f" It was completed by {audit.completed_by.strip()}."
            if audit.completed_by and audit.completed_by.strip()
            else ""
        )
        yield self.p(
            phrase(
                Phrase.REPORT_INTRODUCTION,
                self.viewpoint,
                organisation=audit.organisation.name,
                framework=self.framework.title,
                date=date,
            )
            + by
        )
        yield self.p(
            "Scores run from 0% (every statement at the lowest rating) to 100% (every statement at the highest). "
            "Statements marked not applicable, and statements not answered yet, do not count towards a score."
        )

    def summary(self, scores: Any) -> Iterator[str]:
        overall: Score = scores.overall
        yield self.heading("Summary")
        if overall.value is None:
            yield self.p("Overall score: there is no score yet, because no statement has been rated.")
        else:
            yield self.p(
                f"Overall score: {_percent(overall.value)}, which is closest to the rating "
                f"\u201c{self.level_name(overall.band)}\u201d."
            )
        applicable = overall.criteria - overall.not_applicable
        yield self.p(
            f"{overall.answered} of the {applicable} statements that apply are rated "
            f"({round(overall.coverage * 100)}% coverage). "
            f"{overall.not_applicable} marked not applicable; {overall.unanswered} not answered yet."
            + (
                (" Every statement is answered." if overall.complete else " Some statements are not answered yet.")
                if self.family
                else (" The audit is complete." if overall.complete else " The audit is not complete yet.")
            )
        )
        widths = _PAGE.widths([0.5, 0.5])
        rows = [
            f"<w:tr>{cell(para(run(level.name)), widths[0])}"
            f"{cell(para(run(str(overall.level_counts[level.id]))), widths[1])}</w:tr>"
            for level in reversed(self.framework.scale.levels)
        ]
        if self.framework.allows_not_applicable:
            rows.append(
                f"<w:tr>{cell(para(run('Not applicable')), widths[0])}"
                f"{cell(para(run(str(overall.not_applicable))), widths[1])}</w:tr>"
            )
        rows.append(
            f"<w:tr>{cell(para(run('Not answered yet')), widths[0])}"
            f"{cell(para(run(str(overall.unanswered))), widths[1])}</w:tr>"
        )
        yield self.heading("How many statements are at each rating", 2)
        yield table(["Rating", "Statements"], widths, rows, caption="How many statements are at each rating")

    def section_scores(self, scores: Any) -> Iterator[str]:
        yield self.heading(f"Scores for each {self.section}", 2)
        widths = _PAGE.widths([0.46, 0.14, 0.2, 0.2])
        rows = []
        for number, section in enumerate(scores.sections, start=1):
            value: Score = section.score
            cells = (
                f"{number}. {section.title}",
                _percent(value.value),
                self.level_name(value.band) or "none yet",
                f"{value.answered} of {value.criteria - value.not_applicable}",
            )
            rows.append(
                "<w:tr>" + "".join(cell(para(run(c)), w) for c, w in zip(cells, widths, strict=True)) + "</w:tr>"
            )
        yield table(
            [self.section.capitalize(), "Score", "Closest rating", "Statements rated"],
            widths,
            rows,
            caption=f"Scores for each {self.section}",
        )
        png, width, height = section_chart(
            [section.title for section in scores.sections], [section.score.value for section in scores.sections]
        )
        described = "; ".join(
            f"{number}. {section.title}: {_percent(section.score.value)}"
            for number, section in enumerate(scores.sections, start=1)
        )
        yield self.add_picture(png, width, height, f"Bar chart of the score of each {self.section}. {described}.")
        yield self.p(
            f"Figure 1. The score of each {self.section}, numbered as in the table above. "
            f"A {self.section} with no score yet says \u201cno score\u201d.",
            style="Caption",
        )

    def ladder(self, ladder: Ladder, assessment: LadderAssessment) -> Iterator[str]:
        placement = place(assessment, ladder)
        yield self.heading("Where you are on the participation ladder")
        doing = {rung.id for rung in placement.doing}
        evidence = {entry.rung: entry.evidence for entry in assessment.rungs}
        if placement.highest is None:
            yield self.p(f"On the {ladder.name}, no rung is in use yet.")
        else:
            yield self.p(
                f"On the {ladder.name}, the highest rung in use now is rung "
                f"{ladder.position(placement.highest.id) + 1}, \u201c{placement.highest.name}\u201d. "
                f"{len(placement.doing)} of the {len(ladder.rungs)} rungs are in use."
            )
        png, width, height = ladder_chart(
            [rung.name for rung in ladder.rungs], [rung.id in doing for rung in ladder.rungs]
        )
        described = "; ".join(
            f"rung {number}, {rung.name}: {'in use' if rung.id in doing else 'not in use'}"
            for number, rung in enumerate(ladder.rungs, start=1)
        )
        yield self.add_picture(png, width, height, f"The {ladder.name}, lowest rung at the bottom. {described}.")
        yield self.p(
            "Figure 2. The ladder, lowest rung at the bottom. Rungs in use are drawn as solid bars; "
            "rungs not in use are striped outlines.",
            style="Caption",
        )
        widths = _PAGE.widths([0.08, 0.42, 0.14, 0.36])
        rows = []
        for number, rung in reversed(list(enumerate(ladder.rungs, start=1))):
            used = rung.id in doing
            cells = (
                cell(para(run(str(number))), widths[0]),
                cell(
                    para(run(rung.name, bold=True))
                    + (para(run(self.plain(rung_description(rung, self.viewpoint)))) if rung.description else ""),
                    widths[1],
                ),
                cell(
                    para(run("\u2714 In use" if used else "Not in use", bold=used)),
                    widths[2],
                    shade="D9E2F3" if used else None,
                ),
                cell(para(run(evidence.get(rung.id, ""))), widths[3]),
            )
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
        yield table(
            ["Rung", "What it means", "In use now?", "Evidence"],
            widths,
            rows,
            caption=f"The {ladder.name}, top rung first",
        )

    def answers(self, scores: Any) -> Iterator[str]:
        framework = self.framework
        responses = self.report.audit.by_criterion()
        show_evidence = Field.EVIDENCE in framework.fields
        fractions = [0.34, 0.14, 0.26, 0.26] if show_evidence else [0.4, 0.16, 0.44]
        headers = (
            ["Statement", "Rating", "Evidence", "Gaps and next steps"]
            if show_evidence
            else [
                "Statement",
                "Rating",
                "Gaps and next steps",
            ]
        )
        widths = _PAGE.widths(fractions)
        word = section_word(framework.id)
        yield self.heading(f"Your answers, {word} by {word}")
        for number, (section, section_score) in enumerate(zip(framework.sections, scores.sections, strict=True), 1):
            yield self.heading(f"{number}. {section.title}", 2)
            if section.summary:
                yield self.p(wording_for(section, self.viewpoint, "summary"))
            value: Score = section_score.score
            yield self.p(
                f"Score: {_percent(value.value)}"
                + (f", closest to \u201c{self.level_name(value.band)}\u201d" if value.band else "")
                + f". {value.answered} of {value.criteria - value.not_applicable} statements rated."
            )
            rows = []
            for criterion in section.criteria:
                response = responses.get(criterion.id)
                statement = para(run(self.plain(wording_for(criterion, self.viewpoint)))) + para(
                    run(REFERENCE_PREFIX + criterion.id), style="Reference"
                )
                cells = [cell(statement, widths[0]), cell(para(run(self._rating(response), bold=True)), widths[1])]
                if show_evidence:
                    cells.append(cell(self._lines([response.evidence if response else ""], "None given."), widths[2]))
                cells.append(cell(self._gaps(response), widths[-1]))
                rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
            yield table(headers, widths, rows, caption=f"Answers for {section.title}")

    def _rating(self, response: Response | None) -> str:
        if response is None or (response.rating is None and not response.not_applicable):
            return "Not answered yet"
        if response.not_applicable:
            return "Not applicable"
        return self.level_name(response.rating)

    def _lines(self, values: list[str], empty: str) -> str:
        present = [value for value in values if value.strip()]
        return "".join(para(run(self.plain(value))) for value in present) if present else para(run(empty))

    def _gaps(self, response: Response | None) -> str:
        scale = self.framework.scale
        parts: list[str] = []
        if response is None or (response.rating is None and not response.not_applicable):
            parts.append(para(run("Not answered yet: rate this statement to see the gap.")))
        elif response.not_applicable:
            parts.append(para(run("None: this statement does not apply.")))
        else:
            level: Level = scale.level(response.rating or "")
            if level.id == scale.highest.id:
                parts.append(para(run(f"No gap: rated {level.name}, the highest rating.")))
            else:
                above = scale.levels[scale.levels.index(level) + 1]
                parts.append(para(run(f"Gap: the next rating up is {above.name}.")))
        if response is not None:
            for field, label in ((Field.REQUIRED_ACTIONS, "Actions needed"), (Field.NEXT_STEPS, "Next steps")):
                value = getattr(response, field.value)
                if field in self.framework.fields and value.strip():
                    parts.append(para(run(f"{label}: ", bold=True) + run(self.plain(value))))
        return "".join(parts)

    def words(self, body: list[str]) -> Iterator[str]:
        """The glossary section: every glossary term the report uses, acronyms with what they stand for."""
        terms = terms_used(paragraph_texts("".join(body)), self.glossary) if self.glossary is not None else []
        yield self.heading("Words and short forms used in this report")
        if not terms:
            yield self.p("This report uses no special words or short forms.")
            return
        yield self.p("These are the special words and short forms used above, and what they mean.")
        for term in terms:
            name = f"{term.term} ({term.expansion})" if term.expansion else term.term
            yield para(run(name, bold=True) + run(f": {term.plain}"), style="ListBullet")


def _ladder_for(report: AuditReport, catalogue: Catalogue) -> Ladder | None:
    assessment = report.ladder_assessment
    if assessment is None:
        return None
    if report.ladder is not None:
        return report.ladder
    try:
        return catalogue.ladder(assessment.ladder)
    except UnknownLadderError as error:
        raise InvalidDocumentError(
            "the report has a ladder assessment but not its ladder",
            [Problem("ladder", "unknown-ladder", f"{error.message}; pass the ladder to AuditReport(ladder=...)")],
        ) from error


def write_report(report: AuditReport, out: BinaryIO, context: ExportContext) -> None:
    """Write a readable audit report to ``out``.

    Args:
        report: The audit, its framework, and optionally a ladder assessment.
        out: A binary stream.
        context: The catalogue the report's ladder (when not given) and glossary come from.

    Raises:
        ExportError: If any text holds a character Word cannot store.
        InvalidDocumentError: If the audit does not fit its framework, or the
            ladder assessment does not fit its ladder.
    """
    checked: dict[str, Any] = {"audit": to_dict(report.audit), "framework": to_dict(report.framework)}
    ladder = _ladder_for(report, context.catalogue)
    if ladder is not None and report.ladder_assessment is not None:
        checked["ladder"] = to_dict(ladder)
        checked["ladder_assessment"] = to_dict(report.ladder_assessment)
        try:
            place(report.ladder_assessment, ladder)
        except ValueError as error:
            raise InvalidDocumentError(
                "the ladder assessment does not fit its ladder",
                [Problem("ladder_assessment", "wrong-ladder", str(error))],
            ) from error
    ensure_storable_text(checked)
    scores = report.scores  # raises InvalidDocumentError if the audit does not fit

    document = new_document()
    builder = _Builder(report, document, context.catalogue)
    audit = report.audit
    title = f"{audit.organisation.name}: {'report' if builder.family else 'audit report'}"
    parts: list[Callable[[], Iterator[str]]] = [
        builder.introduction,
        lambda: builder.summary(scores),
        lambda: builder.section_scores(scores),
    ]
    if ladder is not None and report.ladder_assessment is not None:
        assessment = report.ladder_assessment
        parts.append(lambda: builder.ladder(ladder, assessment))
    parts.append(lambda: builder.answers(scores))
    body = [para(run(title), style="Title")]
    for part in parts:
        body.extend(part())
    body.extend(builder.words(body))
    append_body(document, "".join(body), _PAGE)
    set_core_properties(
        document,
        made_on=context.as_of,
        title=title,
        subject=f"Audit report against the {report.framework.label}",
        language="en-GB",
        author="coproduction",
        comments="",
        keywords="audit report; SEND; co-production",
    )
    add_custom_properties(
        document,
        {
            "coproduction.kind": "coproduction-audit-report",
            "coproduction.framework": report.framework.id,
            "coproduction.framework_version": report.framework.version,
        },
    )
    document.save(out)
