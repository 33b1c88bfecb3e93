"""The barriers survey summed up: how many families met each barrier, their own words, and approaches that help.

Families' own words are quoted as they wrote them; only the library's own
words are put into plain English. The summary names no family: a return has
no field for a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from coproduction import BarriersSummary, Basis, Catalogue, UnknownCatalogueItemError, survey_text
from coproduction_docx._cycle import Builder, Settings, join_words, write_document
from coproduction_docx._ooxml import Page
from coproduction_docx._text import ensure_storable_text

__all__ = ["write_barriers_summary"]

_PAGE = Page(landscape=False)


def _families(count: int) -> str:
    return f"{count} {'family' if count == 1 else 'families'}"


def _shown(catalogue: Catalogue, barrier_id: str) -> str:
    try:
        return survey_text(catalogue.barrier(barrier_id))
    except UnknownCatalogueItemError:
        return barrier_id


class _Summary:
    def __init__(self, summary: BarriersSummary, catalogue: Catalogue) -> None:
        self.summary = summary
        self.catalogue = catalogue

    def body(self, b: Builder) -> Iterator[str]:
        summary = self.summary
        yield b.p(
            f"{_families(summary.returns)} from {join_words(list(summary.organisations))} filled in the barriers "
            f"survey ({join_words(list(summary.cohorts))}). Nobody was named."
        )
        met = [count for count in summary.counts if count.met]
        yield b.heading("What made it hard to take part")
        if met:
            rows = [
                [b.value(_shown(self.catalogue, count.barrier)), b.value(f"{count.met} of {count.asked}")]
                for count in met
            ]
            yield b.table(["What made it hard", "Families"], [0.78, 0.22], rows, caption="Barriers met, most first")
        else:
            yield b.p("No family ticked any of the things on the survey.")
        unmet = len(summary.counts) - len(met)
        if unmet:
            yield b.p(f"Nobody ticked the other {unmet} {'thing' if unmet == 1 else 'things'} on the survey.")
        yield b.heading("In families' own words")
        if summary.other_withheld:
            yield b.p(
                f"Not shown: there were fewer than {summary.minimum_group} surveys, so someone could work out "
                "who wrote what."
            )
        elif summary.other:
            yield b.bullets(summary.other)
        else:
            yield b.p("Nobody wrote anything else.")
        yield b.heading("Ways of working that help")
        if not summary.suggestions:
            yield b.p("The catalogue links no way of working to the most common barriers.")
            return
        yield b.p("These ways of working help with what families met most often:")
        yield b.bullets(_shown(self.catalogue, barrier) for barrier in summary.most_common)
        # Approach names are quoted as written ("SEND coffee mornings"): this sentence spells the short forms out first.
        yield b.p("Schools use them to help families of children with SEND take part.")
        rows = []
        for suggestion in summary.suggestions:
            targets = join_words([_shown(self.catalogue, link.target) for link in suggestion.links])
            why = (
                "The source document says so."
                if any(link.basis is Basis.SOURCE for link in suggestion.links)
                else "Our own suggestion."
            )
            rows.append([b.value(suggestion.approach.name, bold=True), b.value(targets), b.value(why)])
        yield b.table(["Way of working", "Helps with", "Why"], [0.3, 0.45, 0.25], rows, caption="Ways that help")


def write_barriers_summary(summary: BarriersSummary, out: BinaryIO, settings: Settings) -> None:
    """Write a barriers survey summary to ``out``.

    Args:
        summary: The summary.
        out: A binary stream.
        settings: The catalogue (the barriers' words and the glossary).

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    ensure_storable_text({"other": list(summary.other), "organisations": list(summary.organisations)})
    view = _Summary(summary, settings.catalogue)
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title="What makes it hard for families to take part",
        subject="Barriers survey: a summary of the returns",
        keywords="barriers survey; parent carers; SEND; co-production",
        kind="coproduction-barriers-summary",
        properties={"coproduction.returns": str(summary.returns)},
        body=view.body,
    )
