"""The ``html`` exporter: the plugin object the registry loads."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO, ClassVar

from coproduction import Catalogue, UnsupportedDocumentError, to_dict
from coproduction_html._context import PageContext, context_of
from coproduction_html._kinds import WRITERS, writer_for
from coproduction_html._page import Page
from coproduction_html._render import render
from coproduction_html._text import ensure_storable_text

__all__ = ["HtmlExporter"]


class HtmlExporter:
    """Writes accessible, self-contained web pages of the documents of the co-production cycle.

    Constructible with no arguments (as the registry does), holds no open
    resources and pickles, so batch work can hand it to worker processes.

    Attributes:
        name: ``html``.
        media_type: ``text/html``.
        suffix: ``.html``.
        catalogue: Where pages find frameworks (for the wording of statements)
            and ladders; None for the built-in catalogue.
        as_of: The date an action plan's progress and a "you said, we did"
            log's late answers are judged on; None for the day of export.
    """

    name: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"
    suffix: ClassVar[str] = ".html"

    def __init__(self, *, catalogue: Catalogue | None = None, as_of: dt.date | None = None) -> None:
        """Create the exporter.

        Args:
            catalogue: Frameworks and ladders for the pages (a council's own
                framework or ladder: ``default_catalogue().including(...)``);
                the built-in catalogue when omitted.
            as_of: The date action plans and feedback logs report on; the day
                of export when omitted.
        """
        self.catalogue = catalogue
        self.as_of = as_of

    def __repr__(self) -> str:
        extra = [] if self.catalogue is None else ["catalogue=<given>"]
        extra += [] if self.as_of is None else [f"as_of={self.as_of!r}"]
        return f"HtmlExporter({', '.join(extra)})"

    def context(self) -> PageContext:
        """The catalogue and date the pages are drawn with."""
        return context_of(self.catalogue, self.as_of)

    def supports(self, document: object) -> bool:
        """True for the documents :meth:`export` writes: exactly the classes in the exporter's table of writers.

        Those are a "you said, we did" log (:class:`~coproduction.FeedbackLog`),
        a :class:`~coproduction.Charter`, an :class:`~coproduction.AuditReport`,
        a comparison of viewpoints (:class:`~coproduction.Comparison`) and an
        action plan (:class:`~coproduction.ActionPlan`, or its
        :class:`~coproduction.PlanStatus` on a date).
        """
        return writer_for(document) is not None

    def page(self, document: object, context: PageContext | None = None) -> Page:
        """Check a document and build its page, before anything is written.

        Raises:
            UnsupportedDocumentError: For a document the exporter does not write.
            ExportError: If some text holds a control character a web page cannot show.
            InvalidDocumentError: If a report's audit does not fit its framework,
                or a plan or charter names a framework, statement, ladder or
                step the catalogue does not have.
        """
        writer = writer_for(document)
        if writer is None:
            raise UnsupportedDocumentError(
                f"the html exporter cannot write a {type(document).__name__}; it writes "
                + ", ".join(dict.fromkeys(w.describe for w in WRITERS.values()))
            )
        ensure_storable_text(writer.place, to_dict(writer.stored(document)))
        return writer.build(document, context or self.context())

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write a document as one self-contained web page (UTF-8 HTML).

        The page is built in memory and checked first, so nothing reaches
        ``out`` when an error is raised.

        Args:
            document: Any document :meth:`supports`.
            out: A binary stream to write the page to.

        Raises:
            UnsupportedDocumentError: For any other kind of document.
            ExportError: If some text holds a control character a web page cannot show.
            InvalidDocumentError: If a report's audit does not fit its framework,
                or a plan or charter names something the catalogue does not have.
        """
        context = self.context()
        page = self.page(document, context)
        out.write(render(page, made_on=context.as_of).encode("utf-8"))
