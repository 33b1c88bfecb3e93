"""Where a page's frameworks and ladders come from, and the date it reports on: the export context, read.

The exporter holds no catalogue and no date: both arrive with each call in an
:class:`~coproduction.ExportContext`, and this module only looks things up in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coproduction import Catalogue, ExportContext

__all__ = ["PageContext"]


@dataclass(frozen=True)
class PageContext:
    """The catalogue a page looks frameworks and ladders up in, and the date it reports on.

    Attributes:
        catalogue: The frameworks, ladders and glossary.
        as_of: The date overdue actions and answers are judged on.
    """

    catalogue: Catalogue
    as_of: dt.date

    @classmethod
    def of(cls, context: ExportContext) -> PageContext:
        """The page context of an export: its catalogue and its "as of" date."""
        return cls(context.catalogue, context.as_of)
