"""Hostile Excel files: each refused with a clear message naming file and part, fast, in little memory."""

from __future__ import annotations

import datetime as dt
import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests"))  # the shared hostile-file builders

from hostile_zips import GIB, MIB, build_zip, high_ratio_package, honest_entries, lying_package, measure
from office_files import template

import coproduction as c

SETUP = "from coproduction import CoproductionError, export_context\nfrom coproduction_xlsx import XlsxExporter"


@pytest.fixture(scope="module")
def made() -> bytes:
    framework = c.default_catalogue().framework("durham-audit-tool-for-participation")
    return template(framework, "xlsx", "Oak School", dt.date(2025, 1, 6))


def budgeted(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    outcome, seconds, peak = measure(str(path), SETUP, "XlsxExporter().read(open(sys.argv[1], 'rb'), export_context())")
    assert outcome.startswith("refused: ") and "hostile.xlsx" in outcome, outcome
    assert seconds < 2.0 and peak < 200 * MIB, (seconds, peak)
    return outcome


@pytest.mark.parametrize("part", ["[Content_Types].xml", "xl/styles.xml", "xl/worksheets/sheet2.xml"])
def test_lying_headers_over_a_gib(made: bytes, part: str, tmp_path: Path) -> None:
    assert part in budgeted(tmp_path, lying_package(made, part, 2 * GIB))


def test_a_high_ratio_part(made: bytes, tmp_path: Path) -> None:
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si><t>a</t></si>" * (
        20 * MIB // 17
    )
    outcome = budgeted(tmp_path, high_ratio_package(made, "xl/worksheets/sheet2.xml", strings + b"</sst>"))
    assert "zip bomb" in outcome and "xl/worksheets/sheet2.xml" in outcome


@pytest.mark.parametrize("name", ["xl/worksheets/sheet9.bin", "xl/_rels/extra.rels"])
def test_a_doctype_in_a_part_not_named_xml(made: bytes, name: str, tmp_path: Path) -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    outcome = budgeted(tmp_path, build_zip([*honest_entries(made), (name, xml, 0, len(xml), zlib.crc32(xml))]))
    assert name in outcome and "DOCTYPE" in outcome


def test_utf16_without_a_byte_order_mark_in_a_sheet(made: bytes, tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-16-be")
    entries = [
        (entry[0], xml, 0, len(xml), zlib.crc32(xml)) if entry[0] == "xl/worksheets/sheet2.xml" else entry
        for entry in honest_entries(made)
    ]
    outcome = budgeted(tmp_path, build_zip(entries))
    assert "xl/worksheets/sheet2.xml" in outcome and "DOCTYPE" in outcome
