"""Every Word document the plugin writes, read as a parent carer would: plain English, a glossary, described pictures.

One table, :data:`DOCUMENTS`, holds a builder for every kind and view the Word
plugin writes. Each builder makes the document for one source (a built-in
framework, or a built-in ladder) and one viewpoint. Every document is rendered,
its text taken in reading order, and the library's plain-English check run over
it: every acronym is spelt out at first use in every document, and a document a
parent carer may read has no finding at all. Every picture must carry
alternative text that names its figures.

To add a document, add one row to :data:`DOCUMENTS`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import attrs
import docx
import pytest
from coproduction_docx import DocxExporter
from lxml import etree

import coproduction as c

AS_OF = dt.date(2026, 3, 1)
OAK = c.Organisation("Oak School", "100001")
FRAMEWORKS = ("worcestershire-seven-quality-standards", "durham-audit-tool-for-participation")
LADDERS = tuple(ladder.id for ladder in c.default_catalogue().ladders())
STAFF, PARENTS = c.Perspective.SCHOOL_STAFF, c.Perspective.PARENT_CARERS
BOTH = (STAFF, PARENTS)
FAMILY = (PARENTS,)
"""A document everyone reads, families included: checked as a parent carer reads it."""
STAFF_ONLY = (STAFF,)
"""A document for school staff only, keeping its source's words: acronyms are still spelt out."""
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ONE_SOURCE = FRAMEWORKS[:1]
"""For a document no framework or ladder shapes: made once."""
FOR_FAMILIES = (c.ChecklistDocument.FIRST_MEETING_CHECKLIST.value, c.ChecklistDocument.PEOPLE_YOU_MAY_MEET.value)
FOR_STAFF = (c.ChecklistDocument.ASSESS_PLAN_DO_REVIEW.value, c.ChecklistDocument.FIRST_MEETING_GUIDANCE.value)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
GLOSSARY_HEADING = re.compile(r"^Words (and short forms )?used in this \w+$")
NOT_PROSE = ("Reference: ", "Template reference: ", "Ladder template reference: ")
FAMILY_JARGON = ("weighted kappa", "fingerprint", "perspective", "exporter", "criterion", "criteria", "rated itself")


# -- the documents --------------------------------------------------------------------------------


def _audit(framework: c.Framework, viewpoint: c.Perspective, shift: int = 0, date: dt.date | None = None) -> c.Audit:
    levels = [level.id for level in framework.scale.levels]
    responses = [
        c.Response(
            criterion=criterion.id,
            rating=levels[(index + shift) % len(levels)],
            evidence="The SENCo meets us every term." if index % 5 == 0 else "",
        )
        for index, criterion in enumerate(framework.criteria)
        if index % 7 != 3
    ]
    return c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=OAK,
        perspective=viewpoint,
        date=date or dt.date(2026, 2, 20),
        responses=responses,
    )


def _framework(source: str) -> c.Framework:
    return c.default_catalogue().framework(source)


def _ladder(source: str) -> c.Ladder:
    return c.default_catalogue().ladder(source)


def template(source: str, viewpoint: c.Perspective) -> object:
    return c.AuditTemplate(_framework(source), viewpoint, OAK)


def report(source: str, viewpoint: c.Perspective) -> object:
    framework = _framework(source)
    ladder = _ladder("durham-degrees-of-participation")
    assessment = c.LadderAssessment(
        ladder=ladder.id,
        organisation=OAK,
        perspective=viewpoint,
        date=dt.date(2026, 2, 20),
        rungs=[c.RungPractice(rung.id, index < 3) for index, rung in enumerate(ladder.rungs)],
    )
    return c.AuditReport(_audit(framework, viewpoint), framework, ladder, assessment)


def ladder_template(source: str, viewpoint: c.Perspective) -> object:
    return c.LadderAssessmentTemplate(_ladder(source), viewpoint, OAK)


def comparison(source: str, viewpoint: c.Perspective) -> object:
    framework = _framework(source)
    return c.compare_perspectives([_audit(framework, STAFF, 1), _audit(framework, PARENTS)], framework)


def progress(source: str, viewpoint: c.Perspective) -> object:
    framework = _framework(source)
    dates = (dt.date(2024, 3, 1), dt.date(2025, 3, 1), dt.date(2026, 2, 20))
    return c.track_progress([_audit(framework, viewpoint, shift, date) for shift, date in enumerate(dates)], framework)


