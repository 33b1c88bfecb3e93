"""A barriers survey return: anonymous, ticks only what it asked, each barrier once."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

import coproduction as cp
from coproduction import testing


def a_return(**changes: object) -> cp.BarriersReturn:
    values: dict[str, object] = {
        "organisation": cp.Organisation("Oak School"),
        "cohort": "Year 7, September 2026",
        "date": dt.date(2026, 9, 20),
        "perspective": "parent-carers",
        "asked": ["work", "no-transport"],
        "met": ["work"],
        "other": ["Hospital visits"],
    }
    values.update(changes)
    return cp.BarriersReturn(**values)  # type: ignore[arg-type]


def test_a_return_holds_what_was_asked_and_ticked() -> None:
    found = a_return()
    assert found.perspective is cp.Perspective.PARENT_CARERS
    assert (found.asked, found.met, found.other) == (("work", "no-transport"), ("work",), ("Hospital visits",))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"asked": []}, "at least one barrier"),
        ({"asked": ["work", "work"]}, "two barriers asked about"),
        ({"met": ["work", "work"]}, "two barriers met"),
        ({"met": ["lack-of-time"]}, "not on the survey"),
        ({"other": ["  "]}, "leave out an empty one"),
        ({"cohort": " "}, "must not be empty"),
        ({"asked": ["Not An Id"]}, "identifier"),
    ],
)
def test_a_return_refuses_what_cannot_be(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        a_return(**changes)


def test_a_return_has_no_place_for_a_name() -> None:
    fields = {field.name for field in attrs.fields(cp.BarriersReturn)}
    assert fields == {"organisation", "cohort", "date", "perspective", "asked", "met", "other"}


@given(testing.barriers_returns())
def test_every_drawn_return_ticks_only_what_it_asked(drawn: cp.BarriersReturn) -> None:
    assert set(drawn.met) <= set(drawn.asked) and len(set(drawn.asked)) == len(drawn.asked)
    assert cp.loads(cp.dumps(drawn)) == drawn
