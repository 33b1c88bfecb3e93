"""The fast paths agree with the careful ones they stand in for.

Loading builds valid audits without re-running the attrs validators, and
scoring checks an audit in one pass before falling back to the detailed check.
Each is only allowed to be faster, never to give a different answer.
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.contract import serialization
from coproduction.contract._trusted import TRUSTED_BUILDERS
from coproduction.rules import scoring
from coproduction.testing import frameworks, frameworks_with_audits


@given(frameworks_with_audits())
def test_a_trusted_audit_equals_the_converters(pair: tuple[cp.Framework, cp.Audit]) -> None:
    _, audit = pair
    data = json.loads(cp.dumps(audit))
    body = {key: value for key, value in data.items() if key not in ("kind", "schema_version")}
    trusted = TRUSTED_BUILDERS["audit"](body)
    careful = serialization.make_converter().structure(body, cp.Audit)
    assert trusted == careful == audit
    assert hash(trusted) == hash(careful)
    assert repr(trusted) == repr(careful)
    for field in attrs.fields(cp.Audit):
        assert type(getattr(trusted, field.name)) is type(getattr(careful, field.name))


def test_a_trusted_audit_is_still_frozen(worcestershire: cp.Framework) -> None:
    audit = cp.loads(cp.dumps(cp.AuditTemplate(worcestershire, cp.Perspective.SCHOOL_STAFF).blank_audit()))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        audit.framework = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        audit.responses[0].rating = "embedded"  # type: ignore[misc]


def test_an_invalid_audit_is_still_refused_with_every_problem(worcestershire: cp.Framework) -> None:
    blank = cp.AuditTemplate(worcestershire, cp.Perspective.SCHOOL_STAFF).blank_audit()
    data = json.loads(cp.dumps(blank))
    data["responses"][0]["rating"] = "embeded"
    data["responses"][1]["criterion"] = data["responses"][2]["criterion"]
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(json.dumps(data))
    assert {problem.code for problem in caught.value.problems} == {"unknown-level", "duplicate-response"}


def test_deep_nesting_inside_an_invalid_document_is_refused() -> None:
    text = '{"kind": "audit", "schema_version": 1, "extra": ' + "[" * 100 + "]" * 100 + "}"
    with pytest.raises(cp.UnreadableFileError, match="nested too deeply"):
        cp.loads(text)
    with pytest.raises(cp.UnreadableFileError, match="nested too deeply"):
        serialization.parse_json(text)


@st.composite
def audits_that_may_not_fit(draw: st.DrawFn) -> tuple[cp.Framework, cp.Audit]:
    framework, audit = draw(frameworks_with_audits())
    _, stranger = draw(frameworks_with_audits())
    choice = draw(st.sampled_from(["fits", "other-framework", "other-version", "foreign-response", "na"]))
    if choice == "other-framework":
        return framework, stranger
    if choice == "other-version":
        return framework, attrs.evolve(audit, framework_version=audit.framework_version + "-old")
    if choice == "foreign-response" and stranger.responses:
        extra = attrs.evolve(stranger.responses[0], criterion="not-in-the-framework")
        return framework, attrs.evolve(audit, responses=(*audit.responses, extra))
    if choice == "na" and audit.responses:
        first = attrs.evolve(audit.responses[0], rating=None, not_applicable=True)
        return framework, attrs.evolve(audit, responses=(first, *audit.responses[1:]))
    return framework, audit


@given(audits_that_may_not_fit())
def test_the_one_pass_fit_agrees_with_check_audit(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    problems = cp.check_audit(audit, framework)
    assert scoring._fits(audit, framework) == (problems == [])
    if problems:
        with pytest.raises(cp.InvalidDocumentError) as caught:
            cp.score(audit, framework)
        assert caught.value.problems == problems
    else:
        assert cp.score(audit, framework).overall.criteria == len(framework.criteria)


@given(frameworks())
def test_normalised_values_follow_the_rule(framework: cp.Framework) -> None:
    scale = framework.scale
    low, high = scale.lowest.value, scale.highest.value
    values = scale.normalised_values()
    assert list(values) == [level.id for level in scale.levels]
    for level in scale.levels:
        assert values[level.id] == scale.normalised(level.id) == (level.value - low) / (high - low)
