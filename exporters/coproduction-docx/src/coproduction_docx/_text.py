"""Text checks before writing, and spelling acronyms out on first use."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from coproduction import Catalogue, CoproductionError, Glossary
from coproduction.exporters.office import StorableText

__all__ = ["MAX_PROPERTY_CHARS", "Acronyms", "acronyms_of", "ensure_storable_text", "set_core_properties"]

_FORMAT = "a Word document"
MAX_PROPERTY_CHARS = 255
"""The most characters a core document property (title, subject) holds."""


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def ensure_storable_text(parts: dict[str, Any]) -> None:
    """Refuse text Word cannot hold, before anything is written.

    Args:
        parts: Plain JSON-like data to check, by a name for where it came from
            (such as ``{"audit": to_dict(audit)}``).

    Raises:
        ExportError: Listing every string holding a character a Word document
            cannot hold, by its place.
    """
    checks = StorableText(_FORMAT)
    for name, data in parts.items():
        for path, value in _strings(data, name):
            checks.check(value, path)
    checks.raise_if_any("the document")


def set_core_properties(document: Any, *, made_on: dt.date, **values: str) -> None:
    """Set the document's core properties, refusing (never cutting) a value longer than Word stores.

    The created and modified dates are the day the document reports on (the
    export context's ``as_of``), not python-docx's default template's
    2013 date; the last to modify it is this library.

    Args:
        document: The python-docx document.
        made_on: The date the document is made for.
        values: Core properties by name: title, subject, language, author ...

    Raises:
        ExportError: Naming each property too long, before anything is written.
    """
    checks = StorableText(_FORMAT)
    for name, value in values.items():
        checks.check(value, f"document property {name}", max_chars=MAX_PROPERTY_CHARS, limit_name="the property")
    checks.raise_if_any("the document")
    properties = document.core_properties
    for name, value in values.items():
        setattr(properties, name, value)
    moment = dt.datetime(made_on.year, made_on.month, made_on.day, tzinfo=dt.timezone.utc)
    properties.created = moment
    properties.modified = moment
    properties.last_modified_by = "coproduction"
    properties.revision = 1


_BOUNDARY_BEFORE = r"(?<![\w-])"
_BOUNDARY_AFTER = r"(?![\w-])"


class Acronyms:
    """Spells each glossary acronym out the first time a document uses it.

    Matching ignores case only where the text writes at least two capital
    letters, so "SENCo" is found as "SENCO" but the word "cast" is not taken
    for the acronym "CAST".
    """

    def __init__(self, glossary: Glossary | None) -> None:
        """Prepare the acronyms of a glossary (those with an expansion).

        Args:
            glossary: The glossary; None spells nothing out.
        """
        self._expansions: dict[str, tuple[str, str]] = {}
        for term in glossary.terms if glossary else ():
            if term.expansion:
                for variant in term.term.split(" or "):
                    self._expansions[variant.casefold()] = (term.term, term.expansion)
        variants = sorted(self._expansions, key=len, reverse=True)
        self._pattern = (
            re.compile(
                _BOUNDARY_BEFORE + "(" + "|".join(re.escape(v) for v in variants) + ")" + _BOUNDARY_AFTER,
                re.IGNORECASE,
            )
            if variants
            else None
        )
        self.used: dict[str, str] = {}
        """Each acronym spelled out so far, by its glossary term, with its expansion."""

    def __call__(self, value: str) -> str:
        """Return ``value`` with acronyms not met before spelled out: "Local Authority (LA)"."""
        if self._pattern is None:
            return value

        def replace(match: re.Match[str]) -> str:
            written = match.group(1)
            if sum(character.isupper() for character in written) < 2:
                return written
            term, expansion = self._expansions[written.casefold()]
            if term in self.used:
                return written
            self.used[term] = expansion
            if value[: match.start()].rstrip(" (").casefold().endswith(expansion.casefold()):
                return written  # already spelled out: "senior leadership team (SLT)"
            return f"{expansion} ({written})"

        return self._pattern.sub(replace, value)


def acronyms_of(catalogue: Catalogue) -> Acronyms:
    """Acronyms of the catalogue's SEND glossary (none if it has none)."""
    try:
        glossary: Glossary | None = catalogue.glossary()
    except CoproductionError:
        glossary = None
    return Acronyms(glossary)
