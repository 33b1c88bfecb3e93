"""Meeting checklists ready to print: plain English for parent carers, a school's details filled in, no child named."""

from __future__ import annotations

import pytest
from helpers import ROOT
from hypothesis import given, settings

import coproduction as cp
from coproduction import testing

DETAILS = ROOT / "tests" / "fixtures" / "school-local-details.json"
PARENTS = (cp.ChecklistDocument.FIRST_MEETING_CHECKLIST, cp.ChecklistDocument.PEOPLE_YOU_MAY_MEET)


@pytest.fixture(scope="module")
def checklists() -> cp.MeetingChecklists:
    return cp.default_catalogue().meeting_checklist_collection("worcestershire-meeting-checklists")


@pytest.fixture(scope="module")
def details() -> cp.SchoolLocalDetails:
    loaded: cp.SchoolLocalDetails = cp.load(DETAILS, cp.SchoolLocalDetails)
    return loaded


def _values(page: cp.ChecklistPage) -> list[str]:
    return [line.value for section in page.sections for line in section.lines if line.value]


@pytest.mark.parametrize("document", PARENTS, ids=lambda d: d.value)
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "filled"])
def test_the_parents_documents_are_plain_english(
    checklists: cp.MeetingChecklists, details: cp.SchoolLocalDetails, document: cp.ChecklistDocument, filled: bool
) -> None:
    page = cp.checklist_page(checklists, document, details if filled else None)
    assert page.audience is cp.Perspective.PARENT_CARERS
    findings = cp.default_checker().check_texts(page.prose())
    assert findings == [], [str(finding) for finding in findings]
    assert page.by_library and "plain English" in page.attribution


def test_the_source_wording_alone_would_not_be_plain(checklists: cp.MeetingChecklists) -> None:
    guide = checklists.people_you_may_meet
    source = [*guide.intro, *(text for entry in guide.entries for text in (entry.heading, *entry.description))]
    rules = {finding.rule for finding in cp.check_plain_english(source, checker=cp.default_checker())}
    assert rules == {cp.Rule.ACRONYM, cp.Rule.JARGON, cp.Rule.LONG_SENTENCE}


def test_the_school_staff_documents_keep_the_sources_words(checklists: cp.MeetingChecklists) -> None:
    page = cp.checklist_page(checklists, cp.ChecklistDocument.ASSESS_PLAN_DO_REVIEW)
    assert page.audience is cp.Perspective.SCHOOL_STAFF
    lines = [line.text for section in page.sections for line in section.lines]
    assert "How do you think x is getting on?" in lines
    assert [section.heading for section in page.sections if section.heading] == ["Assess", "Plan", "Do", "Review"]
    guidance = cp.checklist_page(checklists, cp.ChecklistDocument.FIRST_MEETING_GUIDANCE)
    numbered = [line for section in guidance.sections for line in section.lines if line.style is cp.LineStyle.NUMBERED]
    assert [line.number for line in numbered] == list(range(1, 12))
    assert not any(line.by_library for line in numbered)


def test_the_details_fill_the_blanks(checklists: cp.MeetingChecklists, details: cp.SchoolLocalDetails) -> None:
    page = cp.checklist_page(checklists, cp.ChecklistDocument.PEOPLE_YOU_MAY_MEET, details)
    assert page.school == "Example Primary School"
    values = _values(page)
    for value in ("Ms A. Example", "Mr B. Example", "Dr C. Example", "01234 000000", "Example Parent Carer Forum"):
        assert value in values
    assert "01905 768153" not in " ".join(values), "the school's own SENDIASS replaces Worcestershire's"
    assert "SEND Local Offer | Example Council" in values
    headings = [section.heading for section in page.sections]
    assert "Parent carer forum" in headings
    texts = [line.text for section in page.sections for line in section.lines]
    assert not any("Insert name" in text for text in texts)


def test_without_details_blanks_get_lines_and_sendiass_keeps_the_sources_contacts(
    checklists: cp.MeetingChecklists,
) -> None:
    page = cp.checklist_page(checklists, cp.ChecklistDocument.PEOPLE_YOU_MAY_MEET)
    assert page.school is None
    blanks = [
        line
        for section in page.sections
        for line in section.lines
        if line.style is cp.LineStyle.WRITE_IN and line.value is None
    ]
    assert len(blanks) == 10  # every "Insert name(s):" of the source, and the family support worker's contacts
    assert any("01905 768153" in value for value in _values(page))
    assert page.sections[-1].heading == "Find out more"


def test_the_childs_name_is_never_filled_in(checklists: cp.MeetingChecklists, details: cp.SchoolLocalDetails) -> None:
    page = cp.checklist_page(checklists, cp.ChecklistDocument.FIRST_MEETING_CHECKLIST, details)
    (child,) = [line for section in page.sections for line in section.lines if "child's name" in line.text]
    assert child.style is cp.LineStyle.WRITE_IN and child.value is None
    questions = [line for section in page.sections for line in section.lines if line.style is cp.LineStyle.QUESTION]
    assert [line.number for line in questions] == [1, 2, 3, 4, 5, 6]
    assert "the family room, by the main office" in _values(page)


@settings(max_examples=30, deadline=None)
@given(details=testing.school_local_details())
def test_any_details_fill_every_document_with_every_name(
    checklists: cp.MeetingChecklists, details: cp.SchoolLocalDetails
) -> None:
    for document in cp.ChecklistDocument:
        page = cp.checklist_page(checklists, document, details)
        assert page.school == details.school.name
        assert page.sections
    page = cp.checklist_page(checklists, cp.ChecklistDocument.PEOPLE_YOU_MAY_MEET, details)
    values = _values(page)
    for key, contact in details.contacts.items():
        assert ", ".join(contact.names) in values, key


@settings(max_examples=20, deadline=None)
@given(checklists=testing.meeting_checklists())
def test_any_checklists_make_every_document(checklists: cp.MeetingChecklists) -> None:
    for document in cp.ChecklistDocument:
        page = cp.checklist_page(checklists, document)
        assert page.title and page.attribution.startswith("From ")
        assert all(text.strip() for _, text in page.prose())
