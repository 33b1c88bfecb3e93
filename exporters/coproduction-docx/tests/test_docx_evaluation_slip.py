"""The Word evaluation slip: one page, ticked on screen or paper, read back (also after LibreOffice), anonymous."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest
from coproduction_docx import DocxExporter
from hypothesis import given, settings
from hypothesis import strategies as st

import coproduction as c
from coproduction import export_context

ROOT = Path(__file__).resolve().parents[3]
ACTIVITY = c.load(ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json")
_PLACEHOLDER = r'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t[^>]*>[^<]*</w:t></w:r>'


def written(activity: c.Activity = ACTIVITY) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(c.EvaluationSlipTemplate(activity), out, export_context())
    return out.getvalue()


SLIP = written()


def fill(data: bytes, ticks: list[str], comment: str = "", mark: str = "\u2612") -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = body.decode()
                for tick in ticks:
                    pattern = rf'(<w:tag w:val="{tick}"/>.*?w14:checked w14:val=")0(".*?<w:t[^>]*>)\u2610'
                    xml = re.sub(pattern, rf"\g<1>1\g<2>{mark}", xml, count=1, flags=re.S)
                if comment:
                    pattern = rf'(<w:tag w:val="slip:comment"/>.*?)<w:showingPlcHdr/>(.*?){_PLACEHOLDER}'
                    xml = re.sub(
                        pattern, lambda m: f"{m.group(1)}{m.group(2)}<w:r><w:t>{comment}</w:t></w:r>", xml, flags=re.S
                    )
                body = xml.encode()
            target.writestr(item, body)
    return out.getvalue()


def read(data: bytes, activity: c.Activity = ACTIVITY) -> c.EvaluationSlip:
    return DocxExporter().read_evaluation_slip(io.BytesIO(data), activity, export_context())


@settings(max_examples=15, deadline=None)
@given(st.none() | st.integers(1, c.MAX_RATING), st.none() | st.integers(1, c.MAX_RATING))
def test_any_answers_read_back(listened: int | None, discussion: int | None) -> None:
    ticks = [f"listened-to:{listened}"] * (listened is not None)
    ticks += [f"quality-of-discussion:{discussion}"] * (discussion is not None)
    slip = read(fill(SLIP, ticks, comment="More notice please"))
    assert slip == c.EvaluationSlip(listened, discussion, "More notice please")


def test_a_blank_slip_is_a_blank_answer_and_a_cross_counts() -> None:
    assert read(SLIP) == c.EvaluationSlip()
    assert read(fill(SLIP, ["listened-to:2"], mark="x")).listened_to == 2


def test_two_ticks_and_strange_marks_name_the_question() -> None:
    with pytest.raises(c.InvalidDocumentError) as caught:
        read(fill(fill(SLIP, ["listened-to:1", "listened-to:5"]), ["quality-of-discussion:3"], mark="?"))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("Are you being listened to? (listened-to)", "more-than-one"),
        ("Quality of discussion? (quality-of-discussion)", "unknown-tick"),
    ]


def test_a_slip_of_another_activity_is_refused() -> None:
    other = attrs.evolve(ACTIVITY, id="spring-forum", title="Spring forum")
    with pytest.raises(c.UnreadableFileError, match="not of 'Spring forum'"):
        read(SLIP, other)
    renamed = attrs.evolve(ACTIVITY, title="Coffee morning on reading")
    with pytest.raises(c.UnreadableFileError):
        read(SLIP, renamed)
    assert read(SLIP, attrs.evolve(ACTIVITY, evaluation=())) == c.EvaluationSlip(), "new slips keep old ones valid"


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


def test_the_stamp_says_check_code_and_a_slip_saying_fingerprint_still_reads_back() -> None:
    data = fill(SLIP, ["listened-to:3"])
    assert "fingerprint" not in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    old = _restamped(data, ", check code ", ", fingerprint ")
    assert read(old) == read(data) == c.EvaluationSlip(3, None, "")


def test_the_slip_is_one_page_of_plain_english_with_no_name_asked() -> None:
    checker = c.PlainEnglishChecker(c.default_catalogue().glossary())
    document = zipfile.ZipFile(io.BytesIO(SLIP)).read("word/document.xml").decode().replace("&apos;", "'")
    texts = [t for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document) if not t.startswith(("Reference:", "Slip "))]
    assert [f for text in texts for f in checker.check_text(text, "slip")] == []
    assert "Do not write your name." in " ".join(texts)
    assert not [t for t in texts if re.search(r"\b(your|child's) name\b\s*:?$", t, re.I)], "no place for a name"
    assert '<w:br w:type="page"/>' not in document


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_re_saved_slip_reads_back_and_fits_one_page(tmp_path: Path) -> None:
    filled = fill(SLIP, ["listened-to:4", "quality-of-discussion:2"], comment="Good to be asked")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slip.docx").write_bytes(filled)
    for target in ("docx", "pdf"):
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", target,
             "--outdir", str(tmp_path / "out"), str(tmp_path / "in" / "slip.docx")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    assert read((tmp_path / "out" / "slip.docx").read_bytes()) == read(filled)
    pages = re.findall(rb"/Type\s*/Page(?!s)", (tmp_path / "out" / "slip.pdf").read_bytes())
    assert len(pages) == 1
