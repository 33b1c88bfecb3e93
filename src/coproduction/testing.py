"""Public hypothesis strategies and an exporter conformance check.

One concept, held whole on purpose (so it runs past 600 lines): a strategy for
every document kind, drawing valid documents, for property tests. Our own tests use exactly these, and so can yours::

    from hypothesis import given
    from coproduction import score
    from coproduction.testing import frameworks_with_audits

    @given(frameworks_with_audits())
    def test_scores_are_fractions(pair):
        framework, audit = pair
        value = score(audit, framework).overall.value
        assert value is None or 0 <= value <= 1

Requires hypothesis (installed with the ``testing`` extra: ``pip install "coproduction[testing]"``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

from coproduction.catalogue._catalogue import default_catalogue
from coproduction.errors import UnsupportedDocumentError
from coproduction.exporters._protocol import ExportContext, Exporter
from coproduction.model.activity import (
    Activity,
    ActivityStep,
    EvaluationSlip,
    PlannedStep,
    PlanningAnswer,
    PlanningQuestion,
    StepStatus,
    TakingPart,
)
from coproduction.model.approaches import Approach, ApproachCollection
from coproduction.model.audit import Audit, Response
from coproduction.model.barriers import Barrier, BarrierCollection, BarrierList, Basis, HelpLink, TargetKind
from coproduction.model.barriers_survey import BarriersReturn
from coproduction.model.charter import (
    Charter,
    CharterValue,
    Commitment,
    CriteriaRef,
    Expectation,
    SignOff,
    TimeFrame,
    TimeUnit,
)
from coproduction.model.checklists import (
    AssessPlanDoReview,
    ChecklistQuestion,
    FirstMeetingChecklist,
    FirstMeetingGuidance,
    GuidanceItem,
    MeetingChecklists,
    MeetingStage,
    PeopleYouMayMeet,
    PersonYouMayMeet,
    StagePrompt,
)
from coproduction.model.comparison import AuditReference, Comparison
from coproduction.model.contributors import Contributor, Group
from coproduction.model.feedback import MAX_THEME_LENGTH, Channel, FeedbackEntry, FeedbackLog, FeedbackResponse
from coproduction.model.framework import Criterion, Field, Framework, Level, RatingScale, Section
from coproduction.model.glossary import Glossary, Term
from coproduction.model.ladder import Band, Ladder, LadderAssessment, Rung, RungPractice
from coproduction.model.levels import ParticipationLevel
from coproduction.model.local_details import ContactKey, LocalContact, LocalOffer, SchoolLocalDetails
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.plan import Action, ActionPlan, ActionStatus, RungTarget
from coproduction.model.pooled import PooledView
from coproduction.model.progress import Progress
from coproduction.model.scores import ScoreReport
from coproduction.model.source import CitedSource, SourceEntry
from coproduction.model.wording import ViewpointWording
from coproduction.rules.comparing import compare_perspectives
from coproduction.rules.pooling import pool
from coproduction.rules.progress import track_progress
from coproduction.rules.scoring import score

__all__ = [
    "action_plans",
    "actions",
    "activities",
    "approach_collections",
    "assert_exporter_conforms",
    "audits",
    "barrier_collections",
    "barriers_returns",
    "charters",
    "comparable_audits",
    "comparisons",
    "contributors",
    "dates",
    "feedback_entries",
    "feedback_logs",
    "feedback_responses",
    "frameworks",
    "frameworks_with_audits",
    "free_text",
    "glossaries",
    "ladder_assessment_pairs",
    "ladder_assessments",
    "ladders",
    "meeting_checklists",
    "organisations",
    "perspectives",
    "pooled_views",
    "progress_documents",
    "rating_scales",
    "respondent_audits",
    "school_local_details",
    "score_reports",
    "slugs",
]

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


def slugs() -> st.SearchStrategy[str]:
    """Identifiers such as ``ab-3-x``."""
    return st.lists(_WORD, min_size=1, max_size=4).map("-".join)


def free_text(*, max_size: int = 80, blank: bool = True) -> st.SearchStrategy[str]:
    """Free text as people type it: any printable Unicode, spaces and line breaks.

    Control characters other than the line feed, and lone surrogates, are left
    out: no office format can hold them, and exporters refuse them.

    Args:
        max_size: The longest text drawn.
        blank: Whether the empty string may be drawn.
    """
    alphabet = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.just("\n")
    text = st.text(alphabet=alphabet, min_size=0 if blank else 1, max_size=max_size)
    if blank:
        return text
    return text.map(lambda value: value if value.strip() else "text")


def dates() -> st.SearchStrategy[dt.date]:
    """Dates from 2000 to 2099."""
    return st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


def perspectives() -> st.SearchStrategy[Perspective]:
    """Any perspective."""
    return st.sampled_from(list(Perspective))


def organisations() -> st.SearchStrategy[Organisation]:
    """Organisations with a name and, sometimes, an identifier."""
    return st.builds(
        Organisation,
        name=free_text(max_size=40, blank=False).map(lambda s: " ".join(s.split()) or "School"),
        identifier=st.none() | st.from_regex(r"[0-9]{6}", fullmatch=True),
    )


def rating_scales(*, min_levels: int = 2, max_levels: int = 6) -> st.SearchStrategy[RatingScale]:
    """Rating scales with distinct increasing values and distinct level ids."""

    @st.composite
    def build(draw: st.DrawFn) -> RatingScale:
        ids = draw(st.lists(slugs(), min_size=min_levels, max_size=max_levels, unique=True))
        values = sorted(draw(st.lists(st.integers(-5, 20), min_size=len(ids), max_size=len(ids), unique=True)))
        levels = [
            Level(id=i, name=i.replace("-", " ").capitalize(), value=v) for i, v in zip(ids, values, strict=False)
        ]
        return RatingScale(id=draw(slugs()), name="Scale", levels=levels)

    return build()


def frameworks(*, max_sections: int = 4, max_criteria: int = 6, weights: bool = True) -> st.SearchStrategy[Framework]:
    """Frameworks with unique section and criterion ids.

    Args:
        max_sections: The most sections drawn.
        max_criteria: The most criteria per section.
        weights: Whether criteria may carry weights other than 1.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Framework:
        section_count = draw(st.integers(1, max_sections))
        sections = []
        for s in range(section_count):
            count = draw(st.integers(1, max_criteria))
            criteria = [
                Criterion(
                    id=f"s{s}-c{c}",
                    text=draw(free_text(max_size=60, blank=False)),
                    examples=draw(st.lists(free_text(max_size=30, blank=False), max_size=2)),
                    weight=draw(st.sampled_from([1.0, 0.5, 2.0, 3.0])) if weights else 1.0,
                )
                for c in range(count)
            ]
            sections.append(Section(id=f"s{s}", title=f"Section {s + 1}", criteria=criteria))
        fields = draw(st.lists(st.sampled_from(list(Field)), unique=True, max_size=3))
        return Framework(
            id=draw(slugs()),
            version=draw(st.sampled_from(["1", "2", "2024.1"])),
            title=draw(free_text(max_size=40, blank=False)).strip() or "Framework",
            scale=draw(rating_scales()),
            sections=sections,
            allows_not_applicable=draw(st.booleans()),
            fields=fields,
        )

    return build()


