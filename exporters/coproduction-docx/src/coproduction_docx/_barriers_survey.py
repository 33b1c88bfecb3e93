"""The fillable barriers survey: the barriers to tick for one cohort, and room for others in the family's own words.

Content controls carry tags (``survey:<question>`` on the cover,
``<barrier id>:met`` on each tick box, ``survey:other`` for the family's own
words); a reference printed under each barrier ("Reference: work") finds the
row again when LibreOffice drops the tags. The survey is stamped with the
barrier ids and their fingerprint
(:attr:`coproduction.BarriersSurveyTemplate.fingerprint`) in custom
properties, and the fingerprint in a printed line (as its "check code": families read it).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any, BinaryIO

from coproduction import BarriersSurveyTemplate, ExportContext, Perspective, survey_text, wording
from coproduction_docx import _layout as layout
from coproduction_docx._ooxml import (
    Page,
    add_custom_properties,
    append_body,
    attr,
    cell,
    new_document,
    para,
    run,
    table,
)
from coproduction_docx._prose import glossary_of
from coproduction_docx._text import ensure_storable_text, set_core_properties
from coproduction_docx._words import words_section

__all__ = [
    "BOX",
    "COVER",
    "FORMAT_VERSION",
    "MET",
    "OTHER",
    "PERSPECTIVES",
    "PLACEHOLDERS",
    "PROPERTY_BARRIERS",
    "SURVEY_KIND",
    "TICKED",
    "stamp_line",
    "write_barriers_survey",
]

SURVEY_KIND = "coproduction-barriers-survey"
FORMAT_VERSION = "1"
PROPERTY_BARRIERS = "coproduction.barriers"
MET = "met"
OTHER = "other"
BOX, TICKED = "\u2610", "\u2612"
"""The empty box and the ticked box a tick-box control shows."""

PERSPECTIVES = {Perspective.PARENT_CARERS: "A parent or carer", Perspective.SCHOOL_STAFF: "School staff"}
"""Who may fill the survey in, as the drop-down shows it."""

COVER = (
    ("organisation", "School or setting"),
    ("cohort", "Which group of families this is for"),
    ("date", "Date filled in"),
    ("perspective", "Who is filling this in"),
)
"""The cover's questions: (tag after ``survey:``, the question as printed)."""

PLACEHOLDERS = {
    OTHER: "Write anything else here, one on each line",
    "organisation": "Type the name of the school",
    "cohort": "For example: Reception, September 2026",
    "date": "Choose or type the date",
    "perspective": "Choose who you are",
}
"""The grey prompt of each empty control (LibreOffice keeps it as text, so the reader ignores it)."""

_PAGE = Page(landscape=False)
_LARGE = '<w:sz w:val="32"/>'
_CENTRED = '<w:jc w:val="center"/>'


def stamp_line(template: BarriersSurveyTemplate) -> str:
    """The visible line naming the check code (fingerprint) of the barrier list."""
    return f"Survey reference: barriers check code {template.fingerprint}. Please do not change this line."


def _sdt(ids: Iterator[int], tag: str, alias: str, kind: str, value: str | None, key: str) -> str:
    shown = "" if value else "<w:showingPlcHdr/>"
    content = run(value) if value else run(PLACEHOLDERS[key], style="PlaceholderText")
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{attr(alias)}"/><w:tag w:val="{attr(tag)}"/>'
        f'<w:id w:val="{next(ids)}"/>{shown}{kind}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'
    )


def _tick_box(ids: Iterator[int], tag: str, alias: str) -> str:
    kind = (
        '<w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{attr(alias)}"/><w:tag w:val="{attr(tag)}"/>'
        f'<w:id w:val="{next(ids)}"/>{kind}</w:sdtPr><w:sdtContent>'
        f"{run(BOX, rpr=_LARGE)}</w:sdtContent></w:sdt>"
    )


