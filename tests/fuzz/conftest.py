"""Fixtures for the fuzz targets: the catalogue, and fresh seeds made by the exporters in use."""

from __future__ import annotations

import datetime as dt

import pytest
from office_files import fill_docx, filled, template

import coproduction as cp


@pytest.fixture(scope="session")
def fuzz_catalogue() -> cp.Catalogue:
    return cp.default_catalogue()


@pytest.fixture(scope="session")
def fresh_office_seeds(fuzz_catalogue: cp.Catalogue) -> dict[str, list[bytes]]:
    """Filled templates of both built-in frameworks, made now, so mutations follow the current layout."""
    pytest.importorskip("coproduction_docx")
    pytest.importorskip("coproduction_xlsx")
    seeds: dict[str, list[bytes]] = {"docx": [], "xlsx": []}
    for framework in fuzz_catalogue.frameworks():
        ratings = {criterion.id: framework.scale.levels[-1].id for criterion in framework.criteria[::2]}
        for exporter in ("docx", "xlsx"):
            seeds[exporter].append(filled(framework, exporter, "Fuzz School", ratings))
        texts = {
            f"{criterion.id}:{field.value}": f"Typed {field.value}"
            for criterion in framework.criteria[:5]
            for field in framework.fields
        }
        texts["cover:completed_by"] = "A. Patel"
        seeds["docx"].append(fill_docx(template(framework, "docx", "Texts", dt.date(2025, 1, 1)), framework, {}, texts))
    return seeds
