"""Fuzz the JSON loader with mutated valid documents: nothing but the library's own errors may come out.

Mutations: byte flips, truncation, deletions, insertions of awkward tokens
(NaN, huge numbers, lone surrogate escapes, deep nesting), and changes to the
parsed structure (keys deleted, duplicated or renamed, values of another
type). A document that loads must write back and load again unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz.mutations import CORPUS, Seeds, assert_readable_refusal, fuzz_settings, mutate_bytes, mutate_tree, write_json
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp

SEEDS = [
    *sorted((CORPUS / "json").glob("valid-*.json")),
    *sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.json")),
]
KINDS = [None, cp.Audit]


def assert_placed(error: cp.CoproductionError) -> None:
    """A refusal of the JSON text itself (not of the document's content) names a line and column."""
    if isinstance(error, cp.UnreadableFileError):
        assert error.problems, error
        assert all(problem.line is not None and problem.column is not None for problem in error.problems), error
        assert all(problem.line >= 1 and problem.column >= 1 for problem in error.problems if problem.line)
        assert ", line " in str(error).partition(":")[0]


def load_or_refuse(content: bytes | str, kind: type[cp.Audit] | None, catalogue: cp.Catalogue) -> None:
    try:
        document = cp.loads(content, kind, catalogue=catalogue, source="fuzz.json")
    except cp.CoproductionError as error:
        assert_readable_refusal(error)
        assert_placed(error)
        return
    text = cp.dumps(document)
    assert cp.loads(text, catalogue=catalogue) == document
    if isinstance(document, cp.Audit):
        cp.score(document, catalogue.framework(document.framework, document.framework_version))


@pytest.fixture(scope="module")
def seeds(fuzz_catalogue: cp.Catalogue) -> Seeds:
    assert len(SEEDS) >= 4
    audit = cp.loads(SEEDS[0].read_bytes(), cp.Audit)
    others = [
        fuzz_catalogue.framework("durham-audit-tool-for-participation"),
        fuzz_catalogue.ladders()[0],
        cp.score(audit, fuzz_catalogue.framework(audit.framework, audit.framework_version)),
    ]
    return Seeds([*(path.read_bytes() for path in SEEDS), *(cp.dumps(document).encode() for document in others)])


@fuzz_settings(400)
@given(data=st.data())
def test_mutated_bytes(seeds: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject) -> None:
    content = seeds.draw(data)
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        content = mutate_bytes(data, content)
    load_or_refuse(content, data.draw(st.sampled_from(KINDS), label="kind"), fuzz_catalogue)


@fuzz_settings(400)
@given(data=st.data())
def test_mutated_structure(seeds: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject) -> None:
    tree = json.loads(seeds.draw(data))
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        tree = mutate_tree(data, tree)
    text = write_json(tree)
    as_bytes = data.draw(st.booleans(), label="bytes")
    load_or_refuse(
        text.encode("utf-8", "surrogatepass") if as_bytes else text, data.draw(st.sampled_from(KINDS)), fuzz_catalogue
    )


@pytest.mark.parametrize("path", sorted((CORPUS / "json").iterdir()), ids=lambda path: path.name)
def test_corpus(path: Path, fuzz_catalogue: cp.Catalogue) -> None:
    if path.name.startswith("valid-"):
        load_or_refuse(path.read_bytes(), cp.Audit, fuzz_catalogue)
        assert isinstance(cp.loads(path.read_bytes(), cp.Audit), cp.Audit)
    elif path.name.startswith("refused-"):
        with pytest.raises(cp.CoproductionError) as caught:
            cp.loads(path.read_bytes(), cp.Audit, source=path.name)
        assert_readable_refusal(caught.value)
        assert_placed(caught.value)
    else:  # crash-*: once crashed the loader; either outcome is fine now
        load_or_refuse(path.read_bytes(), cp.Audit, fuzz_catalogue)


SYNTAX_TRICKS = [
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b"1" * 401,
    b"1e400",
    b"-1e400",
    b'"\\ud800"',
    b'"\\udfff x"',
    b"[" * 80 + b"1" + b"]" * 80,
    b"\xff",
    b"\xe9",
    b"\xed\xa0\x80",
]


def _value_starts(content: bytes) -> list[int]:
    """Where each ``": "`` between a key and its value sits, skipping any inside a string's text."""
    starts, in_string, escaped = [], False, False
    for index, byte in enumerate(content):
        if in_string:
            in_string = escaped or byte != ord('"')
            escaped = not escaped and byte == ord("\\")
        elif byte == ord('"'):
            in_string = True
        elif content[index : index + 2] == b": ":
            starts.append(index)
    return starts


def test_value_starts_skip_colons_inside_strings() -> None:
    assert _value_starts(b'{"a": "x: y", "b\\"": 1}') == [4, 19]


@fuzz_settings(200)
@given(data=st.data())
def test_syntax_tricks_are_refused_with_a_line_and_column(
    seeds: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject
) -> None:
    """A value, or a key, of a valid document replaced by a token the strict parser refuses."""
    content = seeds.draw(data)
    values = _value_starts(content)
    at = data.draw(st.sampled_from(values), label="at") + 2
    trick = data.draw(st.sampled_from(SYNTAX_TRICKS), label="trick")
    duplicate = data.draw(st.booleans(), label="duplicate key")
    if duplicate:
        content = content[: content.index(b"{") + 1] + b'"kind": 1, ' + content[content.index(b"{") + 1 :]
        content = content.replace(b'"kind": 1, ', b'"kind": 1, "kind": 2, ', 1)
    else:
        content = content[:at] + trick + content[at:]
    with pytest.raises(cp.CoproductionError) as caught:
        cp.loads(content, data.draw(st.sampled_from(KINDS), label="kind"), catalogue=fuzz_catalogue, source="f.json")
    assert_readable_refusal(caught.value)
    assert isinstance(caught.value, cp.UnreadableFileError), caught.value
    assert_placed(caught.value)