def _plan(framework: c.Framework) -> c.ActionPlan:
    proposal = c.propose_plan(
        comparison(framework.id, PARENTS),  # type: ignore[arg-type]
        framework,
        owner="The SENCo",
        co_produced_with=[c.Contributor(c.Group.PARENT_CARER_FORUM)],
        review_dates=[dt.date(2026, 7, 1)],
    )
    actions = list(proposal.plan.actions)
    actions[0] = attrs.evolve(
        actions[0],
        status=c.ActionStatus.IN_PROGRESS,
        due_date=dt.date(2026, 2, 1),
        target=c.RungTarget("tlap-ladder-of-coproduction", "co-production"),
    )
    actions[1] = attrs.evolve(actions[1], status=c.ActionStatus.DONE)
    actions[2] = attrs.evolve(actions[2], status=c.ActionStatus.DROPPED, dropped_reason="The forum chose another way")
    return attrs.evolve(proposal.plan, actions=tuple(actions))


def action_plan(source: str, viewpoint: c.Perspective) -> object:
    return _plan(_framework(source))


def plan_status(source: str, viewpoint: c.Perspective) -> object:
    framework = _framework(source)
    return c.plan_status(_plan(framework), framework, on=AS_OF, source=comparison(source, viewpoint))  # type: ignore[arg-type]


def charter(source: str, viewpoint: c.Perspective) -> object:
    framework = _framework(source)
    return c.Charter(
        organisation=OAK,
        title="Our parent carer charter",
        introduction="This charter says how we work together. It covers EHCP reviews and how we share news.",
        values=[c.CharterValue("Respect", "We listen to every family.")],
        commitments=[
            c.Commitment(
                id="reply-quickly",
                what="We reply to every message from a parent carer.",
                aims_at=c.RungTarget("tlap-ladder-of-coproduction", "co-production"),
                measure="We count the replies sent within 10 school days each term.",
                serves=c.CriteriaRef(framework.id, (framework.criteria[0].id,)),
            ),
            c.Commitment(
                id="forum-termly",
                what="We meet the parent carer forum every term.",
                aims_at=c.RungTarget("hart-ladder-of-participation", "tokenism"),
                measure="We publish the notes of each meeting.",
            ),
        ],
        expectations=[c.Expectation("We reply to your message", "within 10 school days")],
        co_produced_with=[c.Contributor(c.Group.PARENT_CARER_FORUM)],
        co_produced_on=dt.date(2025, 5, 1),
        review_date=dt.date(2026, 5, 1),
        signed_off=[c.SignOff("Head teacher", dt.date(2025, 5, 2), "Ms B Head")],
    )


def feedback(source: str, viewpoint: c.Perspective) -> object:
    return c.FeedbackLog(
        organisation=OAK,
        entries=[
            c.FeedbackEntry(
                id="reviews",
                said="EHCP review meetings are too short.",
                said_by=c.Contributor(c.Group.PARENT_CARER_FORUM),
                channel=c.Channel.FORUM,
                date=dt.date(2026, 1, 12),
                theme="Meetings",
                response=c.FeedbackResponse.will_do("Book an hour for every EHCP review.", dt.date(2026, 2, 1)),
            ),
            c.FeedbackEntry(
                id="homework",
                said="Homework club clashes with pick-up.",
                said_by=c.Contributor(c.Group.PARENT_CARERS),
                channel=c.Channel.SURVEY,
                date=dt.date(2026, 1, 10),
                response=c.FeedbackResponse.done("We moved homework club to 3.30pm.", dt.date(2026, 2, 1)),
            ),
        ],
    )


def pooled(source: str, viewpoint: c.Perspective) -> object:
    framework = _framework(source)
    returns = [_audit(framework, viewpoint, shift, dt.date(2026, 2, 1 + shift)) for shift in range(6)]
    return c.pool(returns, framework)


def ladder_comparison(source: str, viewpoint: c.Perspective) -> object:
    ladder = _ladder(source)

    def assessment(perspective: c.Perspective, shift: int) -> c.LadderAssessment:
        return c.LadderAssessment(
            ladder=ladder.id,
            organisation=OAK,
            perspective=perspective,
            date=dt.date(2026, 2, 20),
            rungs=[
                c.RungPractice(rung.id, index < len(ladder.rungs) - 2 - shift, "We meet every term." * (index == 0))
                for index, rung in enumerate(ladder.rungs)
            ],
        )

    return c.LadderComparisonReport(ladder, assessment(STAFF, 0), assessment(PARENTS, 1))


