"""Small helpers the cross-checks share (private)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup

__all__ = ["require_catalogue"]


def _get(item: object, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else None


def _counted(items: object, wanted: int, path: str, what: str) -> list[Problem]:
    if not isinstance(items, list) or len(items) == wanted:
        return []
    between = " (one between each two audits)" if what == "movements" else " (one per audit)"
    return [Problem(path, "count-mismatch", f"has {len(items)} {what}; there should be {wanted}{between}")]


def _repeats(
    values: Sequence[Any], path: str, field: str, code: str = "duplicate-id", what: str = "criterion"
) -> list[Problem]:
    problems = []
    seen: dict[Any, int] = {}
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(
                Problem(
                    f"{path}[{index}].{field}",
                    code,
                    f"{what} {excerpt(value)} is also at {path}[{seen[value]}]; each may appear once",
                )
            )
        seen.setdefault(value, index)
    return problems


def require_catalogue(catalogue: CatalogueLookup | None, what: str) -> CatalogueLookup:
    if catalogue is None:
        raise TypeError(f"checking {what} needs a catalogue; pass catalogue=, or load through coproduction.load")
    return catalogue


def _duplicate_ids(items: list[Any], path: str, what: str) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        identifier = item.get("id") if isinstance(item, dict) else None
        if isinstance(identifier, str):
            if identifier in seen:
                problems.append(
                    Problem(
                        f"{path}[{index}].id",
                        "duplicate-id",
                        f"{what} id {excerpt(identifier)} is also used at {path}[{seen[identifier]}]; "
                        f"each {what} needs its own id",
                    )
                )
            else:
                seen[identifier] = index
    return problems


def _at(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _has_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _library_marks(item: object, path: str, texts: dict[str, object]) -> list[Problem]:
    """Problems with an item's ``library_authored``: each name must be a field with text in it."""
    names = _get(item, "library_authored")
    if not isinstance(names, list):
        return []
    return [
        Problem(
            f"{_at(path, 'library_authored')}[{index}]",
            "nothing-marked",
            f"marks {name!r} as the library's own words, but there is no text there",
        )
        for index, name in enumerate(names)
        if isinstance(name, str) and not _has_text(texts.get(name))
    ]
