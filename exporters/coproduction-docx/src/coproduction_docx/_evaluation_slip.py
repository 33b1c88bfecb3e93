"""The evaluation slip: one page to hand out at a meeting, the participants' questions rated 1 to 5, anonymous.

Each rating is a row of five tick boxes (content controls tagged
``<question>:<rating>``, such as ``listened-to:4``); a reference printed under
each question ("Reference: listened-to") finds the row again when
LibreOffice drops the tags. The comment is a rich-text control
(``slip:comment``). The slip is stamped with the activity's id and
fingerprint (:func:`coproduction.activity_fingerprint`) in custom properties
and in a printed line (as its "check code": families read it).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import BinaryIO

from coproduction import MAX_RATING, EvaluationQuestion, EvaluationSlipTemplate, ExportContext
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
    "COMMENT",
    "COMMENT_PROMPT",
    "FORMAT_VERSION",
    "PROPERTY_ACTIVITY",
    "SCALE",
    "SLIP_KIND",
    "stamp_line",
    "write_evaluation_slip",
]

SLIP_KIND = "coproduction-evaluation-slip"
FORMAT_VERSION = "1"
PROPERTY_ACTIVITY = "coproduction.activity"
COMMENT = "comment"
COMMENT_PROMPT = "Write here if you want to"
BOX = "\u2610"
SCALE = {
    EvaluationQuestion.LISTENED_TO: ("Not at all", "Completely"),
    EvaluationQuestion.QUALITY_OF_DISCUSSION: ("Poor", "Very good"),
}
"""What the lowest and the highest rating mean, for each question."""

_PAGE = Page(landscape=False)
_LARGE = '<w:sz w:val="36"/>'
_CENTRED = '<w:jc w:val="center"/>'


def stamp_line(template: EvaluationSlipTemplate) -> str:
    """The visible line naming the activity and its check code (fingerprint)."""
    return (
        f"Slip reference: activity {template.activity.id}, check code {template.fingerprint}. "
        "Please do not change this line."
    )


def _tick_box(ids: Iterator[int], tag: str, alias: str) -> str:
    kind = (
        '<w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{attr(alias)}"/><w:tag w:val="{attr(tag)}"/>'
        f'<w:id w:val="{next(ids)}"/>{kind}</w:sdtPr><w:sdtContent>{run(BOX, rpr=_LARGE)}</w:sdtContent></w:sdt>'
    )


def _question(question: EvaluationQuestion, ids: Iterator[int]) -> str:
    low, high = SCALE[question]
    widths = _PAGE.widths([1 / MAX_RATING] * MAX_RATING)
    boxes = []
    for rating in range(1, MAX_RATING + 1):
        meaning = {1: low, MAX_RATING: high}.get(rating, "")
        box = _tick_box(ids, f"{question.value}:{rating}", f"{question.question} {rating}")
        boxes.append(cell(para(box, ppr=_CENTRED) + para(run(meaning), ppr=_CENTRED), widths[rating - 1]))
    row = f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(boxes)}</w:tr>"
    heading = para(run(question.question), style="Heading1")
    reference = para(run(f"{layout.REFERENCE_PREFIX}{question.value}"), style="Reference")
    header = [str(rating) for rating in range(1, MAX_RATING + 1)]
    return heading + table(header, widths, [row], caption=question.question) + reference


def write_evaluation_slip(template: EvaluationSlipTemplate, out: BinaryIO, context: ExportContext) -> None:
    """Write a one-page evaluation slip to ``out``.

    Args:
        template: What to write.
        out: A binary stream; nothing reaches it on failure.
        context: The date the slip is made on (its document properties) and the
            glossary its list of words at the end comes from.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    activity = template.activity
    ensure_storable_text({"title": activity.title, "organisation": activity.organisation.name})
    ids = itertools.count(1000)
    comment = (
        f'<w:sdt><w:sdtPr><w:alias w:val="Anything else"/><w:tag w:val="slip:{COMMENT}"/>'
        f'<w:id w:val="{next(ids)}"/><w:showingPlcHdr/><w:richText/></w:sdtPr><w:sdtContent>'
        f"{run(COMMENT_PROMPT, style='PlaceholderText')}</w:sdtContent></w:sdt>"
    )
    width = _PAGE.widths([1.0])
    comment_row = f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(para(comment) + para() * 4, width[0])}</w:tr>"
    title = "How was it?"
    body = [
        para(run(title), style="Title"),
        para(run(f"{activity.title}, {activity.organisation.name}", bold=True)),
        para(
            run(
                "Please tell us what you thought. Tick one box for each question. "
                "Do not write your name. We will not know who filled this in."
            )
        ),
        *(_question(question, ids) for question in EvaluationQuestion),
        para(run("Anything else you want to tell us?"), style="Heading1"),
        table(["Please do not write anyone's name"], width, [comment_row], caption="Anything else"),
        para(run("Thank you.")),
        para(run(stamp_line(template)), style="Reference"),
    ]
    body.extend(
        words_section(
            body,
            glossary_of(context.catalogue),
            heading="Words and short forms used in this slip",
            nothing="This slip uses no special words or short forms.",
        )
    )
    document = new_document()
    append_body(document, "".join(body), _PAGE)
    set_core_properties(
        document,
        made_on=context.as_of,
        title=title,
        subject=f"Evaluation slip for {activity.title}",
        language="en-GB",
        author="coproduction",
        comments="",
        keywords="evaluation slip; co-production; SEND",
    )
    add_custom_properties(
        document,
        {
            layout.PROPERTY_KIND: SLIP_KIND,
            layout.PROPERTY_FORMAT: FORMAT_VERSION,
            PROPERTY_ACTIVITY: activity.id,
            layout.PROPERTY_FINGERPRINT: template.fingerprint,
        },
    )
    buffer = io.BytesIO()
    document.save(buffer)
    out.write(buffer.getvalue())