def barriers_survey(source: str, viewpoint: c.Perspective) -> object:
    barriers = c.default_catalogue().barriers()
    return c.BarriersSurveyTemplate(barriers=barriers, organisation=OAK, cohort="Reception, September 2026")


def barriers_summary(source: str, viewpoint: c.Perspective) -> object:
    catalogue = c.default_catalogue()
    ids = [barrier.id for barrier in catalogue.barriers()]
    returns = [
        c.BarriersReturn(
            organisation=OAK,
            cohort="Reception, September 2026",
            date=dt.date(2026, 2, 1 + number),
            perspective=PARENTS,
            asked=ids,
            met=ids[number : number + 3],
            other=("The EHCP meetings are in work time.",) * (number == 0),
        )
        for number in range(4)
    ]
    return c.summarise_barriers(returns, catalogue.barriers(), catalogue.approaches(), catalogue.help_links())


def evaluation_slip(source: str, viewpoint: c.Perspective) -> object:
    return c.EvaluationSlipTemplate(c.load(EXAMPLES / "activities" / "oak-primary-homework-coffee-morning.json"))


def checklist(source: str, viewpoint: c.Perspective) -> object:
    checklists = c.default_catalogue().meeting_checklist_collection("worcestershire-meeting-checklists")
    return c.checklist_page(checklists, c.ChecklistDocument(source))


def calendar(source: str, viewpoint: c.Perspective) -> object:
    activity = c.load(EXAMPLES / "activities" / "oak-primary-homework-coffee-morning.json")
    return c.gather_calendar([], [charter(source, viewpoint)], [activity], title="Oak School: key consultations")


@dataclass(frozen=True)
class Document:
    """One kind or view the Word plugin writes, and how to make it.

    Attributes:
        name: A short name for the test ids.
        build: Makes the document for one source (a framework or ladder id) and one viewpoint.
        sources: The built-in frameworks or ladders to make it for.
        viewpoints: The viewpoints it is written for; ``FAMILY`` when everyone reads the same document.
    """

    name: str
    build: Callable[[str, c.Perspective], object]
    sources: tuple[str, ...] = FRAMEWORKS
    viewpoints: tuple[c.Perspective, ...] = BOTH


DOCUMENTS: tuple[Document, ...] = (
    Document("template", template),
    Document("report", report),
    Document("ladder-template", ladder_template, sources=LADDERS),
    Document("comparison", comparison, viewpoints=FAMILY),
    Document("progress", progress),
    Document("action-plan", action_plan, viewpoints=FAMILY),
    Document("plan-status", plan_status, viewpoints=FAMILY),
    Document("charter", charter, viewpoints=FAMILY),
    Document("feedback", feedback, sources=FRAMEWORKS[:1], viewpoints=FAMILY),
    Document("pooled", pooled),
    Document("ladder-comparison", ladder_comparison, sources=LADDERS, viewpoints=FAMILY),
    Document("barriers-survey", barriers_survey, sources=ONE_SOURCE, viewpoints=FAMILY),
    Document("barriers-summary", barriers_summary, sources=ONE_SOURCE, viewpoints=FAMILY),
    Document("evaluation-slip", evaluation_slip, sources=ONE_SOURCE, viewpoints=FAMILY),
    Document("checklist", checklist, sources=FOR_FAMILIES, viewpoints=FAMILY),
    Document("checklist", checklist, sources=FOR_STAFF, viewpoints=STAFF_ONLY),
    Document("calendar", calendar, sources=ONE_SOURCE, viewpoints=FAMILY),
)
"""Every document the Word plugin writes: add a row for a new one."""


def _short(source: str) -> str:
    """A framework or ladder by its first word ("worcestershire"); a checklist by its whole id."""
    return source if source in FOR_FAMILIES + FOR_STAFF else source.split("-")[0]


CASES = [
    pytest.param(document, source, viewpoint, id=f"{document.name}-{_short(source)}-{viewpoint.value}")
    for document in DOCUMENTS
    for source in document.sources
    for viewpoint in document.viewpoints
]


# -- reading them back ----------------------------------------------------------------------------

_RENDERED: dict[tuple[str, str, c.Perspective], bytes] = {}


