"""Meeting checklists: Assess-Plan-Do-Review prompts, first-meeting guidance and handouts, in the source's words."""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import check_field_names, non_blank, slug, to_field_names, to_tuple, unique
from coproduction.model.organisation import Perspective
from coproduction.model.source import Edit, SourceEntry
from coproduction.model.wording import ViewpointWording, check_wordings, to_wordings

__all__ = [
    "AssessPlanDoReview",
    "ChecklistDocument",
    "ChecklistQuestion",
    "FirstMeetingChecklist",
    "FirstMeetingGuidance",
    "GuidanceItem",
    "MeetingChecklists",
    "MeetingStage",
    "PeopleYouMayMeet",
    "PersonYouMayMeet",
    "Placeholder",
    "StagePrompt",
]


class ChecklistDocument(enum.Enum):
    """The documents a collection of meeting checklists prints, by their stable id."""

    ASSESS_PLAN_DO_REVIEW = "assess-plan-do-review"
    FIRST_MEETING_GUIDANCE = "first-meeting-guidance"
    FIRST_MEETING_CHECKLIST = "first-meeting-checklist"
    PEOPLE_YOU_MAY_MEET = "people-you-may-meet"


def _texts(item: object, *names: str) -> dict[str, object]:
    """An item's texts that may be reworded, by field name (a list's items as ``name[i]``)."""
    texts: dict[str, object] = {}
    for name in names:
        value = getattr(item, name)
        if isinstance(value, tuple):
            texts.update({f"{name}[{index}]": text for index, text in enumerate(value)})
        else:
            texts[name] = value
    return texts


def _check(
    owner: str, wording: tuple[ViewpointWording, ...], library_authored: tuple[str, ...], texts: Mapping[str, object]
) -> None:
    check_wordings(owner, wording, texts)
    check_field_names(owner, library_authored, [name for name, text in texts.items() if isinstance(text, str)])


@attrs.frozen(kw_only=True)
class StagePrompt:
    """One question (or sentence to finish) to use at a stage of a meeting.

    Attributes:
        id: Stable identifier, such as ``assess-1``.
        text: The source's words; ``x`` stands for the child's name.
        is_question: False for a sentence to finish ("At school we will try and do....").
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    text: str = attrs.field(validator=non_blank)
    is_question: bool = True


@attrs.frozen(kw_only=True)
class MeetingStage:
    """A stage of the graduated approach (Assess, Plan, Do or Review) and its prompts.

    Attributes:
        id: Stable identifier, such as ``assess``.
        name: Its name.
        instruction: What to do at this stage, in the source's words.
        prompts: The prompts, in the source's order.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    name: str = attrs.field(validator=non_blank)
    instruction: str = attrs.field(validator=non_blank)
    prompts: tuple[StagePrompt, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique(f"prompts of stage {self.id!r}", (prompt.id for prompt in self.prompts))


@attrs.frozen(kw_only=True)
class AssessPlanDoReview:
    """The Assess, Plan, Do and Review checklist for a review meeting with a family.

    Attributes:
        source: The id of the collection's source.
        title: Its title.
        intro: Its introduction, as paragraphs.
        guidance: How to run the meeting, one point each.
        stages: The four stages, in order.
    """

    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    title: str = attrs.field(validator=non_blank)
    intro: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    guidance: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    stages: tuple[MeetingStage, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique("stages", (stage.id for stage in self.stages))
        unique("prompts", (prompt.id for stage in self.stages for prompt in stage.prompts))


@attrs.frozen(kw_only=True)
class GuidanceItem:
    """One numbered point of the first-meeting guidance for school staff.

    Attributes:
        id: Stable identifier, such as ``first-meeting-1``.
        position: Its number in the source, from 1.
        text: The source's words.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    position: int
    text: str = attrs.field(validator=non_blank)


@attrs.frozen(kw_only=True)
class FirstMeetingGuidance:
    """The source's guidance to school staff on a family's first meeting.

    Attributes:
        source: The id of the collection's source.
        audience: Who it is written for.
        title: Its title.
        intro: Its introduction, as paragraphs.
        items_heading: The heading over its points.
        items: Its points, in order.
    """

    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    audience: Perspective = attrs.field(converter=Perspective)
    title: str = attrs.field(validator=non_blank)
    intro: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    items_heading: str = attrs.field(validator=non_blank)
    items: tuple[GuidanceItem, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique("first meeting guidance items", (item.id for item in self.items))


@attrs.frozen(kw_only=True)
class ChecklistQuestion:
    """A question on the checklist a family fills in before its first meeting.

    Attributes:
        id: Stable identifier, such as ``needs``.
        number: Its number in the source.
        text: The question, in the source's words.
        options_prompt: The words before a list of things to tick, if any.
        options: The things to tick, if any.
        note: A note printed under it, if any.
        wording: Plain wordings for a viewpoint, beside the source's words.
        library_authored: Fields whose text is the library's own.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    number: int
    text: str = attrs.field(validator=non_blank)
    options_prompt: str | None = None
    options: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    note: str | None = None
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names, metadata=NOT_PROSE)

    def __attrs_post_init__(self) -> None:
        texts = _texts(self, "text", "options_prompt", "options", "note")
        _check(f"question {self.id!r}", self.wording, self.library_authored, texts)


@attrs.frozen(kw_only=True)
class FirstMeetingChecklist:
    """The checklist a school gives a family to fill in before their first meeting.

    Attributes:
        source: The id of the collection's source.
        audience: Who reads it.
        title: Its title.
        how_to_use: The source's note to the school on using it (not printed for the family).
        intro: Its introduction, as paragraphs; the source leaves a blank for the child's name.
        questions: Its questions, in order.
        wording: Plain wordings for a viewpoint, beside the source's words.
        library_authored: Fields whose text is the library's own.
    """

    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    audience: Perspective = attrs.field(converter=Perspective)
    title: str = attrs.field(validator=non_blank)
    how_to_use: str | None = None
    intro: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    questions: tuple[ChecklistQuestion, ...] = attrs.field(converter=to_tuple)
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names, metadata=NOT_PROSE)

    def __attrs_post_init__(self) -> None:
        unique("first meeting checklist questions", (question.id for question in self.questions))
        _check("the first meeting checklist", self.wording, self.library_authored, _texts(self, "title", "intro"))


