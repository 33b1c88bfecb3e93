"""Benchmarks of the xlsx exporter against openpyxl doing the same work in the same run.

Run from anywhere with the exporter installed::

    python exporters/coproduction-xlsx/benchmarks/bench_xlsx.py            # full: 300 audits, 300 files, 24,000 audits
    python exporters/coproduction-xlsx/benchmarks/bench_xlsx.py --quick    # what the test runs

It prints one JSON object:

* ``summary``: the council summary of N audits (``write_summary``) against
  openpyxl's write-only mode writing exactly the same cells (values, number
  formats, fonts and fills, read back from our own output before timing);
  ``ratio`` = ours / openpyxl, target at most 1.3.
* ``import``: reading N filled templates (``XlsxExporter.read``, with every
  safety check) against openpyxl's read-only mode loading each workbook and
  reading the same cells (the metadata sheet and the audit sheet's used
  range); target at most 1.3.
* ``memory``: the peak memory of a council summary of M audits generated
  lazily, measured in a fresh subprocess (tracemalloc peak of Python
  allocations and the process's maximum resident set size); target under 150 MB.

Times are the best of several interleaved repeats, since machines are noisy.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

from coproduction_xlsx import XlsxExporter, write_summary
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from coproduction import Audit, AuditTemplate, Framework, Organisation, Response, default_catalogue, export_context

CATALOGUE = default_catalogue()

FRAMEWORK_ID = "worcestershire-seven-quality-standards"


def framework() -> Framework:
    """The framework the benchmarks use."""
    return default_catalogue().framework(FRAMEWORK_ID)


def generate_audits(count: int, fw: Framework, seed: int = 7) -> Iterator[Audit]:
    """Audits made one at a time, as a council's files would be loaded."""
    rng = random.Random(seed)
    levels = [level.id for level in fw.scale.levels]
    perspectives = ["school-staff", "parent-carers"]
    for index in range(count):
        responses = []
        for criterion in fw.criteria:
            roll = rng.random()
            rating = None if roll < 0.08 else levels[int(roll * 1000) % len(levels)]
            responses.append(Response(criterion=criterion.id, rating=rating, evidence="Evidence" if roll > 0.5 else ""))
        yield Audit(
            framework=fw.id,
            framework_version=fw.version,
            organisation=Organisation(f"School {index // 2:05d}", f"{100000 + index // 2}"),
            perspective=perspectives[index % 2],
            date=dt.date(2025, 1, 1) + dt.timedelta(days=index % 300),
            responses=responses,
            completed_by=f"Person {index}",
        )