def audits(framework: Framework, *, complete: bool = False) -> st.SearchStrategy[Audit]:
    """Audits answering ``framework``: every response fits its scale.

    Args:
        framework: The framework answered.
        complete: If true, every criterion is rated (none unanswered or not applicable).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Audit:
        level_ids = [level.id for level in framework.scale.levels]
        responses = []
        for criterion in framework.criteria:
            if complete:
                state = "rated"
            else:
                choices = ["rated", "rated", "missing", "blank"]
                if framework.allows_not_applicable:
                    choices.append("not-applicable")
                state = draw(st.sampled_from(choices))
            if state == "missing":
                continue
            texts = {field.value: draw(free_text()) if field in framework.fields else "" for field in Field}
            responses.append(
                Response(
                    criterion=criterion.id,
                    rating=draw(st.sampled_from(level_ids)) if state == "rated" else None,
                    not_applicable=state == "not-applicable",
                    **texts,
                )
            )
        return Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=draw(organisations()),
            perspective=draw(perspectives()),
            date=draw(dates()),
            responses=tuple(draw(st.permutations(responses))) if not complete else tuple(responses),
            completed_by=draw(st.none() | free_text(max_size=30, blank=False)),
        )

    return build()


def frameworks_with_audits(**kwargs: Any) -> st.SearchStrategy[tuple[Framework, Audit]]:
    """Pairs of a framework and an audit of it; keyword arguments go to :func:`audits`."""
    return frameworks().flatmap(lambda framework: audits(framework, **kwargs).map(lambda a: (framework, a)))


def ladders() -> st.SearchStrategy[Ladder]:
    """Ladders of 2 to 8 rungs, each in one of up to three bands."""

    @st.composite
    def build(draw: st.DrawFn) -> Ladder:
        count = draw(st.integers(2, 8))
        bands = [Band(id=f"band-{b}", name=f"Band {b + 1}") for b in range(draw(st.integers(1, 3)))]
        rungs = [
            Rung(id=f"rung-{r}", name=f"Rung {r + 1}", band=bands[min(r * len(bands) // count, len(bands) - 1)].id)
            for r in range(count)
        ]
        return Ladder(id=draw(slugs()), name="Ladder", rungs=rungs, bands=bands)

    return build()


def ladder_assessments(ladder: Ladder) -> st.SearchStrategy[LadderAssessment]:
    """Assessments against ``ladder``: some rungs doing, some not, some not assessed."""

    @st.composite
    def build(draw: st.DrawFn) -> LadderAssessment:
        entries = [
            RungPractice(rung=rung.id, doing=draw(st.booleans()), evidence=draw(free_text(max_size=40)))
            for rung in ladder.rungs
            if draw(st.booleans())
        ]
        return LadderAssessment(
            ladder=ladder.id,
            organisation=draw(organisations()),
            perspective=draw(perspectives()),
            date=draw(dates()),
            rungs=entries,
        )

    return build()


def assert_exporter_conforms(
    exporter: Exporter, documents: Iterable[object], *, context: ExportContext | None = None
) -> None:
    """Check that an exporter keeps the plugin contract; call it from your exporter's tests.

    Checks the declared name, media type and suffix; that the exporter can be
    built with no arguments; that every given document is supported and
    writes some bytes; that :meth:`~coproduction.exporters.Exporter.supports`
    agrees with the exporter's table of writers (its ``writers`` mapping, when
    it has one); and that an object the exporter does not support is refused
    with :class:`UnsupportedDocumentError` before anything is written.

    Args:
        exporter: The exporter under test.
        documents: Documents it claims to support.
        context: What the exporter is told; the built-in catalogue and today
            when omitted.

    Raises:
        AssertionError: Naming the first broken rule.
    """
    assert isinstance(exporter, Exporter), "the exporter does not satisfy the Exporter protocol"
    assert isinstance(exporter.name, str) and exporter.name, "name must be a non-empty string"
    assert "/" in exporter.media_type, f"media_type {exporter.media_type!r} is not a media type"
    assert exporter.suffix.startswith("."), f"suffix {exporter.suffix!r} must start with a dot"
    assert isinstance(type(exporter)(), Exporter), f"{exporter.name} cannot be built with no arguments"
    context = context or ExportContext(catalogue=default_catalogue(), as_of=dt.date.today())
    writers = getattr(exporter, "writers", None)
    for document in documents:
        assert exporter.supports(document), f"{exporter.name} does not support {type(document).__name__}"
        if writers is not None:
            assert isinstance(document, tuple(writers)), f"{exporter.name} has no writer for {type(document).__name__}"
        out = io.BytesIO()
        exporter.export(document, out, context)
        assert out.getvalue(), f"{exporter.name} wrote nothing for {type(document).__name__}"
    stranger = object()
    assert not exporter.supports(stranger), "supports() must be false for an arbitrary object"
    out = io.BytesIO()
    try:
        exporter.export(stranger, out, context)
    except UnsupportedDocumentError:
        pass
    else:  # pragma: no cover - only reached by a broken exporter
        raise AssertionError(f"{exporter.name} did not refuse an unsupported object")
    assert out.getvalue() == b"", f"{exporter.name} wrote bytes before refusing an unsupported object"


def comparable_audits(framework: Framework, *, count: int = 2) -> st.SearchStrategy[tuple[Audit, ...]]:
    """Audits of one organisation answering ``framework``, each from a different perspective.

    Args:
        framework: The framework answered.
        count: How many audits (2 to 4; there are four perspectives).
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Audit, ...]:
        organisation = draw(organisations())
        order = draw(st.permutations(list(Perspective)))[:count]
        drawn = [draw(audits(framework)) for _ in order]
        return tuple(
            Audit(
                framework=audit.framework,
                framework_version=audit.framework_version,
                organisation=organisation,
                perspective=perspective,
                date=audit.date,
                responses=audit.responses,
                completed_by=audit.completed_by,
            )
            for audit, perspective in zip(drawn, order, strict=True)
        )

    return build()


