"""The co-production cycle workbooks: the action plan (written, updated by a school, read back), the
comparison of perspectives, progress across audit cycles and the "you said, we did" log.

Workbooks are checked by opening them again (values, never bytes), and LibreOffice (headless) opens each,
re-saves an updated action plan that must read back equal and recalculates its summary formulas.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from coproduction_xlsx import XlsxExporter
from coproduction_xlsx._plan_reader import read_action_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from coproduction import (
    Action,
    ActionPlan,
    ActionStatus,
    Audit,
    AuditReference,
    AuditTemplate,
    Comparison,
    Contributor,
    CoproductionError,
    ExportContext,
    ExportError,
    FeedbackEntry,
    FeedbackLog,
    FeedbackResponse,
    FeedbackStatus,
    Framework,
    Group,
    InvalidDocumentError,
    Movement,
    Organisation,
    Perspective,
    Response,
    RungTarget,
    UnreadableFileError,
    compare_perspectives,
    default_catalogue,
    export_context,
    plan_status,
    propose_plan,
    track_progress,
    wording_for,
)
from coproduction.exporters import ActionPlanReader, default_registry
from coproduction.testing import (
    action_plans,
    assert_exporter_conforms,
    contributors,
    dates,
    free_text,
    organisations,
    perspectives,
    slugs,
)

TRICKY = ["=1+2", "+44 7700 900000", "-3", "@SUM(A1)", "ünïcødé ✓ “quotes” 日本", "two\nlines", " padded ", "#N/A"]
STATUS_WORDS = "Not started, In progress, Done or Dropped"
HEADERS = {
    "id": "Action id",
    "what": "What will be done",
    "criteria": "Statements it improves",
    "status": "Status",
    "owner": "Owner",
    "co_produced_with": "Co-produced with (one per line)",
    "start_date": "Start date",
    "due_date": "Due date",
    "overdue": "Overdue (worked out)",
    "dropped_reason": "Reason dropped",
    "success_measure": "Success measure",
    "review_date": "Review date",
    "target": "Ladder rung aimed for",
    "notes": "Notes",
}
TLAP = RungTarget("tlap-ladder-of-coproduction", "co-production")


def without_expansions(text: str) -> str:
    """Undo "Special Educational Needs (SEN)": workbooks spell acronyms out at first use."""
    for term in default_catalogue().glossary().terms:
        if term.expansion:
            for variant in term.term.split(" or "):
                text = text.replace(f"{term.expansion} ({variant})", variant)
    return text


def contributor_line(partner: Contributor) -> str:
    """How the workbook writes a group: "Parent carers", "Parent carers: parents of Year 6", "Others: ..."."""
    name = partner.group.label[:1].upper() + partner.group.label[1:]
    return f"{name}: {partner.label}" if partner.label else name


# -- building documents ------------------------------------------------------------------------


def varied_audit(framework: Framework, perspective: str, shift: int = 0, date: dt.date | None = None) -> Audit:
    """An audit with every level, gaps and not-applicable answers; ``shift`` moves every rating up the scale."""
    levels = framework.scale.levels
    responses = []
    for index, criterion in enumerate(framework.criteria):
        na = framework.allows_not_applicable and index % 9 == 4
        rating = None if na or index % 13 == 6 else levels[(index + shift) % len(levels)].id
        responses.append(
            Response(
                criterion=criterion.id,
                rating=rating,
                not_applicable=na,
                required_actions=f"Act on {criterion.id}" if index % 3 == 0 else "",
                next_steps="=1+2" if index == 0 else "",
            )
        )
    return Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=Organisation("Oak Primary School", "123456"),
        perspective=perspective,
        date=date or dt.date(2025, 5, 13),
        responses=responses,
        completed_by="The SENCo",
    )


@pytest.fixture(scope="module")
def comparison(worcestershire: Framework) -> Comparison:
    school = varied_audit(worcestershire, "school-staff", shift=1)
    parents = varied_audit(worcestershire, "parent-carers")
    return compare_perspectives([school, parents], worcestershire)


@pytest.fixture(scope="module")
def plan(comparison: Comparison, worcestershire: Framework) -> ActionPlan:
    """A co-produced plan: proposed from the comparison, then edited the way a school and its forum would."""
    proposal = propose_plan(
        comparison,
        worcestershire,
        owner="Ms Patel (SENCo)",
        co_produced_with=[Contributor("parent-carer-forum", "Oak forum"), Contributor("other", "=Governors")],
        review_dates=[dt.date(2026, 1, 15), dt.date(2026, 7, 15)],
    )
    actions = list(proposal.plan.actions)
    actions[0] = attrs.evolve(
        actions[0],
        status=ActionStatus.IN_PROGRESS,
        start_date=dt.date(2025, 6, 1),
        due_date=dt.date(2025, 7, 1),  # overdue whenever the tests run
        target=TLAP,
        notes="Coffee morning agreed\nsecond line: ünïcødé ✓",
    )
    actions[1] = attrs.evolve(actions[1], status=ActionStatus.DONE, due_date=dt.date(2025, 7, 1))
    actions[2] = attrs.evolve(
        actions[2], status=ActionStatus.DROPPED, dropped_reason="No budget this year;\nlooked at again in 2026"
    )
    actions[3] = attrs.evolve(actions[3], owner=None, co_produced_with=(), due_date=dt.date(2099, 1, 1))
    return attrs.evolve(proposal.plan, actions=actions)


def export_bytes(document: object, context: ExportContext | None = None) -> bytes:
    out = io.BytesIO()
    XlsxExporter().export(document, out, context or export_context())
    return out.getvalue()


def _read_plan(source: Any, context: ExportContext | None, framework: Framework | None, **kwargs: Any) -> ActionPlan:
    context = context or export_context(**kwargs)
    if framework is not None:  # the reader's own check that a plan answers an expected framework
        return read_action_plan(source, catalogue=context.catalogue, framework=framework, limits=context.limits)
    return XlsxExporter().read_action_plan(source, context)


def read_plan(
    data: bytes, context: ExportContext | None = None, framework: Framework | None = None, **kwargs: Any
) -> ActionPlan:
    return _read_plan(io.BytesIO(data), context, framework, **kwargs)


def edited(data: bytes, change: Any) -> bytes:
    """Open a workbook with openpyxl, change it as a school would, save it."""
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def type_text(cell: Any, text: str | None) -> None:
    """Type text into a cell as a person would into a text cell: never a formula."""
    cell.value = text or None
    if text:
        cell.data_type = "s"


def columns(ws: Any) -> dict[str, str]:
    """The Actions sheet's columns, by what they hold, found from their headings (row 4)."""
    found = {cell.value: cell.column_letter for cell in ws[4] if cell.value}
    return {key: found[header] for key, header in HEADERS.items()}


