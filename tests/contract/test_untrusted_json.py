"""Untrusted JSON: lone surrogates and huge numbers are refused with a clear message and place."""

from __future__ import annotations

import json

import pytest
from helpers import make_audit
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction import export_context
from coproduction.contract import serialization
from coproduction.contract.serialization import parse_json


def refused(text: str | bytes) -> cp.UnreadableFileError:
    with pytest.raises(cp.UnreadableFileError) as caught:
        parse_json(text)
    return caught.value


def audit_text(framework: cp.Framework, evidence: str) -> str:
    audit = make_audit(framework, {"shared-values-1": "embedded"})
    data = json.loads(cp.dumps(audit))
    data["responses"][0]["evidence"] = evidence
    return json.dumps(data)  # ensure_ascii: every non-ASCII character is a \u escape


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDBFF", "\\udc00", "\\uDFFF", "x\\ud83dy", "\\ude00\\ud83d"])
def test_a_lone_surrogate_escape_is_refused_with_its_path(escape: str) -> None:
    error = refused('{"kind": "audit", "responses": [{"evidence": "ok"}, {"evidence": "' + escape + '"}]}')
    assert [(p.path, p.code) for p in error.problems] == [("responses[1].evidence", "lone-surrogate")]
    assert "half of a character" in error.message and "unpaired surrogate" in error.problems[0].message


def test_every_lone_surrogate_is_listed_keys_included() -> None:
    error = refused('{"a": ["\\ud800", "fine", {"\\udfffk": "\\udbff"}], "b": "\\ud801"}')
    assert [(p.path, p.code) for p in error.problems] == [
        ("a[0]", "lone-surrogate"),
        ("a[2].'\\udfffk'", "lone-surrogate"),
        ("a[2].'\\udfffk'", "lone-surrogate"),
        ("b", "lone-surrogate"),
    ]
    assert "3 texts" not in error.message and "4 texts" in error.message
    str(error).encode("utf-8")  # the message can be printed: no lone surrogate is repeated in it


def test_a_lone_surrogate_in_text_handed_over_as_str_is_refused() -> None:
    error = refused('{"evidence": "broken \ud800 text"}')
    assert error.problems[0].path == "evidence"


def test_pairs_and_other_escapes_are_text() -> None:
    assert parse_json('"\\ud83d\\ude00 \\u00e9 \\\\ud800"') == "\U0001f600 \u00e9 \\ud800"
    assert parse_json(b'{"a": "\\uD83D\\uDE00"}') == {"a": "\U0001f600"}


def test_a_document_with_a_lone_surrogate_names_the_field(worcestershire: cp.Framework) -> None:
    with pytest.raises(cp.UnreadableFileError) as caught:
        cp.loads(audit_text(worcestershire, "Evidence \ud800 here"), cp.Audit, source="oak.json")
    assert caught.value.problems[0].path == "responses[0].evidence"
    assert str(caught.value).startswith("oak.json, line 1, column ")
    assert cp.loads(audit_text(worcestershire, "Evidence \U0001f600 \u00e9"), cp.Audit).responses[0].evidence == (
        "Evidence \U0001f600 \u00e9"
    )


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.integers(0xD800, 0xDFFF),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
)
def test_any_text_with_a_lone_surrogate_is_refused(before: str, surrogate: int, after: str) -> None:
    escaped = json.dumps(before)[1:-1] + f"\\u{surrogate:04x}" + json.dumps(after)[1:-1]
    text = '{"notes": ["' + escaped + '"]}'
    pair = (0xD800 <= surrogate <= 0xDBFF and after[:1] and 0xDC00 <= ord(after[0]) <= 0xDFFF) or False
    assert not pair  # the text strategy never draws a surrogate, so the escape cannot be paired
    error = refused(text)
    assert [(p.path, p.code) for p in error.problems] == [("notes[0]", "lone-surrogate")]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_real_text_escaped_or_not_reads_back(text: str) -> None:
    assert parse_json(json.dumps({"t": text})) == {"t": text}
    assert parse_json(json.dumps({"t": text}, ensure_ascii=False).encode("utf-8")) == {"t": text}


@pytest.mark.parametrize(
    ("literal", "code"),
    [
        ("1" * 5000, "number-too-long"),
        ("-" + "9" * 4400, "number-too-long"),
        ("0." + "0" * 200 + "1", "number-too-long"),
        ("1" * 101, "number-too-long"),
        ("1e400", "number-too-large"),
        ("-1e400", "number-too-large"),
        ("1.5E+309", "number-too-large"),
    ],
)
def test_huge_numbers_are_refused_clearly(literal: str, code: str) -> None:
    error = refused('{"schema_version": ' + literal + "}")
    assert [p.code for p in error.problems] == [code]
    assert "Exceeds the limit" not in str(error)  # never Python's own wording
    assert len(error.problems[0].message) < 200  # the number itself is only quoted in part
    assert literal[:20] in error.problems[0].message


def test_ordinary_numbers_still_read() -> None:
    assert parse_json("[1, -2, 3.5, 1e308, 0.000001, " + "9" * 100 + "]") == [1, -2, 3.5, 1e308, 1e-6, int("9" * 100)]


def test_the_number_limit_can_be_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialization, "MAX_NUMBER_LENGTH", 3)
    assert parse_json("[123]") == [123]
    assert refused("[1234]").problems[0].code == "number-too-long"
    assert "MAX_NUMBER_LENGTH" in str(refused("[1234]"))


def test_a_huge_number_in_a_document_is_an_unreadable_file(worcestershire: cp.Framework) -> None:
    text = cp.dumps(make_audit(worcestershire, {})).replace('"schema_version": 1', '"schema_version": ' + "1" * 5000)
    with pytest.raises(cp.UnreadableFileError, match="5,000 characters"):
        cp.loads(text, cp.Audit)


def test_the_json_reader_reads_no_more_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from coproduction.exporters.json_exporter import JSONExporter

    class Endless:
        def __init__(self) -> None:
            self.read_sizes: list[int] = []

        def read(self, size: int = -1) -> bytes:
            self.read_sizes.append(size)
            return b" " * (size if size >= 0 else 10**9)

    monkeypatch.setattr(serialization, "MAX_DOCUMENT_BYTES", 1000)
    stream = Endless()
    with pytest.raises(cp.UnreadableFileError, match="larger than 1,000 bytes"):
        JSONExporter().read(stream, export_context())  # type: ignore[arg-type]
    assert stream.read_sizes == [1001]
