"""The documents of the co-production cycle in Word: comparison, progress, action plan, charter, "you said, we did".

Each is written, opened again with python-docx and read back structurally
(the numbers and words are where they should be); every one is converted to
PDF by LibreOffice in a single run, and its key text found with pdftotext.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
import shutil
import subprocess
import uuid
import zipfile
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import attrs
import docx
import matplotlib as mpl
import pytest
from coproduction_docx import DocxExporter
from coproduction_docx._chart import FONT, PATTERNS, grouped_chart, section_chart
from coproduction_docx._comparison import KAPPA_EXPLAINED
from coproduction_docx._prose import Prose, checker_for
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from matplotlib.font_manager import FontProperties, findfont

import coproduction as c
from coproduction import (
    ActionPlan,
    ActionStatus,
    Channel,
    Charter,
    CharterValue,
    Commitment,
    Comparison,
    Contributor,
    CriteriaRef,
    Expectation,
    FeedbackEntry,
    FeedbackLog,
    FeedbackResponse,
    FeedbackStatus,
    Group,
    Movement,
    PlanStatus,
    Progress,
    RungTarget,
    SignOff,
    TimeFrame,
    compare_perspectives,
    plan_status,
    propose_plan,
    track_progress,
)
from coproduction.testing import assert_exporter_conforms, audits, frameworks, free_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AS_OF = dt.date(2025, 6, 1)
OAK = c.Organisation("Oak Primary School", "123456")


# -- the example school's documents ----------------------------------------------------------------


def _audit(
    framework: c.Framework, perspective: c.Perspective, shift: int, date: dt.date = dt.date(2025, 3, 14)
) -> c.Audit:
    """An audit whose levels rotate through the scale, starting ``shift`` levels up."""
    levels = [level.id for level in framework.scale.levels]
    responses = []
    for index, criterion in enumerate(framework.criteria):
        if index == 5 and perspective is c.Perspective.PARENT_CARERS:
            continue  # one statement the parent carers did not answer
        responses.append(
            c.Response(
                criterion=criterion.id,
                rating=levels[(index + shift) % len(levels)],
                required_actions="Ask the SENCo to explain EHCP reviews" if index % 3 == 0 else "",
                next_steps="Talk to the LA" if index % 4 == 0 else "",
            )
        )
    return c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=OAK,
        perspective=perspective,
        date=date,
        responses=responses,
    )


@pytest.fixture(scope="module")
def comparison(worcestershire: c.Framework) -> Comparison:
    school = _audit(worcestershire, c.Perspective.SCHOOL_STAFF, 1)
    parents = _audit(worcestershire, c.Perspective.PARENT_CARERS, 0)
    return compare_perspectives([school, parents], worcestershire)


def _version_two(worcestershire: c.Framework) -> c.Framework:
    """Version 2: the first statement of the first standard replaced by a new one."""
    first = worcestershire.sections[0]
    new = c.Criterion(id="shared-values-7", text="A new statement about the SENCo.")
    section = attrs.evolve(first, criteria=(*first.criteria[1:], new))
    return attrs.evolve(worcestershire, version="2", sections=(section, *worcestershire.sections[1:]))


@pytest.fixture(scope="module")
def version_two(worcestershire: c.Framework) -> c.Framework:
    return _version_two(worcestershire)


@pytest.fixture(scope="module")
def progress_report(worcestershire: c.Framework, version_two: c.Framework) -> Progress:
    dates = (dt.date(2024, 3, 1), dt.date(2025, 3, 1), dt.date(2026, 3, 1))
    frameworks_used = (worcestershire, worcestershire, version_two)
    series = [
        _audit(framework, c.Perspective.PARENT_CARERS, shift, date)
        for shift, (date, framework) in enumerate(zip(dates, frameworks_used, strict=True))
    ]
    return track_progress(series, [worcestershire, version_two])


@pytest.fixture(scope="module")
def plan(comparison: Comparison, worcestershire: c.Framework) -> ActionPlan:
    proposal = propose_plan(
        comparison,
        worcestershire,
        owner="The SENCo",
        co_produced_with=[Contributor(Group.PARENT_CARER_FORUM), Contributor(Group.PARENT_CARERS, "parents in Year 6")],
        review_dates=[dt.date(2025, 7, 1), dt.date(2026, 1, 1)],
    )
    actions = list(proposal.plan.actions)
    actions[0] = attrs.evolve(
        actions[0],
        status=ActionStatus.IN_PROGRESS,
        start_date=dt.date(2025, 4, 1),
        due_date=dt.date(2025, 5, 1),
        review_date=dt.date(2025, 6, 15),
        target=RungTarget("tlap-ladder-of-coproduction", "co-production"),
    )
    actions[1] = attrs.evolve(actions[1], status=ActionStatus.DONE, due_date=dt.date(2025, 5, 1))
    actions[2] = attrs.evolve(actions[2], status=ActionStatus.DROPPED, dropped_reason="The forum chose another way")
    return attrs.evolve(proposal.plan, actions=tuple(actions[:-1]))  # the last gap is left with no action


@pytest.fixture(scope="module")
def status(plan: ActionPlan, worcestershire: c.Framework, comparison: Comparison) -> PlanStatus:
    return plan_status(plan, worcestershire, on=AS_OF, source=comparison)


@pytest.fixture(scope="module")
def charter(worcestershire: c.Framework) -> Charter:
    return Charter(
        organisation=OAK,
        title="Our parent carer charter",
        introduction="This charter says how we work together.\n\nIt covers EHCP reviews and the Local Offer.",
        values=[
            CharterValue("Honesty", "We tell you what we can and cannot do, and why."),
            CharterValue("Respect", "We listen to every family, and the EHCP process is explained."),
        ],
        commitments=[
            Commitment(
                id="reply-quickly",
                what="We reply to every message from a parent carer.",
                aims_at=RungTarget("tlap-ladder-of-coproduction", "co-production"),
                measure="We count the replies sent within 10 school days each term.",
                serves=CriteriaRef(worcestershire.id, ("shared-values-6", "leadership-4")),
            ),
            Commitment(
                id="forum-termly",
                what="We meet the parent carer forum every term.",
                aims_at=RungTarget("durham-degrees-of-participation", "engagement"),
                measure="Minutes of each meeting are published.",
            ),
        ],
        expectations=[
            Expectation("We reply to your email or message", "within 10 school days", TimeFrame(10, "school-days")),
            Expectation("We tell you what changed", "every term"),
        ],
        co_produced_with=[Contributor(Group.PARENT_CARER_FORUM), Contributor(Group.SCHOOL_STAFF, "the head teacher")],
        co_produced_on=dt.date(2025, 5, 1),
        review_date=dt.date(2026, 5, 1),
        signed_off=[
            SignOff("Head teacher", dt.date(2025, 5, 2), "Ms B Head"),
            SignOff("Chair of the parent carer forum", dt.date(2025, 5, 3)),
        ],
    )


@pytest.fixture(scope="module")
def log() -> FeedbackLog:
    return FeedbackLog(
        organisation=OAK,
        entries=[
            FeedbackEntry(
                id="homework",
                said="Homework club clashes with pick-up.",
                said_by=Contributor(Group.PARENT_CARERS, "parents of children in Year 6"),
                channel=Channel.SURVEY,
                date=dt.date(2025, 1, 10),
                theme="Clubs",
                response=FeedbackResponse.done("We moved homework club to 3.30pm.", dt.date(2025, 2, 1)),
            ),
            FeedbackEntry(
                id="reviews",
                said="EHCP review meetings are too short.",
                said_by=Contributor(Group.PARENT_CARER_FORUM),
                channel=Channel.FORUM,
                date=dt.date(2025, 1, 12),
                theme="Meetings",
                response=FeedbackResponse.will_do("Book an hour for every EHCP review.", dt.date(2025, 4, 1)),
                actions=("improve-leadership-2",),
            ),
            FeedbackEntry(
                id="bus",
                said="Can the school run a bus?",
                said_by=Contributor(Group.PARENT_CARERS),
                channel=Channel.COFFEE_MORNING,
                date=dt.date(2025, 1, 15),
                theme="clubs",
                response=FeedbackResponse.cannot_do("The council runs school transport, not the school."),
            ),
            FeedbackEntry(
                id="later",
                said="Please add a quiet room.",
                said_by=Contributor(Group.CHILDREN_AND_YOUNG_PEOPLE),
                channel=Channel.MEETING,
                date=dt.date(2025, 2, 15),
                theme="Meetings",
                response=FeedbackResponse.will_do("Open a quiet room.", dt.date(2025, 9, 1)),
            ),
            FeedbackEntry(
                id="signs",
                said="Signs are hard to read.",
                said_by=Contributor(Group.CHILDREN_AND_YOUNG_PEOPLE),
                channel=Channel.MEETING,
                date=dt.date(2025, 2, 15),
            ),
        ],
    )


# -- reading the files back --------------------------------------------------------------------------


def export(document: object, context: c.ExportContext | None = None) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(document, out, context or c.export_context(as_of=AS_OF))
    return out.getvalue()


def reopen(document: object, context: c.ExportContext | None = None):
    return docx.Document(io.BytesIO(export(document, context)))


def texts(document) -> str:
    """Every paragraph and table cell, in reading order."""
    chunks = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            chunks.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            chunks.append(block.text)
    return "\n".join(chunks)


def headings(document, level: int | None = None) -> list[str]:
    wanted = ("Heading 1", "Heading 2") if level is None else (f"Heading {level}",)
    return [paragraph.text for paragraph in document.paragraphs if paragraph.style.name in wanted]


def caption(table) -> str:
    found = table._tbl.xpath("./w:tblPr/w:tblCaption/@w:val")
    return str(found[0]) if found else ""


def table(document, wanted: str):
    matches = [t for t in document.tables if caption(t) == wanted]
    assert len(matches) == 1, (wanted, [caption(t) for t in document.tables])
    return matches[0]


def rows(found) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in found.rows]


def references(found) -> list[str]:
    """The criterion ids in a table, from the "Reference: ..." line of each statement."""
    return [
        line.removeprefix("Reference: ")
        for row in found.rows[1:]
        for cell in row.cells
        for line in cell.text.splitlines()
        if line.startswith("Reference: ")
    ]


def percent(value: float | None) -> str:
    """A whole percentage rounded half away from zero, as Excel's "0%" format shows it (0.625 is 63%)."""
    if value is None:
        return "no score"
    return f"{(Decimal(repr(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def custom_properties(data: bytes) -> dict[str, str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml"))
    return {prop.get("name"): prop[0].text for prop in root}


