from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given

import coproduction as cp
from coproduction.testing import frameworks, ladder_assessments, ladders


def levels(*values: int) -> list[cp.Level]:
    return [cp.Level(id=f"l{i}", name=f"L{i}", value=v) for i, v in enumerate(values)]


def test_scale_refuses_two_levels_of_one_value() -> None:
    with pytest.raises(ValueError, match=r"have the value 2"):
        cp.RatingScale(id="s", name="S", levels=levels(1, 2, 2))


def test_scale_refuses_levels_out_of_order() -> None:
    with pytest.raises(ValueError, match="lowest value first"):
        cp.RatingScale(id="s", name="S", levels=levels(3, 1))


def test_scale_refuses_duplicate_level_ids() -> None:
    with pytest.raises(ValueError, match="two levels have the id 'a'"):
        cp.RatingScale(
            id="s", name="S", levels=[cp.Level(id="a", name="A", value=1), cp.Level(id="a", name="B", value=2)]
        )


def test_scale_needs_two_levels() -> None:
    with pytest.raises(ValueError, match="at least two"):
        cp.RatingScale(id="s", name="S", levels=levels(1))


def framework_with(*sections: cp.Section) -> cp.Framework:
    return cp.Framework(
        id="f", version="1", title="F", scale=cp.RatingScale(id="s", name="S", levels=levels(1, 2)), sections=sections
    )


def test_framework_refuses_two_criteria_of_one_id() -> None:
    one = cp.Section(id="a", title="A", criteria=[cp.Criterion(id="x", text="X")])
    two = cp.Section(id="b", title="B", criteria=[cp.Criterion(id="x", text="Y")])
    with pytest.raises(ValueError, match="two criteria have the id 'x'"):
        framework_with(one, two)


def test_framework_refuses_two_sections_of_one_id() -> None:
    one = cp.Section(id="a", title="A", criteria=[cp.Criterion(id="x", text="X")])
    two = cp.Section(id="a", title="B", criteria=[cp.Criterion(id="y", text="Y")])
    with pytest.raises(ValueError, match="two sections have the id 'a'"):
        framework_with(one, two)


@pytest.mark.parametrize("bad", ["Shared Values", "shared_values", "-x", "x-", "a--b", "", "é", "a" * 65])
def test_identifiers_must_be_slugs(bad: str) -> None:
    with pytest.raises(ValueError, match="identifier of lowercase"):
        cp.Criterion(id=bad, text="X")


def test_criterion_weight_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive weight"):
        cp.Criterion(id="x", text="X", weight=0)


def test_blank_text_is_refused() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        cp.Criterion(id="x", text="   ")


def test_response_cannot_be_rated_and_not_applicable() -> None:
    with pytest.raises(ValueError, match="choose one"):
        cp.Response(criterion="x", rating="embedded", not_applicable=True)


def test_audit_refuses_a_criterion_answered_twice() -> None:
    with pytest.raises(ValueError, match="two responses have the id 'x'"):
        cp.Audit(
            framework="f",
            framework_version="1",
            organisation=cp.Organisation("School"),
            perspective="joint",
            date=dt.date(2025, 1, 1),
            responses=[cp.Response(criterion="x"), cp.Response(criterion="x", rating="a")],
        )


def test_ladder_refuses_unknown_band() -> None:
    with pytest.raises(ValueError, match="names band 'nowhere'"):
        cp.Ladder(id="l", name="L", rungs=[cp.Rung(id="a", name="A", band="nowhere"), cp.Rung(id="b", name="B")])


def test_models_are_immutable(worcestershire: cp.Framework) -> None:
    with pytest.raises(AttributeError):
        worcestershire.title = "changed"  # type: ignore[misc]


def test_framework_lookups(worcestershire: cp.Framework) -> None:
    assert worcestershire.criterion("shared-values-1").text.startswith("Your school has an ethos")
    assert worcestershire.section_of("leadership-6").id == "leadership"
    assert worcestershire.scale.names() == "Emerging, Developing or Embedded"
    with pytest.raises(KeyError):
        worcestershire.criterion("nope")


@given(frameworks())
def test_frameworks_pickle(framework: cp.Framework) -> None:
    assert pickle.loads(pickle.dumps(framework)) == framework


def test_placement_on_durham(catalogue: cp.Catalogue) -> None:
    ladder = catalogue.ladder("durham-degrees-of-participation")
    assessment = cp.LadderAssessment(
        ladder=ladder.id,
        organisation=cp.Organisation("Oak"),
        perspective="parent-carers",
        date=dt.date(2025, 1, 1),
        rungs=[
            cp.RungPractice("information", True, "newsletter"),
            cp.RungPractice("consultation", True, "annual survey"),
            cp.RungPractice("co-production", False),
        ],
    )
    placement = cp.place(assessment, ladder)
    assert placement.highest is not None and placement.highest.id == "consultation"
    assert [r.id for r in placement.not_used] == ["no-engagement", "engagement", "co-production"]


@given(ladders().flatmap(lambda ladder: ladder_assessments(ladder).map(lambda a: (ladder, a))))
def test_placement_highest_is_the_top_rung_practised(pair: tuple[cp.Ladder, cp.LadderAssessment]) -> None:
    ladder, assessment = pair
    placement = cp.place(assessment, ladder)
    doing = {entry.rung for entry in assessment.rungs if entry.doing}
    assert {r.id for r in placement.doing} == doing
    assert len(placement.doing) + len(placement.not_used) == len(ladder.rungs)
    if doing:
        assert placement.highest is not None
        assert ladder.position(placement.highest.id) == max(ladder.position(r) for r in doing)
    else:
        assert placement.highest is None


def test_placement_refuses_another_ladder(catalogue: cp.Catalogue) -> None:
    assessment = cp.LadderAssessment(
        ladder="hart-ladder-of-participation",
        organisation=cp.Organisation("Oak"),
        perspective="children-and-young-people",
        date=dt.date(2025, 1, 1),
        rungs=[],
    )
    with pytest.raises(ValueError, match="not 'durham-degrees-of-participation'"):
        cp.place(assessment, catalogue.ladder("durham-degrees-of-participation"))


def test_the_old_names_of_a_round_are_the_same_classes() -> None:
    """``CycleRating`` and ``ProgressCycle`` were renamed; the old public names still work."""
    assert cp.CycleRating is cp.RoundRating and cp.ProgressCycle is cp.ProgressRound
    assert {"CycleRating", "ProgressCycle", "ProgressRound", "RoundRating"} <= set(cp.__all__)
    assert cp.RoundRating(None, not_applicable=True).not_applicable
