"""Bad input is refused with the core's errors, naming the file and the place, never a raw exception."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import openpyxl
import pytest
from coproduction_docx import ArchiveLimits, DocxExporter
from docx import Document

import coproduction as c
from coproduction import export_context

NAME = "filled.docx"


def refused(helpers, data: bytes, error: type[c.CoproductionError], **kwargs) -> c.CoproductionError:
    with pytest.raises(error) as caught:
        helpers.read_bytes(data, NAME, **kwargs)
    assert caught.value.source == NAME
    assert NAME in str(caught.value)
    return caught.value


@pytest.fixture
def template(helpers, worcestershire) -> bytes:
    return helpers.export_bytes(
        c.AuditTemplate(
            worcestershire,
            c.Perspective.SCHOOL_STAFF,
            organisation=c.Organisation("Oak School"),
            date=dt.date(2025, 1, 6),
        )
    )


def test_random_bytes(helpers) -> None:
    error = refused(helpers, os.urandom(4096), c.UnreadableFileError)
    assert "not a Word document" in str(error)


def test_an_empty_file(helpers) -> None:
    refused(helpers, b"", c.UnreadableFileError)


def test_an_old_word_97_file(helpers) -> None:
    error = refused(helpers, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), c.UnreadableFileError)
    assert ".doc" in str(error)


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.9, 0.99])
def test_a_truncated_file(helpers, template, fraction) -> None:
    error = refused(helpers, template[: int(len(template) * fraction)], c.UnreadableFileError)
    assert "damaged" in str(error) or "not a Word document" in str(error)


def test_a_corrupted_part(helpers, template) -> None:
    # Flip bytes in the middle of the compressed document part: inflating or its checksum fails.
    archive = zipfile.ZipFile(io.BytesIO(template))
    info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 200
    broken = bytearray(template)
    for offset in range(start, start + 64):
        broken[offset] ^= 0xFF
    error = refused(helpers, bytes(broken), c.UnreadableFileError)
    assert "damaged" in str(error)


def test_an_excel_workbook_renamed_docx(helpers) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Shared values"
    out = io.BytesIO()
    workbook.save(out)
    error = refused(helpers, out.getvalue(), c.UnreadableFileError)
    assert "Excel workbook" in str(error)


def test_some_other_word_document(helpers) -> None:
    document = Document()
    document.add_paragraph("Minutes of the parent carer forum")
    out = io.BytesIO()
    document.save(out)
    error = refused(helpers, out.getvalue(), c.UnreadableFileError)
    assert "not a coproduction audit template" in str(error)


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def no_decompression(monkeypatch):
    """Call to fail loudly if anything is inflated: the limits must refuse from the central directory alone."""

    def forbidden(*args, **kwargs):
        raise AssertionError("an entry was decompressed before the size checks refused the file")

    return lambda: monkeypatch.setattr(zipfile.ZipFile, "open", forbidden)


def test_a_zip_bomb_is_refused_before_decompression(helpers, no_decompression) -> None:
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(120 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    no_decompression()
    error = refused(helpers, bomb, c.UnreadableFileError)
    assert "unpack to" in str(error)


def test_limits_are_configurable(helpers, template) -> None:
    small = export_context(limits=ArchiveLimits(max_entry_bytes=10_000))
    with pytest.raises(c.UnreadableFileError, match="max_entry_bytes"):
        DocxExporter().read(io.BytesIO(template), small)
    with pytest.raises(c.UnreadableFileError, match="max_total_bytes"):
        DocxExporter().read(io.BytesIO(template), export_context(limits=ArchiveLimits(max_total_bytes=50_000)))
    with pytest.raises(c.UnreadableFileError, match="larger than"):
        DocxExporter().read(io.BytesIO(template), export_context(limits=ArchiveLimits(max_file_bytes=1_000)))


def test_too_many_entries(helpers, no_decompression) -> None:
    data = _zip({f"word/media/{index}.xml": b"" for index in range(1001)})
    no_decompression()
    error = refused(helpers, data, c.UnreadableFileError)
    assert "entries" in str(error)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
"""


@pytest.mark.parametrize("doctype", [BILLION_LAUGHS, EXTERNAL], ids=["entity-expansion", "external-entity"])
@pytest.mark.parametrize("part", ["word/document.xml", "docProps/custom.xml", "word/styles.xml"])
def test_xml_with_a_doctype_is_refused(helpers, template, doctype, part) -> None:
    def change(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1]
        if part == "word/document.xml":
            body = body.replace(b"Oak School", b"&lol4;" if doctype is BILLION_LAUGHS else b"&xxe;")
        return doctype + body

    error = refused(helpers, helpers.rewrite_part(template, part, change), c.UnreadableFileError)
    assert "DOCTYPE" in str(error)
    assert part in str(error)