# -- comparison ------------------------------------------------------------------------------------


def test_the_comparison_puts_the_scores_side_by_side(comparison: Comparison) -> None:
    data = export(comparison)
    document = docx.Document(io.BytesIO(data))
    found = rows(table(document, "Scores side by side, by quality standard"))
    assert found[0] == ["Quality standard", "School staff (solid bars)", "Parent carers (striped bars)"]
    school, parents = comparison.scores
    for index, section in enumerate(school.sections):
        assert found[index + 1] == [
            f"{index + 1}. {section.title}",
            percent(section.score.value),
            percent(parents.sections[index].score.value),
        ]
    assert found[-1] == ["Overall", percent(school.overall.value), percent(parents.overall.value)]
    assert document.core_properties.title == "Oak Primary School: comparing points of view"
    assert document.core_properties.language == "en-GB"
    assert custom_properties(data)["coproduction.kind"] == "coproduction-comparison"


def test_the_comparison_chart_tells_the_perspectives_apart_in_its_alt_text(comparison: Comparison, helpers_png) -> None:
    data = export(comparison)
    images = [
        zipfile.ZipFile(io.BytesIO(data)).read(name)
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if name.startswith("word/media/")
    ]
    assert len(images) == 1
    width, height = helpers_png(images[0])
    assert width > 300 and height > 200
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    school = comparison.scores[0].sections[0].score.value
    parents = comparison.scores[1].sections[0].score.value
    assert "Solid bars: school staff; striped bars: parent carers." in xml
    assert f"1. Shared values: school staff {percent(school)}, parent carers {percent(parents)}" in xml


