"""Scoring: hand-worked examples beside property tests of every invariant in DESIGN.md."""

from __future__ import annotations

import math

import attrs
import pytest
from helpers import make_audit
from hypothesis import assume, given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.testing import audits, frameworks, frameworks_with_audits


def all_scores(report: cp.ScoreReport) -> list[float | None]:
    return [report.overall.value, *(s.score.value for s in report.sections)]


# -- hand-worked ------------------------------------------------------------------------------


def test_hand_calculation_worcestershire(worcestershire: cp.Framework) -> None:
    # Shared values (6): embedded x2, developing x2, emerging x1, unanswered x1.
    # Emerging=0, Developing=0.5, Embedded=1 -> (1+1+0.5+0.5+0)/5 = 0.6 -> band developing (0.5 nearer than 1).
    ratings: dict[str, str | None] = {
        "shared-values-1": "embedded",
        "shared-values-2": "embedded",
        "shared-values-3": "developing",
        "shared-values-4": "developing",
        "shared-values-5": "emerging",
        "strategies-1": "embedded",
    }
    report = cp.score(make_audit(worcestershire, ratings), worcestershire)
    shared = report.sections[0]
    assert shared.section == "shared-values"
    assert shared.score.value == pytest.approx(0.6)
    assert shared.score.band == "developing"
    assert shared.score.level_counts == {"emerging": 1, "developing": 2, "embedded": 2}
    assert shared.score.coverage == pytest.approx(5 / 6)
    assert shared.score.unanswered == 1
    strategies = report.sections[1]
    assert strategies.score.value == 1.0 and strategies.score.band == "embedded"
    assert report.sections[2].score.value is None and report.sections[2].score.band is None
    # Overall: (1+1+0.5+0.5+0+1)/6 = 4/6.
    assert report.overall.value == pytest.approx(4 / 6)
    assert report.overall.band == "developing"
    assert report.overall.answered == 6 and report.overall.criteria == 31
    assert report.overall.coverage == pytest.approx(6 / 31)
    assert not report.complete


def test_band_ties_go_to_the_higher_level(worcestershire: cp.Framework) -> None:
    scale = worcestershire.scale
    assert scale.band(0.25).id == "developing"
    assert scale.band(0.75).id == "embedded"
    assert scale.band(0.2499).id == "emerging"
    assert scale.band(0.0).id == "emerging"


def test_not_applicable_is_left_out_of_score_and_coverage(durham: cp.Framework) -> None:
    first, second, third = (c.id for c in durham.sections[0].criteria[:3])
    audit = make_audit(durham, {first: "embedded", second: "n/a", third: "not-started"})
    section = cp.score(audit, durham).sections[0].score
    assert section.value == pytest.approx(0.5)
    assert section.not_applicable == 1
    assert section.coverage == 1.0
    assert section.level_counts == {"not-started": 1, "in-progress": 0, "embedded": 1}


def test_everything_not_applicable_is_complete_with_no_score(durham: cp.Framework) -> None:
    audit = make_audit(durham, {c.id: "n/a" for c in durham.criteria})
    report = cp.score(audit, durham)
    assert report.overall.value is None
    assert report.overall.coverage == 1.0
    assert report.complete


def test_weights_count(worcestershire: cp.Framework) -> None:
    scale = cp.RatingScale(
        id="s", name="S", levels=[cp.Level(id="low", name="Low", value=0), cp.Level(id="high", name="High", value=4)]
    )
    framework = cp.Framework(
        id="w",
        version="1",
        title="W",
        scale=scale,
        sections=[
            cp.Section(
                id="a", title="A", criteria=[cp.Criterion(id="x", text="X", weight=3), cp.Criterion(id="y", text="Y")]
            )
        ],
    )
    report = cp.score(make_audit(framework, {"x": "high", "y": "low"}), framework)
    assert report.overall.value == pytest.approx(0.75)


def test_score_refuses_an_audit_of_another_framework(worcestershire: cp.Framework, durham: cp.Framework) -> None:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.score(make_audit(worcestershire, {}), durham)
    assert caught.value.problems[0].code == "wrong-framework"


def test_score_refuses_a_level_not_on_the_scale(worcestershire: cp.Framework) -> None:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.score(make_audit(worcestershire, {"shared-values-1": "embeded"}), worcestershire)
    problem = caught.value.problems[0]
    assert problem.path == "responses[0].rating" and problem.code == "unknown-level"
    assert "choose emerging, developing or embedded" in problem.message


# -- invariants -------------------------------------------------------------------------------


