"""Hostile Word files: each refused (or read) with a clear message naming file and part, fast, in little memory."""

from __future__ import annotations

import datetime as dt
import io
import sys
import zlib
from pathlib import Path

from coproduction import export_context

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests"))  # the shared hostile-file builders

import pytest
from coproduction_docx import DocxExporter
from hostile_zips import GIB, MIB, build_zip, high_ratio_package, honest_entries, lying_package, measure
from office_files import template

import coproduction as c

SETUP = "from coproduction import CoproductionError, export_context\nfrom coproduction_docx import DocxExporter"


@pytest.fixture(scope="module")
def made(catalogue: c.Catalogue) -> bytes:
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    return template(framework, "docx", "Oak School", dt.date(2025, 1, 6))


def budgeted(tmp_path: Path, data: bytes, name: str = "hostile.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    outcome, seconds, peak = measure(str(path), SETUP, "DocxExporter().read(open(sys.argv[1], 'rb'), export_context())")
    assert not outcome.startswith("crashed"), outcome
    assert seconds < 2.0 and peak < 200 * MIB, (seconds, peak)
    return outcome


@pytest.mark.parametrize("part", ["[Content_Types].xml", "word/document.xml", "word/styles.xml"])
def test_lying_headers_over_a_gib(made: bytes, part: str, tmp_path: Path) -> None:
    outcome = budgeted(tmp_path, lying_package(made, part, 2 * GIB))
    assert outcome.startswith("refused: ") and "hostile.docx" in outcome and part in outcome


def test_95_mib_of_repeated_xml_in_a_small_docx(made: bytes, tmp_path: Path) -> None:
    document = zlib.decompress(next(raw for n, raw, *_ in honest_entries(made) if n == "word/document.xml"), -15)
    body_end = document.rindex(b"</w:body>")
    paragraph = b"<w:p><w:r><w:t>Shared values and a plan</w:t></w:r></w:p>"
    filler = paragraph * (95 * MIB // len(paragraph))
    bomb = high_ratio_package(made, "word/document.xml", document[:body_end] + filler + document[body_end:])
    assert len(bomb) < 2 * MIB
    outcome = budgeted(tmp_path, bomb)
    assert outcome.startswith("refused: ") and "word/document.xml" in outcome


def test_a_doctype_in_a_part_not_named_xml(made: bytes, tmp_path: Path) -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    data = build_zip([*honest_entries(made), ("customXml/item1.dat", xml, 0, len(xml), zlib.crc32(xml))])
    outcome = budgeted(tmp_path, data)
    assert outcome.startswith("refused: ") and "customXml/item1.dat" in outcome and "DOCTYPE" in outcome


def test_utf16_without_a_byte_order_mark(made: bytes, tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-16-le")
    entries = [
        (name, xml, 0, len(xml), zlib.crc32(xml)) if name == "word/styles.xml" else (name, raw, method, size, crc)
        for name, raw, method, size, crc in honest_entries(made)
    ]
    outcome = budgeted(tmp_path, build_zip(entries))
    assert outcome.startswith("refused: ") and "word/styles.xml" in outcome and "DOCTYPE" in outcome


def test_a_macro_enabled_document_named_docx(made: bytes, tmp_path: Path) -> None:
    blob = b"\xd0\xcf\x11\xe0" + bytes(60)
    data = build_zip([*honest_entries(made), ("word/vbaProject.bin", blob, 0, len(blob), zlib.crc32(blob))])
    outcome = budgeted(tmp_path, data)
    assert outcome.startswith("refused: ") and "macro-enabled" in outcome and "vbaProject.bin" in outcome


def test_the_printed_reference_search_is_linear(made: bytes, tmp_path: Path) -> None:
    """No stamp properties, and one paragraph of 256 KB repeating the reference's start: read in well under 2 s."""

    def change(name: str, content: bytes) -> bytes | None:
        if name == "docProps/custom.xml":
            return None
        if name == "word/document.xml":
            content = content.replace(b"Template reference:", b"Template (removed):")
            end = content.rindex(b"</w:body>")
            text = b"Template reference: a version b" * (256 * 1024 // 31)
            return content[:end] + b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>" + content[end:]
        return content

    from office_files import rewrite_zip

    outcome = budgeted(tmp_path, rewrite_zip(made, change))
    assert outcome.startswith("refused: ") and "template stamp" in outcome


def test_a_report_with_a_307_character_organisation_name(catalogue: c.Catalogue) -> None:
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    audit = c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak " * 76 + "End"),
        perspective=c.Perspective.SCHOOL_STAFF,
        date=dt.date(2025, 1, 6),
        responses=(),
    )
    out = io.BytesIO()
    with pytest.raises(c.ExportError) as caught:
        DocxExporter().export(c.AuditReport(audit, framework), out, export_context())
    assert out.getvalue() == b""
    assert any(p.code == "text-too-long" and "title" in p.path for p in caught.value.problems)