def best_of(repeats: int, *candidates: Callable[[], object]) -> list[float]:
    """The best time of each candidate, interleaving their runs."""
    best = [float("inf")] * len(candidates)
    for _ in range(repeats):
        for index, candidate in enumerate(candidates):
            start = time.perf_counter()
            candidate()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def _cells_of(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    """Every cell of a workbook, per sheet: a plain value, or (value, data type, styles that differ from default)."""
    wb = load_workbook(io.BytesIO(data))
    sheets = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells: list[Any] = []
            for cell in row:
                if cell.value is None:
                    cells.append(None)
                    continue
                styles = {}
                array = cell._style  # which styles differ from the workbook's defaults (index 0)
                for name, index in (("number_format", array.numFmtId), ("font", array.fontId),
                                    ("fill", array.fillId), ("alignment", array.alignmentId),
                                    ("quotePrefix", array.quotePrefix)):  # fmt: skip
                    if index:
                        styles[name] = copy.copy(getattr(cell, name))
                if styles or (cell.data_type != "n" and cell.data_type != "s") or str(cell.value)[:1] in "=+-@\t\r\n#":
                    cells.append((cell.value, cell.data_type, styles))
                else:
                    cells.append(cell.value)
            rows.append(cells)
        sheets.append((ws.title, rows))
    return sheets


def _write_cells(sheets: list[tuple[str, list[list[Any]]]]) -> None:
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            values: list[Any] = []
            for item in row:
                if isinstance(item, tuple):
                    value, data_type, styles = item
                    cell = WriteOnlyCell(ws, value=value)
                    cell.data_type = data_type
                    for name, style in styles.items():
                        setattr(cell, name, style)
                    values.append(cell)
                else:
                    values.append(item)
            ws.append(values)
    wb.save(io.BytesIO())


def bench_summary(count: int, repeats: int) -> dict[str, Any]:
    """Time the council summary of ``count`` audits against openpyxl writing the same cells."""
    fw = framework()
    audits = list(generate_audits(count, fw))
    ours_bytes = io.BytesIO()
    write_summary(audits, ours_bytes, catalogue=CATALOGUE)
    sheets = _cells_of(ours_bytes.getvalue())
    cells = sum(1 for _, rows in sheets for row in rows for item in row if item is not None)
    ours, base = best_of(
        repeats, lambda: write_summary(audits, io.BytesIO(), catalogue=CATALOGUE), lambda: _write_cells(sheets)
    )
    return {"audits": count, "cells": cells, "ours_s": ours, "openpyxl_s": base, "ratio": ours / base}


def _filled_templates(distinct: int) -> list[bytes]:
    fw = framework()
    template = io.BytesIO()
    XlsxExporter().export(AuditTemplate(fw, "parent-carers"), template, export_context())
    files = []
    for audit in generate_audits(distinct, fw, seed=11):
        wb = load_workbook(io.BytesIO(template.getvalue()))
        (sheet, _), *_ = wb.defined_names["coproduction_organisation"].destinations
        ws = wb[sheet]
        ws["C2"], ws["C4"], ws["C5"] = audit.organisation.name, audit.completed_by, audit.date
        names = {level.id: level.name for level in fw.scale.levels}
        for row, response in enumerate(audit.responses, start=9):
            ws.cell(row=row, column=5, value=names[response.rating] if response.rating else None)
            ws.cell(row=row, column=6, value=response.evidence or None)
        out = io.BytesIO()
        wb.save(out)
        files.append(out.getvalue())
    return files


def _openpyxl_read(data: bytes) -> None:
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        _ = [d.destinations for d in wb.defined_names.values()]
        for row in wb["Metadata"].iter_rows(min_col=1, max_col=4):
            _ = [cell.value for cell in row]
        ws = wb["Audit"]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, min_col=1, max_col=ws.max_column):
            _ = [(cell.value, cell.data_type) for cell in row]
    finally:
        wb.close()


def bench_import(count: int, repeats: int, distinct: int = 10) -> dict[str, Any]:
    """Time reading ``count`` filled templates against openpyxl read-only reading the same cells."""
    files = _filled_templates(distinct)
    batch = [files[index % distinct] for index in range(count)]
    exporter = XlsxExporter()
    context = export_context()

    def ours() -> None:
        for data in batch:
            exporter.read(io.BytesIO(data), context)

    def base() -> None:
        for data in batch:
            _openpyxl_read(data)

    ours_s, base_s = best_of(repeats, ours, base)
    return {"files": count, "ours_s": ours_s, "openpyxl_s": base_s, "ratio": ours_s / base_s}


_MEMORY_CHILD = """
import io, json, resource, sys, tempfile, tracemalloc
sys.path.insert(0, {here!r})
import bench_xlsx
from coproduction_xlsx import write_summary
fw = bench_xlsx.framework()
catalogue = bench_xlsx.CATALOGUE
count = {count}
tracemalloc.start()
with tempfile.TemporaryFile() as out:
    written = write_summary(bench_xlsx.generate_audits(count, fw), out, catalogue=catalogue)
    size = out.tell()
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"audits": written, "bytes": size, "tracemalloc_peak_mb": peak / 2**20, "max_rss_mb": rss}}))
"""


def bench_memory(count: int) -> dict[str, Any]:
    """Measure the peak memory of a summary of ``count`` lazily made audits, in a fresh process."""
    import os

    here = os.path.dirname(os.path.abspath(__file__))
    code = _MEMORY_CHILD.format(here=here, count=count)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    report["seconds"] = time.perf_counter() - start
    return report


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks and print their results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a short run, for the tests")
    parser.add_argument("--summary-audits", type=int)
    parser.add_argument("--import-files", type=int)
    parser.add_argument("--memory-audits", type=int)
    parser.add_argument("--repeats", type=int)
    parser.add_argument("--only", choices=["summary", "import", "memory"], action="append")
    args = parser.parse_args(argv)
    quick = args.quick
    repeats = args.repeats or (3 if quick else 5)
    only = set(args.only or ["summary", "import", "memory"])
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory():
        if "summary" in only:
            results["summary"] = bench_summary(args.summary_audits or 300, repeats)
        if "import" in only:
            results["import"] = bench_import(args.import_files or (100 if quick else 300), repeats)
        if "memory" in only:
            results["memory"] = bench_memory(args.memory_audits or (1_000 if quick else 24_000))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