@given(frameworks_with_audits())
def test_scores_lie_between_0_and_1(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    report = cp.score(audit, framework)
    for value in all_scores(report):
        assert value is None or 0.0 <= value <= 1.0
    assert 0.0 <= report.overall.coverage <= 1.0
    assert report.overall.answered + report.overall.not_applicable + report.overall.unanswered == len(
        framework.criteria
    )
    assert sum(report.overall.level_counts.values()) == report.overall.answered


@given(frameworks_with_audits(), st.data())
def test_raising_one_rating_never_lowers_any_score(pair: tuple[cp.Framework, cp.Audit], data: st.DataObject) -> None:
    framework, audit = pair
    rated = [i for i, r in enumerate(audit.responses) if r.rating is not None]
    assume(rated)
    index = data.draw(st.sampled_from(rated))
    levels = [level.id for level in framework.scale.levels]
    current = levels.index(audit.responses[index].rating or "")
    assume(current < len(levels) - 1)
    higher = data.draw(st.sampled_from(levels[current + 1 :]))
    responses = list(audit.responses)
    responses[index] = attrs.evolve(responses[index], rating=higher)
    before = cp.score(audit, framework)
    after = cp.score(attrs.evolve(audit, responses=responses), framework)
    for old, new in zip(all_scores(before), all_scores(after), strict=True):
        assert (old is not None and new is not None) or old is None
        if old is not None and new is not None:
            assert new >= old


@given(frameworks(), st.booleans())
def test_all_lowest_is_0_and_all_highest_is_1(framework: cp.Framework, highest: bool) -> None:
    level = framework.scale.highest if highest else framework.scale.lowest
    audit = make_audit(framework, {c.id: level.id for c in framework.criteria})
    report = cp.score(audit, framework)
    assert all(value == (1.0 if highest else 0.0) for value in all_scores(report))
    assert report.overall.band == level.id
    assert report.complete


@given(frameworks_with_audits(), st.data())
def test_not_applicable_scores_as_if_the_criterion_were_removed(
    pair: tuple[cp.Framework, cp.Audit], data: st.DataObject
) -> None:
    framework, audit = pair
    target = data.draw(st.sampled_from(framework.criteria))
    assume(len(framework.section_of(target.id).criteria) > 1)
    marked_framework = attrs.evolve(framework, allows_not_applicable=True)
    responses = [r for r in audit.responses if r.criterion != target.id]
    marked = attrs.evolve(audit, responses=[*responses, cp.Response(criterion=target.id, not_applicable=True)])
    sections = [
        attrs.evolve(section, criteria=[c for c in section.criteria if c.id != target.id])
        for section in framework.sections
    ]
    removed_framework = attrs.evolve(framework, sections=sections)
    removed = attrs.evolve(audit, responses=responses)
    with_na = cp.score(marked, marked_framework)
    without = cp.score(removed, removed_framework)
    assert all_scores(with_na) == all_scores(without)
    assert with_na.overall.coverage == without.overall.coverage
    assert with_na.overall.level_counts == without.overall.level_counts


@given(frameworks_with_audits(), st.randoms())
def test_the_order_of_responses_changes_nothing(pair: tuple[cp.Framework, cp.Audit], random: object) -> None:
    framework, audit = pair
    shuffled = list(audit.responses)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert cp.score(attrs.evolve(audit, responses=shuffled), framework) == cp.score(audit, framework)


@given(frameworks_with_audits())
def test_band_is_the_nearest_level(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    report = cp.score(audit, framework)
    value = report.overall.value
    assume(value is not None)
    assert value is not None
    scale = framework.scale
    distances = {level.id: abs(scale.normalised(level.id) - value) for level in scale.levels}
    nearest = min(distances.values())
    assert report.overall.band is not None
    assert math.isclose(distances[report.overall.band], nearest, abs_tol=1e-9)
    tied = [lid for lid, d in distances.items() if math.isclose(d, nearest, abs_tol=1e-9)]
    assert report.overall.band == tied[-1]


def test_scoring_needs_no_io(monkeypatch: pytest.MonkeyPatch, worcestershire: cp.Framework) -> None:
    import builtins
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("scoring touched I/O")

    audit = make_audit(worcestershire, {"shared-values-1": "embedded"})
    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    assert cp.score(audit, worcestershire).overall.value == 1.0


@given(frameworks().flatmap(lambda f: audits(f, complete=True).map(lambda a: (f, a))))
def test_complete_audits_have_coverage_1(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    report = cp.score(audit, framework)
    assert report.complete and report.overall.unanswered == 0
