"""The fillable ladder assessment template: for each rung, "currently doing" or "not doing", and the evidence.

Content controls carry tags (``ladder:<question>`` on the cover,
``<rung id>:doing`` and ``<rung id>:evidence`` in the rungs' table); a
reference printed under each rung ("Reference: consultation") finds the row
again when LibreOffice drops the tags. The template is stamped with the
ladder's id and fingerprint (:func:`coproduction.exporters.office.fingerprint`)
in custom properties and in a printed line.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator
from typing import Any, BinaryIO

from coproduction import (
    ExportContext,
    Ladder,
    LadderAssessmentTemplate,
    Perspective,
    Rung,
    to_dict,
    wording,
    wording_for,
)
from coproduction.exporters.office import fingerprint
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
from coproduction_docx._text import Acronyms, acronyms_of, ensure_storable_text, set_core_properties
from coproduction_docx._words import words_section

__all__ = [
    "COVER",
    "DOING",
    "EVIDENCE",
    "FORMAT_VERSION",
    "LADDER_TEMPLATE_KIND",
    "PLACEHOLDERS",
    "PROPERTY_LADDER",
    "STATES",
    "stamp_line",
    "write_ladder_template",
]

LADDER_TEMPLATE_KIND = "coproduction-ladder-assessment-template"
FORMAT_VERSION = "1"
PROPERTY_LADDER = "coproduction.ladder"
DOING = "doing"
EVIDENCE = "evidence"
STATES = {"doing": "Currently doing", "not-doing": "Not doing"}
"""The drop-down's values and what it shows; left empty, a rung is not assessed."""

COVER = (
    ("organisation", "Organisation"),
    ("organisation_identifier", "Unique reference number (URN), if any"),
    ("completed_by", "Completed by"),
    ("date", "Date completed"),
    ("perspective", "Whose view this records"),
)
"""The cover's questions: (tag after ``ladder:``, the question as printed)."""

PLACEHOLDERS = {
    DOING: "Choose one",
    EVIDENCE: "Write what shows it here",
    "organisation": "Type the name of your school or setting",
    "organisation_identifier": "Type it here if you have one",
    "completed_by": "Type your name and role",
    "date": "Choose or type the date",
    "perspective": "Choose whose view this is",
}
"""The grey prompt of each empty control (LibreOffice keeps it as text, so the reader ignores it)."""

_PAGE = Page(landscape=False)


def stamp_line(ladder: Ladder) -> str:
    """The visible line naming the ladder and the check code (fingerprint) of its text."""
    return (
        f"Template reference: ladder {ladder.id}, check code {fingerprint(ladder)}. Please do not change this line. "
        "We use it to read your answers."
    )


def _sdt(ids: Iterator[int], tag: str, alias: str, kind: str, value: str | None, key: str) -> str:
    shown = "" if value else "<w:showingPlcHdr/>"
    content = run(value) if value else run(PLACEHOLDERS[key], style="PlaceholderText")
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{attr(alias)}"/><w:tag w:val="{attr(tag)}"/>'
        f'<w:id w:val="{next(ids)}"/>{shown}{kind}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'
    )


def _dropdown(ids: Iterator[int], tag: str, alias: str, key: str, items: dict[str, str], chosen: str | None) -> str:
    entries = "".join(
        f'<w:listItem w:displayText="{attr(display)}" w:value="{attr(value)}"/>' for value, display in items.items()
    )
    last = f' w:lastValue="{attr(chosen)}"' if chosen else ""
    return _sdt(ids, tag, alias, f"<w:dropDownList{last}>{entries}</w:dropDownList>", items.get(chosen or ""), key)


def _date(ids: Iterator[int], value: dt.date | None) -> str:
    full = f' w:fullDate="{value.isoformat()}T00:00:00Z"' if value else ""
    kind = (
        f'<w:date{full}><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
        '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
    )
    return _sdt(ids, "ladder:date", "Date completed", kind, wording.long_date(value) if value else None, "date")


def _cover(template: LadderAssessmentTemplate, ids: Iterator[int]) -> str:
    organisation = template.organisation
    perspectives = {p.value: label for p, label in layout.perspective_labels().items()}
    controls = {
        "organisation": _sdt(
            ids, "ladder:organisation", "Organisation", "<w:text/>", organisation.name if organisation else None,
            "organisation",
        ),
        "organisation_identifier": _sdt(
            ids, "ladder:organisation_identifier", "Unique reference number", "<w:text/>",
            organisation.identifier if organisation else None, "organisation_identifier",
        ),
        "completed_by": _sdt(ids, "ladder:completed_by", "Completed by", "<w:text/>", None, "completed_by"),
        "date": _date(ids, template.date),
        "perspective": _dropdown(
            ids, "ladder:perspective", "Whose view", "perspective", perspectives, template.perspective.value
        ),
    }  # fmt: skip
    widths = _PAGE.widths([0.35, 0.65])
    rows = (
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(para(run(label, bold=True)), widths[0])}"
        f"{cell(para(controls[key]), widths[1])}</w:tr>"
        for key, label in COVER
    )
    return table(["Question", "Your answer"], widths, rows, caption="About this ladder assessment")


