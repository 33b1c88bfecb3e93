"""Pooled views: scoring rules (property tests), privacy, comparing and planning with a pool; ladders; duplicates."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import attrs
import pytest
from cycle_example import FRAMEWORK, OAK, parent_audit, school_audit
from helpers import make_audit
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coproduction as cp
from coproduction.contract import schemas
from coproduction.testing import (
    frameworks,
    ladder_assessment_pairs,
    ladders,
    pooled_views,
    respondent_audits,
)

PARENTS = cp.Perspective.PARENT_CARERS


def _parent(ratings: dict[str, str | None], day: int = 1, **kwargs: object) -> cp.Audit:
    return make_audit(FRAMEWORK, ratings, organisation=OAK, perspective=PARENTS, date=dt.date(2025, 3, day), **kwargs)


def _scores(view: cp.PooledView) -> tuple[object, ...]:
    return (view.overall, view.sections)


# -- properties -------------------------------------------------------------------------------


@settings(max_examples=40)
@given(frameworks().flatmap(lambda f: respondent_audits(f, max_size=1).map(lambda a: (f, a[0]))))
def test_one_respondent_pools_to_exactly_that_audits_scores(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    view = cp.pool([audit], framework, minimum_group=1)
    report = cp.score(audit, framework)
    assert view.overall == report.overall
    assert view.sections == report.sections


@settings(max_examples=40)
@given(frameworks().flatmap(lambda f: respondent_audits(f).map(lambda a: (f, a))), st.randoms())
def test_order_changes_nothing(pair: tuple[cp.Framework, tuple[cp.Audit, ...]], random: object) -> None:
    framework, audits = pair
    shuffled = list(audits)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    for minimum in (1, 3, 5):
        assert cp.pool(shuffled, framework, minimum_group=minimum) == cp.pool(audits, framework, minimum_group=minimum)


@settings(max_examples=40)
@given(frameworks().flatmap(lambda f: respondent_audits(f).map(lambda a: (f, a))), st.data())
def test_adding_a_respondent_who_rates_everything_higher_never_lowers_a_score(
    pair: tuple[cp.Framework, tuple[cp.Audit, ...]], data: st.DataObject
) -> None:
    framework, audits = pair
    levels = framework.scale.levels
    steps = {level.id: index for index, level in enumerate(levels)}
    responses = []
    for criterion in framework.criteria:
        given_steps = [steps[r.rating] for a in audits if (r := a.response(criterion.id)) and r.rating]
        if given_steps:  # at or above everyone's level; criteria nobody rated stay unrated
            step = data.draw(st.integers(max(given_steps), len(levels) - 1))
            responses.append(cp.Response(criterion.id, rating=levels[step].id))
    newcomer = attrs.evolve(audits[0], responses=responses, completed_by=None)
    before = cp.pool(audits, framework, minimum_group=1)
    after = cp.pool([*audits, newcomer], framework, minimum_group=1)
    scores = [(before.overall, after.overall)]
    scores += [(b.score, a.score) for b, a in zip(before.sections, after.sections, strict=True)]
    for old, new in scores:
        if old.value is not None:
            assert new.value is not None and new.value >= old.value
    for old_entry, new_entry in zip(before.criteria, after.criteria, strict=True):
        if old_entry.value is not None:
            assert new_entry.value is not None and new_entry.value >= old_entry.value


@settings(max_examples=40)
@given(frameworks().flatmap(lambda f: respondent_audits(f).map(lambda a: (f, a))), st.data())
def test_not_applicable_scores_as_if_the_criterion_were_removed(
    pair: tuple[cp.Framework, tuple[cp.Audit, ...]], data: st.DataObject
) -> None:
    framework, audits = pair
    framework = attrs.evolve(framework, allows_not_applicable=True)
    target = data.draw(st.sampled_from(framework.criteria)).id
    marked = [
        attrs.evolve(
            a, responses=[r for r in a.responses if r.criterion != target] + [cp.Response(target, not_applicable=True)]
        )
        for a in audits
    ]
    assume(len(framework.section_of(target).criteria) > 1)  # removing it must leave its section standing
    sections = [attrs.evolve(s, criteria=[c for c in s.criteria if c.id != target]) for s in framework.sections]
    smaller = attrs.evolve(framework, sections=sections)
    removed = [attrs.evolve(a, responses=[r for r in a.responses if r.criterion != target]) for a in audits]
    with_na = cp.pool(marked, framework, minimum_group=1)
    without = cp.pool(removed, smaller, minimum_group=1)
    assert with_na.overall.value == without.overall.value
    assert [s.score.value for s in with_na.sections] == [s.score.value for s in without.sections]


@settings(max_examples=40)
@given(frameworks().flatmap(lambda f: pooled_views(f).map(lambda v: (f, v))))
def test_what_pooling_writes_validates_loads_and_hides_who_said_what(pair: tuple[cp.Framework, cp.PooledView]) -> None:
    _, view = pair
    data = cp.to_dict(view)
    assert schemas.validate(data, data["kind"]) == []
    assert cp.from_dict(data, cp.PooledView) == view
    for entry in view.criteria:
        assert entry.withheld == (entry.answered is None)
        if entry.answered is not None:
            assert entry.answered >= view.minimum_group
            assert sum(entry.counts.values()) == entry.answered  # type: ignore[union-attr]
        else:
            assert entry.counts is None and entry.shares is None and not entry.texts and entry.note
    assert "completed_by" not in _keys(data)  # a comment may say "completed_by"; no field may be one


def _keys(value: object) -> set[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return {*value, *(key for item in value.values() for key in _keys(item))}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


# -- hand-worked examples ---------------------------------------------------------------------


def _five() -> list[cp.Audit]:
    # v1: embedded x3, in-progress x2; v2: rated by 4 only; s3: not applicable by everyone.
    rows = [
        {
            "v1": "embedded",
            "v2": "in-progress",
            "v3": "not-started",
            "s1": "in-progress",
            "s2": "embedded",
            "s3": "n/a",
        },
        {"v1": "embedded", "v2": "embedded", "v3": "in-progress", "s1": "in-progress", "s2": "embedded", "s3": "n/a"},
        {"v1": "embedded", "v2": "not-started", "v3": "embedded", "s1": "not-started", "s2": "embedded", "s3": "n/a"},
        {
            "v1": "in-progress",
            "v2": "in-progress",
            "v3": "embedded",
            "s1": "embedded",
            "s2": "in-progress",
            "s3": "n/a",
        },
        {"v1": "in-progress", "v2": None, "v3": "in-progress", "s1": "in-progress", "s2": "embedded", "s3": "n/a"},
    ]
    return [
        _parent(row, day=index + 1, completed_by=f"Parent {index}")
        if index != 2
        else attrs.evolve(
            _parent(row, day=3),
            responses=[
                attrs.evolve(r, evidence="My son Sam's teacher rings weekly.") if r.criterion == "v1" else r
                for r in _parent(row, day=3).responses
            ],
        )
        for index, row in enumerate(rows)
    ]


def test_hand_worked_pool() -> None:
    view = cp.pool(_five(), FRAMEWORK)
    assert view.respondents == 5 and view.minimum_group == cp.DEFAULT_MINIMUM_GROUP == 5
    assert (view.first_date, view.last_date) == (dt.date(2025, 3, 1), dt.date(2025, 3, 5))
    v1 = view.criterion("v1")
    assert v1 is not None and not v1.withheld
    assert v1.counts == {"not-started": 0, "in-progress": 2, "embedded": 3}
    assert v1.shares == {"not-started": 0.0, "in-progress": 0.4, "embedded": 0.6}
    assert v1.median == "embedded"
    assert v1.value == float(Fraction(3 * 2 + 2 * 1, 5 * 2)) == 0.8
    assert v1.band == "embedded"
    assert [t.text for t in v1.texts] == ["My son Sam's teacher rings weekly."]
    s1 = view.criterion("s1")
    assert s1 is not None and s1.median == "in-progress"  # steps 0, 1, 1, 1, 2
    # v2 is rated by only 4 of 5: withheld, and it does not count.
    v2 = view.criterion("v2")
    assert v2 is not None and v2.withheld and v2.counts is None and v2.answered is None and v2.value is None
    assert v2.note is not None and "fewer than 5" in v2.note
    assert view.note is not None and "are not shown" in view.note
    values = view.sections[0]
    assert values.score.answered == 2  # v1 and v3; v2 withheld
    structures = view.sections[1].score
    assert structures.not_applicable == 1  # s3: nobody rated it, some marked it not applicable


def test_a_criterion_answered_by_four_respondents_has_no_counts_in_the_json() -> None:
    text = cp.dumps(cp.pool(_five(), FRAMEWORK))
    data = json.loads(text)
    v2 = next(entry for entry in data["criteria"] if entry["criterion"] == "v2")
    assert v2["withheld"] is True
    for name in ("answered", "not_applicable", "unanswered", "counts", "shares", "median", "value", "band"):
        assert v2[name] is None
    assert v2["texts"] == []
    assert "Parent 0" not in text and "completed_by" not in text


def test_the_minimum_group_is_configurable() -> None:
    view = cp.pool(_five(), FRAMEWORK, minimum_group=4)
    v2 = view.criterion("v2")
    assert v2 is not None and v2.counts == {"not-started": 1, "in-progress": 2, "embedded": 1}
    everything_withheld = cp.pool(_five(), FRAMEWORK, minimum_group=6)
    assert all(entry.withheld for entry in everything_withheld.criteria)
    assert everything_withheld.overall.value is None
    with pytest.raises(ValueError, match="minimum_group"):
        cp.pool(_five(), FRAMEWORK, minimum_group=0)


def test_pool_refuses_mixed_returns_naming_each_position() -> None:
    audits = _five()
    audits[1] = attrs.evolve(audits[1], perspective=cp.Perspective.SCHOOL_STAFF)
    audits[3] = attrs.evolve(audits[3], organisation=cp.Organisation("Elm School"))
    audits[4] = attrs.evolve(audits[4], framework_version="2")
    with pytest.raises(cp.IncomparableAuditsError) as caught:
        cp.pool(audits, FRAMEWORK)
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["audits[1].perspective", "audits[3].organisation", "audits[4].framework_version"]
    with pytest.raises(cp.IncomparableAuditsError):
        cp.pool([], FRAMEWORK)


# -- comparing and planning with a pool -------------------------------------------------------


def test_the_schools_audit_against_its_parent_carers_pooled_view() -> None:
    view = cp.pool(_five(), FRAMEWORK)
    comparison = cp.compare_perspectives([school_audit(), view], FRAMEWORK)
    assert comparison.audits[1].respondents == 5
    assert "pooled view (5 respondents" in comparison.audits[1].label
    v1 = comparison.criterion("v1").rating("parent-carers")
    assert (v1.rating, v1.pooled_value, v1.respondents) == ("embedded", 0.8, 5)
    agreement = comparison.agreement[0]
    # School: v1 embedded(2), v3 embedded(2), s1 in-progress(1), s2 not-started(0); v2 is withheld in the pool.
    # Within one level: v1 5/5, v3 4/5 (one not-started), s1 5/5, s2 1/5 (one in-progress).
    assert agreement.within_one == {"v1": 1.0, "v3": 0.8, "s1": 1.0, "s2": 0.2}
    assert agreement.within_one_share == pytest.approx((1 + 0.8 + 1 + 0.2) / 4)
    # Mean distance in normalised units: v1 (0*3 + 1*2)/10, v3 (2+1+0+0+1)/10, s1 (1+1+0+1+1)... see below.
    expected = [Fraction(2, 10), Fraction(4, 10), Fraction(0 + 0 + 1 + 1 + 0, 10), Fraction(2 + 2 + 2 + 1 + 2, 10)]
    assert agreement.mean_distance == pytest.approx(float(sum(expected) / 4))
    data = cp.to_dict(comparison)
    assert schemas.validate(data, data["kind"]) == []
    assert cp.from_dict(data, cp.Comparison) == comparison


def test_a_comparison_of_single_audits_writes_no_pooled_fields() -> None:
    data = cp.to_dict(cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK))
    text = json.dumps(data)
    for name in ("respondents", "pooled_value", "within_one", "mean_distance"):
        assert name not in text


def test_spread_agreement_of_two_single_answers_is_whether_they_are_within_one_level() -> None:
    assert cp.agreement_of_spreads({0: 1}, {1: 1}, 2) == (1, Fraction(1, 2))
    assert cp.agreement_of_spreads({0: 1}, {2: 1}, 2) == (0, 1)
    assert cp.agreement_of_spreads({0: 2, 2: 2}, {2: 1}, 2) == (Fraction(1, 2), Fraction(1, 2))
    with pytest.raises(ValueError):
        cp.agreement_of_spreads({}, {1: 1}, 2)


def test_propose_plan_from_a_pooled_view() -> None:
    audits = [
        attrs.evolve(
            a,
            responses=[
                attrs.evolve(r, required_actions="Hold meetings after school.") if r.criterion == "s1" else r
                for r in a.responses
            ],
        )
        for a in _five()
    ]
    view = cp.pool(audits, FRAMEWORK)
    proposal = cp.propose_plan(view, FRAMEWORK)
    assert proposal.plan.audits[0].respondents == 5
    gaps = [gap.criterion for gap in proposal.gaps]
    assert gaps == ["v3", "s1"]  # medians in progress; v1 and s2 are embedded
    s1 = proposal.plan.actions[1]
    assert s1.what.startswith("Hold meetings after school.")
    assert "v2" in proposal.unrated  # withheld: no median
    data = cp.to_dict(proposal.plan)
    assert schemas.validate(data, data["kind"]) == []


# -- the ladder from both sides ---------------------------------------------------------------


def _ladder() -> cp.Ladder:
    return cp.default_catalogue().ladder("durham-degrees-of-participation")


def test_hand_worked_ladder_comparison() -> None:
    ladder = _ladder()
    ids = [rung.id for rung in ladder.rungs]
    school = cp.LadderAssessment(
        ladder.id,
        OAK,
        cp.Perspective.SCHOOL_STAFF,
        dt.date(2025, 3, 1),
        [cp.RungPractice(rung, doing=rung in ids[1:4]) for rung in ids],
    )
    parents = cp.LadderAssessment(
        ladder.id, OAK, PARENTS, dt.date(2025, 3, 2), [cp.RungPractice(ids[1], True), cp.RungPractice(ids[2], True)]
    )
    result = cp.compare_ladder_assessments(school, parents, ladder)
    assert (result.first_highest, result.second_highest) == (ids[3], ids[2])
    assert [(d.rung, d.first, d.second) for d in result.disagreements] == [(ids[3], True, None)]
    assert f"Only school staff say these rungs are practised: {ladder.rungs[3].name}." in result.summary
    with pytest.raises(cp.IncomparableAuditsError):
        cp.compare_ladder_assessments(school, school, ladder)


@given(ladders().flatmap(lambda ladder: ladder_assessment_pairs(ladder).map(lambda pair: (ladder, pair))))
def test_ladder_comparison_properties(case: tuple[cp.Ladder, tuple[cp.LadderAssessment, cp.LadderAssessment]]) -> None:
    ladder, (first, second) = case
    result = cp.compare_ladder_assessments(first, second, ladder)
    mirrored = cp.compare_ladder_assessments(second, first, ladder)
    assert result.first_highest == (
        None if cp.place(first, ladder).highest is None else cp.place(first, ladder).highest.id
    )
    assert [d.rung for d in result.disagreements] == [d.rung for d in mirrored.disagreements]
    for d in result.disagreements:
        assert (d.first is True) != (d.second is True)
    if not result.disagreements:
        assert result.first_highest == result.second_highest and "agree on every rung" in result.summary


# -- duplicate returns ------------------------------------------------------------------------


def test_duplicates_keep_the_first_file_by_name_and_say_why() -> None:
    first = _parent({"v1": "embedded"}, day=1)
    same = attrs.evolve(first, organisation=cp.Organisation("Oak Primary School", "999901"))
    changed = _parent({"v1": "in-progress"}, day=1)
    other_day = _parent({"v1": "embedded"}, day=2)
    check = cp.find_duplicates([("c.json", changed), ("a.json", first), ("b.docx", same), ("d.json", other_day)])
    assert [name for name, _ in check.kept] == ["a.json", "d.json"]
    assert [(d.source, d.kept, d.identical) for d in check.duplicates] == [
        ("b.docx", "a.json", True),  # same answers; the URN on one only does not make it another school
        ("c.json", "a.json", False),
    ]
    assert "only a.json is counted" in check.duplicates[1].reason
    identical = cp.find_duplicates([("x.json", first), ("y.xlsx", first)])
    assert identical.duplicates[0].identical and "same answers" in identical.duplicates[0].reason
    elm = attrs.evolve(first, organisation=cp.Organisation("Oak Primary School", "111111"))
    urns = cp.find_duplicates([("a.json", same), ("b.json", elm)])
    assert not urns.duplicates  # two schools of one name, told apart by their URNs
