"""Meeting checklists ready to print: parent carers' plain wording where there is one, a school's details filled in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from coproduction.model.checklist_page import ChecklistPage, LineStyle, PageLine, PageSection
from coproduction.model.checklists import (
    ChecklistDocument,
    ChecklistQuestion,
    FirstMeetingChecklist,
    MeetingChecklists,
    PeopleYouMayMeet,
    PersonYouMayMeet,
)
from coproduction.model.local_details import ContactKey, LocalContact, SchoolLocalDetails
from coproduction.model.organisation import Perspective
from coproduction.rules.viewpoints import worded

__all__ = ["ANSWER_LINES", "checklist_page"]

ANSWER_LINES = 3
"""How many lines a printed question leaves to write the answer on."""

_PARENTS = Perspective.PARENT_CARERS
_WORDED_PARTS = (FirstMeetingChecklist, PeopleYouMayMeet)
_LIBRARY_WORDS = (
    " Some of the words are the coproduction library's own (its plain English, and the school's details);"
    " the source's own words are kept in its catalogue."
)


def _line(item: object, field: str, viewpoint: Perspective | None, style: LineStyle = LineStyle.PARAGRAPH) -> PageLine:
    text = worded(item, field, viewpoint)  # type: ignore[arg-type]
    return PageLine(text=text.text, style=style, by_library=text.by_library)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _contact_lines(contact: LocalContact) -> list[PageLine]:
    lines = [PageLine(text="Name:", style=LineStyle.WRITE_IN, value=", ".join(contact.names), by_library=True)]
    lines = lines if contact.names else []
    labels = (
        ("Organisation:", contact.organisation),
        ("Phone:", contact.phone),
        ("Email:", contact.email),
        ("Website:", contact.website),
    )
    lines += [
        PageLine(text=label, style=LineStyle.WRITE_IN, value=value, by_library=True) for label, value in labels if value
    ]
    if contact.notes:
        lines.append(PageLine(text=contact.notes, style=LineStyle.NOTE, by_library=True))
    return lines


def _school_lines(details: SchoolLocalDetails | None) -> list[PageLine]:
    """The first meeting's host and place, from the school's details."""
    if details is None:
        return []
    lines = []
    if details.first_meeting_host:
        lines.append(
            PageLine(
                text="Your first meeting will be with:",
                style=LineStyle.WRITE_IN,
                value=details.first_meeting_host,
                by_library=True,
            )
        )
    if details.meeting_place:
        lines.append(
            PageLine(text="Where we will meet:", style=LineStyle.WRITE_IN, value=details.meeting_place, by_library=True)
        )
    senco = details.contact(ContactKey.SENCO.value)
    if senco is not None:
        lines.append(PageLine(text="If you have a question before the meeting, please contact:", by_library=True))
        lines += _contact_lines(senco)
    return lines


def _apdr(checklists: MeetingChecklists, details: SchoolLocalDetails | None) -> Iterator[PageSection]:
    apdr = checklists.assess_plan_do_review
    yield PageSection(lines=[PageLine(text=text) for text in apdr.intro])
    yield PageSection(lines=[PageLine(text=text, style=LineStyle.BULLET) for text in apdr.guidance])
    note = PageLine(text="Where a question says x, say the child's name.", style=LineStyle.NOTE, by_library=True)
    yield PageSection(lines=[note, PageLine(text="Child's name:", style=LineStyle.WRITE_IN, by_library=True)])
    for stage in apdr.stages:
        lines = [PageLine(text=_sentence(stage.instruction))]
        lines += [PageLine(text=prompt.text, style=LineStyle.BULLET) for prompt in stage.prompts]
        lines.append(PageLine(text="Notes:", style=LineStyle.QUESTION, by_library=True))
        yield PageSection(heading=stage.name, lines=lines)


def _guidance(checklists: MeetingChecklists, details: SchoolLocalDetails | None) -> Iterator[PageSection]:
    guidance = checklists.first_meeting_guidance
    yield PageSection(lines=[PageLine(text=text) for text in guidance.intro])
    items = [PageLine(text=item.text, style=LineStyle.NUMBERED, number=item.position) for item in guidance.items]
    yield PageSection(heading=guidance.items_heading.rstrip(":"), lines=items)
    if details is not None and (details.first_meeting_host or details.meeting_place):
        lines = []
        if details.first_meeting_host:
            lines.append(
                PageLine(
                    text="Who usually hosts a first meeting:",
                    style=LineStyle.WRITE_IN,
                    value=details.first_meeting_host,
                    by_library=True,
                )
            )
        if details.meeting_place:
            lines.append(
                PageLine(
                    text="Where first meetings are held:",
                    style=LineStyle.WRITE_IN,
                    value=details.meeting_place,
                    by_library=True,
                )
            )
        yield PageSection(heading=f"At {details.school.name}", lines=lines, heading_by_library=True)


def _question(question: ChecklistQuestion) -> list[PageLine]:
    lines = [_line(question, "text", _PARENTS, LineStyle.QUESTION)]
    lines[0] = PageLine(
        text=lines[0].text, style=LineStyle.QUESTION, number=question.number, by_library=lines[0].by_library
    )
    if question.options_prompt:
        lines.append(_line(question, "options_prompt", _PARENTS))
    lines += [
        _line(question, f"options[{index}]", _PARENTS, LineStyle.TICK_BOX) for index in range(len(question.options))
    ]
    if question.note:
        lines.append(_line(question, "note", _PARENTS, LineStyle.NOTE))
    return lines


def _first_meeting_checklist(
    checklists: MeetingChecklists, details: SchoolLocalDetails | None
) -> Iterator[PageSection]:
    checklist = checklists.first_meeting_checklist
    intro = [_line(checklist, f"intro[{index}]", _PARENTS) for index in range(len(checklist.intro))]
    child = PageLine(text="Your child's name:", style=LineStyle.WRITE_IN, by_library=True)
    yield PageSection(lines=[*intro, child, *_school_lines(details)])
    for question in checklist.questions:
        yield PageSection(lines=_question(question))


def _person(entry: PersonYouMayMeet, details: SchoolLocalDetails | None) -> PageSection:
    heading = worded(entry, "heading", _PARENTS)
    lines = [_line(entry, f"description[{index}]", _PARENTS) for index in range(len(entry.description))]
    contact = details.contact(entry.local_details_key) if details is not None else None
    if contact is not None:
        lines += _contact_lines(contact)
    else:
        if entry.fill_in:
            lines.append(PageLine(text="Name:", style=LineStyle.WRITE_IN, by_library=True))
        if entry.contact_lines:
            lines.append(
                PageLine(text="Contact details:", style=LineStyle.WRITE_IN, value="; ".join(entry.contact_lines))
            )
        elif entry.contact_label:
            lines.append(PageLine(text="Contact details:", style=LineStyle.WRITE_IN))
    return PageSection(heading=heading.text, lines=lines, heading_by_library=heading.by_library)


_FORUM = (
    "A parent carer forum is a group of parents and carers of disabled children and children with special "
    "educational needs. They work with the council, schools and health services to make local services better."
)


def _people(checklists: MeetingChecklists, details: SchoolLocalDetails | None) -> Iterator[PageSection]:
    guide = checklists.people_you_may_meet
    yield PageSection(lines=[_line(guide, f"intro[{index}]", _PARENTS) for index in range(len(guide.intro))])
    for entry in guide.entries:
        yield _person(entry, details)
    forum = details.contact(ContactKey.PARENT_CARER_FORUM.value) if details is not None else None
    if forum is not None:
        lines = [PageLine(text=_FORUM, by_library=True), *_contact_lines(forum)]
        yield PageSection(heading="Parent carer forum", lines=lines, heading_by_library=True)
    if details is not None and details.local_offer is not None:
        offer = details.local_offer
        text = (
            "To find out more about these and other services, visit the council's website about services for "
            "special educational needs and disabilities:"
        )
        lines = [
            PageLine(text=text, by_library=True),
            PageLine(text="Name:", style=LineStyle.WRITE_IN, value=offer.name, by_library=True),
        ]
        if offer.url:
            lines.append(PageLine(text="Website:", style=LineStyle.WRITE_IN, value=offer.url, by_library=True))
        yield PageSection(heading="Find out more", lines=lines, heading_by_library=True)
    else:
        outro = [_line(guide, f"outro[{index}]", _PARENTS) for index in range(len(guide.outro))]
        yield PageSection(heading="Find out more", lines=outro, heading_by_library=True)


_BUILDERS: dict[ChecklistDocument, Callable[[MeetingChecklists, SchoolLocalDetails | None], Iterator[PageSection]]] = {
    ChecklistDocument.ASSESS_PLAN_DO_REVIEW: _apdr,
    ChecklistDocument.FIRST_MEETING_GUIDANCE: _guidance,
    ChecklistDocument.FIRST_MEETING_CHECKLIST: _first_meeting_checklist,
    ChecklistDocument.PEOPLE_YOU_MAY_MEET: _people,
}


def checklist_page(
    checklists: MeetingChecklists, document: ChecklistDocument, details: SchoolLocalDetails | None = None
) -> ChecklistPage:
    """One of the meeting checklists, ready to print.

    A parent carers' handout takes the library's plain wording for parent
    carers where the catalogue has one (the source's words stay in the
    catalogue); blanks the source leaves for a school's names and contacts
    are filled from ``details``, and a line to write on is left where there
    is nothing to fill them with. A child's name is never filled in: the page
    leaves a line for it.

    Args:
        checklists: The meeting checklists, from the catalogue.
        document: Which of them.
        details: The school's local details; None leaves the blanks to fill by hand.

    Returns:
        The page, section by section.
    """
    part = checklists.part(document)
    audience = getattr(part, "audience", Perspective.SCHOOL_STAFF)
    sections = tuple(
        section for section in _BUILDERS[document](checklists, details) if section.heading or section.lines
    )
    title = worded(part, "title", _PARENTS) if isinstance(part, _WORDED_PARTS) else None
    entry = checklists.source_of(document)
    attribution = f"From {entry.source}." if entry is not None else "From the catalogue's meeting checklists."
    page = ChecklistPage(
        id=document.value,
        title=part.title if title is None else title.text,
        audience=audience,
        school=details.school.name if details is not None else None,
        sections=sections,
        attribution=attribution,
    )
    if page.by_library or (title is not None and title.by_library):
        page = attrs.evolve(page, attribution=attribution + _LIBRARY_WORDS)
    return page
