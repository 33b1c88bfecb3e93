"""Wording for each viewpoint, and marks of the library's own words, as the model holds them."""

from __future__ import annotations

import pytest

import coproduction as cp

PARENTS = cp.Perspective.PARENT_CARERS


def parent_wording(text: str, field: str = "text") -> cp.ViewpointWording:
    return cp.ViewpointWording(PARENTS, text, field=field, library_authored=["text"])


def test_a_criterion_keeps_its_source_text_beside_the_wording() -> None:
    criterion = cp.Criterion(
        "staff-1",
        "Your school has trained staff.",
        examples=["training days"],
        wording=[parent_wording("My child's school has trained its staff."), parent_wording("days", "examples[0]")],
    )
    assert criterion.text == "Your school has trained staff."
    assert [w.field for w in criterion.wording] == ["text", "examples[0]"]
    assert criterion.wording[0].authored_by == "library"
    assert cp.ViewpointWording("parent-carers", "Words a council wrote").authored_by == "source"  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["examples[0]", "guidance", "summary"])
def test_wording_of_a_text_the_criterion_lacks_is_refused(field: str) -> None:
    with pytest.raises(ValueError, match=r"no source text there to reword; fields that can be reworded: text$"):
        cp.Criterion("staff-1", "Staff are trained.", wording=[parent_wording("Words", field)])


def test_two_wordings_of_one_text_for_one_viewpoint_are_refused() -> None:
    with pytest.raises(ValueError, match="two parent carers wordings of 'text'"):
        cp.Criterion("staff-1", "Staff are trained.", wording=[parent_wording("One"), parent_wording("Two")])
    both = [parent_wording("One"), cp.ViewpointWording(cp.Perspective.CHILDREN_AND_YOUNG_PEOPLE, "Two")]
    assert len(cp.Criterion("staff-1", "Staff are trained.", wording=both).wording) == 2


def test_a_section_may_reword_only_a_headline_or_summary_it_has() -> None:
    criterion = cp.Criterion("c-1", "Text.")
    section = cp.Section(
        "s", "Staff", [criterion], summary="Staff listen.", wording=[parent_wording("They listen.", "summary")]
    )
    assert section.wording[0].text == "They listen."
    with pytest.raises(ValueError, match="no source text there"):
        cp.Section("s", "Staff", [criterion], wording=[parent_wording("Headline", "headline")])


def test_library_marks_name_fields_with_text_and_are_kept_sorted() -> None:
    criterion = cp.Criterion("c-1", "Text.", examples=["one"], library_authored=["examples[0]", "text", "text"])
    assert criterion.library_authored == ("examples[0]", "text")
    with pytest.raises(ValueError, match="marks 'guidance' as the library's own words"):
        cp.Criterion("c-1", "Text.", library_authored=["guidance"])
    with pytest.raises(ValueError, match="marks 'examples\\[1\\]'"):
        cp.Criterion("c-1", "Text.", examples=["one"], library_authored=["examples[1]"])
    with pytest.raises(ValueError, match="marks 'expansion'"):
        cp.Term("Carer", "Someone who cares.", "a carer", library_authored=["expansion"])
    level = cp.Level("started", "Started", 1, "We have started.", library_authored=["description"])
    assert level.library_authored == ("description",)
    with pytest.raises(ValueError, match="marks 'author'"):
        cp.Source("Council", "Toolkit", 2020, library_authored=["author"])
