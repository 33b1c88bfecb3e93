"""What changed between two versions of a framework."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import coproduction as cp
from coproduction import framework_changes
from coproduction.testing import frameworks


def version_2(framework: cp.Framework) -> cp.Framework:
    """Drop the first criterion, reword the second, add one at the end, as a council might."""
    first, *rest = framework.sections
    criteria = list(first.criteria)
    dropped = criteria.pop(0)
    if criteria:
        criteria[0] = attrs.evolve(criteria[0], text=criteria[0].text + " (reworded)")
    criteria.append(cp.Criterion(id="new-in-version-2", text="We publish what changed."))
    sections = (attrs.evolve(first, criteria=tuple(criteria)), *rest)
    assert dropped.id != "new-in-version-2"
    return attrs.evolve(framework, version=framework.version + "-2", sections=sections)


def test_a_worked_example(worcestershire: cp.Framework) -> None:
    later = version_2(worcestershire)
    changes = framework_changes(worcestershire, later)
    assert changes.added == ("new-in-version-2",)
    assert changes.removed == ("shared-values-1",)
    assert changes.reworded == ("shared-values-2",)
    assert changes.moved == ()
    assert not changes.scale_changed and not changes.unchanged
    assert changes.sentences() == [
        f"Version {later.version} adds 1 criterion: new-in-version-2.",
        f"Version {later.version} no longer has 1 criterion: shared-values-1.",
        f"Version {later.version} rewords 1 criterion: shared-values-2.",
    ]


@given(frameworks())
def test_a_framework_has_not_changed_from_itself(framework: cp.Framework) -> None:
    changes = framework_changes(framework, framework)
    assert changes.unchanged and changes.sentences() == []


@given(frameworks())
def test_added_one_way_is_removed_the_other(framework: cp.Framework) -> None:
    later = version_2(framework)
    forwards, backwards = framework_changes(framework, later), framework_changes(later, framework)
    assert forwards.added == backwards.removed and forwards.removed == backwards.added
    assert set(forwards.reworded) == set(backwards.reworded)
    assert "new-in-version-2" in forwards.added


def test_different_frameworks_are_not_versions(worcestershire: cp.Framework, durham: cp.Framework) -> None:
    with pytest.raises(ValueError, match="different frameworks"):
        framework_changes(worcestershire, durham)
