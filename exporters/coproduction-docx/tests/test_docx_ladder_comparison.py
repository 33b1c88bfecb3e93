"""The ladder from both sides in Word: who practises which highest rung, the rungs seen differently, a picture."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from coproduction_docx import DocxExporter
from lxml import etree

import coproduction as c

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
FAMILY_JARGON = ("perspective", "criterion", "criteria", "exporter", "kappa")
LADDER = c.default_catalogue().ladder("tlap-ladder-of-coproduction")
OAK = c.Organisation("Oak Primary School", "999901")


def assessment(perspective: c.Perspective, doing: dict[int, bool], evidence: str = "") -> c.LadderAssessment:
    """Rungs by their position (0 lowest); a rung left out is not answered."""
    return c.LadderAssessment(
        ladder=LADDER.id,
        organisation=OAK,
        perspective=perspective,
        date=dt.date(2026, 3, 2),
        rungs=[
            c.RungPractice(LADDER.rungs[index].id, state, f"{evidence} {index}" if evidence else "")
            for index, state in doing.items()
        ],
    )


@pytest.fixture(scope="module")
def report() -> c.LadderComparisonReport:
    school = assessment(c.Perspective.SCHOOL_STAFF, {0: False, 1: True, 2: True, 3: True, 4: True, 5: True}, "Staff")
    parents = assessment(c.Perspective.PARENT_CARERS, {0: False, 1: True, 2: True, 3: True, 4: False}, "Parents")
    return c.LadderComparisonReport(LADDER, school, parents)


def render(document: object) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(document, out, c.export_context(as_of=dt.date(2026, 3, 5)))
    return out.getvalue()


def reading_order(data: bytes) -> list[str]:
    body = docx.Document(io.BytesIO(data)).element.body
    found = ["".join(piece.text or "" for piece in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    return [value for value in found if value.strip()]


def quoted(report: c.LadderComparisonReport) -> list[str]:
    """What the document quotes rather than says: the ladder's own words, names, the evidence as written."""
    texts = [report.ladder.name, OAK.name]
    texts += [text for rung in report.ladder.rungs for text in (rung.name, rung.description) if text]
    texts += [entry.evidence for item in (report.first, report.second) for entry in item.rungs if entry.evidence]
    return sorted(texts, key=len, reverse=True)


def our_words(texts: list[str], report: c.LadderComparisonReport) -> list[str]:
    """The document's own words: before the list of words at the end, with what it quotes taken out."""
    end = next((i for i, value in enumerate(texts) if value.startswith("Words and short forms")), len(texts))
    kept = []
    for value in texts[:end]:
        for text in quoted(report):
            value = value.replace(text, "")
        if value.strip(" .:"):
            kept.append(value)
    return kept


def test_the_document_says_who_practises_which_highest_rung_and_where_the_views_differ(report) -> None:
    texts = reading_order(render(report))
    assert texts[0] == "Oak Primary School: the ladder from both sides"
    assert "School staff say the highest rung practised now is rung 6 of 7: Co-design." in texts
    assert "Parent carers say the highest rung practised now is rung 4 of 7: Consultation." in texts
    assert report.comparison.disagreements and [d.rung for d in report.comparison.disagreements] == [
        "engagement",
        "co-design",
    ]
    assert "Engagement: school staff say it is practised; parent carers say it is not." in texts
    assert "Co-design: school staff say it is practised; parent carers did not answer." in texts
    assert "The two views differ on 2 rungs. These are good places to start talking together." in texts


def test_the_table_lists_every_rung_top_first_with_each_view_and_its_evidence(report) -> None:
    document = docx.Document(io.BytesIO(render(report)))
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Rung", "School staff", "Parent carers"]
    rows = table.rows[1:]
    assert len(rows) == len(LADDER.rungs)
    for row, (number, rung) in zip(rows, reversed(list(enumerate(LADDER.rungs, start=1))), strict=True):
        first, school, parents = (cell.text for cell in row.cells)
        assert first.startswith(f"{number}. {rung.name}")
        index = number - 1
        assert school.startswith("Not answered" if index > 5 else "Doing" if index >= 1 else "Not doing")
        if index <= 5:
            assert f"Staff {index}" in school
        expected = "Not answered" if index > 4 else "Doing" if 1 <= index <= 3 else "Not doing"
        assert parents.startswith(expected)


