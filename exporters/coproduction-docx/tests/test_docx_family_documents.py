"""Word documents a parent carer can read: their own wording, plain English, a glossary, real charts, true properties.

Each template and report is rendered for both built-in frameworks and for the
school staff and parent carer viewpoints, its text taken in reading order, and
the library's own plain-English check run over it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from coproduction_docx import DocxExporter
from lxml import etree

import coproduction as c

AS_OF = dt.date(2026, 3, 1)
FRAMEWORKS = ["worcestershire-seven-quality-standards", "durham-audit-tool-for-participation"]
VIEWPOINTS = [c.Perspective.SCHOOL_STAFF, c.Perspective.PARENT_CARERS]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
GLOSSARY_HEADING = re.compile(r"^Words (and short forms )?used in this (checklist|audit|report)$")
FAMILY_JARGON = ("weighted kappa", "fingerprint", "perspective", "exporter", "criterion", "criteria", "rated itself")


def _context() -> c.ExportContext:
    return c.export_context(as_of=AS_OF)


def render(document: object) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(document, out, _context())
    return out.getvalue()


def reading_order(data: bytes) -> list[str]:
    """Every paragraph's text, tables included, in the order a reader meets it."""
    body = docx.Document(io.BytesIO(data)).element.body
    found = ["".join(piece.text or "" for piece in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    return [value for value in found if value.strip()]


def prose(texts: list[str], framework: c.Framework) -> list[str]:
    """What the plain-English check reads: the text before the glossary section, names and codes taken out.

    The glossary section explains the special words, so it uses them by design; the
    framework's title is a proper name (Durham's has "Audit" in it); "Reference:" lines are
    codes the reader of the file needs, not prose.
    """
    start = next(index for index, value in enumerate(texts) if GLOSSARY_HEADING.match(value))
    names = sorted({framework.label, framework.title}, key=len, reverse=True)
    kept = []
    for value in texts[:start]:
        if value.startswith(("Reference: ", "Template reference: ")):
            continue
        for name in names:
            value = value.replace(name, "the checklist")
        kept.append(value)
    return kept


def without_expansions(text: str) -> str:
    """Undo "Special Educational Needs (SEN)": documents spell acronyms out at first use."""
    for term in c.default_catalogue().glossary().terms:
        if term.expansion:
            for variant in term.term.split(" or "):
                text = text.replace(f"{term.expansion} ({variant})", variant)
    return text


def audit(framework: c.Framework, viewpoint: c.Perspective) -> c.Audit:
    levels = [level.id for level in framework.scale.levels]
    responses = [
        c.Response(criterion=criterion.id, rating=levels[index % len(levels)], evidence="The SENCo meets us.")
        for index, criterion in enumerate(framework.criteria)
        if index % 7 != 3
    ]
    return c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=c.Organisation("Oak School"),
        perspective=viewpoint,
        date=dt.date(2026, 2, 20),
        responses=responses,
    )


def documents(framework_id: str, viewpoint: c.Perspective) -> dict[str, object]:
    catalogue = c.default_catalogue()
    framework = catalogue.framework(framework_id)
    filled = audit(framework, viewpoint)
    ladder = catalogue.ladder("durham-degrees-of-participation")
    assessment = c.LadderAssessment(
        ladder=ladder.id,
        organisation=filled.organisation,
        perspective=viewpoint,
        date=filled.date,
        rungs=[c.RungPractice(rung.id, index < 3) for index, rung in enumerate(ladder.rungs)],
    )
    return {
        "template": c.AuditTemplate(framework, viewpoint, c.Organisation("Oak School")),
        "report": c.AuditReport(filled, framework, ladder, assessment),
    }


CASES = [(framework, viewpoint) for framework in FRAMEWORKS for viewpoint in VIEWPOINTS]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, c.Perspective, str], bytes]:
    return {
        (framework, viewpoint, name): render(document)
        for framework, viewpoint in CASES
        for name, document in documents(framework, viewpoint).items()
    }


