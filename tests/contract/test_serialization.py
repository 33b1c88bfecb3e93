"""JSON in and out: canonical form, exact round trips, every problem reported at once."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from documents import five_mistakes
from helpers import make_audit
from hypothesis import given

import coproduction as cp
from coproduction.contract import kinds, serialization
from coproduction.testing import frameworks, frameworks_with_audits, ladders


@given(frameworks_with_audits())
def test_audit_round_trips_exactly(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    catalogue = cp.Catalogue([framework])
    text = cp.dumps(audit)
    again = cp.loads(text, cp.Audit, catalogue=catalogue)
    assert again == audit
    assert cp.dumps(again) == text
    converter = serialization.make_converter()
    assert converter.structure(json.loads(json.dumps(converter.unstructure(audit))), cp.Audit) == audit


@given(frameworks())
def test_framework_round_trips(framework: cp.Framework) -> None:
    assert cp.loads(cp.dumps(framework)) == framework


@given(ladders())
def test_ladder_round_trips(ladder: cp.Ladder) -> None:
    assert cp.loads(cp.dumps(ladder)) == ladder


@given(frameworks_with_audits())
def test_score_report_round_trips(pair: tuple[cp.Framework, cp.Audit]) -> None:
    report = cp.score(pair[1], pair[0])
    assert cp.loads(cp.dumps(report), cp.ScoreReport) == report


def test_canonical_form(worcestershire: cp.Framework) -> None:
    audit = make_audit(worcestershire, {"shared-values-1": "embedded"}, completed_by="Zoë Ødegaard")
    text = cp.dumps(audit)
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data["kind"] == "audit" and data["schema_version"] == 1
    assert data["date"] == "2025-03-14"
    assert "Zoë Ødegaard" in text  # UTF-8, not \u escapes
    assert text.endswith("}\n")


def test_dump_writes_atomically_and_load_reads(tmp_path: Path, worcestershire: cp.Framework) -> None:
    audit = make_audit(worcestershire, {"shared-values-1": "embedded"})
    path = cp.dump(audit, tmp_path / "audit.json")
    assert cp.load(path) == audit
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    from coproduction.contract._atomic import write_atomically

    target = tmp_path / "keep.json"
    target.write_text("old")

    def explode(out: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomically(target, explode)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


def test_every_problem_is_reported_at_once(worcestershire: cp.Framework) -> None:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(five_mistakes(worcestershire))
    problems = [(p.path, p.code) for p in caught.value.problems]
    assert problems == [
        ("date", "bad-date"),
        ("organisation.name", "missing-field"),
        ("responses[1].criterion", "unknown-criterion"),
        ("responses[4].rating", "unknown-level"),
        ("responses[12].criterion", "duplicate-response"),
    ]
    rating = caught.value.problems[3].message
    assert rating == (
        "'Embeded' is not a level of the Worcestershire Seven Quality Standards for parent carer engagement; "
        "choose emerging, developing or embedded"
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"kind": "audit", "x": NaN}', "NaN is not allowed"),
        ('{"kind": "audit", "x": Infinity}', "Infinity is not allowed"),
        ('{"kind": "audit", "kind": "audit"}', "appears twice"),
        ('{"kind": "audit",', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("[" * 100 + "]" * 100, "nested too deeply"),
    ],
)
def test_bad_json_is_refused_clearly(text: str | bytes, fragment: str) -> None:
    with pytest.raises(cp.UnreadableFileError, match=fragment):
        cp.loads(text)


def test_wrong_kind_is_refused(worcestershire: cp.Framework) -> None:
    with pytest.raises(cp.InvalidDocumentError, match="expected an audit document but this is a framework"):
        cp.loads(cp.dumps(worcestershire), cp.Audit)
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads('{"kind": "recipe", "schema_version": 1}')
    assert caught.value.problems[0].code == "unknown-kind"


def test_newer_schema_version_is_refused_naming_both(worcestershire: cp.Framework) -> None:
    data = json.loads(cp.dumps(make_audit(worcestershire, {})))
    data["schema_version"] = 7
    with pytest.raises(cp.InvalidDocumentError, match="schema version 7, newer than version 1"):
        cp.loads(json.dumps(data))


def test_unknown_framework_version_is_refused(worcestershire: cp.Framework) -> None:
    data = json.loads(cp.dumps(make_audit(worcestershire, {})))
    data["framework_version"] = "9"
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(json.dumps(data))
    problem = caught.value.problems[0]
    assert (problem.path, problem.code) == ("framework_version", "unknown-version")
    assert "has no version '9'; known versions: 1" in problem.message


def test_older_versions_are_migrated(monkeypatch: pytest.MonkeyPatch, worcestershire: cp.Framework) -> None:
    data = json.loads(cp.dumps(make_audit(worcestershire, {"shared-values-1": "embedded"})))

    # Pretend the current version is 2 and version 1 named the date "completed_on".
    def rename(document: dict[str, object]) -> dict[str, object]:
        document["date"] = document.pop("completed_on")
        return document

    audit_kind = kinds.kind_named("audit")
    assert audit_kind is not None
    monkeypatch.setitem(kinds._BY_NAME, "audit", attrs.evolve(audit_kind, version=2, migrations={1: rename}))
    monkeypatch.setattr(serialization, "validate", lambda data, kind: [])
    data["completed_on"] = data.pop("date")
    audit = cp.loads(json.dumps(data), cp.Audit)
    assert audit.date.isoformat() == "2025-03-14"


def test_not_applicable_where_the_framework_forbids_it(worcestershire: cp.Framework) -> None:
    audit = make_audit(worcestershire, {"shared-values-1": "n/a"})
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(cp.dumps(audit))
    assert caught.value.problems[0].code == "not-applicable-not-allowed"


def test_errors_quote_only_an_excerpt(worcestershire: cp.Framework) -> None:
    data = json.loads(cp.dumps(make_audit(worcestershire, {"shared-values-1": "embedded"})))
    data["responses"][0]["rating"] = "x" * 10_000
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(json.dumps(data))
    assert len(str(caught.value)) < 600


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{")
    with pytest.raises(cp.UnreadableFileError) as caught:
        cp.load(path)
    assert str(path) in str(caught.value)
    with pytest.raises(cp.UnreadableFileError, match="does not exist"):
        cp.load(tmp_path / "missing.json")


def test_oversized_documents_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialization, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(cp.UnreadableFileError, match="the most accepted is 100 bytes"):
        cp.loads("{" + " " * 200 + "}")


def test_inconsistent_framework_lists_every_problem() -> None:
    data = {
        "kind": "framework",
        "schema_version": 1,
        "id": "mine",
        "version": "1",
        "title": "Mine",
        "scale": {
            "id": "s",
            "name": "S",
            "levels": [{"id": "a", "name": "A", "value": 1}, {"id": "b", "name": "B", "value": 1}],
        },
        "sections": [
            {"id": "x", "title": "X", "criteria": [{"id": "c", "text": "C"}]},
            {"id": "y", "title": "Y", "criteria": [{"id": "c", "text": "D"}]},
        ],
    }
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    codes = {p.code for p in caught.value.problems}
    assert codes == {"duplicate-level-value", "duplicate-id"}


def test_a_field_named_with_a_superscript_digit_is_reported_not_crashed_on(worcestershire: cp.Framework) -> None:
    # Found by the JSON fuzz target: "²".isdigit() is true, and sorting the problems by path called int("²").
    data = json.loads(cp.dumps(make_audit(worcestershire, {"shared-values-1": "embedded"})))
    data["²"] = 1
    data["responses"][0]["²"] = 2
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.loads(json.dumps(data))
    assert {p.code for p in caught.value.problems} == {"unknown-field"}
    assert len(caught.value.problems) == 2