def _cover(template: BarriersSurveyTemplate, ids: Iterator[int]) -> str:
    organisation = template.organisation
    choices = "".join(
        f'<w:listItem w:displayText="{attr(shown)}" w:value="{attr(shown)}"/>' for shown in PERSPECTIVES.values()
    )
    chosen = PERSPECTIVES.get(template.perspective)
    last = f' w:lastValue="{attr(chosen)}"' if chosen else ""
    full = f' w:fullDate="{template.date.isoformat()}T00:00:00Z"' if template.date else ""
    date_kind = (
        f'<w:date{full}><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
        '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
    )
    controls = {
        "organisation": _sdt(
            ids, "survey:organisation", "School or setting", "<w:text/>",
            organisation.name if organisation else None, "organisation",
        ),
        "cohort": _sdt(ids, "survey:cohort", "Group of families", "<w:text/>", template.cohort, "cohort"),
        "date": _sdt(
            ids, "survey:date", "Date filled in", date_kind,
            wording.long_date(template.date) if template.date else None, "date",
        ),
        "perspective": _sdt(
            ids, "survey:perspective", "Who is filling this in",
            f"<w:dropDownList{last}>{choices}</w:dropDownList>", chosen, "perspective",
        ),
    }  # fmt: skip
    widths = _PAGE.widths([0.38, 0.62])
    rows = (
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(para(run(label, bold=True)), widths[0])}"
        f"{cell(para(controls[key]), widths[1])}</w:tr>"
        for key, label in COVER
    )
    return table(["Question", "Your answer"], widths, rows, caption="About this survey")


def _barriers(template: BarriersSurveyTemplate, ids: Iterator[int]) -> str:
    widths = _PAGE.widths([0.14, 0.86])
    rows = []
    for number, barrier in enumerate(template.barriers, start=1):
        shown = survey_text(barrier)
        box = _tick_box(ids, f"{barrier.id}:{MET}", f"{number}. {shown[:60]}")
        text = para(run(f"{number}. {shown}")) + para(run(f"{layout.REFERENCE_PREFIX}{barrier.id}"), style="Reference")
        rows.append(
            f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(para(box, ppr=_CENTRED), widths[0])}"
            f"{cell(text, widths[1])}</w:tr>"
        )
    return table(["Tick", "What makes it hard to take part"], widths, rows, caption="Things that can make it hard")


def _other(ids: Iterator[int]) -> str:
    widths = _PAGE.widths([1.0])
    box = _sdt(ids, f"survey:{OTHER}", "Anything else", "<w:richText/>", None, OTHER)
    row = f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(para(box) + para() * 5, widths[0])}</w:tr>"
    return table(["Anything else that makes it hard, in your own words"], widths, [row], caption="Anything else")


def write_barriers_survey(template: BarriersSurveyTemplate, out: BinaryIO, context: ExportContext) -> None:
    """Write a fillable barriers survey to ``out``.

    Args:
        template: What to write.
        out: A binary stream; nothing reaches it on failure.
        context: The date the survey is made on (its document properties) and the
            glossary its list of words at the end comes from.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    checked: dict[str, Any] = {
        "barriers": [{"id": barrier.id, "text": survey_text(barrier)} for barrier in template.barriers],
        "cohort": template.cohort or "",
    }
    if template.organisation is not None:
        checked["organisation"] = template.organisation.name
    ensure_storable_text(checked)
    ids = itertools.count(1000)
    school = template.organisation.name if template.organisation else "your child's school"
    title = "What makes it hard to take part?"
    body = [
        para(run(title), style="Title"),
        para(
            run(
                f"We want every family to be able to take part in the life of {school}. "
                "Some things can make that hard. Please tick any that are true for you, "
                "and tell us about anything else."
            )
        ),
        para(run("Please do not write your name or your child's name. We will not know who filled this in.")),
        para(run("About this survey"), style="Heading1"),
        _cover(template, ids),
        para(run(stamp_line(template)), style="Reference"),
        para(run("Things that can make it hard"), style="Heading1"),
        para(
            run(
                "Tick the box beside each one that is true for you. On paper, put a cross in the box. "
                "Leave the others empty."
            )
        ),
        _barriers(template, ids),
        para(run("Anything else"), style="Heading1"),
        _other(ids),
        para(run("Thank you. Your answers help us plan how to work with families.")),
    ]
    body.extend(
        words_section(
            body,
            glossary_of(context.catalogue),
            heading="Words and short forms used in this survey",
            nothing="This survey uses no special words or short forms.",
        )
    )
    document = new_document()
    append_body(document, "".join(body), _PAGE)
    set_core_properties(
        document,
        made_on=context.as_of,
        title=title,
        subject="Barriers survey: what makes it hard for families to take part",
        language="en-GB",
        author="coproduction",
        comments="",
        keywords="barriers survey; parent carers; SEND; co-production",
    )
    add_custom_properties(
        document,
        {
            layout.PROPERTY_KIND: SURVEY_KIND,
            layout.PROPERTY_FORMAT: FORMAT_VERSION,
            PROPERTY_BARRIERS: ",".join(barrier.id for barrier in template.barriers),
            layout.PROPERTY_FINGERPRINT: template.fingerprint,
        },
    )
    buffer = io.BytesIO()
    document.save(buffer)
    out.write(buffer.getvalue())