def test_the_comparison_gives_the_agreement_and_explains_kappa(comparison: Comparison) -> None:
    document = reopen(comparison)
    agreement = comparison.agreement[0]
    found = rows(table(document, "How far each pair of points of view agrees"))
    assert found[1][:5] == [
        "School staff and parent carers",
        str(agreement.compared),
        str(agreement.exact),
        percent(agreement.exact_share),
        f"{agreement.kappa:.2f}",
    ]
    gap = agreement.mean_gap
    higher = "School staff" if gap > 0 else "Parent carers"
    expected = "The same on average" if abs(gap) < 0.05 else f"{higher} rate {abs(gap):.1f} levels higher on average"
    assert found[1][5] == expected
    text = texts(document)
    assert KAPPA_EXPLAINED in text
    assert KAPPA_EXPLAINED.startswith("This number shows how closely the two points of view agree.")
    # families read "agreement beyond chance", never the statistician's "weighted kappa"
    assert "Agreement beyond chance" in text and "kappa" not in text.casefold()


def test_the_comparison_lists_the_blind_spots_and_the_reverse(comparison: Comparison) -> None:
    document = reopen(comparison)
    assert "Where school staff rate the school higher than parent carers do" in headings(document, 1)
    blind = table(document, "Where school staff rate the school higher than parent carers do")
    assert references(blind) == [criterion.criterion for criterion in comparison.blind_spots]
    assert rows(blind)[0] == ["Statement", "School staff", "Parent carers", "Gap"]
    first = comparison.blind_spots[0]
    scale = {level.id: level.name for level in comparison.scale.levels}
    assert rows(blind)[1][1:] == [
        scale[first.rating("school-staff").rating],
        scale[first.rating("parent-carers").rating],
        f"{first.gap('school-staff', 'parent-carers')} level" + ("s" if first.spread != 1 else ""),
    ]
    strengths = table(document, "Where parent carers rate the school higher than school staff do")
    assert references(strengths) == [criterion.criterion for criterion in comparison.hidden_strengths]
    assert rows(strengths)[0][1:3] == ["Parent carers", "School staff"]


def test_the_comparison_shows_every_statement_with_each_level_and_the_gap(
    comparison: Comparison, worcestershire: c.Framework
) -> None:
    document = reopen(comparison)
    names = {level.id: level.name for level in worcestershire.scale.levels}
    for number, section in enumerate(worcestershire.sections, start=1):
        assert f"{number}. {section.title}" in headings(document, 2)
        found = table(document, f"Ratings from each point of view for {section.title}")
        assert references(found) == [criterion.id for criterion in section.criteria]
        for row, criterion in zip(rows(found)[1:], section.criteria, strict=True):
            compared = comparison.criterion(criterion.id)
            # everyone reads a comparison: statements in the plain words written for parent carers
            assert row[0].startswith(c.wording_for(criterion, c.Perspective.PARENT_CARERS)[:20])
            expected = [names[rating.rating] if rating.rating else "Not answered" for rating in compared.ratings]
            assert row[1:3] == expected
            if compared.spread is None:
                assert row[3] == "Not enough ratings to compare"
            elif compared.spread == 0:
                assert row[3] == "None: the same rating"
            else:
                assert row[3].startswith(f"{compared.spread} level")


def test_three_points_of_view_are_told_apart_and_paired(worcestershire: c.Framework) -> None:
    children = _audit(worcestershire, c.Perspective.CHILDREN_AND_YOUNG_PEOPLE, 2)
    parents = _audit(worcestershire, c.Perspective.PARENT_CARERS, 0)
    school = _audit(worcestershire, c.Perspective.SCHOOL_STAFF, 1)
    document = reopen(compare_perspectives([children, parents, school], worcestershire))
    header = rows(table(document, "Scores side by side, by quality standard"))[0]
    assert header == [
        "Quality standard",
        "Children and young people (solid bars)",
        "Parent carers (striped bars)",
        "School staff (dotted bars)",
    ]
    pairs = [row[0] for row in rows(table(document, "How far each pair of points of view agrees"))[1:]]
    assert pairs == [
        "Children and young people and parent carers",
        "Children and young people and school staff",
        "Parent carers and school staff",
    ]
    # the blind spots are still the school's against the parent carers'
    assert "Where school staff rate the school higher than parent carers do" in headings(document, 1)
    # without the school, the first two points of view are set against each other
    other = reopen(compare_perspectives([parents, children], worcestershire))
    assert headings(other, 1)[2:4] == [
        "Where parent carers rate higher than children and young people do",
        "Where children and young people rate higher than parent carers do",
    ]


def test_acronyms_are_spelled_out_once_and_listed(plan: ActionPlan) -> None:
    # a comparison's statements are in the parent carers' plain words, which use no short forms; a plan's actions do
    text = texts(reopen(plan))
    spelled = "Education, Health and Care Plan (EHCP)"
    glossary = c.default_catalogue().glossary()
    assert text.count(spelled) == 1
    assert "EHCP" not in text[: text.index(spelled)]
    words = text[text.index("Words and short forms used in this document") :]
    assert f"EHCP (Education, Health and Care Plan): {glossary.lookup('EHCP').plain}" in words


