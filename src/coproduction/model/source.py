"""Attribution of catalogue items to the documents they come from."""

from __future__ import annotations

import attrs

from coproduction.model._validators import check_field_names, non_blank, to_field_names

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
        library_authored: Which of ``publisher``, ``title`` and ``author`` are
            this library's words (a title given where the source prints none, say).
    """

    publisher: str = attrs.field(validator=non_blank)
    title: str = attrs.field(validator=non_blank)
    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    author: str | None = None
    url: str | None = None
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        with_text = [name for name in ("publisher", "title", "author") if getattr(self, name)]
        check_field_names(f"the source {self.title!r}", self.library_authored, with_text)

    def __str__(self) -> str:
        by = f"{self.author}, " if self.author else ""
        return f"{by}{self.publisher}, {self.title} ({self.year})"
