"""The published schemas: well-formed, described, closed, and in agreement with the model both ways."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import coproduction as cp
from coproduction.contract import schemas, serialization
from coproduction.contract.kinds import kinds
from coproduction.testing import frameworks, frameworks_with_audits, ladder_assessments, ladders

KINDS = schemas.kinds()


def test_every_document_kind_has_a_schema() -> None:
    assert set(KINDS) == {kind.name for kind in kinds()}


@pytest.mark.parametrize("name", ["common", "site-feed", *KINDS])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    document = schemas.schema(name)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"{schemas.SCHEMA_BASE}{name}.schema.json"


# A condition (if/then/else) narrows an object defined, closed and described around it; it defines none.
CONDITIONS = ("if", "then", "else")


def objects(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            if key not in CONDITIONS:
                yield from objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from objects(value, f"{path}/{index}")


@pytest.mark.parametrize("name", ["common", "site-feed", *KINDS])
def test_every_property_is_described_and_objects_are_closed(name: str) -> None:
    for path, node in objects(schemas.schema(name)):
        assert node.get("additionalProperties") is False, f"{name} {path} is not closed"
        for prop, spec in node["properties"].items():
            assert spec.get("description"), f"{name} {path}/properties/{prop} has no description"


def test_the_published_folder_is_what_the_package_uses() -> None:
    for name in ["common", *KINDS]:
        published = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        assert published == schemas.schema(name)


@given(frameworks_with_audits())
def test_what_the_model_writes_validates(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    for document in (framework, audit, cp.score(audit, framework)):
        data = json.loads(cp.dumps(document))
        assert schemas.validate(data, serialization.kind_of(document)) == []


@given(ladders().flatmap(lambda ladder: ladder_assessments(ladder).map(lambda a: (ladder, a))))
def test_ladders_and_assessments_validate(pair: tuple[cp.Ladder, cp.LadderAssessment]) -> None:
    for document in pair:
        assert schemas.validate(json.loads(cp.dumps(document)), serialization.kind_of(document)) == []


# Lists drawn have at most this many items (or their minimum): documents stay small and the test fast,
# and every document drawn is still one the full schema accepts.
MAX_DRAWN_ITEMS = 3


def inline(name: str) -> dict[str, Any]:
    """The schema with references inlined and lists kept short, for the generator."""
    document = json.loads(json.dumps(schemas.schema(name)))
    local = document.get("$defs", {})

    def walk(node: Any, defs: dict[str, Any]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                file = ref.partition("#")[0]
                scope = schemas.schema(file.removesuffix(".schema.json"))["$defs"] if file else defs
                rest = {k: v for k, v in node.items() if k not in ("$ref", "description")}
                return {**walk(scope[ref.split("/")[-1]], scope), **rest}
            walked = {k: walk(v, defs) for k, v in node.items() if k not in ("$defs", "$id", "$schema")}
            if walked.get("type") == "array" and "maxItems" not in walked:
                walked["maxItems"] = max(MAX_DRAWN_ITEMS, walked.get("minItems", 0))
            return walked
        if isinstance(node, list):
            return [walk(v, defs) for v in node]
        return node

    return walk(document, local)  # type: ignore[no-any-return]


# Rules the schema cannot express; everything else the schema accepts must load.
BEYOND_THE_SCHEMA = {
    "duplicate-id",
    "duplicate-level-value",
    "levels-out-of-order",
    "unknown-framework",
    "unknown-version",
    "unknown-band",
    "unknown-ladder",
    "unknown-criterion",
    "unknown-level",
    "unknown-rung",
    "unknown-approach",
    "duplicate-rung",
    "duplicate-response",
    "rated-and-not-applicable",
    "not-applicable-not-allowed",
    "due-before-start",
    "dropped-without-reason",
    "same-perspective",
    "perspective-mismatch",
    "step-mismatch",
    "count-mismatch",
    "dates-out-of-order",
    "inconsistent",
    "unknown-source",
    "unknown-list",
    "unknown-target",
    "duplicate-link",
    "nothing-to-reword",
    "duplicate-wording",
    "nothing-marked",
    "below-minimum-group",
    "not-asked",
    "empty-contact",
}


@pytest.mark.parametrize("name", KINDS)
@settings(max_examples=40, suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.data())
def test_what_the_schema_accepts_loads(name: str, data: st.DataObject) -> None:
    document = data.draw(from_schema(inline(name)))
    assert schemas.validate(document, name) == []
    try:
        loaded = cp.from_dict(document)
    except cp.InvalidDocumentError as error:
        codes = {problem.code for problem in error.problems}
        assert codes <= BEYOND_THE_SCHEMA, error
    else:
        assert serialization.kind_of(loaded) == name


def test_validation_opens_no_socket(monkeypatch: pytest.MonkeyPatch, worcestershire: cp.Framework) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation tried to reach the network")

    schemas.validator.cache_clear()
    schemas.registry.cache_clear()
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    text = cp.dumps(
        cp.Audit(
            framework=worcestershire.id,
            framework_version="1",
            organisation=cp.Organisation("Oak"),
            perspective="joint",
            date=__import__("datetime").date(2025, 1, 1),
            responses=[cp.Response("leadership-1", "embedded")],
        )
    )
    assert cp.loads(text) is not None
    bad = json.loads(text)
    bad["date"] = "yesterday"
    assert schemas.validate(bad, "audit")[0].code == "bad-date"


def test_format_checking_of_dates_is_on(worcestershire: cp.Framework) -> None:
    data = json.loads(cp.dumps(frameworks().example() if False else worcestershire))
    data["source"]["url"] = "not a uri"
    problems = schemas.validate(data, "framework")
    assert [p.code for p in problems] == ["bad-format"]


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(-2, 2, allow_nan=False)
    | st.sampled_from(
        ["", "embedded", "Embeded", "2025-02-30", "2025-03-14", "x y", "not a uri", "https://a.example/"]
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(["id", "name", "x"]), children, max_size=3)
    ),
    max_leaves=5,
)


@given(frameworks_with_audits(), st.data())
def test_the_fast_and_the_detailed_validators_agree(pair: tuple[cp.Framework, cp.Audit], data: st.DataObject) -> None:
    framework, audit = pair
    for document in (framework, audit, cp.score(audit, framework)):
        kind = serialization.kind_of(document)
        tree = json.loads(cp.dumps(document))
        assert schemas.is_valid(tree, kind) and not list(schemas.validator(kind).iter_errors(tree))
        where = data.draw(st.sampled_from(list(paths(tree))[1:]))
        parent = tree
        for step in where[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(JSON_VALUES)
        detailed = not list(schemas.validator(kind).iter_errors(tree))
        assert schemas.is_valid(tree, kind) == detailed, (where, tree)
        assert (schemas.validate(tree, kind) == []) == detailed