def first_blank_row(ws: Any, cols: dict[str, str]) -> int:
    row = 5
    while ws[f"{cols['what']}{row}"].value is not None:
        row += 1
    return row


def refused(data: bytes, kind: type[Exception], tmp_path: Path, name: str = "plan.xlsx", **kwargs: Any) -> Any:
    path = tmp_path / name
    path.write_bytes(data)
    with open(path, "rb") as stream, pytest.raises(kind) as caught:
        _read_plan(stream, None, kwargs.pop("framework", None), **kwargs)
    assert caught.value.source == str(path), "the error must name the file"
    assert path.read_bytes() == data, "the input is never changed"
    return caught.value


# -- the plugin --------------------------------------------------------------------------------


def test_cycle_documents_are_supported_and_registered(plan, comparison, worcestershire):
    exporter = XlsxExporter()
    audits = [varied_audit(worcestershire, "parent-carers", shift=s, date=dt.date(2023 + s, 5, 1)) for s in range(2)]
    log = FeedbackLog(organisation=Organisation("Oak"))
    assert_exporter_conforms(exporter, [plan, comparison, track_progress(audits, worcestershire), log])
    assert isinstance(exporter, ActionPlanReader)
    assert isinstance(default_registry().action_plan_reader("xlsx"), XlsxExporter)


# -- the action plan workbook: writing -----------------------------------------------------------


def test_action_plan_workbook_layout(plan, worcestershire):
    wb = load_workbook(io.BytesIO(export_bytes(plan)))
    assert wb.sheetnames == ["Instructions", "Plan", "Actions", "Summary", "Statements", "Metadata", "Words used"]
    assert wb.active.title == "Actions"
    assert wb["Metadata"].sheet_state == "hidden"
    assert wb.security.lockStructure
    assert wb.properties.title == "Action plan: Oak Primary School" and wb.properties.language == "en-GB"
    for name in wb.sheetnames:
        assert wb[name].protection.sheet, name
        assert not wb[name].protection.password, "protection guards against accidents, without a password"
    meta = {row[0]: row[1] for row in wb["Metadata"].iter_rows(max_col=2, values_only=True) if row[0]}
    assert meta["format"] == "coproduction-xlsx-action-plan" and meta["format_version"] == 1
    assert (meta["framework"], meta["framework_version"]) == (worcestershire.id, worcestershire.version)
    assert re.fullmatch(r"[0-9a-f]{16}", meta["fingerprint"]) and re.fullmatch(r"[0-9a-f]{16}", meta["plan_identity"])

    ws = wb["Actions"]
    cols = columns(ws)
    assert ws.protection.insertRows is False and ws.protection.deleteRows is False and ws.protection.sort is False
    for row in (5, 5 + len(plan.actions) + 10):  # an action's row and a spare row for new actions
        for key in HEADERS:
            assert ws[f"{cols[key]}{row}"].protection.locked is False, (key, row)
    assert ws["A1"].protection.locked is not False  # the title is protected
    overdue = ws[f"{cols['overdue']}5"]
    assert overdue.data_type == "f" and "coproduction_counted_on" in overdue.value and "TODAY" not in overdue.value

    validations = {str(v.sqref).split(":")[0]: v for v in ws.data_validations.dataValidation}
    status = validations[f"{cols['status']}5"]
    assert status.type == "list" and status.formula1 == '"Not started,In progress,Done,Dropped"'
    criteria = validations[f"{cols['criteria']}5"]
    assert criteria.type == "list" and criteria.formula1.replace("'", "").startswith("Statements!$B$2")
    assert criteria.errorStyle == "information"  # several ids separated by commas stay possible
    assert validations[f"{cols['target']}5"].formula1.replace("'", "").startswith("Metadata!")
    for key in ("start_date", "due_date", "review_date"):
        assert validations[f"{cols[key]}5"].type == "date", key
    rungs = [row[0] for row in wb["Metadata"].iter_rows(min_row=2, min_col=8, max_col=8, values_only=True) if row[0]]
    assert "Think Local Act Personal ladder of co-production: Co-production" in rungs

    plan_sheet = wb["Plan"]
    assert plan_sheet["C2"].value == "Oak Primary School" and plan_sheet["C2"].protection.locked is False
    assert plan_sheet["C7"].value == dt.datetime(2026, 1, 15) and plan_sheet["C7"].is_date
    criteria_sheet = wb["Statements"]
    assert [row[1] for row in criteria_sheet.iter_rows(min_row=2, max_col=2, values_only=True)] == [
        criterion.id for criterion in worcestershire.criteria
    ]


def test_action_plan_values_read_back_with_openpyxl(plan):
    ws = load_workbook(io.BytesIO(export_bytes(plan)))["Actions"]
    cols = columns(ws)
    for row, action in enumerate(plan.actions, start=5):

        def cell(key: str, row: int = row) -> Any:
            return ws[f"{cols[key]}{row}"]

        assert cell("id").value == action.id
        assert cell("what").value == action.what and cell("what").data_type == "s"
        assert cell("criteria").value == ", ".join(action.criteria)
        assert cell("status").value == action.status.label.capitalize()
        assert cell("owner").value == action.owner
        lines = [contributor_line(partner) for partner in action.co_produced_with]
        assert (cell("co_produced_with").value or "") == "\n".join(lines)
        for key in ("start_date", "due_date", "review_date"):
            date = getattr(action, key)
            assert cell(key).value == (dt.datetime.combine(date, dt.time()) if date else None), key
            assert cell(key).is_date, "dates are real date cells"
        assert cell("dropped_reason").value == action.dropped_reason
        assert (cell("notes").value or "") == action.notes
    assert ws[f"{cols['target']}5"].value == "Think Local Act Personal ladder of co-production: Co-production"
    assert ws[f"{cols['notes']}5"].value == "Coffee morning agreed\nsecond line: ünïcødé ✓"
    formula_like = [c for c in ws[cols["co_produced_with"]] if c.value and "=Governors" in str(c.value)]
    assert formula_like and all(c.data_type == "s" for c in formula_like)


