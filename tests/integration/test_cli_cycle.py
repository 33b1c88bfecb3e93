"""The cycle commands: compare, progress, plan, charter and feedback. Exit 0 / 1 / 2, every problem listed, nothing
written on bad input, never a traceback."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from cycle_example import example_framework
from helpers import ROOT, WORCESTERSHIRE, make_audit

import coproduction as cp
from coproduction import Contributor, Group, export_context
from coproduction.cli import main
from coproduction.exporters import default_registry

AUDITS = ROOT / "examples" / "audits"
SCHOOL = AUDITS / "worcestershire-oak-primary-school-staff.json"
PARENTS = AUDITS / "worcestershire-oak-primary-parent-carers.json"
SCHOOL_2026 = ROOT / "examples" / "cycle" / "worcestershire-oak-primary-school-staff-2026.json"
DURHAM_SCHOOL = AUDITS / "durham-riverside-academy-school-staff.json"
FORUM = Contributor(Group.PARENT_CARER_FORUM, "Oak parent carer group")

needs_docx = pytest.mark.skipif(
    importlib.util.find_spec("coproduction_docx") is None, reason="the Word exporter is not installed"
)
needs_xlsx = pytest.mark.skipif(
    importlib.util.find_spec("coproduction_xlsx") is None, reason="the Excel exporter is not installed"
)


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], folder: Path, *args: object) -> str:
    """Run a command that must fail with exit code 1 and leave nothing in ``folder``; return its error output."""
    before = sorted(folder.iterdir())
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert sorted(folder.iterdir()) == before, "nothing may be written on bad input"
    return err


def rewritten(document: object, path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Write a document's JSON after changing it as a person might, breaking a rule the constructor enforces."""
    data = cp.to_dict(document)
    change(data)
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.fixture(scope="module")
def school() -> cp.Audit:
    audit: cp.Audit = cp.load(SCHOOL, cp.Audit)
    return audit


@pytest.fixture(scope="module")
def parents() -> cp.Audit:
    audit: cp.Audit = cp.load(PARENTS, cp.Audit)
    return audit


@pytest.fixture(scope="module")
def comparison(school: cp.Audit, parents: cp.Audit, worcestershire: cp.Framework) -> cp.Comparison:
    return cp.compare_perspectives([school, parents], worcestershire)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("  ") if cell.strip()]


# -- compare -------------------------------------------------------------------------------------


def test_compare_prints_scores_agreement_and_blind_spots(
    capsys: pytest.CaptureFixture[str], comparison: cp.Comparison
) -> None:
    code, out, _ = run(capsys, "compare", SCHOOL, PARENTS)
    assert code == 0
    assert "Comparing the school staff's audit of 10 March 2025 and the parent carers' audit of 14 March 2025." in out
    head = next(cells(line) for line in out.splitlines() if line.startswith("section"))
    assert head == ["section", "school staff", "parent carers", "widest gap"]
    school, parents = (entry.overall.value for entry in comparison.scores)
    assert school is not None and parents is not None
    overall = next(cells(line) for line in out.splitlines() if line.startswith("Overall"))
    assert overall == [
        "Overall",
        cp.wording.percent(school),
        cp.wording.percent(parents),
        cp.wording.percent_points(school - parents),
    ]
    structures = next(cells(line) for line in out.splitlines() if line.startswith("Structures"))
    assert structures == ["Structures", "75%", "50%", "25 points"]  # (1 + 0.5) / 2 and (0.5 + 0.5) / 2
    agreement = comparison.agreement[0]
    assert agreement.kappa is not None
    assert (
        f"School staff and parent carers: {agreement.compared} criteria rated by both; {agreement.exact} at the same "
        f"level ({agreement.exact_share:.0%}); weighted kappa {agreement.kappa:.2f}." in out
    )
    assert f"Blind spots: {len(comparison.blind_spots)} criteria school staff rate higher than parent carers do." in out
    section = out.split("Blind spots")[1].split("Hidden strengths")[0]
    blind = [cells(line)[0] for line in section.splitlines()[3:] if line.strip()]
    assert blind == [c.criterion for c in comparison.blind_spots]
    row = next(cells(line) for line in out.splitlines() if line.startswith("structures-1 "))
    assert row == ["structures-1", "Structures", "Embedded", "Developing", "1 level"]
    assert "Hidden strengths: no criterion that parent carers rate higher than school staff do." in out


