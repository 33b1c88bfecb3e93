"""Each page kind: semantic structure, plain English, the Content-Security-Policy, escaping, bad input."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import pytest
from coproduction_html import HtmlExporter
from coproduction_html._kinds import PAGES, WRITERS
from coproduction_html._render import CSP
from coproduction_html._wording import percent, percent_number
from example_documents import AS_OF, cycle_module
from hypothesis import given
from hypothesis import strategies as st
from page_structure import parse

import coproduction as cp
from coproduction.exporters import Exporter, default_registry

JARGON = re.compile(r"\b(perspectives?|criterion|criteria|kappa|exporters?|rung)\b", re.IGNORECASE)


def test_the_exporter_is_registered_as_html_and_follows_the_protocol() -> None:
    registry = default_registry()
    assert "html" in registry.names()
    exporter = registry.get("html")
    assert isinstance(exporter, HtmlExporter) and isinstance(exporter, Exporter)
    assert (exporter.media_type, exporter.suffix) == ("text/html", ".html")


def test_supports_is_exactly_the_table_of_writers(documents: dict[str, object]) -> None:
    exporter = HtmlExporter()
    status = documents["action-plan"]
    assert isinstance(status, cp.PlanStatus)
    every_kind = [*documents.values(), status.plan]
    assert {type(document) for document in every_kind} == set(WRITERS) == set(PAGES)
    assert HtmlExporter.writers is WRITERS
    assert all(exporter.supports(document) for document in every_kind)
    framework = cp.default_catalogue().framework("worcestershire-seven-quality-standards")
    assert not exporter.supports(cp.AuditTemplate(framework, "school-staff"))
    assert not exporter.supports(framework)


def test_an_unsupported_document_is_refused_before_anything_is_written() -> None:
    framework = cp.default_catalogue().framework("worcestershire-seven-quality-standards")
    out = io.BytesIO()
    with pytest.raises(cp.UnsupportedDocumentError) as caught:
        HtmlExporter().export(cp.AuditTemplate(framework, "school-staff"), out, cp.export_context())
    assert out.getvalue() == b""
    assert "AuditTemplate" in str(caught.value) and "FeedbackLog" in str(caught.value)


@pytest.mark.parametrize(
    "name",
    ["you-said-we-did", "charter", "audit-report", "audit-report-durham", "comparison", "action-plan", "pooled-view"],
)
def test_every_page_kind_has_a_sound_structure(pages: dict[str, str], name: str) -> None:
    html = pages[name]
    page = parse(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert [m.attrs["content"] for m in page.all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"] == [
        CSP
    ]
    assert "script-src" not in CSP and "default-src 'none'" in CSP and "img-src data:" in CSP
    assert not page.all("script") and not page.all("img") and not page.all("iframe") and not page.all("link")
    # landmarks, one h1 inside main, headings never skip a level
    for landmark in ("header", "nav", "main", "footer"):
        assert page.all(landmark), landmark
    h1s = page.all("h1")
    assert len(h1s) == 1 and "main" in h1s[0].parents
    levels = [int(e.tag[1]) for e in page.elements if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    # the skip link comes first and leads to main
    links = page.all("a")
    assert links[0].attrs["href"] == "#main" and "Skip" in links[0].text
    assert page.all("main")[0].attrs["id"] == "main"
    # every in-page link has its target
    ids = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
    assert len(ids) == len([e for e in page.elements if "id" in e.attrs]), "ids are unique"
    for link in links:
        assert link.attrs["href"].startswith("#") and link.attrs["href"][1:] in ids
    # tables: a caption, column headers with scope, in a labelled region
    for table in page.all("table"):
        assert "div" in table.parents
    assert len(page.all("caption")) == len(page.all("table")) > 0
    assert all(th.attrs.get("scope") in ("col", "row") for th in page.all("th"))
    for region in (e for e in page.elements if e.attrs.get("role") == "region"):
        assert region.attrs["aria-labelledby"] in ids and region.attrs["tabindex"] == "0"
    # every chart has a title and a description that give its figures
    for svg in (e for e in page.all("svg") if e.attrs.get("role") == "img"):
        title_id, desc_id = svg.attrs["aria-labelledby"].split()
        desc = next(e for e in page.elements if e.attrs.get("id") == desc_id)
        assert next(e for e in page.elements if e.attrs.get("id") == title_id).tag == "title"
        assert desc.tag == "desc" and re.search(r"\d", desc.text)
    assert "@media print" in html and "@media (max-width: 30rem)" in html


@pytest.mark.parametrize(
    "name", ["you-said-we-did", "charter", "audit-report", "comparison", "action-plan", "pooled-view"]
)
def test_pages_speak_plain_english(pages: dict[str, str], documents: dict[str, object], name: str) -> None:
    """Our own words, that is: what a school wrote in its document is quoted as written."""
    page = parse(pages[name])
    text = page.text + " " + " ".join(" ".join(e.text.split()) for e in page.elements if e.tag in ("title", "desc"))
    maker = PAGES[type(documents[name])]
    for quoted in sorted(_strings(cp.to_dict(maker.stored(documents[name]))), key=len, reverse=True):
        text = text.replace(" ".join(quoted.split()), " ")
    found = JARGON.findall(text)
    assert not found, found


def test_a_report_says_who_rated_and_rounds_halves_up(pages: dict[str, str], documents: dict[str, object]) -> None:
    report = documents["audit-report"]
    assert isinstance(report, cp.AuditReport)
    text = parse(pages["audit-report"]).text
    assert "how parent carers rated Oak Primary School" in text
    for section in report.scores.sections:
        assert f"{section.title} {percent(section.score.value)}" in text


def test_percentages_round_half_away_from_zero() -> None:
    assert [percent(v) for v in (0.125, 0.625, 0.285, 0.005, 0.0, 1.0)] == ["13%", "63%", "29%", "1%", "0%", "100%"]
    assert percent(None) == "no score"


@given(st.integers(min_value=0, max_value=100_000))
def test_a_share_written_to_three_places_rounds_as_written(thousandths: int) -> None:
    assert percent_number(thousandths / 1000) == (thousandths + 5) // 10


def test_the_feedback_page_judges_late_answers_on_the_date_given(documents: dict[str, object]) -> None:
    log = documents["you-said-we-did"]
    before, after = io.BytesIO(), io.BytesIO()
    HtmlExporter().export(log, before, cp.export_context(as_of=dt.date(2026, 3, 1)))
    HtmlExporter().export(log, after, cp.export_context(as_of=dt.date(2026, 3, 21)))
    assert "Late:" not in before.getvalue().decode() and "Late:" in after.getvalue().decode()
    assert "21 March 2026" in after.getvalue().decode()


HOSTILE = [
    "<script>alert('x')</script>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(document.cookie)",
    "\"quoted\" & 'single' </td></tr></table>",
    "&amp; &lt;b&gt; &#x3C;script&#x3E;",
    "<img src=x onerror=alert(1)>",
    "</style><style>body{display:none}</style>",
]


def hostile_log() -> cp.FeedbackLog:
    parent_carers = cp.Contributor(cp.Group.OTHER, HOSTILE[4])
    return cp.FeedbackLog(
        organisation=cp.Organisation(HOSTILE[3], "<b>9</b>"),
        title=HOSTILE[6],
        entries=[
            cp.FeedbackEntry(
                id=f"entry-{number}",
                said=text,
                said_by=parent_carers,
                channel="survey",
                date=dt.date(2025, 5, 8),
                theme=HOSTILE[(number + 1) % len(HOSTILE)],
                response=cp.FeedbackResponse.done(HOSTILE[(number + 2) % len(HOSTILE)], dt.date(2025, 6, 2)),
            )
            for number, text in enumerate(HOSTILE)
        ],
    )


def hostile_charter() -> cp.Charter:
    charter = cycle_module().oak_charter()
    return cp.Charter(
        organisation=cp.Organisation(HOSTILE[0]),
        title=HOSTILE[1],
        introduction=HOSTILE[5],
        values=[cp.CharterValue(text, text) for text in HOSTILE],
        commitments=charter.commitments,
        expectations=[cp.Expectation(text, HOSTILE[2]) for text in HOSTILE],
        co_produced_with=[cp.Contributor(cp.Group.OTHER, HOSTILE[3])],
        co_produced_on=charter.co_produced_on,
        review_date=charter.review_date,
        signed_off=[cp.SignOff(HOSTILE[6], charter.co_produced_on, HOSTILE[4])],
    )


def hostile_pooled() -> cp.PooledView:
    framework = cp.default_catalogue().framework("worcestershire-seven-quality-standards")
    audits = [
        cp.Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=cp.Organisation(HOSTILE[0], HOSTILE[3]),
            perspective=cp.Perspective.PARENT_CARERS,
            date=dt.date(2025, 5, 8),
            responses=[
                cp.Response(
                    criterion.id,
                    "embedded",
                    evidence=HOSTILE[(number + index) % len(HOSTILE)],
                    next_steps=HOSTILE[(number + 3) % len(HOSTILE)] if index == 0 else "",
                )
                for index, criterion in enumerate(framework.criteria)
            ],
        )
        for number in range(len(HOSTILE))
    ]
    return cp.pool(audits, framework)


@pytest.mark.parametrize(
    "make", [hostile_log, hostile_charter, hostile_pooled], ids=["feedback", "charter", "pooled-view"]
)
def test_text_from_a_document_is_shown_as_text_never_as_markup(make: object) -> None:
    assert callable(make)
    out = io.BytesIO()
    HtmlExporter().export(make(), out, cp.export_context(as_of=AS_OF))
    html = out.getvalue().decode("utf-8")
    page = parse(html)
    assert not page.all("script") and not page.all("img") and not page.all("b")
    assert [e.tag for e in page.all("style")] == ["style"]
    assert len(page.all("table")) == len(page.all("caption"))
    for element in page.elements:
        assert not any(name.startswith("on") for name in element.attrs), element
        assert not any("javascript:" in value for value in element.attrs.values()), element
    for text in HOSTILE:
        assert " ".join(text.split()) in page.text, text
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;amp;" in html


def test_a_control_character_is_refused_naming_its_place() -> None:
    log = cycle_module().feedback_log(cycle_module().co_produce(_draft_plan()))
    bad = cp.FeedbackLog(
        organisation=log.organisation, entries=[*log.entries[:2], _with_said(log.entries[2], "bell\x07")]
    )
    out = io.BytesIO()
    with pytest.raises(cp.ExportError) as caught:
        HtmlExporter().export(bad, out, cp.export_context(as_of=AS_OF))
    assert out.getvalue() == b""
    assert [(p.path, p.code) for p in caught.value.problems] == [("feedback_log.entries[2].said", "illegal-character")]


def test_a_charter_aiming_at_an_unknown_ladder_is_refused_and_nothing_is_written() -> None:
    charter = cycle_module().oak_charter()
    commitment = charter.commitments[0]
    odd = cp.Commitment(commitment.id, commitment.what, cp.RungTarget("no-such-ladder", "top"), commitment.measure)
    bad = cp.Charter(
        organisation=charter.organisation,
        title=charter.title,
        commitments=[odd],
        co_produced_with=charter.co_produced_with,
        co_produced_on=charter.co_produced_on,
        review_date=charter.review_date,
    )
    out = io.BytesIO()
    with pytest.raises(cp.InvalidDocumentError) as caught:
        HtmlExporter().export(bad, out, cp.export_context())
    assert out.getvalue() == b"" and caught.value.problems


def test_an_action_plan_is_reported_on_the_date_given(documents: dict[str, object]) -> None:
    status = documents["action-plan"]
    assert isinstance(status, cp.PlanStatus)
    out = io.BytesIO()
    HtmlExporter().export(status.plan, out, cp.export_context(as_of=dt.date(2025, 4, 30)))
    text = parse(out.getvalue().decode()).text
    assert "had got to on 30 April 2025" in text
    assert "No action was late on 30 April 2025." in text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _draft_plan() -> cp.ActionPlan:
    catalogue = cp.default_catalogue()
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    from example_documents import EXAMPLES

    school = cp.load(EXAMPLES / "audits" / "worcestershire-oak-primary-school-staff.json", cp.Audit)
    parents = cp.load(EXAMPLES / "audits" / "worcestershire-oak-primary-parent-carers.json", cp.Audit)
    return cp.propose_plan(cp.compare_perspectives([school, parents], framework), framework).plan


def _with_said(entry: cp.FeedbackEntry, said: str) -> cp.FeedbackEntry:
    return cp.FeedbackEntry(
        id=entry.id,
        said=said,
        said_by=entry.said_by,
        channel=entry.channel,
        date=entry.date,
        theme=entry.theme,
        response=entry.response,
        actions=entry.actions,
    )
