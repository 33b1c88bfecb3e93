"""Plain-English wording of schema errors (private)."""

from __future__ import annotations

import re
from typing import Any

from jsonschema.exceptions import ValidationError

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt, excerpt_text, json_path
from coproduction.model._validators import SLUG_PATTERN

__all__ = ["problem_from_schema_error"]

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def _type_names(expected: Any) -> str:
    names = [_TYPE_NAMES.get(name, name) for name in ([expected] if isinstance(expected, str) else expected)]
    return " or ".join(names)


def _actual_type(value: object) -> str:
    for python_type, name in (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (str, "string"),
        (list, "array"),
        (dict, "object"),
        (type(None), "null"),
    ):
        if isinstance(value, python_type):
            return _TYPE_NAMES[name]
    return type(value).__name__


def problems_from_schema_error(error: ValidationError, kind: str) -> list[Problem]:
    """Turn one jsonschema error into the problems a council officer can act on.

    One error of ``required`` or ``additionalProperties`` stands for every
    field missing, or every field not allowed, in one object: each becomes a
    problem of its own, with its own path.
    """
    value: Any = error.instance
    validator: Any = error.validator
    expected: Any = error.validator_value
    if validator == "required" and isinstance(value, dict):
        return [
            Problem(
                json_path([*error.absolute_path, name]), "missing-field", f"'{name}' is missing; it is required here"
            )
            for name in expected
            if name not in value
        ]
    if validator == "additionalProperties" and isinstance(value, dict):
        schema: Any = error.schema
        allowed = sorted(schema.get("properties", {}))
        return [
            Problem(
                json_path([*error.absolute_path, extra]),
                "unknown-field",
                f"{excerpt(extra)} is not a field allowed here; check the spelling or remove it "
                f"(fields allowed here: {', '.join(allowed)})",
            )
            for extra in sorted(set(value) - set(allowed), key=str)
            if not _matches_pattern(extra, schema)
        ]
    return [problem_from_schema_error(error, kind)]


def _matches_pattern(name: str, schema: dict[str, Any]) -> bool:
    return any(re.search(pattern, name) for pattern in schema.get("patternProperties", {}))


def problem_from_schema_error(error: ValidationError, kind: str) -> Problem:
    """Turn one jsonschema error into a problem a council officer can act on (the first, for ``required``)."""
    path = json_path(error.absolute_path)
    value: Any = error.instance
    validator: Any = error.validator
    expected: Any = error.validator_value
    if validator in ("required", "additionalProperties"):
        found = problems_from_schema_error(error, kind) if isinstance(value, dict) else []
        return found[0] if found else Problem(path, f"schema-{validator}", excerpt_text(error.message, 200))
    if validator == "type":
        return Problem(
            path, "wrong-type", f"expected {_type_names(expected)}, got {_actual_type(value)} {excerpt(value)}"
        )
    if validator in ("enum", "const"):
        choices = expected if validator == "enum" else [expected]
        return Problem(
            path, "not-allowed-value", f"{excerpt(value)} is not allowed here; choose {', '.join(map(str, choices))}"
        )
    if validator == "pattern" and expected == SLUG_PATTERN:
        return Problem(
            path,
            "bad-identifier",
            f"{excerpt(value)} is not an identifier; use lowercase letters, digits and single hyphens, "
            "for example 'shared-values-1'",
        )
    if validator in ("pattern", "format") and (expected == "date" or "[0-9]{4}" in str(expected)):
        return Problem(
            path, "bad-date", f"{excerpt(value)} is not a date; write dates as YYYY-MM-DD, for example 2025-03-14"
        )
    if validator == "format":
        return Problem(path, "bad-format", f"{excerpt(value)} is not a valid {expected}")
    if validator in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return Problem(path, "empty", "must not be empty")
    if validator == "maxLength":
        return Problem(path, "too-long", f"is longer than the {expected} characters allowed")
    if validator == "minItems":
        return Problem(path, "too-few", f"needs at least {expected} item{'s' if expected != 1 else ''}")
    if validator == "uniqueItems":
        return Problem(path, "duplicate", "lists the same item twice")
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return Problem(path, "out-of-range", f"{excerpt(value)} is out of range ({validator} {expected})")
    if validator in ("anyOf", "oneOf"):
        best = next((sub for sub in error.context or [] if sub.validator != "type"), None)
        if best is not None:
            return problem_from_schema_error(best, kind)
        return Problem(path, "wrong-value", f"{excerpt(value)} is not acceptable here")
    return Problem(path, f"schema-{validator}", excerpt_text(error.message, 200))
