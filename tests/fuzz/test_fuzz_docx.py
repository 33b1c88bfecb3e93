"""Fuzz the Word importer with mutated filled templates: nothing but the library's own errors may come out.

Two targets. The first goes through the archive: an XML part's elements
deleted, copied, moved or inserted, their text or attributes changed; parts'
bytes changed; parts dropped, duplicated or renamed; bytes of the archive
itself flipped or cut. The second types awkward answers into the template's
content controls, as a person (or a careless program) could: any text, symbols
outside Unicode or half a surrogate pair, tabs, breaks, very long text, dates
that do not exist. An audit that is read must be one the JSON loader accepts.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from fuzz.mutations import (
    CORPUS,
    Seeds,
    assert_audit_round_trips,
    assert_readable_refusal,
    fuzz_settings,
    mutate_archive,
)
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction import export_context

pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")

FAVOURED = [
    "word/document.xml",
    "docProps/custom.xml",
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
]

FOCUS = frozenset({"sdtContent", "sdtPr", "tc", "t", "tag", "r", "p", "date", "checked", "property", "lpwstr"})


def read_or_refuse(content: bytes, catalogue: cp.Catalogue) -> cp.Audit | None:
    from coproduction_docx import DocxExporter

    stream = io.BytesIO(content)
    stream.name = "fuzzed.docx"  # type: ignore[attr-defined]
    try:
        audit = DocxExporter().read(stream, export_context(catalogue=catalogue))
    except cp.CoproductionError as error:
        assert_readable_refusal(error)
        assert error.source == "fuzzed.docx"
        return None
    assert_audit_round_trips(audit, catalogue)
    return audit


@pytest.fixture(scope="module")
def seeds(fresh_office_seeds: dict[str, list[bytes]]) -> Seeds:
    corpus = [path.read_bytes() for path in sorted((CORPUS / "docx").glob("valid-*"))]
    return Seeds([*fresh_office_seeds["docx"], *corpus])


@fuzz_settings(150)
@given(data=st.data())
def test_mutated_word_templates(seeds: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject) -> None:
    content = seeds.draw(data)
    read_or_refuse(mutate_archive(data, content, FAVOURED, FOCUS), fuzz_catalogue)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _piece() -> st.SearchStrategy[str]:
    typed = ["Embedded", "embedded ", "In progress", "Not started", "X", "\u2612", "14 March 2025", "31/02/2025"]
    text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30) | st.sampled_from(
        [*typed, "Q" * 3000]
    )
    codes = st.sampled_from([0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFE, 0x7, 0x0, 0xF0A7, 0x110000, 0xFFFFFF])
    symbol = (codes | st.integers(0, 0xFFFFFF)).map(lambda code: f'<w:sym w:char="{code:X}"/>')
    escaped = text.map(lambda value: f'<w:t xml:space="preserve">{_escape(value)}</w:t>')
    return escaped | symbol | st.sampled_from(["<w:tab/>", "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>"])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _answer() -> st.SearchStrategy[str]:
    return st.lists(_piece(), max_size=4).map(lambda pieces: f'<w:r xmlns:w="{W}">{"".join(pieces)}</w:r>')


def set_controls(content: bytes, answers: dict[str, str], keep_placeholder: bool) -> bytes:
    """Replace the content of the controls with these tags by the runs given."""
    from lxml import etree
    from office_files import rewrite_zip

    def change(name: str, part: bytes) -> bytes:
        if name != "word/document.xml":
            return part
        root = etree.fromstring(part)
        for sdt in root.iter(f"{{{W}}}sdt"):
            tag = sdt.find(f"{{{W}}}sdtPr/{{{W}}}tag")
            run = answers.get(tag.get(f"{{{W}}}val") if tag is not None else "")
            if run is None:
                continue
            placeholder = sdt.find(f"{{{W}}}sdtPr/{{{W}}}showingPlcHdr")
            if placeholder is not None and not keep_placeholder:
                placeholder.getparent().remove(placeholder)
            body = sdt.find(f"{{{W}}}sdtContent")
            for child in list(body):
                body.remove(child)
            body.append(etree.fromstring(run))
        result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return result

    return rewrite_zip(content, change)


@pytest.fixture(scope="module")
def templates(fresh_office_seeds: dict[str, list[bytes]]) -> Seeds:
    """Each fresh Word seed with the tags of its content controls."""
    found = Seeds()
    for seed in fresh_office_seeds["docx"]:
        document = zipfile.ZipFile(io.BytesIO(seed)).read("word/document.xml")
        tags = sorted({tag.decode() for tag in re.findall(rb'<w:tag w:val="([^"]+)"', document)})
        found.append((seed, tags))
    return found


@fuzz_settings(100)
@given(data=st.data())
def test_awkward_answers(templates: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject) -> None:
    seed, tags = templates.draw(data)
    answers = data.draw(st.dictionaries(st.sampled_from(tags), _answer(), min_size=1, max_size=6), label="answers")
    read_or_refuse(set_controls(seed, answers, data.draw(st.booleans(), label="keep placeholder")), fuzz_catalogue)


@pytest.mark.parametrize("path", sorted((CORPUS / "docx").iterdir()), ids=lambda path: path.name)
def test_corpus(path: Path, fuzz_catalogue: cp.Catalogue) -> None:
    audit = read_or_refuse(path.read_bytes(), fuzz_catalogue)
    if path.name.startswith("valid-"):
        assert audit is not None and any(response.rating for response in audit.responses)
    elif path.name.startswith("refused-"):
        assert audit is None
