"""Wording of a text for one viewpoint, kept beside the source's own words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from coproduction.model._validators import check_field_names, non_blank, to_field_names, to_tuple
from coproduction.model.organisation import Perspective

__all__ = ["LIBRARY", "ViewpointWording", "check_wordings"]

LIBRARY = "library"
"""Who wrote a text the source did not: this library (:attr:`ViewpointWording.authored_by`)."""

SOURCE = "source"
"""Who wrote a text that is the source's own words."""


@attrs.frozen
class ViewpointWording:
    """A source text reworded for one viewpoint, such as "My child's school ..." for parent carers.

    The source text is never replaced: it stays in the field this wording names.

    Attributes:
        viewpoint: Whose viewpoint the wording speaks from, such as parent carers.
        text: The wording.
        field: Which text of the item it rewords: ``text``, ``examples[0]``,
            ``headline``, ``summary``, ``description`` or ``evidence_prompt``.
        library_authored: ``("text",)`` when the wording is this library's own
            adaptation; empty when the source published it.
    """

    viewpoint: Perspective = attrs.field(converter=Perspective)
    text: str = attrs.field(validator=non_blank)
    field: str = "text"
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        check_field_names(f"the {self.viewpoint.label} wording of {self.field!r}", self.library_authored, ("text",))

    @property
    def authored_by(self) -> str:
        """``"library"`` when the wording is this library's adaptation, ``"source"`` when the source's."""
        return LIBRARY if "text" in self.library_authored else SOURCE


def to_wordings(value: Iterable[ViewpointWording]) -> tuple[ViewpointWording, ...]:
    """Attrs converter: the wordings as a tuple."""
    return to_tuple(value)


def check_wordings(owner: str, wordings: Iterable[ViewpointWording], texts: Mapping[str, object]) -> None:
    """Raise ``ValueError`` for a wording of a text the item lacks, or two wordings of one text for one viewpoint.

    Args:
        owner: The item, for the message, such as "criterion 'staff-1'".
        wordings: The item's viewpoint wordings.
        texts: The item's text fields that may be reworded, by name (``examples[0]`` for an
            example); a field whose value is empty or None cannot be.
    """
    seen: set[tuple[Perspective, str]] = set()
    for wording in wordings:
        source = texts.get(wording.field)
        if not (isinstance(source, str) and source.strip()):
            choices = ", ".join(name for name, text in texts.items() if isinstance(text, str) and text.strip())
            raise ValueError(
                f"{owner} has {wording.viewpoint.label} wording for {wording.field!r}, but no source text there "
                f"to reword; fields that can be reworded: {choices or 'none'}"
            )
        key = (wording.viewpoint, wording.field)
        if key in seen:
            raise ValueError(f"{owner} has two {wording.viewpoint.label} wordings of {wording.field!r}; keep one")
        seen.add(key)
