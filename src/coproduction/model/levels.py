"""Barnsley's three levels of participation: individual, service and strategic."""

from __future__ import annotations

import enum

from coproduction.model.source import CitedSource

__all__ = ["LEVELS_SOURCE", "ParticipationLevel"]

LEVELS_SOURCE = CitedSource(
    publisher="Barnsley Metropolitan Borough Council",
    title="Engagement and Participation Strategy for Children, Young People, Parents and Carers 2020 \N{EN DASH} 2022",
    year=2020,
)
"""Where the levels and their descriptions come from."""


class ParticipationLevel(enum.Enum):
    """The level at which children, young people and parent carers take part.

    Barnsley's "three levels of engagement"; the labels and descriptions are
    its words (:data:`LEVELS_SOURCE`).
    """

    INDIVIDUAL = "individual"
    SERVICE = "service"
    STRATEGIC = "strategic"

    @property
    def label(self) -> str:
        """The source's name for the level, such as "Service level"."""
        return f"{self.value.capitalize()} level"

    @property
    def description(self) -> str:
        """What taking part at this level means, in the source's words."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    ParticipationLevel.INDIVIDUAL: (
        "children, young people and parents/carers are actively involved with the services that are working with "
        "them, and in any formal processes about them, so they get the best outcome that is based on their own "
        "wishes and aspirations."
    ),
    ParticipationLevel.SERVICE: (
        "children, young people and parents/carers participate and feedback to services to help them to become "
        "user focused and to shape them for the future."
    ),
    ParticipationLevel.STRATEGIC: (
        "children, young people's and parents/carers experiences and views are used collectively to identify and "
        "inform local area strategic developments in true co-production with the local area SEND system."
    ),
}
