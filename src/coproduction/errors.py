"""The exception hierarchy.

Every error a user can cause derives from :class:`CoproductionError` and carries
a stable machine-usable ``code`` and a list of :class:`Problem` objects, each
naming a place (a JSON path, a sheet and cell, a section and criterion) and
saying in plain English what is wrong and what would be accepted.

Errors that mean "you called the library wrong" (a programming mistake) are
plain :class:`TypeError`/:class:`ValueError` from the model constructors and are
not part of this hierarchy's user-facing contract.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "BatchError",
    "CoproductionError",
    "ExportError",
    "ExporterConflictError",
    "ExporterNotFoundError",
    "IncomparableAuditsError",
    "InvalidDocumentError",
    "Problem",
    "UnknownCatalogueItemError",
    "UnknownFrameworkError",
    "UnknownGlossaryError",
    "UnknownLadderError",
    "UnreadableFileError",
    "UnsupportedDocumentError",
]


@attrs.frozen
class Problem:
    """One thing wrong with an input, and where.

    Attributes:
        path: Where the problem is: a JSON path such as ``responses[4].rating``,
            ``Audit!E14`` for a spreadsheet cell, or ``section > criterion`` in
            a Word template. Empty when the problem is with the whole input.
        code: A stable, machine-usable code such as ``unknown-level``.
        message: A plain-English sentence saying what is wrong and what would
            be accepted.
        line: For a problem in a file's text (JSON syntax), the line it is on,
            counted from 1; None otherwise.
        column: The column on that line, in characters, counted from 1.
    """

    path: str
    code: str
    message: str
    line: int | None = attrs.field(default=None, kw_only=True)
    column: int | None = attrs.field(default=None, kw_only=True)

    @property
    def position(self) -> str:
        """``line 3, column 14`` when the problem has a line, else empty."""
        if self.line is None:
            return ""
        return f"line {self.line}" + (f", column {self.column}" if self.column is not None else "")

    def __str__(self) -> str:
        place = ", ".join(part for part in (self.position, self.path) if part)
        return f"{place}: {self.message}" if place else self.message


class CoproductionError(Exception):
    """Base of every error a user of the library can cause with their input.

    Attributes:
        code: A stable code for the kind of error.
        problems: Every problem found, each with its place.
        source: The file or stream name the input came from, if known.
    """

    code: str = "error"

    def __init__(
        self,
        message: str,
        problems: Iterable[Problem] = (),
        *,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.problems: list[Problem] = list(problems)
        self.source = source
        super().__init__(message)

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.source, self._position()) if part)
        head = f"{where}: {self.message}" if where else self.message
        if not self.problems:
            return head
        lines = [head]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)

    def _position(self) -> str:
        """The line and column of the first problem that has them, for a message such as ``a.json, line 3, ...``."""
        return next((problem.position for problem in self.problems if problem.line is not None), "")

    def with_source(self, source: str) -> CoproductionError:
        """Return this error, naming the file it came from.

        Args:
            source: The file name or description of the input.

        Returns:
            The same error object, for chaining in ``raise ... from``.
        """
        self.source = source
        return self


class InvalidDocumentError(CoproductionError, ValueError):
    """The input was read but is not a valid document; see ``problems``."""

    code = "invalid-document"


class IncomparableAuditsError(CoproductionError, ValueError):
    """Audits were given together that cannot be compared; see ``problems``.

    Raised when audits of different organisations or frameworks are compared,
    when two audits share a perspective, and when progress is asked of audits
    of different perspectives or of one date.
    """

    code = "incomparable-audits"


class UnreadableFileError(CoproductionError, ValueError):
    """The input could not be read at all: not JSON, not ours, damaged, or too big."""

    code = "unreadable-file"


class UnknownCatalogueItemError(CoproductionError, LookupError):
    """A framework, ladder or glossary is not in the catalogue.

    The base of the errors for each kind of miss; raised itself only when the
    kind is not known either (an id that is neither a framework nor a ladder).
    """

    code = "unknown-catalogue-item"


class UnknownFrameworkError(UnknownCatalogueItemError):
    """A framework, or a version of it, is not in the catalogue."""

    code = "unknown-framework"


class UnknownLadderError(UnknownCatalogueItemError):
    """A ladder is not in the catalogue."""

    code = "unknown-ladder"


class UnknownGlossaryError(UnknownCatalogueItemError):
    """A glossary is not in the catalogue."""

    code = "unknown-glossary"


class ExporterNotFoundError(CoproductionError, LookupError):
    """No installed exporter has the requested name."""

    code = "exporter-not-found"


class ExporterConflictError(CoproductionError):
    """Two installed distributions claim the same exporter name."""

    code = "exporter-conflict"


class UnsupportedDocumentError(CoproductionError, TypeError):
    """An exporter was asked to write a kind of document it does not support."""

    code = "unsupported-document"


class ExportError(CoproductionError):
    """Writing a document failed; nothing was written."""

    code = "export-failed"


class BatchError(CoproductionError):
    """A batch could not finish for a reason other than its input: a worker process ended, or a fault in coproduction.

    What was written before it stopped is whole; ``problems`` says what failed.
    """

    code = "batch-failed"
