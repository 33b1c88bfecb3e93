"""Benchmark: a council's site of 300 schools' audit reports, beside the same 300 reports written as Word files.

A council publishing its schools' reports on its Local Offer would otherwise
send 300 Word reports. Both sides draw the same 300 audit reports of the
31-statement framework in one process, one core, alternately: ours is
``publish_site`` writing 300 pages, the index and the feed to disk; the
floor is the Word exporter writing the 300 reports to memory. The ratio says
what a site costs against the Word reports a council already makes; target:
at most 0.5 (the site in half the time of the Word reports).

Run: ``python exporters/coproduction-html/benchmarks/bench_html_site.py [schools] [repeats]``; prints JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from coproduction_html import publish_site

import coproduction as cp

TARGET_RATIO = 0.5
AS_OF = dt.date(2025, 4, 1)


def reports(count: int) -> list[cp.AuditReport]:
    """``count`` schools' audit reports, every statement rated (varied), with evidence and next steps."""
    framework = cp.default_catalogue().framework("worcestershire-seven-quality-standards")
    levels = [level.id for level in framework.scale.levels]
    made = []
    for number in range(count):
        responses = [
            cp.Response(
                criterion=criterion.id,
                rating=levels[(number + index) % len(levels)],
                evidence=f"Termly forum minutes, item {index}.",
                required_actions="Ask parent carers before changing the SEND information report." if index % 3 else "",
                next_steps="Review at the spring meeting.",
            )
            for index, criterion in enumerate(framework.criteria)
        ]
        audit = cp.Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=cp.Organisation(f"School {number:03d}", f"{100000 + number}"),
            perspective=cp.Perspective.PARENT_CARERS if number % 2 else cp.Perspective.SCHOOL_STAFF,
            date=dt.date(2025, 3, 1),
            responses=responses,
        )
        made.append(cp.AuditReport(audit, framework))
    return made


def word_reports(documents: list[cp.AuditReport], exporter: Any, context: cp.ExportContext) -> int:
    """The floor: the same reports as Word files, in memory."""
    size = 0
    for document in documents:
        out = io.BytesIO()
        exporter.export(document, out, context)
        size += len(out.getvalue())
    return size


def site(documents: list[cp.AuditReport], folder: Path, context: cp.ExportContext) -> int:
    """Ours: the whole site, written to disk."""
    published = publish_site(documents, folder / "site", context=context)
    return len(published.pages)


def measure(count: int = 300, repeats: int = 3) -> dict[str, Any]:
    """Time both alternately ``repeats`` times (best of each); return the times and their ratio."""
    from coproduction_docx import DocxExporter

    documents = reports(count)
    context = cp.export_context(as_of=AS_OF)
    exporter = DocxExporter()
    ours_times: list[float] = []
    floor_times: list[float] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        site(documents[:2], folder, context)  # warm the templates
        word_reports(documents[:2], exporter, context)
        for _ in range(repeats):
            start = time.perf_counter()
            assert site(documents, folder, context) == count
            ours_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            word_reports(documents, exporter, context)
            floor_times.append(time.perf_counter() - start)
    # The ratio is taken from the figures as reported, so they hang together.
    ours, floor = round(min(ours_times), 4), round(min(floor_times), 4)
    return {
        "benchmark": f"site of {count} schools' audit reports against {count} Word reports",
        "repeats": repeats,
        "site_s": ours,
        "word_reports_s": floor,
        "ratio": round(ours / floor, 3),
        "target_ratio": TARGET_RATIO,
        "pages_per_second": round(count / ours, 1),
        "median_site_s": round(statistics.median(ours_times), 4),
    }


def main() -> None:
    """Print the measurement as JSON."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(json.dumps(measure(count, repeats), indent=2))


if __name__ == "__main__":
    main()
