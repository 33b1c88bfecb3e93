"""The registry of exporters over entry points (private)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

import attrs

from coproduction.contract._atomic import write_atomically
from coproduction.errors import ExporterConflictError, ExporterNotFoundError, Problem, UnsupportedDocumentError
from coproduction.exporters._protocol import (
    ENTRY_POINT_GROUP,
    ActionPlanReader,
    ExportContext,
    Exporter,
    LadderAssessmentReader,
    SitePublisher,
    TemplateReader,
)
from coproduction.model._excerpt import excerpt

__all__ = ["ExporterInfo", "ExporterRegistry", "default_registry"]

Factory = Callable[[], Any]


@attrs.frozen
class ExporterInfo:
    """What is known of an installed exporter without importing it.

    Attributes:
        name: The exporter name.
        distribution: The distribution that provides it (or "built in"/"given").
        target: Where it lives, ``module:attribute``.
    """

    name: str
    distribution: str
    target: str


@attrs.frozen
class _Candidate:
    info: ExporterInfo
    load: Factory


class ExporterRegistry:
    """Finds, lists and loads exporters.

    Build one from the installed entry points with :meth:`from_entry_points`,
    or from an explicit mapping (so an embedding system or a test needs no
    installed plugins). Plugins are imported only when first asked for.
    """

    def __init__(self, exporters: Mapping[str, Factory] | None = None) -> None:
        """Build a registry from a mapping of names to exporter classes or factories.

        Args:
            exporters: Maps each name to a zero-argument callable returning an exporter.
        """
        self._candidates: dict[str, list[_Candidate]] = {}
        self._loaded: dict[str, Exporter] = {}
        for name, factory in (exporters or {}).items():
            target = f"{getattr(factory, '__module__', '?')}:{getattr(factory, '__qualname__', '?')}"
            self._add(name, _Candidate(ExporterInfo(name, "given", target), factory))

    @classmethod
    def from_entry_points(cls, group: str = ENTRY_POINT_GROUP) -> ExporterRegistry:
        """Build a registry of every exporter installed under an entry-point group.

        Args:
            group: The entry-point group; ``coproduction.exporters`` by default.

        Returns:
            The registry. Nothing is imported until an exporter is asked for.
        """
        registry = cls()
        seen: set[tuple[str, str, str]] = set()
        for entry_point in entry_points(group=group):
            distribution = entry_point.dist.name if entry_point.dist else "unknown"
            key = (entry_point.name, entry_point.value, distribution)
            if key in seen:  # one distribution seen twice on sys.path
                continue
            seen.add(key)
            info = ExporterInfo(entry_point.name, distribution, entry_point.value)
            registry._add(entry_point.name, _Candidate(info, _loader(entry_point)))
        return registry

    def _add(self, name: str, candidate: _Candidate) -> None:
        self._candidates.setdefault(name, []).append(candidate)

    def names(self) -> list[str]:
        """The names of every exporter, sorted."""
        return sorted(self._candidates)

    def available(self) -> list[ExporterInfo]:
        """What is installed, sorted by name; a conflicting name appears once per claimant."""
        return [candidate.info for name in self.names() for candidate in self._candidates[name]]

    def get(self, name: str) -> Exporter:
        """Load (once) and return the exporter with this name.

        Raises:
            ExporterNotFoundError: If no exporter has that name; the message
                lists those installed.
            ExporterConflictError: If two distributions claim the name.
            TypeError: If the plugin does not satisfy the :class:`Exporter` protocol.
        """
        if name in self._loaded:
            return self._loaded[name]
        candidates = self._candidates.get(name)
        if not candidates:
            installed = ", ".join(self.names()) or "none"
            raise ExporterNotFoundError(
                f"there is no exporter called {excerpt(name)}; installed exporters: {installed}",
                [Problem("", "exporter-not-found", _install_hint(name))],
            )
        if len(candidates) > 1:
            claimants = " and ".join(f"{c.info.distribution} ({c.info.target})" for c in candidates)
            raise ExporterConflictError(
                f"two distributions provide an exporter called {excerpt(name)}: {claimants}; uninstall one of them"
            )
        loaded = candidates[0].load()
        if isinstance(loaded, type):
            loaded = loaded()  # every exporter is built with no arguments; settings come in an ExportContext
        exporter = _ensure_exporter(name, loaded)
        self._loaded[name] = exporter
        return exporter

    def for_document(self, name: str, document: object) -> Exporter:
        """Return the named exporter after checking it can write ``document``.

        Raises:
            UnsupportedDocumentError: If it cannot; the message lists the
                exporters that can.
        """
        exporter = self.get(name)
        if not exporter.supports(document):
            able = [other for other in self.names() if other != name and self._supports(other, document)]
            kind = type(document).__name__
            alternatives = ", ".join(able) if able else "none of those installed"
            raise UnsupportedDocumentError(
                f"the {name} exporter cannot write a {kind}; exporters that can: {alternatives}"
            )
        return exporter

    def _supports(self, name: str, document: object) -> bool:
        try:
            return self.get(name).supports(document)
        except Exception:  # a broken plugin must not hide the ones that work
            return False

    def reader(self, name: str) -> TemplateReader:
        """Return the named exporter as a template reader.

        Raises:
            UnsupportedDocumentError: If that exporter cannot read files back.
        """
        exporter = self.get(name)
        if not isinstance(exporter, TemplateReader):
            readers = [n for n in self.names() if isinstance(self._safe_get(n), TemplateReader)]
            raise UnsupportedDocumentError(
                f"the {name} exporter cannot read filled-in templates back; "
                f"those that can: {', '.join(readers) or 'none installed'}"
            )
        return exporter

    def action_plan_reader(self, name: str) -> ActionPlanReader:
        """Return the named exporter as a reader of the action plans it wrote.

        Raises:
            UnsupportedDocumentError: If that exporter cannot read action plans back.
        """
        exporter = self.get(name)
        if not isinstance(exporter, ActionPlanReader):
            readers = [n for n in self.names() if isinstance(self._safe_get(n), ActionPlanReader)]
            raise UnsupportedDocumentError(
                f"the {name} exporter cannot read action plans back; "
                f"those that can: {', '.join(readers) or 'none installed'}"
            )
        return exporter

    def ladder_assessment_reader(self, name: str) -> LadderAssessmentReader:
        """Return the named exporter as a reader of filled-in ladder assessment templates.

        Raises:
            UnsupportedDocumentError: If that exporter cannot read ladder assessments back.
        """
        exporter = self.get(name)
        if not isinstance(exporter, LadderAssessmentReader):
            readers = [n for n in self.names() if isinstance(self._safe_get(n), LadderAssessmentReader)]
            raise UnsupportedDocumentError(
                f"the {name} exporter cannot read ladder assessments back; "
                f"those that can: {', '.join(readers) or 'none installed'}"
            )
        return exporter

    def publisher(self, name: str) -> SitePublisher:
        """Return the named exporter as a publisher of whole static sites.

        Raises:
            UnsupportedDocumentError: If that exporter cannot publish a site; the
                message lists those that can.
        """
        exporter = self.get(name)
        if not isinstance(exporter, SitePublisher):
            publishers = [n for n in self.names() if isinstance(self._safe_get(n), SitePublisher)]
            raise UnsupportedDocumentError(
                f"the {name} exporter cannot publish a site; "
                f"those that can: {', '.join(publishers) or 'none installed (install coproduction-html)'}"
            )
        return exporter

    def _safe_get(self, name: str) -> Exporter | None:
        try:
            return self.get(name)
        except Exception:
            return None

    def by_suffix(self, suffix: str) -> str:
        """Return the name of the exporter that writes files with this suffix.

        Raises:
            ExporterNotFoundError: If none does; the message lists the suffixes known.
        """
        suffix = suffix.lower()
        known: list[str] = []
        for name in self.names():
            exporter = self._safe_get(name)
            if exporter is None:
                continue
            known.append(exporter.suffix)
            if exporter.suffix == suffix:
                return name
        hint = {".docx": "; install coproduction-docx for Word", ".xlsx": "; install coproduction-xlsx for Excel"}
        raise ExporterNotFoundError(
            f"no installed exporter writes {suffix or 'files without a suffix'}; "
            f"known suffixes: {', '.join(sorted(known)) or 'none'}{hint.get(suffix, '')}"
        )

    def export(
        self, document: object, path: str | os.PathLike[str], *, name: str | None = None, context: ExportContext
    ) -> Path:
        """Write a document to a file atomically, choosing the exporter by suffix if unnamed.

        Args:
            document: What to write.
            path: The file to write; it appears whole or not at all.
            name: The exporter to use; by default the one matching the suffix.
            context: The catalogue, date and limits the exporter writes with
                (:func:`coproduction.export_context` makes one).

        Returns:
            The path written.
        """
        target = Path(path)
        exporter = self.for_document(name or self.by_suffix(target.suffix), document)
        return write_atomically(target, lambda out: exporter.export(document, out, context))


def _loader(entry_point: EntryPoint) -> Factory:
    return lambda: entry_point.load()


def _install_hint(name: str) -> str:
    known = {"docx": "coproduction-docx", "xlsx": "coproduction-xlsx"}
    if name in known:
        return f"install the {known[name]} distribution to get the {name} exporter"
    return "check the name with `coproduction exporters`"


def _ensure_exporter(name: str, exporter: object) -> Exporter:
    missing = [
        attribute
        for attribute in ("name", "media_type", "suffix", "supports", "export")
        if not hasattr(exporter, attribute)
    ]
    if missing:
        raise TypeError(f"the exporter registered as {excerpt(name)} is not an Exporter: it lacks {', '.join(missing)}")
    if not isinstance(exporter, Exporter):
        raise TypeError(f"the exporter registered as {excerpt(name)} does not satisfy the Exporter protocol")
    if exporter.name != name:
        raise TypeError(
            f"the exporter registered as {excerpt(name)} calls itself {excerpt(exporter.name)}; the names must match"
        )
    return exporter


@functools.cache
def default_registry() -> ExporterRegistry:
    """The registry of every exporter installed in this environment.

    It is built once per process (reading the installed entry points takes
    tens of milliseconds) and shared. To see exporters installed since, build
    a new one with :meth:`ExporterRegistry.from_entry_points`.
    """
    return ExporterRegistry.from_entry_points()