@pytest.mark.parametrize(("framework_id", "viewpoint"), CASES)
@pytest.mark.parametrize("name", ["template", "report"])
def test_the_plain_english_check_finds_nothing_a_family_would_stumble_on(
    rendered, framework_id: str, viewpoint: c.Perspective, name: str
) -> None:
    framework = c.default_catalogue().framework(framework_id)
    texts = prose(reading_order(rendered[framework_id, viewpoint, name]), framework)
    findings = c.default_checker().check_texts([(str(index), value) for index, value in enumerate(texts)])
    # every acronym is spelt out at first use, in every document
    assert [f for f in findings if f.rule is c.Rule.ACRONYM] == [], (name, viewpoint)
    if viewpoint is c.Perspective.PARENT_CARERS:
        assert findings == [], [str(finding) for finding in findings]
        whole = " ".join(texts).casefold()
        for word in FAMILY_JARGON:
            assert word not in whole, (name, word)


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_a_parent_carer_template_speaks_to_the_parent_carer(rendered, framework_id: str) -> None:
    framework = c.default_catalogue().framework(framework_id)
    texts = reading_order(rendered[framework_id, c.Perspective.PARENT_CARERS, "template"])
    whole = "\n".join(texts)
    assert "your organisation" not in whole.casefold()
    assert "rated itself" not in whole.casefold()
    assert "Words used in this checklist" in texts
    assert texts[0] == f"{framework.title}: checklist for parent carers"
    without = without_expansions(whole)
    for criterion in framework.criteria:
        assert without_expansions(c.wording_for(criterion, c.Perspective.PARENT_CARERS)) in without, criterion.id
        for example in c.examples_for(criterion, c.Perspective.PARENT_CARERS):
            assert without_expansions(example) in without, criterion.id
    for level in framework.scale.levels:
        if level.description:
            assert without_expansions(c.wording_for(level, c.Perspective.PARENT_CARERS, "description")) in without


@pytest.mark.parametrize(("framework_id", "viewpoint"), CASES)
def test_every_template_and_report_ends_with_a_glossary_of_the_words_it_uses(
    rendered, framework_id: str, viewpoint: c.Perspective
) -> None:
    glossary = c.default_catalogue().glossary()
    for name in ("template", "report"):
        texts = reading_order(rendered[framework_id, viewpoint, name])
        start = next(index for index, value in enumerate(texts) if GLOSSARY_HEADING.match(value))
        expected = c.terms_used(texts[:start], glossary)
        assert expected, name
        listed = texts[start + 2 :]
        assert listed == [
            f"{term.term} ({term.expansion}): {term.plain}" if term.expansion else f"{term.term}: {term.plain}"
            for term in expected
        ], name


def test_the_parent_carers_report_says_who_rated() -> None:
    framework = c.default_catalogue().framework(FRAMEWORKS[0])
    texts = reading_order(render(documents(FRAMEWORKS[0], c.Perspective.PARENT_CARERS)["report"]))
    assert texts[1].startswith(f"This report shows how parent carers rated Oak School against the {framework.title}")
    staff = reading_order(render(documents(FRAMEWORKS[0], c.Perspective.SCHOOL_STAFF)["report"]))
    assert staff[0] == "Oak School: audit report"
    assert staff[1].startswith("This report shows how staff at Oak School rated it against the")


def test_a_template_written_before_the_check_code_wording_still_reads_back() -> None:
    framework = c.default_catalogue().framework(FRAMEWORKS[0])
    data = render(c.AuditTemplate(framework, c.Perspective.SCHOOL_STAFF, c.Organisation("Oak School"), date=AS_OF))
    archive = zipfile.ZipFile(io.BytesIO(data))
    xml = archive.read("word/document.xml").decode()
    assert ", check code " in xml
    old = xml.replace(", check code ", ", fingerprint ")
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as out:
        for item in archive.infolist():
            out.writestr(item, old.encode() if item.filename == "word/document.xml" else archive.read(item.filename))
    for source in (data, rebuilt.getvalue()):
        read = DocxExporter().read(io.BytesIO(source), _context())
        assert read.framework == framework.id


@pytest.mark.parametrize(("framework_id", "viewpoint"), CASES)
def test_every_picture_states_its_figures_and_names_its_sections(
    rendered, framework_id: str, viewpoint: c.Perspective
) -> None:
    framework = c.default_catalogue().framework(framework_id)
    data = rendered[framework_id, viewpoint, "report"]
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    pictures = [element.get("descr", "") for element in body.iter(f"{WP}docPr")]
    assert len(pictures) == 2  # the scores and the ladder
    scores, ladder = pictures
    report = documents(framework_id, viewpoint)["report"]
    assert isinstance(report, c.AuditReport)
    for number, (section, score) in enumerate(zip(framework.sections, report.scores.sections, strict=True), 1):
        assert f"{number}. {section.title}: {c.wording.percent(score.score.value)}" in scores
    for rung in c.default_catalogue().ladder("durham-degrees-of-participation").rungs:
        assert rung.name in ladder


@pytest.mark.parametrize("name", ["template", "report"])
def test_core_properties_are_true(rendered, name: str) -> None:
    data = rendered[FRAMEWORKS[0], c.Perspective.PARENT_CARERS, name]
    properties = docx.Document(io.BytesIO(data)).core_properties
    made = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    assert properties.created == made and properties.modified == made
    assert properties.language == "en-GB"
    assert properties.title and properties.subject
    assert properties.last_modified_by == "coproduction"
