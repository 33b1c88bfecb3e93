"""Fixtures for the html exporter's tests: every page kind built from the examples, and a published site."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coproduction_html import HtmlExporter, Site, publish_site
from example_documents import AS_OF, example_documents

import coproduction as cp


@pytest.fixture(scope="session")
def documents() -> dict[str, object]:
    return example_documents()


@pytest.fixture(scope="session")
def pages(documents: dict[str, object]) -> dict[str, str]:
    """Each example document as one page, by its short name."""
    exporter = HtmlExporter()
    context = cp.export_context(as_of=AS_OF)
    written = {}
    for name, document in documents.items():
        out = io.BytesIO()
        exporter.export(document, out, context)
        written[name] = out.getvalue().decode("utf-8")
    return written


@pytest.fixture(scope="session")
def site(documents: dict[str, object], tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("published") / "site"
    return publish_site(list(documents.values()), folder, context=cp.export_context(as_of=AS_OF))