def _contributors() -> st.SearchStrategy[Contributor]:
    named = st.sampled_from([group for group in Group if group is not Group.OTHER])
    return st.builds(Contributor, group=named, label=st.sampled_from(["", "parents of children in Year 6"])) | st.just(
        Contributor(Group.OTHER, "the SENCo")
    )


def _levels(drawn: bool) -> st.SearchStrategy[ParticipationLevel | None]:
    return st.none() | st.sampled_from(list(ParticipationLevel)) if drawn else st.none()


def actions(
    criteria: Iterable[str] = (),
    *,
    ladder: Ladder | None = None,
    levels: bool = False,
    approaches: Iterable[str] = (),
) -> st.SearchStrategy[Action]:
    """Valid actions: due on or after their start, a reason whenever dropped.

    Args:
        criteria: The criterion ids an action may improve (it improves some of them).
        ladder: A ladder whose rungs an action may aim at; no targets when omitted.
        levels: Whether an action may name a level of participation (none when false).
        approaches: The approach ids an action may name (none when empty).
    """
    choices = list(dict.fromkeys(criteria))
    approach_ids = list(dict.fromkeys(approaches))

    @st.composite
    def build(draw: st.DrawFn) -> Action:
        start = draw(st.none() | dates())
        due = draw(st.none() | dates())
        if start is not None and due is not None and due < start:
            start, due = due, start
        status = draw(st.sampled_from(list(ActionStatus)))
        reason = draw(free_text(max_size=40, blank=False)) if status is ActionStatus.DROPPED else None
        target = None
        if ladder is not None and draw(st.booleans()):
            target = RungTarget(ladder.id, draw(st.sampled_from([rung.id for rung in ladder.rungs])))
        return Action(
            id=draw(slugs()),
            what=draw(free_text(max_size=60, blank=False)),
            criteria=draw(st.lists(st.sampled_from(choices), unique=True, max_size=3)) if choices else (),
            target=target,
            owner=draw(st.none() | free_text(max_size=30, blank=False)),
            co_produced_with=draw(st.lists(_contributors(), max_size=2)),
            start_date=start,
            due_date=due,
            status=status,
            dropped_reason=reason,
            success_measure=draw(free_text(max_size=40)),
            review_date=draw(st.none() | dates()),
            notes=draw(free_text(max_size=40)),
            level=draw(_levels(levels)),
            approaches=draw(st.lists(st.sampled_from(approach_ids), unique=True, max_size=3)) if approach_ids else (),
        )

    return build()