def test_a_comparison_of_a_framework_outside_the_catalogue_shows_references(
    comparison: Comparison, worcestershire: c.Framework
) -> None:
    elsewhere = attrs.evolve(comparison, framework_version="9")
    text = texts(reopen(elsewhere))
    assert "version 9 of the framework worcestershire-seven-quality-standards was not available" in text
    assert c.wording_for(worcestershire.criteria[0], c.Perspective.PARENT_CARERS) not in text
    # with the framework in the exporter's catalogue, the wording is back
    version_nine = attrs.evolve(worcestershire, version="9")
    exporter = c.export_context(catalogue=c.default_catalogue().including(version_nine), as_of=AS_OF)
    assert c.wording_for(worcestershire.criteria[0], c.Perspective.PARENT_CARERS)[:40] in texts(
        reopen(elsewhere, exporter)
    )


# -- progress --------------------------------------------------------------------------------------


def test_progress_shows_the_trend_of_the_scores(progress_report: Progress) -> None:
    document = reopen(progress_report)
    text = texts(document)
    first, last = progress_report.cycles[0], progress_report.cycles[-1]
    assert (
        f"The overall score went from {percent(first.score)} on 1 March 2024 to "
        f"{percent(last.score)} on 1 March 2026: it {progress_report.trend.label}." in text
    )
    overall = rows(table(document, "The overall score of each checklist"))
    assert [row[0] for row in overall[1:]] == ["1 March 2024", "1 March 2025", "1 March 2026"]
    assert [row[1] for row in overall[1:]] == ["1", "1", "2"]
    assert [row[2] for row in overall[1:]] == [percent(value) for value in progress_report.scores]
    assert [row[4] for row in overall[1:]] == [percent(cycle.coverage) for cycle in progress_report.cycles]
    scale = c.default_catalogue().framework("worcestershire-seven-quality-standards").scale
    assert [row[3] for row in overall[1:]] == [scale.band(value).name for value in progress_report.scores]
    assert overall[1][5] == "First checklist"
    assert [row[5].lower() for row in overall[2:]] == [movement.label for movement in progress_report.overall]
    sections = rows(table(document, "The score of each quality standard at each checklist"))
    for index, section in enumerate(progress_report.sections):
        assert sections[index + 1][1:4] == [percent(value) for value in section.scores]
        assert sections[index + 1][4].lower() == section.latest.label


def test_progress_says_what_improved_stayed_the_same_and_fell_back(progress_report: Progress) -> None:
    document = reopen(progress_report)
    counts = progress_report.movement_counts()
    summary = rows(table(document, "How many statements moved each way since the last checklist"))
    found = {row[0].lower(): int(row[1]) for row in summary[1:]}
    for movement in (Movement.IMPROVED, Movement.SAME, Movement.FELL_BACK):
        assert found[movement.label] == counts[movement]
        criteria = progress_report.criteria_that(movement)
        heading = f"{movement.label[0].upper()}{movement.label[1:]} ({counts[movement]})"
        assert heading in headings(document, 2)
        if criteria:
            listed = table(document, f"Statements that {movement.label} since the last checklist")
            assert references(listed) == [criterion.criterion for criterion in criteria]
    # three checklists: every one shown statement by statement too
    assert "Every checklist, statement by statement" in headings(document, 1)


def test_progress_names_the_statements_not_shared_between_versions(
    progress_report: Progress, version_two: c.Framework
) -> None:
    exporter = c.export_context(catalogue=c.default_catalogue().including(version_two), as_of=AS_OF)
    document = reopen(progress_report, exporter)
    assert "Statements not in every version" in headings(document, 1)
    only_one = table(document, "In version 1, not in version 2")
    assert references(only_one) == ["shared-values-1"]
    only_two = table(document, "In version 2, not in version 1")
    assert references(only_two) == ["shared-values-7"]
    assert "A new statement about the" in rows(only_two)[1][0]
    assert "compared on the 30 statements every version has" in texts(document)
    # without version 2 in the catalogue, the statements are shown by reference and the document says why
    assert "version 2 of the framework worcestershire-seven-quality-standards was not available" in texts(
        reopen(progress_report)
    )


@settings(max_examples=10, deadline=None)
@given(frameworks().flatmap(lambda f: st.tuples(st.just(f), audits(f), audits(f))))
def test_any_progress_lists_each_statement_under_one_movement(
    triple: tuple[c.Framework, c.Audit, c.Audit],
) -> None:
    framework, first, second = triple
    second = attrs.evolve(
        second,
        organisation=first.organisation,
        perspective=first.perspective,
        date=first.date + dt.timedelta(days=365),
    )
    report = track_progress([first, second], framework)
    word = "audit" if first.perspective is c.Perspective.SCHOOL_STAFF else "checklist"
    exporter = c.export_context(catalogue=c.default_catalogue().including(framework), as_of=AS_OF)
    document = reopen(report, exporter)
    listed = [
        criterion
        for movement in Movement
        if report.criteria_that(movement)
        for criterion in references(table(document, f"Statements that {movement.label} since the last {word}"))
    ]
    assert sorted(listed) == sorted(criterion.id for criterion in framework.criteria)


# -- action plan -----------------------------------------------------------------------------------


