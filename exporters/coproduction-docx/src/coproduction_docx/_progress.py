"""Progress across audit cycles: the trend of the scores and what moved, statement by statement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from coproduction import (
    CriterionProgress,
    Framework,
    Movement,
    Perspective,
    Progress,
    RoundRating,
    StatementIndex,
    section_name,
    to_dict,
)
from coproduction_docx._chart import PATTERNS, grouped_chart
from coproduction_docx._cycle import (
    Builder,
    Settings,
    join_words,
    long_date,
    percent,
    sentence_case,
    write_document,
)
from coproduction_docx._ooxml import Page
from coproduction_docx._text import ensure_storable_text

__all__ = ["write_progress"]

_PAGE = Page(landscape=True)

# The movements every report lists, and the others only when they happen.
_ALWAYS = (Movement.IMPROVED, Movement.SAME, Movement.FELL_BACK)


class _Progress:
    def __init__(self, progress: Progress, frameworks: dict[str, Framework]) -> None:
        self.progress = progress
        self.frameworks = frameworks
        latest = frameworks.get(progress.cycles[-1].framework_version)
        self.latest = latest
        self.viewpoint = progress.perspective
        self.statements = StatementIndex(latest, self.viewpoint)
        self.shown = progress.cycles[-len(PATTERNS) :]
        self.section = section_name(progress.framework)
        self.family = self.viewpoint is not Perspective.SCHOOL_STAFF
        # families fill in a checklist; the word "audit" is the staff's
        self.audit = "checklist" if self.family else "audit"
        self.audits = f"{self.audit}s"

    @property
    def label(self) -> str:
        return self.latest.title if self.latest is not None else f"framework {self.progress.framework}"

    def scale_of(self, version: str) -> Framework | None:
        """The framework whose scale names the levels of an audit: its own version, else any known one."""
        return self.frameworks.get(version) or self.latest or next(iter(self.frameworks.values()), None)

    def level_name(self, level_id: str | None, version: str) -> str:
        return StatementIndex(self.scale_of(version)).level_name(level_id)

    def band(self, score: float | None, version: str) -> str:
        """The name of the rating nearest a score, by the scale of the audit's framework version."""
        framework = self.scale_of(version)
        if score is None:
            return "None yet"
        return "" if framework is None else framework.scale.band(score).name

    def rating(self, rating: RoundRating, version: str) -> str:
        if rating.rating is not None:
            return self.level_name(rating.rating, version)
        return "Not applicable" if rating.not_applicable else "Not answered"

    def body(self, b: Builder) -> Iterator[str]:
        yield from self.introduction(b)
        yield from self.trend(b)
        yield from self.sections(b)
        yield from self.changes(b)
        if len(self.progress.cycles) > 2:
            yield from self.every_audit(b)
        if self.progress.unshared:
            yield from self.unshared(b)

    def introduction(self, b: Builder) -> Iterator[str]:
        progress = self.progress
        dates = [long_date(date) for date in progress.dates]
        who = (
            f"staff at {progress.organisation.name} rated it"
            if self.viewpoint is Perspective.SCHOOL_STAFF
            else f"{progress.perspective.label} rated {progress.organisation.name}"
        )
        yield b.p(f"This document follows how {who} against the {self.label}. They rated it {len(dates)} times.")
        yield b.p(f"The dates were {join_words(dates)}.")
        if progress.unshared:
            yield b.p(
                f"The {self.audits} answer different versions of the framework, so they are compared on the "
                f"{len(progress.criteria)} statements every version has. The others are listed at the end."
            )
        yield b.p(
            "Scores run from 0% (every statement at the lowest rating) to 100% (every statement at the highest). "
            "Statements marked not applicable, and statements not answered, do not count towards a score."
        )
        if self.latest is None:
            yield b.p(
                f"The wording of each statement is not shown, because version "
                f"{progress.cycles[-1].framework_version} of the framework {progress.framework} was not available "
                "when this document was made. Each statement is shown by its reference."
            )

    def trend(self, b: Builder) -> Iterator[str]:
        progress = self.progress
        yield b.heading("The overall trend")
        first, last = progress.cycles[0], progress.cycles[-1]
        if first.score is not None and last.score is not None:
            yield b.p(
                f"The overall score went from {percent(first.score)} on {long_date(first.date)} to "
                f"{percent(last.score)} on {long_date(last.date)}: it {progress.trend.label}."
            )
        else:
            yield b.p(
                "There is no overall score to compare yet, because the first or the latest "
                f"{self.audit} rated no statement."
            )
        rows = []
        for index, cycle in enumerate(progress.cycles):
            since = f"First {self.audit}" if index == 0 else sentence_case(progress.overall[index - 1].label)
            rows.append(
                [
                    b.value(long_date(cycle.date)),
                    b.value(cycle.framework_version),
                    b.value(percent(cycle.score), bold=True),
                    b.value(self.band(cycle.score, cycle.framework_version)),
                    b.value(percent(cycle.coverage)),
                    b.value(since),
                ]
            )
        yield b.table(
            [
                sentence_case(self.audit),
                "Framework version",
                "Overall score",
                "Closest rating",
                "Statements rated (of those that apply)",
                f"Since the {self.audit} before",
            ],
            [0.18, 0.14, 0.14, 0.16, 0.16, 0.22],
            rows,
            caption=f"The overall score of each {self.audit}",
        )

    def sections(self, b: Builder) -> Iterator[str]:
        progress = self.progress
        yield b.heading(f"Scores for each {self.section}")
        count = len(progress.cycles)
        share = 0.5 / count
        rows = []
        for index, section in enumerate(progress.sections):
            rows.append(
                [b.value(f"{index + 1}. {section.title}")]
                + [b.value(percent(value)) for value in section.scores]
                + [b.value(sentence_case(section.latest.label) if section.latest else "")]
            )
        yield b.table(
            [
                sentence_case(self.section),
                *(long_date(date) for date in progress.dates),
                f"Since the last {self.audit}",
            ],
            [0.32] + [share] * count + [0.18],
            rows,
            caption=f"The score of each {self.section} at each {self.audit}",
        )
        offset = count - len(self.shown)
        groups = [list(section.scores[offset:]) for section in progress.sections]
        key = "; ".join(
            f"{pattern} bars: {long_date(cycle.date)}" for pattern, cycle in zip(PATTERNS, self.shown, strict=False)
        )
        described = "; ".join(
            f"{index + 1}. {section.title}: "
            + ", ".join(
                f"{long_date(cycle.date)} {percent(value)}"
                for cycle, value in zip(self.shown, groups[index], strict=True)
            )
            for index, section in enumerate(progress.sections)
        )
        yield b.picture(
            lambda: grouped_chart(
                [section.title for section in progress.sections],
                [long_date(cycle.date) for cycle in self.shown],
                groups,
            ),
            f"Bar chart of the score of each {self.section} at each {self.audit}. {sentence_case(key)}. {described}.",
        )
        older = f" It shows the four latest {self.audits}." if offset else ""
        yield b.value(
            f"Figure 1. The score of each {self.section} at each {self.audit}, numbered as in the table above. "
            f"{sentence_case(key)}. A {self.section} with no score says \u201cno score\u201d.{older}",
            style="Caption",
        )

    def changes(self, b: Builder) -> Iterator[str]:
        progress = self.progress
        before, after = progress.cycles[-2], progress.cycles[-1]
        yield b.heading(f"What changed since the last {self.audit}")
        yield b.p(
            f"How the rating of each statement moved between the {self.audit} of {long_date(before.date)} "
            f"and the {self.audit} of {long_date(after.date)}."
        )
        counts = progress.movement_counts()
        shown = [movement for movement in Movement if movement in _ALWAYS or counts[movement]]
        yield b.table(
            ["What happened", "Statements"],
            [0.7, 0.3],
            [[b.value(sentence_case(movement.label)), b.value(str(counts[movement]))] for movement in shown],
            caption=f"How many statements moved each way since the last {self.audit}",
        )
        for movement in shown:
            title = sentence_case(movement.label)
            yield b.heading(f"{title} ({counts[movement]})", 2)
            criteria = progress.criteria_that(movement)
            if not criteria:
                yield b.p(f"No statement {movement.label} since the last {self.audit}.")
                continue
            rows = [
                [
                    b.statement(self.statements, criterion.criterion),
                    b.value(self.rating(criterion.ratings[-2], before.framework_version)),
                    b.value(self.rating(criterion.ratings[-1], after.framework_version)),
                ]
                for criterion in criteria
            ]
            yield b.table(
                ["Statement", f"On {long_date(before.date)}", f"On {long_date(after.date)}"],
                [0.6, 0.2, 0.2],
                rows,
                caption=f"Statements that {movement.label} since the last {self.audit}",
            )

    def every_audit(self, b: Builder) -> Iterator[str]:
        progress = self.progress
        yield b.heading(f"Every {self.audit}, statement by statement")
        count = len(progress.cycles)
        share = 0.42 / count
        for number, section in enumerate(progress.sections, start=1):
            yield b.heading(f"{number}. {section.title}", 2)
            criteria: list[CriterionProgress] = [c for c in progress.criteria if c.section == section.section]
            rows = [
                [b.statement(self.statements, criterion.criterion)]
                + [
                    b.value(self.rating(rating, cycle.framework_version))
                    for rating, cycle in zip(criterion.ratings, progress.cycles, strict=True)
                ]
                + [b.value(sentence_case(criterion.latest.label) if criterion.latest else "")]
                for criterion in criteria
            ]
            yield b.table(
                ["Statement", *(long_date(date) for date in progress.dates), f"Since the last {self.audit}"],
                [0.4] + [share] * count + [0.18],
                rows,
                caption=f"The rating of each statement of {section.title} at each {self.audit}",
            )

    def unshared(self, b: Builder) -> Iterator[str]:
        progress = self.progress
        versions = list(dict.fromkeys(cycle.framework_version for cycle in progress.cycles))
        yield b.heading("Statements not in every version")
        yield b.p(
            f"The {self.audits} answer versions {join_words(versions)} of the framework. These statements are not in "
            "every one of them, so they are left out of the scores and changes above."
        )
        for entry in progress.unshared:
            others = [version for version in versions if version != entry.framework_version]
            if len(others) == 1:
                title = f"In version {entry.framework_version}, not in version {others[0]}"
            else:
                title = f"In version {entry.framework_version}, missing from another version"
            yield b.heading(title, 2)
            statements = StatementIndex(self.frameworks.get(entry.framework_version), self.viewpoint)
            yield b.table(
                ["Statement"],
                [1.0],
                [[b.statement(statements, criterion)] for criterion in entry.criteria],
                caption=title,
            )


