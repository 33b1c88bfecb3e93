"""The documents' own phrases for each viewpoint: plain for families, the same values asked of every viewpoint."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.rules.phrases import Phrase, actions_done, phrase, placeholders, section_word

FAMILIES = [cp.Perspective.PARENT_CARERS, cp.Perspective.CHILDREN_AND_YOUNG_PEOPLE, cp.Perspective.JOINT]
JARGON = re.compile(
    r"kappa|fingerprint|perspective|exporter|criteri|rated itself|your organisation|still planned", re.I
)
VALUES = {
    "organisation": "Oak School",
    "framework": "Worcestershire Seven Quality Standards",
    "date": "1 March 2026",
    "first": "school staff",
    "second": "parent carers",
    "reason": "fewer than two statements were rated by both",
    "id": "worcestershire-seven-quality-standards",
    "version": "1",
    "code": "a1b2c3",
    "found": "a1b2c3",
    "expected": "d4e5f6",
    "what": "a feedback log",
    "kinds": "checklists, reports and plans",
    "done": 3,
    "total": 8,
    "dropped": 2,
}


@pytest.mark.parametrize("viewpoint", list(cp.Perspective))
@pytest.mark.parametrize("key", list(Phrase))
def test_every_phrase_is_worded_for_every_viewpoint_with_the_same_values(
    key: Phrase, viewpoint: cp.Perspective
) -> None:
    assert placeholders(key, viewpoint) == placeholders(key, cp.Perspective.SCHOOL_STAFF)
    assert "{" not in phrase(key, viewpoint, **VALUES)


@pytest.mark.parametrize("viewpoint", FAMILIES)
def test_families_meet_no_jargon_and_the_check_finds_nothing(
    catalogue: cp.Catalogue, viewpoint: cp.Perspective
) -> None:
    checker = cp.PlainEnglishChecker(catalogue.glossary())
    for key in Phrase:
        text = phrase(key, viewpoint, **VALUES)
        assert not JARGON.search(text), (key, text)
        assert checker.check_text(text, key.value) == [], (key, text)


def test_who_rated_is_said_in_the_reader_s_terms() -> None:
    parents = phrase(Phrase.REPORT_INTRODUCTION, cp.Perspective.PARENT_CARERS, **VALUES)
    assert parents.startswith("This report shows how parent carers rated Oak School")
    staff = phrase(Phrase.REPORT_INTRODUCTION, cp.Perspective.SCHOOL_STAFF, **VALUES)
    assert "staff at Oak School" in staff
    assert "your child's school" in phrase(Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION, cp.Perspective.PARENT_CARERS)
    assert phrase(Phrase.STATEMENT, cp.Perspective.PARENT_CARERS) == "statement"
    assert "weighted kappa" in phrase(Phrase.AGREEMENT_NOTE, cp.Perspective.SCHOOL_STAFF)
    assert phrase(Phrase.AGREEMENT_NOTE, cp.Perspective.PARENT_CARERS) == ""


def test_a_missing_value_is_named() -> None:
    with pytest.raises(KeyError, match=r"report-introduction.*needs date, framework, organisation"):
        phrase(Phrase.REPORT_INTRODUCTION, cp.Perspective.PARENT_CARERS)


def test_actions_done_gives_counts_not_a_share() -> None:
    parents = cp.Perspective.PARENT_CARERS
    assert actions_done(0, 8, 0, parents) == "None of the 8 actions is done yet."
    assert actions_done(3, 8, 2, parents) == "3 of the 8 actions are done. 2 actions were dropped, and are not counted."
    assert actions_done(1, 1, 1, parents) == "The action is done. 1 action was dropped, and is not counted."
    assert actions_done(0, 0, 0, parents) == "There are no actions yet."
    with pytest.raises(ValueError, match="cannot say 9 of 8"):
        actions_done(9, 8, 0, parents)


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 5), st.sampled_from(list(cp.Perspective)))
def test_actions_done_never_says_a_percentage(done: int, extra: int, dropped: int, viewpoint: cp.Perspective) -> None:
    sentence = actions_done(done, done + extra, dropped, viewpoint)
    assert "%" not in sentence and sentence.endswith(".")
    assert (str(done + extra) in sentence) or done + extra <= 1


def test_section_word() -> None:
    assert section_word("worcestershire-seven-quality-standards") == "standard"
    assert section_word("durham-audit-tool-for-participation") == "part"
    assert section_word("shire-standards") == "part"
