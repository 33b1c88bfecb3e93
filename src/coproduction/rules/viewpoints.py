"""Which words to show a reader: a text's wording for their viewpoint, or the source's own, and whose words they are."""

from __future__ import annotations

from typing import Protocol

import attrs

from coproduction.model.framework import Criterion
from coproduction.model.organisation import Perspective
from coproduction.model.wording import LIBRARY, ViewpointWording

__all__ = ["Worded", "examples_for", "is_library_authored", "worded", "wording_for"]


class _Worded(Protocol):
    @property
    def wording(self) -> tuple[ViewpointWording, ...]: ...

    @property
    def library_authored(self) -> tuple[str, ...]: ...


class _Marked(Protocol):
    @property
    def library_authored(self) -> tuple[str, ...]: ...


@attrs.frozen
class Worded:
    """A text as one reader should see it.

    Attributes:
        text: The words to show.
        source_text: The source's own words for the same thing (equal to ``text``
            when there is no wording for the viewpoint).
        adapted: True when ``text`` is a wording for the viewpoint, not the source's text.
        by_library: True when ``text`` is this library's words (an adaptation it
            wrote, or a source field the catalogue filled in itself).
    """

    text: str
    source_text: str
    adapted: bool
    by_library: bool


def _source_text(item: object, field: str) -> str:
    name, _, index = field.partition("[")
    value = getattr(item, name)
    if index:
        value = value[int(index.rstrip("]"))]
    if not isinstance(value, str):
        raise KeyError(f"{type(item).__name__} has no text in {field!r}")
    return value


def is_library_authored(item: _Marked, field: str) -> bool:
    """Say whether a field of a framework, section, criterion, level, term or source is this library's words.

    Args:
        item: Anything with ``library_authored``.
        field: The field, such as ``summary`` or ``examples[0]``.
    """
    return field in item.library_authored


def worded(item: _Worded, field: str, viewpoint: Perspective | None) -> Worded:
    """A text of a criterion, section, level or framework for a viewpoint, with whose words it is.

    Args:
        item: The criterion, section, level or framework.
        field: Which text: ``text`` or ``examples[i]`` of a criterion; ``headline``
            or ``summary`` of a section; ``description`` of a level or framework;
            ``evidence_prompt`` of a framework.
        viewpoint: The reader's viewpoint; None for the source's words.

    Returns:
        The viewpoint's wording where the item has one, else the source's text.

    Raises:
        KeyError: If the item has no text in that field (a section without a headline).
    """
    source = _source_text(item, field)
    for wording in item.wording:
        if wording.viewpoint is viewpoint and wording.field == field:
            return Worded(wording.text, source, adapted=True, by_library=wording.authored_by == LIBRARY)
    return Worded(source, source, adapted=False, by_library=is_library_authored(item, field))


def wording_for(item: _Worded, viewpoint: Perspective | None, field: str = "text") -> str:
    """The words of a criterion (or a section's, level's or framework's text) for a viewpoint.

    Falls back to the source's own words where there is no wording for the viewpoint.

    Args:
        item: A criterion (``field`` defaults to its ``text``), or a section,
            level or framework with ``field`` naming the text.
        viewpoint: The reader's viewpoint, such as ``Perspective.PARENT_CARERS``.
        field: Which text (see :func:`worded`).

    Raises:
        KeyError: If the item has no text in that field.
    """
    return worded(item, field, viewpoint).text


def examples_for(criterion: Criterion, viewpoint: Perspective | None) -> tuple[str, ...]:
    """A criterion's examples for a viewpoint, each the viewpoint's wording or else the source's."""
    return tuple(wording_for(criterion, viewpoint, f"examples[{index}]") for index in range(len(criterion.examples)))
