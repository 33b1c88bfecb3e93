"""A glossary of SEND terms and acronyms, with plain-English wordings."""

from __future__ import annotations

import attrs

from coproduction.model._validators import check_field_names, non_blank, slug, to_field_names, to_tuple, unique
from coproduction.model.source import Source

__all__ = ["Glossary", "Term"]


@attrs.frozen
class Term:
    """One term of the glossary.

    Attributes:
        term: The term or acronym as written, such as "SENCo".
        definition: What it means, from the source.
        plain: A plain-English wording to use instead in documents for families.
        expansion: What the acronym stands for, or None for a term that is not one.
        attribution: Where the definition comes from when that is not the
            glossary's own source, such as another council's strategy; None otherwise.
        library_authored: Which of ``term``, ``expansion``, ``definition`` and
            ``plain`` are this library's words rather than the source's.
    """

    term: str = attrs.field(validator=non_blank)
    definition: str
    plain: str = attrs.field(validator=non_blank)
    expansion: str | None = None
    attribution: str | None = None
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        texts = {"term": self.term, "expansion": self.expansion, "definition": self.definition, "plain": self.plain}
        with_text = [name for name, text in texts.items() if text and text.strip()]
        check_field_names(f"glossary term {self.term!r}", self.library_authored, with_text)

    @property
    def is_acronym(self) -> bool:
        """True when the term is an acronym with an expansion."""
        return self.expansion is not None


@attrs.frozen
class Glossary:
    """A list of terms with their meanings.

    Attributes:
        id: Stable identifier.
        name: Display name.
        terms: The terms.
        source: Who published it.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    terms: tuple[Term, ...] = attrs.field(converter=to_tuple)
    source: Source | None = None

    def __attrs_post_init__(self) -> None:
        unique("terms", (term.term.casefold() for term in self.terms))

    def lookup(self, word: str) -> Term | None:
        """Find a term by its spelling, ignoring case."""
        wanted = word.casefold()
        for term in self.terms:
            if term.term.casefold() == wanted:
                return term
        return None
