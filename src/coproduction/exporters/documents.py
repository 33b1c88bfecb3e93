"""What an exporter is asked to write: a blank template, an audit report, a ladder comparison, a council summary.

An exporter receives either a stored document (a :class:`~coproduction.Framework`,
:class:`~coproduction.Audit`, :class:`~coproduction.ScoreReport` ...) or one of
these views, which bundle what a template or report needs to be drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import attrs

from coproduction.catalogue import Catalogue
from coproduction.model.audit import Audit, Response
from coproduction.model.framework import Framework
from coproduction.model.ladder import Ladder, LadderAssessment, LadderComparison, RungPractice
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.scores import ScoreReport
from coproduction.rules.placement import compare_ladder_assessments
from coproduction.rules.scoring import score

__all__ = [
    "AuditReport",
    "AuditTemplate",
    "CouncilSummary",
    "LadderAssessmentTemplate",
    "LadderComparisonReport",
]


@attrs.frozen
class AuditTemplate:
    """A blank audit of a framework, to be filled in by one organisation.

    Attributes:
        framework: The framework to answer.
        perspective: Whose viewpoint the template asks for.
        organisation: The organisation it is sent to, if known.
        ladder: A ladder to explain in the instructions, if any.
        date: A date to pre-fill, if any.
    """

    framework: Framework
    perspective: Perspective = attrs.field(converter=Perspective)
    organisation: Organisation | None = None
    ladder: Ladder | None = None
    date: dt.date | None = None

    def blank_audit(self, on: dt.date | None = None) -> Audit:
        """The template as an audit with every criterion present and unanswered.

        Args:
            on: The date the command was given, used when the template pre-fills
                no date. (Until exporters are handed an ``ExportContext``, a caller
                that gives neither gets the machine's date.)
        """
        return Audit(
            framework=self.framework.id,
            framework_version=self.framework.version,
            organisation=self.organisation or Organisation(name="(organisation name)"),
            perspective=self.perspective,
            date=self.date or on or dt.date.today(),
            responses=tuple(Response(criterion=c.id) for c in self.framework.criteria),
        )


@attrs.frozen
class LadderAssessmentTemplate:
    """A blank ladder assessment: for each rung, "currently doing" or "not doing", and the evidence.

    Any ladder will do: a built-in one or a council's own loaded from JSON.
    The filled-in file is read back against the very ladder text it was made
    from (its fingerprint), as an audit template is.

    Attributes:
        ladder: The ladder to assess against.
        perspective: Whose viewpoint the template asks for.
        organisation: The organisation it is sent to, if known.
        date: A date to pre-fill, if any.
    """

    ladder: Ladder
    perspective: Perspective = attrs.field(converter=Perspective)
    organisation: Organisation | None = None
    date: dt.date | None = None


@attrs.frozen
class LadderComparisonReport:
    """Two viewpoints' ladder assessments of one organisation, compared, with the ladder to draw them on.

    The comparison is made when the report is built, so assessments that
    cannot be compared are refused before any exporter is asked to write.

    Attributes:
        ladder: The ladder both assessments were made against.
        first: One viewpoint's assessment (the school's own, say).
        second: Another viewpoint's (its parent carers', say).
        comparison: The highest rung each says is practised and the rungs they
            disagree on (:func:`~coproduction.compare_ladder_assessments`).

    Raises:
        IncomparableAuditsError: If the assessments are of different
            organisations or share a viewpoint.
        ValueError: If an assessment is against another ladder or names a rung it lacks.
    """

    ladder: Ladder
    first: LadderAssessment
    second: LadderAssessment
    comparison: LadderComparison = attrs.field(init=False)

    @comparison.default
    def _compare(self) -> LadderComparison:
        return compare_ladder_assessments(self.first, self.second, self.ladder)

    def practice(self, which: int, rung_id: str) -> RungPractice | None:
        """What the first (``which`` 0) or second (1) assessment says of a rung, or None when it is not assessed."""
        assessment = (self.first, self.second)[which]
        return next((entry for entry in assessment.rungs if entry.rung == rung_id), None)

    def state(self, which: int, rung_id: str) -> str:
        """What a viewpoint said of a rung, in words: "doing", "not doing" or "not answered"."""
        entry = self.practice(which, rung_id)
        return _STATES[None if entry is None else entry.doing]

    def highest_sentence(self, which: int) -> str:
        """Who practises which highest rung, in plain English, for the first (0) or second (1) viewpoint."""
        highest = (self.comparison.first_highest, self.comparison.second_highest)[which]
        who = _capital((self.first, self.second)[which].perspective.label)
        if highest is None:
            return f"{who} say no rung of the ladder is practised yet."
        number, count, name = self.ladder.position(highest) + 1, len(self.ladder.rungs), self.ladder.rung(highest).name
        return f"{who} say the highest rung practised now is rung {number} of {count}: {name}."

    def difference_sentence(self, rung_id: str) -> str:
        """How the two viewpoints see one rung, in plain English: "Consultation: school staff say ...; ..."."""
        views = []
        for which, assessment in enumerate((self.first, self.second)):
            who = assessment.perspective.label
            views.append(_SAY[self.state(which, rung_id)].format(who=who))
        return f"{self.ladder.rung(rung_id).name}: {views[0]}; {views[1]}."

    def description(self) -> str:
        """Every rung, top first, with what each viewpoint said of it: a picture's alternative text, in words."""
        first, second = (assessment.perspective.label for assessment in (self.first, self.second))
        parts = [
            f"Picture of the {self.ladder.name}.",
            f"The highest rung is at the top. It shows what {first} and {second} say of each rung.",
        ]
        differ = {entry.rung for entry in self.comparison.disagreements}
        for number, rung in reversed(list(enumerate(self.ladder.rungs, start=1))):
            seen = " They see it differently." if rung.id in differ else ""
            parts.append(
                f"Rung {number}, {rung.name}: {first} {self.state(0, rung.id)}, "
                f"{second} {self.state(1, rung.id)}.{seen}"
            )
        return " ".join(parts)


_STATES: dict[bool | None, str] = {True: "doing", False: "not doing", None: "not answered"}
"""What a viewpoint recorded of a rung, in words: doing (True), not doing (False), no answer (None)."""

_SAY = {
    "doing": "{who} say it is practised",
    "not doing": "{who} say it is not",
    "not answered": "{who} did not answer",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@attrs.frozen
class AuditReport:
    """A filled audit with what a readable report of it needs.

    Attributes:
        audit: The audit.
        framework: The framework version it answers.
        ladder: The ladder, when a ladder assessment is shown.
        ladder_assessment: Where the organisation is on the ladder, if assessed.
    """

    audit: Audit
    framework: Framework
    ladder: Ladder | None = None
    ladder_assessment: LadderAssessment | None = None

    @property
    def scores(self) -> ScoreReport:
        """The audit's scores."""
        return score(self.audit, self.framework)


@attrs.define
class CouncilSummary:
    """Many audits summarised in one document, for a council.

    The audits are read once, as they are written, so a generator that loads
    them one at a time keeps memory small however many there are.

    Attributes:
        audits: Audits, or (audit, framework) pairs; an audit alone is matched
            to its framework through the catalogue.
        catalogue: Where frameworks are found; the export context's catalogue when omitted.
        progress: Called with the number of audits written so far, after each one.
    """

    audits: Iterable[Audit | tuple[Audit, Framework]]
    catalogue: Catalogue | None = None
    progress: Callable[[int], None] | None = None