def test_action_plan_reads_back_exactly(plan):
    assert read_plan(export_bytes(plan)) == plan


def test_formula_like_and_unicode_texts_come_back_exactly(plan):
    actions = [
        attrs.evolve(
            action,
            what=text,
            notes=text[::-1],
            owner=text,
            success_measure=text,
            co_produced_with=(Contributor("other", text), Contributor("governors", text)),
        )
        for action, text in zip(plan.actions, [t for t in TRICKY if "\n" not in t], strict=False)
    ]
    tricky = attrs.evolve(plan, actions=[*actions, *plan.actions[len(actions) :]])
    data = export_bytes(tricky)
    assert read_plan(data) == tricky
    ws = load_workbook(io.BytesIO(data))["Actions"]
    cell = ws[f"{columns(ws)['what']}5"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+2", "s", True)


# -- the action plan workbook: updated by a school -----------------------------------------------


def test_school_updates_adds_deletes_and_clears_rows(plan, worcestershire):
    data = export_bytes(plan)
    ids = worcestershire.criteria

    def change(wb: Workbook) -> None:
        ws = wb["Actions"]
        cols = columns(ws)
        row = first_blank_row(ws, cols)
        type_text(ws[f"{cols['status']}5"], "done")  # lenient: any case
        ws[f"{cols['due_date']}5"].value = dt.date(2025, 8, 1)
        type_text(ws[f"{cols['status']}8"], "in-progress")
        type_text(ws[f"{cols['dropped_reason']}8"], None)
        type_text(ws[f"{cols['start_date']}9"], "01/09/2025")  # UK order typed as text
        for key in HEADERS:
            ws[f"{cols[key]}10"].value = None  # a cleared row is left out
        type_text(ws[f"{cols['what']}{row}"], "Set up a termly SEND coffee morning")
        type_text(ws[f"{cols['criteria']}{row}"], f"{ids[3].id}\n{ids[4].id.upper()}")
        type_text(ws[f"{cols['status']}{row}"], "In progress")
        type_text(ws[f"{cols['co_produced_with']}{row}"], "Parent carer forum\r\nYear 6 parents")
        type_text(ws[f"{cols['target']}{row}"], "durham-degrees-of-participation: co-production")
        ws[f"{cols['due_date']}{row}"].value = dt.date(2026, 3, 31)
        type_text(ws[f"{cols['what']}{row + 1}"], "Write a one-page guide")  # no criteria, no id
        type_text(ws[f"{cols['id']}{row + 2}"], "my-own-id")
        type_text(ws[f"{cols['what']}{row + 2}"], "Named by the school")
        type_text(ws[f"{cols['criteria']}{row + 2}"], ids[0].id)
        ws.delete_rows(7)  # deleted: simply absent
        type_text(wb["Plan"]["C2"], "Oak Primary School (Academy)")
        wb["Plan"]["C9"].value = dt.date(2027, 1, 1)

    back = read_plan(edited(data, change))
    actions = list(plan.actions)
    actions[0] = attrs.evolve(actions[0], status=ActionStatus.DONE, due_date=dt.date(2025, 8, 1))
    actions[3] = attrs.evolve(actions[3], status=ActionStatus.IN_PROGRESS, dropped_reason=None)
    actions[4] = attrs.evolve(actions[4], start_date=dt.date(2025, 9, 1))
    kept = [actions[0], actions[1], *actions[3:5], *actions[6:]]
    added = [
        Action(
            id=f"improve-{ids[3].id}",
            what="Set up a termly SEND coffee morning",
            criteria=(ids[3].id, ids[4].id),
            status=ActionStatus.IN_PROGRESS,
            co_produced_with=(Contributor("parent-carer-forum"), Contributor("other", "Year 6 parents")),
            target=RungTarget("durham-degrees-of-participation", "co-production"),
            due_date=dt.date(2026, 3, 31),
        ),
        Action(id="new-action", what="Write a one-page guide"),
        Action(id="my-own-id", what="Named by the school", criteria=(ids[0].id,)),
    ]
    if added[0].id in {action.id for action in kept}:
        added[0] = attrs.evolve(added[0], id=f"improve-{ids[3].id}-2")
    expected = attrs.evolve(
        plan,
        organisation=Organisation("Oak Primary School (Academy)", "123456"),
        actions=[*kept, *added],
        review_dates=(*plan.review_dates, dt.date(2027, 1, 1)),
    )
    assert back == expected


def test_co_produced_with_is_read_one_group_per_line(plan, tmp_path):
    typed = "the Parent Carer Forum\nparent-carers: Year 6 reps: the chair\n\nMrs Smith (SENCo)\n"
    typed += "Other: the nurse\nGOVERNORS"

    def change(wb: Workbook) -> None:
        ws = wb["Actions"]
        type_text(ws[f"{columns(ws)['co_produced_with']}5"], typed)

    back = read_plan(edited(export_bytes(plan), change))
    assert back.actions[0].co_produced_with == (
        Contributor("parent-carer-forum"),
        Contributor("parent-carers", "Year 6 reps: the chair"),
        Contributor("other", "Mrs Smith (SENCo)"),
        Contributor("other", "the nurse"),
        Contributor("governors"),
    )

    def others_alone(wb: Workbook) -> None:
        ws = wb["Actions"]
        type_text(ws[f"{columns(ws)['co_produced_with']}6"], "Parent carers\nOthers")

    error = refused(edited(export_bytes(plan), others_alone), InvalidDocumentError, tmp_path)
    assert [(p.path, p.code) for p in error.problems] == [("Actions!F6", "missing-label")]


def test_made_up_ids_never_clash(plan, worcestershire):
    criterion = worcestershire.criteria[0].id

    def change(wb: Workbook) -> None:
        ws = wb["Actions"]
        cols = columns(ws)
        row = first_blank_row(ws, cols)
        for offset in range(3):
            type_text(ws[f"{cols['what']}{row + offset}"], f"Extra {offset}")
            type_text(ws[f"{cols['criteria']}{row + offset}"], criterion)

    back = read_plan(edited(export_bytes(plan), change))
    made_up = [action.id for action in back.actions[len(plan.actions) :]]
    assert len(set(made_up)) == 3 and not set(made_up) & {action.id for action in plan.actions}
    assert all(identifier.startswith(f"improve-{criterion}") for identifier in made_up)


def _plans(framework: Framework) -> st.SearchStrategy[ActionPlan]:
    ladders = default_catalogue().ladders()
    targets = st.none() | st.sampled_from(
        [RungTarget(ladder.id, rung.id) for ladder in ladders for rung in ladder.rungs]
    )
    text = free_text(max_size=40)
    filled = free_text(max_size=40, blank=False)
    one_line = filled.map(lambda s: s.replace("\n", " ") if s.replace("\n", " ").strip() else "forum")
    partners = st.builds(Contributor, st.sampled_from(list(Group)), one_line) | st.builds(
        Contributor, st.sampled_from([g for g in Group if g is not Group.OTHER])
    )
    criterion_ids = [criterion.id for criterion in framework.criteria]

    @st.composite
    def action(draw: st.DrawFn, identifier: str) -> Action:
        start, due = draw(st.none() | dates()), draw(st.none() | dates())
        if start is not None and due is not None and due < start:
            start, due = due, start
        status = draw(st.sampled_from(list(ActionStatus)))
        return Action(
            id=identifier,
            what=draw(filled),
            criteria=draw(st.lists(st.sampled_from(criterion_ids), unique=True, max_size=3)),
            target=draw(targets),
            owner=draw(st.none() | filled),
            co_produced_with=draw(st.lists(partners | contributors(), max_size=3)),
            start_date=start,
            due_date=due,
            status=status,
            dropped_reason=draw(filled if status is ActionStatus.DROPPED else st.none() | filled),
            success_measure=draw(text),
            review_date=draw(st.none() | dates()),
            notes=draw(text),
        )

    @st.composite
    def build(draw: st.DrawFn) -> ActionPlan:
        identifiers = draw(st.lists(slugs(), max_size=5, unique=True))
        return ActionPlan(
            organisation=draw(organisations()),
            framework=framework.id,
            framework_version=framework.version,
            actions=[draw(action(identifier)) for identifier in identifiers],
            audits=draw(
                st.lists(
                    st.builds(AuditReference, perspectives(), dates(), st.none() | filled),
                    max_size=3,
                    unique_by=lambda reference: reference.perspective,
                )
            ),
            review_dates=draw(st.lists(dates(), max_size=4)),
        )

    return build()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_round_trip_property(durham, worcestershire, data):
    framework = data.draw(st.sampled_from([durham, worcestershire]))
    ladder = data.draw(st.sampled_from(default_catalogue().ladders()))
    plan = data.draw(_plans(framework) | action_plans(framework, ladder=ladder))
    workbook = export_bytes(plan)
    edit = data.draw(st.sampled_from(["none", "status", "add", "delete"]))
    expected = plan
    if edit == "status" and plan.actions:
        index = data.draw(st.integers(0, len(plan.actions) - 1))
        word = data.draw(st.sampled_from(["Done", "in progress", "NOT STARTED", "in-progress"]))

        def change(wb: Workbook) -> None:
            ws = wb["Actions"]
            type_text(ws[f"{columns(ws)['status']}{5 + index}"], word)

        workbook = edited(workbook, change)
        status = {"done": "done", "in progress": "in-progress", "not started": "not-started"}
        expected = attrs.evolve(
            plan,
            actions=[
                attrs.evolve(action, status=status[word.lower().replace("-", " ")]) if number == index else action
                for number, action in enumerate(plan.actions)
            ],
        )
    elif edit == "add":
        what = data.draw(free_text(max_size=40, blank=False))
        criterion = data.draw(st.sampled_from(framework.criteria)).id
        identifier = data.draw(slugs().filter(lambda s: s not in {a.id for a in plan.actions}))

        def change(wb: Workbook) -> None:
            ws = wb["Actions"]
            cols = columns(ws)
            row = 5 + len(plan.actions)
            type_text(ws[f"{cols['id']}{row}"], identifier)
            type_text(ws[f"{cols['what']}{row}"], what)
            type_text(ws[f"{cols['criteria']}{row}"], criterion)
            ws[f"{cols['start_date']}{row}"].value = dt.date(2026, 1, 5)

        workbook = edited(workbook, change)
        added = Action(id=identifier, what=what, criteria=(criterion,), start_date=dt.date(2026, 1, 5))
        expected = attrs.evolve(plan, actions=[*plan.actions, added])
    elif edit == "delete" and plan.actions:
        index = data.draw(st.integers(0, len(plan.actions) - 1))
        workbook = edited(workbook, lambda wb: wb["Actions"].delete_rows(5 + index))
        expected = attrs.evolve(plan, actions=[a for number, a in enumerate(plan.actions) if number != index])
    assert read_plan(workbook) == expected


# -- the action plan workbook: refused -----------------------------------------------------------


def test_every_problem_is_listed_at_once_with_its_cell(plan, tmp_path):
    data = export_bytes(plan)
    first_id = plan.actions[0].id

    def change(wb: Workbook) -> None:
        ws = wb["Actions"]
        cols = columns(ws)
        type_text(ws[f"{cols['status']}5"], "Dun")
        ws[f"{cols['start_date']}6"].value = dt.date(2025, 9, 1)
        ws[f"{cols['due_date']}6"].value = dt.date(2025, 8, 1)
        type_text(ws[f"{cols['status']}7"], "Dropped")
        type_text(ws[f"{cols['dropped_reason']}7"], None)
        type_text(ws[f"{cols['criteria']}8"], "shared-values-1, no-such-criterion")
        type_text(ws[f"{cols['due_date']}9"], "next Tuesday")
        type_text(ws[f"{cols['what']}10"], "   ")
        type_text(ws[f"{cols['id']}11"], "Action 3")
        type_text(ws[f"{cols['id']}12"], first_id)
        type_text(ws[f"{cols['target']}13"], "Hart's ladder: the very top")
        ws[f"{cols['notes']}14"] = "=1+2"  # a formula (openpyxl makes it one)
        type_text(ws[f"{cols['criteria']}15"], "shared-values-2; shared-values-2")
        type_text(wb["Plan"]["C2"], None)
        type_text(wb["Plan"]["C3"], "1" * 65)
        type_text(wb["Plan"]["C8"], "soon")

    error = refused(edited(data, change), InvalidDocumentError, tmp_path)
    cols = {key: letter for key, letter in zip(HEADERS, "ABCDEFKGHLIMNO", strict=True)}
    found = {(p.path, p.code) for p in error.problems}
    assert found == {
        (f"Actions!{cols['status']}5", "unknown-status"),
        (f"Actions!{cols['due_date']}6", "due-before-start"),
        (f"Actions!{cols['dropped_reason']}7", "dropped-without-reason"),
        (f"Actions!{cols['criteria']}8", "unknown-criterion"),
        (f"Actions!{cols['due_date']}9", "not-a-date"),
        (f"Actions!{cols['what']}10", "missing-what"),
        (f"Actions!{cols['id']}11", "bad-id"),
        (f"Actions!{cols['id']}12", "duplicate-id"),
        (f"Actions!{cols['target']}13", "unknown-rung"),
        (f"Actions!{cols['notes']}14", "formula"),
        (f"Actions!{cols['criteria']}15", "duplicate-criterion"),
        ("Plan!C2", "missing-organisation"),
        ("Plan!C3", "identifier-too-long"),
        ("Plan!C8", "not-a-date"),
    }
    messages = [str(problem) for problem in error.problems]
    assert f"Actions!D5: 'Dun' is not a status; choose {STATUS_WORDS}" in messages
    assert any("'no-such-criterion' is not a criterion of the Worcestershire" in m for m in messages)
    assert any("is due on 2025-08-01, before it starts on 2025-09-01" in m for m in messages)
    assert any(m.startswith("Actions!L7: action ") and "dropped but gives no reason" in m for m in messages)
    assert [p.path for p in error.problems][:2] == ["Actions!D5", "Actions!G6"], "listed in sheet order"
    assert "nothing was imported" in error.message


def test_a_plan_of_another_framework_is_refused(plan, durham, worcestershire, tmp_path):
    data = export_bytes(plan)
    error = refused(data, InvalidDocumentError, tmp_path, framework=durham)
    assert error.problems[0].code == "wrong-framework" and error.problems[0].path == "Metadata!B3"
    assert read_plan(data, framework=worcestershire) == plan


def test_a_plan_of_a_version_the_catalogue_lacks(plan, worcestershire, tmp_path):
    newer = attrs.evolve(worcestershire, version="2")
    catalogue = default_catalogue().including(newer)
    context = export_context(catalogue=catalogue)
    newer_plan = attrs.evolve(plan, framework_version="2")
    data = export_bytes(newer_plan, context)
    error = refused(data, InvalidDocumentError, tmp_path)
    assert error.problems[0].code == "unknown-framework"
    assert read_plan(data, catalogue=catalogue) == newer_plan
    assert read_plan(data, context) == newer_plan  # the context's catalogue is the one read with


@pytest.mark.parametrize(
    ("cell", "value", "code"),
    [("B5", "0123456789abcdef", "framework-changed"), ("B7", "Another School", "metadata-changed")],
)
def test_a_changed_metadata_sheet_is_refused(plan, tmp_path, cell, value, code):
    data = edited(export_bytes(plan), lambda wb: type_text(wb["Metadata"][cell], value))
    assert refused(data, InvalidDocumentError, tmp_path).problems[0].code == code


def test_a_renamed_heading_is_refused(plan, tmp_path):
    data = edited(export_bytes(plan), lambda wb: type_text(wb["Actions"]["D4"], "State"))
    error = refused(data, InvalidDocumentError, tmp_path)
    assert error.problems[0].code == "layout-changed" and "'Status'" in error.problems[0].message


def test_a_plan_written_before_the_statements_heading_still_reads_back(plan):
    """Plans written before "Criteria it improves" became "Statements it improves" read back the same."""
    data = export_bytes(plan)
    assert load_workbook(io.BytesIO(data))["Actions"]["C4"].value == "Statements it improves"
    older = edited(data, lambda wb: type_text(wb["Actions"]["C4"], "Criteria it improves"))
    assert read_plan(older) == read_plan(data)


def test_audit_templates_and_action_plans_are_not_mixed_up(plan, worcestershire, tmp_path):
    template = export_bytes(AuditTemplate(worcestershire, "parent-carers"))
    assert "audit template, not an action plan" in str(refused(template, UnreadableFileError, tmp_path))
    with pytest.raises(UnreadableFileError, match="not a coproduction audit template"):
        XlsxExporter().read(io.BytesIO(export_bytes(plan)), export_context())
    out = io.BytesIO()
    Workbook().save(out)
    assert "not a coproduction action plan" in str(refused(out.getvalue(), UnreadableFileError, tmp_path))


def _rezip(data: bytes, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info)))
        for name, content in change("", b"") or []:
            target.writestr(name, content)
    return out.getvalue()


