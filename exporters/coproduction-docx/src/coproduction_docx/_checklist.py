"""A meeting checklist as Word: each section, with boxes to tick and lines to write on; the school's name in the title.

The words come from :func:`coproduction.checklist_page`: the source's own,
or (in a parent carers' handout) the library's plain wording of them. A
school's names and numbers are printed as they are; a blank the school did
not fill, and every answer, gets a line to write on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

import attrs

from coproduction import ANSWER_LINES, ChecklistPage, LineStyle, PageLine
from coproduction_docx._cycle import Builder, Settings, write_document
from coproduction_docx._ooxml import Page, para, run
from coproduction_docx._text import ensure_storable_text

__all__ = ["TICK_BOX", "write_checklist"]

_PAGE = Page(landscape=False)

TICK_BOX = "\u2610"
"""The empty box printed before each thing to tick."""

_RULE = 'w:val="single" w:sz="4" w:space="1" w:color="808080"'
# Word joins the borders of paragraphs bordered alike: "between" draws a line between each two of them.
_WRITE_ON = f'<w:pBdr><w:bottom {_RULE}/><w:between {_RULE}/></w:pBdr><w:spacing w:before="320"/>'


def _lines_to_write_on(count: int) -> str:
    return "".join(para(ppr=_WRITE_ON) for _ in range(count))


def _paragraph(b: Builder, line: PageLine) -> str:
    return b.p(line.text)


def _bullet(b: Builder, line: PageLine) -> str:
    return b.p(line.text, style="ListBullet")


def _numbered(b: Builder, line: PageLine) -> str:
    return para(run(f"{line.number}. ", bold=True) + run(b.prose(line.text)))


def _question(b: Builder, line: PageLine) -> str:
    number = run(f"{line.number}. ", bold=True) if line.number is not None else ""
    return para(number + run(b.prose(line.text), bold=True), keep_next=True) + _lines_to_write_on(ANSWER_LINES)


def _tick_box(b: Builder, line: PageLine) -> str:
    return para(run(f"{TICK_BOX}  ") + run(b.prose(line.text)))


def _write_in(b: Builder, line: PageLine) -> str:
    label = run(b.prose(line.text) + " ", bold=True)
    if line.value:
        return para(label + run(line.value))
    return para(label, keep_next=True) + _lines_to_write_on(1)


def _note(b: Builder, line: PageLine) -> str:
    return b.p(line.text, style="Reference")


_LINES: dict[LineStyle, Callable[[Builder, PageLine], str]] = {
    LineStyle.PARAGRAPH: _paragraph,
    LineStyle.BULLET: _bullet,
    LineStyle.NUMBERED: _numbered,
    LineStyle.QUESTION: _question,
    LineStyle.TICK_BOX: _tick_box,
    LineStyle.WRITE_IN: _write_in,
    LineStyle.NOTE: _note,
}


def _body(page: ChecklistPage) -> Callable[[Builder], Iterator[str]]:
    def body(b: Builder) -> Iterator[str]:
        for section in page.sections:
            if section.heading:
                yield b.heading(b.prose(section.heading))
            for line in section.lines:
                yield _LINES[line.style](b, line)
        yield b.value(page.attribution, style="Reference")

    return body


def write_checklist(page: ChecklistPage, out: BinaryIO, settings: Settings) -> None:
    """Write a meeting checklist, ready to print, to ``out``.

    Args:
        page: The checklist, filled with the school's details (:func:`coproduction.checklist_page`).
        out: A binary stream.
        settings: The catalogue (its glossary spells out acronyms on first use) and the date.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    ensure_storable_text({"checklist": attrs.asdict(page)})
    title = f"{page.title}: {page.school}" if page.school else page.title
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=title,
        subject=f"{page.title}, for {page.audience.label}",
        keywords="meeting checklist; parent carers; SEND; co-production",
        kind="coproduction-meeting-checklist",
        properties={"coproduction.checklist": page.id},
        body=_body(page),
    )
