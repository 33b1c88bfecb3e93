"""The ``html`` exporter: the plugin object the registry loads."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, ClassVar

from coproduction import ExportContext, UnsupportedDocumentError
from coproduction_html._kinds import DOES_NOT_WRITE, WRITERS, Writer
from coproduction_html._site import publish_site

__all__ = ["HtmlExporter"]


class HtmlExporter:
    """Writes accessible, self-contained web pages of the documents of the co-production cycle, and whole sites.

    Built with no arguments (as the registry does); the catalogue and the
    date arrive with each call in an :class:`~coproduction.ExportContext`. It
    holds no state and pickles, so batch work can hand it to worker processes.
    It is a :class:`~coproduction.exporters.SitePublisher`: :meth:`publish`
    writes a council's static site.

    Attributes:
        name: ``html``.
        media_type: ``text/html``.
        suffix: ``.html``.
        writers: The table of writers, document class to writer; :meth:`supports` reads it.
        does_not_write: The stored document kinds it has no page for.
    """

    name: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"
    suffix: ClassVar[str] = ".html"
    writers: ClassVar[Mapping[type, Writer]] = WRITERS
    does_not_write: ClassVar[frozenset[str]] = DOES_NOT_WRITE

    def __repr__(self) -> str:
        return "HtmlExporter()"

    def _writer(self, document: object) -> Writer | None:
        return next((self.writers[cls] for cls in type(document).__mro__ if cls in self.writers), None)

    def supports(self, document: object) -> bool:
        """True when the table of writers has a writer for the document's class.

        Those are a "you said, we did" log (:class:`~coproduction.FeedbackLog`),
        a :class:`~coproduction.Charter`, an :class:`~coproduction.AuditReport`,
        a comparison of viewpoints (:class:`~coproduction.Comparison`), an
        action plan (:class:`~coproduction.ActionPlan`, or its
        :class:`~coproduction.PlanStatus` on a date) and a pooled view
        (:class:`~coproduction.PooledView`).
        """
        return self._writer(document) is not None

    def export(self, document: object, out: BinaryIO, /, context: ExportContext) -> None:
        """Write a document as one self-contained web page (UTF-8 HTML).

        The page is built in memory and checked first, so nothing reaches
        ``out`` when an error is raised.

        Args:
            document: Any document :meth:`supports`.
            out: A binary stream to write the page to.
            context: The catalogue (frameworks and ladders for the wording of
                statements and steps) and the date plans and logs report on.

        Raises:
            UnsupportedDocumentError: For any other kind of document.
            ExportError: If some text holds a control character a web page cannot show.
            InvalidDocumentError: If a report's audit does not fit its framework,
                or a plan or charter names something the catalogue does not have.
        """
        writer = self._writer(document)
        if writer is None:
            writes = ", ".join(sorted(cls.__name__ for cls in self.writers))
            raise UnsupportedDocumentError(
                f"the html exporter cannot write a {type(document).__name__}; it writes: {writes}"
            )
        writer(document, out, context)

    def publish(self, documents: Sequence[object], out_dir: str | os.PathLike[str], /, context: ExportContext) -> Path:
        """Publish many schools' documents as a static site, written atomically; see :func:`publish_site`.

        Returns:
            The site's folder.
        """
        return publish_site(documents, out_dir, context=context).folder
