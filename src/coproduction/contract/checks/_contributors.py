"""Cross-check of a contributor inside any document (private)."""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.errors import Problem
from coproduction.model.contributors import _HAS_TEXT, Group

__all__ = ["check_contributor_data"]


def check_contributor_data(data: object, path: str) -> Iterator[Problem]:
    """Say in plain words what a contributor in a document lacks (the schema enforces it too).

    Args:
        data: The parsed JSON of one contributor; anything else is skipped.
        path: Its JSON path, such as ``entries[3].said_by``.

    Yields:
        A problem when the group is "other" and the label does not say who.
    """
    if isinstance(data, dict) and data.get("group") == Group.OTHER.value:
        label = data.get("label")
        if not (isinstance(label, str) and _HAS_TEXT.search(label)):
            yield Problem(
                f"{path}.label",
                "missing-label",
                "the group is 'other', so say who they are in the label (a group or a role, never a child's name)",
            )
