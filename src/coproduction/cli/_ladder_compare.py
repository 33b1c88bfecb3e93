"""``compare`` of two ladder assessments: one organisation on one ladder from two viewpoints (private)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._common import UsageError
from coproduction.cli._text import table
from coproduction.contract.serialization import kind_of
from coproduction.errors import CoproductionError, IncomparableAuditsError, Problem
from coproduction.exporters.documents import LadderComparisonReport
from coproduction.model.ladder import LadderAssessment

__all__ = ["ladder_comparison_text", "read_ladder_comparison"]


def read_ladder_comparison(
    documents: Sequence[object], files: Sequence[Path], catalogue: Catalogue
) -> LadderComparisonReport:
    """The comparison of two loaded ladder assessments, each problem naming its file.

    Raises:
        UsageError: If there are more than two.
        IncomparableAuditsError: If a ladder assessment is mixed with an audit or a
            pooled view, or the two are on different ladders, of different
            organisations, or from one viewpoint.
    """
    mixed = [
        Problem(
            str(file),
            "mixed-kinds",
            f"is {_named(kind_of(document))}; compare two ladder assessments with each other, "
            "or audits and pooled views with each other, not both at once",
        )
        for file, document in zip(files, documents, strict=True)
        if not isinstance(document, LadderAssessment)
    ]
    if mixed:
        raise IncomparableAuditsError("a ladder assessment cannot be compared with an audit or a pooled view", mixed)
    assessments = [document for document in documents if isinstance(document, LadderAssessment)]
    if len(assessments) != 2:
        raise UsageError(f"give two ladder assessments to compare, one per viewpoint; {len(assessments)} were given")
    first, second = assessments
    if first.ladder != second.ladder:
        raise IncomparableAuditsError(
            "these ladder assessments cannot be compared",
            [
                Problem(
                    str(files[1]),
                    "different-ladder",
                    f"is on the ladder {second.ladder!r}, but {files[0]} is on {first.ladder!r}; "
                    "compare assessments made on one ladder",
                )
            ],
        )
    ladder = catalogue.ladder(first.ladder)
    try:
        return LadderComparisonReport(ladder, first, second)
    except CoproductionError as error:
        for index, problem in enumerate(error.problems):
            head, _, rest = problem.path.partition("]")
            if head.startswith("assessments[") and head[12:].isdigit():
                where = str(files[int(head[12:])]) + (f" ({rest.lstrip('.')})" if rest.strip(".") else "")
                error.problems[index] = Problem(where, problem.code, problem.message)
        raise


def _named(kind: str) -> str:
    name = kind.replace("-", " ")
    return f"an {name}" if name[:1] in "aeiou" else f"a {name}"


def ladder_comparison_text(report: LadderComparisonReport) -> str:
    """The comparison in plain English for the terminal: the highest rung each view sees, each rung, the differences."""
    comparison = report.comparison
    first, second = report.first, report.second
    lines = [
        f"{comparison.organisation.name}: {report.ladder.name}",
        f"Comparing {first.perspective.label} ({first.date.isoformat()}) "
        f"and {second.perspective.label} ({second.date.isoformat()}).",
        "",
        report.highest_sentence(0),
        report.highest_sentence(1),
        "",
    ]
    differ = {entry.rung for entry in comparison.disagreements}
    rows = [
        (
            f"{number}. {rung.name}",
            report.state(0, rung.id),
            report.state(1, rung.id),
            "yes" if rung.id in differ else "",
        )
        for number, rung in reversed(list(enumerate(report.ladder.rungs, start=1)))
    ]
    lines.append(table(("rung (top first)", first.perspective.label, second.perspective.label, "differ"), rows))
    lines.append("")
    if comparison.disagreements:
        lines.append("The rungs seen differently:")
        lines += [f"  {report.difference_sentence(entry.rung)}" for entry in comparison.disagreements]
    else:
        lines.append("The two views agree on every rung.")
    return "\n".join(lines)