def test_the_action_plan_lists_every_action_with_its_fields(status: PlanStatus) -> None:
    document = reopen(status)
    plan = status.plan
    found = rows(table(document, "Every action of the plan"))
    assert found[0] == [
        "What will be done",
        "Statements it improves",
        "Aiming for",
        "Who",
        "Dates",
        "Where it has got to",
        "How we will know it worked",
    ]
    assert len(found) == len(plan.actions) + 1
    first = found[1]
    assert first[0].startswith("Agree together what would move")
    assert first[1] == "Shared values, statement 3"
    assert first[2].startswith("Co-production\nRung 7 of 7 on the Think Local Act Personal ladder")
    assert first[3] == "Owner: The SENCo\nCo-produced with: the parent carer forum and parents in Year 6"
    # the acronym was spelled out where it was first used: the overdue actions, earlier on
    overdue = rows(table(document, "Overdue actions, the earliest due first"))
    assert overdue[1][1] == "The Special Educational Needs (Disability) Co-ordinator (SENCo)"
    assert first[4] == "Start: 1 April 2025\nDue: 1 May 2025\nReview: 15 June 2025"
    assert first[5] == "In progress\nOverdue"
    assert first[6].startswith("Shared values, statement 3 is rated Embedded")
    assert found[3][5] == "Dropped\nWhy: The forum chose another way"
    assert found[2][5] == "Done"


_PLAIN_GROUPS = [group for group in Group if group is not Group.OTHER]


@settings(max_examples=10, deadline=None)
@given(
    st.lists(
        st.builds(Contributor, st.sampled_from(_PLAIN_GROUPS), st.sampled_from(["", "the head teacher"]))
        | st.just(Contributor(Group.OTHER, "the local church")),
        max_size=3,
    )
)
def test_an_action_names_who_it_is_co_produced_with_in_plain_english(
    plan: ActionPlan, partners: list[Contributor]
) -> None:
    action = attrs.evolve(plan.actions[0], co_produced_with=partners)
    document = reopen(attrs.evolve(plan, actions=(action, *plan.actions[1:])))
    who = rows(table(document, "Every action of the plan"))[1][3]
    names = [partner.label or partner.group.label for partner in partners]
    if not names:
        said = "not set"
    elif len(names) == 1:
        said = names[0]
    else:
        said = ", ".join(names[:-1]) + " and " + names[-1]
    assert who == f"Owner: The SENCo\nCo-produced with: {said}"
    assert "Group." not in who and "Contributor(" not in who


def test_the_action_plan_reports_progress_overdue_and_gaps_with_no_action(status: PlanStatus) -> None:
    data = export(status)
    document = docx.Document(io.BytesIO(data))
    counts = dict(rows(table(document, "Actions by where they have got to"))[1:])
    assert counts == {
        "Not started": str(status.counts[ActionStatus.NOT_STARTED]),
        "In progress": "1",
        "Done": "1",
        "Dropped": "1",
        "Overdue on 1 June 2025": "1",
        "All actions": str(len(status.plan.actions)),
    }
    overdue = rows(table(document, "Overdue actions, the earliest due first"))
    assert len(overdue) == 2 and overdue[1][2] == "1 May 2025"
    uncovered = table(document, "Statements with no action")
    assert references(uncovered) == list(status.uncovered)
    assert len(status.uncovered) == 2  # the gap left without an action, and the dropped one
    text = texts(document)
    assert "These statements were rated below the top level, and no action improves them yet." in text
    assert "The whole plan will next be reviewed on 1 July 2025." in text
    assert custom_properties(data)["coproduction.as_of"] == "2025-06-01"


def test_a_plan_on_its_own_is_reported_on_the_exporters_date(plan: ActionPlan) -> None:
    early = reopen(plan, c.export_context(as_of=dt.date(2025, 4, 15)))
    assert "No action was overdue on 15 April 2025." in texts(early)
    late = reopen(plan, c.export_context(as_of=AS_OF))
    assert "Overdue on 1 June 2025" in texts(late)
    # without a source audit, the statements with no action are the framework's
    uncovered = table(late, "Statements with no action")
    assert "shared-values-3" not in references(uncovered)
    assert "No action improves these statements of the framework yet." in texts(late)


def test_an_action_on_a_statement_the_framework_lacks_is_refused(plan: ActionPlan) -> None:
    wrong = attrs.evolve(plan, actions=(attrs.evolve(plan.actions[0], criteria=("no-such-statement",)),))
    out = io.BytesIO()
    with pytest.raises(c.InvalidDocumentError) as caught:
        DocxExporter().export(wrong, out, c.export_context(as_of=AS_OF))
    assert out.getvalue() == b""
    assert [(p.path, p.code) for p in caught.value.problems] == [("actions[0].criteria[0]", "unknown-criterion")]
    unknown = attrs.evolve(plan, framework="a-council-framework")
    with pytest.raises(c.InvalidDocumentError) as caught:
        DocxExporter().export(unknown, out, c.export_context(as_of=AS_OF))
    assert "catalogue" in str(caught.value)
    assert out.getvalue() == b""


# -- charter ---------------------------------------------------------------------------------------


def test_the_charter_has_every_part(charter: Charter) -> None:
    data = export(charter)
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "Our parent carer charter"
    assert document.paragraphs[0].style.name == "Title"
    assert headings(document, 1)[:5] == [
        "Our values",
        "What we commit to",
        "What you can expect, and when",
        "Who made this charter",
        "When we will review it",
    ]
    assert headings(document, 2) == ["Honesty", "Respect"]
    commitments = rows(table(document, "What we commit to, how far up the ladder each aims, and how we will know"))
    assert commitments[1][0].startswith("We reply to every message from a parent carer.")
    served = c.default_catalogue().framework("worcestershire-seven-quality-standards").criterion("shared-values-6")
    assert f"Shared values, statement 6\n{c.wording_for(served, c.Perspective.PARENT_CARERS)}" in commitments[1][0]
    assert commitments[1][1].startswith("Co-production\nRung 7 of 7 on the Think Local Act Personal ladder")
    assert commitments[1][2] == "We count the replies sent within 10 school days each term."
    assert commitments[2][1].startswith("Engagement\nRung 4 of 5 on the Durham degrees of participation.")
    expect = rows(table(document, "What you can expect, and when"))
    assert expect[1:] == [
        ["We reply to your email or message", "within 10 school days"],
        ["We tell you what changed", "every term"],
    ]
    text = texts(document)
    assert "We made this charter together with the parent carer forum and the head teacher." in text
    assert "We agreed it on 1 May 2025." in text
    assert "We will review this charter by 1 May 2026." in text
    signed = rows(table(document, "Who signed this charter off"))
    assert signed[1:] == [
        ["Head teacher", "Ms B Head", "2 May 2025"],
        ["Chair of the parent carer forum", "Not published", "3 May 2025"],
    ]
    assert custom_properties(data)["coproduction.kind"] == "coproduction-charter"


