"""Fixtures for the Word exporter's tests: filling a template as Word does, and LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import types
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from coproduction_docx import DocxExporter
from lxml import etree

import coproduction as c
from coproduction import export_context

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W = f"{{{W}}}"
_W14 = f"{{{W14}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

Values = dict[str, "str | bool | dt.date"]


def word_run(value: str) -> etree._Element:
    """A run as Word stores typed text: w:t pieces, w:br for Enter in a text control, w:tab."""
    run = etree.Element(f"{_W}r")
    for index, line in enumerate(value.split("\n")):
        if index:
            etree.SubElement(run, f"{_W}br")
        for piece_index, piece in enumerate(line.split("\t")):
            if piece_index:
                etree.SubElement(run, f"{_W}tab")
            if piece:
                t = etree.SubElement(run, f"{_W}t")
                t.text = piece
                t.set(XML_SPACE, "preserve")
    return run


def rewrite_part(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """Return the .docx with one part changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename, change(content) if info.filename == part else content)
    return out.getvalue()


def fill_values(data: bytes, values: Values) -> bytes:
    """Fill content controls by tag the way Word stores answers.

    Text and drop-down values replace the control's content and drop
    ``w:showingPlcHdr``; a check box gets ``w14:checked`` and its symbol; a
    date gets ``w:fullDate`` and its text. A drop-down value is a level id
    (shown as its display text) or any other text typed over it.
    """

    def change(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        for sdt in root.iter(f"{_W}sdt"):
            properties = sdt.find(f"{_W}sdtPr")
            tag = properties.find(f"{_W}tag").get(f"{_W}val")
            if tag not in values:
                continue
            value = values[tag]
            content = sdt.find(f"{_W}sdtContent")
            shown = properties.find(f"{_W}showingPlcHdr")
            box = properties.find(f"{_W14}checkbox")
            if box is not None:
                box.find(f"{_W14}checked").set(f"{_W14}val", "1" if value else "0")
                content.find(f".//{_W}t").text = "\u2612" if value else "\u2610"
                continue
            if shown is not None:
                properties.remove(shown)
            for child in list(content):
                content.remove(child)
            date = properties.find(f"{_W}date")
            if date is not None and isinstance(value, dt.date):
                date.set(f"{_W}fullDate", f"{value.isoformat()}T00:00:00Z")
                value = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
            dropdown = properties.find(f"{_W}dropDownList")
            if dropdown is not None:
                for item in dropdown.findall(f"{_W}listItem"):
                    if item.get(f"{_W}value") == value:
                        dropdown.set(f"{_W}lastValue", str(value))
                        value = item.get(f"{_W}displayText")
                        break
            assert isinstance(value, str)
            content.append(word_run(value))
        result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return result

    return rewrite_part(data, "word/document.xml", change)


def audit_values(audit: c.Audit, framework: c.Framework) -> Values:
    """The tag-to-value map that fills a template with an audit's answers (empty answers left as prompts)."""
    values: Values = {
        "cover:organisation": audit.organisation.name,
        "cover:date": audit.date,
        "cover:perspective": audit.perspective.value,
    }
    if audit.organisation.identifier:
        values["cover:organisation_identifier"] = audit.organisation.identifier
    if audit.completed_by:
        values["cover:completed_by"] = audit.completed_by
    for response in audit.responses:
        if response.rating is not None:
            values[f"{response.criterion}:rating"] = response.rating
        if response.not_applicable:
            values[f"{response.criterion}:not_applicable"] = True
        for field in framework.fields:
            text = getattr(response, field.value)
            if text:
                values[f"{response.criterion}:{field.value}"] = text
    return values


def normalised(audit: c.Audit, framework: c.Framework) -> tuple[object, ...]:
    """An audit with a missing response and an empty one made the same, responses keyed by criterion."""
    responses = audit.by_criterion()
    return (
        audit.framework,
        audit.framework_version,
        audit.organisation,
        audit.perspective,
        audit.date,
        audit.completed_by,
        {
            criterion.id: responses.get(criterion.id) or c.Response(criterion=criterion.id)
            for criterion in framework.criteria
        },
    )


@pytest.fixture
def exporter() -> DocxExporter:
    return DocxExporter()


@pytest.fixture(scope="session")
def catalogue() -> c.Catalogue:
    return c.default_catalogue()


@pytest.fixture(scope="session")
def worcestershire() -> c.Framework:
    return c.default_catalogue().framework("worcestershire-seven-quality-standards")


@pytest.fixture(scope="session")
def durham() -> c.Framework:
    return c.default_catalogue().framework("durham-audit-tool-for-participation")


def export_bytes(document: object) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(document, out, export_context())
    return out.getvalue()


def read_bytes(data: bytes, name: str = "filled.docx", catalogue: c.Catalogue | None = None) -> c.Audit:
    stream = io.BytesIO(data)
    stream.name = name  # type: ignore[attr-defined]
    return DocxExporter().read(stream, export_context(catalogue=catalogue))


@pytest.fixture(scope="session")
def helpers() -> types.SimpleNamespace:
    """The helpers above, for test modules (which cannot import this conftest by name)."""
    return types.SimpleNamespace(
        fill_values=fill_values,
        audit_values=audit_values,
        normalised=normalised,
        export_bytes=export_bytes,
        read_bytes=read_bytes,
        rewrite_part=rewrite_part,
        W=W,
        W14=W14,
    )


@pytest.fixture(scope="session")
def soffice() -> Iterator[Callable[[Path, str, Path], Path]]:
    """Convert a file with LibreOffice headless, in a profile of our own; skip when LibreOffice is absent."""
    program = shutil.which("soffice")
    if program is None:
        pytest.skip("LibreOffice (soffice) is not on PATH; CI installs it")
    profile = Path(f"/tmp/lo-docx-{uuid.uuid4().hex}")

    def convert(source: Path, target: str, outdir: Path) -> Path:
        outdir.mkdir(parents=True, exist_ok=True)
        completed = subprocess.run(
            [
                program,
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        suffix = "." + target.split(":")[0]
        result = outdir / (source.stem + suffix)
        assert result.exists(), f"LibreOffice did not convert {source}: {completed.stdout} {completed.stderr}"
        return result

    yield convert
    shutil.rmtree(profile, ignore_errors=True)