def test_the_picture_has_alternative_text_stating_every_rung_and_view(report) -> None:
    data = render(report)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert [name for name in archive.namelist() if name.startswith("word/media/") and name.endswith(".png")]
    tree = etree.fromstring(archive.read("word/document.xml"))
    descriptions = [element.get("descr") for element in tree.iter(f"{WP}docPr")]
    assert descriptions == [report.description()]
    text = descriptions[0]
    for number, rung in enumerate(LADDER.rungs, start=1):
        assert f"Rung {number}, {rung.name}: school staff {report.state(0, rung.id)}, parent carers " in text
    assert text.count("They see it differently.") == 2


def test_views_that_agree_are_told_so() -> None:
    doing = {index: index < 3 for index in range(len(LADDER.rungs))}
    report = c.LadderComparisonReport(
        LADDER, assessment(c.Perspective.SCHOOL_STAFF, doing), assessment(c.Perspective.PARENT_CARERS, doing)
    )
    texts = reading_order(render(report))
    assert "The two views agree on every rung." in texts


def test_no_rung_practised_is_said_in_words() -> None:
    report = c.LadderComparisonReport(
        LADDER, assessment(c.Perspective.SCHOOL_STAFF, {0: False}), assessment(c.Perspective.PARENT_CARERS, {})
    )
    texts = reading_order(render(report))
    assert "School staff say no rung of the ladder is practised yet." in texts
    assert "Parent carers say no rung of the ladder is practised yet." in texts


@pytest.mark.parametrize("ladder_id", [ladder.id for ladder in c.default_catalogue().ladders()])
def test_every_word_of_its_own_passes_the_plain_english_check(ladder_id: str) -> None:
    ladder = c.default_catalogue().ladder(ladder_id)
    rungs = [rung.id for rung in ladder.rungs]
    school = c.LadderAssessment(
        ladder.id, OAK, c.Perspective.SCHOOL_STAFF, dt.date(2026, 3, 1), [c.RungPractice(r, True) for r in rungs]
    )
    parents = c.LadderAssessment(
        ladder.id,
        OAK,
        c.Perspective.PARENT_CARERS,
        dt.date(2026, 3, 2),
        [c.RungPractice(r, index % 2 == 0, "We were asked.") for index, r in enumerate(rungs[:-1])],
    )
    report = c.LadderComparisonReport(ladder, school, parents)
    texts = our_words(reading_order(render(report)), report)
    findings = c.default_checker().check_texts([(str(index), value) for index, value in enumerate(texts)])
    assert findings == [], [str(finding) for finding in findings]
    whole = " ".join(texts).casefold()
    assert not [word for word in FAMILY_JARGON if word in whole]
    # the alternative text, read aloud, is plain English too
    alt = report.description()
    for text in quoted(report):
        alt = alt.replace(text, "")
    assert c.check_plain_english(alt, checker=c.default_checker()) == []


def test_the_document_is_stamped_with_its_kind_and_title(report) -> None:
    document = docx.Document(io.BytesIO(render(report)))
    assert document.core_properties.title == "Oak Primary School: the ladder from both sides"
    assert document.core_properties.language == "en-GB"
    custom = zipfile.ZipFile(io.BytesIO(render(report))).read("docProps/custom.xml").decode()
    assert "coproduction-ladder-comparison" in custom and LADDER.id in custom


def test_a_control_character_is_refused_before_anything_is_written() -> None:
    bad = c.LadderAssessment(
        LADDER.id, OAK, c.Perspective.PARENT_CARERS, dt.date(2026, 3, 2), [c.RungPractice("informing", True, "a\x07b")]
    )
    report = c.LadderComparisonReport(LADDER, assessment(c.Perspective.SCHOOL_STAFF, {0: True}), bad)
    out = io.BytesIO()
    with pytest.raises(c.ExportError) as raised:
        DocxExporter().export(report, out, c.export_context())
    assert out.getvalue() == b""
    assert "assessments[1]" in str(raised.value)


def test_libreoffice_opens_it_with_every_rung(report, soffice, tmp_path: Path) -> None:
    source = tmp_path / "ladder.docx"
    source.write_bytes(render(report))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the PDF")
    pdf = soffice(source, "pdf", tmp_path / "pdf")
    completed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    text = " ".join(completed.stdout.decode("utf-8").split())
    for rung in LADDER.rungs:
        assert rung.name in text
    assert "The rungs seen differently" in text