def action_plans(
    framework: Framework, *, ladder: Ladder | None = None, levels: bool = False, approaches: Iterable[str] = ()
) -> st.SearchStrategy[ActionPlan]:
    """Action plans answering ``framework``, with unique action ids.

    Args:
        framework: The framework whose criteria the actions improve.
        ladder: A ladder whose rungs actions may aim at; no targets when omitted.
        levels: Whether actions may name a level of participation (none when false).
        approaches: The approach ids actions may name (none when empty).
    """
    criteria = [criterion.id for criterion in framework.criteria]

    @st.composite
    def build(draw: st.DrawFn) -> ActionPlan:
        drawn = draw(
            st.lists(
                actions(criteria, ladder=ladder, levels=levels, approaches=approaches),
                max_size=5,
                unique_by=lambda action: action.id,
            )
        )
        references = draw(
            st.lists(
                st.builds(AuditReference, perspective=perspectives(), date=dates()),
                max_size=2,
                unique_by=lambda reference: reference.perspective,
            )
        )
        return ActionPlan(
            organisation=draw(organisations()),
            framework=framework.id,
            framework_version=framework.version,
            actions=drawn,
            audits=references,
            review_dates=draw(st.lists(dates(), max_size=2)),
        )

    return build()


def contributors() -> st.SearchStrategy[Contributor]:
    """Groups that take part, some with a label (always one for "other")."""
    label = free_text(max_size=30, blank=False).map(lambda s: " ".join(s.split()) or "group")
    return st.builds(
        lambda group, text, labelled: Contributor(group, text if labelled or group is Group.OTHER else ""),
        st.sampled_from(list(Group)),
        label,
        st.booleans(),
    )


