"""The parent carer charter: values, commitments, what to expect, who made it, review and sign-off."""

from __future__ import annotations

from coproduction import Charter, Commitment, InvalidDocumentError, StatementIndex, check_charter
from coproduction_html._context import PageContext
from coproduction_html._page import Page, Part, Table
from coproduction_html._wording import join_words, long_date

__all__ = ["charter_page"]


def paragraphs(text: str) -> list[str]:
    """Free text split into paragraphs at blank lines, each kept whole."""
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]


def _serves(commitment: Commitment, context: PageContext) -> list[str]:
    serves = commitment.serves
    if serves is None:
        return []
    statements = StatementIndex(context.catalogue.find_framework(serves.framework, serves.framework_version))
    label = statements.framework.title if statements.framework is not None else serves.framework
    return [f"This helps us meet these statements of the {label}:"] + [
        f"{statements.reference(criterion)}: {statements.text(criterion)}" for criterion in serves.criteria
    ]


def _aim(commitment: Commitment, context: PageContext) -> list[str]:
    ladder = context.catalogue.find_ladder(commitment.aims_at.ladder)
    if ladder is None:  # check_charter refused this already
        return [commitment.aims_at.rung]
    rung = ladder.rung(commitment.aims_at.rung)
    lines = [rung.name, f"Step {ladder.position(rung.id) + 1} of {len(ladder.rungs)} on the {ladder.name}."]
    return [*lines, rung.description] if rung.description else lines


def charter_page(charter: Charter, context: PageContext) -> Page:
    """The page of a charter; every ladder and framework it names must be in the context's catalogue."""
    problems = check_charter(charter, context.catalogue)
    if problems:
        raise InvalidDocumentError(
            "the charter names a ladder step or statement that the catalogue does not have, so nothing was written "
            "(for a council's own ladder or framework, export with a context whose catalogue includes it: "
            "coproduction.export_context(catalogue=...))",
            problems,
        )
    values = [{"name": value.name, "paragraphs": paragraphs(value.description)} for value in charter.values]
    commitments = Table(
        id="commitments-table",
        caption="What we commit to, how far up the ladder each aims, and how we will know",
        headers=["What we commit to", "How far up the ladder we aim", "How we will know"],
        rows=[[[c.what, *_serves(c, context)], _aim(c, context), c.measure] for c in charter.commitments],
    )
    expectations = Table(
        id="expectations-table",
        caption="What you can expect, and when",
        headers=["What happens", "When"],
        rows=[[e.what, e.when] for e in charter.expectations],
    )
    signed = Table(
        id="signed-table",
        caption="Who signed this charter off",
        headers=["Role", "Name", "Date signed"],
        rows=[[s.role, s.name or "Not published", long_date(s.date)] for s in charter.signed_off],
    )
    groups = join_words([str(contributor) for contributor in charter.co_produced_with])
    parts = [
        Part("values", "Our values", {"values": values}),
        Part("commitments", "What we commit to", {"table": commitments if charter.commitments else None}),
        Part(
            "expectations", "What you can expect, and when", {"table": expectations if charter.expectations else None}
        ),
        Part(
            "who-made-it",
            "Who made this charter",
            {
                "paragraphs": [
                    f"We made this charter together with {groups}. "
                    f"We agreed it on {long_date(charter.co_produced_on)}.",
                    f"We will review this charter by {long_date(charter.review_date)}.",
                ],
                "table": signed if charter.signed_off else None,
            },
        ),
    ]
    return Page(
        kind="charter",
        title=charter.title,
        organisation=charter.organisation,
        date=charter.co_produced_on,
        summary=f"The parent carer charter of {charter.organisation.name}, agreed on "
        f"{long_date(charter.co_produced_on)}.",
        template="charter.html.j2",
        parts=parts,
        introduction=[f"The charter of {charter.organisation.name}.", *paragraphs(charter.introduction)],
    )