def test_the_charter_is_put_into_plain_english(charter: Charter) -> None:
    text = texts(reopen(charter))
    spelled = "Education, Health and Care Plan (EHCP)"
    assert text.count(spelled) == 1
    assert "EHCP" not in text[: text.index(spelled)]
    assert "It covers Education, Health and Care Plan (EHCP) reviews" in text
    assert "Words and short forms used in this charter" in text
    words = text[text.index("Words and short forms used in this charter") :]
    glossary = c.default_catalogue().glossary()
    assert f"EHCP (Education, Health and Care Plan): {glossary.lookup('EHCP').plain}" in words
    assert "Local Offer: the council's website about services for special educational needs and disabilities" in words


def test_an_unsigned_charter_says_so(charter: Charter) -> None:
    text = texts(reopen(attrs.evolve(charter, signed_off=())))
    assert "This charter has not been signed off yet." in text


def test_a_commitment_aiming_at_a_rung_the_ladder_lacks_is_refused(charter: Charter) -> None:
    wrong = attrs.evolve(
        charter,
        commitments=(
            attrs.evolve(charter.commitments[0], aims_at=RungTarget("tlap-ladder-of-coproduction", "summit")),
        ),
    )
    out = io.BytesIO()
    with pytest.raises(c.InvalidDocumentError) as caught:
        DocxExporter().export(wrong, out, c.export_context(as_of=AS_OF))
    assert [(p.path, p.code) for p in caught.value.problems] == [("commitments[0].aims_at.rung", "unknown-rung")]
    assert out.getvalue() == b""


# -- "you said, we did" ------------------------------------------------------------------------------


def test_the_feedback_log_summarises_by_answer_and_theme(log: FeedbackLog) -> None:
    document = reopen(log)
    assert document.core_properties.title == "You said, we did: Oak Primary School"
    by_answer = dict(rows(table(document, "What you told us, by our answer"))[1:])
    assert by_answer == {
        "Done": "1",
        "We will do this": "2",
        "We cannot do this": "1",
        "Not answered yet": "1",
        "All": "5",
    }
    by_theme = rows(table(document, "What you told us, by theme and answer"))
    assert by_theme[1:] == [
        ["Clubs", "1", "0", "1", "0", "2"],
        ["Meetings", "0", "2", "0", "0", "2"],
        ["Other things you told us", "0", "0", "0", "1", "1"],
    ]
    text = texts(document)
    assert "You told us 5 things. Of these, we have done 1, we will do 2 by the dates below," in text
    assert headings(document, 1) == [
        "Summary",
        "Clubs",
        "Meetings",
        "Other things you told us",
        *headings(document, 1)[4:],
    ]


def test_the_feedback_log_says_you_said_and_we_did(log: FeedbackLog) -> None:
    document = reopen(log)
    clubs = rows(table(document, "You said, we did: Clubs"))
    assert clubs[0] == ["You said", "We did"]
    assert clubs[1][0] == (
        "Homework club clashes with pick-up.\nSaid by parents of children in Year 6, in a survey, on 10 January 2025."
    )
    assert clubs[1][1] == "Done: We moved homework club to 3.30pm.\nDone on 1 February 2025."
    assert clubs[2][1] == "We cannot do this.\nWhy: The council runs school transport, not the school."
    meetings = rows(table(document, "You said, we did: Meetings"))
    # what was said is quoted as said, its short forms spelt out at first use; our answer is in plain English
    assert meetings[1][0].startswith(
        "Education, Health and Care Plan (EHCP) review meetings are too short.\nSaid by the parent carer forum"
    )
    assert meetings[1][1] == (
        "We will: Book an hour for every EHCP review.\nBy 1 April 2025.\n"
        "This is overdue; we will tell you what is happening.\nThis is part of our action plan."
    )
    assert meetings[2][1] == "We will: Open a quiet room.\nBy 1 September 2025."
    other = rows(table(document, "You said, we did: Other things you told us"))
    assert other[1][1] == "We are still looking at this and will tell you what we decide."


def test_overdue_answers_depend_on_the_date(log: FeedbackLog) -> None:
    before = texts(reopen(log, c.export_context(as_of=dt.date(2025, 3, 1))))
    assert "overdue" not in before
    after = texts(reopen(log, c.export_context(as_of=dt.date(2025, 10, 1))))
    assert after.count("This is overdue; we will tell you what is happening.") == 2


@settings(max_examples=10, deadline=None)
@given(
    said=st.lists(free_text(max_size=60, blank=False), min_size=1, max_size=4),
    statuses=st.lists(st.sampled_from(list(FeedbackStatus)), min_size=4, max_size=4),
)
def test_any_feedback_is_quoted_as_said(said: list[str], statuses: list[FeedbackStatus]) -> None:
    responses = {
        FeedbackStatus.DONE: FeedbackResponse.done("Done it.", dt.date(2025, 2, 1)),
        FeedbackStatus.WILL_DO: FeedbackResponse.will_do("We will.", dt.date(2025, 9, 1)),
        FeedbackStatus.CANNOT_DO: FeedbackResponse.cannot_do("Not ours to do."),
        FeedbackStatus.NOT_YET_ANSWERED: FeedbackResponse.not_yet_answered(),
    }
    entries = [
        FeedbackEntry(
            id=f"entry-{index}",
            said=text,
            said_by=Contributor(Group.PARENT_CARERS),
            channel=Channel.SURVEY,
            date=dt.date(2025, 1, 1),
            response=responses[statuses[index]],
        )
        for index, text in enumerate(said)
    ]
    document = reopen(FeedbackLog(organisation=OAK, entries=entries))
    found = rows(table(document, "You said, we did: Other things you told us"))
    assert len(found) == len(said) + 1
    for row, text in zip(found[1:], said, strict=True):
        assert row[0].split("\nSaid by parent carers")[0] == text.replace("\r\n", "\n").replace("\r", "\n")


