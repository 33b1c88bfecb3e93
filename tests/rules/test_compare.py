"""Comparing perspectives and following audits over time: a hand-worked example beside property tests."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from random import Random

import attrs
import pytest
from cycle_example import FRAMEWORK, OAK, SCALE, VERSION_2, example_framework, next_year, parent_audit, school_audit
from helpers import make_audit
from hypothesis import assume, given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.contract import schemas
from coproduction.testing import audits, comparable_audits, frameworks

# -- the hand-worked example -------------------------------------------------------------------


def test_hand_worked_comparison() -> None:
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    assert comparison.perspectives == (cp.Perspective.SCHOOL_STAFF, cp.Perspective.PARENT_CARERS)
    assert comparison.organisation == OAK
    # Steps (0 not started, 1 in progress, 2 embedded), school / parent carers:
    # v1 2/2, v2 1/1, v3 2/1, s1 1/0, s2 0/1, s3 unanswered / not applicable.
    steps = {c.criterion: tuple(r.step for r in c.ratings) for c in comparison.criteria}
    assert steps == {"v1": (2, 2), "v2": (1, 1), "v3": (2, 1), "s1": (1, 0), "s2": (0, 1), "s3": (None, None)}
    assert [c.spread for c in comparison.criteria] == [0, 0, 1, 1, 1, None]
    assert comparison.criterion("s2").gap("school-staff", "parent-carers") == -1
    assert comparison.criterion("s3").rating("parent-carers").not_applicable
    assert [c.criterion for c in comparison.blind_spots] == ["v3", "s1"]
    assert [c.criterion for c in comparison.hidden_strengths] == ["s2"]
    assert [c.criterion for c in comparison.disagreements] == ["v3", "s1", "s2"]

    agreement = comparison.agreement_between("school-staff", "parent-carers")
    # Five criteria rated by both (s3 is left out); v1 and v2 agree exactly: 2/5.
    assert (agreement.compared, agreement.exact, agreement.exact_share) == (5, 2, 0.4)
    # Linearly weighted kappa, by hand. Pairs (school, parents): (2,2) (1,1) (2,1) (1,0) (0,1).
    # Observed disagreement: sum |a - b| = 0+0+1+1+1 = 3, over n = 5 pairs.
    # School's steps: 2 x2, 1 x2, 0 x1; parent carers': 2 x1, 1 x3, 0 x1.
    # Chance: sum over all (i, j) of count_i * count_j * |i - j|
    #   = 2*3*1 + 2*1*2 (i=2) + 2*1*1 + 2*1*1 (i=1) + 1*1*2 + 1*3*1 (i=0) = 10 + 4 + 5 = 19.
    # kappa = 1 - (3 / 5) / (19 / 25) = 1 - 15/19 = 4/19 (0.21).
    # Check: with weights 1 - |i-j|/2, P_o = 1 - 3/10 = 0.7, P_e = 1 - 19/50 = 0.62,
    # (0.7 - 0.62) / (1 - 0.62) = 0.08 / 0.38 = 4/19.
    assert agreement.kappa == pytest.approx(4 / 19)
    assert agreement.kappa_note is None
    assert agreement.mean_gap == pytest.approx(0.2)  # (0+0+1+1-1)/5: school staff rate a fifth of a level higher
    assert agreement.first_higher == ("v3", "s1") and agreement.second_higher == ("s2",)

    school, parents = comparison.scores_of("school-staff"), comparison.scores_of("parent-carers")
    # School: values (1 + 0.5 + 1)/3, structures (0.5 + 0)/2 with s3 unanswered, overall 3/5.
    assert school.section("values").score.value == pytest.approx(5 / 6)
    assert school.section("structures").score.value == pytest.approx(0.25)
    assert school.overall.value == pytest.approx(0.6)
    assert school.overall.unanswered == 1
    # Parent carers: values (1 + 0.5 + 0.5)/3, structures (0 + 0.5)/2 with s3 not applicable, overall 2.5/5.
    assert parents.section("values").score.value == pytest.approx(2 / 3)
    assert parents.overall.value == pytest.approx(0.5)
    assert parents.overall.not_applicable == 1 and parents.overall.coverage == 1.0


def test_the_comparison_document_validates_and_round_trips() -> None:
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    data = json.loads(cp.dumps(comparison))
    assert data["kind"] == "comparison"
    assert schemas.validate(data, "comparison") == []
    assert cp.loads(cp.dumps(comparison), cp.Comparison) == comparison


def test_agreement_mirrors_when_asked_the_other_way() -> None:
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    there = comparison.agreement_between("school-staff", "parent-carers")
    back = comparison.agreement_between("parent-carers", "school-staff")
    assert back == there.mirrored() and back.mirrored() == there
    assert back.mean_gap == pytest.approx(-0.2)
    assert [c.criterion for c in comparison.higher("parent-carers", "school-staff")] == ["s2"]
    with pytest.raises(KeyError):
        comparison.agreement_between("school-staff", "joint")


def test_three_perspectives_give_pairwise_figures() -> None:
    young = attrs.evolve(parent_audit(), perspective=cp.Perspective.CHILDREN_AND_YOUNG_PEOPLE)
    comparison = cp.compare_perspectives([school_audit(), parent_audit(), young], FRAMEWORK)
    pairs = [(a.first, a.second) for a in comparison.agreement]
    S, P, Y = cp.Perspective.SCHOOL_STAFF, cp.Perspective.PARENT_CARERS, cp.Perspective.CHILDREN_AND_YOUNG_PEOPLE
    assert pairs == [(S, P), (S, Y), (P, Y)]
    same = comparison.agreement_between(P, Y)
    assert same.exact_share == 1.0 and same.kappa == 1.0
    assert comparison.agreement_between(S, Y).kappa == pytest.approx(4 / 19)
    # The spread is the widest gap among all three.
    assert comparison.criterion("s1").spread == 1
    assert cp.loads(cp.dumps(comparison)) == comparison


def test_kappa_undefined_when_every_rating_is_one_level() -> None:
    school = make_audit(FRAMEWORK, dict.fromkeys(("v1", "v2"), "in-progress"))
    parents = attrs.evolve(school, perspective=cp.Perspective.PARENT_CARERS)
    agreement = cp.compare_perspectives([school, parents], FRAMEWORK).agreement[0]
    assert agreement.exact_share == 1.0
    assert agreement.kappa is None
    assert agreement.kappa_note is not None and "In progress" in agreement.kappa_note
    assert "agree exactly" in agreement.kappa_note


def test_kappa_undefined_when_nothing_was_rated_by_both() -> None:
    school = make_audit(FRAMEWORK, {"v1": "embedded"})
    parents = make_audit(FRAMEWORK, {"v2": "embedded", "v1": "n/a"}, perspective="parent-carers")
    agreement = cp.compare_perspectives([school, parents], FRAMEWORK).agreement[0]
    assert agreement.compared == 0 and agreement.exact_share is None and agreement.mean_gap is None
    assert agreement.kappa is None and agreement.kappa_note is not None
    assert "nothing to measure" in agreement.kappa_note


def test_weighted_kappa_by_hand() -> None:
    assert cp.weighted_kappa([(0, 0), (1, 1), (2, 2)]) == 1.0
    assert cp.weighted_kappa([(0, 1), (1, 0)]) == -1.0
    assert cp.weighted_kappa([(2, 2), (1, 1), (2, 1), (1, 0), (0, 1)]) == float(Fraction(4, 19))
    # Both always one level apart, the same way: no better than chance.
    assert cp.weighted_kappa([(2, 1), (2, 1)]) == 0.0
    assert cp.weighted_kappa([]) is None
    assert cp.weighted_kappa([(1, 1), (1, 1)]) is None
    with pytest.raises(ValueError, match="whole numbers"):
        cp.weighted_kappa([(-1, 0)])


# -- refusing what cannot be compared ----------------------------------------------------------


def codes(error: pytest.ExceptionInfo[cp.CoproductionError]) -> list[str]:
    return [problem.code for problem in error.value.problems]


def test_audits_of_different_organisations_are_refused() -> None:
    elm = attrs.evolve(parent_audit(), organisation=cp.Organisation("Elm Academy"))
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit(), elm], FRAMEWORK)
    assert codes(caught) == ["different-organisation"]
    problem = caught.value.problems[0]
    assert problem.path == "audits[1].organisation"
    assert "Elm Academy" in problem.message and "Oak Primary School" in problem.message
    assert caught.value.code == "incomparable-audits"
    assert isinstance(caught.value, ValueError)


def test_organisations_match_by_identifier_when_both_have_one() -> None:
    renamed = cp.Organisation("Oak Primary Academy", "999901")
    assert cp.same_organisation(OAK, renamed)
    assert not cp.same_organisation(OAK, cp.Organisation("Oak Primary School", "123456"))
    assert cp.same_organisation(OAK, cp.Organisation(" oak primary  SCHOOL "))
    assert not cp.same_organisation(cp.Organisation("Oak"), cp.Organisation("Oak Park"))


def test_audits_of_different_frameworks_or_versions_are_refused(worcestershire: cp.Framework) -> None:
    other = make_audit(worcestershire, {}, perspective="parent-carers", organisation=OAK)
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit(), other], FRAMEWORK)
    assert codes(caught) == ["wrong-framework"]
    assert caught.value.problems[0].path == "audits[1].framework"
    newer = attrs.evolve(parent_audit(), framework_version="2")
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit(), newer], FRAMEWORK)
    assert codes(caught) == ["wrong-framework-version"]
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit(), parent_audit()], example_framework("2"))
    assert codes(caught) == ["wrong-framework-version", "wrong-framework-version"]


def test_two_audits_of_one_perspective_are_refused() -> None:
    again = attrs.evolve(school_audit(), date=dt.date(2025, 4, 1))
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit(), parent_audit(), again], FRAMEWORK)
    assert codes(caught) == ["same-perspective"]
    assert caught.value.problems[0].path == "audits[2].perspective"
    assert "school staff's" in caught.value.problems[0].message


def test_one_audit_is_not_a_comparison() -> None:
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit()], FRAMEWORK)
    assert codes(caught) == ["too-few-audits"]


def test_every_problem_is_reported_at_once(worcestershire: cp.Framework) -> None:
    elm = make_audit(worcestershire, {}, organisation=cp.Organisation("Elm"))
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.compare_perspectives([school_audit(), elm], FRAMEWORK)
    assert sorted(codes(caught)) == ["different-organisation", "same-perspective", "wrong-framework"]


def test_an_audit_that_does_not_fit_the_framework_is_refused() -> None:
    broken = make_audit(FRAMEWORK, {"v1": "embeded"}, perspective="parent-carers", organisation=OAK)
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.compare_perspectives([school_audit(), broken], FRAMEWORK)
    assert [(p.path, p.code) for p in caught.value.problems] == [("audits[1].responses[0].rating", "unknown-level")]


# -- properties of comparisons -----------------------------------------------------------------


def pairs_of_audits() -> st.SearchStrategy[tuple[cp.Framework, tuple[cp.Audit, ...]]]:
    return frameworks(max_sections=3, max_criteria=4).flatmap(
        lambda framework: comparable_audits(framework).map(lambda found: (framework, found))
    )


def ids(criteria: tuple[cp.CriterionComparison, ...]) -> list[str]:
    return [criterion.criterion for criterion in criteria]


@given(pairs_of_audits())
def test_comparing_b_with_a_mirrors_comparing_a_with_b(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, (a, b) = drawn
    forth = cp.compare_perspectives([a, b], framework)
    back = cp.compare_perspectives([b, a], framework)
    assert back.perspectives == tuple(reversed(forth.perspectives))
    for there, here in zip(forth.criteria, back.criteria, strict=True):
        assert here.ratings == tuple(reversed(there.ratings))
        assert here.spread == there.spread
        assert here.gap(a.perspective, b.perspective) == there.gap(a.perspective, b.perspective)
    assert back.agreement[0] == forth.agreement[0].mirrored()
    assert back.agreement[0].kappa == forth.agreement[0].kappa  # exactly, not approximately
    assert back.scores == tuple(reversed(forth.scores))
    for first, second in ((a.perspective, b.perspective), (b.perspective, a.perspective)):
        assert ids(back.higher(first, second)) == ids(forth.higher(first, second))
    assert ids(back.blind_spots) == ids(forth.blind_spots)
    assert ids(back.hidden_strengths) == ids(forth.hidden_strengths)


@given(frameworks(max_sections=3, max_criteria=4).flatmap(lambda f: audits(f).map(lambda a: (f, a))), st.data())
def test_an_audit_compared_with_itself_agrees_fully(pair: tuple[cp.Framework, cp.Audit], data: st.DataObject) -> None:
    framework, audit = pair
    other = data.draw(st.sampled_from([p for p in cp.Perspective if p is not audit.perspective]))
    comparison = cp.compare_perspectives([audit, attrs.evolve(audit, perspective=other)], framework)
    agreement = comparison.agreement[0]
    assert agreement.exact == agreement.compared
    assert agreement.first_higher == () and agreement.second_higher == ()
    if agreement.compared:
        assert agreement.exact_share == 1.0 and agreement.mean_gap == 0.0
        assert agreement.kappa == 1.0 or (agreement.kappa is None and agreement.kappa_note)
    else:
        assert agreement.exact_share is None
    assert all(criterion.spread in (0, None) for criterion in comparison.criteria)
    assert comparison.disagreements == () and comparison.blind_spots == () and comparison.hidden_strengths == ()
    assert cp.find_gaps(comparison, framework) == cp.find_gaps(audit, framework)


@given(pairs_of_audits())
def test_comparison_figures_add_up(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, (a, b) = drawn
    comparison = cp.compare_perspectives([a, b], framework)
    agreement = comparison.agreement[0]
    both = [c for c in comparison.criteria if all(r.rated for r in c.ratings)]
    assert agreement.compared == len(both)
    assert agreement.exact == sum(1 for c in both if c.agreed)
    assert agreement.kappa is None or -1.0 <= agreement.kappa <= 1.0
    assert [c.criterion for c in comparison.criteria] == [c.id for c in framework.criteria]
    for criterion in comparison.criteria:
        rated = [r.step for r in criterion.ratings if r.step is not None]
        assert criterion.spread == (max(rated) - min(rated) if len(rated) == 2 else None)
    assert comparison.scores_of(a.perspective).overall == cp.score(a, framework).overall


@given(
    frameworks(max_sections=2, max_criteria=4).flatmap(lambda f: comparable_audits(f, count=4).map(lambda a: (f, a)))
)
def test_four_perspectives_give_six_pairs_each_mirrored(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, found = drawn
    comparison = cp.compare_perspectives(found, framework)
    assert len(comparison.agreement) == 6
    for entry in comparison.agreement:
        assert comparison.agreement_between(entry.second, entry.first) == entry.mirrored()
    assert cp.loads(cp.dumps(comparison)) == comparison


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=12))
def test_weighted_kappa_is_symmetric_and_bounded(pairs: list[tuple[int, int]]) -> None:
    kappa = cp.weighted_kappa(pairs)
    assert kappa == cp.weighted_kappa([(b, a) for a, b in pairs])
    if kappa is not None:
        assert -1.0 <= kappa <= 1.0
        assert (kappa == 1.0) == all(a == b for a, b in pairs)
    else:
        assert not pairs or len({step for pair in pairs for step in pair}) == 1


@given(pairs_of_audits())
def test_comparisons_round_trip_and_validate(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, found = drawn
    comparison = cp.compare_perspectives(found, framework)
    text = cp.dumps(comparison)
    assert schemas.validate(json.loads(text), "comparison") == []
    assert cp.loads(text) == comparison


# -- loading a comparison checks what the schema cannot ----------------------------------------


def comparison_data() -> dict[str, object]:
    data: dict[str, object] = json.loads(cp.dumps(cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)))
    return data


def problems_of(data: object) -> list[tuple[str, str]]:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    return [(problem.path, problem.code) for problem in caught.value.problems]


def test_loading_refuses_a_wrong_step_or_level() -> None:
    data = comparison_data()
    data["criteria"][0]["ratings"][0]["step"] = 1  # type: ignore[index]
    data["criteria"][1]["ratings"][1]["rating"] = "embeded"  # type: ignore[index]
    assert problems_of(data) == [
        ("criteria[0].ratings[0].step", "step-mismatch"),
        ("criteria[1].ratings[1].rating", "unknown-level"),
    ]


def test_loading_refuses_ratings_out_of_line_with_the_audits() -> None:
    data = comparison_data()
    ratings = data["criteria"][2]["ratings"]  # type: ignore[index]
    ratings.reverse()
    data["scores"].reverse()  # type: ignore[attr-defined]
    assert problems_of(data) == [("criteria[2].ratings", "perspective-mismatch"), ("scores", "perspective-mismatch")]


def test_loading_refuses_a_repeated_perspective() -> None:
    data = comparison_data()
    data["audits"][1]["perspective"] = "school-staff"  # type: ignore[index]
    found = problems_of(data)
    assert ("audits[1].perspective", "same-perspective") in found


def test_loading_refuses_a_wrong_spread_at_its_criterion() -> None:
    data = comparison_data()
    data["criteria"][3]["spread"] = 2  # type: ignore[index]
    assert problems_of(data) == [("criteria[3]", "inconsistent")]


# -- progress across audit cycles --------------------------------------------------------------


def test_hand_worked_progress_across_two_versions() -> None:
    report = cp.track_progress([next_year(), school_audit()], [FRAMEWORK, VERSION_2])
    assert report.dates == (dt.date(2025, 3, 14), dt.date(2026, 3, 12))
    assert report.perspective is cp.Perspective.SCHOOL_STAFF
    # v3 is only in version 1 and v4 only in version 2; the rest are shared.
    assert [c.criterion for c in report.criteria] == ["v1", "v2", "s1", "s2", "s3"]
    assert [(u.framework_version, u.criteria) for u in report.unshared] == [("1", ("v3",)), ("2", ("v4",))]
    moves = {c.criterion: c.latest for c in report.criteria}
    assert moves == {
        "v1": cp.Movement.SAME,  # embedded, embedded
        "v2": cp.Movement.IMPROVED,  # in progress -> embedded
        "s1": cp.Movement.FELL_BACK,  # in progress -> not started
        "s2": cp.Movement.NO_LONGER_RATED,  # not started -> not applicable
        "s3": cp.Movement.NEWLY_RATED,  # unanswered -> in progress
    }
    assert report.criterion("s2").ratings[1] == cp.RoundRating(None, not_applicable=True)
    # Scores on the shared criteria. 2025: values (1 + 0.5)/2, structures (0.5 + 0)/2, overall 2/4;
    # 4 of the 5 shared criteria answered. 2026: values (1 + 1)/2, structures (0 + 0.5)/2 with s2 not
    # applicable, overall 2.5/4; all 4 that apply answered.
    assert report.section("values").scores == (0.75, 1.0)
    assert report.section("structures").scores == (0.25, 0.25)
    assert [s.latest for s in report.sections] == [cp.Movement.IMPROVED, cp.Movement.SAME]
    assert [s.trend for s in report.sections] == [cp.Movement.IMPROVED, cp.Movement.SAME]
    assert [s.change for s in report.sections] == [0.25, 0.0]
    assert report.scores == (0.5, 0.625)
    assert [c.coverage for c in report.cycles] == [0.8, 1.0]
    assert report.overall == (cp.Movement.IMPROVED,)
    assert report.trend is cp.Movement.IMPROVED and report.change == pytest.approx(0.125)
    assert report.movement_counts() == {
        cp.Movement.IMPROVED: 1,
        cp.Movement.SAME: 1,
        cp.Movement.FELL_BACK: 1,
        cp.Movement.NEWLY_RATED: 1,
        cp.Movement.NO_LONGER_RATED: 1,
        cp.Movement.NOT_RATED: 0,
    }
    assert [c.criterion for c in report.criteria_that("fell-back")] == ["s1"]
    text = cp.dumps(report)
    assert schemas.validate(json.loads(text), "progress") == []
    assert cp.loads(text, cp.Progress) == report


def test_one_version_scores_as_the_audits_do() -> None:
    later = attrs.evolve(school_audit(), date=dt.date(2026, 1, 1), responses=())
    report = cp.track_progress([school_audit(), later], FRAMEWORK)
    assert report.unshared == ()
    assert report.scores[0] == cp.score(school_audit(), FRAMEWORK).overall.value
    assert report.scores[1] is None
    assert report.overall == (cp.Movement.NO_LONGER_RATED,)
    assert report.change is None


def test_progress_refuses_mixed_perspectives_dates_and_organisations() -> None:
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), parent_audit()], FRAMEWORK)
    assert sorted(codes(caught)) == ["different-perspective"]
    elm = attrs.evolve(school_audit(), organisation=cp.Organisation("Elm"), date=dt.date(2026, 1, 1))
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), elm], FRAMEWORK)
    assert codes(caught) == ["different-organisation"]
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), school_audit()], FRAMEWORK)
    assert codes(caught) == ["same-date"]
    assert "14 March 2025" in caught.value.problems[0].message
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit()], FRAMEWORK)
    assert codes(caught) == ["too-few-audits"]


def test_progress_needs_each_version_and_one_framework(worcestershire: cp.Framework) -> None:
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), next_year()], FRAMEWORK)
    assert codes(caught) == ["missing-framework"]
    assert caught.value.problems[0].path == "audits[1].framework_version"
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), next_year()], [FRAMEWORK, worcestershire])
    assert codes(caught) == ["wrong-framework"]
    assert caught.value.problems[0].path == "frameworks[1]"
    unrelated = attrs.evolve(school_audit(), framework=worcestershire.id, date=dt.date(2026, 1, 1))
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), unrelated], FRAMEWORK)
    assert codes(caught) == ["wrong-framework"]


def test_progress_refuses_versions_with_nothing_in_common() -> None:
    other = cp.Framework(
        id=FRAMEWORK.id,
        version="3",
        title="Example standards",
        scale=SCALE,
        sections=[cp.Section(id="new", title="New", criteria=[cp.Criterion(id="n1", text="n1")])],
    )
    later = make_audit(other, {"n1": "embedded"}, organisation=OAK, date=dt.date(2027, 1, 1))
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.track_progress([school_audit(), later], [FRAMEWORK, other])
    assert codes(caught) == ["no-shared-criteria"]


def series(framework: cp.Framework, count: int) -> st.SearchStrategy[tuple[cp.Audit, ...]]:
    """Audits of one organisation from one perspective on different dates."""
    return st.tuples(
        audits(framework),
        st.lists(audits(framework), min_size=count - 1, max_size=count - 1),
        st.lists(st.dates(), min_size=count, max_size=count, unique=True),
    ).map(
        lambda drawn: tuple(
            attrs.evolve(audit, organisation=drawn[0].organisation, perspective=drawn[0].perspective, date=date)
            for audit, date in zip([drawn[0], *drawn[1]], drawn[2], strict=True)
        )
    )


def framework_series() -> st.SearchStrategy[tuple[cp.Framework, tuple[cp.Audit, ...]]]:
    return frameworks(max_sections=3, max_criteria=4).flatmap(
        lambda framework: (
            st.integers(2, 4).flatmap(lambda n: series(framework, n)).map(lambda found: (framework, found))
        )
    )


@given(framework_series(), st.randoms())
def test_the_order_audits_are_given_in_changes_nothing(
    drawn: tuple[cp.Framework, tuple[cp.Audit, ...]], random: Random
) -> None:
    framework, found = drawn
    shuffled = list(found)
    random.shuffle(shuffled)
    assert cp.track_progress(shuffled, framework) == cp.track_progress(found, framework)


@given(framework_series())
def test_progress_follows_the_ratings(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, found = drawn
    report = cp.track_progress(found, framework)
    ordered = sorted(found, key=lambda audit: audit.date)
    steps = {level.id: index for index, level in enumerate(framework.scale.levels)}
    for criterion in report.criteria:
        assert len(criterion.movements) == len(ordered) - 1
        for index, movement in enumerate(criterion.movements):
            before = ordered[index].response(criterion.criterion)
            after = ordered[index + 1].response(criterion.criterion)
            a = steps[before.rating] if before is not None and before.rating else None
            b = steps[after.rating] if after is not None and after.rating else None
            if a is not None and b is not None:
                expected = cp.Movement.SAME if a == b else cp.Movement.IMPROVED if b > a else cp.Movement.FELL_BACK
            elif a is None:
                expected = cp.Movement.NOT_RATED if b is None else cp.Movement.NEWLY_RATED
            else:
                expected = cp.Movement.NO_LONGER_RATED
            assert movement is expected
    assert report.scores == tuple(cp.score(audit, framework).overall.value for audit in ordered)
    text = cp.dumps(report)
    assert schemas.validate(json.loads(text), "progress") == []
    assert cp.loads(text) == report


@given(frameworks(max_sections=3, max_criteria=4).flatmap(lambda f: audits(f).map(lambda a: (f, a))))
def test_the_same_audit_a_year_later_shows_no_movement(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    later = attrs.evolve(audit, date=audit.date + dt.timedelta(days=365))
    report = cp.track_progress([audit, later], framework)
    assert {c.latest for c in report.criteria} <= {cp.Movement.SAME, cp.Movement.NOT_RATED}
    assert {s.latest for s in report.sections} <= {cp.Movement.SAME, cp.Movement.NOT_RATED}
    assert report.trend in (cp.Movement.SAME, cp.Movement.NOT_RATED)
    assume(report.scores[0] is not None)
    assert report.change == 0.0


# -- loading a progress report checks what the schema cannot ----------------------------------


def progress_data() -> dict[str, object]:
    report = cp.track_progress([school_audit(), next_year()], [FRAMEWORK, VERSION_2])
    data: dict[str, object] = json.loads(cp.dumps(report))
    return data


def test_loading_refuses_counts_that_do_not_match_the_audits() -> None:
    data = progress_data()
    data["criteria"][1]["movements"].append("same")  # type: ignore[index]
    data["sections"][0]["scores"].pop()  # type: ignore[index]
    data["overall"] = []
    assert sorted(problems_of(data)) == [
        ("criteria[1].movements", "count-mismatch"),
        ("overall", "count-mismatch"),
        ("sections[0].scores", "count-mismatch"),
    ]


def test_loading_refuses_audits_out_of_date_order() -> None:
    data = progress_data()
    data["cycles"].reverse()  # type: ignore[attr-defined]
    assert problems_of(data) == [("cycles[1].date", "dates-out-of-order")]
