"""Fixtures shared by the xlsx exporter's tests (helpers are fixtures: tests run with importlib mode)."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from coproduction_xlsx import XlsxExporter
from openpyxl import load_workbook

from coproduction import Audit, AuditTemplate, Field, Framework, Response, default_catalogue, export_context

PREFIX = "coproduction_"


@pytest.fixture
def exporter() -> XlsxExporter:
    return XlsxExporter()


@pytest.fixture(scope="session")
def worcestershire() -> Framework:
    return default_catalogue().framework("worcestershire-seven-quality-standards")


@pytest.fixture(scope="session")
def durham() -> Framework:
    return default_catalogue().framework("durham-audit-tool-for-participation")


def export_bytes(document: object) -> bytes:
    out = io.BytesIO()
    XlsxExporter().export(document, out, export_context())
    return out.getvalue()


def template_bytes(framework: Framework, perspective: str = "parent-carers", **kwargs: Any) -> bytes:
    return export_bytes(AuditTemplate(framework, perspective, **kwargs))


def set_text(cell: Any, value: str | None) -> None:
    """Put text in a cell as a person typing it into a text cell would: never a formula."""
    cell.value = value or None
    if value:
        cell.data_type = "s"


def named_cells(wb: Any, name: str) -> list[Any]:
    """The cells a defined name points to, top to bottom."""
    (sheet, reference), *_ = list(wb.defined_names[name].destinations)
    cells = wb[sheet][reference.replace("$", "")]
    if not isinstance(cells, tuple):
        return [cells]
    return [row[0] if isinstance(row, tuple) else row for row in cells]


def fill_template(data: bytes, audit: Audit, framework: Framework) -> bytes:
    """Fill a template workbook with an audit's answers, through openpyxl and the defined names."""
    wb = load_workbook(io.BytesIO(data))
    set_text(named_cells(wb, PREFIX + "organisation")[0], audit.organisation.name)
    set_text(named_cells(wb, PREFIX + "organisation_identifier")[0], audit.organisation.identifier)
    set_text(named_cells(wb, PREFIX + "completed_by")[0], audit.completed_by)
    named_cells(wb, PREFIX + "date")[0].value = audit.date
    responses = audit.by_criterion()
    ratings = named_cells(wb, PREFIX + "rating")
    na = named_cells(wb, PREFIX + "not_applicable") if framework.allows_not_applicable else None
    texts = {field: named_cells(wb, PREFIX + field.value) for field in framework.fields}
    for index, criterion in enumerate(framework.criteria):
        response = responses.get(criterion.id)
        if response is None:
            continue
        if response.rating is not None:
            set_text(ratings[index], framework.scale.level(response.rating).name)
        if na is not None and response.not_applicable:
            set_text(na[index], "Yes")
        for field, cells in texts.items():
            set_text(cells[index], getattr(response, field.value))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def expected_back(audit: Audit, framework: Framework) -> Audit:
    """What reading a filled template gives: one response per criterion, in framework order."""
    responses = audit.by_criterion()
    ordered = []
    for criterion in framework.criteria:
        response = responses.get(criterion.id) or Response(criterion=criterion.id)
        kept = {field.value: getattr(response, field.value) for field in Field if field in framework.fields}
        ordered.append(
            Response(
                criterion=criterion.id,
                rating=response.rating,
                not_applicable=response.not_applicable,
                **kept,
            )
        )
    return Audit(
        framework=audit.framework,
        framework_version=audit.framework_version,
        organisation=audit.organisation,
        perspective=audit.perspective,
        date=audit.date,
        responses=tuple(ordered),
        completed_by=audit.completed_by,
    )


class Helpers:
    export_bytes = staticmethod(export_bytes)
    template_bytes = staticmethod(template_bytes)
    fill_template = staticmethod(fill_template)
    expected_back = staticmethod(expected_back)
    named_cells = staticmethod(named_cells)
    set_text = staticmethod(set_text)

    @staticmethod
    def sample_audit(framework: Framework, perspective: str = "parent-carers") -> Audit:
        """A complete audit cycling through the levels, with some not-applicable answers."""
        levels = framework.scale.levels
        responses = []
        for index, criterion in enumerate(framework.criteria):
            na = framework.allows_not_applicable and index % 7 == 3
            responses.append(
                Response(
                    criterion=criterion.id,
                    rating=None if na or index % 11 == 5 else levels[index % len(levels)].id,
                    not_applicable=na,
                    evidence=f"Evidence {index}" if Field.EVIDENCE in framework.fields else "",
                    required_actions="Act" if Field.REQUIRED_ACTIONS in framework.fields else "",
                    next_steps="=1+2" if Field.NEXT_STEPS in framework.fields and index == 0 else "",
                )
            )
        from coproduction import Organisation

        return Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=Organisation("Oak Primary School", "123456"),
            perspective=perspective,
            date=dt.date(2025, 5, 13),
            responses=responses,
            completed_by="A. Parent",
        )


@pytest.fixture(scope="session")
def helpers() -> type[Helpers]:
    return Helpers


@pytest.fixture(scope="session")
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not on PATH; CI installs it to run these tests")
    return path


@pytest.fixture
def lo_convert(soffice: str, tmp_path: Path) -> Callable[..., list[Path]]:
    """Convert files with headless LibreOffice, with a profile of our own; return the outputs in order."""

    def convert(*sources: Path, target: str, suffix: str | None = None) -> list[Path]:
        outdir = tmp_path / f"lo-out-{uuid.uuid4().hex[:8]}"
        outdir.mkdir()
        profile = Path(f"/tmp/lo-xlsx-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            result = subprocess.run(
                [
                    soffice,
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(outdir),
                    *map(str, sources),
                ],
                capture_output=True,
                text=True,
                timeout=300,
            )
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        extension = suffix or target.split(":")[0]
        outputs = []
        for source in sources:
            exact = outdir / f"{source.stem}.{extension}"
            found = [exact] if exact.exists() else sorted(outdir.glob(f"{source.stem}-*.{extension}"))
            assert found, f"LibreOffice did not convert {source.name}: {result.stdout} {result.stderr}"
            outputs.append(found[0])
        return outputs

    return convert
