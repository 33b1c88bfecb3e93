"""The one cattrs converter between document objects and plain JSON data, and the conventions it keeps."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter as _make_json_converter

from coproduction.model.comparison import Agreement, AuditReference, PerspectiveRating
from coproduction.model.feedback import FeedbackEntry
from coproduction.model.plan import Action

__all__ = ["configure_converter", "make_converter"]


def make_converter() -> cattrs.Converter:
    """Build the converter between document objects and plain JSON data.

    Returns:
        A new converter configured by :func:`configure_converter`.
    """
    converter = _make_json_converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach a converter the document conventions: ISO dates, tuples as lists.

    Args:
        converter: The converter to configure in place.
    """
    converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    converter.register_unstructure_hook_factory(_has_optional_lists, lambda cls: _omitting_empty_lists(cls, converter))
    for cls, fields in _POOLED_ONLY.items():
        pooled_only: dict[str, Any] = {field: override(omit_if_default=True) for field in fields}
        converter.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, converter, **pooled_only))


# Fields added after a kind's first schema version, written only when they hold something, so that a
# document without them reads back exactly as it was written.
_OMITTED_WHEN_EMPTY = frozenset({"level", "library_authored", "wording"})

# The same, for fields whose name another class uses for a field it always writes (an activity's approaches).
_OMITTED_WHEN_EMPTY_IN: dict[type[Any], frozenset[str]] = {
    Action: frozenset({"approaches"}),
    FeedbackEntry: frozenset({"approach"}),
}


def _omitted(cls: type) -> frozenset[str]:
    return _OMITTED_WHEN_EMPTY | _OMITTED_WHEN_EMPTY_IN.get(cls, frozenset())


def _has_optional_lists(cls: type) -> bool:
    return attrs.has(cls) and any(field.name in _omitted(cls) for field in attrs.fields(cls))


def _omitting_empty_lists(cls: type, converter: cattrs.Converter) -> Any:
    overrides: dict[str, Any] = {
        field.name: override(omit_if_default=True) for field in attrs.fields(cls) if field.name in _omitted(cls)
    }
    return make_dict_unstructure_fn(cls, converter, **overrides)


# Fields that only a comparison or plan involving a pooled view fills in: left out of the JSON
# when empty, so documents from single audits are exactly what schema version 1 always wrote.
_POOLED_ONLY: dict[type[Any], tuple[str, ...]] = {
    AuditReference: ("respondents",),
    PerspectiveRating: ("pooled_value", "respondents"),
    Agreement: ("within_one_share", "mean_distance", "within_one"),
}
