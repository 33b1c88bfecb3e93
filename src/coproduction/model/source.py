"""Attribution of catalogue items to the documents they come from."""

from __future__ import annotations

import attrs

from coproduction.model._validators import non_blank

__all__ = ["Source"]


@attrs.frozen
class Source:
    """Who published a framework, ladder or glossary, and where.

    Attributes:
        publisher: The organisation that published it.
        title: The title of the publication.
        year: The year of publication.
        author: The author, where the source names one.
        url: Where to find it, where known.
    """

    publisher: str = attrs.field(validator=non_blank)
    title: str = attrs.field(validator=non_blank)
    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    author: str | None = None
    url: str | None = None

    def __str__(self) -> str:
        by = f"{self.author}, " if self.author else ""
        return f"{by}{self.publisher}, {self.title} ({self.year})"