def render(document: Document, source: str, viewpoint: c.Perspective) -> bytes:
    key = (document.name, source, viewpoint)
    if key not in _RENDERED:
        out = io.BytesIO()
        DocxExporter().export(document.build(source, viewpoint), out, c.export_context(as_of=AS_OF))
        _RENDERED[key] = out.getvalue()
    return _RENDERED[key]


def reading_order(data: bytes) -> list[str]:
    """Every paragraph's text, tables included, in the order a reader meets it."""
    body = docx.Document(io.BytesIO(data)).element.body
    found = ["".join(piece.text or "" for piece in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    return [value for value in found if value.strip()]


def glossary_start(texts: list[str]) -> int:
    return next(index for index, value in enumerate(texts) if GLOSSARY_HEADING.match(value))


def proper_names() -> list[str]:
    """The frameworks' and ladders' titles: names, not prose (Durham's framework has "Audit" in its name)."""
    catalogue = c.default_catalogue()
    names = {name for f in FRAMEWORKS for name in (catalogue.framework(f).label, catalogue.framework(f).title)}
    names |= {ladder.name for ladder in catalogue.ladders()}
    return sorted(names, key=len, reverse=True)


def prose(texts: list[str]) -> list[str]:
    """What the check reads: the text before the glossary section, codes left out and names replaced."""
    kept = []
    for value in texts[: glossary_start(texts)]:
        if value.startswith(NOT_PROSE):
            continue
        for name in proper_names():
            value = value.replace(name, "the checklist")
        kept.append(value)
    return kept


def pictures(data: bytes) -> list[str]:
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [element.get("descr", "") for element in body.iter(f"{WP}docPr")]


# -- the checks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("document", "source", "viewpoint"), CASES)
def test_every_document_is_plain_english_with_acronyms_spelt_out(
    document: Document, source: str, viewpoint: c.Perspective
) -> None:
    texts = prose(reading_order(render(document, source, viewpoint)))
    assert texts
    findings = c.default_checker().check_texts([(str(index), value) for index, value in enumerate(texts)])
    assert [str(f) for f in findings if f.rule is c.Rule.ACRONYM] == []
    if viewpoint is PARENTS:
        assert [str(finding) for finding in findings] == []
        whole = " ".join(texts).casefold()
        assert [word for word in FAMILY_JARGON if word in whole] == []


@pytest.mark.parametrize(("document", "source", "viewpoint"), CASES)
def test_every_document_ends_with_the_glossary_of_the_words_it_uses(
    document: Document, source: str, viewpoint: c.Perspective
) -> None:
    texts = reading_order(render(document, source, viewpoint))
    start = glossary_start(texts)
    expected = c.terms_used(texts[:start], c.default_catalogue().glossary())
    listed = [value for value in texts[start + 1 :] if ": " in value]
    assert listed == [
        f"{term.term} ({term.expansion}): {term.plain}" if term.expansion else f"{term.term}: {term.plain}"
        for term in expected
    ]


@pytest.mark.parametrize(("document", "source", "viewpoint"), CASES)
def test_every_picture_has_alternative_text_naming_its_figures(
    document: Document, source: str, viewpoint: c.Perspective
) -> None:
    for description in pictures(render(document, source, viewpoint)):
        assert len(description) > 40, description
        assert re.search(r"\d", description), description  # it states figures
        assert description.rstrip().endswith("."), description


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if d.name in {"report", "comparison", "progress"}])
def test_the_charts_name_every_section_and_its_figure(document: Document) -> None:
    for source in FRAMEWORKS:
        framework = _framework(source)
        described = pictures(render(document, source, document.viewpoints[-1]))
        assert described
        chart = described[0]
        for number, section in enumerate(framework.sections, start=1):
            assert re.search(rf"{number}\. {re.escape(section.title)}: [^;]*\d+%", chart), (section.title, chart)


@pytest.mark.parametrize(("document", "source", "viewpoint"), CASES)
def test_core_properties_are_true(document: Document, source: str, viewpoint: c.Perspective) -> None:
    properties = docx.Document(io.BytesIO(render(document, source, viewpoint))).core_properties
    made = dt.datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=dt.timezone.utc)
    assert properties.created == made and properties.modified == made
    assert properties.language == "en-GB"
    assert properties.title and properties.subject
    assert properties.last_modified_by == "coproduction"


def test_the_table_covers_every_class_the_plugin_writes() -> None:
    written = {type(document.build(document.sources[0], document.viewpoints[0])) for document in DOCUMENTS}
    assert written == set(DocxExporter.writers)


