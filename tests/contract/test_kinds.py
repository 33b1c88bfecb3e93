"""Every row of the table of document kinds is whole: schema, model, cross-check, strategy and a JSON round trip.

A new kind added to ``coproduction.contract.kinds`` without one of these fails
here (see docs/architecture.rst, "Adding a kind").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction import testing
from coproduction.contract import kinds, schemas
from coproduction.contract.serialization import make_converter, to_dict

SCHEMAS = ROOT / "schemas"
APPROACHES = ["send-coffee-mornings", "working-document"]

# The strategy of coproduction.testing that draws valid documents of each kind.
STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "action-plan": lambda: testing.frameworks().flatmap(
        lambda framework: testing.action_plans(framework, levels=True, approaches=APPROACHES)
    ),
    "activity": testing.activities,
    "approaches": testing.approach_collections,
    "audit": lambda: testing.frameworks_with_audits().map(lambda pair: pair[1]),
    "barriers": testing.barrier_collections,
    "barriers-return": testing.barriers_returns,
    "charter": lambda: testing.charters(levels=True),
    "comparison": testing.comparisons,
    "feedback-log": lambda: testing.feedback_logs(levels=True, approaches=APPROACHES),
    "framework": testing.frameworks,
    "glossary": testing.glossaries,
    "ladder": testing.ladders,
    "ladder-assessment": lambda: testing.ladders().flatmap(testing.ladder_assessments),
    "meeting-checklists": testing.meeting_checklists,
    "pooled-view": lambda: testing.frameworks().flatmap(testing.pooled_views),
    "progress": testing.progress_documents,
    "school-local-details": testing.school_local_details,
    "score-report": testing.score_reports,
}
# Which strategy of coproduction.testing each entry above draws from.
STRATEGY_NAMES = {
    "action-plan": "action_plans",
    "activity": "activities",
    "approaches": "approach_collections",
    "audit": "audits",
    "barriers": "barrier_collections",
    "barriers-return": "barriers_returns",
    "charter": "charters",
    "comparison": "comparisons",
    "feedback-log": "feedback_logs",
    "framework": "frameworks",
    "glossary": "glossaries",
    "ladder": "ladders",
    "ladder-assessment": "ladder_assessments",
    "meeting-checklists": "meeting_checklists",
    "pooled-view": "pooled_views",
    "progress": "progress_documents",
    "school-local-details": "school_local_details",
    "score-report": "score_reports",
}
KINDS = [kind.name for kind in kinds.kinds()]
CONVERTER = make_converter()


def test_the_table_lists_every_kind_once_and_sorted() -> None:
    assert len(KINDS) >= 11
    assert sorted(set(KINDS)) == KINDS
    assert set(STRATEGIES) == set(KINDS) == set(STRATEGY_NAMES), "add the new kind's strategy to this test"


@pytest.mark.parametrize("name", KINDS)
def test_each_kind_has_a_schema_file_naming_it(name: str) -> None:
    kind = kinds.kind_named(name)
    assert kind is not None
    path = SCHEMAS / f"{kind.schema}.schema.json"
    assert path.is_file()
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$id"].endswith(f"/{kind.schema}.schema.json")
    assert schema["properties"]["kind"]["const"] == name
    assert schema["properties"]["schema_version"]["const"] == kind.version
    assert {"kind", "schema_version"} <= set(schema["required"])
    assert name in schemas.kinds()


@pytest.mark.parametrize("name", KINDS)
def test_each_kind_has_a_model_class_a_cross_check_and_a_strategy(name: str) -> None:
    kind = kinds.kind_named(name)
    assert kind is not None
    assert attrs.has(kind.cls) and kinds.kind_of_class(kind.cls) is kind
    assert callable(kind.check)
    strategy = getattr(testing, STRATEGY_NAMES[name])
    assert callable(strategy) and strategy.__module__ == "coproduction.testing"
    assert STRATEGY_NAMES[name] in testing.__all__


def _round_trip(name: str) -> Callable[[], None]:
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[name]())
    def check(document: Any) -> None:
        kind = kinds.kind_named(name)
        assert kind is not None and type(document) is kind.cls
        data = CONVERTER.unstructure(document)
        again = CONVERTER.structure(json.loads(json.dumps(data)), kind.cls)
        assert again == document
        assert schemas.validate(to_dict(document), name) == []

    return check


@pytest.mark.parametrize("name", KINDS)
def test_each_kind_round_trips_through_json(name: str) -> None:
    _round_trip(name)()
