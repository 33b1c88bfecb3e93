"""Quick versions of benchmarks/bench_xlsx.py, asserting the ratios the issue names.

Timing ratios are noisy, so each is tried up to three times before failing.
The full runs (300 audits, 300 files, 24,000 audits in memory) are on demand:
``python exporters/coproduction-xlsx/benchmarks/bench_xlsx.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_xlsx.py"
MAX_RATIO = 1.3
MAX_MEMORY_MB = 150


def run(*args: str) -> dict:
    result = subprocess.run([sys.executable, str(BENCH), "--quick", *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.benchmark
@pytest.mark.parametrize(
    ("part", "args"), [("summary", ("--summary-audits", "300")), ("import", ("--import-files", "60"))]
)
def test_ratio_against_openpyxl(part, args):
    ratios = []
    for _ in range(3):
        result = run("--only", part, *args)[part]
        ratios.append(round(result["ratio"], 3))
        if result["ratio"] <= MAX_RATIO:
            return
    pytest.fail(f"{part}: ours / openpyxl = {ratios}, above {MAX_RATIO} three times")


@pytest.mark.benchmark
def test_summary_memory_stays_small_and_flat():
    small = run("--only", "memory", "--memory-audits", "100")["memory"]
    large = run("--only", "memory", "--memory-audits", "600")["memory"]
    assert large["audits"] == 600
    assert large["max_rss_mb"] < MAX_MEMORY_MB
    assert large["tracemalloc_peak_mb"] < MAX_MEMORY_MB
    # six times the audits: Python memory must not grow with them (streamed, counters only)
    assert large["tracemalloc_peak_mb"] < small["tracemalloc_peak_mb"] + 2, (small, large)
