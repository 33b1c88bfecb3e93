"""The ladder from both sides on the command line, and reports of pooled views.

``compare`` of two ladder assessments (plain English, or a Word or Excel
document), ``template --ladder`` (an id or a council's JSON file), ``import
--ladder-assessment`` of filled templates, ``report`` of a pooled view.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from helpers import make_audit

import coproduction as cp
from coproduction.cli import main

pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

OAK = cp.Organisation("Oak Primary School", "100001")
LADDER = cp.default_catalogue().ladder("durham-degrees-of-participation")
COUNCIL_LADDER = {
    "kind": "ladder",
    "schema_version": 1,
    "id": "oakshire-steps",
    "name": "Oakshire steps of working together",
    "rungs": [
        {"id": "told", "name": "Told", "description": "We tell families what we decided."},
        {"id": "asked", "name": "Asked", "description": "We ask families before we decide."},
        {"id": "together", "name": "Together", "description": "We decide with families."},
    ],
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def assessment(perspective: str, doing: list[bool], organisation: cp.Organisation = OAK) -> cp.LadderAssessment:
    return cp.LadderAssessment(
        ladder=LADDER.id,
        organisation=organisation,
        perspective=perspective,
        date=dt.date(2026, 3, 1),
        rungs=[cp.RungPractice(rung.id, state, "We meet.") for rung, state in zip(LADDER.rungs, doing, strict=False)],
    )


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    school = cp.dump(assessment("school-staff", [False, True, True, True, True]), tmp_path / "school.json")
    parents = cp.dump(assessment("parent-carers", [False, True, True]), tmp_path / "parents.json")
    return school, parents


# -- compare ------------------------------------------------------------------------------------------------------


def test_compare_prints_the_highest_rung_each_view_sees_and_the_rungs_seen_differently(capsys, pair) -> None:
    code, out, err = run(capsys, "compare", *map(str, pair))
    assert (code, err) == (0, "")
    assert "School staff say the highest rung practised now is rung 5 of 5: Co-production." in out
    assert "Parent carers say the highest rung practised now is rung 3 of 5: Consultation." in out
    assert "Engagement: school staff say it is practised; parent carers did not answer." in out
    assert "Co-production: school staff say it is practised; parent carers did not answer." in out
    lines = out.splitlines()
    rows = [line for line in lines if line[:2] in {"5.", "4.", "3.", "2.", "1."}]
    assert [row.split()[0] for row in rows] == ["5.", "4.", "3.", "2.", "1."]  # top rung first
    assert rows[0].split()[-1] == "yes" and rows[2].split()[-1] != "yes"


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_compare_writes_the_document(capsys, pair, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"ladder{suffix}"
    code, out, _ = run(capsys, "compare", *map(str, pair), "-o", str(target))
    assert code == 0 and f"wrote {target}" in out
    expected = "School staff say the highest rung practised now is rung 5 of 5: Co-production."
    if suffix == ".docx":
        texts = [paragraph.text for paragraph in docx.Document(str(target)).paragraphs]
    else:
        ws = openpyxl.load_workbook(target).active
        texts = [value for row in ws.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert expected in texts


def test_compare_refuses_an_audit_mixed_with_a_ladder_assessment(capsys, pair, tmp_path, worcestershire) -> None:
    audit = cp.dump(make_audit(worcestershire, {}, organisation=OAK), tmp_path / "audit.json")
    target = tmp_path / "out.docx"
    code, _, err = run(capsys, "compare", str(pair[0]), str(audit), "-o", str(target))
    assert code == 1
    assert "cannot be compared with an audit" in err and f"{audit}: is an audit" in err
    assert not target.exists()


def test_compare_refuses_two_ladders(capsys, pair, tmp_path: Path) -> None:
    other_ladder = cp.default_catalogue().ladder("tlap-ladder-of-coproduction")
    other = cp.LadderAssessment(other_ladder.id, OAK, "parent-carers", dt.date(2026, 3, 2), [])
    path = cp.dump(other, tmp_path / "tlap.json")
    code, _, err = run(capsys, "compare", str(pair[0]), str(path))
    assert code == 1 and f"{path}: is on the ladder 'tlap-ladder-of-coproduction'" in err


def test_compare_refuses_two_organisations_and_one_viewpoint(capsys, pair, tmp_path: Path) -> None:
    elm = cp.dump(assessment("parent-carers", [True], cp.Organisation("Elm School")), tmp_path / "elm.json")
    code, _, err = run(capsys, "compare", str(pair[0]), str(elm))
    assert code == 1 and f"{elm} (organisation): is about 'Elm School'" in err
    code, _, err = run(capsys, "compare", str(pair[0]), str(pair[0]))
    assert code == 1 and "both record the school staff viewpoint" in err


def test_compare_of_three_ladder_assessments_is_a_usage_error(capsys, pair) -> None:
    code, _, err = run(capsys, "compare", *map(str, pair), str(pair[0]))
    assert code == 2 and "give two ladder assessments" in err


def test_compare_of_a_councils_own_ladder_with_its_json(capsys, tmp_path: Path) -> None:
    ladder_file = tmp_path / "oakshire.json"
    ladder_file.write_text(json.dumps(COUNCIL_LADDER), "utf-8")
    ladder = cp.load(ladder_file, cp.Ladder)
    files = []
    for perspective, doing in (("school-staff", [True, True, True]), ("parent-carers", [True, False, False])):
        entry = cp.LadderAssessment(
            ladder.id,
            OAK,
            perspective,
            dt.date(2026, 3, 1),
            [cp.RungPractice(r.id, d) for r, d in zip(ladder.rungs, doing, strict=True)],
        )
        files.append(str(cp.dump(entry, tmp_path / f"{perspective}.json")))
    code, _, err = run(capsys, "compare", *files)
    assert code == 1 and "oakshire-steps" in err  # the ladder is not known without its file
    code, out, _ = run(capsys, "--catalogue", str(ladder_file), "compare", *files)
    assert code == 0 and "Parent carers say the highest rung practised now is rung 1 of 3: Told." in out


# -- template --ladder ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_template_of_a_ladder_from_the_catalogue(capsys, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"ladder{suffix}"
    code, out, _ = run(capsys, "template", "--ladder", LADDER.id, "--perspective", "parent-carers", "-o", str(target))
    assert code == 0 and out == f"wrote {target}: a ladder assessment template for parent carers\n"
    reader = cp.exporters.default_registry().ladder_assessment_reader(suffix[1:])
    with open(target, "rb") as source, pytest.raises(cp.InvalidDocumentError) as raised:
        reader.read_ladder_assessment(source, cp.export_context())  # a blank template has no date yet
    assert "date" in str(raised.value).casefold()
    if suffix == ".xlsx":
        ws = openpyxl.load_workbook(target)["Ladder"]
        assert [value for value in ws["B"] if value.value in {r.id for r in LADDER.rungs}]


def test_template_of_a_councils_ladder_from_its_json_file(capsys, tmp_path: Path) -> None:
    ladder_file = tmp_path / "oakshire.json"
    ladder_file.write_text(json.dumps(COUNCIL_LADDER), "utf-8")
    target = tmp_path / "oakshire.docx"
    code, _, _ = run(capsys, "template", "--ladder", str(ladder_file), "-o", str(target))
    assert code == 0
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(target)).paragraphs)
    assert "Oakshire steps of working together" in text


def test_template_mistakes_are_named(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "template", "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "--ladder" in err
    code, _, err = run(capsys, "template", "--ladder", "nope", "-o", str(tmp_path / "x.docx"))
    assert code == 1 and "there is no ladder 'nope'" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**COUNCIL_LADDER, "rungs": COUNCIL_LADDER["rungs"][:1]}), "utf-8")
    code, _, err = run(capsys, "template", "--ladder", str(bad), "-o", str(tmp_path / "x.docx"))
    assert code == 1 and str(bad) in err and "rungs" in err
    code, _, err = run(capsys, "template", "--ladder", LADDER.id, "--version", "1", "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "--version" in err
    assert not (tmp_path / "x.docx").exists()


# -- import --ladder-assessment -------------------------------------------------------------------------------------


def _filled_xlsx(template: Path, answers: dict[str, str], date: object = dt.date(2026, 3, 4)) -> bytes:
    wb = openpyxl.load_workbook(template)
    ws = wb["Ladder"]
    for row in ws.iter_rows():
        if row[0].value == "Date completed":
            row[1].value = date
        if row[1].value in answers:
            row[2].value = answers[row[1].value]
            row[3].value = f"Evidence for {row[1].value}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def ladder_template(capsys, tmp_path: Path) -> Path:
    target = tmp_path / "template.xlsx"
    code, _, _ = run(
        capsys, "template", "--ladder", LADDER.id, "--perspective", "parent-carers", "--organisation", OAK.name,
        "-o", str(target),
    )  # fmt: skip
    assert code == 0
    return target


def test_import_of_a_filled_ladder_template_writes_the_ladder_assessment(capsys, ladder_template, tmp_path) -> None:
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(_filled_xlsx(ladder_template, {"information": "Currently doing", "engagement": "Not doing"}))
    target = tmp_path / "parents.json"
    code, out, err = run(capsys, "import", "--ladder-assessment", str(filled), "-o", str(target))
    assert (code, err) == (0, ""), err
    assert f"wrote {target}: {OAK.name}, parent carers, 2 rungs answered" in out
    read = cp.load(target, cp.LadderAssessment)
    assert read.perspective is cp.Perspective.PARENT_CARERS and read.date == dt.date(2026, 3, 4)
    assert [(entry.rung, entry.doing, entry.evidence) for entry in read.rungs] == [
        ("information", True, "Evidence for information"),
        ("engagement", False, "Evidence for engagement"),
    ]


def test_a_bad_cell_is_named_and_nothing_is_written(capsys, ladder_template, tmp_path) -> None:
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(_filled_xlsx(ladder_template, {"information": "Sometimes"}))
    target = tmp_path / "parents.json"
    code, _, err = run(capsys, "import", "--ladder-assessment", str(filled), "-o", str(target))
    assert code == 1 and str(filled) in err and "Ladder!C" in err and "Sometimes" in err
    assert not target.exists()


def test_import_of_many_ladder_templates_lists_each_failure(capsys, ladder_template, tmp_path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "good.xlsx").write_bytes(_filled_xlsx(ladder_template, {"consultation": "Currently doing"}))
    (folder / "bad.xlsx").write_bytes(_filled_xlsx(ladder_template, {"consultation": "Maybe"}))
    (folder / "not-excel.xlsx").write_bytes(b"not a workbook")
    out_folder = tmp_path / "assessments"
    errors = tmp_path / "errors.json"
    code, out, err = run(
        capsys, "import", "--ladder-assessment", str(folder), "-o", str(out_folder), "--errors", str(errors)
    )
    assert code == 1
    assert "imported 1 of 3 ladder assessments" in out and "2 of 3 files could not be imported" in err
    assert sorted(path.name for path in out_folder.iterdir()) == ["good.json"]
    report = json.loads(errors.read_text("utf-8"))
    assert report["counts"] == {"files": 3, "imported": 1, "failed": 2}


def test_an_audit_template_is_not_read_as_a_ladder_template(capsys, tmp_path: Path) -> None:
    template = tmp_path / "audit.xlsx"
    assert run(capsys, "template", "worcestershire-seven-quality-standards", "-o", str(template))[0] == 0
    code, _, err = run(capsys, "import", "--ladder-assessment", str(template), "-o", str(tmp_path / "x.json"))
    assert code == 1 and str(template) in err
    assert not (tmp_path / "x.json").exists()


# -- report of a pooled view ----------------------------------------------------------------------------------------


@pytest.fixture
def pooled(tmp_path: Path, worcestershire: cp.Framework) -> Path:
    levels = [level.id for level in worcestershire.scale.levels]
    audits = [
        make_audit(
            worcestershire,
            {c.id: levels[(index + number) % 3] for number, c in enumerate(worcestershire.criteria)},
            organisation=OAK,
            perspective="parent-carers",
            date=dt.date(2026, 2, index + 1),
        )
        for index in range(6)
    ]
    return cp.dump(cp.pool(audits, worcestershire), tmp_path / "pooled.json")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_report_of_a_pooled_view(capsys, pooled: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"pooled{suffix}"
    code, out, err = run(capsys, "report", str(pooled), "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"wrote {target}: the pooled view of 6 parent carers returns\n"
    if suffix == ".docx":
        document = docx.Document(str(target))
        assert document.core_properties.title == f"{OAK.name}: what parent carers told us"
    else:
        assert {"Summary", "Spread", "Charts", "Comments"} <= set(openpyxl.load_workbook(target).sheetnames)


def test_report_of_a_pooled_view_takes_no_ladder_assessment(capsys, pooled: Path, pair, tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "report", str(pooled), "--ladder-assessment", str(pair[0]), "-o", str(tmp_path / "x.docx")
    )
    assert code == 2 and "--ladder-assessment goes with an audit" in err
    assert not (tmp_path / "x.docx").exists()


def test_report_of_a_ladder_assessment_names_the_kinds_it_takes(capsys, pair, tmp_path: Path) -> None:
    code, _, err = run(capsys, "report", str(pair[0]), "-o", str(tmp_path / "x.docx"))
    assert code == 1 and "not an audit or a pooled view" in err


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_an_audit_import_of_a_ladder_template_says_how_to_import_it(capsys, tmp_path: Path, suffix: str) -> None:
    template = tmp_path / f"ladder{suffix}"
    assert run(capsys, "template", "--ladder", LADDER.id, "-o", str(template))[0] == 0
    code, _, err = run(capsys, "import", str(template), "-o", str(tmp_path / "audit.json"))
    assert code == 1
    assert f"{template}: this is a ladder assessment template, not an audit template" in err
    assert "coproduction import --ladder-assessment" in err
    assert not (tmp_path / "audit.json").exists()
