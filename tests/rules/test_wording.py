"""The one wording module: percentages as Excel shows them, dates, plurals, lists, explanations."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction import wording


def _excel_shows(numerator: int, denominator: int) -> str:
    """What Excel's "0%" format shows for numerator/denominator, worked out exactly: half away from zero."""
    hundredths = Fraction(numerator * 100, denominator)
    whole = int(abs(hundredths) + Fraction(1, 2))
    return f"{-whole if hundredths < 0 and whole else whole}%"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.125, "13%"), (0.625, "63%"), (0.375, "38%"), (0.875, "88%"), (0.0, "0%"), (1.0, "100%"), (0.285, "29%")],
)
def test_percent_rounds_half_away_from_zero(value: float, shown: str) -> None:
    assert wording.percent(value) == shown


def test_percent_of_nothing_says_so() -> None:
    assert wording.percent(None) == "no score"
    assert wording.percent(None, "-") == "-"


def test_negative_halves_round_away_from_zero() -> None:
    assert wording.percent(-0.125) == "-13%"
    assert wording.percent(-0.004) == "0%"


@pytest.mark.parametrize("k", range(1001))
def test_percent_agrees_with_excel_for_every_thousandth(k: int) -> None:
    assert wording.percent(k / 1000) == _excel_shows(k, 1000)


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=200))
def test_percent_agrees_with_excel_for_small_fractions(numerator: int, denominator: int) -> None:
    exact = Fraction(numerator * 100, denominator)
    if exact.denominator == 2 or abs(exact - round(exact)) > Fraction(1, 10**9):
        assert wording.percent(numerator / denominator) == _excel_shows(numerator, denominator)


@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1))
def test_percent_is_monotone(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert int(wording.percent(low)[:-1]) <= int(wording.percent(high)[:-1])


@given(st.floats(min_value=0, max_value=1))
def test_percent_is_within_half_a_point(value: float) -> None:
    shown = int(wording.percent(value)[:-1])
    assert 0 <= shown <= 100
    assert abs(shown - value * 100) <= 0.5 + 1e-9


def test_percent_points() -> None:
    assert wording.percent_points(0.125) == "13 points"
    assert wording.percent_points(0.01) == "1 point"


def test_dates_long_and_short() -> None:
    assert wording.long_date(dt.date(2026, 3, 3)) == "3 March 2026"
    assert wording.long_date(dt.date(2025, 12, 25)) == "25 December 2025"
    assert wording.short_date(dt.date(2026, 3, 3)) == "2026-03-03"


@given(st.dates())
def test_long_date_names_the_day_month_and_year(date: dt.date) -> None:
    day, month, year = wording.long_date(date).split(" ")
    assert (int(day), int(year)) == (date.day, date.year)
    assert month == dt.date(2000, date.month, 1).strftime("%B") or month.isalpha()


def test_plural() -> None:
    assert wording.plural(1, "action") == "1 action"
    assert wording.plural(0, "action") == "0 actions"
    assert wording.plural(2, "criterion", "criteria") == "2 criteria"
    assert wording.plural(1, "criterion", "criteria") == "1 criterion"


@pytest.mark.parametrize(
    ("parts", "joined"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_and_list(parts: list[str], joined: str) -> None:
    assert wording.and_list(parts) == joined


@given(st.lists(st.text(alphabet="xyz", min_size=1, max_size=3), max_size=6))
def test_and_list_keeps_every_part_in_order(parts: list[str]) -> None:
    joined = wording.and_list(parts)
    position = 0
    for part in parts:
        position = joined.index(part, position) + len(part)
    assert joined.count(" and ") == (1 if len(parts) > 1 else 0)


def test_explanations_are_plain_single_texts() -> None:
    assert wording.KAPPA_EXPLAINED.count(". ") == 0  # one sentence
    assert "chance" in wording.KAPPA_EXPLAINED
    assert "1 means" in wording.KAPPA_EXPLAINED
    assert "0%" in wording.SCORES_EXPLAINED and "100%" in wording.SCORES_EXPLAINED
    assert wording.scores_explained("Emerging", "Embedded").endswith("every statement rated Embedded).")
    assert "blind spot" in wording.BLIND_SPOTS_EXPLAINED.lower()
