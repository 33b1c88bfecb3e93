from __future__ import annotations

import ast
import io
from pathlib import Path

import coproduction_xlsx
import pytest
from coproduction_xlsx import CouncilSummary, XlsxExporter

from coproduction import AuditReport, AuditTemplate, UnsupportedDocumentError, export_context
from coproduction.exporters import ENTRY_POINT_GROUP, ExporterRegistry, TemplateReader, default_registry
from coproduction.testing import assert_exporter_conforms

SRC = Path(coproduction_xlsx.__file__).parent


def test_plugin_contract(helpers, durham, worcestershire):
    audit = helpers.sample_audit(durham)
    documents = [
        AuditTemplate(durham, "parent-carers"),
        AuditTemplate(worcestershire, "school-staff"),
        AuditReport(audit, durham),
        CouncilSummary([audit]),
    ]
    exporter = XlsxExporter()
    assert_exporter_conforms(exporter, documents)
    assert exporter.name == "xlsx"
    assert exporter.media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert exporter.suffix == ".xlsx"
    assert isinstance(exporter, TemplateReader)


def test_registered_through_the_entry_point():
    registry = default_registry()
    assert "xlsx" in registry.names()
    info = [i for i in registry.available() if i.name == "xlsx"]
    assert info and info[0].distribution == "coproduction-xlsx"
    assert info[0].target == "coproduction_xlsx:XlsxExporter"
    assert isinstance(registry.get("xlsx"), XlsxExporter)
    assert isinstance(registry.reader("xlsx"), XlsxExporter)
    assert ENTRY_POINT_GROUP == "coproduction.exporters"


def test_registry_writes_atomically_by_suffix(tmp_path, durham):
    registry = ExporterRegistry({"xlsx": XlsxExporter})
    path = registry.export(AuditTemplate(durham, "joint"), tmp_path / "t.xlsx", context=export_context())
    assert path.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("stranger", [object(), "text", 3, None])
def test_unsupported_documents(stranger):
    out = io.BytesIO()
    with pytest.raises(UnsupportedDocumentError):
        XlsxExporter().export(stranger, out, export_context())
    assert out.getvalue() == b""


def test_public_names_are_sorted_and_exist():
    assert coproduction_xlsx.__all__ == sorted(coproduction_xlsx.__all__)
    for name in coproduction_xlsx.__all__:
        assert hasattr(coproduction_xlsx, name)


def test_no_private_api_of_the_core_is_used():
    for path in SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coproduction"):
                if node.module.startswith("coproduction_xlsx"):
                    continue
                assert not any(part.startswith("_") for part in node.module.split(".")), (path.name, node.module)
                assert not any(alias.name.startswith("_") for alias in node.names), (path.name, node.module)
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("coproduction."):
                        assert not any(p.startswith("_") for p in alias.name.split(".")), (path.name, alias.name)