def write_progress(progress: Progress, out: BinaryIO, settings: Settings) -> None:
    """Write a progress report across audit cycles to ``out``.

    The statements' wording comes from each framework version in the
    catalogue; without the latest one, statements are shown by reference and
    the document says why.

    Args:
        progress: The progress report.
        out: A binary stream.
        settings: The catalogue.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    frameworks: dict[str, Framework] = {}
    for cycle in progress.cycles:
        framework = settings.catalogue.find_framework(progress.framework, cycle.framework_version)
        if framework is not None:
            frameworks[cycle.framework_version] = framework
    latest = frameworks.get(progress.cycles[-1].framework_version)
    if latest is not None and not all(latest.has_criterion(c.criterion) for c in progress.criteria):
        del frameworks[progress.cycles[-1].framework_version]
    checked: dict[str, Any] = {"progress": to_dict(progress)}
    checked.update({f"framework version {version}": to_dict(f) for version, f in frameworks.items()})
    ensure_storable_text(checked)
    view = _Progress(progress, frameworks)
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=f"{progress.organisation.name}: progress across "
        + ("audits" if progress.perspective is Perspective.SCHOOL_STAFF else "checklists"),
        subject=f"Progress across audits against the {view.label}",
        keywords="progress; audit cycles; SEND; co-production",
        kind="coproduction-progress",
        properties={"coproduction.framework": progress.framework},
        body=view.body,
    )