def _macro(name: str, content: bytes) -> Any:
    if name == "[Content_Types].xml":
        return content.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
    return [("xl/vbaProject.bin", b"\x00" * 64)] if name == "" else content


def _doctype(name: str, content: bytes) -> Any:
    if name == "xl/workbook.xml":
        body = content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content
        return b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "a">]>\n' + body
    return None if name == "" else content


def _bomb(name: str, content: bytes) -> Any:
    return [("xl/media/bomb.xml", b"\0" * (30 * 1024 * 1024))] if name == "" else content


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda data: os.urandom(3000), "not an Excel workbook"),
        (lambda data: b"", "empty"),
        (lambda data: data[: len(data) // 2], "damaged or incomplete"),
        (
            lambda data: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        (lambda data: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "Excel 97-2003"),
        (lambda data: _rezip(data, _macro), "macro-enabled"),
        (lambda data: _rezip(data, _doctype), "DOCTYPE"),
        (lambda data: _rezip(data, _bomb), "zip bomb"),
    ],
    ids=["random", "empty", "truncated", "password", "xls", "macros", "doctype", "zip-bomb"],
)
def test_unsafe_or_foreign_files_are_refused(plan, tmp_path, make, words):
    error = refused(make(export_bytes(plan)), UnreadableFileError, tmp_path)
    assert words in str(error)


# -- the action plan workbook: export refused ----------------------------------------------------


def _export_refused(
    document: object, where: str, code: str, error: type[CoproductionError] = ExportError
) -> CoproductionError:
    out = io.BytesIO()
    with pytest.raises(error) as caught:
        XlsxExporter().export(document, out, export_context())
    assert out.getvalue() == b"", "nothing may be written before refusing"
    assert any(p.path == where and p.code == code for p in caught.value.problems), caught.value.problems
    return caught.value


def test_a_plan_that_does_not_fit_is_not_written(plan):
    first = plan.actions[0]
    stray = attrs.evolve(plan, actions=[attrs.evolve(first, criteria=("no-such-criterion",)), *plan.actions[1:]])
    # the same fault raises the same error in every plugin: a document that does not fit the catalogue
    error = _export_refused(stray, "actions[0].criteria[0]", "unknown-criterion", InvalidDocumentError)
    assert "no-such-criterion" in str(error)
    _export_refused(
        attrs.evolve(plan, framework="a-council-framework"), "framework", "unknown-framework", InvalidDocumentError
    )


@pytest.mark.parametrize(
    ("change", "where", "code"),
    [
        ({"co_produced_with": (Contributor("other", "two\nlines"),)}, "co-produced with 1", "line-break-in-list"),
        ({"what": "bell \x07"}, "what", "illegal-character"),
        ({"notes": "x" * 32_768}, "notes", "text-too-long"),
        ({"start_date": dt.date(1899, 12, 31)}, "start date", "date-out-of-range"),
    ],
)
def test_texts_and_dates_excel_cannot_hold_are_refused(plan, change, where, code):
    first = attrs.evolve(plan.actions[0], **change)
    _export_refused(attrs.evolve(plan, actions=[first, *plan.actions[1:]]), f"action {first.id}, {where}", code)


# -- the comparison workbook -----------------------------------------------------------------------


def _chart_xml(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(n).decode() for n in sorted(archive.namelist()) if n.startswith("xl/charts/chart")]


def test_comparison_workbook_values(comparison, worcestershire):
    data = export_bytes(comparison)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Summary", "Sections", "Statements", "Words used"]
    names = {level.id: level.name for level in worcestershire.scale.levels}

    sections = wb["Sections"]
    assert [c.value for c in sections[3]][:4] == [
        "Standard",
        "School staff",
        "Parent carers",
        "Widest gap (percentage points)",
    ]
    school, parents = comparison.scores
    for offset, entry in enumerate([*school.sections, None]):
        row = [c.value for c in sections[4 + offset]]
        if entry is None:
            assert row[0] == "Overall"
            expected = (school.overall, parents.overall)
        else:
            assert row[0] == entry.title
            expected = (school.sections[offset].score, parents.sections[offset].score)
        assert row[1] == pytest.approx(expected[0].value) and row[2] == pytest.approx(expected[1].value)
        assert row[3] == pytest.approx(abs(expected[0].value - expected[1].value) * 100)
        assert row[4:6] == [names[expected[0].band], names[expected[1].band]]

    criteria = wb["Statements"]
    header = [c.value for c in criteria[1]]
    assert header[:5] == ["Standard", "Statement id", "Statement", "School staff", "Parent carers"]
    assert header[5:] == [
        "Gap in levels (school staff minus parent carers)",
        "Levels apart (widest gap)",
        "Rated highest by",
        "Flag",
    ]
    blind = {c.criterion for c in comparison.blind_spots}
    hidden = {c.criterion for c in comparison.hidden_strengths}
    assert blind and hidden, "the sample has both kinds"
    for row, entry in enumerate(comparison.criteria, start=2):
        values = [c.value for c in criteria[row]]
        assert values[1] == entry.criterion
        # a family may read it: the statements in parent carers' words, acronyms spelt out at first use
        parent_wording = wording_for(worcestershire.criterion(entry.criterion), Perspective.PARENT_CARERS)
        assert without_expansions(values[2]) == parent_wording
        for value, rating in zip(values[3:5], entry.ratings, strict=True):
            expected = (
                names[rating.rating] if rating.rating else ("Not applicable" if rating.not_applicable else "Not rated")
            )
            assert value == expected
        assert values[5] == entry.gap("school-staff", "parent-carers")
        assert values[6] == entry.spread
        flag = values[8] or ""
        assert flag.startswith("Blind spot") == (entry.criterion in blind)
        assert flag.startswith("Hidden strength") == (entry.criterion in hidden)

    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(max_col=2, values_only=True) if row[0]}
    agreement = comparison.agreement[0]
    assert summary["Statements both rated"] == agreement.compared
    assert summary["Statements given the same rating"] == agreement.exact
    assert summary["Share given the same rating"] == pytest.approx(agreement.exact_share)
    assert summary["Agreement beyond chance (see below)"] == pytest.approx(agreement.kappa)
    assert summary["Average gap in ratings (the first point of view minus the second)"] == pytest.approx(
        agreement.mean_gap
    )
    assert summary["Where school staff rate the school higher than parent carers do"] == len(blind)

    (chart,) = _chart_xml(data)
    assert '<barDir val="col"/>' in chart and '<grouping val="clustered"/>' in chart
    formulas = re.findall(r"<f>([^<]*)</f>", chart.replace("'", ""))
    assert chart.count("<ser>") == 2 and {"Sections!B3", "Sections!C3", "Sections!$B$4:$B$11"} <= set(formulas)