_ITALIC = "<w:i/><w:iCs/>"
_SET_IN = '<w:spacing w:before="60"/><w:ind w:left="284"/>'


def _rung_cell(ladder: Ladder, rung: Rung, number: int, width: int, viewpoint: Perspective, plain: Acronyms) -> str:
    parts = [para(run(f"{number}. {rung.name}", bold=True))]
    if rung.description:
        parts.append(para(run(plain(wording_for(rung, viewpoint, "description")))))
    if rung.band:
        band = next((b.name for b in ladder.bands if b.id == rung.band), rung.band)
        parts.append(para(run(f"Group: {band}")))
    # examples set in, in italics under a bold label, as a template's statements' are
    parts.extend(
        para(
            run("For example: ", bold=True)
            + run(plain(wording_for(rung, viewpoint, f"examples[{index}]")), rpr=_ITALIC),
            ppr=_SET_IN,
        )
        for index, example in enumerate(rung.examples)
        if example.strip()
    )
    parts.append(para(run(f"{layout.REFERENCE_PREFIX}{rung.id}"), style="Reference"))
    return cell("".join(parts), width)


def _rungs(ladder: Ladder, ids: Iterator[int], viewpoint: Perspective, plain: Acronyms) -> str:
    widths = _PAGE.widths([0.42, 0.2, 0.38])
    rows = []
    for number, rung in enumerate(ladder.rungs, start=1):
        doing = _dropdown(ids, f"{rung.id}:{DOING}", f"{rung.name}: currently doing?", DOING, STATES, None)
        evidence = _sdt(ids, f"{rung.id}:{EVIDENCE}", f"{rung.name}: evidence", "<w:richText/>", None, EVIDENCE)
        rows.append(
            f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_rung_cell(ladder, rung, number, widths[0], viewpoint, plain)}"
            f"{cell(para(doing), widths[1])}{cell(para(evidence), widths[2])}</w:tr>"
        )
    return table(["Rung (lowest first)", "Currently doing?", "Evidence"], widths, rows, caption=ladder.name)


def _introduction(viewpoint: Perspective) -> str:
    if viewpoint is Perspective.SCHOOL_STAFF or viewpoint is Perspective.JOINT:
        return (
            "Please fill this in and send it back. For each rung of the ladder, say whether your organisation "
            f"does this now, from the point of view of {viewpoint.label}, and what shows it."
        )
    return (
        "Please fill this in and send it back. For each rung of the ladder, say whether your child's school or "
        "service does this now, as you see it, and what shows it."
    )


def write_ladder_template(template: LadderAssessmentTemplate, out: BinaryIO, context: ExportContext) -> None:
    """Write a fillable ladder assessment template to ``out``.

    Args:
        template: What to write.
        out: A binary stream; nothing reaches it on failure.
        context: The date the template is made on (its document properties) and the
            glossary its short forms are spelt out from.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    ladder = template.ladder
    checked: dict[str, Any] = {"ladder": to_dict(ladder)}
    if template.organisation is not None:
        checked["organisation"] = {
            "name": template.organisation.name,
            "identifier": template.organisation.identifier or "",
        }
    ensure_storable_text(checked)
    ids = itertools.count(1000)
    plain = acronyms_of(context.catalogue)
    title = f"{ladder.name}: where are we now?"
    # spelt out in reading order: the ladder's description comes before the rungs
    viewpoint = template.perspective
    described = para(run(plain(wording_for(ladder, viewpoint, "description")))) if ladder.description else ""
    body = [
        para(run(title), style="Title"),
        para(run(_introduction(viewpoint))),
        described,
        para(run("About this ladder assessment"), style="Heading1"),
        _cover(template, ids),
        para(run(stamp_line(ladder)), style="Reference"),
        para(run("How to fill this in"), style="Heading1"),
        para(
            run(
                "The rungs are listed from the lowest to the highest. In the Currently doing? column choose "
                "Currently doing or Not doing. Leave it empty if you cannot say. In the Evidence column write what "
                "shows it: a meeting, a document, something that changed."
            )
        ),
        para(run("The rungs"), style="Heading1"),
        _rungs(ladder, ids, template.perspective, plain),
    ]
    body.extend(
        words_section(
            body,
            glossary_of(context.catalogue),
            heading="Words and short forms used in this document",
            nothing="This document uses no special words or short forms.",
        )
    )
    document = new_document()
    append_body(document, "".join(body), _PAGE)
    set_core_properties(
        document,
        made_on=context.as_of,
        title=title,
        subject=f"Ladder assessment template for the {ladder.name}",
        language="en-GB",
        author="coproduction",
        comments="",
        keywords="ladder assessment template; participation; SEND; co-production",
    )
    add_custom_properties(
        document,
        {
            layout.PROPERTY_KIND: LADDER_TEMPLATE_KIND,
            layout.PROPERTY_FORMAT: FORMAT_VERSION,
            PROPERTY_LADDER: ladder.id,
            layout.PROPERTY_FINGERPRINT: fingerprint(ladder),
        },
    )
    buffer = io.BytesIO()
    document.save(buffer)
    out.write(buffer.getvalue())
