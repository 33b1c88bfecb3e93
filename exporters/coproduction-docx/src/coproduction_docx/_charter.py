"""The parent carer charter: values, commitments, what to expect, who made it, review and sign-off."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from coproduction import Charter, Commitment, InvalidDocumentError, Perspective, StatementIndex, check_charter, to_dict
from coproduction_docx._cycle import (
    Builder,
    Settings,
    join_words,
    long_date,
    rung_description,
    write_document,
)
from coproduction_docx._ooxml import Page
from coproduction_docx._text import ensure_storable_text

__all__ = ["write_charter"]

_PAGE = Page(landscape=False)


def _paragraphs(text: str) -> list[str]:
    """Free text split into paragraphs at blank lines, each kept whole."""
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]


class _Charter:
    def __init__(self, charter: Charter, settings: Settings) -> None:
        self.charter = charter
        self.settings = settings

    def body(self, b: Builder) -> Iterator[str]:
        charter = self.charter
        yield b.value(charter.organisation.name, style="Subtitle")
        for paragraph in _paragraphs(charter.introduction):
            yield b.p(paragraph)
        yield from self.values(b)
        yield from self.commitments(b)
        yield from self.expectations(b)
        yield from self.made(b)

    def values(self, b: Builder) -> Iterator[str]:
        yield b.heading("Our values")
        if not self.charter.values:
            yield b.p("The values of this charter are still to be agreed.")
            return
        for value in self.charter.values:
            yield b.heading(value.name, 2)
            for paragraph in _paragraphs(value.description):
                yield b.p(paragraph)

    def commitments(self, b: Builder) -> Iterator[str]:
        yield b.heading("What we commit to")
        if not self.charter.commitments:
            yield b.p("The commitments of this charter are still to be agreed.")
            return
        yield b.p(
            "For each commitment, we say how far up the participation ladder it aims, "
            "and how we will know we are keeping it."
        )
        rows = [[self.what(b, c), self.aim(b, c), b.p(c.measure)] for c in self.charter.commitments]
        yield b.table(
            ["What we commit to", "How far up the ladder we aim", "How we will know"],
            [0.42, 0.28, 0.3],
            rows,
            caption="What we commit to, how far up the ladder each aims, and how we will know",
        )

    def what(self, b: Builder, commitment: Commitment) -> str:
        content = b.p(commitment.what)
        serves = commitment.serves
        if serves is None:
            return content
        # a charter is for families: statements and rungs in the plain words written for parent carers
        statements = StatementIndex(
            self.settings.catalogue.find_framework(serves.framework, serves.framework_version),
            Perspective.PARENT_CARERS,
        )
        label = statements.framework.title if statements.framework is not None else serves.framework
        content += b.value(f"This helps us meet these statements of the {label}:", bold=True)
        for criterion in serves.criteria:
            wording = statements.wording(criterion)
            content += b.value(statements.reference(criterion), style="ListBullet")
            if wording:
                content += b.p(wording)
        return content

    def aim(self, b: Builder, commitment: Commitment) -> str:
        ladder = self.settings.catalogue.find_ladder(commitment.aims_at.ladder)
        if ladder is None:  # check_charter refused this already; kept for safety
            return b.value(commitment.aims_at.rung)
        rung = ladder.rung(commitment.aims_at.rung)
        content = b.value(rung.name, bold=True) + b.value(
            f"Rung {ladder.position(rung.id) + 1} of {len(ladder.rungs)} on the {ladder.name}."
        )
        if rung.description:
            content += b.p(rung_description(rung, Perspective.PARENT_CARERS))
        return content

    def expectations(self, b: Builder) -> Iterator[str]:
        yield b.heading("What you can expect, and when")
        if not self.charter.expectations:
            yield b.p("What you can expect is still to be agreed.")
            return
        rows = [[b.p(e.what), b.p(e.when)] for e in self.charter.expectations]
        yield b.table(["What happens", "When"], [0.65, 0.35], rows, caption="What you can expect, and when")

    def made(self, b: Builder) -> Iterator[str]:
        charter = self.charter
        yield b.heading("Who made this charter")
        groups = join_words([str(contributor) for contributor in charter.co_produced_with])
        yield b.p(f"We made this charter together with {groups}. We agreed it on {long_date(charter.co_produced_on)}.")
        yield b.heading("When we will review it")
        yield b.p(f"We will review this charter by {long_date(charter.review_date)}.")
        yield b.heading("Signed off")
        if not charter.signed_off:
            yield b.p("This charter has not been signed off yet.")
            return
        rows = [
            [b.p(sign_off.role), b.value(sign_off.name or "Not published"), b.value(long_date(sign_off.date))]
            for sign_off in charter.signed_off
        ]
        yield b.table(["Role", "Name", "Date signed"], [0.45, 0.3, 0.25], rows, caption="Who signed this charter off")


def write_charter(charter: Charter, out: BinaryIO, settings: Settings) -> None:
    """Write a co-produced charter to ``out``.

    The core's plain-English check runs over the whole charter as it reads:
    the first use of each glossary acronym is spelled out, and the jargon it
    finds is listed at the end with its plain meaning.

    Args:
        charter: The charter.
        out: A binary stream.
        settings: The catalogue, which must hold every ladder and framework
            a commitment names.

    Raises:
        ExportError: If any text holds a character Word cannot store.
        InvalidDocumentError: If a commitment aims at a ladder or rung, or
            serves a framework or criterion, that the catalogue does not have;
            every one is listed.
    """
    ensure_storable_text({"charter": to_dict(charter)})
    problems = check_charter(charter, settings.catalogue)
    if problems:
        raise InvalidDocumentError(
            "the charter names a ladder rung or statement that the catalogue does not have, so nothing was "
            "written (for a council's own ladder or framework, use "
            "coproduction.export_context(catalogue=default_catalogue().including(...)))",
            problems,
        )
    view = _Charter(charter, settings)
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=charter.title,
        subject=f"The parent carer charter of {charter.organisation.name}",
        keywords="charter; parent carers; SEND; co-production",
        kind="coproduction-charter",
        properties={},
        body=view.body,
        words_heading="Words and short forms used in this charter",
    )
