"""How cost grows with the number of audits: load, score and council summary.

Run through ``python benchmarks/run.py --scale`` (1, 300 and 24,000 audits; a
few minutes). Each step of each size runs in a fresh process, so its peak
memory (the process's maximum resident set size) is its own. The audits are
written as JSON files first, as a council would receive them:

* ``load``: read and validate every file with :func:`coproduction.load`,
  keeping every audit in memory (as a system that holds them would);
* ``score``: load every file and score it, keeping only the scores;
* ``summary``: stream every file into the council summary workbook (Excel
  when the exporter is installed, else JSON), one audit in memory at a time.

It writes ``scaling.json`` and ``scaling.svg`` (the picture in the docs) into
the output folder. The SVG is drawn here rather than with a plotting library:
two log-scale line charts need a few dozen lines, not a large dependency.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

STEPS = ("load", "score", "summary")
FRAMEWORK = "worcestershire-seven-quality-standards"


def write_audits(folder: Path, count: int, seed: int = 3) -> None:
    """Write ``count`` varied, valid audits of the 31-criterion framework as JSON files."""
    import coproduction as cp

    framework = cp.default_catalogue().framework(FRAMEWORK)
    levels = [level.id for level in framework.scale.levels]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        responses = [
            cp.Response(
                criterion=criterion.id,
                rating=rng.choice([*levels, None]),
                evidence=rng.choice(
                    ["", "Termly forum minutes.", "Parent carer survey, autumn term.\nSee the website."]
                ),
            )
            for criterion in framework.criteria
        ]
        audit = cp.Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=cp.Organisation(f"School {number:05d}", f"{100000 + number}"),
            perspective=rng.choice(list(cp.Perspective)),
            date=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300)),
            responses=responses,
        )
        cp.dump(audit, folder / f"{number:05d}.json")


def run_step(step: str, folder: Path) -> dict[str, Any]:
    """Run one step over every file in ``folder``, in this process; return its time and peak memory."""
    import coproduction as cp

    files = sorted(folder.glob("*.json"))
    catalogue = cp.default_catalogue()
    catalogue.framework(FRAMEWORK)
    if step == "summary":
        from coproduction.exporters import default_registry

        registry = default_registry()
        name = "xlsx" if "xlsx" in registry.names() else "json"
        registry.get(name)  # import the exporter before the clock starts
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    if step == "load":
        kept = [cp.load(file, cp.Audit) for file in files]
        assert len(kept) == len(files)
    elif step == "score":
        scores = []
        for file in files:
            audit = cp.load(file, cp.Audit)
            scores.append(cp.score(audit, catalogue.framework(audit.framework, audit.framework_version)))
        assert len(scores) == len(files)
    elif step == "summary":
        with tempfile.TemporaryDirectory() as out:
            audits = (cp.load(file, cp.Audit) for file in files)
            registry.export(
                cp.CouncilSummary(audits), Path(out) / f"summary.{name}", name=name, context=cp.export_context()
            )
    else:
        raise ValueError(f"unknown step {step!r}; steps are {', '.join(STEPS)}")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_rss_mb": round(peak, 1), "baseline_rss_mb": round(before, 1)}


def measure_scaling(counts: list[int], output: Path) -> dict[str, Any]:
    """Measure every step at every count, each in a fresh process; write the JSON and the SVG."""
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for count in counts:
            folder = Path(temporary) / str(count)
            write_audits(folder, count)
            for step in STEPS:
                child = subprocess.run(
                    [sys.executable, __file__, step, str(folder)], capture_output=True, text=True, check=True
                )
                measured = json.loads(child.stdout)
                rows.append(
                    {"audits": count, "step": step, **measured, "ms_per_audit": measured["seconds"] * 1e3 / count}
                )
    report = {"generated": dt.date.today().isoformat(), "python": sys.version.split()[0], "rows": rows}
    output.mkdir(parents=True, exist_ok=True)
    (output / "scaling.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    (output / "scaling.svg").write_text(draw(rows), "utf-8")
    (output / "scaling.txt").write_text(table(report), "utf-8")
    return report


def table(report: dict[str, Any]) -> str:
    """The measurements as a reStructuredText table, which the docs include."""
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - Audits",
        "     - Step",
        "     - Total time",
        "     - Per audit",
        "     - Peak memory",
    ]
    for row in report["rows"]:
        lines += [
            f"   * - {row['audits']:,}",
            f"     - {row['step']}",
            f"     - {row['seconds']:.3f} s",
            f"     - {row['ms_per_audit']:.2f} ms",
            f"     - {row['peak_rss_mb']:.0f} MB",
        ]
    lines += ["", f"Measured on {report['generated']} with Python {report['python']}.", ""]
    return "\n".join(lines)


COLOURS = {"load": "#1b6ca8", "score": "#2e7d32", "summary": "#b5522b"}
DASHES = {"load": "", "score": "6 3", "summary": "2 3"}


def draw(rows: list[dict[str, Any]]) -> str:
    """Two log-log charts side by side: total seconds, and peak memory, against the number of audits."""
    panels = [("seconds", "Time (seconds)"), ("peak_rss_mb", "Peak memory (MB)")]
    width, height, margin = 360, 260, 56
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {2 * width + 20} {height + 70}" '
        'font-family="sans-serif" font-size="12" role="img">',
        "<title>How load, score and summary grow from 1 to 24,000 audits</title>",
    ]
    counts = sorted({row["audits"] for row in rows})
    for index, (key, label) in enumerate(panels):
        left = index * (width + 20)
        values = [max(row[key], 1e-4) for row in rows]
        low, high = _log_bounds(min(values)), _log_bounds(max(values), up=True)
        xlow, xhigh = _log_bounds(min(counts)), _log_bounds(max(counts), up=True)

        def x(value: float, left: int = left, xlow: float = xlow, xhigh: float = xhigh) -> float:
            span = math.log10(xhigh) - math.log10(xlow)
            return left + margin + (math.log10(value) - math.log10(xlow)) / span * (width - margin - 10)

        def y(value: float, low: float = low, high: float = high) -> float:
            span = math.log10(high) - math.log10(low)
            return 20 + (1 - (math.log10(max(value, low)) - math.log10(low)) / span) * (height - 60)

        parts.append(f'<text x="{left + width / 2}" y="14" text-anchor="middle" font-weight="bold">{label}</text>')
        for tick in _decades(low, high):
            parts.append(
                f'<line x1="{x(xlow):.1f}" x2="{x(xhigh):.1f}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#ddd"/>'
                f'<text x="{x(xlow) - 4:.1f}" y="{y(tick) + 4:.1f}" text-anchor="end">{_number(tick)}</text>'
            )
        for count in counts:
            parts.append(f'<text x="{x(count):.1f}" y="{height - 24}" text-anchor="middle">{count:,}</text>')
        parts.append(f'<text x="{left + width / 2}" y="{height - 6}" text-anchor="middle">audits</text>')
        for step in STEPS:
            points = sorted((row["audits"], row[key]) for row in rows if row["step"] == step)
            path = " ".join(f"{x(a):.1f},{y(v):.1f}" for a, v in points)
            dash = f' stroke-dasharray="{DASHES[step]}"' if DASHES[step] else ""
            parts.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS[step]}" stroke-width="2"{dash}/>')
            for a, v in points:
                parts.append(f'<circle cx="{x(a):.1f}" cy="{y(v):.1f}" r="3" fill="{COLOURS[step]}"/>')
    for number, step in enumerate(STEPS):
        left = 80 + number * 180
        dash = f' stroke-dasharray="{DASHES[step]}"' if DASHES[step] else ""
        parts.append(
            f'<line x1="{left}" x2="{left + 30}" y1="{height + 50}" y2="{height + 50}" '
            f'stroke="{COLOURS[step]}" stroke-width="2"{dash}/>'
            f'<text x="{left + 36}" y="{height + 54}">{escape(step)}</text>'
        )
    parts.append("</svg>\n")
    return "\n".join(parts)


def _log_bounds(value: float, *, up: bool = False) -> float:
    exponent = math.log10(value)
    return float(10 ** (math.ceil(exponent) if up else math.floor(exponent)))


def _decades(low: float, high: float) -> list[float]:
    return [10.0**power for power in range(round(math.log10(low)), round(math.log10(high)) + 1)]


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


if __name__ == "__main__":
    print(json.dumps(run_step(sys.argv[1], Path(sys.argv[2]))))
