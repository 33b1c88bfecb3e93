"""The ladder from both sides: two viewpoints' ladder assessments of one organisation, compared, in Word.

In plain English: the highest rung each viewpoint says is practised, the
rungs they see differently, a picture of the ladder with each viewpoint's
"doing / not doing" on every rung, and a table of what each said, with
their evidence in their own words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from coproduction import Ladder, LadderComparisonReport, Perspective, to_dict
from coproduction_docx._cycle import Builder, Settings, long_date, rung_description, sentence_case, write_document
from coproduction_docx._ladder_comparison_chart import ladder_comparison_chart
from coproduction_docx._ooxml import Page, para, run
from coproduction_docx._text import ensure_storable_text

__all__ = ["write_ladder_comparison"]

_PAGE = Page(landscape=False)
_READER = Perspective.PARENT_CARERS
"""Everyone reads the one comparison, families included: rungs are described in the parent carers' words."""


class _LadderComparison:
    def __init__(self, report: LadderComparisonReport) -> None:
        self.report = report
        self.ladder: Ladder = report.ladder
        self.labels = tuple(assessment.perspective.label for assessment in (report.first, report.second))

    def body(self, b: Builder) -> Iterator[str]:
        report = self.report
        first, second = report.first, report.second
        yield b.p(
            f"This document compares where {self.labels[0]} and {self.labels[1]} place "
            f"{report.comparison.organisation.name} on the {self.ladder.name}."
        )
        yield b.p(
            f"{sentence_case(self.labels[0])} filled in the ladder on {long_date(first.date)}, and "
            f"{self.labels[1]} on {long_date(second.date)}. For each rung, each said whether it is practised now."
        )
        yield b.heading("The highest rung each view sees")
        yield b.bullets([report.highest_sentence(0), report.highest_sentence(1)])
        yield from self.differences(b)
        yield b.heading("The ladder, rung by rung")
        yield b.picture(self.chart, report.description())
        yield b.p(
            "The highest rung is at the top. A solid box means doing, a striped box means not doing, and a dotted "
            "box means no answer was given."
        )
        yield from self.table(b)

    def differences(self, b: Builder) -> Iterator[str]:
        disagreements = self.report.comparison.disagreements
        yield b.heading("The rungs seen differently")
        if not disagreements:
            yield b.p("The two views agree on every rung.")
            return
        count = len(disagreements)
        yield b.p(
            f"The two views differ on {count} rung{'s' if count != 1 else ''}. "
            "These are good places to start talking together."
        )
        yield b.bullets(self.report.difference_sentence(entry.rung) for entry in disagreements)

    def chart(self) -> tuple[bytes, int, int]:
        states = [[self.report.state(which, rung.id) for rung in self.ladder.rungs] for which in (0, 1)]
        return ladder_comparison_chart(
            [rung.name for rung in self.ladder.rungs], [sentence_case(label) for label in self.labels], states
        )

    def table(self, b: Builder) -> Iterator[str]:
        rows = []
        for number, rung in reversed(list(enumerate(self.ladder.rungs, start=1))):
            name = para(run(f"{number}. {rung.name}", bold=True))
            if rung.description:
                name += b.p(rung_description(rung, _READER))
            cells = [name]
            for which in (0, 1):
                entry = self.report.practice(which, rung.id)
                content = b.value(sentence_case(self.report.state(which, rung.id)), bold=True)
                if entry is not None and entry.evidence:
                    content += para(run("What shows it: ", bold=True) + run(entry.evidence))
                cells.append(content)
            rows.append(cells)
        yield b.table(
            ["Rung", *(sentence_case(label) for label in self.labels)],
            [0.4, 0.3, 0.3],
            rows,
            caption=f"What each view says of each rung of the {self.ladder.name}, top rung first",
        )


def write_ladder_comparison(report: LadderComparisonReport, out: BinaryIO, settings: Settings) -> None:
    """Write the comparison of two viewpoints' ladder assessments to ``out``.

    Args:
        report: The ladder, both assessments and their comparison.
        out: A binary stream; nothing reaches it on failure.
        settings: The catalogue (its glossary drives the plain-English check) and the date.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    ensure_storable_text(
        {
            "ladder": to_dict(report.ladder),
            "assessments[0]": to_dict(report.first),
            "assessments[1]": to_dict(report.second),
        }
    )
    organisation = report.comparison.organisation.name
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=f"{organisation}: the ladder from both sides",
        subject=f"Two views of {organisation} on the {report.ladder.name}",
        keywords="ladder of participation; comparison; SEND; co-production",
        kind="coproduction-ladder-comparison",
        properties={
            "coproduction.ladder": report.ladder.id,
            "coproduction.perspectives": f"{report.first.perspective.value} {report.second.perspective.value}",
        },
        body=_LadderComparison(report).body,
    )
