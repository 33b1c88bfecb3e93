"""The published JSON Schemas, a local registry for them, and validation.

The schemas ship inside the package. ``$ref`` between them is resolved from a
local :class:`referencing.Registry`; nothing is ever fetched from the network.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import referencing
from referencing.jsonschema import DRAFT202012

from coproduction.contract._messages import problems_from_schema_error
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt

__all__ = ["SCHEMA_BASE", "is_valid", "kinds", "registry", "schema", "validate", "validator"]

SCHEMA_BASE = "https://coproduction.dev/schemas/v1/"
"""The base URI of every schema's ``$id``."""

_COMMON = "common"
# Published beside the document kinds but describing no document the library loads: the html exporter's site feed.
_NOT_DOCUMENTS = frozenset({_COMMON, "site-feed"})


def _schema_dir() -> Any:
    packaged = resources.files("coproduction") / "schemas"
    if packaged.is_dir():
        return packaged
    # An editable install of a checkout: the schemas stand at the repository's top.
    return Path(__file__).resolve().parents[3] / "schemas"


@functools.cache
def _all_schemas() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for entry in _schema_dir().iterdir():
        if entry.name.endswith(".schema.json"):
            found[entry.name.removesuffix(".schema.json")] = json.loads(entry.read_text("utf-8"))
    return found


def kinds() -> list[str]:
    """The document kinds that have a schema, sorted."""
    return sorted(name for name in _all_schemas() if name not in _NOT_DOCUMENTS)


def schema(kind: str) -> dict[str, Any]:
    """Return the JSON Schema of a document kind.

    Args:
        kind: A document kind such as ``audit``, or ``common`` for the shared definitions.

    Raises:
        KeyError: If there is no schema of that kind.
    """
    schemas = _all_schemas()
    if kind not in schemas:
        raise KeyError(f"there is no schema for {excerpt(kind)}; known kinds: {', '.join(kinds())}")
    return schemas[kind]


@functools.cache
def registry() -> referencing.Registry[Any]:
    """A registry holding every bundled schema by its ``$id``; it retrieves nothing else."""
    resources_ = [
        (document["$id"], referencing.Resource.from_contents(document, DRAFT202012))
        for document in _all_schemas().values()
    ]
    return referencing.Registry().with_resources(resources_).crawl()


@functools.cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    """A compiled Draft 2020-12 validator for a kind, with format checking on."""
    cls = jsonschema.Draft202012Validator
    return cls(schema(kind), registry=registry(), format_checker=cls.FORMAT_CHECKER)


@functools.cache
def _fast_validator(kind: str) -> Any:
    resources_ = [(document["$id"], document) for document in _all_schemas().values()]
    registry_ = jsonschema_rs.Registry(resources_)
    return jsonschema_rs.validator_for(schema(kind), registry=registry_, validate_formats=True)


def is_valid(data: object, kind: str) -> bool:
    """Say whether parsed JSON is valid against a kind's schema, as fast as possible.

    This uses the compiled jsonschema-rs validator; :func:`validate` agrees
    with it (property-tested) and says what is wrong when it is not valid.
    """
    return bool(_fast_validator(kind).is_valid(data))


def validate(data: object, kind: str) -> list[Problem]:
    """Validate parsed JSON against a kind's schema.

    A compiled validator (jsonschema-rs) decides the common case, a valid
    document, in microseconds; only an invalid document is walked by
    ``jsonschema`` to describe every problem with its path.

    Args:
        data: The parsed document.
        kind: Its kind.

    Returns:
        Every problem found, each with a JSON path and a plain-English message,
        in document order; empty when the document is valid.
    """
    if is_valid(data, kind):
        return []
    errors = validator(kind).iter_errors(data)  # type: ignore[arg-type]
    problems = dict.fromkeys(problem for error in errors for problem in problems_from_schema_error(error, kind))
    return sorted(problems, key=lambda problem: problem.path)
