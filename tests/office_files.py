"""Filled-in Word and Excel audit templates for the core's tests, made through the exporters' own APIs.

Filling follows the exporters' tests: a Word template's content controls get
their value the way Word stores it (placeholder flag dropped, the drop-down's
display text typed in); an Excel template's input cells are found through the
workbook's defined names and set with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Mapping
from typing import Any

import coproduction as cp
from coproduction import export_context

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def rewrite_zip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """Return the archive with each entry passed through ``change(name, content)``; None drops the entry."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def template(framework: cp.Framework, exporter: str, organisation: str, date: dt.date | None = None) -> bytes:
    """A template made by the named exporter, with the organisation (and date, if given) already filled in."""
    from coproduction.exporters import default_registry

    document = cp.AuditTemplate(
        framework, cp.Perspective.SCHOOL_STAFF, organisation=cp.Organisation(organisation), date=date
    )
    out = io.BytesIO()
    default_registry().get(exporter).export(document, out, context=export_context())
    return out.getvalue()


def fill_docx(
    data: bytes, framework: cp.Framework, ratings: Mapping[str, str], texts: Mapping[str, str] | None = None
) -> bytes:
    """Choose a level (by id) in the rating drop-down of each criterion named, as Word stores the choice.

    ``texts`` maps other controls' tags (``staff-1:evidence``, ``cover:completed_by``) to the text typed in them.
    """
    texts = texts or {}
    from lxml import etree

    def change(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        root = etree.fromstring(content)
        for sdt in root.iter(f"{W}sdt"):
            properties = sdt.find(f"{W}sdtPr")
            tag = properties.find(f"{W}tag") if properties is not None else None
            name = tag.get(f"{W}val") if tag is not None else ""
            criterion, _, column = name.rpartition(":")
            if name in texts:
                text = texts[name]
            elif column == "rating" and criterion in ratings:
                text = framework.scale.level(ratings[criterion]).name
            else:
                continue
            shown = properties.find(f"{W}showingPlcHdr")
            if shown is not None:
                properties.remove(shown)
            dropdown = properties.find(f"{W}dropDownList")
            for item in dropdown.findall(f"{W}listItem") if dropdown is not None and name not in texts else []:
                if item.get(f"{W}value") == ratings[criterion]:
                    dropdown.set(f"{W}lastValue", ratings[criterion])
                    text = item.get(f"{W}displayText")
            content_element = sdt.find(f"{W}sdtContent")
            for child in list(content_element):
                content_element.remove(child)
            run = etree.SubElement(content_element, f"{W}r")
            piece = etree.SubElement(run, f"{W}t")
            piece.text = text
            piece.set(XML_SPACE, "preserve")
        result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return result

    return rewrite_zip(data, change)


def _named_cells(workbook: Any, name: str) -> list[Any]:
    (sheet, reference), *_ = list(workbook.defined_names[name].destinations)
    cells = workbook[sheet][reference.replace("$", "")]
    if not isinstance(cells, tuple):
        return [cells]
    return [row[0] if isinstance(row, tuple) else row for row in cells]


def fill_xlsx(
    data: bytes,
    framework: cp.Framework,
    ratings: Mapping[str, str],
    date: dt.date | None,
    *,
    formula: str | None = None,
) -> bytes:
    """Type level names into the rating cells (and the date), as a person filling the workbook in would.

    Args:
        data: The template.
        framework: Its framework.
        ratings: Criterion id to level id.
        date: The date completed, or None to leave it as it is.
        formula: If given, put this formula in the first evidence cell (which the reader must refuse).
    """
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    if date is not None:
        _named_cells(workbook, "coproduction_date")[0].value = date
    cells = _named_cells(workbook, "coproduction_rating")
    for index, criterion in enumerate(framework.criteria):
        if criterion.id in ratings:
            cells[index].value = framework.scale.level(ratings[criterion.id]).name
            cells[index].data_type = "s"
    if formula is not None:
        _named_cells(workbook, "coproduction_evidence")[0].value = formula
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def filled(framework: cp.Framework, exporter: str, organisation: str, ratings: Mapping[str, str]) -> bytes:
    """A complete filled-in template of either Office format, dated 13 May 2025."""
    date = dt.date(2025, 5, 13)
    if exporter == "docx":
        return fill_docx(template(framework, "docx", organisation, date), framework, ratings)
    return fill_xlsx(template(framework, "xlsx", organisation), framework, ratings, date)
