"""A hand-worked comparison and action plan for the example school, Oak Primary School, asserted exactly.

The example audits (examples/audits/worcestershire-oak-primary-*.json) rate the
31 criteria of the Worcestershire Seven Quality Standards from the school
staff's and the parent carers' viewpoints (March 2025). Working all 31 by hand
would hide the arithmetic, so this test takes two standards, Structures (2
criteria) and Staff (4 criteria): the framework cut down to those two sections,
and each audit cut down to its answers to them. Section scores do not depend
on other sections, so those two are also checked against the comparison of the
whole audits.

The scale is Emerging (value 1), Developing (2), Embedded (3). Its steps are
0, 1, 2, and a level's normalised value is (v - 1) / (3 - 1): Emerging 0,
Developing 0.5, Embedded 1. Every criterion has weight 1.

The ratings, school staff / parent carers (steps in brackets), and the gap
(school's step minus parent carers'):

    structures-1   Embedded (2)   / Developing (1)   gap +1
    structures-2   Developing (1) / Developing (1)   gap  0
    staff-1        Emerging (0)   / Emerging (0)     gap  0
    staff-2        Developing (1) / Emerging (0)     gap +1
    staff-3        Developing (1) / Developing (1)   gap  0
    staff-4        Embedded (2)   / Embedded (2)     gap  0

Section scores (mean normalised value):

    Structures  school staff (1 + 0.5) / 2           = 0.75   band: 0.75 is as near Developing (0.5) as
                                                               Embedded (1); ties go up: Embedded
                parent carers (0.5 + 0.5) / 2        = 0.5    Developing
    Staff       school staff (0 + 0.5 + 0.5 + 1) / 4 = 0.5    Developing
                parent carers (0 + 0 + 0.5 + 1) / 4  = 0.375  Developing (0.125 from 0.5, 0.375 from 0)
    Overall     school staff  (1 + 0.5 + 0 + 0.5 + 0.5 + 1) / 6 = 3.5 / 6 = 7/12
                parent carers (0.5 + 0.5 + 0 + 0 + 0.5 + 1) / 6 = 2.5 / 6 = 5/12

Agreement: all 6 criteria rated by both; 4 at the same level, exact share 4/6 = 2/3.
Mean gap (school minus parent carers): (1 + 0 + 0 + 1 + 0 + 0) / 6 = 1/3 level.

Weighted kappa (linear weights), n = 6 pairs (a, b) = (2,1) (1,1) (0,0) (1,0) (1,1) (2,2):

    observed disagreement: sum |a - b| = 1 + 0 + 0 + 1 + 0 + 0 = 2, so D_o = 2 / 6
    school staff's steps:  2 twice, 1 three times, 0 once
    parent carers' steps:  2 once,  1 three times, 0 twice
    chance disagreement: sum over every school step i and parent carer step j of count_i x count_j x |i - j|
        i = 2:  with j = 1: 2 x 3 x 1 = 6;  with j = 0: 2 x 2 x 2 = 8   -> 14
        i = 1:  with j = 2: 3 x 1 x 1 = 3;  with j = 0: 3 x 2 x 1 = 6   ->  9
        i = 0:  with j = 2: 1 x 1 x 2 = 2;  with j = 1: 1 x 3 x 1 = 3   ->  5
        total 28, so D_e = 28 / 36
    kappa = 1 - D_o / D_e = 1 - (12 / 36) / (28 / 36) = 1 - 12 / 28 = 4 / 7, about 0.571

    The same through agreement weights 1 - |i - j| / 2: P_o = 1 - (2 / 6) / 2 = 5/6,
    P_e = 1 - (28 / 36) / 2 = 11/18, and (5/6 - 11/18) / (1 - 11/18) = (4/18) / (7/18) = 4/7.

Blind spots (school staff rate higher): structures-1 and staff-2, in framework order.
Hidden strengths (parent carers rate higher): none.

The plan drafted from the comparison. A criterion is a gap when either viewpoint rates it
below Embedded (step 2): every criterion but staff-4. Each gap's priority is
(lowest step, minus the spread, place in the framework):

    structures-1  (1, -1, 0)      structures-2  (1, 0, 1)      staff-1  (0, 0, 2)
    staff-2       (0, -1, 3)      staff-3       (1, 0, 4)

so the order is staff-2, staff-1 (both Emerging, the wider gap first), then structures-1 (the
only Developing one with a gap), structures-2, staff-3 (framework order).

The plan drafted from the school staff's audit alone has no gap at structures-1 (Embedded), and
staff-2 drops behind staff-1 and structures-2: staff-1 (0, 0, 2), structures-2 (1, 0, 1),
staff-2 (1, 0, 3), staff-3 (1, 0, 4). The parent carers' lower rating is what moves staff-2 up.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from helpers import ROOT

import coproduction as cp

AUDITS = ROOT / "examples" / "audits"
PART = ("structures", "staff")


@pytest.fixture(scope="module")
def part(worcestershire: cp.Framework) -> cp.Framework:
    """The Worcestershire framework cut down to Structures and Staff (same id and version, so the audits fit)."""
    return attrs.evolve(worcestershire, sections=[s for s in worcestershire.sections if s.id in PART])


def audit(name: str, framework: cp.Framework) -> cp.Audit:
    whole: cp.Audit = cp.load(AUDITS / f"worcestershire-oak-primary-{name}.json", cp.Audit)
    kept = [response for response in whole.responses if framework.has_criterion(response.criterion)]
    return attrs.evolve(whole, responses=kept)


@pytest.fixture(scope="module")
def comparison(part: cp.Framework) -> cp.Comparison:
    return cp.compare_perspectives([audit("school-staff", part), audit("parent-carers", part)], part)


STEPS = {  # criterion: (school staff's step, parent carers' step), as in the table above
    "structures-1": (2, 1),
    "structures-2": (1, 1),
    "staff-1": (0, 0),
    "staff-2": (1, 0),
    "staff-3": (1, 1),
    "staff-4": (2, 2),
}


def test_levels_and_gaps(comparison: cp.Comparison) -> None:
    assert [c.criterion for c in comparison.criteria] == list(STEPS)
    for criterion, (school, parents) in STEPS.items():
        entry = comparison.criterion(criterion)
        assert (entry.rating("school-staff").step, entry.rating("parent-carers").step) == (school, parents)
        assert entry.gap("school-staff", "parent-carers") == school - parents
        assert entry.gap("parent-carers", "school-staff") == parents - school
        assert entry.spread == abs(school - parents)
    assert comparison.criterion("structures-1").rating("school-staff").rating == "embedded"
    assert comparison.criterion("staff-2").rating("parent-carers").rating == "emerging"


def test_section_and_overall_scores(comparison: cp.Comparison, worcestershire: cp.Framework) -> None:
    expected = {
        "school-staff": {"structures": (0.75, "embedded"), "staff": (0.5, "developing")},
        "parent-carers": {"structures": (0.5, "developing"), "staff": (0.375, "developing")},
    }
    for perspective, sections in expected.items():
        scores = comparison.scores_of(perspective)
        for section, (value, band) in sections.items():
            assert (scores.section(section).score.value, scores.section(section).score.band) == (value, band)
    assert comparison.scores_of("school-staff").overall.value == pytest.approx(7 / 12, abs=1e-12)
    assert comparison.scores_of("parent-carers").overall.value == pytest.approx(5 / 12, abs=1e-12)
    assert comparison.scores_of("school-staff").overall.band == "developing"
    assert comparison.scores_of("parent-carers").overall.band == "developing"
    # A section's score does not depend on the others: the whole audits give the same two.
    whole = cp.compare_perspectives(
        [audit("school-staff", worcestershire), audit("parent-carers", worcestershire)], worcestershire
    )
    for perspective, sections in expected.items():
        for section, (value, _) in sections.items():
            assert whole.scores_of(perspective).section(section).score.value == value


def test_agreement_and_weighted_kappa(comparison: cp.Comparison) -> None:
    (agreement,) = comparison.agreement
    assert (agreement.first, agreement.second) == (cp.Perspective.SCHOOL_STAFF, cp.Perspective.PARENT_CARERS)
    assert (agreement.compared, agreement.exact) == (6, 4)
    assert agreement.exact_share == pytest.approx(2 / 3, abs=1e-12)
    assert agreement.mean_gap == pytest.approx(1 / 3, abs=1e-12)
    assert agreement.kappa == float(Fraction(4, 7))
    assert agreement.kappa_note is None
    assert cp.weighted_kappa(STEPS.values()) == float(Fraction(4, 7))
    assert round(agreement.kappa, 3) == 0.571


def test_blind_spots_and_hidden_strengths(comparison: cp.Comparison) -> None:
    assert [c.criterion for c in comparison.blind_spots] == ["structures-1", "staff-2"]
    assert comparison.hidden_strengths == ()
    assert [c.criterion for c in comparison.disagreements] == ["structures-1", "staff-2"]


def test_the_plan_from_the_comparison(comparison: cp.Comparison, part: cp.Framework) -> None:
    proposal = cp.propose_plan(comparison, part)
    assert [gap.criterion for gap in proposal.gaps] == ["staff-2", "staff-1", "structures-1", "structures-2", "staff-3"]
    assert [gap.priority for gap in proposal.gaps] == [(0, -1, 3), (0, 0, 2), (1, -1, 0), (1, 0, 1), (1, 0, 4)]
    assert [gap.level for gap in proposal.gaps] == ["emerging", "emerging", "developing", "developing", "developing"]
    assert [action.id for action in proposal.plan.actions] == [
        "improve-staff-2",
        "improve-staff-1",
        "improve-structures-1",
        "improve-structures-2",
        "improve-staff-3",
    ]
    assert proposal.unrated == () and proposal.not_applicable == ()
    staff_2 = proposal.plan.actions[0]
    assert staff_2.criteria == ("staff-2",)
    assert staff_2.what == (
        "School staff: Include parent carers in staff training.\n"
        "Parent carers: Involve parent carers in training staff."
    )
    assert staff_2.notes == (
        "School staff: Ask a parent carer to co-deliver next year's training.\n"
        "Parent carers: Ask the parent carer group for volunteers."
    )
    assert staff_2.success_measure == "Staff, statement 2 is rated Embedded from every viewpoint when it is next rated."
    # Only the parent carers wrote a required action for structures-1 (the school rated it Embedded).
    assert proposal.plan.actions[2].what == "Parent carers: Offer every family a choice of time."
    assert proposal.plan.audits == comparison.audits


def test_the_plan_from_the_school_staff_audit_alone(part: cp.Framework) -> None:
    proposal = cp.propose_plan(audit("school-staff", part), part)
    assert [gap.criterion for gap in proposal.gaps] == ["staff-1", "structures-2", "staff-2", "staff-3"]
    assert [gap.priority for gap in proposal.gaps] == [(0, 0, 2), (1, 0, 1), (1, 0, 3), (1, 0, 4)]
    assert proposal.plan.actions[0].what == "Mention co-production in recruitment."
    assert proposal.plan.actions[0].success_measure == "Staff, statement 1 is rated Embedded when it is next rated."