def test_comparison_of_three_viewpoints_and_an_unknown_framework_version(worcestershire):
    newer = attrs.evolve(worcestershire, version="9")
    audits = [
        varied_audit(newer, p, shift=s)
        for s, p in enumerate(["parent-carers", "school-staff", "children-and-young-people"])
    ]
    comparison = compare_perspectives(audits, newer)
    data = export_bytes(comparison)
    wb = load_workbook(io.BytesIO(data))
    header = [c.value for c in wb["Statements"][1]]
    assert header == [
        "Standard",
        "Statement id",
        "Parent carers",
        "School staff",
        "Children and young people",
        "Levels apart (widest gap)",
        "Rated highest by",
        "Flag",
    ]
    pairs = [c.value for c in wb["Summary"][next(r for r in range(1, 40) if wb["Summary"][f"A{r}"].value == "Figure")]]
    assert pairs[1:4] == [
        "Parent carers and school staff",
        "Parent carers and children and young people",
        "School staff and children and young people",
    ]
    details = {row[0]: row[1] for row in wb["Summary"].iter_rows(max_col=2, max_row=5, values_only=True)}
    assert details["Framework"] == f"{worcestershire.id} (version 9)"
    (chart,) = _chart_xml(data)
    assert chart.count("<ser>") == 3


