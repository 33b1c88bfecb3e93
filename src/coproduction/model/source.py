"""Attribution of catalogue items to the documents they come from."""

from __future__ import annotations

import attrs

from coproduction.model._validators import check_field_names, non_blank, slug, to_field_names

__all__ = ["CitedSource", "Edit", "Source", "SourceEntry"]


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


@attrs.frozen(kw_only=True)
class CitedSource:
    """A publication a practice collection quotes, which may name no publisher or year.

    Unlike :class:`Source`, the publisher and year may be None: some source
    documents (meeting notes, an untitled note) name neither, and the library
    does not invent them.

    Attributes:
        publisher: The organisation that published it, or None when it names none.
        title: The title of the publication (the library's description when it has none).
        year: The year of publication, or None when it gives none.
        author: The author, where the source names one.
        url: Where to find it, where known.
    """

    publisher: str | None = None
    title: str = attrs.field(validator=non_blank)
    year: int | None = None
    author: str | None = None
    url: str | None = None

    def __str__(self) -> str:
        by = f"{self.author}, " if self.author else ""
        publisher = f"{self.publisher}, " if self.publisher else ""
        year = f" ({self.year})" if self.year is not None else ""
        return f"{by}{publisher}{self.title}{year}"


@attrs.frozen(kw_only=True)
class SourceEntry:
    """One entry of a collection's table of sources, which its items name by id.

    Attributes:
        id: Stable identifier that items use in their ``source`` field.
        source: Who published it.
        seed_file: The source text file the words were taken from, where there is one.
    """

    id: str = attrs.field(validator=slug)
    source: CitedSource
    seed_file: str | None = None


@attrs.frozen(kw_only=True)
class Edit:
    """One change made to a source's text while encoding it (a fixed extraction artefact).

    Attributes:
        where: Which item and field.
        raw: The text as extracted.
        fixed: The text as kept (empty when it was dropped).
        reason: Why.
        seed_file: The source text file, where there is one.
    """

    where: str = attrs.field(validator=non_blank)
    raw: str
    fixed: str
    reason: str = attrs.field(validator=non_blank)
    seed_file: str | None = None
