"""Which approaches help with which barriers: the lookup's invariants."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.catalogue import default_catalogue

CATALOGUE = default_catalogue()
BARRIERS = [b.id for b in CATALOGUE.barriers()]
GROUPS = [g.id for g in CATALOGUE.priority_groups()]
asked = st.tuples(st.sets(st.sampled_from(BARRIERS)), st.sets(st.sampled_from(GROUPS)))


@given(asked)
def test_every_suggestion_is_linked_to_something_asked(pair: tuple[set[str], set[str]]) -> None:
    barriers, groups = pair
    suggestions = cp.suggest_approaches(
        CATALOGUE.approaches(), CATALOGUE.help_links(), barriers=barriers, groups=groups
    )
    assert len({s.approach.id for s in suggestions}) == len(suggestions)
    for suggestion in suggestions:
        assert suggestion.links
        for link in suggestion.links:
            assert link.approach == suggestion.approach.id
            wanted = barriers if link.target_kind is cp.TargetKind.BARRIER else groups
            assert link.target in wanted
    counts = [len(s.links) for s in suggestions]
    assert counts == sorted(counts, reverse=True), "the most helpful come first"


@given(asked, asked)
def test_asking_about_more_never_drops_a_suggestion(
    first: tuple[set[str], set[str]], more: tuple[set[str], set[str]]
) -> None:
    def ids(barriers: set[str], groups: set[str]) -> set[str]:
        found = cp.suggest_approaches(CATALOGUE.approaches(), CATALOGUE.help_links(), barriers=barriers, groups=groups)
        return {s.approach.id for s in found}

    assert ids(*first) <= ids(first[0] | more[0], first[1] | more[1])


def test_nothing_asked_nothing_suggested() -> None:
    assert cp.suggest_approaches(CATALOGUE.approaches(), CATALOGUE.help_links()) == []


def test_working_parents_are_helped_first_by_what_the_source_vouches_for() -> None:
    suggestions = CATALOGUE.suggest_approaches(barriers=["work"], groups=["working-parents"])
    assert suggestions[0].from_source
    assert "send-coffee-mornings" in {s.approach.id for s in suggestions}
