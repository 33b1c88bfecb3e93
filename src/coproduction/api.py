"""The built-in catalogue bound as the default, once, for callers who pass none.

Below the public face a catalogue or glossary is always an argument; these
wrappers are the only place the built-in one is put in for a caller who
leaves it out.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Collection
from typing import Any, TypeVar, overload

from coproduction.catalogue import Catalogue, default_catalogue
from coproduction.contract import serialization
from coproduction.contract.kinds import cross_check
from coproduction.errors import Problem
from coproduction.exporters import ExportContext
from coproduction.exporters.office import ArchiveLimits
from coproduction.model.catalogue import CatalogueLookup
from coproduction.model.charter import Charter
from coproduction.model.glossary import Glossary
from coproduction.rules import charter as charter_rules
from coproduction.rules import plain_english

__all__ = [
    "PlainEnglishChecker",
    "check_charter",
    "check_document",
    "check_plain_english",
    "default_checker",
    "export_context",
    "from_dict",
    "load",
    "loads",
]

T = TypeVar("T")


def _or_builtin(catalogue: CatalogueLookup | None) -> CatalogueLookup:
    return default_catalogue() if catalogue is None else catalogue


@overload
def from_dict(data: Any, kind: None = None, *, catalogue: CatalogueLookup | None = None) -> object: ...
@overload
def from_dict(data: Any, kind: type[T], *, catalogue: CatalogueLookup | None = None) -> T: ...
def from_dict(data: Any, kind: type[Any] | None = None, *, catalogue: CatalogueLookup | None = None) -> object:
    """Validate and structure parsed JSON data into a document.

    Args:
        data: The parsed JSON.
        kind: The class expected (for example :class:`~coproduction.Audit`);
            any document kind when omitted.
        catalogue: Where an audit's framework is looked up; the built-in
            catalogue when omitted.

    Returns:
        The document.

    Raises:
        InvalidDocumentError: With every problem found.
    """
    return serialization.from_dict(data, kind, catalogue=_or_builtin(catalogue))


def loads(
    text: str | bytes,
    kind: type[T] | None = None,
    *,
    catalogue: CatalogueLookup | None = None,
    source: str | None = None,
) -> Any:
    """Parse, validate and structure a JSON document.

    Args:
        text: The JSON text (bytes are decoded as UTF-8).
        kind: The class expected, or None for any document kind.
        catalogue: Where an audit's framework is looked up; the built-in
            catalogue when omitted.
        source: A name for the input (a file name) used in error messages.

    Returns:
        The document.

    Raises:
        UnreadableFileError: If the text is not acceptable JSON.
        InvalidDocumentError: With every problem found.
    """
    return serialization.loads(text, kind, catalogue=_or_builtin(catalogue), source=source)


def load(path: str | os.PathLike[str], kind: type[T] | None = None, *, catalogue: CatalogueLookup | None = None) -> Any:
    """Read a JSON document from a file; see :func:`loads`.

    Raises:
        UnreadableFileError: If the file cannot be read or is not acceptable JSON.
        InvalidDocumentError: With every problem found; the error names the file.
    """
    return serialization.load(path, kind, catalogue=_or_builtin(catalogue))


def check_charter(charter: Charter, catalogue: CatalogueLookup | None = None) -> list[Problem]:
    """Check that every commitment points at things the catalogue has.

    Args:
        charter: The charter.
        catalogue: Where ladders and frameworks are found; the built-in
            catalogue when omitted.

    Returns:
        Every problem, each with a JSON path into the charter document; empty
        when every reference is known.
    """
    return charter_rules.check_charter(charter, _or_builtin(catalogue))


def check_document(document: object, catalogue: CatalogueLookup | None = None) -> list[Problem]:
    """Check what a document's schema cannot: that what it names is in the catalogue, and is consistent.

    This is the cross-check loading runs, applied to a document already in
    hand (for example one built in Python, before it is written).

    Args:
        document: Any document, such as an :class:`~coproduction.ActionPlan`.
        catalogue: Where frameworks and ladders are found; the built-in
            catalogue when omitted.

    Returns:
        Every problem, each with its JSON path; empty when none is found.
    """
    return cross_check(serialization.to_dict(document), _or_builtin(catalogue))


def export_context(
    *, catalogue: Catalogue | None = None, as_of: dt.date | None = None, limits: ArchiveLimits | None = None
) -> ExportContext:
    """What an exporter is told when it writes or reads a file: the catalogue, the date, the limits.

    Args:
        catalogue: Where frameworks, ladders and the glossary are found; the
            built-in catalogue when omitted.
        as_of: The date documents report on (what is overdue, "made on");
            today when omitted.
        limits: The limits a file read back must keep to; the defaults of
            :class:`~coproduction.exporters.office.ArchiveLimits` when omitted.

    Returns:
        The context, to pass to an exporter's ``export``, ``read`` or
        ``read_action_plan``, or to :meth:`ExporterRegistry.export
        <coproduction.exporters.ExporterRegistry.export>`.
    """
    return ExportContext(
        catalogue=default_catalogue() if catalogue is None else catalogue,
        as_of=dt.date.today() if as_of is None else as_of,
        limits=ArchiveLimits() if limits is None else limits,
    )


class PlainEnglishChecker(plain_english.PlainEnglishChecker):
    """A plain-English check with its glossary and thresholds, compiled once.

    Build one and reuse it: compiling the glossary is the slow part. The
    glossary is the built-in SEND glossary when none is given.
    """

    def __init__(
        self,
        glossary: Glossary | None = None,
        *,
        max_sentence_words: int = plain_english.MAX_SENTENCE_WORDS,
        allowed: Collection[str] = plain_english.DEFAULT_ALLOWED,
    ) -> None:
        """Compile the check; see :class:`coproduction.rules.plain_english.PlainEnglishChecker`."""
        super().__init__(
            default_catalogue().glossary() if glossary is None else glossary,
            max_sentence_words=max_sentence_words,
            allowed=allowed,
        )


@functools.cache
def default_checker() -> PlainEnglishChecker:
    """The check with the built-in SEND glossary and default thresholds (built once)."""
    return PlainEnglishChecker()


def check_plain_english(
    item: object,
    *,
    checker: plain_english.PlainEnglishChecker | None = None,
    path: str = "",
    skip: Collection[str] = (),
) -> list[plain_english.PlainEnglishFinding]:
    """Check a text, or every free-text field of a document, for jargon, acronyms and long sentences.

    Args:
        item: A text, or a document such as a :class:`~coproduction.Charter`
            or :class:`~coproduction.FeedbackLog` (any attrs object).
        checker: The check to use; :func:`default_checker` (the built-in SEND
            glossary, sentences of at most 25 words) when omitted.
        path: The path of ``item``, put before every finding's path; empty
            for a whole document or a lone text.
        skip: Names of fields never to check, beside those marked ``NOT_PROSE``.

    Returns:
        The findings in reading order, each with the JSON path of its field.
    """
    return plain_english.check_plain_english(item, checker=checker or default_checker(), path=path, skip=skip)
