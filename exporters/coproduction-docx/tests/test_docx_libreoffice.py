"""LibreOffice opens what we write, and what LibreOffice saves reads back the same.

These need LibreOffice (``soffice``) and are skipped, with the reason, only when
it is not on PATH. PDF text is extracted with ``pdftotext`` (poppler-utils) or,
failing that, pypdf.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from coproduction_docx import DocxExporter

import coproduction as c
from coproduction import export_context


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        completed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        return completed.stdout.decode("utf-8")
    try:
        import pypdf
    except ImportError:
        pytest.skip("neither pdftotext (poppler-utils) nor pypdf is installed to read the PDF")
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def squash(text: str) -> str:
    return " ".join(text.split())


def letters(text: str) -> str:
    """Text without spaces or hyphens: PDF extraction joins words hyphenated at a line end."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text)


def without_expansions(text: str) -> str:
    """Undo "Special Educational Needs (SEN)": the report spells acronyms out on first use."""
    for term in c.default_catalogue().glossary().terms:
        if term.expansion:
            for variant in term.term.split(" or "):
                text = text.replace(f"{term.expansion} ({variant})", variant)
    return text


def filled_audit(framework: c.Framework) -> c.Audit:
    levels = [level.id for level in framework.scale.levels]
    responses = []
    for index, criterion in enumerate(framework.criteria):
        if framework.allows_not_applicable and index % 6 == 5:
            responses.append(c.Response(criterion=criterion.id, not_applicable=True))
        elif index % 4 == 3:
            responses.append(c.Response(criterion=criterion.id, evidence="Only notes so far"))
        else:
            responses.append(
                c.Response(
                    criterion=criterion.id,
                    rating=levels[index % len(levels)],
                    evidence=f"Line one of {index}\nLine two: caf\u00e9 \u2013 \u65e5\u672c \U0001f600\tend  ",
                    required_actions="  Indented action" if index % 2 else "",
                    next_steps="Step one\n\nStep three",
                )
            )
    return c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak & Ash Primary School", "100234"),
        perspective=c.Perspective.PARENT_CARERS,
        date=dt.date(2025, 3, 14),
        responses=responses,
        completed_by="A. Parent\nForum chair",
    )


def test_the_template_converts_to_pdf_with_every_criterion(
    helpers, soffice, tmp_path, worcestershire, catalogue
) -> None:
    template = c.AuditTemplate(
        worcestershire,
        c.Perspective.SCHOOL_STAFF,
        organisation=c.Organisation("Oak School"),
        ladder=catalogue.ladder("tlap-ladder-of-coproduction"),
    )
    source = tmp_path / "template.docx"
    source.write_bytes(helpers.export_bytes(template))
    text = squash(pdf_text(soffice(source, "pdf", tmp_path / "pdf")))
    for section in worcestershire.sections:
        assert section.title in text
        for criterion in section.criteria:
            assert f"Reference: {criterion.id}" in text
            # acronyms are spelled out at first use in the template too
            assert letters(criterion.text) in letters(without_expansions(text)), criterion.id


def test_the_report_converts_to_pdf_with_every_criterion(helpers, soffice, tmp_path, durham, catalogue) -> None:
    ladder = catalogue.ladder("durham-degrees-of-participation")
    audit = filled_audit(durham)
    assessment = c.LadderAssessment(
        ladder=ladder.id,
        organisation=audit.organisation,
        perspective=audit.perspective,
        date=audit.date,
        rungs=[c.RungPractice(rung.id, index < 3) for index, rung in enumerate(ladder.rungs)],
    )
    source = tmp_path / "report.docx"
    source.write_bytes(helpers.export_bytes(c.AuditReport(audit, durham, ladder, assessment)))
    text = squash(pdf_text(soffice(source, "pdf", tmp_path / "pdf")))
    assert "Overall score:" in text
    for criterion in durham.criteria:
        assert f"Reference: {criterion.id}" in text
        # a parent carers' report shows each statement in the parent carer wording
        shown = c.wording_for(criterion, audit.perspective)
        assert letters(shown) in letters(without_expansions(text)), criterion.id


@pytest.mark.parametrize(
    "framework_id", ["worcestershire-seven-quality-standards", "durham-audit-tool-for-participation"]
)
def test_a_template_saved_again_by_libreoffice_reads_back_the_same(
    helpers, soffice, tmp_path, catalogue, framework_id
) -> None:
    framework = catalogue.framework(framework_id)
    audit = filled_audit(framework)
    template = helpers.export_bytes(c.AuditTemplate(framework, c.Perspective.SCHOOL_STAFF))
    filled = tmp_path / "filled.docx"
    filled.write_bytes(helpers.fill_values(template, helpers.audit_values(audit, framework)))
    resaved = soffice(filled, "docx:MS Word 2007 XML", tmp_path / "resaved")
    # LibreOffice drops the tags of the content controls: the reader must not need them.
    assert b"shared-values-1:rating" not in resaved.read_bytes()
    with resaved.open("rb") as stream:
        back = DocxExporter().read(stream, export_context())
    assert helpers.normalised(back, framework) == helpers.normalised(audit, framework)


def test_a_bad_rating_in_a_libreoffice_file_is_reported(helpers, soffice, tmp_path, worcestershire) -> None:
    template = helpers.export_bytes(
        c.AuditTemplate(
            worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak"), date=dt.date(2025, 1, 1)
        )
    )
    filled = tmp_path / "bad.docx"
    filled.write_bytes(helpers.fill_values(template, {"leadership-2:rating": "Brilliant"}))
    resaved = soffice(filled, "docx:MS Word 2007 XML", tmp_path / "resaved")
    with pytest.raises(c.InvalidDocumentError) as caught, resaved.open("rb") as stream:
        DocxExporter().read(stream, export_context())
    assert [(p.path, p.code) for p in caught.value.problems] == [("Leadership > leadership-2", "unknown-level")]
    assert str(resaved) in str(caught.value)
