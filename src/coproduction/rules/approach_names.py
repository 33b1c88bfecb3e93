"""The name a document shows for an approach id: the catalogue's name for it, or the id itself."""

from __future__ import annotations

from coproduction.model.catalogue import CatalogueLookup

__all__ = ["approach_name"]


def approach_name(catalogue: CatalogueLookup, approach_id: str) -> str:
    """The name of the approach with this id, such as "SEND coffee mornings"; the id when the catalogue lacks it.

    Args:
        catalogue: Where the approaches are found.
        approach_id: The id a plan's action or a feedback entry names.
    """
    return next((approach.name for approach in catalogue.approaches() if approach.id == approach_id), approach_id)