def test_xml_that_is_not_well_formed(helpers, template) -> None:
    data = helpers.rewrite_part(template, "word/document.xml", lambda xml: xml[: len(xml) // 2])
    error = refused(helpers, data, c.UnreadableFileError)
    assert "not well-formed" in str(error)


def test_a_value_typed_over_the_drop_down_that_is_not_on_the_scale(helpers, template) -> None:
    data = helpers.fill_values(template, {"shared-values-4:rating": "Outstanding"})
    error = refused(helpers, data, c.InvalidDocumentError)
    assert error.problems == [
        c.Problem(
            "Shared values > shared-values-4",
            "unknown-level",
            "the rating 'Outstanding' is not on the rating scale; choose Emerging, Developing or Embedded, "
            "or leave it empty",
        )
    ]


def test_every_problem_is_reported_at_once(helpers, worcestershire) -> None:
    template = helpers.export_bytes(c.AuditTemplate(worcestershire, c.Perspective.SCHOOL_STAFF))
    data = helpers.fill_values(
        template,
        {
            "cover:date": "next Tuesday",
            "shared-values-1:rating": "Great",
            "leadership-6:rating": "5",
            "strategies-2:rating": "embedded",
        },
    )
    error = refused(helpers, data, c.InvalidDocumentError)
    assert [(problem.path, problem.code) for problem in error.problems] == [
        ("About this audit > Organisation", "missing-value"),
        ("About this audit > Date completed", "invalid-date"),
        ("Shared values > shared-values-1", "unknown-level"),
        ("Leadership > leadership-6", "unknown-level"),
    ]
    assert "14 March 2025" in error.problems[1].message


def test_rated_and_ticked_not_applicable(helpers, durham) -> None:
    template = helpers.export_bytes(
        c.AuditTemplate(durham, c.Perspective.JOINT, organisation=c.Organisation("Oak"), date=dt.date(2025, 1, 1))
    )
    data = helpers.fill_values(template, {"priorities-1-1:rating": "embedded", "priorities-1-1:not_applicable": True})
    error = refused(helpers, data, c.InvalidDocumentError)
    assert [(p.path, p.code) for p in error.problems] == [
        ("Culture and first contact > priorities-1-1", "rated-and-not-applicable")
    ]


def test_a_deleted_row(helpers, template) -> None:
    from lxml import etree

    def change(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        for row in root.iter(f"{{{helpers.W}}}tr"):
            if b"shared-values-3:rating" in etree.tostring(row):
                row.getparent().remove(row)
        return etree.tostring(root)

    error = refused(helpers, helpers.rewrite_part(template, "word/document.xml", change), c.InvalidDocumentError)
    assert [(p.path, p.code) for p in error.problems] == [("Shared values > shared-values-3", "missing-row")]


def test_a_framework_the_catalogue_does_not_hold(helpers, template) -> None:
    error = refused(helpers, template, c.InvalidDocumentError, catalogue=c.Catalogue())
    assert "worcestershire-seven-quality-standards" in str(error)
    assert [p.code for p in error.problems] == ["unknown-framework"]  # as the Excel reader says it


def test_a_template_of_another_text_of_the_framework(helpers, template, worcestershire) -> None:
    import attrs

    changed = attrs.evolve(worcestershire, title=worcestershire.title + " (draft)")
    error = refused(helpers, template, c.InvalidDocumentError, catalogue=c.Catalogue([changed]))
    assert "fingerprint" in str(error)
    assert [p.code for p in error.problems] == ["framework-changed"]  # as the Excel reader says it


def test_a_template_of_another_version(helpers, worcestershire) -> None:
    import attrs

    other = attrs.evolve(worcestershire, version="2")
    data = helpers.export_bytes(c.AuditTemplate(other, c.Perspective.JOINT))
    error = refused(helpers, data, c.InvalidDocumentError)
    assert "version '2'" in str(error)


def test_control_characters_are_refused_before_anything_is_written(worcestershire) -> None:
    framework = worcestershire
    audit = c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak School"),
        perspective=c.Perspective.JOINT,
        date=dt.date(2025, 1, 1),
        responses=[c.Response(criterion="shared-values-1", rating="embedded", evidence="bell \x07 here")],
    )
    out = io.BytesIO()
    with pytest.raises(c.ExportError) as caught:
        DocxExporter().export(c.AuditReport(audit, framework), out, export_context())
    assert out.getvalue() == b""
    assert caught.value.problems[0].path == "audit.responses[0].evidence"
    assert "U+0007" in str(caught.value)
    out = io.BytesIO()
    with pytest.raises(c.ExportError):
        DocxExporter().export(
            c.AuditTemplate(framework, c.Perspective.JOINT, c.Organisation("Oak\x00")), out, export_context()
        )
    assert out.getvalue() == b""


def test_an_entry_that_lies_about_its_size(helpers, template) -> None:
    # The central directory says 100 bytes; zipfile inflates no more than that, then the checksum fails.
    import struct

    data = bytearray(template)
    archive = zipfile.ZipFile(io.BytesIO(template))
    info = archive.getinfo("word/document.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 100)
    position = archive.start_dir  # the central directory
    while True:
        position = data.find(b"PK\x01\x02", position)
        (name_length,) = struct.unpack_from("<H", data, position + 28)
        if data[position + 46 : position + 46 + name_length] == b"word/document.xml":
            struct.pack_into("<I", data, position + 24, 100)
            break
        position += 4
    error = refused(helpers, bytes(data), c.UnreadableFileError)
    assert "damaged" in str(error)
