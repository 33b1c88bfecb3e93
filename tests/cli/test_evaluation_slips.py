"""``activity slip`` and ``activity evaluate``: slips handed out, read back, added; nothing written on failure."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.cli import main

ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def tick(data: bytes, *tags: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = body.decode()
                for tag in tags:
                    pattern = rf'(<w:tag w:val="{tag}"/>.*?w14:checked w14:val=")0(".*?<w:t[^>]*>)\u2610'
                    xml = re.sub(pattern, "\\g<1>1\\g<2>\u2612", xml, count=1, flags=re.S)
                body = xml.encode()
            target.writestr(item, body)
    return out.getvalue()


@pytest.fixture
def slip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> bytes:
    code, out, _ = run(capsys, "activity", "slip", str(ACTIVITY), "-o", str(tmp_path / "slip.docx"))
    assert code == 0 and "an evaluation slip for Coffee morning on homework" in out
    return (tmp_path / "slip.docx").read_bytes()


def test_slips_are_added_to_the_evaluation(capsys: pytest.CaptureFixture[str], tmp_path: Path, slip: bytes) -> None:
    (tmp_path / "a.docx").write_bytes(tick(slip, "listened-to:5", "quality-of-discussion:4"))
    (tmp_path / "b.docx").write_bytes(tick(slip, "listened-to:2"))
    output = tmp_path / "evaluated.json"
    code, out, _ = run(
        capsys, "activity", "evaluate", str(ACTIVITY), str(tmp_path / "a.docx"), str(tmp_path / "b.docx"),
        "-o", str(output),
    )  # fmt: skip
    assert code == 0 and "2 slips added" in out
    before: cp.Activity = cp.load(ACTIVITY)
    after: cp.Activity = cp.load(output)
    assert after.evaluation == (*before.evaluation, cp.EvaluationSlip(5, 4), cp.EvaluationSlip(2, None))


def test_nothing_is_written_when_a_slip_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path, slip: bytes) -> None:
    (tmp_path / "good.docx").write_bytes(tick(slip, "listened-to:5"))
    (tmp_path / "two.docx").write_bytes(tick(slip, "listened-to:5", "listened-to:1"))
    (tmp_path / "notes.txt").write_text("hello", "utf-8")
    output = tmp_path / "evaluated.json"
    code, _, err = run(
        capsys, "activity", "evaluate", str(ACTIVITY), str(tmp_path / "good.docx"), str(tmp_path / "two.docx"),
        str(tmp_path / "notes.txt"), str(tmp_path / "good.docx"), "-o", str(output),
    )  # fmt: skip
    assert code == 1 and not output.exists() and "Traceback" not in err
    assert "two.docx" in err and "tick only one" in err
    assert "notes.txt" in err and "the same as" in err and "nothing was written" in err
