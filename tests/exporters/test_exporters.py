"""The exporter registry and the built-in JSON exporter."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from collections.abc import Sequence
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import pytest
from helpers import make_audit

import coproduction as cp
from coproduction import export_context
from coproduction.exporters import ENTRY_POINT_GROUP, ExporterRegistry, SitePublisher
from coproduction.exporters import _registry as registry_module
from coproduction.exporters.json_exporter import JSONExporter
from coproduction.testing import assert_exporter_conforms


class TextExporter:
    name: ClassVar[str] = "txt"
    media_type: ClassVar[str] = "text/plain"
    suffix: ClassVar[str] = ".txt"

    writers: ClassVar[dict[type, Any]] = {
        cp.Audit: lambda audit, out, context: out.write(f"{audit.organisation.name}, {context.as_of}".encode())
    }

    def supports(self, document: object) -> bool:
        return isinstance(document, tuple(self.writers))

    def export(self, document: object, out: BinaryIO, /, context: cp.ExportContext) -> None:
        if not self.supports(document):
            raise cp.UnsupportedDocumentError("txt writes audits only")
        self.writers[type(document)](document, out, context)


class TextSiteExporter(TextExporter):
    """A publisher of sites: one text file per document, and the folder returned."""

    name: ClassVar[str] = "txtsite"

    def publish(self, documents: Sequence[object], out_dir: Path, /, context: cp.ExportContext) -> Path:
        out_dir.mkdir()
        for number, document in enumerate(documents):
            with open(out_dir / f"{number}.txt", "wb") as out:
                self.export(document, out, context)
        return out_dir


def test_json_exporter_keeps_the_contract(worcestershire: cp.Framework) -> None:
    audit = make_audit(worcestershire, {"shared-values-1": "embedded"})
    assert_exporter_conforms(
        JSONExporter(),
        [
            audit,
            worcestershire,
            cp.score(audit, worcestershire),
            cp.AuditTemplate(worcestershire, "joint"),
            cp.AuditReport(audit, worcestershire),
        ],
    )


def test_registry_from_a_mapping_needs_no_entry_points(tmp_path: Path, worcestershire: cp.Framework) -> None:
    registry = ExporterRegistry({"txt": TextExporter, "json": JSONExporter})
    audit = make_audit(worcestershire, {})
    path = registry.export(audit, tmp_path / "a.txt", context=export_context(as_of=dt.date(2026, 3, 3)))
    assert path.read_text() == "Oak Primary School, 2026-03-03"  # the context reaches the plugin
    assert registry.names() == ["json", "txt"]


def test_unknown_exporter_lists_those_installed() -> None:
    registry = ExporterRegistry({"json": JSONExporter})
    with pytest.raises(
        cp.ExporterNotFoundError, match="no exporter called 'docx'; installed exporters: json"
    ) as caught:
        registry.get("docx")
    assert "coproduction-docx" in str(caught.value)
    assert isinstance(caught.value, LookupError)


def test_unsupported_kind_lists_exporters_that_can(worcestershire: cp.Framework) -> None:
    registry = ExporterRegistry({"txt": TextExporter, "json": JSONExporter})
    with pytest.raises(
        cp.UnsupportedDocumentError, match="the txt exporter cannot write a Framework; exporters that can: json"
    ):
        registry.for_document("txt", worcestershire)


def test_a_publisher_is_an_exporter_that_can_publish_a_site(tmp_path: Path, worcestershire: cp.Framework) -> None:
    registry = ExporterRegistry({"txt": TextExporter, "json": JSONExporter, "txtsite": TextSiteExporter})
    publisher = registry.publisher("txtsite")
    assert isinstance(publisher, SitePublisher) and not isinstance(registry.get("txt"), SitePublisher)
    folder = publisher.publish(
        [make_audit(worcestershire, {})], tmp_path / "site", export_context(as_of=dt.date(2026, 3, 3))
    )
    assert folder == tmp_path / "site" and (folder / "0.txt").read_text() == "Oak Primary School, 2026-03-03"


@pytest.mark.parametrize(
    ("installed", "listed"),
    [({"txtsite": TextSiteExporter}, "txtsite"), ({}, "none installed (install coproduction-html)")],
)
def test_an_exporter_that_cannot_publish_is_refused_naming_those_that_can(
    installed: dict[str, Any], listed: str
) -> None:
    registry = ExporterRegistry({"txt": TextExporter, "json": JSONExporter, **installed})
    with pytest.raises(cp.UnsupportedDocumentError) as caught:
        registry.publisher("json")
    assert str(caught.value).startswith(f"the json exporter cannot publish a site; those that can: {listed}")


def test_failed_export_writes_nothing(tmp_path: Path, worcestershire: cp.Framework) -> None:
    registry = ExporterRegistry({"txt": TextExporter})
    with pytest.raises(cp.UnsupportedDocumentError):
        registry.export(worcestershire, tmp_path / "f.txt", context=export_context())
    assert list(tmp_path.iterdir()) == []


class FakeDist:
    def __init__(self, name: str) -> None:
        self.name = name


def fake_entry_points(*specs: tuple[str, str, str]) -> Any:
    points = []
    for name, value, dist in specs:
        point = EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)
        point = point._for(FakeDist(dist))  # type: ignore[attr-defined]
        points.append(point)
    return lambda group: points


def test_two_distributions_claiming_one_name_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        registry_module,
        "entry_points",
        fake_entry_points(
            ("docx", "first_docx:Exporter", "first-docx"),
            ("docx", "second_docx:Exporter", "second-docx"),
            ("json", "coproduction.exporters.json_exporter:JSONExporter", "coproduction"),
        ),
    )
    registry = ExporterRegistry.from_entry_points()
    assert [info.distribution for info in registry.available()] == ["first-docx", "second-docx", "coproduction"]
    with pytest.raises(cp.ExporterConflictError, match=r"first-docx .* and second-docx"):
        registry.get("docx")
    assert registry.get("json").name == "json"


def test_listing_imports_no_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        registry_module, "entry_points", fake_entry_points(("broken", "no_such_module:Nothing", "broken-dist"))
    )
    registry = ExporterRegistry.from_entry_points()
    assert registry.names() == ["broken"]
    assert "no_such_module" not in sys.modules
    with pytest.raises(ModuleNotFoundError):
        registry.get("broken")


def test_a_plugin_that_misnames_itself_is_refused() -> None:
    class Liar(TextExporter):
        name: ClassVar[str] = "other"

    with pytest.raises(TypeError, match="calls itself 'other'"):
        ExporterRegistry({"txt": Liar}).get("txt")


def test_the_json_exporter_is_registered_through_the_entry_point_group() -> None:
    infos = {info.name: info for info in ExporterRegistry.from_entry_points().available()}
    assert infos["json"].distribution == "coproduction"
    code = "import sys, coproduction.exporters as e; r = e.default_registry(); r.names(); print('docx' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


def test_json_reader_reads_a_filled_template(worcestershire: cp.Framework) -> None:
    audit = make_audit(worcestershire, {"shared-values-1": "embedded"})
    assert JSONExporter().read(io.BytesIO(cp.dumps(audit).encode()), export_context()) == audit
