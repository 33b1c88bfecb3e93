"""The fillable audit template: cover, instructions, one table of content controls per section."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any, BinaryIO

from coproduction import (
    AuditTemplate,
    Criterion,
    ExportContext,
    Field,
    Framework,
    Perspective,
    Phrase,
    Section,
    examples_for,
    phrase,
    section_word,
    to_dict,
    wording,
    wording_for,
)
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
    text,
)
from coproduction_docx._prose import glossary_of
from coproduction_docx._text import Acronyms, acronyms_of, ensure_storable_text, set_core_properties
from coproduction_docx._words import words_section

__all__ = ["write_template"]

_CHECKBOX_FONT = 'w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"'
UNCHECKED = "\u2610"
CHECKED = "\u2612"


def _sdt(ids: Iterator[int], tag: str, alias: str, kind: str, content: str, *, placeholder: bool) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{attr(alias)}"/><w:tag w:val="{attr(tag)}"/>'
        f'<w:id w:val="{next(ids)}"/>{shown}{kind}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'
    )


def _prompt(key: str) -> str:
    return run(layout.placeholder(key), style="PlaceholderText")


def text_control(
    ids: Iterator[int], tag: str, alias: str, key: str, value: str | None = None, *, multiline: bool = True
) -> str:
    """A text content control, showing its prompt when ``value`` is empty.

    Multi-line text goes in a rich-text control: LibreOffice 7.4 moves line
    breaks out of a plain-text control when it saves, losing where they were,
    but keeps them inside a rich-text one. Single-line answers use a
    plain-text control.
    """
    content = run(value) if value else _prompt(key)
    kind = "<w:richText/>" if multiline else "<w:text/>"
    return _sdt(ids, tag, alias, kind, content, placeholder=not value)


def dropdown_control(
    ids: Iterator[int], tag: str, alias: str, key: str, items: dict[str, str], chosen: str | None = None
) -> str:
    """A drop-down list content control; ``items`` maps each value to its display text."""
    entries = "".join(
        f'<w:listItem w:displayText="{attr(display)}" w:value="{attr(value)}"/>' for value, display in items.items()
    )
    last = f' w:lastValue="{attr(chosen)}"' if chosen else ""
    content = run(items[chosen]) if chosen else _prompt(key)
    return _sdt(ids, tag, alias, f"<w:dropDownList{last}>{entries}</w:dropDownList>", content, placeholder=not chosen)


def checkbox_control(ids: Iterator[int], tag: str, alias: str) -> str:
    """An unticked check box content control (``w14:checkbox``)."""
    kind = (
        '<w14:checkbox><w14:checked w14:val="0"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    content = f"<w:r><w:rPr><w:rFonts {_CHECKBOX_FONT}/></w:rPr>{text(UNCHECKED)}</w:r>"
    return _sdt(ids, tag, alias, kind, content, placeholder=False)


def date_control(ids: Iterator[int], tag: str, alias: str, value: dt.date | None) -> str:
    """A date picker content control, pre-filled when ``value`` is given."""
    full = f' w:fullDate="{value.isoformat()}T00:00:00Z"' if value else ""
    kind = (
        f'<w:date{full}><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
        '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
    )
    content = run(wording.long_date(value)) if value else _prompt("date")
    return _sdt(ids, tag, alias, kind, content, placeholder=value is None)


def _cover(template: AuditTemplate, ids: Iterator[int], page: Page) -> str:
    organisation = template.organisation
    perspectives = {p.value: label for p, label in layout.perspective_labels().items()}
    controls = {
        "organisation": text_control(
            ids,
            "cover:organisation",
            "Organisation",
            "organisation",
            organisation.name if organisation else None,
            multiline=False,
        ),
        "organisation_identifier": text_control(
            ids,
            "cover:organisation_identifier",
            "Unique reference number",
            "organisation_identifier",
            organisation.identifier if organisation else None,
            multiline=False,
        ),
        "completed_by": text_control(ids, "cover:completed_by", "Completed by", "completed_by"),
        "date": date_control(ids, "cover:date", "Date completed", template.date),
        "perspective": dropdown_control(
            ids, "cover:perspective", "Whose view", "perspective", perspectives, template.perspective.value
        ),
    }
    widths = page.widths([0.35, 0.65])
    rows = (
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(para(run(question.label, bold=True)), widths[0])}"
        f"{cell(para(controls[question.key]), widths[1])}</w:tr>"
        for question in layout.COVER
    )
    return table(["Question", "Your answer"], widths, rows, caption=f"About this {_audit_word(template.perspective)}")


def _is_family(viewpoint: Perspective) -> bool:
    return viewpoint is not Perspective.SCHOOL_STAFF


def _audit_word(viewpoint: Perspective) -> str:
    """What the document is called: an audit for staff, a checklist for a family."""
    return "checklist" if _is_family(viewpoint) else "audit"


def _instructions(template: AuditTemplate, plain: Acronyms) -> str:
    framework = template.framework
    viewpoint = template.perspective
    scale = framework.scale
    parts = [para(run("How to fill this in"), style="Heading1")]
    count = len(framework.sections)
    word = section_word(framework.id)
    about = (
        "how your child's school works with you and your family"
        if viewpoint is Perspective.PARENT_CARERS
        else "how you are listened to and worked with"
        if viewpoint is Perspective.CHILDREN_AND_YOUNG_PEOPLE
        else "how you work with families"
    )
    whose = (
        "Answer from your own point of view and experience."
        if _is_family(viewpoint) and viewpoint is not Perspective.JOINT
        else f"Answer from the point of view of {viewpoint.label}."
    )
    parts.append(
        para(
            run(
                f"There is one table for each of the {count} {word}{'s' if count != 1 else ''}. "
                f"Each row of a table is one statement about {about}. {whose}"
            )
        )
    )
    parts.append(
        para(
            run(
                "For each statement, choose the rating that best describes what happens now. "
                f"Choose it from the list in the Rating column. There are {len(scale.levels)} ratings, "
                "from lowest to highest:"
            )
        )
    )
    for level in scale.levels:
        description = wording_for(level, viewpoint, "description") if level.description else ""
        meaning = f": {plain(description)}" if description else ""
        parts.append(para(run(level.name, bold=True) + run(meaning), style="ListBullet"))
    if framework.allows_not_applicable:
        parts.append(
            para(run("If a statement does not apply to you, tick the Not applicable box and leave the rating empty."))
        )
    evidence = wording_for(framework, viewpoint, "evidence_prompt") if framework.evidence_prompt else ""
    prompts = {
        Field.EVIDENCE: evidence or "what shows that this happens, with examples",
        Field.REQUIRED_ACTIONS: "what needs to happen to do better",
        Field.NEXT_STEPS: "the next steps you have agreed, who will take them and by when",
    }
    for field in framework.fields:
        parts.append(para(run(plain(f"In the {field.label} column, write {prompts[field]}."))))
    first = framework.sections[0].criteria[0].id
    parts.append(
        para(
            run(
                "Grey text such as \u201cChoose a rating\u201d is a prompt: click it and choose or type your answer. "
                "You can leave a statement unanswered and come back to it later."
            )
        )
    )
    parts.append(
        para(
            run(
                f"Please do not change the reference printed under each statement, such as {first}. "
                "Please do not add, remove or move table rows or columns. We use them to read your answers."
            )
        )
    )
    parts.append(
        para(run("Fill this in with Microsoft Word or LibreOffice Writer and save it as a Word document (.docx)."))
    )
    ladder = template.ladder
    if ladder is not None:
        parts.append(para(run(f"The participation ladder: {ladder.name}"), style="Heading2"))
        parts.append(
            para(
                run(
                    "A participation ladder describes how far families take part in decisions, from the bottom "
                    "rung to the top. Think about which rungs your evidence shows. The rungs, lowest first, are:"
                )
            )
        )
        for number, rung in enumerate(ladder.rungs, start=1):
            meaning = f": {plain(wording_for(rung, viewpoint, 'description'))}" if rung.description else ""
            parts.append(para(run(f"Rung {number}, {rung.name}", bold=True) + run(meaning), style="ListBullet"))
    return "".join(parts)


_ITALIC = "<w:i/><w:iCs/>"
_SET_IN = '<w:spacing w:before="60"/><w:ind w:left="284"/>'


def _criterion_cell(criterion: Criterion, width: int, viewpoint: Perspective, plain: Acronyms) -> str:
    paragraphs = para(run(plain(wording_for(criterion, viewpoint))))
    examples = examples_for(criterion, viewpoint)
    # examples set in, in italics under a bold label, so they never read as a second statement in the row
    if len(examples) == 1:
        paragraphs += para(run("For example: ", bold=True) + run(plain(examples[0]), rpr=_ITALIC), ppr=_SET_IN)
    elif examples:
        paragraphs += para(run("For example:", bold=True), ppr=_SET_IN)
        paragraphs += "".join(para(run(plain(example), rpr=_ITALIC), style="ListBullet") for example in examples)
    if criterion.guidance:
        paragraphs += para(run(plain(criterion.guidance)))
    paragraphs += para(run(layout.REFERENCE_PREFIX + criterion.id), style="Reference")
    return cell(paragraphs, width)


def _section(
    template: AuditTemplate, number: int, section: Section, ids: Iterator[int], page: Page, plain: Acronyms
) -> str:
    framework = template.framework
    viewpoint = template.perspective
    cols = layout.columns(framework)
    widths = page.widths([column.fraction for column in cols])
    levels = layout.level_labels(framework.scale)
    parts = [para(run(plain(f"{number}. {section.title}")), style="Heading1")]
    if section.headline:
        parts.append(para(run(plain(wording_for(section, viewpoint, "headline")), bold=True)))
    if section.summary:
        parts.append(para(run(plain(wording_for(section, viewpoint, "summary")))))
    rows = []
    for criterion in section.criteria:
        cells = [_criterion_cell(criterion, widths[0], viewpoint, plain)]
        for column, width in zip(cols[1:], widths[1:], strict=True):
            key = column.key
            control_tag = layout.tag(criterion.id, key)
            if key == layout.RATING:
                control = dropdown_control(ids, control_tag, "Rating", key, levels)
            elif key == layout.NOT_APPLICABLE:
                control = checkbox_control(ids, control_tag, "Not applicable")
            else:
                control = text_control(ids, control_tag, column.header, key)
            cells.append(cell(para(control), width))
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
    parts.append(table([column.header for column in cols], widths, rows, caption=section.title))
    return "".join(parts)


def _glossary(body: list[str], context: ExportContext, word: str) -> str:
    """The section listing the glossary's terms the document uses, with their plain meaning (none without one)."""
    glossary = glossary_of(context.catalogue)
    if glossary is None:
        return ""
    heading, nothing = f"Words used in this {word}", f"This {word} uses no special words."
    return "".join(words_section(body, glossary, heading=heading, nothing=nothing))


