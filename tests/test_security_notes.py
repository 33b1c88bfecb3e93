"""SECURITY.md and docs/security.rst state the limits the code really has, and say the same thing."""

from __future__ import annotations

import re

import attrs
import pytest
from helpers import ROOT

from coproduction.contract import serialization
from coproduction.exporters.office import ArchiveLimits

SECURITY = (ROOT / "SECURITY.md").read_text("utf-8")
DOCS = (ROOT / "docs" / "security.rst").read_text("utf-8")
MIB = 1024 * 1024


def test_the_json_limits_are_the_codes() -> None:
    assert serialization.MAX_DOCUMENT_BYTES == 16 * MIB
    assert "| `MAX_DOCUMENT_BYTES` | 16 MiB (16,777,216 bytes) |" in SECURITY
    assert f"| `MAX_NESTING` | {serialization.MAX_NESTING} |" in SECURITY
    assert f"| `MAX_NUMBER_LENGTH` | {serialization.MAX_NUMBER_LENGTH} characters |" in SECURITY


@pytest.mark.parametrize("package", ["coproduction_docx", "coproduction_xlsx"])
def test_both_plugins_keep_to_the_one_set_of_archive_limits(package: str) -> None:
    module = pytest.importorskip(package)
    assert module.ArchiveLimits is ArchiveLimits


def test_the_archive_limits_are_the_codes() -> None:
    limits = ArchiveLimits()
    section = SECURITY.split("(`coproduction.exporters.office.ArchiveLimits`)")[1].split("###")[0].split("## ")[0]
    stated = dict(re.findall(r"\| `(\w+)`: [^|]+ \| ([^|]+) \|", section))
    assert sorted(stated) == sorted(field.name for field in attrs.fields(ArchiveLimits))
    for field, text in stated.items():
        value = getattr(limits, field)
        number = float(re.sub(r"[^0-9.]", "", text.split(" to ")[0]))
        unit = MIB if "MiB" in text else 1024 if "KiB" in text else 1
        assert value == number * unit, (field, text, value)


def test_the_page_in_the_docs_says_the_same() -> None:
    def words(text: str) -> list[str]:
        text = re.sub(r"^\s*(\.\. list-table::|:header-rows: 1)\s*$", "", text, flags=re.MULTILINE)
        text = text.replace(":doc:`cli`", "`docs/cli.rst`").replace(":doc:`errors`", "`docs/errors.rst`")
        return re.findall(r"[A-Za-z0-9_.]+", text)

    body = SECURITY.split("## Reporting a vulnerability")[1]
    docs_body = DOCS.split("Reporting a vulnerability")[1]
    assert len(words(body)) > 500
    assert words(body) == words(docs_body)
