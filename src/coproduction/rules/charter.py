"""Checking a charter against the ladders and frameworks it refers to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from coproduction.errors import Problem, UnknownFrameworkError, UnknownLadderError
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup
from coproduction.model.charter import Charter

__all__ = ["check_charter"]

# -- the check against the catalogue -------------------------------------------------------


@attrs.frozen
class _Reference:
    """What one commitment refers to, read from an object or from raw JSON."""

    path: str
    commitment: str
    ladder: str | None
    rung: str | None
    framework: str | None
    version: str | None
    criteria: tuple[tuple[int, str], ...]


def check_charter(charter: Charter, catalogue: CatalogueLookup) -> list[Problem]:
    """Check that every commitment points at things the catalogue has.

    A commitment must aim at a rung its ladder has, and serve criteria its
    framework (the given version, or the latest) has. A council's own ladder
    or framework is checked by adding it to the catalogue first
    (:meth:`Catalogue.including <coproduction.Catalogue.including>`).

    Args:
        charter: The charter.
        catalogue: Where ladders and frameworks are found.

    Returns:
        Every problem, each with a JSON path into the charter document and a
        message naming the commitment; empty when every reference is known.
    """
    references = [
        _Reference(
            path=f"commitments[{index}]",
            commitment=commitment.id,
            ladder=commitment.aims_at.ladder,
            rung=commitment.aims_at.rung,
            framework=commitment.serves.framework if commitment.serves else None,
            version=commitment.serves.framework_version if commitment.serves else None,
            criteria=tuple(enumerate(commitment.serves.criteria)) if commitment.serves else (),
        )
        for index, commitment in enumerate(charter.commitments)
    ]
    return list(_reference_problems(references, catalogue))


def _reference_problems(references: Iterable[_Reference], catalogue: CatalogueLookup) -> Iterator[Problem]:
    for ref in references:
        who = f"commitment {excerpt(ref.commitment)}"
        if ref.ladder is not None:
            try:
                ladder = catalogue.ladder(ref.ladder)
            except UnknownLadderError as error:
                yield Problem(
                    f"{ref.path}.aims_at.ladder",
                    "unknown-ladder",
                    f"{who} aims at a rung of ladder {excerpt(ref.ladder)}, but {error.message}",
                )
            else:
                rung_ids = [rung.id for rung in ladder.rungs]
                if ref.rung is not None and ref.rung not in rung_ids:
                    yield Problem(
                        f"{ref.path}.aims_at.rung",
                        "unknown-rung",
                        f"{who} aims at rung {excerpt(ref.rung)}, which {ladder.name} does not have; "
                        f"choose {', '.join(rung_ids)}",
                    )
        if ref.framework is None:
            continue
        try:
            framework = catalogue.framework(ref.framework, ref.version)
        except UnknownFrameworkError as error:
            code = error.problems[0].code if error.problems else "unknown-framework"
            where = "framework_version" if code == "unknown-version" else "framework"
            yield Problem(
                f"{ref.path}.serves.{where}",
                code,
                f"{who} serves criteria of {excerpt(ref.framework)}, but {error.message}",
            )
            continue
        for index, criterion in ref.criteria:
            if not framework.has_criterion(criterion):
                yield Problem(
                    f"{ref.path}.serves.criteria[{index}]",
                    "unknown-criterion",
                    f"{who} serves criterion {excerpt(criterion)}, which the {framework.label} does not have; "
                    f"its criteria look like {excerpt(framework.criteria[0].id)}",
                )