# -- every document ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def every_document(comparison, progress_report, status, charter, log) -> dict[str, object]:
    return {
        "comparison": comparison,
        "progress": progress_report,
        "plan": status,
        "charter": charter,
        "feedback": log,
    }


def test_every_document_is_accessible(every_document: dict[str, object]) -> None:
    for name, document in every_document.items():
        data = export(document)
        archive = zipfile.ZipFile(io.BytesIO(data))
        body = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
        core = etree.fromstring(archive.read("docProps/core.xml"))
        assert core.findtext("{http://purl.org/dc/elements/1.1/}title"), name
        assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == "en-GB", name
        assert styles.find(".//w:docDefaults//w:lang", NS).get(f"{{{W}}}val") == "en-GB"
        used = [p.get(f"{{{W}}}val") for p in body.iterfind(".//w:pPr/w:pStyle", NS)]
        assert used[0] == "Title" and used.count("Heading1") >= 3, name
        assert styles.find(".//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl", NS) is not None
        tables = body.findall(".//w:tbl", NS)
        assert tables, name
        for found in tables:
            assert found.find("w:tr/w:trPr/w:tblHeader", NS) is not None, name
            assert found.find("w:tblPr/w:tblCaption", NS) is not None, name
        sizes = [int(size.get(f"{{{W}}}val")) for root in (body, styles) for size in root.iterfind(".//w:sz", NS)]
        assert sizes and min(sizes) >= 22, name
        for picture in body.iterfind(
            ".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        ):
            assert len(picture.get("descr", "")) > 40, name


def test_the_exporter_supports_the_cycle_documents(every_document: dict[str, object], plan: ActionPlan) -> None:
    exporter = DocxExporter()
    assert_exporter_conforms(exporter, [*every_document.values(), plan], context=c.export_context(as_of=AS_OF))
    copy = pickle.loads(pickle.dumps(exporter))
    assert copy.supports(plan) and copy.writers is DocxExporter.writers
    writes = (
        "ActionPlan, AuditReport, AuditTemplate, BarriersSummary, BarriersSurveyTemplate, Calendar, Charter, "
        "ChecklistPage, Comparison, EvaluationSlipTemplate, FeedbackLog, LadderAssessmentTemplate, "
        "LadderComparisonReport, PlanStatus, PooledView, Progress$"
    )
    with pytest.raises(c.UnsupportedDocumentError, match=writes):
        exporter.export(object(), io.BytesIO(), c.export_context(as_of=AS_OF))


def _with_control_character(name: str, document: object) -> object:
    bad = "Oak\x07School"
    if name in ("comparison", "progress"):
        return attrs.evolve(document, organisation=c.Organisation(bad))
    if name == "plan":
        assert isinstance(document, PlanStatus)
        plan = document.plan
        return attrs.evolve(plan, actions=(attrs.evolve(plan.actions[0], what=bad), *plan.actions[1:]))
    if name == "charter":
        return attrs.evolve(document, values=(CharterValue("Honesty", bad),))
    assert isinstance(document, FeedbackLog)
    return attrs.evolve(document, entries=(attrs.evolve(document.entries[0], said=bad), *document.entries[1:]))


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("comparison", "comparison.organisation.name"),
        ("progress", "progress.organisation.name"),
        ("plan", "plan.actions[0].what"),
        ("charter", "charter.values[0].description"),
        ("feedback", "feedback_log.entries[0].said"),
    ],
)
def test_text_word_cannot_hold_is_refused_and_nothing_written(
    every_document: dict[str, object], name: str, place: str
) -> None:
    document = _with_control_character(name, every_document[name])
    out = io.BytesIO()
    with pytest.raises(c.ExportError) as caught:
        DocxExporter().export(document, out, c.export_context(as_of=AS_OF))
    assert out.getvalue() == b""
    assert [(p.path, p.code) for p in caught.value.problems] == [(place, "illegal-character")]
    assert "U+0007" in str(caught.value)


# -- property tests ----------------------------------------------------------------------------------


@st.composite
def _comparable(draw: st.DrawFn) -> tuple[c.Framework, c.Audit, c.Audit]:
    framework = draw(frameworks())
    first = draw(audits(framework))
    second = draw(audits(framework))
    first = attrs.evolve(first, perspective=c.Perspective.SCHOOL_STAFF)
    second = attrs.evolve(second, perspective=c.Perspective.PARENT_CARERS, organisation=first.organisation)
    return framework, first, second


@settings(max_examples=10, deadline=None)
@given(_comparable())
def test_any_comparison_and_its_plan_open_again_with_every_statement(
    triple: tuple[c.Framework, c.Audit, c.Audit],
) -> None:
    framework, first, second = triple
    compared = compare_perspectives([first, second], framework)
    exporter = c.export_context(catalogue=c.default_catalogue().including(framework), as_of=AS_OF)
    document = reopen(compared, exporter)
    listed = [
        criterion
        for section in framework.sections
        for criterion in references(table(document, f"Ratings from each point of view for {section.title}"))
    ]
    assert listed == [criterion.id for criterion in framework.criteria]
    word = c.section_word(framework.id)
    scores = rows(table(document, f"Scores side by side, by {'quality standard' if word == 'standard' else word}"))
    assert scores[-1][1:] == [percent(entry.overall.value) for entry in compared.scores]
    proposal = propose_plan(compared, framework)
    plan_document = reopen(proposal.plan, exporter)
    if proposal.plan.actions:
        assert len(rows(table(plan_document, "Every action of the plan"))) == len(proposal.plan.actions) + 1
    else:
        assert "The plan has no actions yet." in texts(plan_document)


