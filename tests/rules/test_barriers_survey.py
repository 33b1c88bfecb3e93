"""Summing up barriers survey returns: the rule's invariants and examples."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction import testing
from coproduction.catalogue import default_catalogue

CATALOGUE = default_catalogue()
BARRIERS = CATALOGUE.barriers()
IDS = [barrier.id for barrier in BARRIERS]
POSITION = {barrier: index for index, barrier in enumerate(IDS)}
returns = st.lists(testing.barriers_returns(IDS), min_size=1, max_size=12)


def summarise(items: list[cp.BarriersReturn], **kwargs: object) -> cp.BarriersSummary:
    return cp.summarise_barriers(items, BARRIERS, CATALOGUE.approaches(), CATALOGUE.help_links(), **kwargs)  # type: ignore[arg-type]


def a_return(met: list[str], asked: list[str] | None = None, other: tuple[str, ...] = ()) -> cp.BarriersReturn:
    return cp.BarriersReturn(
        organisation=cp.Organisation("Oak School"),
        cohort="Reception, September 2026",
        date=dt.date(2026, 9, 20),
        perspective=cp.Perspective.PARENT_CARERS,
        asked=asked or IDS,
        met=met,
        other=other,
    )


@given(returns)
def test_counts_add_up_and_stay_within_the_returns(items: list[cp.BarriersReturn]) -> None:
    summary = summarise(items)
    assert summary.returns == len(items)
    for count in summary.counts:
        assert 0 <= count.met <= count.asked <= summary.returns
        assert count.met == sum(1 for item in items if count.barrier in item.met)
    assert sum(count.met for count in summary.counts) == sum(len(item.met) for item in items)
    assert {count.barrier for count in summary.counts} == {b for item in items for b in item.asked}


@given(returns)
def test_most_often_met_come_first_ties_in_list_order(items: list[cp.BarriersReturn]) -> None:
    keys = [(-count.met, POSITION[count.barrier]) for count in summarise(items).counts]
    assert keys == sorted(keys)


@given(returns, st.integers(1, 5))
def test_the_most_common_are_the_top_of_the_counts_with_ties_kept(items: list[cp.BarriersReturn], top: int) -> None:
    summary = summarise(items, top=top)
    met = {count.barrier: count.met for count in summary.counts}
    assert all(met[barrier] > 0 for barrier in summary.most_common)
    assert list(summary.most_common) == [c.barrier for c in summary.counts[: len(summary.most_common)]]
    nonzero = [count for count in summary.counts if count.met > 0]
    assert len(summary.most_common) >= min(top, len(nonzero))
    if summary.most_common:
        cut = min(met[barrier] for barrier in summary.most_common)
        assert all(count.met < cut for count in summary.counts[len(summary.most_common) :])


@given(returns)
def test_suggestions_are_those_for_the_most_common(items: list[cp.BarriersReturn]) -> None:
    summary = summarise(items)
    expected = cp.suggest_approaches(CATALOGUE.approaches(), CATALOGUE.help_links(), barriers=summary.most_common)
    assert list(summary.suggestions) == expected
    for suggestion in summary.suggestions:
        assert all(link.target in summary.most_common for link in suggestion.links)


@given(returns, st.randoms(use_true_random=False))
def test_the_order_of_the_returns_changes_nothing(items: list[cp.BarriersReturn], random: object) -> None:
    shuffled = list(items)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert summarise(shuffled) == summarise(items)


@given(returns, st.integers(1, 8))
def test_own_words_are_shown_only_for_a_big_enough_group(items: list[cp.BarriersReturn], minimum: int) -> None:
    summary = summarise(items, minimum_group=minimum)
    assert summary.other_withheld is (len(items) < minimum)
    if summary.other_withheld:
        assert summary.other == ()
    else:
        assert sorted(summary.other) == sorted(text.strip() for item in items for text in item.other)


def test_an_example_cohort() -> None:
    items = [a_return(["work", "no-transport"]), a_return(["work"]), a_return([], other=("Hospital visits",))]
    summary = summarise(items, minimum_group=3, top=1)
    assert [(c.barrier, c.met) for c in summary.counts[:3]] == [("work", 2), ("no-transport", 1), (IDS[0], 0)]
    assert summary.most_common == ("work",)
    assert summary.other == ("Hospital visits",)
    assert summary.cohorts == ("Reception, September 2026",)
    assert summary.suggestions, "the catalogue links approaches to work"


def test_a_priority_group_adds_its_approaches() -> None:
    group = CATALOGUE.priority_groups()[0].id
    plain = summarise([a_return(["work"])])
    wider = summarise([a_return(["work"])], groups=[group])
    assert {s.approach.id for s in plain.suggestions} <= {s.approach.id for s in wider.suggestions}


def test_no_returns_and_unknown_barriers_are_refused() -> None:
    with pytest.raises(cp.InvalidDocumentError, match="no barriers survey returns"):
        summarise([])
    with pytest.raises(cp.InvalidDocumentError) as caught:
        summarise([a_return(["a-council-barrier"], asked=["work", "a-council-barrier"])])
    assert [(p.path, p.code) for p in caught.value.problems] == [("returns[0].asked[1]", "unknown-barrier")]
    with pytest.raises(ValueError, match="at least 1"):
        summarise([a_return([])], top=0)


def test_a_return_ticks_only_what_it_asked_and_names_no_one() -> None:
    with pytest.raises(ValueError, match="not on the survey"):
        a_return(["work"], asked=["no-transport"])
    with pytest.raises(ValueError, match="at least one barrier"):
        cp.BarriersReturn(
            organisation=cp.Organisation("Oak"),
            cohort="Y7",
            date=dt.date(2026, 1, 1),
            perspective="parent-carers",
            asked=[],
        )
    with pytest.raises(ValueError, match="empty one"):
        a_return([], other=("  ",))
    names = {field.name for field in __import__("attrs").fields(cp.BarriersReturn)}
    assert not names & {"completed_by", "name", "child", "respondent"}


def test_the_check_names_each_place() -> None:
    data = cp.to_dict(a_return(["work"]))
    data["asked"] = ["work", "work"]
    data["met"] = ["no-transport"]
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(__import__("json").dumps(data))
    codes = {(p.path, p.code) for p in caught.value.problems}
    assert ("met[0]", "not-asked") in codes
