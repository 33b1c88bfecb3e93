"""Issue 13: every schema problem at once, a line and column for every JSON refusal, a BOM in text, short excerpts."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp

EXAMPLE = ROOT / "examples" / "audits" / "worcestershire-oak-primary-school-staff.json"


def refused(text: str | bytes) -> cp.CoproductionError:
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with pytest.raises(cp.CoproductionError) as caught:
            cp.loads(text, source="oak.json")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2 and peak < 200 * 1024 * 1024
    return caught.value


def test_five_problems_of_one_object_are_all_reported_each_with_its_path() -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    del data["date"], data["perspective"]
    data.update(colour=1, flavour=2, zzz=3)
    error = refused(json.dumps(data))
    assert isinstance(error, cp.InvalidDocumentError)
    assert [(p.path, p.code) for p in error.problems] == [
        ("colour", "unknown-field"),
        ("date", "missing-field"),
        ("flavour", "unknown-field"),
        ("perspective", "missing-field"),
        ("zzz", "unknown-field"),
    ]
    assert len(error.problems) == len(set(error.problems))


SYNTAX = [
    ('{\n  "kind": "audit",\n  "x": NaN\n}', "json-constant", 3, 8, "x"),
    ('{"a": [1, Infinity]}', "json-constant", 1, 11, "a[1]"),
    ('{"a": [1, -Infinity]}', "json-constant", 1, 11, "a[1]"),
    ('{\n "kind": "audit",\n "a": {"b": 1, "b": 2}}', "duplicate-key", 3, 16, "a.b"),
    ('{"a":\n' + "[" * 70 + "]" * 70 + "}", "too-deep", 2, 64, None),
    ("[" * 3000 + "]" * 3000, "too-deep", 1, 65, None),
    ('{"a": ' + "1" * 401 + "}", "number-too-long", 1, 7, "a"),
    ('{"a": [1e400]}', "number-too-large", 1, 8, "a[0]"),
    ('{"a": ["ok",\n "\\ud800"]}', "lone-surrogate", 2, 2, "a[1]"),
    ('{"a": \n  }', "json-syntax", 2, 3, None),
]


@pytest.mark.parametrize(("text", "code", "line", "column", "path"), SYNTAX)
def test_every_syntax_refusal_names_the_file_line_column_and_path(
    text: str, code: str, line: int, column: int, path: str | None
) -> None:
    error = refused(text)
    assert isinstance(error, cp.UnreadableFileError)
    first = error.problems[0]
    assert (first.code, first.line, first.column) == (code, line, column)
    if path is not None:
        assert first.path == path
    assert str(error).startswith(f"oak.json, line {line}, column {column}: ")
    assert "Traceback" not in str(error)


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [(b'{"a": "caf\xe9"}', 1, 11), (b'\xef\xbb\xbf{\n "a": "\xff"}', 2, 8), (b'{"a": "\xed\xa0\x80"}', 1, 8)],
)
def test_bad_utf8_names_its_line_and_column(raw: bytes, line: int, column: int) -> None:
    error = refused(raw)
    assert (error.problems[0].code, error.problems[0].line, error.problems[0].column) == ("not-utf8", line, column)
    assert str(error).startswith(f"oak.json, line {line}, column {column}: ")


def test_a_problem_with_a_line_keeps_its_json_form_and_adds_line_and_column() -> None:
    problem = cp.Problem("", "json-syntax", "Expecting value", line=3, column=14)
    assert str(problem) == "line 3, column 14: Expecting value"
    assert str(cp.Problem("a", "c", "m")) == "a: m"
    assert cp.Problem("a", "c", "m") == cp.Problem("a", "c", "m", line=None, column=None)


def test_a_str_beginning_with_a_byte_order_mark_loads_as_the_bytes_do() -> None:
    text = EXAMPLE.read_text("utf-8")
    from_bytes = cp.loads(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert cp.loads("\ufeff" + text) == from_bytes == cp.loads(text)


def test_a_huge_organisation_name_is_quoted_at_most_60_characters() -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["organisation"] = {"name": "Oak " * 10_000}
    audit = cp.loads(json.dumps(data), cp.Audit)
    other = cp.loads((EXAMPLE.parent / "worcestershire-oak-primary-parent-carers.json").read_bytes(), cp.Audit)
    with pytest.raises(cp.CoproductionError) as caught:
        cp.compare_perspectives(
            [audit, other], cp.default_catalogue().framework(audit.framework, audit.framework_version)
        )
    assert "Oak Oak" in str(caught.value) and len(str(caught.value)) < 1000
    data["responses"][0]["rating"] = "x" * 40_000
    error = refused(json.dumps(data))
    assert max(len(str(problem)) for problem in error.problems) < 400


def test_a_model_validator_quotes_a_long_value_short() -> None:
    with pytest.raises(ValueError, match=r"\.\.\.") as caught:
        cp.Response("c" * 40_000, rating="x" * 40_000, not_applicable=True)
    assert len(str(caught.value)) < 300


def test_load_refuses_what_is_not_a_regular_file_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(cp.UnreadableFileError, match="device") as caught:
        cp.load(link)
    assert caught.value.source == str(link)
    with pytest.raises(cp.UnreadableFileError, match="folder"):
        cp.load(tmp_path)
