"""Benchmark: one audit report of 31 criteria against the same table written with plain python-docx.

The floor is what anyone would write with python-docx alone: a new document,
a title, a table of 31 rows (statement, rating, evidence, gaps) built cell
by cell, and a bar chart of the section scores drawn by matplotlib (as the
report's is), saved to memory. The exporter writes the whole report (summary,
tables, chart, every section) in the same run. Both are timed alternately and
the medians compared, because machines are noisy and absolute times do not
hold.

Run: ``python exporters/coproduction-docx/benchmarks/bench_docx_report.py [repeats]``;
prints JSON with the ratio (target: at most 1.25).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import statistics
import sys
import time
from typing import Any

import docx
from coproduction_docx import DocxExporter
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import coproduction as c
from coproduction import export_context

TARGET_RATIO = 1.25


def build_report() -> c.AuditReport:
    """An audit of all 31 Worcestershire criteria, every one rated, with evidence and actions."""
    catalogue = c.default_catalogue()
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    levels = [level.id for level in framework.scale.levels]
    responses = [
        c.Response(
            criterion=criterion.id,
            rating=levels[index % len(levels)],
            evidence=f"Our SENCo meets the parent carer forum every term.\nMinutes are on the website ({index}).",
            required_actions="Ask the LA for training on co-production." if index % 3 else "",
            next_steps="Review at the spring meeting.",
        )
        for index, criterion in enumerate(framework.criteria)
    ]
    assert len(responses) == 31
    audit = c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak Primary School", "123456"),
        perspective=c.Perspective.JOINT,
        date=dt.date(2025, 3, 14),
        responses=responses,
        completed_by="Jo Bloggs",
    )
    return c.AuditReport(audit, framework)


CONTEXT = export_context()


def ours(report: c.AuditReport, exporter: DocxExporter) -> bytes:
    """The whole report written by the docx exporter."""
    out = io.BytesIO()
    exporter.export(report, out, CONTEXT)
    return out.getvalue()


def plain_python_docx(report: c.AuditReport) -> bytes:
    """The floor: the same table of 31 rows written cell by cell with plain python-docx."""
    framework = report.framework
    responses = report.audit.by_criterion()
    document = docx.Document()
    document.add_heading(f"{report.audit.organisation.name}: audit report", level=0)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for header_cell, heading in zip(table.rows[0].cells, ["Statement", "Rating", "Evidence", "Gaps"], strict=True):
        header_cell.text = heading
    for criterion in framework.criteria:
        response = responses[criterion.id]
        cells = table.add_row().cells
        cells[0].text = criterion.text
        cells[1].text = framework.scale.level(response.rating or "").name
        cells[2].text = response.evidence
        cells[3].text = f"{response.required_actions}\n{response.next_steps}"
    scores = report.scores
    figure = Figure(figsize=(7, 3.5))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = axes.barh([section.title for section in scores.sections], [s.score.value or 0 for s in scores.sections])
    axes.bar_label(bars, [f"{round((s.score.value or 0) * 100)}%" for s in scores.sections])
    picture = io.BytesIO()
    figure.savefig(picture, format="png", dpi=192)
    document.add_picture(io.BytesIO(picture.getvalue()))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def measure(repeats: int = 30) -> dict[str, Any]:
    """Time both alternately ``repeats`` times; return the medians and their ratio."""
    report = build_report()
    exporter = DocxExporter()
    ours(report, exporter)  # warm caches (the trimmed base package, the glossary)
    plain_python_docx(report)
    ours_times: list[float] = []
    floor_times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        ours(report, exporter)
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        plain_python_docx(report)
        floor_times.append(time.perf_counter() - start)
    ours_median = statistics.median(ours_times)
    floor_median = statistics.median(floor_times)
    return {
        "benchmark": "docx audit report, 31 criteria",
        "repeats": repeats,
        "coproduction_docx_median_s": round(ours_median, 6),
        "plain_python_docx_median_s": round(floor_median, 6),
        "ratio": round(ours_median / floor_median, 3),
        "target_ratio": TARGET_RATIO,
    }


def main() -> None:
    """Print the measurement as JSON."""
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    print(json.dumps(measure(repeats), indent=2))


if __name__ == "__main__":
    main()