def charters(catalogue: Any = None, *, levels: bool = False) -> st.SearchStrategy[Charter]:
    """Charters whose commitments aim at rungs and serve criteria of ``catalogue``.

    Every charter drawn passes :func:`~coproduction.charter.check_charter`
    against that catalogue and loads from its own JSON.

    Args:
        catalogue: A :class:`~coproduction.Catalogue` with at least one ladder;
            the built-in catalogue when omitted.
        levels: Whether commitments may name a level of participation (none when false).
    """
    if catalogue is None:
        catalogue = default_catalogue()
    ladder_list = catalogue.ladders()
    framework_list = catalogue.frameworks()
    text = free_text(max_size=60, blank=False)

    @st.composite
    def commitment(draw: st.DrawFn, identifier: str) -> Commitment:
        ladder = draw(st.sampled_from(ladder_list))
        serves = None
        if framework_list and draw(st.booleans()):
            framework = draw(st.sampled_from(framework_list))
            ids = [criterion.id for criterion in framework.criteria]
            chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
            version = draw(st.sampled_from([None, framework.version]))
            serves = CriteriaRef(framework.id, chosen, version)
        return Commitment(
            id=identifier,
            what=draw(text),
            aims_at=RungTarget(ladder.id, draw(st.sampled_from(ladder.rungs)).id),
            measure=draw(text),
            serves=serves,
            level=draw(_levels(levels)),
        )

    @st.composite
    def build(draw: st.DrawFn) -> Charter:
        made = draw(dates())
        ids = draw(st.lists(slugs(), max_size=4, unique=True))
        within = st.none() | st.builds(TimeFrame, st.integers(1, 60), st.sampled_from(list(TimeUnit)))
        signed = st.builds(
            SignOff,
            role=text,
            date=st.integers(0, 60).map(lambda days: made + dt.timedelta(days=days)),
            name=st.none() | text,
        )
        return Charter(
            organisation=draw(organisations()),
            title=draw(text),
            introduction=draw(free_text()),
            values=draw(st.lists(st.builds(CharterValue, text, text), max_size=3)),
            commitments=[draw(commitment(identifier)) for identifier in ids],
            expectations=draw(st.lists(st.builds(Expectation, text, text, within), max_size=3)),
            co_produced_with=draw(st.lists(contributors(), min_size=1, max_size=3)),
            co_produced_on=made,
            review_date=made + dt.timedelta(days=draw(st.integers(1, 1500))),
            signed_off=draw(st.lists(signed, max_size=2)),
        )

    return build()


def feedback_responses(said_on: dt.date) -> st.SearchStrategy[FeedbackResponse]:
    """Answers of every kind to something said on ``said_on``, dated on or after it."""
    text = free_text(max_size=60, blank=False)
    later = st.integers(0, 400).map(lambda days: said_on + dt.timedelta(days=days))
    return st.one_of(
        st.builds(FeedbackResponse.done, text, later, due=st.none() | later),
        st.builds(FeedbackResponse.will_do, text, later),
        st.builds(FeedbackResponse.cannot_do, text),
        st.just(FeedbackResponse.not_yet_answered()),
    )


_THEMES = ["", "Communication", "communication", "  Communication ", "Meetings", "Travel", "Clubs and trips"]


def feedback_entries(
    identifier: str | None = None, *, levels: bool = False, approaches: Iterable[str] = ()
) -> st.SearchStrategy[FeedbackEntry]:
    """Feedback entries with every kind of answer, themes that differ only in case and spacing.

    Args:
        identifier: The entry's id; drawn when omitted.
        levels: Whether an entry may name a level of participation (none when false).
        approaches: The approach ids an entry may name as the one used (none when empty).
    """
    approach_ids = list(dict.fromkeys(approaches))

    @st.composite
    def build(draw: st.DrawFn) -> FeedbackEntry:
        said_on = draw(dates())
        theme = draw(st.sampled_from(_THEMES) | free_text(max_size=MAX_THEME_LENGTH))
        return FeedbackEntry(
            id=identifier if identifier is not None else draw(slugs()),
            said=draw(free_text(max_size=80, blank=False)),
            said_by=draw(contributors()),
            channel=draw(st.sampled_from(list(Channel))),
            date=said_on,
            theme=theme,
            response=draw(feedback_responses(said_on)),
            actions=draw(st.lists(slugs(), max_size=2, unique=True)),
            level=draw(_levels(levels)),
            approach=draw(st.none() | st.sampled_from(approach_ids)) if approach_ids else None,
        )

    return build()


def feedback_logs(
    *, max_entries: int = 8, levels: bool = False, approaches: Iterable[str] = ()
) -> st.SearchStrategy[FeedbackLog]:
    """Feedback logs with unique entry ids.

    Args:
        max_entries: The most entries drawn.
        levels: Whether entries may name a level of participation (none when false).
        approaches: The approach ids entries may name (none when empty).
    """

    @st.composite
    def build(draw: st.DrawFn) -> FeedbackLog:
        ids = draw(st.lists(slugs(), max_size=max_entries, unique=True))
        return FeedbackLog(
            organisation=draw(organisations()),
            entries=[draw(feedback_entries(identifier, levels=levels, approaches=approaches)) for identifier in ids],
            title=draw(st.sampled_from(["You said, we did", "You said, we did: spring term"])),
        )

    return build()


