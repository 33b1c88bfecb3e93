"""Broken inputs of many kinds, each with how its refusal must read (shared by the batch and CLI tests)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import zipfile
from collections.abc import Callable

import attrs
from helpers import make_audit
from office_files import fill_xlsx, filled, rewrite_zip, template

import coproduction as cp


@attrs.frozen
class Broken:
    """A broken input, and how its refusal must read: the error's code and a problem code or message fragment."""

    name: str
    content: bytes
    code: str
    reason: str


def ratings_for(framework: cp.Framework, seed: int) -> dict[str, str]:
    chooser = random.Random(seed)
    levels = [level.id for level in framework.scale.levels]
    return {c.id: chooser.choice(levels) for c in framework.criteria if chooser.random() < 0.8}


def json_audit(framework: cp.Framework, index: int) -> str:
    audit = make_audit(framework, ratings_for(framework, index), organisation=cp.Organisation(f"School {index:03d}"))
    return cp.dumps(audit)


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _edit(text: str, change: Callable[[dict[str, object]], None]) -> bytes:
    data = json.loads(text)
    change(data)
    return json.dumps(data).encode()


def broken_inputs(framework: cp.Framework) -> list[Broken]:
    audit = json_audit(framework, 999)
    good_docx = filled(framework, "docx", "Broken Word School", {framework.criteria[0].id: "embedded"})
    good_xlsx = filled(framework, "xlsx", "Broken Excel School", {framework.criteria[0].id: "embedded"})
    ladder = cp.default_catalogue().ladders()[0]

    def response(field: str, value: object) -> Callable[[dict[str, object]], None]:
        def change(data: dict[str, object]) -> None:
            data["responses"][0][field] = value  # type: ignore[index]

        return change

    def doctype(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        entity = b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        return content.replace(b"?>", b"?>" + entity, 1).replace(b"Broken Word School", b"&xxe;")

    def fingerprint(name: str, content: bytes) -> bytes:
        return content.replace(b">" + _fingerprint(good_xlsx) + b"<", b">0123456789abcdef<")

    with_formula = _formula_xlsx(framework, "Formula School")
    return [
        Broken("b01-syntax.json", audit[:-20].encode(), "unreadable-file", "json-syntax"),
        Broken(
            "b02-duplicate-key.json",
            audit.replace('"date":', '"date": "2025-01-01", "date":', 1).encode(),
            "unreadable-file",
            "duplicate-key",
        ),
        Broken("b03-nan.json", _edit(audit, lambda d: d.update(schema_version=float("nan"))), "unreadable-file", "NaN"),
        Broken("b04-ladder.json", cp.dumps(ladder).encode(), "invalid-document", "wrong-kind"),
        Broken(
            "b05-unknown-criterion.json",
            _edit(audit, response("criterion", "shared-values-99")),
            "invalid-document",
            "unknown-criterion",
        ),
        Broken(
            "b06-off-scale.json", _edit(audit, response("rating", "outstanding")), "invalid-document", "unknown-level"
        ),
        Broken(
            "b07-newer.json",
            _edit(audit, lambda d: d.update(schema_version=99)),
            "invalid-document",
            "newer-schema-version",
        ),
        Broken("b08-empty.json", b"", "unreadable-file", "Expecting value"),
        Broken("b09-random.docx", b"\x00\x01" + random.Random(9).randbytes(4000), "unreadable-file", "not a Word"),
        Broken("b10-truncated.docx", good_docx[: len(good_docx) // 2], "unreadable-file", "damaged"),
        Broken("b11-workbook.docx", good_xlsx, "unreadable-file", "Excel workbook"),
        Broken("b12-old-excel.xlsx", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4000), "unreadable-file", "97-2003"),
        Broken(
            "b13-zip-bomb.xlsx",
            _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": bytes(50 * 1024 * 1024)}),
            "unreadable-file",
            "zip bomb",
        ),
        Broken("b14-doctype.docx", rewrite_zip(good_docx, doctype), "unreadable-file", "DOCTYPE"),
        Broken(
            "b15-framework-version.json",
            _edit(audit, lambda d: d.update(framework_version="9.9")),
            "invalid-document",
            "unknown-version",
        ),
        Broken("b16-fingerprint.xlsx", rewrite_zip(good_xlsx, fingerprint), "invalid-document", "framework-changed"),
        Broken("b17-formula.xlsx", with_formula, "invalid-document", "formula"),
        Broken("b18-surrogate.json", _edit(audit, response("evidence", "\ud800")), "unreadable-file", "lone-surrogate"),
        Broken(
            "b19-huge-number.json",
            audit.replace('"schema_version": 1', '"schema_version": ' + "1" * 5000, 1).encode(),
            "unreadable-file",
            "number-too-long",
        ),
        Broken(
            "b20-macros.xlsx",
            _with_entry(good_xlsx, "xl/vbaProject.bin"),
            "unreadable-file",
            "macro-enabled",
        ),
    ]


def _fingerprint(workbook: bytes) -> bytes:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(workbook))["Metadata"]
    value = next(row[1] for row in sheet.iter_rows(values_only=True) if row[0] == "fingerprint")
    return str(value).encode()


def _formula_xlsx(framework: cp.Framework, organisation: str) -> bytes:
    return fill_xlsx(
        template(framework, "xlsx", organisation),
        framework,
        {},
        dt.date(2025, 5, 13),
        formula='=HYPERLINK("http://example.com","click")',
    )


def _with_entry(data: bytes, name: str) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(name, b"not really macros")
    return out.getvalue()
