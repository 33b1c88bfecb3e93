"""Fuzz both Office importers with hostile archives: lying zip headers and high-ratio parts, within budgets.

Each input is a filled template with one part replaced: by a deflate stream
of zeros (up to 2 GiB) whose local and central headers declare any size, or by
honestly declared, very compressible markup. Whatever the mix, the importer
must refuse it with the library's own error naming the file, in under 2
seconds and under 200 MB of memory traced while reading.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zlib

import pytest
from fuzz.mutations import assert_readable_refusal, fuzz_settings
from hostile_zips import MIB, build_zip, deflated_zeros, honest_entries
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp

pytest.importorskip("coproduction_docx", reason="the Office exporters are installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the Office exporters are installed by scripts/test")

BUDGET_SECONDS = 2.0
BUDGET_BYTES = 200 * MIB
PARTS = {
    "docx": ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "docProps/custom.xml", "_rels/.rels"],
    "xlsx": ["[Content_Types].xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet2.xml", "_rels/.rels"],
}


def reader(kind: str) -> object:
    if kind == "docx":
        from coproduction_docx import DocxExporter

        return DocxExporter()
    from coproduction_xlsx import XlsxExporter

    return XlsxExporter()


def refused_within_budget(kind: str, content: bytes, catalogue: cp.Catalogue) -> cp.CoproductionError:
    stream = io.BytesIO(content)
    stream.name = f"hostile.{kind}"  # type: ignore[attr-defined]
    tracemalloc.start()
    start = time.perf_counter()
    try:
        reader(kind).read(stream, cp.export_context(catalogue=catalogue))  # type: ignore[attr-defined]
    except cp.CoproductionError as error:
        refusal = error
    else:
        pytest.fail("a hostile archive was read")
    finally:
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert seconds < BUDGET_SECONDS and peak < BUDGET_BYTES, (seconds, peak)
    assert_readable_refusal(refusal)
    assert refusal.source == f"hostile.{kind}"
    return refusal


@pytest.fixture(scope="module")
def entries(fresh_office_seeds: dict[str, list[bytes]]) -> dict[str, list[tuple[str, bytes, int, int, int]]]:
    return {kind: honest_entries(seeds[0]) for kind, seeds in fresh_office_seeds.items()}


@fuzz_settings(12)
@given(
    kind=st.sampled_from(["docx", "xlsx"]),
    index=st.integers(0, 4),
    real=st.sampled_from([16 * MIB, 256 * MIB, 2048 * MIB]),
    declared=st.one_of(st.integers(0, 100_000), st.integers(1 * MIB, 64 * MIB)),
    honest_crc=st.booleans(),
)
def test_lying_headers(
    entries: dict[str, list[tuple[str, bytes, int, int, int]]],
    fuzz_catalogue: cp.Catalogue,
    kind: str,
    index: int,
    real: int,
    declared: int,
    honest_crc: bool,
) -> None:
    part = PARTS[kind][index]
    zeros = deflated_zeros(real)
    crc = zlib.crc32(bytes(declared)) if honest_crc and declared <= 100_000 else 0
    changed = [(n, zeros, 8, declared, crc) if n == part else (n, r, m, s, c) for n, r, m, s, c in entries[kind]]
    error = refused_within_budget(kind, build_zip(changed), fuzz_catalogue)
    assert part in str(error) or "ArchiveLimits" in str(error)


@fuzz_settings(12)
@given(
    kind=st.sampled_from(["docx", "xlsx"]),
    index=st.integers(0, 4),
    unit=st.sampled_from([b"<w:p/>", b"<si><t>a</t></si>", b"<x a='1'/>", b" "]),
    mebibytes=st.integers(2, 95),
)
def test_high_ratio_parts(
    entries: dict[str, list[tuple[str, bytes, int, int, int]]],
    fuzz_catalogue: cp.Catalogue,
    kind: str,
    index: int,
    unit: bytes,
    mebibytes: int,
) -> None:
    part = PARTS[kind][index]
    content = unit * (mebibytes * MIB // len(unit))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = compressor.compress(content) + compressor.flush()
    changed = [
        (n, raw, 8, len(content), zlib.crc32(content)) if n == part else (n, r, m, s, c)
        for n, r, m, s, c in entries[kind]
    ]
    error = refused_within_budget(kind, build_zip(changed), fuzz_catalogue)
    assert "zip bomb" in str(error) or "ArchiveLimits" in str(error)