def template_page(framework: Framework) -> Page:
    """The page a framework's template needs: landscape once the tables have four columns or more."""
    return Page(landscape=len(layout.columns(framework)) >= 4)


def write_template(template: AuditTemplate, out: BinaryIO, context: ExportContext) -> None:
    """Write a fillable audit template to ``out``.

    Args:
        template: What to write.
        out: A binary stream.
        context: The catalogue whose glossary the template's list of words comes from, and the date it is made on.

    Raises:
        ExportError: If any text holds a character Word cannot store; nothing
            is written then.
    """
    framework = template.framework
    checked: dict[str, Any] = {"framework": to_dict(framework)}
    if template.organisation is not None:
        checked["organisation"] = {
            "name": template.organisation.name,
            "identifier": template.organisation.identifier or "",
        }
    if template.ladder is not None:
        checked["ladder"] = to_dict(template.ladder)
    ensure_storable_text(checked)

    ids = itertools.count(1000)
    page = template_page(framework)
    viewpoint = template.perspective
    plain = acronyms_of(context.catalogue)
    title = phrase(Phrase.TEMPLATE_TITLE, viewpoint, framework=framework.title)
    introduction = (
        phrase(Phrase.TEMPLATE_INTRODUCTION, viewpoint, organisation=template.organisation.name)
        if template.organisation is not None
        else phrase(Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION, viewpoint)
    )
    body = [
        para(run(title), style="Title"),
        para(run(plain(f"{introduction} It follows the {framework.label}."))),
        para(run(f"About this {_audit_word(viewpoint)}"), style="Heading1"),
        _cover(template, ids, page),
        para(run(layout.stamp_line(framework)), style="Reference"),
        _instructions(template, plain),
    ]
    body.extend(
        _section(template, number, section, ids, page, plain)
        for number, section in enumerate(framework.sections, start=1)
    )
    body.append(_glossary(body, context, _audit_word(viewpoint)))
    document = new_document()
    append_body(document, "".join(body), page)
    set_core_properties(
        document,
        made_on=context.as_of,
        title=title,
        subject=f"Audit template for {framework.label}",
        language="en-GB",
        author="coproduction",
        comments="",
        keywords="audit template; SEND; co-production",
    )
    add_custom_properties(
        document,
        {
            layout.PROPERTY_KIND: layout.TEMPLATE_KIND,
            layout.PROPERTY_FORMAT: layout.FORMAT_VERSION,
            layout.PROPERTY_FRAMEWORK: framework.id,
            layout.PROPERTY_VERSION: framework.version,
            layout.PROPERTY_FINGERPRINT: layout.fingerprint(framework),
        },
    )
    document.save(out)
