"""What a page is before it is rendered: its kind, title, organisation, date, parts and tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

from coproduction import Organisation

__all__ = ["Cell", "Page", "Part", "Table"]

Cell = Union[str, Sequence[str]]  # noqa: UP007 (an alias evaluated at run time, on Python 3.10 too)
"""A table cell: one line of text, or several lines (each its own paragraph)."""


@dataclass(frozen=True)
class Table:
    """A data table with a caption, column headers and, optionally, a header cell at the start of each row.

    Attributes:
        id: A fixed id (never free text), for the caption and the scrolling region.
        caption: What the table shows.
        headers: The column headers.
        rows: The rows' cells.
        row_headers: Whether each row's first cell heads its row.
        total: A last row that sums the others up (shown in bold), if any.
    """

    id: str
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    row_headers: bool = True
    total: Sequence[str] | None = None


@dataclass(frozen=True)
class Part:
    """A part of a page under its own second-level heading, listed in the page's contents.

    Attributes:
        id: A fixed id (never free text), the target of the contents link.
        heading: The heading.
        data: What the part's template block shows.
    """

    id: str
    heading: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """One page, ready to render.

    Attributes:
        kind: The kind of page, a slug (``you-said-we-did``, ``charter`` ...).
        title: The page's one first-level heading.
        organisation: Whose page it is.
        date: The date it is about (the audit's date, the date a plan is reported on ...).
        summary: One sentence saying what the page holds, for the site's index and feed.
        template: The template that draws it.
        parts: Its parts, in order.
        introduction: Paragraphs before the first part.
        variant: What tells two pages of one kind, organisation and date apart (a viewpoint), a slug or empty.
    """

    kind: str
    title: str
    organisation: Organisation
    date: dt.date
    summary: str
    template: str
    parts: Sequence[Part]
    introduction: Sequence[str] = ()
    variant: str = ""
