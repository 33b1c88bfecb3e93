"""The audit report: summary, chart picture, ladder, answers, plain English."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib

import docx
import pytest
from hypothesis import given, settings

import coproduction as c
from coproduction.testing import audits, frameworks


def sample(framework: c.Framework, *, ladder: c.Ladder | None = None) -> c.AuditReport:
    levels = [level.id for level in framework.scale.levels]
    responses = []
    for index, criterion in enumerate(framework.criteria):
        if index % 10 == 9:
            continue
        responses.append(
            c.Response(
                criterion=criterion.id,
                rating=levels[index % len(levels)],
                evidence=f"Evidence {index}: the SENCo meets the forum.",
                required_actions=f"Action {index}" if index % 2 else "",
                next_steps=f"Step {index}",
            )
        )
    audit = c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak School"),
        perspective=c.Perspective.PARENT_CARERS,
        date=dt.date(2025, 3, 14),
        responses=responses,
        completed_by="The SEND team",
    )
    assessment = None
    if ladder is not None:
        assessment = c.LadderAssessment(
            ladder=ladder.id,
            organisation=audit.organisation,
            perspective=audit.perspective,
            date=audit.date,
            rungs=[
                c.RungPractice(rung.id, index in (1, 2), f"We do {rung.name}")
                for index, rung in enumerate(ladder.rungs)
            ],
        )
    return c.AuditReport(audit, framework, ladder, assessment)


def open_report(helpers, report: c.AuditReport):
    data = helpers.export_bytes(report)
    return data, docx.Document(io.BytesIO(data))


def all_text(document) -> str:
    chunks = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            chunks.extend(cell.text for cell in row.cells)
    return "\n".join(chunks)


def pngs(data: bytes) -> list[bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [archive.read(name) for name in archive.namelist() if name.startswith("word/media/")]


def assert_valid_png(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    position, width, height, channels, idat = 8, 0, 0, 1, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    assert len(zlib.decompress(idat)) == height * (width * channels + 1)
    return width, height


def test_the_report_summarises_and_lists_every_answer(helpers, worcestershire) -> None:
    report = sample(worcestershire)
    _, document = open_report(helpers, report)
    text = all_text(document)
    scores = report.scores
    overall = scores.overall
    assert f"Overall score: {round(overall.value * 100)}%" in text
    assert worcestershire.scale.level(overall.band).name in text
    assert f"{overall.answered} of the {overall.criteria} statements that apply are rated" in text
    for criterion in worcestershire.criteria:
        assert f"Reference: {criterion.id}" in text
    # the first "SENCo" is spelled out, as every acronym is at first use
    assert text.count("Special Educational Needs (Disability) Co-ordinator (SENCo)") == 1
    unspelled = text.replace("Special Educational Needs (Disability) Co-ordinator (SENCo)", "SENCo")
    for response in report.audit.responses:
        assert response.evidence in unspelled
        assert response.next_steps in text
    assert "Not answered yet" in text
    assert "Gap: the next rating up is" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for number, section in enumerate(worcestershire.sections, start=1):
        assert f"{number}. {section.title}" in headings
    # the parent carers' report (sample's viewpoint) is a "report"; "audit" is staff's word
    assert document.core_properties.title == "Oak School: report"
    assert "This report shows how parent carers rated Oak School against the" in text
    assert "rated itself" not in text
    assert document.core_properties.language == "en-GB"


def test_the_chart_is_a_valid_png_with_a_description(helpers, worcestershire) -> None:
    data, _ = open_report(helpers, sample(worcestershire))
    images = pngs(data)
    assert len(images) == 1
    width, height = assert_valid_png(images[0])
    assert width > 300 and height > 100
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'descr="Bar chart of the score of each quality standard. 1. Shared values:' in xml


def test_acronyms_are_spelled_out_on_first_use_only(helpers, worcestershire) -> None:
    _, document = open_report(helpers, sample(worcestershire))
    text = all_text(document)
    assert text.count("Special Educational Needs and/or Disability (SEND)") == 1
    first = text.index("Special Educational Needs and/or Disability (SEND)")
    assert "SEND" not in text[:first].replace("Special Educational Needs and/or Disability", "")
    assert "Words and short forms used in this report" in text


def test_the_ladder_marks_the_rungs_in_use(helpers, worcestershire, catalogue) -> None:
    ladder = catalogue.ladder("tlap-ladder-of-coproduction")
    report = sample(worcestershire, ladder=ladder)
    data, document = open_report(helpers, report)
    text = all_text(document)
    placement = c.place(report.ladder_assessment, ladder)
    assert f"the highest rung in use now is rung 3, \u201c{placement.highest.name}\u201d" in text
    ladder_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Rung")
    marks = {row.cells[1].paragraphs[0].text: row.cells[2].text for row in ladder_table.rows[1:]}
    assert marks == {rung.name: ("\u2714 In use" if rung in placement.doing else "Not in use") for rung in ladder.rungs}
    assert [row.cells[0].text for row in ladder_table.rows[1:]] == [str(n) for n in range(len(ladder.rungs), 0, -1)]
    images = pngs(data)
    assert len(images) == 2
    for image in images:
        assert_valid_png(image)


def test_an_assessment_without_its_ladder_uses_the_catalogue(helpers, worcestershire, catalogue) -> None:
    ladder = catalogue.ladder("hart-ladder-of-participation")
    with_ladder = sample(worcestershire, ladder=ladder)
    report = c.AuditReport(with_ladder.audit, worcestershire, None, with_ladder.ladder_assessment)
    _, document = open_report(helpers, report)
    assert ladder.name in all_text(document)


def test_an_audit_that_does_not_fit_is_refused(helpers, worcestershire, durham) -> None:
    report = c.AuditReport(sample(durham).audit, worcestershire)
    out = io.BytesIO()
    with pytest.raises(c.InvalidDocumentError):
        helpers.export_bytes(report)
    assert out.getvalue() == b""


@settings(max_examples=15, deadline=None)
@given(pair=frameworks().flatmap(lambda f: audits(f).map(lambda a: (f, a))))
def test_reports_of_any_audit_open_again(helpers, pair) -> None:
    framework, audit = pair
    _, document = open_report(helpers, c.AuditReport(audit, framework))
    text = all_text(document)
    for criterion in framework.criteria:
        assert f"Reference: {criterion.id}" in text
