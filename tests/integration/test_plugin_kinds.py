"""Every document kind is written by each installed plugin, or is in that plugin's documented "does not write" set.

And each plugin's ``supports()`` is derived from its table of writers: it is
true exactly for the classes the table has a writer for.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

import coproduction as cp
from coproduction.contract.kinds import kinds
from coproduction.exporters import Exporter, default_registry

REGISTRY = default_registry()
PLUGINS = REGISTRY.names()
KINDS = {kind.name: kind.cls for kind in kinds()}
OTHER_DOCUMENTS = (cp.AuditTemplate, cp.AuditReport, cp.CouncilSummary, cp.PlanStatus, cp.LadderComparisonReport)


def _has_writer(exporter: Exporter, cls: type) -> bool:
    writers = exporter.writers  # type: ignore[attr-defined]
    return any(base in writers for base in cls.__mro__)


def _stand_in(cls: type) -> object:
    """An instance of ``cls`` that only has its type: ``supports()`` must decide by class alone."""
    return object.__new__(cls)


def test_the_json_word_and_excel_plugins_are_installed() -> None:
    assert {"json", "docx", "xlsx"} <= set(PLUGINS)


@pytest.mark.parametrize("name", PLUGINS)
def test_every_plugin_has_a_writer_table_and_a_does_not_write_set(name: str) -> None:
    exporter = REGISTRY.get(name)
    writers = getattr(exporter, "writers", None)
    assert isinstance(writers, Mapping) and writers, f"the {name} plugin has no table of writers"
    assert all(isinstance(cls, type) and callable(writer) for cls, writer in writers.items())
    assert isinstance(getattr(exporter, "does_not_write", None), frozenset)
    assert exporter.does_not_write <= set(KINDS), "the does-not-write set names only kinds of the kinds table"  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", PLUGINS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_written_or_declared_not_written(name: str, kind: str) -> None:
    exporter = REGISTRY.get(name)
    writes = _has_writer(exporter, KINDS[kind])
    declared = kind in exporter.does_not_write  # type: ignore[attr-defined]
    fault = "both writes and declares it does not write" if writes else "neither writes nor declares"
    assert writes != declared, f"the {name} plugin {fault} the {kind!r} kind"


@pytest.mark.parametrize("name", PLUGINS)
def test_supports_is_membership_in_the_writer_table(name: str) -> None:
    exporter = REGISTRY.get(name)
    candidates = {*KINDS.values(), *OTHER_DOCUMENTS, *exporter.writers}  # type: ignore[attr-defined]
    for cls in candidates:
        assert exporter.supports(_stand_in(cls)) is _has_writer(exporter, cls), (name, cls.__name__)
    assert not exporter.supports(object())
    assert not exporter.supports("an audit")


@pytest.mark.parametrize("name", PLUGINS)
def test_every_plugin_is_built_with_no_arguments_and_holds_no_settings(name: str) -> None:
    exporter = REGISTRY.get(name)
    fresh = type(exporter)()
    for setting in ("catalogue", "as_of", "limits"):
        assert not hasattr(fresh, setting), f"the {name} exporter holds a {setting}; it comes in the ExportContext"