def glossaries(*, max_terms: int = 6) -> st.SearchStrategy[Glossary]:
    """Glossaries of distinct terms, some of them acronyms with an expansion."""
    term = st.builds(
        Term,
        term=free_text(max_size=20, blank=False),
        definition=free_text(),
        plain=free_text(blank=False),
        expansion=st.none() | free_text(max_size=40, blank=False),
    )
    terms = st.lists(term, max_size=max_terms, unique_by=lambda t: t.term.casefold())
    return st.builds(Glossary, id=slugs(), name=free_text(max_size=40, blank=False), terms=terms)


def score_reports() -> st.SearchStrategy[ScoreReport]:
    """Score reports of drawn audits, as :func:`coproduction.score` makes them."""
    return frameworks_with_audits().map(lambda pair: score(pair[1], pair[0]))


def comparisons(*, count: int = 2) -> st.SearchStrategy[Comparison]:
    """Comparisons of ``count`` perspectives on a drawn framework, by :func:`coproduction.compare_perspectives`."""
    return frameworks().flatmap(
        lambda framework: comparable_audits(framework, count=count).map(
            lambda drawn: compare_perspectives(drawn, framework)
        )
    )


def progress_documents(*, max_audits: int = 4) -> st.SearchStrategy[Progress]:
    """Progress of one organisation from one perspective across 2 to ``max_audits`` audits of a drawn framework."""

    @st.composite
    def build(draw: st.DrawFn) -> Progress:
        framework = draw(frameworks())
        organisation = draw(organisations())
        perspective = draw(perspectives())
        when = draw(st.lists(dates(), min_size=2, max_size=max_audits, unique=True))
        drawn = [
            attrs.evolve(draw(audits(framework)), organisation=organisation, perspective=perspective, date=date)
            for date in when
        ]
        return track_progress(drawn, framework)

    return build()


