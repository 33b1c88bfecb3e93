"""The Word barriers survey: written, filled in, read back (also after LibreOffice re-saves it), errors named."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests"))  # the shared hostile-file builders

import pytest
from coproduction_docx import DocxExporter
from hostile_zips import MIB, build_zip, high_ratio_package, honest_entries, measure
from hypothesis import given, settings
from hypothesis import strategies as st

import coproduction as c
from coproduction import export_context

CATALOGUE = c.default_catalogue()
TEMPLATE = c.BarriersSurveyTemplate(
    barriers=CATALOGUE.barriers(), organisation=c.Organisation("Oak School"), cohort="Reception, September 2026"
)
_PLACEHOLDER = r'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t[^>]*>[^<]*</w:t></w:r>'


def written(template: c.BarriersSurveyTemplate = TEMPLATE) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(template, out, export_context())
    return out.getvalue()


def fill(data: bytes, ticks: list[str], *, other: str = "", date: str = "2026-09-20", mark: str = "\u2612") -> bytes:
    """Tick boxes, type the date and other barriers, as Word would store them."""

    def typed(xml: str, tag: str, value: str) -> str:
        pattern = rf'(<w:tag w:val="{tag}"/>.*?)<w:showingPlcHdr/>(.*?){_PLACEHOLDER}'
        return re.sub(
            pattern, lambda m: f"{m.group(1)}{m.group(2)}<w:r><w:t>{value}</w:t></w:r>", xml, count=1, flags=re.S
        )

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = body.decode()
                for tick in ticks:
                    pattern = rf'(<w:tag w:val="{tick}:met"/>.*?w14:checked w14:val=")0(".*?<w:t[^>]*>)\u2610'
                    xml = re.sub(pattern, rf"\g<1>1\g<2>{mark}", xml, count=1, flags=re.S)
                if other:
                    xml = typed(xml, "survey:other", other)
                if date:
                    xml = typed(xml, "survey:date", date)
                body = xml.encode()
            target.writestr(item, body)
    return out.getvalue()


def read(data: bytes, catalogue: c.Catalogue = CATALOGUE) -> c.BarriersReturn:
    source = io.BytesIO(data)
    source.name = "return.docx"  # type: ignore[attr-defined]
    return DocxExporter().read_barriers_return(source, export_context(catalogue=catalogue))


def test_a_filled_survey_reads_back_anonymous() -> None:
    found = read(fill(written(), ["work", "too-much-jargon"], other="Hospital visits on Tuesdays"))
    assert found.met == ("too-much-jargon", "work")
    assert found.asked == tuple(barrier.id for barrier in CATALOGUE.barriers())
    assert found.other == ("Hospital visits on Tuesdays",)
    assert (found.organisation.name, found.cohort, str(found.date)) == (
        "Oak School",
        "Reception, September 2026",
        "2026-09-20",
    )
    assert found.perspective is c.Perspective.PARENT_CARERS
    assert c.loads(c.dumps(found)) == found


def test_an_untouched_survey_has_no_ticks_and_a_missing_date() -> None:
    with pytest.raises(c.InvalidDocumentError) as caught:
        read(fill(written(), [], date=""))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("About this survey > Date filled in", "missing-value")
    ]


def test_a_strange_mark_names_its_barrier_row() -> None:
    with pytest.raises(c.InvalidDocumentError) as caught:
        read(fill(written(), ["work"], mark="maybe"))
    (problem,) = caught.value.problems
    assert problem.code == "unknown-tick"
    assert "(work)" in problem.path and problem.path.startswith("Things that can make it hard > 16. Work")


def test_another_text_of_the_barriers_is_refused() -> None:
    collection = CATALOGUE.barrier_collections()[0]
    changed = c.BarrierCollection(
        id=collection.id,
        name=collection.name,
        sources=collection.sources,
        lists=collection.lists,
        barriers=[
            c.Barrier(id=b.id, source=b.source, list=b.list, position=b.position, wording=b.wording + " (changed)")
            for b in collection.barriers
        ],
    )
    other = c.Catalogue.builtin().including(changed)
    with pytest.raises(c.UnreadableFileError, match="different text of its barriers"):
        read(fill(written(), ["work"]), other)


def test_a_council_s_own_list_and_a_foreign_document() -> None:
    chosen = [b for b in CATALOGUE.barriers() if b.list == "durham-named-barriers"]
    found = read(
        fill(
            written(c.BarriersSurveyTemplate(barriers=chosen, cohort="Year 7", organisation=c.Organisation("Elm"))),
            ["lack-of-time"],
        )
    )
    assert found.asked == tuple(b.id for b in chosen) and found.met == ("lack-of-time",)
    with pytest.raises(c.InvalidDocumentError) as caught:
        read(fill(written(c.BarriersSurveyTemplate(barriers=chosen)), []))
    assert {p.path for p in caught.value.problems} >= {
        "About this survey > School or setting",
        "About this survey > Which group of families this is for",
    }
    with pytest.raises(c.UnreadableFileError):
        read(b"not a word file")


def test_every_word_a_parent_carer_reads_is_plain() -> None:
    checker = c.PlainEnglishChecker(CATALOGUE.glossary())
    document = zipfile.ZipFile(io.BytesIO(written())).read("word/document.xml").decode()
    texts = [t for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document) if not t.startswith("Reference: ")]
    texts = [t for t in texts if not t.startswith("Survey reference:")]
    findings = [f for text in texts for f in checker.check_text(text.replace("&apos;", "'"), "survey")]
    assert findings == []
    assert any("do not write your name or your child's name" in t.replace("&apos;", "'") for t in texts)


def _restamped(data: bytes, new: str, old: str) -> bytes:
    """The file as a version before the plain-English wording wrote it: its printed stamp says ``old``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert new.encode() in body
                body = body.replace(new.encode(), old.encode())
            target.writestr(item, body)
    return out.getvalue()


