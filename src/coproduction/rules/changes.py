"""What changed between two versions of a framework.

A filled-in template answers the framework version it was made from. When a
council has since published a newer version, the audit still imports as an
audit of the version it answers, and these changes say what the newer version
does differently, so nobody mistakes one for the other.
"""

from __future__ import annotations

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model.framework import Framework

__all__ = ["FrameworkChanges", "framework_changes"]


@attrs.frozen
class FrameworkChanges:
    """The differences from one version of a framework to another.

    Attributes:
        framework: The framework id.
        from_version: The earlier version.
        to_version: The later version.
        added: Criteria only in the later version, in its order.
        removed: Criteria only in the earlier version, in its order.
        reworded: Criteria in both whose wording changed.
        moved: Criteria in both that are in a different section.
        scale_changed: True when the rating scale's levels differ.
    """

    framework: str
    from_version: str
    to_version: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reworded: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    scale_changed: bool = False

    @property
    def unchanged(self) -> bool:
        """True when the two versions ask the same questions on the same scale."""
        return not (self.added or self.removed or self.reworded or self.moved or self.scale_changed)

    def sentences(self) -> list[str]:
        """The changes in plain English, one sentence each; empty when nothing changed."""
        said = []
        if self.added:
            said.append(f"Version {self.to_version} adds {_count(self.added)}: {', '.join(self.added)}.")
        if self.removed:
            said.append(f"Version {self.to_version} no longer has {_count(self.removed)}: {', '.join(self.removed)}.")
        if self.reworded:
            said.append(f"Version {self.to_version} rewords {_count(self.reworded)}: {', '.join(self.reworded)}.")
        if self.moved:
            said.append(
                f"Version {self.to_version} moves {_count(self.moved)} to another section: {', '.join(self.moved)}."
            )
        if self.scale_changed:
            said.append(f"Version {self.to_version} rates on a different scale.")
        return said


def _count(ids: tuple[str, ...]) -> str:
    return "1 criterion" if len(ids) == 1 else f"{len(ids)} criteria"


def framework_changes(earlier: Framework, later: Framework) -> FrameworkChanges:
    """Say what changed from one version of a framework to another.

    Args:
        earlier: The version an audit answers.
        later: The version to compare it with, usually the latest.

    Returns:
        The criteria added, removed, reworded and moved, and whether the scale changed.

    Raises:
        ValueError: If the two are different frameworks.
    """
    if earlier.id != later.id:
        raise ValueError(
            f"{excerpt(earlier.id)} and {excerpt(later.id)} are different frameworks, not two versions of one"
        )
    before = {criterion.id: criterion for criterion in earlier.criteria}
    after = {criterion.id: criterion for criterion in later.criteria}
    shared = [criterion_id for criterion_id in after if criterion_id in before]
    return FrameworkChanges(
        framework=later.id,
        from_version=earlier.version,
        to_version=later.version,
        added=tuple(criterion_id for criterion_id in after if criterion_id not in before),
        removed=tuple(criterion_id for criterion_id in before if criterion_id not in after),
        reworded=tuple(c for c in shared if before[c].text.strip() != after[c].text.strip()),
        moved=tuple(c for c in shared if earlier.section_of(c).id != later.section_of(c).id),
        scale_changed=[(level.id, level.value) for level in earlier.scale.levels]
        != [(level.id, level.value) for level in later.scale.levels],
    )
