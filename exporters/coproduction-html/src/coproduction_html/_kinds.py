"""The tables of what the exporter writes: how each document class becomes a page, and the writers built on it.

``PAGES`` names, for each document class, its page kind, its theme in the
site's index and the function that builds its page. ``WRITERS`` (the
protocol's table, ``document class -> writer(document, out, context)``) is
derived from it, and :meth:`coproduction_html.HtmlExporter.supports` from
that. A new document kind is one row here, a builder module and a template.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from coproduction import (
    ActionPlan,
    AuditReport,
    Charter,
    Comparison,
    ExportContext,
    FeedbackLog,
    PlanStatus,
    PooledView,
    UnsupportedDocumentError,
    to_dict,
)
from coproduction_html._charter import charter_page
from coproduction_html._comparison import comparison_page
from coproduction_html._context import PageContext
from coproduction_html._feedback import feedback_page
from coproduction_html._page import Page
from coproduction_html._plan import plan_page
from coproduction_html._pooled import pooled_page
from coproduction_html._render import render
from coproduction_html._report import report_page
from coproduction_html._text import ensure_storable_text

__all__ = ["DOES_NOT_WRITE", "PAGES", "THEMES", "WRITERS", "PageMaker", "Writer", "build_page", "page_maker"]

Writer = Callable[[Any, BinaryIO, ExportContext], None]
"""A writer of the protocol's table: ``writer(document, out, context)``."""


@dataclass(frozen=True)
class PageMaker:
    """How one class of document becomes a page.

    Attributes:
        kind: The page kind, a slug used in file names and the feed.
        theme: What the site's index calls pages of this kind.
        describe: What the exporter's messages call the document.
        build: Builds the page from the document and the context.
        place: Where in the document a problem is, the start of its path (``feedback_log``).
        stored: The stored document within it, whose text is checked before anything is drawn.
    """

    kind: str
    theme: str
    describe: str
    build: Callable[[Any, PageContext], Page]
    place: str
    stored: Callable[[Any], object] = lambda document: document


PAGES: Mapping[type, PageMaker] = {
    FeedbackLog: PageMaker(
        "you-said-we-did", "You said, we did", 'a FeedbackLog ("you said, we did")', feedback_page, "feedback_log"
    ),
    Charter: PageMaker("charter", "Parent carer charters", "a Charter", charter_page, "charter"),
    AuditReport: PageMaker(
        "audit-report", "Checklist results", "an AuditReport", report_page, "audit", lambda report: report.audit
    ),
    Comparison: PageMaker("comparison", "Comparing viewpoints", "a Comparison", comparison_page, "comparison"),
    ActionPlan: PageMaker("action-plan", "Action plans", "an ActionPlan", plan_page, "action_plan"),
    PlanStatus: PageMaker("action-plan", "Action plans", "a PlanStatus", plan_page, "action_plan", lambda s: s.plan),
    PooledView: PageMaker("pooled-view", "Many voices together", "a PooledView", pooled_page, "pooled_view"),
}
"""Every document class the exporter draws, and how."""

THEMES = tuple(dict.fromkeys((maker.kind, maker.theme) for maker in PAGES.values()))
"""Each page kind and its theme, in the order the site's index lists them."""


def page_maker(document: object) -> PageMaker | None:
    """The page maker of a document's class (or of one of its bases), or None when the exporter does not draw it."""
    return next((PAGES[cls] for cls in type(document).__mro__ if cls in PAGES), None)


def build_page(document: object, context: ExportContext) -> Page:
    """Check a document and build its page, before anything is written.

    Raises:
        UnsupportedDocumentError: For a document the exporter does not write.
        ExportError: If some text holds a control character a web page cannot show.
        InvalidDocumentError: If a report's audit does not fit its framework,
            or a plan or charter names a framework, statement, ladder or
            step the context's catalogue does not have.
    """
    maker = page_maker(document)
    if maker is None:
        raise UnsupportedDocumentError(
            f"the html exporter cannot write a {type(document).__name__}; it writes "
            + ", ".join(dict.fromkeys(m.describe for m in PAGES.values()))
        )
    ensure_storable_text(maker.place, to_dict(maker.stored(document)))
    return maker.build(document, PageContext.of(context))


def _write_page(document: object, out: BinaryIO, context: ExportContext) -> None:
    page = build_page(document, context)
    out.write(render(page, made_on=context.as_of).encode("utf-8"))


WRITERS: Mapping[type, Writer] = {cls: _write_page for cls in PAGES}
"""What the html exporter writes: one writer per document class, each one self-contained page."""

DOES_NOT_WRITE: frozenset[str] = frozenset(
    {
        "activity",
        "approaches",
        "audit",
        "barriers",
        "barriers-return",
        "framework",
        "glossary",
        "ladder",
        "ladder-assessment",
        "meeting-checklists",
        "progress",
        "school-local-details",
        "score-report",
    }
)
"""The stored document kinds (``coproduction.contract.kinds``) the html exporter has no page for.

An audit is published as an :class:`~coproduction.AuditReport` (with its
ladder assessment beside it, if any); frameworks, ladders, glossaries,
practice catalogues and score reports are data, published as JSON; progress
over the years is written in Word and Excel.
"""
