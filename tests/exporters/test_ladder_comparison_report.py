"""The view of two viewpoints' ladder assessments compared: refused when incomparable, its sentences plain English."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coproduction as cp
from coproduction.testing import ladder_assessment_pairs

CATALOGUE = cp.default_catalogue()
LADDERS = CATALOGUE.ladders()
FAMILY_JARGON = ("perspective", "criterion", "criteria", "kappa")


def _quoted_out(text: str, ladder: cp.Ladder) -> str:
    for name in sorted([ladder.name, *(rung.name for rung in ladder.rungs)], key=len, reverse=True):
        text = text.replace(name, "")
    return text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LADDERS).flatmap(lambda ladder: st.tuples(st.just(ladder), ladder_assessment_pairs(ladder))))
def test_every_sentence_is_plain_english_and_true_to_the_comparison(drawn) -> None:
    ladder, (first, second) = drawn
    report = cp.LadderComparisonReport(ladder, first, second)
    assert report.comparison == cp.compare_ladder_assessments(first, second, ladder)
    sentences = [report.highest_sentence(0), report.highest_sentence(1), report.description()]
    sentences += [report.difference_sentence(entry.rung) for entry in report.comparison.disagreements]
    checker = cp.default_checker()
    for sentence in sentences:
        plain = _quoted_out(sentence.replace(report.first.organisation.name, ""), ladder)
        assert cp.check_plain_english(plain, checker=checker) == [], sentence
        assert not [word for word in FAMILY_JARGON if word in plain.casefold()]
    for which, highest in enumerate((report.comparison.first_highest, report.comparison.second_highest)):
        if highest is None:
            assert "no rung" in report.highest_sentence(which)
        else:
            assert report.highest_sentence(which).endswith(f": {ladder.rung(highest).name}.")
    for number, rung in enumerate(ladder.rungs, start=1):
        assert f"Rung {number}, {rung.name}: " in report.description()
        for which, assessment in enumerate((first, second)):
            entry = next((e for e in assessment.rungs if e.rung == rung.id), None)
            expected = "not answered" if entry is None else "doing" if entry.doing else "not doing"
            assert report.state(which, rung.id) == expected


def _assessment(perspective: cp.Perspective, organisation: str = "Oak School") -> cp.LadderAssessment:
    ladder = LADDERS[0]
    return cp.LadderAssessment(
        ladder.id,
        cp.Organisation(organisation),
        perspective,
        dt.date(2026, 1, 1),
        [cp.RungPractice(ladder.rungs[0].id, True)],
    )


def test_assessments_of_one_viewpoint_are_refused_when_the_view_is_built() -> None:
    with pytest.raises(cp.IncomparableAuditsError) as raised:
        cp.LadderComparisonReport(
            LADDERS[0], _assessment(cp.Perspective.SCHOOL_STAFF), _assessment(cp.Perspective.SCHOOL_STAFF)
        )
    assert [problem.code for problem in raised.value.problems] == ["same-perspective"]


def test_assessments_of_two_organisations_are_refused() -> None:
    with pytest.raises(cp.IncomparableAuditsError) as raised:
        cp.LadderComparisonReport(
            LADDERS[0], _assessment(cp.Perspective.SCHOOL_STAFF), _assessment(cp.Perspective.PARENT_CARERS, "Elm")
        )
    assert [problem.code for problem in raised.value.problems] == ["different-organisation"]


def test_an_assessment_against_another_ladder_is_refused() -> None:
    with pytest.raises(ValueError, match="ladder"):
        cp.LadderComparisonReport(
            LADDERS[1], _assessment(cp.Perspective.SCHOOL_STAFF), _assessment(cp.Perspective.PARENT_CARERS)
        )
