"""The report benchmark runs, and the exporter stays within 1.25x of plain python-docx."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_docx_report.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_docx_report", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_report_costs_at_most_the_target_ratio_of_plain_python_docx() -> None:
    benchmark = load_benchmark()
    results = []
    for _ in range(3):  # the machine is noisy: up to three tries before failing
        result = benchmark.measure(repeats=9)
        results.append(result)
        if result["ratio"] <= benchmark.TARGET_RATIO:
            break
    else:
        raise AssertionError(f"the docx report is slower than {benchmark.TARGET_RATIO}x plain python-docx: {results}")
    assert set(results[-1]) >= {"ratio", "coproduction_docx_median_s", "plain_python_docx_median_s"}
