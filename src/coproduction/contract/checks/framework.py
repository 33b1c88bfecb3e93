"""Cross-checks of a framework that its schema cannot express: unique ids, levels in order, wordings of real texts."""

from __future__ import annotations

from typing import Any

from coproduction.contract.checks._common import _at, _duplicate_ids, _get, _has_text, _library_marks
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt

__all__ = ["check_framework_data"]


def _texts(item: dict[str, Any], names: tuple[str, ...]) -> dict[str, object]:
    texts: dict[str, object] = {name: item.get(name) for name in names}
    if "examples" in names:
        del texts["examples"]
        examples = item.get("examples")
        if isinstance(examples, list):
            texts.update({f"examples[{index}]": example for index, example in enumerate(examples)})
    return texts


def _wordings(item: object, path: str, rewordable: dict[str, object]) -> list[Problem]:
    """Problems with an item's viewpoint wordings: each rewords a text the item has, once per viewpoint."""
    wordings = _get(item, "wording")
    if not isinstance(wordings, list):
        return []
    problems = []
    seen: dict[tuple[object, object], int] = {}
    for index, wording in enumerate(wordings):
        field, viewpoint = _get(wording, "field"), _get(wording, "viewpoint")
        if not isinstance(field, str) or not isinstance(viewpoint, str):
            continue  # the schema reports the wrong type
        if not _has_text(rewordable.get(field)):
            choices = ", ".join(name for name, text in rewordable.items() if _has_text(text)) or "none here"
            problems.append(
                Problem(
                    f"{_at(path, 'wording')}[{index}].field",
                    "nothing-to-reword",
                    f"rewords {field!r}, but there is no source text there to reword; fields that can be: {choices}",
                )
            )
        key = (viewpoint, field)
        if key in seen:
            problems.append(
                Problem(
                    f"{_at(path, 'wording')}[{index}]",
                    "duplicate-wording",
                    f"rewords {field!r} for {viewpoint} again (also at wording[{seen[key]}]); keep one",
                )
            )
        seen.setdefault(key, index)
        problems.extend(_library_marks(wording, f"{_at(path, 'wording')}[{index}]", {"text": _get(wording, "text")}))
    return problems


def _worded_and_marked(
    item: object, path: str, rewordable: tuple[str, ...], markable: tuple[str, ...]
) -> list[Problem]:
    if not isinstance(item, dict):
        return []
    return [
        *_wordings(item, path, _texts(item, rewordable)),
        *_library_marks(item, path, _texts(item, markable)),
    ]


def _wording_problems(data: dict[str, Any]) -> list[Problem]:
    problems = _worded_and_marked(
        data, "", ("description", "evidence_prompt"), ("title", "description", "evidence_prompt")
    )
    scale = data.get("scale")
    if isinstance(scale, dict):
        problems.extend(_library_marks(scale, "scale", scale))
        levels = scale.get("levels")
        for index, level in enumerate(levels if isinstance(levels, list) else []):
            problems.extend(
                _worded_and_marked(level, f"scale.levels[{index}]", ("description",), ("name", "description"))
            )
    sections = data.get("sections")
    for s, section in enumerate(sections if isinstance(sections, list) else []):
        path = f"sections[{s}]"
        problems.extend(_worded_and_marked(section, path, ("headline", "summary"), ("title", "headline", "summary")))
        criteria = _get(section, "criteria")
        for c, criterion in enumerate(criteria if isinstance(criteria, list) else []):
            problems.extend(
                _worded_and_marked(
                    criterion, f"{path}.criteria[{c}]", ("text", "examples"), ("text", "guidance", "examples")
                )
            )
    return problems


def check_framework_data(data: dict[str, Any]) -> list[Problem]:
    """Check a framework: unique ids, and level values unique and in order (every problem; empty when none)."""
    problems: list[Problem] = []
    levels = data.get("scale", {}).get("levels") if isinstance(data.get("scale"), dict) else None
    if isinstance(levels, list):
        values = [level.get("value") for level in levels if isinstance(level, dict)]
        numbers = [value for value in values if isinstance(value, int)]
        if len(set(numbers)) != len(numbers):
            problems.append(
                Problem(
                    "scale.levels", "duplicate-level-value", "two levels have the same value; each level needs its own"
                )
            )
        elif numbers != sorted(numbers):
            problems.append(Problem("scale.levels", "levels-out-of-order", "list the levels lowest value first"))
        problems.extend(_duplicate_ids(levels, "scale.levels", "level"))
    sections = data.get("sections")
    if isinstance(sections, list):
        problems.extend(_duplicate_ids(sections, "sections", "section"))
        criteria = [
            (f"sections[{s}].criteria[{c}]", criterion)
            for s, section in enumerate(sections)
            if isinstance(section, dict) and isinstance(section.get("criteria"), list)
            for c, criterion in enumerate(section["criteria"])
        ]
        seen: dict[str, str] = {}
        for path, criterion in criteria:
            identifier = criterion.get("id") if isinstance(criterion, dict) else None
            if isinstance(identifier, str):
                if identifier in seen:
                    problems.append(
                        Problem(
                            f"{path}.id",
                            "duplicate-id",
                            f"criterion id {excerpt(identifier)} is also used at {seen[identifier]}; "
                            "each criterion needs its own id",
                        )
                    )
                else:
                    seen[identifier] = path
    problems.extend(_wording_problems(data))
    return problems
