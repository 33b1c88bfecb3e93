from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import attrs
import pytest
from coproduction_xlsx import ArchiveLimits, XlsxExporter
from coproduction_xlsx._reader import read_template
from openpyxl import Workbook, load_workbook

from coproduction import (
    AuditTemplate,
    Framework,
    InvalidDocumentError,
    Organisation,
    UnreadableFileError,
    default_catalogue,
    export_context,
)

PREFIX = "coproduction_"


def read_file(path: Path, limits: ArchiveLimits | None = None, framework: Framework | None = None, **kwargs):
    context = export_context(limits=limits, **kwargs)
    with open(path, "rb") as stream:
        if framework is not None:  # the reader's own check that a template answers an expected framework
            return read_template(stream, catalogue=context.catalogue, framework=framework, limits=context.limits)
        return XlsxExporter().read(stream, context)


def refused(path: Path, kind: type[Exception], **kwargs):
    with pytest.raises(kind) as caught:
        read_file(path, **kwargs)
    assert caught.value.source == str(path), "the error must name the file"
    return caught.value


def rezip(data: bytes, change) -> bytes:
    """Copy a zip, passing each (name, bytes) through ``change`` (which may return None to drop it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            changed = change(info.filename, source.read(info))
            if changed is not None:
                target.writestr(info.filename, changed)
        extra = change("", b"")
        if extra:
            for name, content in extra:
                target.writestr(name, content)
    return out.getvalue()


@pytest.fixture
def template(helpers, worcestershire, tmp_path) -> bytes:
    return helpers.template_bytes(worcestershire, organisation=Organisation("Oak"), date=dt.date(2025, 5, 13))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_random_bytes(tmp_path):
    error = refused(write(tmp_path, "noise.xlsx", os.urandom(5000)), UnreadableFileError)
    assert "not an Excel workbook" in str(error)


def test_empty_file(tmp_path):
    refused(write(tmp_path, "empty.xlsx", b""), UnreadableFileError)


def test_truncated_file(tmp_path, template):
    error = refused(write(tmp_path, "cut.xlsx", template[: len(template) // 2]), UnreadableFileError)
    assert "damaged or incomplete" in str(error)


def test_word_document_renamed(tmp_path):
    import docx

    path = tmp_path / "letter.xlsx"
    docx.Document().save(str(path))
    error = refused(path, UnreadableFileError)
    assert "Word document" in str(error)


def test_opendocument_spreadsheet(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    error = refused(write(tmp_path, "saved-as-ods.xlsx", out.getvalue()), UnreadableFileError)
    assert "OpenDocument" in str(error)


def test_old_xls_is_named_as_such(tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000 + "Workbook".encode("utf-16-le")
    error = refused(write(tmp_path, "old.xlsx", data), UnreadableFileError)
    assert "Excel 97-2003" in str(error) and "OLE2" in str(error)


def test_password_protected_is_named_as_such(tmp_path):
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 1000
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 100
        + "EncryptedPackage".encode("utf-16-le")
    )
    error = refused(write(tmp_path, "secret.xlsx", data), UnreadableFileError)
    assert "password-protected" in str(error) and "OLE2" in str(error)


def test_macro_enabled_workbook(tmp_path, template):
    def change(name, content):
        if name == "[Content_Types].xml":
            return content.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            )
        if name == "":
            return [("xl/vbaProject.bin", b"\x00" * 64)]
        return content

    error = refused(write(tmp_path, "macro.xlsx", rezip(template, change)), UnreadableFileError)
    assert "macro-enabled" in str(error)


def test_macro_part_alone_is_refused(tmp_path, template):
    data = rezip(template, lambda name, content: [("xl/vbaProject.bin", b"\x00")] if name == "" else content)
    assert "macro" in str(refused(write(tmp_path, "macro2.xlsx", data), UnreadableFileError))


def test_zip_bomb_refused_before_decompression(tmp_path, template, monkeypatch):
    bomb = rezip(template, lambda name, content: [("xl/media/bomb.xml", b"\0" * (30 * 1024 * 1024))] if name == ""
                 else content)  # fmt: skip
    path = write(tmp_path, "bomb.xlsx", bomb)
    assert path.stat().st_size < 200_000

    def no_decompression(*args, **kwargs):
        raise AssertionError("decompressed before the size checks")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_decompression)
    error = refused(path, UnreadableFileError)
    assert "zip bomb" in str(error)
    # with the ratio check relaxed, the per-entry size limit still refuses it
    limits = ArchiveLimits(max_ratio=1e9, max_entry_bytes=10 * 1024 * 1024)
    error = refused(path, UnreadableFileError, limits=limits)
    assert "max_entry_bytes" in str(error)
    limits = ArchiveLimits(max_ratio=1e9, max_total_bytes=10 * 1024 * 1024)
    assert "max_total_bytes" in str(refused(path, UnreadableFileError, limits=limits))


def test_too_many_entries(tmp_path, template):
    data = rezip(template, lambda name, content: [(f"xl/junk/{i}.bin", b"") for i in range(1200)] if name == ""
                 else content)  # fmt: skip
    assert "max_entries" in str(refused(write(tmp_path, "many.xlsx", data), UnreadableFileError))


def test_file_too_large(tmp_path, template):
    limits = ArchiveLimits(max_file_bytes=1000)
    assert "max_file_bytes" in str(refused(write(tmp_path, "big.xlsx", template), UnreadableFileError, limits=limits))


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml"])
def test_entity_expansion_is_refused(tmp_path, template, part):
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    )

    def change(name, content):
        if name == part:
            body = content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content
            return laughs + body.replace(b"Oak", b"&lol3;", 1)
        if name == "" and part == "xl/sharedStrings.xml":
            return [(part, laughs + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                           b"<si><t>&lol3;</t></si></sst>")]  # fmt: skip
        return content

    error = refused(write(tmp_path, "lol.xlsx", rezip(template, change)), UnreadableFileError)
    assert "DOCTYPE" in str(error)


def test_formula_in_input_cell(tmp_path, template):
    wb = load_workbook(io.BytesIO(template))
    ws = wb["Audit"]
    ws["G12"] = "=SUM(1,2)"  # a formula typed into an evidence cell (openpyxl makes it a formula)
    ws["E10"] = "=A1"
    out = io.BytesIO()
    wb.save(out)
    error = refused(write(tmp_path, "formula.xlsx", out.getvalue()), InvalidDocumentError)
    assert {(p.path, p.code) for p in error.problems} == {("Audit!G12", "formula"), ("Audit!E10", "formula")}


def test_pasted_invalid_rating_and_every_problem_at_once(tmp_path, template):
    wb = load_workbook(io.BytesIO(template))
    ws = wb["Audit"]
    ws["E14"] = "Embeded"
    ws["E15"] = "Brilliant"
    ws["C5"] = "next Tuesday"
    ws["C2"] = None
    out = io.BytesIO()
    wb.save(out)
    path = write(tmp_path, "bad.xlsx", out.getvalue())
    before = path.read_bytes()
    error = refused(path, InvalidDocumentError)
    messages = [str(p) for p in error.problems]
    assert "Audit!E14: 'Embeded' is not a level; choose Emerging, Developing or Embedded" in messages
    assert any(m.startswith("Audit!E15: 'Brilliant'") for m in messages)
    assert {p.path for p in error.problems} == {"Audit!E14", "Audit!E15", "Audit!C5", "Audit!C2"}
    assert path.read_bytes() == before  # the input is never changed


def test_not_applicable_answers(tmp_path, helpers, durham):
    wb = load_workbook(io.BytesIO(helpers.template_bytes(durham, organisation=Organisation("Oak"),
                                                         date=dt.date(2025, 1, 1))))  # fmt: skip
    ws = wb["Audit"]
    ws["F9"] = "Maybe"
    ws["E10"], ws["F10"] = "Embedded", "Yes"
    out = io.BytesIO()
    wb.save(out)
    error = refused(write(tmp_path, "na.xlsx", out.getvalue()), InvalidDocumentError)
    assert {(p.path, p.code) for p in error.problems} == {
        ("Audit!F9", "not-applicable-value"),
        ("Audit!F10", "rated-and-not-applicable"),
    }


def test_deleted_row(tmp_path, template):
    wb = load_workbook(io.BytesIO(template))
    wb["Audit"].delete_rows(12)
    out = io.BytesIO()
    wb.save(out)
    error = refused(write(tmp_path, "deleted.xlsx", out.getvalue()), InvalidDocumentError)
    assert error.problems[0].path == "Audit!B12" and error.problems[0].code == "rows-changed"


def test_moved_rows(tmp_path, template):
    wb = load_workbook(io.BytesIO(template))
    ws = wb["Audit"]
    for column in "ABCD":
        ws[f"{column}10"].value, ws[f"{column}11"].value = ws[f"{column}11"].value, ws[f"{column}10"].value
    out = io.BytesIO()
    wb.save(out)
    error = refused(write(tmp_path, "moved.xlsx", out.getvalue()), InvalidDocumentError)
    assert [p.path for p in error.problems] == ["Audit!B10", "Audit!B11"]


def test_inserted_row_changes_the_named_range(tmp_path, helpers, template):
    wb = load_workbook(io.BytesIO(template))
    # as Excel would after inserting a row: the named ranges grow by one
    for definition in list(wb.defined_names.values()):
        if definition.attr_text.endswith("$39"):
            definition.attr_text = definition.attr_text[:-3] + "$40"
    out = io.BytesIO()
    wb.save(out)
    error = refused(write(tmp_path, "inserted.xlsx", out.getvalue()), InvalidDocumentError)
    assert error.problems[0].code == "rows-changed"


def test_template_of_another_framework(tmp_path, helpers, durham, worcestershire, template):
    path = write(tmp_path, "other.xlsx", template)
    error = refused(path, InvalidDocumentError, framework=durham)
    assert error.problems[0].code == "wrong-framework" and error.problems[0].path == "Metadata!B3"
    assert read_file(path, framework=worcestershire).organisation.name == "Oak"


def test_template_of_another_version(tmp_path, helpers, worcestershire):
    newer = attrs.evolve(worcestershire, version="2")
    path = write(tmp_path, "v2.xlsx", helpers.template_bytes(newer, organisation=Organisation("Oak"),
                                                             date=dt.date(2025, 1, 1)))  # fmt: skip
    error = refused(path, InvalidDocumentError)
    assert error.problems[0].code == "unknown-framework" and "version" in str(error)
    error = refused(path, InvalidDocumentError, framework=worcestershire)
    assert error.problems[0].code == "wrong-framework"
    assert read_file(path, catalogue=default_catalogue().including(newer)).framework_version == "2"


def test_template_of_an_edited_framework_text(tmp_path, helpers, worcestershire):
    edited = attrs.evolve(worcestershire, title="Edited title")
    path = write(tmp_path, "edited.xlsx", helpers.template_bytes(edited, organisation=Organisation("Oak"),
                                                                 date=dt.date(2025, 1, 1)))  # fmt: skip
    error = refused(path, InvalidDocumentError)
    assert error.problems[0].code == "framework-changed"


def test_workbook_that_is_not_a_template(tmp_path):
    out = io.BytesIO()
    Workbook().save(out)
    error = refused(write(tmp_path, "plain.xlsx", out.getvalue()), UnreadableFileError)
    assert "not a coproduction audit template" in str(error)


def test_lost_defined_names(tmp_path, template):
    wb = load_workbook(io.BytesIO(template))
    del wb.defined_names[PREFIX + "rating"]
    out = io.BytesIO()
    wb.save(out)
    error = refused(write(tmp_path, "names.xlsx", out.getvalue()), InvalidDocumentError)
    assert error.problems[0].code == "layout-changed"


def test_damaged_sheet_xml(tmp_path, template):
    data = rezip(template, lambda n, c: c.replace(b"<sheetData>", b"<sheetData><row") if n.endswith("sheet2.xml")
                 else (None if n == "" else c))  # fmt: skip
    refused(write(tmp_path, "damaged.xlsx", data), UnreadableFileError)


def test_text_stream_is_refused():
    with pytest.raises(UnreadableFileError):
        XlsxExporter().read(io.StringIO("hello"), export_context())  # type: ignore[arg-type]


def test_template_for_perspective_is_kept(helpers, exporter, durham):
    data = helpers.export_bytes(AuditTemplate(durham, "children-and-young-people", organisation=Organisation("X"),
                                              date=dt.date(2025, 1, 1)))  # fmt: skip
    assert exporter.read(io.BytesIO(data), export_context()).perspective.value == "children-and-young-people"
