"""What the documents of the co-production cycle share.

The comparison, progress report, action plan, charter and "you said, we did"
log are built the same way: a body of headings, paragraphs, tables and
pictures, written twice so that the plain-English check sees the whole
document before anything is spelled out (see :mod:`coproduction_docx._prose`),
then stamped with a title, the en-GB language and a kind.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from coproduction import (
    Catalogue,
    Glossary,
    Perspective,
    Rung,
    StatementIndex,
    wording,
    wording_for,
)
from coproduction_docx._ooxml import (
    Page,
    add_custom_properties,
    append_body,
    cell,
    new_document,
    para,
    picture,
    run,
    table,
)
from coproduction_docx._prose import Prose, checker_for, glossary_of
from coproduction_docx._text import set_core_properties
from coproduction_docx._words import words_section

__all__ = [
    "Builder",
    "Settings",
    "join_words",
    "long_date",
    "percent",
    "rung_description",
    "sentence_case",
    "write_document",
]


def long_date(date: dt.date) -> str:
    """A date as people write it: "14 March 2025" (:func:`coproduction.wording.long_date`)."""
    return wording.long_date(date)


def percent(value: float | None) -> str:
    """A score as a whole percentage, or "no score" (:func:`coproduction.wording.percent`)."""
    return wording.percent(value)


def sentence_case(value: str) -> str:
    """The text with its first letter a capital: "parent carers" becomes "Parent carers"."""
    return value[:1].upper() + value[1:]


def join_words(items: Sequence[str]) -> str:
    """Items joined as a sentence would: "a", "a and b", "a, b and c"."""
    return wording.and_list(items)


def rung_description(rung: Rung, viewpoint: Perspective | None) -> str:
    """A rung's description in the reader's words (the source's when the ladder has none for them)."""
    return wording_for(rung, viewpoint, "description") if rung.description else ""


@dataclass(frozen=True)
class Settings:
    """Where a document's frameworks, ladders and glossary come from, and the date it reports on.

    Attributes:
        catalogue: The frameworks, ladders and glossary.
        as_of: The date overdue actions and answers are judged on.
    """

    catalogue: Catalogue
    as_of: dt.date


class Builder:
    """Builds the body of a document as WordprocessingML, with its prose in plain English."""

    def __init__(self, page: Page, prose: Prose, document: Any | None) -> None:
        """Start a body.

        Args:
            page: The page geometry.
            prose: The document's prose (recorded on the first build).
            document: The python-docx document pictures are added to; None on
                the first build, when nothing is drawn.
        """
        self.page = page
        self.prose = prose
        self.document = document
        self._pictures = itertools.count(1)

    def p(self, value: str, *, style: str | None = None) -> str:
        """A paragraph of prose (acronyms spelled out on first use)."""
        return para(run(self.prose(value)), style=style)

    def value(self, value: str, *, bold: bool = False, style: str | None = None) -> str:
        """A paragraph of a value (a number, a date, a name), left as it is."""
        return para(run(value, bold=bold), style=style)

    def labelled(self, label: str, value: str) -> str:
        """A paragraph with a bold label before some prose: "**Why:** ..."."""
        return para(run(label, bold=True) + run(self.prose(value)))

    @staticmethod
    def heading(value: str, level: int = 1) -> str:
        """A real heading (Heading 1, 2 ...)."""
        return para(run(value), style=f"Heading{level}")

    def bullets(self, values: Iterable[str]) -> str:
        """A bulleted list of prose."""
        return "".join(self.p(value, style="ListBullet") for value in values)

    def statement(self, statements: StatementIndex, criterion_id: str) -> str:
        """A statement's wording with its reference underneath, for a table cell."""
        wording = statements.wording(criterion_id)
        reference = para(run(f"Reference: {criterion_id}"), style="Reference")
        if wording is None:
            return self.value(statements.reference(criterion_id)) + reference
        return self.p(wording) + reference

    def picture(self, draw: Callable[[], tuple[bytes, int, int]], description: str) -> str:
        """A PNG picture with alternative text (nothing on the first build)."""
        if self.document is None:
            return ""
        png, width, height = draw()
        rid, _ = self.document.part.get_or_add_image(io.BytesIO(png))
        return para(
            picture(rid, next(self._pictures), width, height, description, self.page.text_width), keep_next=True
        )

    def table(
        self, header: Sequence[str], fractions: Sequence[float], rows: Iterable[Sequence[str]], caption: str
    ) -> str:
        """A table whose header repeats on each page; each row is a list of cell contents (paragraphs).

        Args:
            header: The column headings.
            fractions: Each column's share of the text width (summing to 1).
            rows: Each row's cells, as paragraph XML.
            caption: A short description, read by screen readers.
        """
        widths = self.page.widths(list(fractions))
        body = [
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + "".join(cell(content, width) for content, width in zip(row, widths, strict=True))
            + "</w:tr>"
            for row in rows
        ]
        return table(list(header), widths, body, caption=caption)

    @staticmethod
    def words(heading: str, body: Sequence[str], glossary: Glossary | None) -> list[str]:
        """The glossary section: every glossary term the body uses (:func:`~coproduction_docx._words.words_section`).

        Args:
            heading: The section's heading.
            body: The body's blocks, as written.
            glossary: The catalogue's glossary; None lists nothing.
        """
        return words_section(
            body, glossary, heading=heading, nothing="This document uses no special words or short forms."
        )


def write_document(
    out: BinaryIO,
    *,
    settings: Settings,
    page: Page,
    title: str,
    subject: str,
    keywords: str,
    kind: str,
    properties: dict[str, str],
    body: Callable[[Builder], Iterator[str]],
    words_heading: str = "Words and short forms used in this document",
) -> None:
    """Build a document twice (recording, then writing its prose) and write it to ``out``.

    The whole file is made in memory first, so nothing reaches ``out`` if
    building it fails.

    Args:
        out: A binary stream.
        settings: The catalogue (its glossary drives the plain-English check).
        page: The page geometry.
        title: The title, shown first and stored as the document's title.
        subject: The document's subject property.
        keywords: Its keywords property.
        kind: Its ``coproduction.kind`` custom property.
        properties: Further custom properties.
        body: Yields the body's blocks; called twice with equal results.
        words_heading: The heading of the list of words at the end.
    """
    glossary = glossary_of(settings.catalogue)
    prose = Prose(checker_for(glossary))
    for _ in body(Builder(page, prose, None)):
        pass
    prose.settle()
    document = new_document()
    builder = Builder(page, prose, document)
    blocks = [para(run(title), style="Title"), *body(builder)]
    blocks.extend(builder.words(words_heading, blocks, glossary))
    append_body(document, "".join(blocks), page)
    set_core_properties(
        document,
        made_on=settings.as_of,
        title=title,
        subject=subject,
        language="en-GB",
        author="coproduction",
        comments="",
        keywords=keywords,
    )
    add_custom_properties(document, {"coproduction.kind": kind, **properties})
    buffer = io.BytesIO()
    document.save(buffer)
    out.write(buffer.getvalue())
