"""Meeting checklists in Word: read back, filled with the school's details, plain English for parent carers."""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import pytest
from coproduction_docx import DocxExporter

import coproduction as c

AS_OF = dt.date(2026, 3, 1)
DETAILS = {
    "kind": "school-local-details",
    "schema_version": 1,
    "school": {"name": "Hillside Primary School"},
    "first_meeting_host": "Mrs Patel, our special needs lead",
    "meeting_place": "the family room",
    "contacts": {
        "senco": {"names": ["Mrs R. Patel"], "phone": "01234 111222"},
        "sendiass": {"names": ["Hillshire SENDIASS"], "phone": "01234 333444"},
    },
}


def _write(document: c.ChecklistDocument, details: c.SchoolLocalDetails | None) -> docx.document.Document:
    checklists = c.default_catalogue().meeting_checklist_collection("worcestershire-meeting-checklists")
    page = c.checklist_page(checklists, document, details)
    out = io.BytesIO()
    DocxExporter().export(page, out, context=c.export_context(as_of=AS_OF))
    return docx.Document(io.BytesIO(out.getvalue()))


def _body(document: docx.document.Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs if paragraph.text.strip()]


@pytest.fixture(scope="module")
def details() -> c.SchoolLocalDetails:
    loaded: c.SchoolLocalDetails = c.from_dict(DETAILS)
    return loaded


def test_the_parents_checklist_reads_back_with_the_school_the_questions_and_boxes(
    details: c.SchoolLocalDetails,
) -> None:
    document = _write(c.ChecklistDocument.FIRST_MEETING_CHECKLIST, details)
    body = _body(document)
    assert body[0] == "First meeting checklist: Hillside Primary School"
    assert document.core_properties.title == body[0]
    assert "Your first meeting will be with: Mrs Patel, our special needs lead" in body
    assert "Phone: 01234 111222" in body
    assert [text for text in body if text[:2] in {f"{n}." for n in range(1, 7)}] == [
        "1. What are their needs?",
        "2. What do they like doing?",
        "3. What are they good at?",
        "4. What other services are involved with them?",
        "5. Do they have a diagnosis?",
        "6. Is there anything else you would like to know?",
    ]
    assert sum(text.startswith("\u2610") for text in body) == 6
    written_on = [
        p
        for p in document.paragraphs
        if not p.text.strip()
        and p._p.pPr is not None
        and p._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None
    ]
    assert len(written_on) == 6 * c.ANSWER_LINES + 1  # the answers, and the child's name


@pytest.mark.parametrize(
    "document", [c.ChecklistDocument.FIRST_MEETING_CHECKLIST, c.ChecklistDocument.PEOPLE_YOU_MAY_MEET]
)
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "filled"])
def test_the_parents_documents_pass_the_plain_english_check(
    document: c.ChecklistDocument, filled: bool, details: c.SchoolLocalDetails
) -> None:
    body = _body(_write(document, details if filled else None))
    names = {"Mrs R. Patel", "01234 111222", "01234 333444", "Hillside Primary School"}
    prose = [text.split(": ", 1)[0] if any(name in text for name in names) else text for text in body]
    findings = c.default_checker().check_texts(enumerate(prose))  # type: ignore[arg-type]
    assert findings == [], [str(finding) for finding in findings]


def test_the_guide_prints_the_schools_sendiass_not_worcestershires(details: c.SchoolLocalDetails) -> None:
    body = _body(_write(c.ChecklistDocument.PEOPLE_YOU_MAY_MEET, details))
    assert "Name: Hillshire SENDIASS" in body and "Phone: 01234 333444" in body
    assert not any("01905 768153" in text for text in body)
    blank = _body(_write(c.ChecklistDocument.PEOPLE_YOU_MAY_MEET, None))
    assert any("01905 768153" in text for text in blank)


def test_the_staff_checklist_spells_out_its_acronyms_and_lists_them() -> None:
    body = _body(_write(c.ChecklistDocument.ASSESS_PLAN_DO_REVIEW, None))
    assert body[0] == "Assess, Plan, Do and Review checklist"
    assert any("Education, Health and Care Plan (EHCP)" in text for text in body)
    assert "How do you think x is getting on?" in body
    assert body[-1] != "" and any(text.startswith("From ") for text in body)


def test_a_control_character_is_refused_before_anything_is_written() -> None:
    data = json.loads(json.dumps(DETAILS))
    data["school"]["name"] = "Hillside\x07"
    details: c.SchoolLocalDetails = c.from_dict(data)
    checklists = c.default_catalogue().meeting_checklist_collection("worcestershire-meeting-checklists")
    page = c.checklist_page(checklists, c.ChecklistDocument.FIRST_MEETING_CHECKLIST, details)
    out = io.BytesIO()
    with pytest.raises(c.ExportError, match=r"checklist\.school"):
        DocxExporter().export(page, out, context=c.export_context(as_of=AS_OF))
    assert out.getvalue() == b""
