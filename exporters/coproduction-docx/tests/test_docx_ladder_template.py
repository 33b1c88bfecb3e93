"""Ladder assessment templates in Word: written for any ladder, filled in, read back with the same care as audits."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from coproduction_docx import DocxExporter

import coproduction as c
from coproduction import export_context
from coproduction.exporters import ExporterRegistry, LadderAssessmentReader

OAK = c.Organisation("Oak Primary School", "100001")
PARENTS = c.Perspective.PARENT_CARERS
LADDERS = [
    "durham-degrees-of-participation",
    "hart-ladder-of-participation",
    "arnstein-ladder-of-citizen-participation",
    "tlap-ladder-of-coproduction",
]


def _template(ladder: c.Ladder) -> bytes:
    out = io.BytesIO()
    template = c.LadderAssessmentTemplate(ladder, PARENTS, organisation=OAK, date=dt.date(2025, 6, 2))
    DocxExporter().export(template, out, export_context(catalogue=c.default_catalogue().including(ladder)))
    return out.getvalue()


def _answers(ladder: c.Ladder) -> c.LadderAssessment:
    """Every third rung left empty (not assessed); the rest doing or not, with evidence on some."""
    rungs = [
        c.RungPractice(rung.id, index % 2 == 0, f"Minutes of meeting {index}\nand a second line" if index % 2 else "")
        for index, rung in enumerate(ladder.rungs)
        if index % 3 != 2
    ]
    return c.LadderAssessment(
        ladder=ladder.id,
        organisation=OAK,
        perspective=PARENTS,
        date=dt.date(2025, 6, 2),
        rungs=rungs,
        completed_by="A parent carer",
    )


def _values(assessment: c.LadderAssessment) -> dict[str, object]:
    values: dict[str, object] = {"ladder:completed_by": assessment.completed_by or ""}
    for entry in assessment.rungs:
        values[f"{entry.rung}:doing"] = "doing" if entry.doing else "not-doing"
        if entry.evidence:
            values[f"{entry.rung}:evidence"] = entry.evidence
    return values


def _read(data: bytes, ladder: c.Ladder, name: str = "filled.docx") -> c.LadderAssessment:
    stream = io.BytesIO(data)
    stream.name = name  # type: ignore[attr-defined]
    return DocxExporter().read_ladder_assessment(
        stream, export_context(catalogue=c.default_catalogue().including(ladder))
    )


def _council_ladder() -> c.Ladder:
    data = {
        "kind": "ladder",
        "schema_version": 1,
        "id": "oakshire-steps",
        "name": "Oakshire steps of working together",
        "rungs": [
            {"id": "told", "name": "Told", "description": "We tell families what we decided."},
            {"id": "asked", "name": "Asked", "description": "We ask families before we decide."},
            {"id": "together", "name": "Together", "description": "We decide with families."},
        ],
    }
    return c.loads(json.dumps(data))


@pytest.mark.parametrize("ladder_id", LADDERS)
def test_a_filled_template_reads_back_as_filled(helpers, ladder_id: str) -> None:
    ladder = c.default_catalogue().ladder(ladder_id)
    expected = _answers(ladder)
    filled = helpers.fill_values(_template(ladder), _values(expected))
    assert _read(filled, ladder) == expected


def test_a_councils_own_ladder_from_json(helpers) -> None:
    ladder = _council_ladder()
    expected = _answers(ladder)
    filled = helpers.fill_values(_template(ladder), _values(expected))
    assert _read(filled, ladder) == expected
    with pytest.raises(c.UnknownLadderError, match="oakshire-steps"):
        DocxExporter().read_ladder_assessment(io.BytesIO(filled), export_context())


def test_a_template_of_another_text_of_the_ladder_is_refused(helpers) -> None:
    ladder = _council_ladder()
    filled = helpers.fill_values(_template(ladder), _values(_answers(ladder)))
    edited = c.Ladder(ladder.id, ladder.name, [*ladder.rungs[:2], c.Rung("together", "Together, as equals")])
    with pytest.raises(c.UnreadableFileError, match="different text"):
        _read(filled, edited)


def test_every_problem_names_its_rung(helpers) -> None:
    ladder = c.default_catalogue().ladder("durham-degrees-of-participation")
    first, second = ladder.rungs[0], ladder.rungs[1]
    values = {f"{first.id}:doing": "Sometimes", f"{second.id}:evidence": "A forum in May", "ladder:date": "someday"}
    with pytest.raises(c.InvalidDocumentError) as caught:
        _read(helpers.fill_values(_template(ladder), values), ladder)
    places = {problem.path for problem in caught.value.problems}
    assert f"The rungs > 1. {first.name} ({first.id})" in places
    assert f"The rungs > 2. {second.name} ({second.id})" in places
    assert "About this ladder assessment > Date completed" in places
    assert "Sometimes" in str(caught.value) and "filled.docx" in str(caught.value)


def test_an_audit_template_is_not_a_ladder_template(helpers, worcestershire) -> None:
    audit_template = helpers.export_bytes(c.AuditTemplate(worcestershire, PARENTS))
    with pytest.raises(c.UnreadableFileError, match="not a coproduction ladder assessment template"):
        _read(audit_template, c.default_catalogue().ladder(LADDERS[0]))


def test_the_registry_finds_the_reader() -> None:
    registry = ExporterRegistry({"docx": DocxExporter})
    assert isinstance(registry.ladder_assessment_reader("docx"), LadderAssessmentReader)


@pytest.mark.parametrize("ladder_id", ["durham-degrees-of-participation", "oakshire-steps"])
def test_a_ladder_template_saved_again_by_libreoffice_reads_back_the_same(
    helpers, soffice, tmp_path: Path, ladder_id: str
) -> None:
    ladder = _council_ladder() if ladder_id == "oakshire-steps" else c.default_catalogue().ladder(ladder_id)
    expected = _answers(ladder)
    filled = tmp_path / "filled.docx"
    filled.write_bytes(helpers.fill_values(_template(ladder), _values(expected)))
    resaved = soffice(filled, "docx:MS Word 2007 XML", tmp_path / "resaved")
    assert _read(resaved.read_bytes(), ladder) == expected
    blank = tmp_path / "blank.docx"
    blank.write_bytes(_template(ladder))
    empty = _read(soffice(blank, "docx:MS Word 2007 XML", tmp_path / "blank-resaved").read_bytes(), ladder)
    assert empty.rungs == () and empty.organisation == OAK and empty.date == dt.date(2025, 6, 2)