# -- the progress workbook -----------------------------------------------------------------------


def test_progress_workbook_values(worcestershire):
    audits = [varied_audit(worcestershire, "parent-carers", shift=s, date=dt.date(2023 + s, 5, 1)) for s in range(3)]
    report = track_progress(audits, worcestershire)
    data = export_bytes(report)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Summary", "Scores", "Sections", "Statements", "Words used"]
    scores = wb["Scores"]
    assert [c.value for c in scores[3]] == ["Date", "Overall", *[s.title for s in report.sections]]
    for index, cycle in enumerate(report.cycles):
        row = [c.value for c in scores[4 + index]]
        assert row[0] == dt.datetime.combine(cycle.date, dt.time()) and scores.cell(4 + index, 1).is_date
        assert row[1] == pytest.approx(cycle.score)
        assert row[2:] == pytest.approx([section.scores[index] for section in report.sections])
    (chart,) = _chart_xml(data)
    assert "<lineChart>" in chart and chart.count("<ser>") == 1 + len(report.sections)

    sections = wb["Sections"]
    assert [c.value for c in sections[1]] == ["Standard", "2023-05-01 to 2024-05-01", "2024-05-01 to 2025-05-01"]
    for row, section in enumerate(report.sections, start=2):
        assert [c.value for c in sections[row]] == [section.title, *[m.label.capitalize() for m in section.movements]]
    assert [c.value for c in sections[2 + len(report.sections)]] == [
        "Overall",
        *[m.label.capitalize() for m in report.overall],
    ]
    criteria = wb["Statements"]
    names = {level.id: level.name for level in worcestershire.scale.levels}
    for row, criterion in enumerate(report.criteria, start=2):
        values = [c.value for c in criteria[row]]
        assert values[1] == criterion.criterion
        ratings = [
            names[r.rating] if r.rating else ("Not applicable" if r.not_applicable else "Not rated")
            for r in criterion.ratings
        ]
        assert values[3:6] == ratings
        assert values[6:] == [m.label.capitalize() for m in criterion.movements]
    summary = {row[0]: row[1:3] for row in wb["Summary"].iter_rows(max_col=3, values_only=True) if row[0]}
    assert summary["Overall, first to last checklist"][0] == report.trend.label.capitalize()
    for movement in Movement:
        counts = tuple(report.movement_counts(step)[movement] for step in (0, 1))
        assert summary[movement.label.capitalize()] == counts, movement
    assert report.movement_counts(0)[Movement.IMPROVED] and report.movement_counts(0)[Movement.FELL_BACK]