@pytest.mark.parametrize(("viewpoint", "word"), [(PARENTS, "checklist"), (STAFF, "audit")])
def test_the_readers_messages_name_the_cover_as_the_form_does(viewpoint: c.Perspective, word: str) -> None:
    blank = c.AuditTemplate(_framework(FRAMEWORKS[0]), viewpoint)  # no organisation, no date: both missing
    out = io.BytesIO()
    DocxExporter().export(blank, out, c.export_context(as_of=AS_OF))
    with pytest.raises(c.InvalidDocumentError) as raised:
        DocxExporter().read(io.BytesIO(out.getvalue()), c.export_context(as_of=AS_OF))
    paths = {problem.path: problem.message for problem in raised.value.problems}
    assert f"About this {word} > Organisation" in paths
    assert paths[f"About this {word} > Date completed"] == f"is empty; write the date the {word} was completed"
    assert all("About this" not in path or word in path for path in paths)


@pytest.mark.parametrize("source", FRAMEWORKS)
def test_each_statement_is_its_own_row_its_examples_set_in_under_a_label(source: str) -> None:
    framework = _framework(source)
    body = docx.Document(io.BytesIO(render(DOCUMENTS[0], source, PARENTS))).element.body
    rows = {}
    for row in body.iter(f"{W}tr"):
        first = next(row.iter(f"{W}tc"))
        lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in first.iter(f"{W}p")]
        references = [line.removeprefix("Reference: ") for line in lines if line.startswith("Reference: ")]
        if references:
            assert len(references) == 1, lines
            rows[references[0]] = (first, lines)
    assert list(rows) == [criterion.id for criterion in framework.criteria]
    for criterion in framework.criteria:
        first, lines = rows[criterion.id]
        assert lines[0] == c.wording_for(criterion, PARENTS)  # the statement alone in its first paragraph
        assert "For example" not in lines[0]  # no example run into the statement's own words
        examples = c.examples_for(criterion, PARENTS)
        italic = [
            "".join(t.text or "" for t in r.iter(f"{W}t"))
            for r in first.iter(f"{W}r")
            if r.find(f"{W}rPr/{W}i") is not None
        ]
        assert italic == list(examples)


@pytest.mark.parametrize("source", LADDERS)
def test_a_ladder_template_says_check_code_and_one_saying_fingerprint_still_reads_back(source: str) -> None:
    template = c.LadderAssessmentTemplate(_ladder(source), PARENTS, OAK, date=AS_OF)
    out = io.BytesIO()
    DocxExporter().export(template, out, c.export_context(as_of=AS_OF))
    data = out.getvalue()
    archive = zipfile.ZipFile(io.BytesIO(data))
    xml = archive.read("word/document.xml").decode()
    assert ", check code " in xml and "fingerprint" not in xml
    old = io.BytesIO()
    with zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for item in archive.infolist():
            content = archive.read(item.filename)
            if item.filename == "word/document.xml":
                content = xml.replace(", check code ", ", fingerprint ").encode()
            rebuilt.writestr(item, content)
    for made in (data, old.getvalue()):
        read = DocxExporter().read_ladder_assessment(io.BytesIO(made), c.export_context(as_of=AS_OF))
        assert (read.ladder, read.perspective, read.date) == (source, PARENTS, AS_OF)


@pytest.mark.parametrize("source", FRAMEWORKS)
def test_the_pooled_charts_name_every_statement_shown_with_its_counts(source: str) -> None:
    framework = _framework(source)
    view = pooled(source, PARENTS)
    assert isinstance(view, c.PooledView)
    described = " ".join(pictures(render(next(d for d in DOCUMENTS if d.name == "pooled"), source, PARENTS)))
    levels = [level.name for level in framework.scale.levels]
    for entry in view.criteria:
        section = framework.section_of(entry.criterion)
        number = [criterion.id for criterion in section.criteria].index(entry.criterion) + 1
        name = f"{section.title}, statement {number}"
        if entry.withheld:
            assert f"{name}: withheld" in described
        elif entry.answered:
            counts = entry.counts or {}
            figures = ", ".join(
                f"{level} {counts.get(level_id, 0)}"
                for level, level_id in zip(levels, [lv.id for lv in framework.scale.levels], strict=True)
            )
            assert re.search(rf"{re.escape(name)}, rated by {entry.answered}: ", described), name
            for part in figures.split(", "):
                assert part in described, (name, part)
