"""The notes a pooled view carries about withheld statements are plain English a parent carer can read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.rules.plain_english import MAX_SENTENCE_WORDS

PARENTS = cp.Perspective.PARENT_CARERS
FAMILY_JARGON = ("criterion", "criteria", "respondent")


def _findings(text: str) -> list[str]:
    return [str(finding) for finding in cp.check_plain_english(text, checker=cp.default_checker())]


@given(st.integers(min_value=1, max_value=500))
def test_the_withheld_note_passes_the_plain_english_check(minimum_group: int) -> None:
    note = cp.withheld_note(minimum_group)
    assert _findings(note) == []
    assert not any(word in note.casefold() for word in FAMILY_JARGON)
    assert len(note.split()) <= MAX_SENTENCE_WORDS
    assert f"fewer than {minimum_group} " in note


def test_the_withheld_note_counts_one_person_as_one() -> None:
    assert "fewer than 1 person rated" in cp.withheld_note(1)
    assert "fewer than 5 people rated" in cp.withheld_note(5)


def _returns(framework: cp.Framework, raters_of_first: int, count: int = 6) -> list[cp.Audit]:
    levels = [level.id for level in framework.scale.levels]
    first = framework.criteria[0].id
    return [
        cp.Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=cp.Organisation("Oak School"),
            perspective=PARENTS,
            date=dt.date(2026, 3, 1 + index),
            responses=[
                cp.Response(
                    criterion=criterion.id,
                    rating=None if criterion.id == first and index >= raters_of_first else levels[index % len(levels)],
                )
                for criterion in framework.criteria
            ],
        )
        for index in range(count)
    ]


@pytest.mark.parametrize(
    "framework_id", ["worcestershire-seven-quality-standards", "durham-audit-tool-for-participation"]
)
@pytest.mark.parametrize("minimum_group", [1, 5, 7])
def test_every_note_of_a_pooled_view_passes_the_plain_english_check(framework_id: str, minimum_group: int) -> None:
    framework = cp.default_catalogue().framework(framework_id)
    view = cp.pool(_returns(framework, raters_of_first=3), framework, minimum_group=minimum_group)
    notes = [entry.note for entry in view.criteria if entry.note is not None]
    if view.note is not None:
        notes.append(view.note)
    withheld = [entry for entry in view.criteria if entry.withheld]
    assert len(withheld) == (0 if minimum_group == 1 else 1 if minimum_group == 5 else len(view.criteria))
    assert len(notes) == len(withheld) + (1 if withheld else 0)
    for note in notes:
        assert _findings(note) == [], note
        assert not any(word in note.casefold() for word in FAMILY_JARGON), note
    for entry in withheld:
        assert entry.note == cp.withheld_note(minimum_group)