@attrs.frozen(kw_only=True)
class PersonYouMayMeet:
    """One entry of the guide to people a family may meet through school.

    Attributes:
        id: Stable identifier, such as ``senco``.
        heading: Who they are, as the source's heading.
        fill_in: The source's prompt for the school to write names, such as "Insert name:", if any.
        description: What they do, as paragraphs.
        contact_label: The source's label before contact details, if any.
        contact_lines: The contact details the source prints, if any.
        local_details_key: The key of a school's local details that fills this entry in.
        wording: Plain wordings for a viewpoint, beside the source's words.
        library_authored: Fields whose text is the library's own.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    heading: str = attrs.field(validator=non_blank)
    fill_in: str | None = None
    description: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    contact_label: str | None = None
    contact_lines: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, metadata=NOT_PROSE)
    local_details_key: str = attrs.field(validator=non_blank, metadata=NOT_PROSE)
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names, metadata=NOT_PROSE)

    def __attrs_post_init__(self) -> None:
        _check(f"entry {self.id!r}", self.wording, self.library_authored, _texts(self, "heading", "description"))


@attrs.frozen(kw_only=True)
class PeopleYouMayMeet:
    """The guide to some of the people a family may meet through school.

    Attributes:
        source: The id of the collection's source.
        audience: Who reads it.
        title: Its title.
        how_to_use: The source's note to the school on using it (not printed for the family).
        intro: Its introduction, as paragraphs.
        entries: The people and services, in the source's order.
        outro: Where to find out more, as paragraphs.
        wording: Plain wordings for a viewpoint, beside the source's words.
        library_authored: Fields whose text is the library's own.
    """

    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    audience: Perspective = attrs.field(converter=Perspective)
    title: str = attrs.field(validator=non_blank)
    how_to_use: str | None = None
    intro: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    entries: tuple[PersonYouMayMeet, ...] = attrs.field(converter=to_tuple)
    outro: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names, metadata=NOT_PROSE)

    def __attrs_post_init__(self) -> None:
        unique("people you may meet", (entry.id for entry in self.entries))
        unique("local details keys", (entry.local_details_key for entry in self.entries))
        _check("the people you may meet", self.wording, self.library_authored, _texts(self, "title", "intro", "outro"))


@attrs.frozen(kw_only=True)
class Placeholder:
    """A place in the source where a school writes its own names or a family writes in by hand.

    Attributes:
        where: Which part of the checklists.
        source_marker: What the source prints there.
        filled_from: What fills it: a key of the school's local details, or "written in by hand".
        summary: What the school or family does there (the library's words).
    """

    where: str = attrs.field(validator=non_blank)
    source_marker: str = attrs.field(validator=non_blank)
    filled_from: str = attrs.field(validator=non_blank)
    summary: str = attrs.field(validator=non_blank)


@attrs.frozen(kw_only=True)
class MeetingChecklists:
    """A source's meeting checklists and handouts: a catalogue item, like a framework.

    Attributes:
        id: Stable identifier.
        name: Display name.
        description: What it holds and where from (the library's words).
        sources: The publications its parts come from; each part names one by id.
        assess_plan_do_review: The Assess, Plan, Do and Review checklist.
        first_meeting_guidance: Guidance to staff on a first meeting.
        first_meeting_checklist: The checklist a family fills in before a first meeting.
        people_you_may_meet: The guide to people a family may meet.
        placeholders: Where a school's local details or a family's handwriting fill the source's blanks.
        edits: Every change made to the source's text while encoding it.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    name: str = attrs.field(validator=non_blank)
    description: str = ""
    sources: tuple[SourceEntry, ...] = attrs.field(converter=to_tuple)
    assess_plan_do_review: AssessPlanDoReview
    first_meeting_guidance: FirstMeetingGuidance
    first_meeting_checklist: FirstMeetingChecklist
    people_you_may_meet: PeopleYouMayMeet
    placeholders: tuple[Placeholder, ...] = attrs.field(default=(), converter=to_tuple)
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique("sources", (entry.id for entry in self.sources))

    def source_of(self, document: ChecklistDocument) -> SourceEntry | None:
        """The source one of its documents names, or None."""
        part = self.part(document)
        return next((entry for entry in self.sources if entry.id == part.source), None)

    def part(
        self, document: ChecklistDocument
    ) -> AssessPlanDoReview | FirstMeetingGuidance | FirstMeetingChecklist | PeopleYouMayMeet:
        """The part that holds one of its documents."""
        parts: dict[
            ChecklistDocument, AssessPlanDoReview | FirstMeetingGuidance | FirstMeetingChecklist | PeopleYouMayMeet
        ] = {
            ChecklistDocument.ASSESS_PLAN_DO_REVIEW: self.assess_plan_do_review,
            ChecklistDocument.FIRST_MEETING_GUIDANCE: self.first_meeting_guidance,
            ChecklistDocument.FIRST_MEETING_CHECKLIST: self.first_meeting_checklist,
            ChecklistDocument.PEOPLE_YOU_MAY_MEET: self.people_you_may_meet,
        }
        return parts[document]
