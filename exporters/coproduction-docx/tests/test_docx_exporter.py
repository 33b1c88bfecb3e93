"""The plugin contract, and what a template holds: content controls, stamp, accessibility."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import zipfile

import pytest
from coproduction_docx import DocxExporter
from lxml import etree

import coproduction as c
from coproduction import export_context
from coproduction.exporters import Exporter, ExporterRegistry, TemplateReader, default_registry
from coproduction.testing import assert_exporter_conforms

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = {"w": W, "w14": W14}


def parts(data: bytes) -> dict[str, etree._Element]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: etree.fromstring(archive.read(name)) for name in archive.namelist() if name.endswith((".xml", ".rels"))
    }


def report_of(framework: c.Framework) -> c.AuditReport:
    audit = c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak School"),
        perspective=c.Perspective.JOINT,
        date=dt.date(2025, 1, 1),
        responses=[c.Response(criterion=framework.criteria[0].id, rating=framework.scale.highest.id)],
    )
    return c.AuditReport(audit, framework)


def test_the_plugin_contract(worcestershire, durham) -> None:
    exporter = DocxExporter()
    assert exporter.name == "docx"
    assert exporter.suffix == ".docx"
    assert exporter.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert isinstance(exporter, Exporter)
    assert isinstance(exporter, TemplateReader)
    assert_exporter_conforms(
        exporter,
        [
            c.AuditTemplate(worcestershire, c.Perspective.PARENT_CARERS),
            c.AuditTemplate(durham, c.Perspective.SCHOOL_STAFF),
            report_of(worcestershire),
            report_of(durham),
        ],
    )


def test_other_documents_are_refused_before_writing(worcestershire) -> None:
    out = io.BytesIO()
    with pytest.raises(c.UnsupportedDocumentError, match="AuditTemplate"):
        DocxExporter().export(worcestershire, out, export_context())
    assert out.getvalue() == b""
    assert not DocxExporter().supports(report_of(worcestershire).audit)


def test_registered_under_the_entry_point_group() -> None:
    registry = default_registry()
    assert "docx" in registry.names()
    info = next(item for item in registry.available() if item.name == "docx")
    assert info.distribution == "coproduction-docx"
    assert info.target == "coproduction_docx:DocxExporter"
    assert isinstance(registry.get("docx"), DocxExporter)
    assert isinstance(registry.reader("docx"), DocxExporter)


def test_writes_a_file_through_the_registry(tmp_path, worcestershire) -> None:
    registry = ExporterRegistry({"docx": DocxExporter})
    path = registry.export(
        c.AuditTemplate(worcestershire, c.Perspective.JOINT), tmp_path / "oak.docx", context=export_context()
    )
    assert zipfile.is_zipfile(path)


def test_constructible_without_arguments_and_picklable(worcestershire) -> None:
    exporter = pickle.loads(pickle.dumps(DocxExporter()))
    out = io.BytesIO()
    exporter.export(c.AuditTemplate(worcestershire, c.Perspective.JOINT), out, export_context())
    assert out.getvalue().startswith(b"PK")


def test_uses_no_private_api_of_the_core() -> None:
    from pathlib import Path

    import coproduction_docx

    for source in Path(coproduction_docx.__file__).parent.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "coproduction._" not in text, source.name
        assert "from coproduction import _" not in text, source.name
        for line in text.splitlines():
            if line.startswith("from coproduction.") or line.startswith("import coproduction."):
                assert "._" not in line.split(" import ")[0], (source.name, line)


def test_the_template_has_the_controls_the_framework_needs(helpers, durham, worcestershire) -> None:
    for framework in (durham, worcestershire):
        document = parts(helpers.export_bytes(c.AuditTemplate(framework, c.Perspective.JOINT)))["word/document.xml"]
        tags = {sdt.get(f"{{{W}}}val") for sdt in document.iterfind(".//w:sdtPr/w:tag", NS)}
        for criterion in framework.criteria:
            assert f"{criterion.id}:rating" in tags
            assert (f"{criterion.id}:not_applicable" in tags) == framework.allows_not_applicable
            for field in c.Field:
                assert (f"{criterion.id}:{field.value}" in tags) == (field in framework.fields)
        levels = [
            [(i.get(f"{{{W}}}displayText"), i.get(f"{{{W}}}value")) for i in dropdown]
            for dropdown in document.iterfind(".//w:sdtPr/w:dropDownList", NS)
        ]
        rating_lists = [items for items in levels if len(items) == len(framework.scale.levels)]
        assert rating_lists and all(
            items == [(level.name, level.id) for level in framework.scale.levels] for items in rating_lists
        )
        boxes = document.findall(".//w:sdtPr/w14:checkbox", NS)
        assert len(boxes) == (len(framework.criteria) if framework.allows_not_applicable else 0)
        texts = " ".join(document.itertext())
        for criterion in framework.criteria:
            assert f"Reference: {criterion.id}" in texts  # the fallback when tags are lost


def test_the_template_is_stamped(helpers, worcestershire) -> None:
    data = helpers.export_bytes(c.AuditTemplate(worcestershire, c.Perspective.JOINT))
    custom = parts(data)["docProps/custom.xml"]
    values = {prop.get("name"): prop[0].text for prop in custom}
    import hashlib

    assert values["coproduction.framework"] == worcestershire.id
    assert values["coproduction.framework_version"] == worcestershire.version
    assert (
        values["coproduction.template_fingerprint"] == hashlib.sha256(c.dumps(worcestershire).encode()).hexdigest()[:16]
    )


def test_the_template_is_accessible(helpers, worcestershire, catalogue) -> None:
    ladder = catalogue.ladder("durham-degrees-of-participation")
    data = helpers.export_bytes(c.AuditTemplate(worcestershire, c.Perspective.JOINT, ladder=ladder))
    xml = parts(data)
    document, styles, core = xml["word/document.xml"], xml["word/styles.xml"], xml["docProps/core.xml"]
    # title and language
    # a joint template is filled in with parent carers, so it is a "checklist" (the phrases table)
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == f"{worcestershire.title}: checklist"
    assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == "en-GB"
    assert styles.find(".//w:docDefaults//w:lang", NS).get(f"{{{W}}}val") == "en-GB"
    # real headings, one per section
    used = [p.get(f"{{{W}}}val") for p in document.iterfind(".//w:pPr/w:pStyle", NS)]
    assert used.count("Heading1") >= len(worcestershire.sections) + 2
    assert styles.find(".//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl", NS) is not None
    # every table has a header row that repeats on each page
    for table in document.iterfind(".//w:tbl", NS):
        assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None
        assert table.find("w:tblPr/w:tblCaption", NS) is not None
    # nothing smaller than 11 pt
    sizes = [int(size.get(f"{{{W}}}val")) for root in (document, styles) for size in root.iterfind(".//w:sz", NS)]
    assert sizes and min(sizes) >= 22
    # landscape for the wide tables
    page = document.find(".//w:body/w:sectPr/w:pgSz", NS)
    assert page.get(f"{{{W}}}orient") == "landscape"
    assert int(page.get(f"{{{W}}}w")) > int(page.get(f"{{{W}}}h"))
    text = " ".join(document.itertext())
    for rung in ladder.rungs:
        assert rung.name in text
    for level in worcestershire.scale.levels:
        assert level.description in text


def test_a_narrow_framework_stays_portrait(helpers, worcestershire) -> None:
    import attrs

    narrow = attrs.evolve(worcestershire, fields=())
    document = parts(helpers.export_bytes(c.AuditTemplate(narrow, c.Perspective.JOINT)))["word/document.xml"]
    assert document.find(".//w:body/w:sectPr/w:pgSz", NS).get(f"{{{W}}}orient") is None


def test_the_cover_is_prefilled_when_known(helpers, worcestershire) -> None:
    template = c.AuditTemplate(
        worcestershire,
        c.Perspective.CHILDREN_AND_YOUNG_PEOPLE,
        organisation=c.Organisation("Oak School", "100234"),
        date=dt.date(2025, 7, 4),
    )
    audit = helpers.read_bytes(helpers.export_bytes(template))
    assert audit.organisation == c.Organisation("Oak School", "100234")
    assert audit.date == dt.date(2025, 7, 4)
    assert audit.perspective is c.Perspective.CHILDREN_AND_YOUNG_PEOPLE


def test_generating_a_template_is_fast(worcestershire) -> None:
    import time

    exporter = DocxExporter()
    template = c.AuditTemplate(worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"))
    exporter.export(template, io.BytesIO(), export_context())
    start = time.perf_counter()
    for _ in range(10):
        exporter.export(template, io.BytesIO(), export_context())
    assert (time.perf_counter() - start) / 10 < 0.25  # generous: about 10 ms on a laptop