# -- plain English -------------------------------------------------------------------------------------


def test_prose_spells_each_acronym_out_once_across_the_document() -> None:
    prose = Prose(checker_for(c.default_catalogue().glossary()))
    pieces = [
        "Talk to the SENCo.",
        "The SENCo and the LA agree EHCPs.",
        "Education, Health and Care Plan (EHCP) is known.",
    ]
    for piece in pieces:
        assert prose(piece) == piece  # recording returns the text as it is
    prose.settle()
    assert [prose(piece) for piece in pieces] == [
        "Talk to the Special Educational Needs (Disability) Co-ordinator (SENCo).",
        "The SENCo and the Local Authority (LA) agree Education, Health and Care Plans (EHCPs).",
        "Education, Health and Care Plan (EHCP) is known.",
    ]
    assert dict(prose.words)["LA"] == "Local Authority"


def test_prose_without_a_glossary_changes_nothing() -> None:
    prose = Prose(None)
    prose("The SENCo.")
    prose.settle()
    assert prose("The SENCo.") == "The SENCo." and prose.words == []


def test_the_grouped_chart_draws_each_series_in_its_own_pattern(helpers_png) -> None:
    png, width, height = grouped_chart(
        ["Shared values", "Communication"], ["A", "B", "C", "D"], [[0.5, 0.25, None, 1.0], [0.0, 1.0, 0.33, 0.7]]
    )
    # drawn at twice the size it is placed at (96 pixels to the inch), so it prints sharply
    assert helpers_png(png) == (2 * width, 2 * height)
    assert width == 672 and height > 150
    assert PATTERNS == ("solid", "striped", "dotted", "cross-hatched")


def test_charts_are_drawn_in_the_font_matplotlib_ships() -> None:
    found = Path(findfont(FontProperties(family=FONT), fallback_to_default=False))
    assert found.is_relative_to(Path(mpl.get_data_path()))
    assert FONT == "DejaVu Sans"
    first = section_chart(["Shared values"], [0.5])
    assert first == section_chart(["Shared values"], [0.5])  # the same picture every time


# -- LibreOffice -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def soffice_many() -> Iterator[object]:
    """Convert several files to PDF in one LibreOffice run, in a profile of our own."""
    program = shutil.which("soffice")
    if program is None:
        pytest.skip("LibreOffice (soffice) is not on PATH; CI installs it")
    profile = Path(f"/tmp/lo-docx-{uuid.uuid4().hex}")

    def convert(sources: list[Path], outdir: Path) -> list[Path]:
        outdir.mkdir(parents=True, exist_ok=True)
        completed = subprocess.run(
            [
                program,
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, sources),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        results = [outdir / f"{source.stem}.pdf" for source in sources]
        for result in results:
            assert result.exists(), f"LibreOffice did not convert {result.stem}: {completed.stdout} {completed.stderr}"
        return results

    yield convert
    shutil.rmtree(profile, ignore_errors=True)


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        completed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        text = completed.stdout.decode("utf-8")
    else:
        pypdf = pytest.importorskip("pypdf", reason="neither pdftotext (poppler-utils) nor pypdf is installed")
        text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    return " ".join(text.split())


def test_libreoffice_opens_every_cycle_document(every_document: dict[str, object], soffice_many, tmp_path) -> None:
    sources = []
    for name, document in every_document.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(export(document))
        sources.append(path)
    pdfs = dict(zip(every_document, soffice_many(sources, tmp_path / "pdf"), strict=True))
    expected = {
        "comparison": [
            "Oak Primary School: comparing points of view",
            "Scores side by side",
            "School staff (solid bars)",
            "Where school staff rate the school higher than parent carers do",
            "Agreement beyond chance",
            "Reference: leadership-6",
        ],
        "progress": [
            "Oak Primary School: progress across checklists",
            "The overall trend",
            "What changed since the last checklist",
            "Statements not in every version",
        ],
        "plan": [
            "Oak Primary School: action plan",
            "Progress at a glance",
            "Overdue on 1 June 2025",
            "The forum chose another way",
            "Statements with no action",
        ],
        "charter": [
            "Our parent carer charter",
            "What you can expect, and when",
            "within 10 school days",
            "We will review this charter by 1 May 2026.",
            "Education, Health and Care Plan (EHCP)",
        ],
        "feedback": [
            "You said, we did: Oak Primary School",
            "Homework club clashes with pick-up.",
            "Why: The council runs school transport, not the school.",
            "By 1 April 2025.",
        ],
    }
    for name, phrases in expected.items():
        text = _pdf_text(pdfs[name])
        for phrase in phrases:
            assert phrase in text, (name, phrase)


@pytest.fixture(scope="module")
def helpers_png():
    """Check a PNG's chunks and size, as the report tests do; returns its width and height."""
    import struct
    import zlib

    def check(data: bytes) -> tuple[int, int]:
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        position, width, height, channels, idat = 8, 0, 0, 1, b""
        while position < len(data):
            (length,) = struct.unpack(">I", data[position : position + 4])
            kind = data[position + 4 : position + 8]
            body = data[position + 8 : position + 8 + length]
            (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
            assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc
            if kind == b"IHDR":
                width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
                assert depth == 8
                channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
            elif kind == b"IDAT":
                idat += body
            position += 12 + length
        assert len(zlib.decompress(idat)) == height * (width * channels + 1)
        return width, height

    return check