def respondent_audits(
    framework: Framework, *, min_size: int = 1, max_size: int = 12, perspective: Perspective | None = None
) -> st.SearchStrategy[tuple[Audit, ...]]:
    """Audits of one organisation from one viewpoint answering ``framework``: many respondents, ready to pool.

    Args:
        framework: The framework answered.
        min_size: The fewest respondents.
        max_size: The most respondents.
        perspective: Their viewpoint; drawn when omitted.
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Audit, ...]:
        organisation = draw(organisations())
        viewpoint = perspective if perspective is not None else draw(perspectives())
        drawn = draw(st.lists(audits(framework), min_size=min_size, max_size=max_size))
        return tuple(
            Audit(
                framework=audit.framework,
                framework_version=audit.framework_version,
                organisation=organisation,
                perspective=viewpoint,
                date=audit.date,
                responses=audit.responses,
                completed_by=audit.completed_by,
            )
            for audit in drawn
        )

    return build()


def _source_entries() -> st.SearchStrategy[SourceEntry]:
    cited = st.builds(
        CitedSource,
        publisher=st.none() | free_text(max_size=40, blank=False),
        title=free_text(max_size=40, blank=False),
        year=st.none() | st.integers(1900, 2100),
    )
    return st.builds(SourceEntry, id=slugs(), source=cited)


def approach_collections(*, max_approaches: int = 5) -> st.SearchStrategy[ApproachCollection]:
    """Collections of engagement approaches with distinct ids, each naming a source of the collection."""

    @st.composite
    def draw(data: st.DrawFn) -> ApproachCollection:
        sources = data(st.lists(_source_entries(), min_size=1, max_size=2, unique_by=lambda entry: entry.id))
        approach = st.builds(
            Approach,
            id=slugs(),
            source=st.sampled_from([entry.id for entry in sources]),
            name=free_text(max_size=30, blank=False),
            heading=free_text(max_size=30, blank=False),
            what_it_is=free_text(blank=False),
            description=st.lists(free_text(blank=False), max_size=2),
            things_to_consider=st.lists(free_text(blank=False), max_size=2),
        )
        approaches = data(st.lists(approach, min_size=1, max_size=max_approaches, unique_by=lambda item: item.id))
        return ApproachCollection(
            id=data(slugs()), name=data(free_text(max_size=40, blank=False)), sources=sources, approaches=approaches
        )

    return draw()


def barrier_collections(*, max_barriers: int = 5) -> st.SearchStrategy[BarrierCollection]:
    """Collections of barriers in one list, with links from approaches to barriers of the collection."""

    @st.composite
    def draw(data: st.DrawFn) -> BarrierCollection:
        source = data(_source_entries())
        listed = BarrierList(
            id=data(slugs()), source=source.id, heading=data(free_text(max_size=30, blank=False)), intro="Barriers"
        )
        ids = data(st.lists(slugs(), min_size=1, max_size=max_barriers, unique=True))
        barriers = [
            Barrier(id=id_, source=source.id, list=listed.id, position=number, wording=data(free_text(blank=False)))
            for number, id_ in enumerate(ids, start=1)
        ]
        link = st.builds(
            HelpLink,
            approach=slugs(),
            target_kind=st.just(TargetKind.BARRIER),
            target=st.sampled_from(ids),
            basis=st.just(Basis.LIBRARY),
            reason=free_text(blank=False),
        )
        links = data(st.lists(link, max_size=4, unique_by=lambda item: (item.approach, item.target)))
        return BarrierCollection(
            id=data(slugs()),
            name=data(free_text(max_size=40, blank=False)),
            sources=[source],
            lists=[listed],
            barriers=barriers,
            approach_helps_with=links,
        )

    return draw()


def barriers_returns(barrier_ids: Iterable[str] | None = None) -> st.SearchStrategy[BarriersReturn]:
    """Barriers survey returns asking about some of ``barrier_ids``, ticking some of those, with other barriers.

    Args:
        barrier_ids: The barrier ids a survey may list; slugs drawn when omitted.
    """
    ids = st.lists(slugs(), min_size=1, max_size=8, unique=True) if barrier_ids is None else None
    pool = list(barrier_ids) if barrier_ids is not None else []

    @st.composite
    def build(draw: st.DrawFn) -> BarriersReturn:
        asked = draw(ids) if ids is not None else draw(st.lists(st.sampled_from(pool), min_size=1, unique=True))
        met = [barrier for barrier in asked if draw(st.booleans())]
        return BarriersReturn(
            organisation=draw(organisations()),
            cohort=draw(free_text(max_size=40, blank=False)),
            date=draw(dates()),
            perspective=draw(st.sampled_from([Perspective.PARENT_CARERS, Perspective.SCHOOL_STAFF])),
            asked=asked,
            met=met,
            other=draw(st.lists(free_text(max_size=60, blank=False), max_size=3)),
        )

    return build()


def meeting_checklists() -> st.SearchStrategy[MeetingChecklists]:
    """Meeting checklists with distinct ids, each part naming the collection's one source, some texts reworded."""

    @st.composite
    def draw(data: st.DrawFn) -> MeetingChecklists:
        source = data(_source_entries())
        text = free_text(blank=False)
        prompt_ids = data(st.lists(slugs(), min_size=1, max_size=4, unique=True))  # one prompt for each stage
        stages = [
            MeetingStage(
                id=("assess", "plan", "do", "review")[number - 1],
                name=data(free_text(max_size=20, blank=False)),
                instruction=data(text),
                prompts=[StagePrompt(id=prompt_id, text=data(text), is_question=data(st.booleans()))],
            )
            for number, prompt_id in enumerate(prompt_ids, start=1)
        ]
        wording = st.builds(
            ViewpointWording,
            viewpoint=st.just(Perspective.PARENT_CARERS),
            text=text,
            field=st.just("text"),
            library_authored=st.just(("text",)),
        )
        question_ids = data(st.lists(slugs(), min_size=1, max_size=3, unique=True))
        questions = [
            ChecklistQuestion(
                id=question_id,
                number=number,
                text=data(text),
                options=data(st.lists(text, max_size=3)),
                note=data(st.none() | text),
                wording=data(st.lists(wording, max_size=1)),
            )
            for number, question_id in enumerate(question_ids, start=1)
        ]
        entry_ids = data(st.lists(slugs(), min_size=1, max_size=3, unique=True))
        entries = [
            PersonYouMayMeet(
                id=entry_id,
                heading=data(text),
                fill_in=data(st.none() | st.just("Insert name:")),
                description=data(st.lists(text, min_size=1, max_size=2)),
                contact_lines=data(st.lists(text, max_size=2)),
                local_details_key=f"key_{'abc'[number]}",
            )
            for number, entry_id in enumerate(entry_ids)
        ]
        parents = Perspective.PARENT_CARERS
        return MeetingChecklists(
            id=data(slugs()),
            name=data(free_text(max_size=40, blank=False)),
            sources=[source],
            assess_plan_do_review=AssessPlanDoReview(
                source=source.id, title=data(text), intro=data(st.lists(text, max_size=2)), stages=stages
            ),
            first_meeting_guidance=FirstMeetingGuidance(
                source=source.id,
                audience=Perspective.SCHOOL_STAFF,
                title=data(text),
                items_heading=data(text),
                items=[GuidanceItem(id="item-1", position=1, text=data(text))],
            ),
            first_meeting_checklist=FirstMeetingChecklist(
                source=source.id, audience=parents, title=data(text), questions=questions
            ),
            people_you_may_meet=PeopleYouMayMeet(
                source=source.id, audience=parents, title=data(text), entries=entries, outro=data(st.lists(text))
            ),
        )

    return draw()