def test_the_stamp_says_check_code_and_a_survey_saying_fingerprint_still_reads_back() -> None:
    data = fill(written(), ["work"])
    assert "fingerprint" not in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    old = _restamped(data, "barriers check code ", "barriers fingerprint ")
    assert read(old) == read(data)
    assert read(data).met == ("work",)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_re_saved_survey_reads_back_the_same(tmp_path: Path) -> None:
    filled = fill(written(), ["work", "no-transport"], other="Hospital visits")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "return.docx").write_bytes(filled)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "docx",
         "--outdir", str(tmp_path / "out"), str(tmp_path / "in" / "return.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    assert read((tmp_path / "out" / "return.docx").read_bytes()) == read(filled)


SURVEY = written()
_IDS = [barrier.id for barrier in CATALOGUE.barriers()]


@settings(max_examples=15, deadline=None)
@given(st.sets(st.sampled_from(_IDS)), st.text(alphabet="abcdefghij klmnop", min_size=0, max_size=30))
def test_any_ticks_and_words_read_back(ticked: set[str], words: str) -> None:
    found = read(fill(SURVEY, sorted(ticked), other=words))
    assert found.met == tuple(barrier for barrier in _IDS if barrier in ticked)
    assert found.other == ((words.strip(),) if words.strip() else ())


def test_the_summary_report_reads_as_written() -> None:
    from docx import Document

    returns = [
        read(fill(SURVEY, ticks, other=f"Note {n}")) for n, ticks in enumerate([["work"], ["work", "no-transport"]])
    ]
    summary = c.summarise_barriers(
        returns, CATALOGUE.barriers(), CATALOGUE.approaches(), CATALOGUE.help_links(), minimum_group=2
    )
    out = io.BytesIO()
    DocxExporter().export(summary, out, export_context())
    document = Document(io.BytesIO(out.getvalue()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2 families from Oak School" in text and "Note 0" in text and "Note 1" in text
    first = document.tables[0]
    assert [cell.text for cell in first.rows[1].cells] == ["Work", "2 of 2"]
    assert any(row.cells[0].text == "SEND coffee mornings" for row in document.tables[1].rows)
    checker = c.PlainEnglishChecker(CATALOGUE.glossary())
    ours = [p.text for p in document.paragraphs if p.text and not p.text.startswith("Note ")]
    assert [f for t in ours for f in checker.check_text(t, "summary")] == []


def _budgeted(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    setup = "from coproduction import CoproductionError, export_context\nfrom coproduction_docx import DocxExporter"
    call = "DocxExporter().read_barriers_return(open(sys.argv[1], 'rb'), export_context())"
    outcome, seconds, peak = measure(str(path), setup, call)
    assert not outcome.startswith("crashed"), outcome
    assert seconds < 3.0 and peak < 200 * MIB, (seconds, peak)
    return outcome


def test_a_survey_bomb_is_refused_in_little_time_and_memory(tmp_path: Path) -> None:
    document = zlib.decompress(next(raw for n, raw, *_ in honest_entries(SURVEY) if n == "word/document.xml"), -15)
    end = document.rindex(b"</w:body>")
    filler = b"<w:p><w:r><w:t>Reference: work</w:t></w:r></w:p>" * (95 * MIB // 48)
    bomb = high_ratio_package(SURVEY, "word/document.xml", document[:end] + filler + document[end:])
    outcome = _budgeted(tmp_path, bomb)
    assert outcome.startswith("refused: ") and "word/document.xml" in outcome


def test_thousands_of_copied_rows_are_read_in_linear_time(tmp_path: Path) -> None:
    entries = []
    for name, raw, method, size, crc in honest_entries(SURVEY):
        if name == "word/document.xml":
            xml = zlib.decompress(raw, -15).decode()
            row = re.search(r"<w:tr>(?:(?!<w:tr>).)*?Reference: work.*?</w:tr>", xml, flags=re.S)
            assert row is not None
            xml = xml.replace(row.group(0), row.group(0) * 3_000, 1)
            data = xml.encode()
            entries.append((name, data, 0, len(data), zlib.crc32(data)))
        else:
            entries.append((name, raw, method, size, crc))
    outcome = _budgeted(tmp_path, build_zip(entries))
    assert "appears twice" in outcome
