"""The site benchmark runs and its figures hang together (the timing target is checked by benchmarks/run.py)."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from example_documents import ROOT

pytestmark = pytest.mark.benchmark


def test_the_site_benchmark_measures_a_site_beside_word_reports() -> None:
    pytest.importorskip("coproduction_docx")
    path = ROOT / "exporters" / "coproduction-html" / "benchmarks" / "bench_html_site.py"
    spec = importlib.util.spec_from_file_location("bench_html_site", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_html_site"] = module
    spec.loader.exec_module(module)
    measured = module.measure(6, 1)
    assert measured["site_s"] > 0 and measured["word_reports_s"] > 0
    assert measured["ratio"] == round(measured["site_s"] / measured["word_reports_s"], 3)
    assert measured["ratio"] < 1, "a site should never cost more than the Word reports"