def school_local_details() -> st.SearchStrategy[SchoolLocalDetails]:
    """A school's local details: some contacts, each with something to print; never a child's name."""
    value = free_text(max_size=40, blank=False)
    contact = st.builds(
        LocalContact,
        names=st.lists(value, min_size=1, max_size=2),
        phone=st.none() | value,
        email=st.none() | st.just("senco@example.org"),
        website=st.none() | value,
        notes=st.none() | value,
    )
    return st.builds(
        SchoolLocalDetails,
        school=organisations(),
        first_meeting_host=st.none() | value,
        meeting_place=st.none() | value,
        local_offer=st.none() | st.builds(LocalOffer, name=value, url=st.none() | st.just("https://example.org/offer")),
        contacts=st.dictionaries(st.sampled_from(list(ContactKey)), contact, max_size=4),
    )


def pooled_views(framework: Framework, *, minimum_group: int | None = None) -> st.SearchStrategy[PooledView]:
    """Pooled views of ``framework``: up to 12 respondents pooled, some criteria withheld.

    Args:
        framework: The framework the respondents answer.
        minimum_group: The minimum group size; drawn from 1 to 6 when omitted.
    """

    @st.composite
    def build(draw: st.DrawFn) -> PooledView:
        minimum = minimum_group if minimum_group is not None else draw(st.integers(1, 6))
        return pool(draw(respondent_audits(framework)), framework, minimum_group=minimum)

    return build()


def ladder_assessment_pairs(ladder: Ladder) -> st.SearchStrategy[tuple[LadderAssessment, LadderAssessment]]:
    """Two assessments against ``ladder`` of one organisation from two different viewpoints."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[LadderAssessment, LadderAssessment]:
        organisation = draw(organisations())
        first, second = draw(st.permutations(list(Perspective)))[:2]
        drawn = [draw(ladder_assessments(ladder)) for _ in range(2)]
        return (
            LadderAssessment(ladder.id, organisation, first, drawn[0].date, drawn[0].rungs),
            LadderAssessment(ladder.id, organisation, second, drawn[1].date, drawn[1].rungs),
        )

    return build()


def activities(catalogue: Any = None) -> st.SearchStrategy[Activity]:
    """Co-production activities whose ladder, rungs and approaches are in ``catalogue``.

    Every activity drawn passes the activity cross-check against that
    catalogue and loads from its own JSON.

    Args:
        catalogue: A :class:`~coproduction.Catalogue` with at least one ladder;
            the built-in catalogue when omitted.
    """
    if catalogue is None:
        catalogue = default_catalogue()
    ladder_list = catalogue.ladders()
    approach_ids = [approach.id for approach in catalogue.approaches()]
    text = free_text(max_size=60, blank=False)
    rating = st.none() | st.integers(1, 5)

    @st.composite
    def build(draw: st.DrawFn) -> Activity:
        ladder = draw(st.sampled_from(ladder_list))
        rung_ids = [rung.id for rung in ladder.rungs]
        questions = draw(st.lists(st.sampled_from(list(PlanningQuestion)), unique=True, max_size=7))
        steps = draw(st.lists(st.sampled_from(list(ActivityStep)), unique=True, max_size=6))
        groups = draw(st.lists(st.sampled_from(list(Group)), unique=True, max_size=3))
        return Activity(
            id=draw(slugs()),
            organisation=draw(organisations()),
            title=draw(text),
            purpose=draw(text),
            with_whom=draw(st.lists(contributors(), min_size=1, max_size=3)),
            level=draw(st.sampled_from(list(ParticipationLevel))),
            ladder=ladder.id,
            aims_at=draw(st.sampled_from(rung_ids)),
            reached=draw(st.none() | st.sampled_from(rung_ids)),
            planning=[PlanningAnswer(question, draw(text)) for question in questions],
            steps=[
                PlannedStep(step, draw(st.sampled_from(list(StepStatus))), draw(dates()))
                for step in sorted(steps, key=lambda step: step.position)
            ],
            approaches=draw(st.lists(st.sampled_from(approach_ids), unique=True, max_size=3)) if approach_ids else (),
            taking_part=[TakingPart(group, draw(st.integers(0, 200))) for group in groups],
            evaluation=draw(st.lists(st.builds(EvaluationSlip, rating, rating, free_text(max_size=40)), max_size=4)),
        )

    return build()
