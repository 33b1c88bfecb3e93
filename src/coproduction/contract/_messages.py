"""Plain-English wording of schema errors (private)."""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import ValidationError

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt, json_path
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


def problem_from_schema_error(error: ValidationError, kind: str) -> Problem:
    """Turn one jsonschema error into a problem a council officer can act on."""
    path = json_path(error.absolute_path)
    value: Any = error.instance
    validator: Any = error.validator
    expected: Any = error.validator_value
    schema: Any = error.schema
    if validator == "required":
        missing = next((name for name in expected if isinstance(value, dict) and name not in value), "?")
        return Problem(
            json_path([*error.absolute_path, missing]), "missing-field", f"'{missing}' is missing; it is required here"
        )
    if validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        extra = extras[0] if extras else "?"
        return Problem(
            json_path([*error.absolute_path, extra]),
            "unknown-field",
            f"{excerpt(extra)} is not a field allowed here; check the spelling or remove it "
            f"(fields allowed here: {', '.join(allowed)})",
        )
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
    return Problem(path, f"schema-{validator}", error.message[:200])
