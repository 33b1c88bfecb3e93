"""The one table of document kinds: a row per kind names its class, schema, version, migrations and cross-check.

Adding a kind is a model module, a schema in ``schemas/``, a check module in
``contract/checks/`` and one row here (see ``docs/architecture.rst``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from coproduction.contract.checks import (
    action_plan,
    activity,
    approach_refs,
    audit,
    barriers_return,
    charter,
    checklists,
    comparison,
    feedback_log,
    framework,
    glossary,
    ladder,
    ladder_assessment,
    pooled_view,
    practice,
    progress,
)
from coproduction.contract.checks._common import require_catalogue
from coproduction.contract.migrations import glossary_1_to_2
from coproduction.errors import Problem
from coproduction.model.activity import Activity
from coproduction.model.approaches import ApproachCollection
from coproduction.model.audit import Audit
from coproduction.model.barriers import BarrierCollection
from coproduction.model.barriers_survey import BarriersReturn
from coproduction.model.catalogue import CatalogueLookup
from coproduction.model.charter import Charter
from coproduction.model.checklists import MeetingChecklists
from coproduction.model.comparison import Comparison
from coproduction.model.feedback import FeedbackLog
from coproduction.model.framework import Framework
from coproduction.model.glossary import Glossary
from coproduction.model.ladder import Ladder, LadderAssessment
from coproduction.model.local_details import SchoolLocalDetails
from coproduction.model.plan import ActionPlan
from coproduction.model.pooled import PooledView
from coproduction.model.progress import Progress
from coproduction.model.scores import ScoreReport

__all__ = ["Check", "Kind", "Migration", "cross_check", "kind_named", "kind_of_class", "kinds"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns a document of version n into one of version n + 1."""

Check = Callable[[dict[str, Any], CatalogueLookup | None], list[Problem]]
"""Finds what a kind's schema cannot express, given the parsed document and a catalogue."""


def _no_check(data: dict[str, Any], catalogue: CatalogueLookup | None) -> list[Problem]:
    return []


def _without_catalogue(check: Callable[[dict[str, Any]], list[Problem]]) -> Check:
    return lambda data, catalogue: check(data)


def _with_catalogue(check: Callable[[dict[str, Any], CatalogueLookup], list[Problem]], what: str) -> Check:
    return lambda data, catalogue: check(data, require_catalogue(catalogue, what))


def _plan_check(data: dict[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
    return [*action_plan.check_plan_data(data, catalogue), *approach_refs.action_approach_problems(data, catalogue)]


def _feedback_log_check(data: dict[str, Any], catalogue: CatalogueLookup | None) -> list[Problem]:
    """A feedback log's approaches are checked when a catalogue is given; the log itself needs none."""
    return [
        *feedback_log.check_feedback_log_data(data),
        *approach_refs.feedback_approach_problems(data, catalogue),
    ]


@attrs.frozen
class Kind:
    """One document kind.

    Attributes:
        name: The ``kind`` written in the document, such as ``audit``.
        cls: The model class it loads as.
        schema: The name of its schema in ``schemas/``, without ``.schema.json``.
        version: Its current schema version.
        migrations: ``migrations[n]`` turns a version-n document into a version-n+1 one.
        check: Its cross-check, run after the schema.
        needs_catalogue: Whether its check looks frameworks or ladders up.
    """

    name: str
    cls: type[Any]
    schema: str
    version: int
    migrations: Mapping[int, Migration]
    check: Check
    needs_catalogue: bool = False


def _kind(name: str, cls: type[Any], check: Check = _no_check, *, needs_catalogue: bool = False) -> Kind:
    return Kind(name, cls, name, 1, {}, check, needs_catalogue)


_KINDS: tuple[Kind, ...] = (
    _kind("action-plan", ActionPlan, _with_catalogue(_plan_check, "an action plan"), needs_catalogue=True),
    _kind("activity", Activity, _with_catalogue(activity.check_activity_data, "an activity"), needs_catalogue=True),
    _kind("approaches", ApproachCollection, _without_catalogue(practice.check_approaches_data)),
    _kind("audit", Audit, _with_catalogue(audit.check_audit_data, "an audit"), needs_catalogue=True),
    _kind("barriers", BarrierCollection, _without_catalogue(practice.check_barriers_data)),
    _kind("barriers-return", BarriersReturn, _without_catalogue(barriers_return.check_barriers_return_data)),
    _kind("charter", Charter, _with_catalogue(charter.check_charter_data, "a charter"), needs_catalogue=True),
    _kind("comparison", Comparison, _without_catalogue(comparison.check_comparison_data)),
    _kind("feedback-log", FeedbackLog, _feedback_log_check),
    _kind("framework", Framework, _without_catalogue(framework.check_framework_data)),
    Kind("glossary", Glossary, "glossary", 2, {1: glossary_1_to_2}, _without_catalogue(glossary.check_glossary_data)),
    _kind("ladder", Ladder, _without_catalogue(ladder.check_ladder_data)),
    _kind(
        "ladder-assessment",
        LadderAssessment,
        _with_catalogue(ladder_assessment.check_ladder_assessment_data, "a ladder assessment"),
        needs_catalogue=True,
    ),
    _kind("meeting-checklists", MeetingChecklists, _without_catalogue(checklists.check_meeting_checklists_data)),
    _kind("pooled-view", PooledView, _without_catalogue(pooled_view.check_pooled_view_data)),
    _kind("progress", Progress, _without_catalogue(progress.check_progress_data)),
    _kind("school-local-details", SchoolLocalDetails, _without_catalogue(checklists.check_school_local_details_data)),
    _kind("score-report", ScoreReport),
)

_BY_NAME: dict[str, Kind] = {kind.name: kind for kind in _KINDS}
_BY_CLASS: dict[type[Any], Kind] = {kind.cls: kind for kind in _KINDS}


def kinds() -> tuple[Kind, ...]:
    """Every document kind, sorted by name."""
    return _KINDS


def kind_named(name: str) -> Kind | None:
    """The kind called ``name``, or None."""
    return _BY_NAME.get(name)


def kind_of_class(cls: type[Any]) -> Kind | None:
    """The kind whose model class is exactly ``cls``, or None."""
    return _BY_CLASS.get(cls)


def cross_check(data: dict[str, Any], catalogue: CatalogueLookup | None) -> list[Problem]:
    """Run the cross-check of the kind ``data`` names (an unknown kind has none).

    Raises:
        TypeError: If the kind needs a catalogue and none is given.
    """
    kind = _BY_NAME.get(str(data.get("kind")))
    return [] if kind is None else kind.check(data, catalogue)