def test_compare_writes_the_comparison_and_prints_json(
    capsys: pytest.CaptureFixture[str], out: Path, comparison: cp.Comparison
) -> None:
    code, printed, _ = run(capsys, "compare", SCHOOL, PARENTS, "-o", out / "comparison.json")
    assert code == 0 and f"wrote {out / 'comparison.json'}: Oak Primary School, 2 perspectives" in printed
    assert cp.load(out / "comparison.json") == comparison
    code, printed, _ = run(capsys, "compare", SCHOOL, PARENTS, "--json", "-o", out / "again.json")
    assert code == 0 and cp.loads(printed, cp.Comparison) == comparison == cp.load(out / "again.json")


@needs_xlsx
def test_compare_writes_a_workbook(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    from openpyxl import load_workbook

    code, _, _ = run(capsys, "compare", SCHOOL, PARENTS, "-o", out / "comparison.xlsx")
    assert code == 0
    workbook = load_workbook(out / "comparison.xlsx")
    assert {"Summary", "Sections", "Statements"} <= set(workbook.sheetnames)


@needs_docx
def test_compare_writes_a_word_document(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    from docx import Document

    code, _, err = run(capsys, "compare", SCHOOL, PARENTS, "-o", out / "comparison.docx")
    assert code == 0, err
    text = "\n".join(paragraph.text for paragraph in Document(str(out / "comparison.docx")).paragraphs)
    assert "Oak Primary School" in text


def test_comparing_different_organisations_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, parents: cp.Audit
) -> None:
    elm = cp.dump(
        attrs.evolve(parents, organisation=cp.Organisation("Elm Primary School", "999902")), tmp_path / "e.json"
    )
    err = refused(capsys, out, "compare", SCHOOL, elm, "-o", out / "comparison.json")
    assert "these audits cannot be compared" in err
    assert f"{elm} (organisation): the parent carers' audit of 14 March 2025 is about 'Elm Primary School'" in err
    assert "only audits of one organisation can be compared" in err


def test_comparing_different_frameworks_is_refused(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    err = refused(capsys, out, "compare", SCHOOL, DURHAM_SCHOOL, "-o", out / "comparison.json")
    assert f"{DURHAM_SCHOOL} (framework):" in err
    assert "is for framework 'durham-audit-tool-for-participation'" in err
    assert "only audits of one framework can be compared" in err
    # two audits from one perspective are refused too, naming both
    err = refused(capsys, out, "compare", SCHOOL, SCHOOL_2026, "-o", out / "comparison.json")
    assert "audits 1 and 2 both record the school staff's viewpoint" in err


def test_every_unreadable_audit_is_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", "utf-8")
    missing = tmp_path / "missing.json"
    err = refused(capsys, out, "compare", broken, SCHOOL, missing, "-o", out / "comparison.json")
    assert f"{broken}, line 1, column 2:" in err and f"{missing}: the file does not exist" in err
    assert "2 of 3 files cannot be used (see above); nothing was written" in err


def test_compare_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    code, _, err = run(capsys, "compare", SCHOOL)
    assert code == 2 and "give two or more audits" in err
    code, _, err = run(capsys, "compare", SCHOOL, PARENTS, "-o", out / "comparison")
    assert code == 2 and "give it a suffix" in err
    assert list(out.iterdir()) == []


# -- progress ------------------------------------------------------------------------------------


def test_progress_prints_movements(capsys: pytest.CaptureFixture[str], worcestershire: cp.Framework) -> None:
    code, out, _ = run(capsys, "progress", SCHOOL_2026, SCHOOL)  # any order: oldest first in the report
    assert code == 0
    progress = cp.track_progress([cp.load(SCHOOL), cp.load(SCHOOL_2026)], worcestershire)
    assert "Audits: 10 March 2025 (version 1), 9 March 2026 (version 1)." in out
    assert cells(next(line for line in out.splitlines() if line.startswith("section"))) == [
        "section",
        "2025-03-10",
        "2026-03-09",
        "since the last audit",
    ]
    overall = cells(next(line for line in out.splitlines() if line.startswith("Overall ")))
    first, last = progress.scores
    assert first is not None and last is not None
    assert overall == ["Overall", f"{first:.0%}", f"{last:.0%}", "improved"]
    counts = progress.movement_counts()
    improved, same, fell = (counts[m] for m in (cp.Movement.IMPROVED, cp.Movement.SAME, cp.Movement.FELL_BACK))
    assert f"{improved} improved, {same} stayed the same and {fell} fell back." in out
    assert cells(next(line for line in out.splitlines() if line.startswith("staff-4 "))) == [
        "staff-4",
        "Staff",
        "Embedded",
        "Developing",
    ]


def test_progress_writes_the_report(
    capsys: pytest.CaptureFixture[str], out: Path, worcestershire: cp.Framework
) -> None:
    code, _, _ = run(capsys, "progress", SCHOOL, SCHOOL_2026, "-o", out / "progress.json")
    assert code == 0
    expected = cp.track_progress([cp.load(SCHOOL), cp.load(SCHOOL_2026)], worcestershire)
    assert cp.load(out / "progress.json") == expected
    code, printed, _ = run(capsys, "progress", SCHOOL, SCHOOL_2026, "--json")
    assert code == 0 and cp.loads(printed) == expected


def test_progress_finds_earlier_framework_versions_in_the_catalogue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = example_framework("1"), example_framework("2", ("v1", "v2", "v4"))
    files = [cp.dump(framework, tmp_path / f"v{framework.version}.json") for framework in (old, new)]
    first = cp.dump(make_audit(old, {"v1": "in-progress", "v3": "embedded", "s1": "not-started"}), tmp_path / "a.json")
    second = cp.dump(
        make_audit(new, {"v1": "embedded", "v4": "embedded", "s1": "not-started"}, date=dt.date(2026, 3, 12)),
        tmp_path / "b.json",
    )
    code, out, err = run(capsys, "--catalogue", files[0], "--catalogue", files[1], "progress", first, second)
    assert code == 0, err
    assert "Audits: 14 March 2025 (version 1), 12 March 2026 (version 2)." in out
    assert "Not compared: version 1 has 1 criterion not in every version audited: v3." in out
    assert "Not compared: version 2 has 1 criterion not in every version audited: v4." in out
    assert cells(next(line for line in out.splitlines() if line.startswith("v1 "))) == [
        "v1",
        "Shared values",
        "In progress",
        "Embedded",
    ]


def test_progress_of_different_perspectives_is_refused(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    err = refused(capsys, out, "progress", SCHOOL, PARENTS, "-o", out / "progress.json")
    assert f"{PARENTS} (perspective):" in err and "progress follows one perspective" in err
    code, _, err = run(capsys, "progress", SCHOOL)
    assert code == 2 and "give two or more audits" in err


# -- plans ---------------------------------------------------------------------------------------


def test_plan_propose_from_one_audit(capsys: pytest.CaptureFixture[str], out: Path, parents: cp.Audit) -> None:
    framework = cp.default_catalogue().framework(WORCESTERSHIRE)
    proposal = cp.propose_plan(parents, framework)
    code, printed, _ = run(capsys, "plan", "propose", PARENTS)
    assert code == 0
    rows = [cells(line) for line in printed.splitlines() if line[:1].isdigit()]
    assert [row[1] for row in rows] == [action.id for action in proposal.plan.actions]
    assert rows[0][:5] == ["1", "improve-shared-values-1", "Shared values", "Emerging", "0 levels"]
    assert "Not rated from any viewpoint, so no action is proposed (decide about these together): systems-1." in printed
    code, printed, _ = run(capsys, "plan", "propose", PARENTS, "-o", out / "plan.json")
    assert code == 0 and f"wrote {out / 'plan.json'}: {len(proposal.plan.actions)} proposed actions" in printed
    assert cp.load(out / "plan.json") == proposal.plan


def test_plan_propose_from_a_comparison_with_owner_partners_and_reviews(
    capsys: pytest.CaptureFixture[str], out: Path, comparison: cp.Comparison, worcestershire: cp.Framework
) -> None:
    code, _, err = run(
        capsys,
        "plan",
        "propose",
        SCHOOL,
        PARENTS,
        "--owner",
        "SENCo",
        "--co-produced-with",
        "parent-carer-forum:Oak parent carer group",
        "--co-produced-with",
        "governors",
        "--review",
        "2025-07-14",
        "--review",
        "2025-12-08",
        "-o",
        out / "plan.json",
    )
    assert code == 0, err
    expected = cp.propose_plan(
        comparison,
        worcestershire,
        owner="SENCo",
        co_produced_with=[FORUM, Contributor(Group.GOVERNORS)],
        review_dates=[dt.date(2025, 7, 14), dt.date(2025, 12, 8)],
    ).plan
    assert cp.load(out / "plan.json") == expected


def test_plan_propose_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    code, _, err = run(capsys, "plan", "propose", SCHOOL, "--co-produced-with", "parents", "-o", out / "p.json")
    assert code == 2 and "'parents' is not a group of people; choose one of: parent-carers," in err
    code, _, err = run(capsys, "plan", "propose", SCHOOL, "--co-produced-with", "other", "-o", out / "p.json")
    assert code == 2 and "needs a label" in err
    code, _, err = run(capsys, "plan", "propose", SCHOOL, "--review", "14/07/2025", "-o", out / "p.json")
    assert code == 2 and "'14/07/2025' is not a date; write it as YYYY-MM-DD" in err
    code, _, err = run(capsys, "plan")
    assert code == 2 and "say what to do: coproduction plan {propose, status, import}" in err
    assert list(out.iterdir()) == []


def a_plan(framework: cp.Framework, source: cp.Audit) -> cp.ActionPlan:
    """The proposed plan as a school edits it: dates, one done, one overdue, one dropped."""
    draft = cp.propose_plan(source, framework, co_produced_with=[FORUM]).plan
    actions = list(draft.actions)
    start = dt.date(2025, 4, 22)
    actions[0] = attrs.evolve(actions[0], status="done", start_date=start, due_date=dt.date(2025, 7, 18))
    actions[1] = attrs.evolve(actions[1], status="in-progress", start_date=start, due_date=dt.date(2025, 5, 30))
    actions[2] = attrs.evolve(actions[2], status="dropped", dropped_reason="The forum asked us to wait a year.")
    return attrs.evolve(draft, actions=actions, review_dates=[dt.date(2025, 7, 14)])


def test_plan_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    plan = a_plan(worcestershire, school)
    path = cp.dump(plan, tmp_path / "plan.json")
    code, out, _ = run(capsys, "plan", "status", path, "--on", "2025-06-02", "--audit", SCHOOL)
    assert code == 0
    status = cp.plan_status(plan, worcestershire, on=dt.date(2025, 6, 2), source=school)
    assert "on 2 June 2025" in out
    live = len(plan.actions) - 1
    assert f"{len(plan.actions)} actions: {live - 2} not started, 1 in progress, 1 done and 1 dropped; " in out
    assert f"{1 / live:.0%} of the actions not dropped are done." in out
    assert "The whole plan is next reviewed on 14 July 2025." in out
    overdue = cells(next(line for line in out.splitlines() if line.startswith(plan.actions[1].id)))
    assert overdue[1:4] == ["in progress (overdue)", "2025-05-30", "-"]
    dropped = cells(next(line for line in out.splitlines() if line.startswith(plan.actions[2].id)))
    assert dropped[1] == "dropped" and dropped[-1] == "dropped: The forum asked us to wait a year."
    assert "Gaps of the audits it answers that no action improves (1):" in out
    assert status.uncovered == plan.actions[2].criteria
    # audits of another school are refused
    elm = cp.dump(attrs.evolve(school, organisation=cp.Organisation("Elm Primary School")), tmp_path / "elm.json")
    code, _, err = run(capsys, "plan", "status", path, "--audit", elm)
    assert code == 1 and f"{elm}: the audits are about 'Elm Primary School', but the plan is for" in err
    # without the audit, every criterion of the framework counts
    code, out, _ = run(capsys, "plan", "status", path, "--on", "2025-06-02")
    assert code == 0 and "Criteria of the framework that no action improves (4):" in out


def test_plan_status_writes_the_plan_as_json_and_its_progress_as_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    plan = a_plan(worcestershire, school)
    path = cp.dump(plan, tmp_path / "plan.json")
    code, printed, _ = run(capsys, "plan", "status", path, "--on", "2025-06-02", "-o", out / "plan.json")
    assert code == 0 and "1 overdue on 2025-06-02" in printed
    assert cp.load(out / "plan.json") == plan


@needs_docx
def test_plan_status_as_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    from docx import Document

    path = cp.dump(a_plan(worcestershire, school), tmp_path / "plan.json")
    code, _, err = run(capsys, "plan", "status", path, "--on", "2025-06-02", "-o", out / "plan.docx")
    assert code == 0, err
    text = "\n".join(paragraph.text for paragraph in Document(str(out / "plan.docx")).paragraphs)
    assert "2 June 2025" in text


@needs_xlsx
def test_a_plan_workbook_updated_by_the_school_is_read_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    from openpyxl import load_workbook

    plan = a_plan(worcestershire, school)
    workbook = tmp_path / "plan.xlsx"
    default_registry().export(plan, workbook, context=export_context())
    code, printed, _ = run(capsys, "plan", "import", workbook, "-o", out / "plan.json")
    assert code == 0 and f"{len(plan.actions)} actions of Oak Primary School read from {workbook}" in printed
    assert cp.load(out / "plan.json") == plan

    # The school marks the overdue action done, as it would in Excel.
    book = load_workbook(workbook)
    sheet = book["Actions"]
    column = {cell.value: cell.column_letter for cell in sheet[4] if cell.value}
    row = next(r for r in range(5, 40) if sheet[f"{column['Action id']}{r}"].value == plan.actions[1].id)
    sheet[f"{column['Status']}{row}"] = "Done"
    book.save(workbook)
    code, printed, _ = run(capsys, "plan", "status", workbook, "--on", "2025-06-02")
    assert code == 0 and "(0 overdue on 2 June 2025)" in printed

    # A due date before the start date is refused, naming the cell, and nothing is written.
    sheet[f"{column['Due date']}{row}"] = dt.datetime(2025, 4, 1)
    book.save(workbook)
    err = refused(capsys, out, "plan", "import", workbook, "-o", out / "again.json")
    assert str(workbook) in err and f"Actions!{column['Due date']}{row}" in err and "due" in err


def test_an_action_on_a_criterion_the_framework_lacks_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    plan = a_plan(worcestershire, school)

    def unknown(data: dict[str, Any]) -> None:
        data["actions"][0]["criteria"] = ["shared-values-99"]
        data["actions"][3]["criteria"] = ["staff-9"]

    path = rewritten(plan, tmp_path / "plan.json", unknown)
    for command in (["status", path, "-o", out / "plan.docx"], ["import", path, "-o", out / "plan2.json"]):
        err = refused(capsys, out, "plan", *command)
        assert "actions[0].criteria[0]:" in err and "names criterion 'shared-values-99'" in err
        assert "actions[3].criteria[0]:" in err and "'staff-9'" in err
        assert "does not have" in err


def test_a_due_date_before_the_start_date_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    plan = a_plan(worcestershire, school)

    def early(data: dict[str, Any]) -> None:
        data["actions"][0]["due_date"] = "2025-04-01"

    path = rewritten(plan, tmp_path / "plan.json", early)
    err = refused(capsys, out, "plan", "status", path, "-o", out / "plan.json")
    assert "actions[0].due_date:" in err
    assert "is due on 2025-04-01 but starts on 2025-04-22; the due date must be on or after the start date" in err


def test_plan_files_that_are_not_plans(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    err = refused(capsys, out, "plan", "status", tmp_path / "plan.pdf")
    assert "cannot read .pdf files as an action plan" in err
    err = refused(capsys, out, "plan", "import", SCHOOL, "-o", out / "plan.json")
    assert str(SCHOOL) in err


# -- charter -------------------------------------------------------------------------------------


def charter(**changes: Any) -> cp.Charter:
    fields: dict[str, Any] = {
        "organisation": cp.Organisation("Oak Primary School", "999901"),
        "title": "Our parent carer charter",
        "introduction": "Ask the SENCo about the Local Offer.",
        "values": [cp.CharterValue("Honesty", "We say what we can and cannot do, and why.")],
        "commitments": [
            cp.Commitment(
                id="plan-together",
                what="We plan support with you.",
                aims_at=cp.RungTarget("tlap-ladder-of-coproduction", "co-production"),
                measure="Each term we ask parent carers whether they helped to plan the support.",
                serves=cp.CriteriaRef(WORCESTERSHIRE, ["strategies-1"]),
            )
        ],
        "co_produced_with": [FORUM],
        "co_produced_on": dt.date(2025, 11, 20),
        "review_date": dt.date(2026, 11, 20),
    }
    fields.update(changes)
    return cp.Charter(**fields)


def test_charter_check_lists_plain_english_findings_and_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = cp.dump(charter(), tmp_path / "charter.json")
    code, out, _ = run(capsys, "charter", "check", path)
    assert code == 0
    assert f"{path}: a valid charter of Oak Primary School, 1 commitment and 0 expectations, co-produced on " in out
    assert "not signed off" in out
    assert "Plain English: 2 things to consider rewording (advice; the charter is valid):" in out
    assert '  introduction: "SENCo" is an acronym some families will not know.\n    Suggestion: say "' in out
    assert '  introduction: "Local Offer" is SEND jargon some families will not know.' in out
    plain = cp.dump(charter(introduction="Ask us anything."), tmp_path / "plain.json")
    code, out, _ = run(capsys, "charter", "check", plain)
    assert code == 0 and "Plain English: no jargon, unexplained acronyms or long sentences found." in out


def test_an_invalid_charter_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    def broken(data: dict[str, Any]) -> None:
        data["commitments"][0]["aims_at"]["rung"] = "citizen-control"
        data["review_date"] = "2025-01-01"

    path = rewritten(charter(), tmp_path / "charter.json", broken)
    err = refused(capsys, out, "charter", "check", path)
    assert "commitments[0].aims_at.rung:" in err and "'citizen-control'" in err
    assert "review_date:" in err
    refused(capsys, out, "charter", "export", path, "-o", out / "charter.docx")


def test_charter_export(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    path = cp.dump(charter(), tmp_path / "charter.json")
    code, printed, _ = run(capsys, "charter", "export", path, "-o", out / "charter.json")
    assert code == 0 and "wrote" in printed and cp.load(out / "charter.json") == charter()
    if "xlsx" in default_registry().names():
        err = refused(capsys, out, "charter", "export", path, "-o", out / "charter.xlsx")
        assert "the xlsx exporter cannot write a Charter" in err
    code, _, err = run(capsys, "charter", "export", path)
    assert code == 2 and "-o/--output" in err


@needs_docx
def test_charter_export_as_word(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    from docx import Document

    path = cp.dump(charter(), tmp_path / "charter.json")
    code, _, err = run(capsys, "charter", "export", path, "-o", out / "charter.docx")
    assert code == 0, err
    text = "\n".join(paragraph.text for paragraph in Document(str(out / "charter.docx")).paragraphs)
    assert "Our parent carer charter" in text


# -- feedback ------------------------------------------------------------------------------------


def feedback_log() -> cp.FeedbackLog:
    parents = Contributor(Group.PARENT_CARERS)
    return cp.FeedbackLog(
        organisation=cp.Organisation("Oak Primary School", "999901"),
        entries=[
            cp.FeedbackEntry(
                id="late-reports",
                said="Reports arrive too late to read before meetings.",
                said_by=FORUM,
                channel="forum",
                date=dt.date(2025, 5, 20),
                theme="Review meetings",
                response=cp.FeedbackResponse.done("Reports go out a week before.", dt.date(2025, 9, 15)),
                actions=["improve-skills-and-knowledge-1"],
            ),
            cp.FeedbackEntry(
                id="budget",
                said="Tell us how the money is spent.",
                said_by=parents,
                channel="survey",
                date=dt.date(2025, 6, 20),
                theme="Money",
                response=cp.FeedbackResponse.will_do("We will share the budget.", dt.date(2026, 3, 20)),
            ),
            cp.FeedbackEntry(
                id="creche",
                said="Please run a creche.",
                said_by=parents,
                channel="coffee-morning",
                date=dt.date(2025, 5, 8),
                theme=" review  MEETINGS",
                response=cp.FeedbackResponse.cannot_do("We have no registered room."),
            ),
            cp.FeedbackEntry(
                id="online", said="Meet online?", said_by=parents, channel="email", date=dt.date(2026, 2, 26)
            ),
        ],
    )


def test_feedback_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = cp.dump(feedback_log(), tmp_path / "log.json")
    code, out, _ = run(capsys, "feedback", "summary", path, "--on", "2026-03-21")
    assert code == 0
    assert "You said, we did: Oak Primary School, on 21 March 2026" in out
    assert "4 things said: 1 done, 1 will do, 1 cannot do, 1 not yet answered." in out
    block = out.split("\n\n")[1].splitlines()
    table = {cells(line)[0]: cells(line)[1:] for line in block if not line.startswith("-")}
    assert table["theme"] == ["said", "done", "will do", "cannot do", "not yet answered"]
    assert table["Review meetings"] == ["2", "1", "0", "1", "0"]
    assert table["Money"] == ["1", "0", "1", "0", "0"]
    assert table["(no theme)"] == ["1", "0", "0", "0", "1"]
    assert table["All"] == ["4", "1", "1", "1", "1"]
    assert "Overdue on 21 March 2026 (1)" in out and "budget: We will share the budget. (by 20 March 2026)" in out
    code, out, _ = run(capsys, "feedback", "summary", path, "--on", "2026-03-20")
    assert code == 0 and "No answer is overdue on 20 March 2026." in out
    code, out, _ = run(capsys, "feedback", "summary", path, "--on", "2026-03-21", "--text")
    assert code == 0 and out == cp.you_said_we_did(feedback_log(), as_of=dt.date(2026, 3, 21))


def test_feedback_summary_writes_the_log(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    path = cp.dump(feedback_log(), tmp_path / "log.json")
    code, printed, _ = run(capsys, "feedback", "summary", path, "-o", out / "log.json")
    assert code == 0 and "4 entries of Oak Primary School" in printed
    assert cp.load(out / "log.json") == feedback_log()


@needs_xlsx
def test_feedback_summary_writes_a_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    from openpyxl import load_workbook

    path = cp.dump(feedback_log(), tmp_path / "log.json")
    code, _, _ = run(capsys, "feedback", "summary", path, "-o", out / "log.xlsx")
    assert code == 0 and {"Summary", "Log"} <= set(load_workbook(out / "log.xlsx").sheetnames)


@needs_docx
def test_feedback_summary_as_word_is_judged_on_the_date_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path
) -> None:
    from docx import Document

    path = cp.dump(feedback_log(), tmp_path / "log.json")
    code, _, err = run(capsys, "feedback", "summary", path, "--on", "2026-03-21", "-o", out / "log.docx")
    assert code == 0, err
    document = Document(str(out / "log.docx"))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "21 March 2026" in text


def test_cannot_do_without_a_reason_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path) -> None:
    def no_reason(data: dict[str, Any]) -> None:
        data["entries"][2]["response"]["reason"] = "  "

    path = rewritten(feedback_log(), tmp_path / "log.json", no_reason)
    err = refused(capsys, out, "feedback", "summary", path, "-o", out / "log.json")
    assert "entries[2].response.reason:" in err
    assert "the answer is 'cannot do', so it needs a reason: say why it cannot be done" in err


def test_feedback_links_are_checked_against_the_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: Path, school: cp.Audit, worcestershire: cp.Framework
) -> None:
    log = cp.dump(feedback_log(), tmp_path / "log.json")
    plan = a_plan(worcestershire, school)
    good = cp.dump(plan, tmp_path / "plan.json")
    code, _, err = run(capsys, "feedback", "summary", log, "--plan", good)
    assert code == 0, err
    without = cp.dump(attrs.evolve(plan, actions=plan.actions[:2]), tmp_path / "short.json")
    err = refused(capsys, out, "feedback", "summary", log, "--plan", without, "-o", out / "log.json")
    assert f"{log}: the log links to 1 action that the plan {without} does not have" in err
    assert "entries[0].actions[0]: feedback 'late-reports' links to action 'improve-skills-and-knowledge-1'" in err


def test_a_council_framework_reaches_the_exporters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    framework = example_framework()
    file = cp.dump(framework, tmp_path / "framework.json")
    draft = cp.propose_plan(make_audit(framework, {"v1": "in-progress", "s1": "not-started"}), framework).plan
    plan = cp.dump(draft, tmp_path / "plan.json")
    code, _, err = run(capsys, "plan", "status", plan, "-o", tmp_path / "x.json")
    assert code == 1 and "example-standards" in err  # not in the built-in catalogue
    code, _, err = run(capsys, "--catalogue", file, "plan", "status", plan, "-o", tmp_path / "x.json")
    assert code == 0, err
    if "xlsx" in default_registry().names():
        code, _, err = run(capsys, "--catalogue", file, "plan", "import", plan, "-o", tmp_path / "plan.xlsx")
        assert code == 0, err
        with open(tmp_path / "plan.xlsx", "rb") as stream:
            back = (
                default_registry()
                .action_plan_reader("xlsx")
                .read_action_plan(stream, cp.export_context(catalogue=cp.default_catalogue().including(framework)))
            )
        assert back == draft


BROKEN_COMMANDS: dict[str, Callable[[Path, Path], list[object]]] = {
    "compare": lambda file, out: ["compare", SCHOOL, file, "-o", out / "comparison.json"],
    "progress": lambda file, out: ["progress", file, SCHOOL_2026, "-o", out / "progress.json"],
    "plan propose": lambda file, out: ["plan", "propose", file, "-o", out / "plan.json"],
    "plan status": lambda file, out: ["plan", "status", file, "-o", out / "plan.json"],
    "plan import": lambda file, out: ["plan", "import", file, "-o", out / "plan.json"],
    "charter check": lambda file, out: ["charter", "check", file],
    "feedback summary": lambda file, out: ["feedback", "summary", file, "-o", out / "log.json"],
}


@pytest.mark.parametrize("command", sorted(BROKEN_COMMANDS))
def test_no_cycle_command_shows_a_traceback_for_a_broken_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework, command: str
) -> None:
    from bad_inputs import broken_inputs

    for item in broken_inputs(worcestershire):
        file = tmp_path / item.name
        file.write_bytes(item.content)
        out = tmp_path / f"out-{item.name}"
        out.mkdir()
        code, stdout, stderr = run(capsys, *BROKEN_COMMANDS[command](file, out))
        assert code == 1, (command, item.name, stdout, stderr)
        assert item.name in stderr, (command, item.name, stderr)
        assert list(out.iterdir()) == [], (command, item.name)
