"""The table of what the exporter writes: one row per document class, naming its page kind and builder.

:meth:`coproduction_html.HtmlExporter.supports` is derived from this table, and
the site's index groups pages by the theme each row names. A new document kind
(the pooled view, say) is one row here, a builder module and a template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coproduction import ActionPlan, AuditReport, Charter, Comparison, FeedbackLog, PlanStatus
from coproduction_html._charter import charter_page
from coproduction_html._comparison import comparison_page
from coproduction_html._context import PageContext
from coproduction_html._feedback import feedback_page
from coproduction_html._page import Page
from coproduction_html._plan import plan_page
from coproduction_html._report import report_page

__all__ = ["WRITERS", "Writer", "writer_for"]


@dataclass(frozen=True)
class Writer:
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


WRITERS: dict[type, Writer] = {
    FeedbackLog: Writer(
        "you-said-we-did", "You said, we did", 'a FeedbackLog ("you said, we did")', feedback_page, "feedback_log"
    ),
    Charter: Writer("charter", "Parent carer charters", "a Charter", charter_page, "charter"),
    AuditReport: Writer(
        "audit-report", "Audit reports", "an AuditReport", report_page, "audit", lambda report: report.audit
    ),
    Comparison: Writer("comparison", "Comparing viewpoints", "a Comparison", comparison_page, "comparison"),
    ActionPlan: Writer("action-plan", "Action plans", "an ActionPlan", plan_page, "action_plan"),
    PlanStatus: Writer("action-plan", "Action plans", "a PlanStatus", plan_page, "action_plan", lambda s: s.plan),
}
"""Every document class the exporter writes, and how."""

THEMES = tuple(dict.fromkeys((writer.kind, writer.theme) for writer in WRITERS.values()))
"""Each page kind and its theme, in the order the site's index lists them."""


def writer_for(document: object) -> Writer | None:
    """The writer of a document's class, or None when the exporter does not write it."""
    return WRITERS.get(type(document))
