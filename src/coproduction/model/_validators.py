"""Validators shared by the model classes (private)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from coproduction.model._excerpt import excerpt

__all__ = ["SLUG_MAX_LENGTH", "SLUG_PATTERN", "is_slug", "non_blank", "optional_slug", "slug", "to_tuple", "unique"]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 64
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(value: object) -> bool:
    """Say whether ``value`` is a stable identifier: lowercase words joined by hyphens."""
    return isinstance(value, str) and len(value) <= SLUG_MAX_LENGTH and bool(_SLUG.match(value))


def slug(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` must be a slug such as ``shared-values-1``."""
    if not is_slug(value):
        raise ValueError(
            f"{type(instance).__name__}.{attribute.name} must be an identifier of lowercase "
            f"letters, digits and single hyphens (at most {SLUG_MAX_LENGTH} characters, "
            f"for example 'shared-values-1'); got {excerpt(value)}"
        )


def optional_slug(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` is ``None`` or a slug."""
    if value is not None:
        slug(instance, attribute, value)


def non_blank(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` must be a string with some non-space text."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must not be empty")


def unique(what: str, ids: Iterable[str]) -> None:
    """Raise ``ValueError`` naming the first identifier that appears twice."""
    seen: set[str] = set()
    for identifier in ids:
        if identifier in seen:
            raise ValueError(f"two {what} have the id {excerpt(identifier)}; each id must be unique")
        seen.add(identifier)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Attrs converter: accept any iterable (a list from JSON) and store a tuple."""
    return tuple(value)


LIBRARY_AUTHORED_DOC = "the names of the fields whose text is this library's own rather than the source's"


def to_field_names(value: Iterable[str]) -> tuple[str, ...]:
    """Attrs converter for ``library_authored``: the field names, each once, sorted."""
    return tuple(sorted(set(value)))


def check_field_names(owner: str, names: Iterable[str], allowed: Iterable[str]) -> None:
    """Raise ``ValueError`` when ``library_authored`` names a field the item has no text in.

    Args:
        owner: The item, for the message, such as "criterion 'staff-1'".
        names: The field names marked as the library's own.
        allowed: The field names that hold text in this item (``examples[0]`` for one example).
    """
    known = set(allowed)
    for name in names:
        if name not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise ValueError(
                f"{owner} marks {name!r} as the library's own words, but it has no text there; "
                f"fields with text: {choices}"
            )
