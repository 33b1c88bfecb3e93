"""Cross-checks of an audit: one answer per criterion, criteria and levels its framework has."""

from __future__ import annotations

from typing import Any

from coproduction.errors import Problem, UnknownFrameworkError
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup

__all__ = ["check_audit_data"]


def check_audit_data(data: dict[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
    """Check an audit: one answer per criterion, criteria and levels its framework has (every problem)."""
    problems: list[Problem] = []
    responses = data.get("responses")
    seen: dict[str, int] = {}
    if isinstance(responses, list):
        for index, response in enumerate(responses):
            criterion = response.get("criterion") if isinstance(response, dict) else None
            if isinstance(criterion, str):
                if criterion in seen:
                    problems.append(
                        Problem(
                            f"responses[{index}].criterion",
                            "duplicate-response",
                            f"{excerpt(criterion)} is answered twice (also at responses[{seen[criterion]}]); "
                            "keep one answer per criterion",
                        )
                    )
                else:
                    seen[criterion] = index
    framework_id, version = data.get("framework"), data.get("framework_version")
    if not (isinstance(framework_id, str) and isinstance(version, str)):
        return problems
    try:
        framework = catalogue.framework(framework_id, version)
    except UnknownFrameworkError as error:
        code = error.problems[0].code if error.problems else "unknown-framework"
        path = "framework_version" if code == "unknown-version" else "framework"
        problems.append(Problem(path, code, error.message))
        return problems
    if not isinstance(responses, list):
        return problems
    scale = framework.scale
    level_ids = [level.id for level in scale.levels]
    choices = ", ".join(level_ids[:-1]) + " or " + level_ids[-1]
    for index, response in enumerate(responses):
        if not isinstance(response, dict):
            continue
        criterion, rating = response.get("criterion"), response.get("rating")
        if isinstance(criterion, str) and not framework.has_criterion(criterion):
            problems.append(
                Problem(
                    f"responses[{index}].criterion",
                    "unknown-criterion",
                    f"{excerpt(criterion)} is not a criterion of the {framework.title}; "
                    f"criteria look like {excerpt(framework.criteria[0].id)}",
                )
            )
        if isinstance(rating, str) and not scale.has_level(rating):
            problems.append(
                Problem(
                    f"responses[{index}].rating",
                    "unknown-level",
                    f"{excerpt(rating)} is not a level of the {framework.title}; choose {choices}",
                )
            )
        if rating is not None and response.get("not_applicable") is True:
            problems.append(
                Problem(
                    f"responses[{index}]",
                    "rated-and-not-applicable",
                    "is both rated and marked not applicable; choose one",
                )
            )
        if response.get("not_applicable") is True and not framework.allows_not_applicable:
            problems.append(
                Problem(
                    f"responses[{index}].not_applicable",
                    "not-applicable-not-allowed",
                    f"the {framework.title} does not allow 'not applicable'; choose a level instead",
                )
            )
    return problems
