"""Choosing the words a reader sees: the viewpoint's wording, else the source's; and whose words they are."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.testing import frameworks

PARENTS = cp.Perspective.PARENT_CARERS
STAFF = cp.Perspective.SCHOOL_STAFF

CRITERION = cp.Criterion(
    "staff-1",
    "Your school has trained staff.",
    examples=["training days", "mentoring"],
    wording=[
        cp.ViewpointWording(PARENTS, "My child's school has trained its staff.", library_authored=["text"]),
        cp.ViewpointWording(PARENTS, "days when staff learn", field="examples[0]", library_authored=["text"]),
    ],
    library_authored=["examples[1]"],
)


def test_wording_for_gives_the_viewpoint_its_own_words() -> None:
    assert cp.wording_for(CRITERION, PARENTS) == "My child's school has trained its staff."


def test_wording_for_falls_back_to_the_source_text() -> None:
    assert cp.wording_for(CRITERION, STAFF) == "Your school has trained staff."
    assert cp.wording_for(CRITERION, None) == "Your school has trained staff."


def test_examples_for_mixes_wording_and_source_in_order() -> None:
    assert cp.examples_for(CRITERION, PARENTS) == ("days when staff learn", "mentoring")
    assert cp.examples_for(CRITERION, STAFF) == ("training days", "mentoring")


def test_worded_says_whose_words_are_shown() -> None:
    adapted = cp.worded(CRITERION, "text", PARENTS)
    assert adapted.adapted and adapted.by_library and adapted.source_text == "Your school has trained staff."
    source = cp.worded(CRITERION, "text", STAFF)
    assert not source.adapted and not source.by_library
    marked = cp.worded(CRITERION, "examples[1]", PARENTS)
    assert not marked.adapted and marked.by_library
    assert cp.is_library_authored(CRITERION, "examples[1]") and not cp.is_library_authored(CRITERION, "text")


def test_section_and_level_texts_are_worded_by_field() -> None:
    section = cp.Section(
        "staff",
        "Staff",
        [CRITERION],
        summary="Staff are skilled.",
        wording=[cp.ViewpointWording(PARENTS, "The staff know what they are doing.", field="summary")],
    )
    assert cp.wording_for(section, PARENTS, "summary") == "The staff know what they are doing."
    assert not cp.worded(section, "summary", PARENTS).by_library  # the source published this wording
    level = cp.Level("started", "Started", 1, "We have started.")
    assert cp.wording_for(level, PARENTS, "description") == "We have started."


@given(frameworks(), st.sampled_from(list(cp.Perspective)))
def test_without_wording_every_viewpoint_reads_the_source(framework: cp.Framework, viewpoint: cp.Perspective) -> None:
    for criterion in framework.criteria:
        assert cp.wording_for(criterion, viewpoint) == criterion.text
        assert cp.examples_for(criterion, viewpoint) == criterion.examples
