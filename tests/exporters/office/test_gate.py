"""The archive gate: lying headers, high-ratio parts, hidden declarations and macros, refused fast and in one way."""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

import pytest
from hostile_zips import GIB, MIB, build_zip, deflated_zeros, high_ratio_package, honest_entries, lying_package, measure
from office_files import template

import coproduction as cp
from coproduction.exporters.office import EXCEL, WORD, ArchiveLimits, PackageFormat, open_package

FORMATS = {"docx": WORD, "xlsx": EXCEL}
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/styles.xml"}
BUDGET_SECONDS = 2.0
BUDGET_BYTES = 200 * MIB


@pytest.fixture(scope="module", params=["docx", "xlsx"])
def made(request: pytest.FixtureRequest, catalogue: cp.Catalogue) -> tuple[str, bytes]:
    pytest.importorskip(f"coproduction_{request.param}")
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    return request.param, template(framework, request.param, "Oak School", dt.date(2025, 1, 6))


def refusal(data: bytes, expected: PackageFormat, limits: ArchiveLimits | None = None) -> str:
    with pytest.raises(cp.UnreadableFileError) as caught:
        open_package(data, expected, limits or ArchiveLimits())
    return str(caught.value)


def test_a_real_template_passes_whole(made: tuple[str, bytes]) -> None:
    kind, data = made
    package = open_package(data, FORMATS[kind], ArchiveLimits())
    assert package.has("[Content_Types].xml") and len(package.parts) == len(honest_entries(data))


@pytest.mark.parametrize("part", ["[Content_Types].xml", "main"])
def test_lying_headers_stop_at_the_declared_size(made: tuple[str, bytes], part: str, tmp_path: Path) -> None:
    kind, data = made
    name = MAIN_PART[kind] if part == "main" else part
    bomb = lying_package(data, name, 2 * GIB)
    assert len(bomb) < 2_300_000
    path = tmp_path / f"bomb.{kind}"
    path.write_bytes(bomb)
    outcome, seconds, peak = measure(
        str(path),
        "from coproduction import CoproductionError\n"
        "from coproduction.exporters.office import ArchiveLimits, open_package, WORD, EXCEL",
        f"open_package(data, {'WORD' if kind == 'docx' else 'EXCEL'}, ArchiveLimits())",
    )
    assert outcome.startswith("refused: ") and name in outcome and "declares" in outcome, outcome
    assert seconds < BUDGET_SECONDS and peak < BUDGET_BYTES, (seconds, peak)


def test_a_lying_header_under_generous_limits_still_stops_on_the_ratio(made: tuple[str, bytes]) -> None:
    kind, data = made
    zeros = deflated_zeros(512 * MIB)
    entries = [
        (name, zeros, 8, 30 * MIB, crc) if name == MAIN_PART[kind] else (name, raw, method, declared, crc)
        for name, raw, method, declared, crc in honest_entries(data)
    ]
    # 30 MiB declared in about 520 KB passes the declared-ratio check; the bytes really produced do not
    message = refusal(build_zip(entries), FORMATS[kind])
    assert "zip bomb" in message and MAIN_PART[kind] in message


def test_a_high_ratio_part_is_refused(made: tuple[str, bytes]) -> None:
    kind, data = made
    repeated = b"<w:p><w:r><w:t>Shared values</w:t></w:r></w:p>" * (95 * MIB // 47)
    bomb = high_ratio_package(data, MAIN_PART[kind], repeated)
    assert len(bomb) < 2 * MIB
    message = refusal(bomb, FORMATS[kind])
    assert MAIN_PART[kind] in message and "zip bomb" in message and "97,495,252" in message
    assert "max_entry_bytes" in refusal(bomb, FORMATS[kind], ArchiveLimits(max_ratio=1e9))
    honest_but_dense = high_ratio_package(data, MAIN_PART[kind], repeated[: 20 * MIB])
    message = refusal(honest_but_dense, FORMATS[kind])
    assert MAIN_PART[kind] in message and "zip bomb" in message


def test_the_total_is_counted_on_every_part(made: tuple[str, bytes]) -> None:
    kind, data = made
    assert "max_total_bytes" in refusal(data, FORMATS[kind], ArchiveLimits(max_total_bytes=20_000))
    assert "max_entry_bytes" in refusal(data, FORMATS[kind], ArchiveLimits(max_entry_bytes=10_000))
    assert "max_file_bytes" in refusal(data, FORMATS[kind], ArchiveLimits(max_file_bytes=1_000))


@pytest.mark.parametrize("name", ["customXml/item1.bin", "word/_rels/extra.rels", "xl/media/notes.txt", "docProps/x"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_doctype_in_any_part_under_any_name_and_encoding(made: tuple[str, bytes], name: str, encoding: str) -> None:
    kind, data = made
    xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode(encoding)
    entries = [*honest_entries(data), (name, xml, 0, len(xml), zlib.crc32(xml))]
    message = refusal(build_zip(entries), FORMATS[kind])
    assert "DOCTYPE" in message and name in message


@pytest.mark.parametrize("what", ["part", "content-type"])
def test_macros_are_refused_in_both_formats(made: tuple[str, bytes], what: str) -> None:
    kind, data = made
    entries = honest_entries(data)
    folder = "word" if kind == "docx" else "xl"
    if what == "part":
        entries.append((f"{folder}/vbaProject.bin", b"\x00" * 64, 0, 64, zlib.crc32(b"\x00" * 64)))
    else:
        macro = next(iter(FORMATS[kind].macro_types - {"application/vnd.ms-office.vbaProject"}))
        changed = []
        for name, raw, method, declared, crc in entries:
            if name == "[Content_Types].xml":
                content = zlib.decompress(raw, -15)
                content = content.replace(sorted(FORMATS[kind].main_types)[0].encode(), macro.encode())
                raw, method, declared, crc = content, 0, len(content), zlib.crc32(content)
            changed.append((name, raw, method, declared, crc))
        entries = changed
    assert "macro-enabled" in refusal(build_zip(entries), FORMATS[kind])


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/passwd", "word\\x.xml", "C:/x.xml", "a\x00b", "x" * 300])
def test_names_office_never_writes(made: tuple[str, bytes], name: str) -> None:
    kind, data = made
    entries = [*honest_entries(data), (name, b"x", 0, 1, zlib.crc32(b"x"))]
    assert "never writes" in refusal(build_zip(entries), FORMATS[kind])


def test_a_bad_checksum_or_a_cut_stream_is_damage(made: tuple[str, bytes]) -> None:
    kind, data = made
    entries = honest_entries(data)
    name, raw, method, declared, crc = entries[0]
    assert "damaged" in refusal(build_zip([(name, raw, method, declared, crc ^ 1), *entries[1:]]), FORMATS[kind])
    assert "damaged" in refusal(build_zip([(name, raw[:-4], method, declared, crc), *entries[1:]]), FORMATS[kind])


def test_too_many_parts_are_refused_from_the_end_record() -> None:
    entries = [(f"p{index}", b"", 0, 0, 0) for index in range(300)]
    assert "max_entries" in refusal(build_zip(entries), WORD)


def test_the_package_handed_on_is_the_verified_parts(made: tuple[str, bytes]) -> None:
    kind, data = made
    package = open_package(data, FORMATS[kind], ArchiveLimits())
    rebuilt = open_package(package.as_zip().getvalue(), FORMATS[kind], ArchiveLimits())
    assert rebuilt.parts == package.parts