def test_progress_across_framework_versions_lists_what_is_not_compared(worcestershire):
    first, *rest = worcestershire.sections
    newer = attrs.evolve(
        worcestershire, version="2", sections=[attrs.evolve(first, criteria=first.criteria[1:]), *rest]
    )
    older_audit = varied_audit(worcestershire, "school-staff", date=dt.date(2024, 5, 1))
    newer_audit = varied_audit(newer, "school-staff", shift=1, date=dt.date(2025, 5, 1))
    report = track_progress([older_audit, newer_audit], [worcestershire, newer])
    context = export_context(catalogue=default_catalogue().including(newer))
    wb = load_workbook(io.BytesIO(export_bytes(report, context)))
    assert wb.sheetnames[-2:] == ["Not compared", "Words used"]
    rows = list(wb["Not compared"].iter_rows(min_row=4, values_only=True))
    assert rows == [(worcestershire.version, first.criteria[0].id)]


# -- the feedback log workbook -------------------------------------------------------------------


@pytest.fixture(scope="module")
def log() -> FeedbackLog:
    said = dt.date(2025, 3, 1)
    return FeedbackLog(
        organisation=Organisation("Oak Primary School", "123456"),
        entries=[
            FeedbackEntry(
                id="homework",
                said="Too much homework =1+2",
                said_by=Contributor("parent-carers", "parents of children in Year 6"),
                channel="coffee-morning",
                date=said,
                theme="Homework",
                response=FeedbackResponse.will_do("Review the policy with the forum", dt.date(2025, 4, 1)),
                actions=["improve-shared-values-1"],
            ),
            FeedbackEntry(
                id="clubs",
                said="More after-school clubs",
                said_by=Contributor("children-and-young-people"),
                channel="survey",
                date=said,
                response=FeedbackResponse.cannot_do("No staff to run them"),
            ),
            FeedbackEntry(
                id="ramp",
                said="A ramp at the front door",
                said_by=Contributor("parent-carer-forum"),
                channel="forum",
                date=said,
                theme="homework ",
                response=FeedbackResponse.done("Built over Easter", dt.date(2025, 4, 20)),
            ),
            FeedbackEntry(
                id="letters",
                said="Letters in plain English",
                said_by=Contributor("parent-carers"),
                channel="meeting",
                date=said,
                theme="Communication",
            ),
        ],
    )


def test_feedback_log_workbook_values(log):
    wb = load_workbook(io.BytesIO(export_bytes(log)))
    assert wb.sheetnames == ["Summary", "Log", "Words used"]
    ws = wb["Log"]
    assert [c.value for c in ws[3]][:7] == [
        "Id",
        "Theme",
        "You said",
        "Said by",
        "How it was said",
        "Date said",
        "Answer",
    ]
    for row, entry in enumerate(log.entries, start=4):
        values = [c.value for c in ws[row]]
        assert values[0] == entry.id and (values[1] or "") == entry.theme and values[2] == entry.said
        assert values[3] == contributor_line(entry.said_by)
        assert values[5] == dt.datetime.combine(entry.date, dt.time())
        assert values[6] == entry.status.label.capitalize()
        assert (values[7] or "") == entry.response.what and (values[10] or "") == entry.response.reason
        assert (values[11] or "") == ", ".join(entry.actions)
        assert ws.cell(row, 13).data_type == "f"
    assert ws["C4"].data_type == "s"

    summary = wb["Summary"]
    counts = log.summary().counts
    by_status = {row[0]: row[1] for row in summary.iter_rows(max_col=2, values_only=True) if row[0]}
    for status in FeedbackStatus:
        assert by_status[status.label.capitalize()] == counts.count(status)
    assert by_status["All entries"] == 4
    start = next(r for r in range(1, 40) if summary[f"A{r}"].value == "Theme")
    themes = [tuple(c.value for c in summary[r][:6]) for r in range(start + 1, start + 4)]
    assert themes == [("Homework", 1, 1, 0, 0, 2), ("Communication", 0, 0, 0, 1, 1), ("(no theme)", 0, 0, 1, 0, 1)]


