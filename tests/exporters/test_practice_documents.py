"""The barriers survey and evaluation slip views: what a survey shows, and the fingerprints that tie files back."""

from __future__ import annotations

import attrs
import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.catalogue import default_catalogue

CATALOGUE = default_catalogue()
BARRIERS = CATALOGUE.barriers()


def test_a_survey_shows_the_source_wording_or_a_short_label() -> None:
    assert cp.survey_text(CATALOGUE.barrier("work")) == "Work"
    assert cp.survey_text(CATALOGUE.barrier("negative-experiences-of-school")) == (
        "Negative experiences of school themselves"
    )
    respect = CATALOGUE.barrier("not-respected-as-experts")
    assert cp.survey_text(respect) == respect.wording, "a labelled wording of one short sentence is shown whole"
    long = CATALOGUE.barrier("lack-of-communication")
    assert cp.survey_text(long) == long.label, "a wording longer than one plain sentence is shown by its label"


def test_every_barrier_on_a_survey_passes_the_plain_english_check_for_parent_carers() -> None:
    checker = cp.PlainEnglishChecker(CATALOGUE.glossary())
    assert [f for b in BARRIERS for f in checker.check_text(cp.survey_text(b), b.id)] == []


def test_the_fingerprint_changes_with_the_words_and_the_order() -> None:
    first = cp.BarriersSurveyTemplate(barriers=BARRIERS)
    assert first.fingerprint == cp.barrier_fingerprint(tuple(BARRIERS)) and len(first.fingerprint) == 16
    assert cp.BarriersSurveyTemplate(barriers=BARRIERS[::-1]).fingerprint != first.fingerprint
    changed = [attrs.evolve(BARRIERS[0], wording=BARRIERS[0].wording + "!"), *BARRIERS[1:]]
    assert cp.BarriersSurveyTemplate(barriers=changed).fingerprint != first.fingerprint


def test_a_survey_lists_some_barriers_each_once() -> None:
    with pytest.raises(ValueError, match="at least one barrier"):
        cp.BarriersSurveyTemplate(barriers=[])
    with pytest.raises(ValueError, match="two barriers"):
        cp.BarriersSurveyTemplate(barriers=[BARRIERS[0], BARRIERS[0]])


def test_a_slip_s_fingerprint_ignores_the_slips_already_added() -> None:
    activity = cp.load(ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json")
    assert cp.activity_fingerprint(attrs.evolve(activity, evaluation=())) == cp.activity_fingerprint(activity)
    assert cp.activity_fingerprint(attrs.evolve(activity, title="Another")) != cp.activity_fingerprint(activity)
    assert cp.EvaluationSlipTemplate(activity).fingerprint == cp.activity_fingerprint(activity)
