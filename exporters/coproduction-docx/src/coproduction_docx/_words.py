"""The glossary section a Word document ends with: every glossary term it uses, with its plain meaning."""

from __future__ import annotations

from collections.abc import Sequence

from coproduction import Glossary, terms_used
from coproduction_docx._ooxml import para, paragraph_texts, run

__all__ = ["words_section"]


def words_section(body: Sequence[str], glossary: Glossary | None, *, heading: str, nothing: str) -> list[str]:
    """The section listing the glossary terms ``body`` uses, acronyms with what they stand for.

    Args:
        body: The document's blocks so far, as WordprocessingML.
        glossary: The catalogue's glossary; None lists nothing.
        heading: The section's heading ("Words and short forms used in this document").
        nothing: What the section says when the body uses no glossary term.

    Returns:
        The section's blocks: its heading, then the terms in the glossary's order.
    """
    terms = terms_used(paragraph_texts("".join(body)), glossary) if glossary is not None else []
    blocks = [para(run(heading), style="Heading1")]
    if not terms:
        return [*blocks, para(run(nothing))]
    blocks.append(para(run("These are the special words and short forms used above, and what they mean.")))
    for term in terms:
        name = f"{term.term} ({term.expansion})" if term.expansion else term.term
        blocks.append(para(run(name, bold=True) + run(f": {term.plain}"), style="ListBullet"))
    return blocks