def test_overdue_is_counted_on_the_date_the_command_was_given_not_on_opening(plan, log):
    """``--on 2026-03-01`` is honoured: overdue items are counted on the export context's date, never TODAY()."""
    on = dt.date(2026, 3, 1)
    context = export_context(as_of=on)
    for document, sheet in ((plan, "Summary"), (log, "Summary")):
        wb = load_workbook(io.BytesIO(export_bytes(document, context)))
        formulas = [c.value for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert formulas and not any("TODAY" in formula.upper() for formula in formulas), type(document).__name__
        assert any("coproduction_counted_on" in formula for formula in formulas)
        name = wb.defined_names["coproduction_counted_on"]
        ((title, reference),) = list(name.destinations)
        cell = wb[title][reference.replace("$", "")]
        assert title == sheet and cell.value == dt.datetime.combine(on, dt.time())
        assert cell.protection.locked is False  # the reader may count again on another day


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_counts_overdue_on_the_command_date(plan, log, worcestershire, lo_convert, tmp_path):
    on = dt.date(2025, 4, 10)  # the homework answer (due 2025-04-01) is overdue on this date; nothing is later
    paths = []
    for name, document in (("plan", plan), ("log", log)):
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(export_bytes(document, export_context(as_of=on)))
        paths.append(path)
    plan_path, log_path = lo_convert(*paths, target="xlsx")
    summary = {
        row[0]: row[1]
        for row in load_workbook(plan_path, data_only=True)["Summary"].iter_rows(max_col=2, values_only=True)
        if row[0]
    }
    assert summary["Overdue"] == len(plan_status(plan, worcestershire, on=on).overdue)
    log_summary = {
        row[0]: row[1]
        for row in load_workbook(log_path, data_only=True)["Summary"].iter_rows(max_col=2, values_only=True)
        if row[0]
    }
    assert log_summary["Overdue ('will do' past its date)"] == len(log.summary(as_of=on).overdue) == 1


def test_formula_like_text_stays_text_and_what_excel_cannot_hold_is_refused(comparison, log, worcestershire):
    sly = Organisation("=cmd|' /C calc'!A0", "+44")
    audits = [varied_audit(worcestershire, "parent-carers", shift=s, date=dt.date(2023 + s, 5, 1)) for s in range(2)]
    report = track_progress(audits, worcestershire)
    for document in (
        attrs.evolve(comparison, organisation=sly),
        attrs.evolve(report, organisation=sly),
        attrs.evolve(log, organisation=sly),
    ):
        wb = load_workbook(io.BytesIO(export_bytes(document)))
        cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        sly_cells = [c for c in cells if c.value.startswith("=cmd") or c.value == "+44"]
        assert sly_cells and all(c.data_type == "s" for c in sly_cells), type(document).__name__
        assert not any(c.data_type == "f" and "cmd" in c.value for c in cells)
        assert "Too much homework =1+2" not in [c.value for c in cells if c.data_type == "f"]
    said = attrs.evolve(log.entries[0], said="bell \x07")
    _export_refused(
        attrs.evolve(log, entries=[said, *log.entries[1:]]), "feedback homework, what was said", "illegal-character"
    )
    _export_refused(
        attrs.evolve(comparison, organisation=Organisation("Oak\x00")), "organisation name", "illegal-character"
    )
    _export_refused(attrs.evolve(report, organisation=Organisation("x" * 40_000)), "organisation name", "text-too-long")


# -- LibreOffice -------------------------------------------------------------------------------


def test_libreoffice_opens_every_cycle_workbook(plan, comparison, log, worcestershire, lo_convert, tmp_path):
    audits = [varied_audit(worcestershire, "parent-carers", shift=s, date=dt.date(2023 + s, 5, 1)) for s in range(2)]
    documents = {
        "plan": (plan, "How to use this action plan"),
        "comparison": (comparison, "Comparing points of view"),
        "progress": (track_progress(audits, worcestershire), "Progress over time"),
        "feedback": (log, "You said, we did"),
    }
    paths = []
    for name, (document, _) in documents.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(export_bytes(document))
        paths.append(path)
    for (_, words), pdf in zip(documents.values(), lo_convert(*paths, target="pdf"), strict=True):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        assert words in text.stdout and "Oak Primary School" in text.stdout, pdf.name


def test_action_plan_resaved_by_libreoffice_reads_back_and_its_formulas_match_the_core(
    plan, worcestershire, lo_convert, tmp_path
):
    actions = [
        attrs.evolve(action, what=text, notes=text[::-1], success_measure=text)
        for action, text in zip(plan.actions, TRICKY, strict=False)
    ]
    tricky = attrs.evolve(plan, actions=[*actions, *plan.actions[len(actions) :]])

    def change(wb: Workbook) -> None:  # the school adds an overdue action before LibreOffice re-saves the file
        ws = wb["Actions"]
        cols = columns(ws)
        row = first_blank_row(ws, cols)
        type_text(ws[f"{cols['id']}{row}"], "added-by-the-school")
        type_text(ws[f"{cols['what']}{row}"], "Added: =not a formula")
        type_text(ws[f"{cols['criteria']}{row}"], "shared-values-2, shared-values-3")
        ws[f"{cols['due_date']}{row}"].value = dt.date(2025, 1, 31)

    path = tmp_path / "plan.xlsx"
    path.write_bytes(edited(export_bytes(tricky), change))
    (resaved,) = lo_convert(path, target="xlsx")
    expected = attrs.evolve(
        tricky,
        actions=[
            *tricky.actions,
            Action(
                id="added-by-the-school",
                what="Added: =not a formula",
                criteria=("shared-values-2", "shared-values-3"),
                due_date=dt.date(2025, 1, 31),
            ),
        ],
    )
    with open(resaved, "rb") as stream:
        assert XlsxExporter().read_action_plan(stream, export_context()) == expected

    status = plan_status(expected, worcestershire, on=dt.date.today())
    summary = {
        row[0]: row[1]
        for row in load_workbook(resaved, data_only=True)["Summary"].iter_rows(max_col=2, values_only=True)
        if row[0]
    }
    for state, count in status.counts.items():
        assert summary[state.label.capitalize()] == count, state
    assert summary["All actions"] == len(expected.actions)
    assert summary["Overdue"] == len(status.overdue)
    not_dropped = len(expected.actions) - status.counts[ActionStatus.DROPPED]
    assert summary["Done, of the actions not dropped"] == f"{status.counts[ActionStatus.DONE]} of {not_dropped}"
    assert summary["Statements that no action (not dropped) improves"] == len(status.uncovered)
    later = expected.next_review(dt.date.today())
    if later is None:
        assert summary["Next review of the whole plan"] in (None, "")
    else:
        assert summary["Next review of the whole plan"] == dt.datetime.combine(later, dt.time())
