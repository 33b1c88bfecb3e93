"""Write the seed files of the fuzz corpus (run from the repository root: ``python tests/fuzz/make_corpus.py``).

Seeds named ``valid-*`` must import; ``refused-*`` must be refused with the
library's own error; ``crash-*`` once made an importer fail in a way it must
not (see README.md), and may now import or be refused. Files already there are
kept (their bytes hold zip timestamps); pass ``--force`` to write them again.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from office_files import fill_docx, fill_xlsx, filled, rewrite_zip, template  # noqa: E402

import coproduction as cp  # noqa: E402

CORPUS = HERE / "corpus"


def _audit(framework: cp.Framework, *, not_applicable: bool = False) -> cp.Audit:
    levels = framework.scale.levels
    responses = []
    for index, criterion in enumerate(framework.criteria):
        if not_applicable and index % 5 == 2:
            responses.append(cp.Response(criterion.id, not_applicable=True))
        elif index % 4:
            responses.append(
                cp.Response(
                    criterion.id,
                    levels[index % len(levels)].id,
                    evidence=f"Evidence {index}\nsecond line, caf\u00e9 \U0001f600" if index % 3 else "",
                )
            )
    return cp.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=cp.Organisation("Oak Primary School", "100001"),
        perspective=cp.Perspective.PARENT_CARERS,
        date=dt.date(2025, 3, 14),
        responses=tuple(responses),
        completed_by="Zo\u00eb \u00d8degaard",
    )


def main() -> None:
    catalogue = cp.default_catalogue()
    worcestershire = catalogue.framework("worcestershire-seven-quality-standards")
    durham = catalogue.framework("durham-audit-tool-for-participation")
    ratings = {criterion.id: "developing" for criterion in worcestershire.criteria[::3]}
    durham_ratings = {criterion.id: "in-progress" for criterion in durham.criteria[::2]}

    files: dict[str, bytes] = {}
    audit = cp.dumps(_audit(worcestershire))
    files["json/valid-audit-worcestershire.json"] = audit.encode()
    files["json/valid-audit-durham-not-applicable.json"] = cp.dumps(_audit(durham, not_applicable=True)).encode()
    files["json/valid-audit-escaped.json"] = json.dumps(json.loads(audit)).encode()  # every non-ASCII as \u escapes
    files["json/refused-lone-surrogate.json"] = audit.replace('"Evidence 1', '"\\ud800Evidence 1', 1).encode()
    files["json/refused-huge-number.json"] = audit.replace(
        '"schema_version": 1', '"schema_version": ' + "7" * 5000
    ).encode()
    files["json/refused-big-float.json"] = audit.replace('"schema_version": 1', '"schema_version": 1e400').encode()
    files["json/refused-nan.json"] = audit.replace('"schema_version": 1', '"schema_version": NaN').encode()
    files["json/refused-duplicate-key.json"] = audit.replace('"date":', '"date": null, "date":', 1).encode()
    files["json/refused-deep-nesting.json"] = audit.replace(
        '"completed_by": ', '"completed_by": ' + "[" * 100 + "]" * 100 + ', "x": ', 1
    ).encode()
    files["json/refused-latin-1.json"] = audit.encode("utf-8").replace("\u00eb".encode(), b"\xeb")

    word = filled(worcestershire, "docx", "Oak Primary School", ratings)
    files["docx/valid-filled-worcestershire.docx"] = word
    files["docx/valid-libreoffice-style-durham.docx"] = rewrite_zip(
        fill_docx(template(durham, "docx", "Riverside Academy", dt.date(2025, 1, 6)), durham, durham_ratings),
        lambda name, content: _strip_tags(content) if name == "word/document.xml" else content,
    )
    files["docx/refused-doctype-entity.docx"] = rewrite_zip(
        word,
        lambda name, content: (
            content.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e "lol">]>', 1) if name == "word/document.xml" else content
        ),
    )
    files["docx/refused-truncated.docx"] = word[: len(word) * 2 // 3]

    workbook = filled(worcestershire, "xlsx", "Oak Primary School", ratings)
    files["xlsx/valid-filled-worcestershire.xlsx"] = workbook
    files["xlsx/valid-filled-durham.xlsx"] = fill_xlsx(
        template(durham, "xlsx", "Riverside Academy"), durham, durham_ratings, dt.date(2025, 1, 6)
    )
    files["xlsx/refused-formula-in-input.xlsx"] = fill_xlsx(
        template(worcestershire, "xlsx", "Oak"), worcestershire, {}, dt.date(2025, 1, 6), formula="=1+2"
    )
    files["xlsx/refused-word-renamed.xlsx"] = word

    # Found by the fuzz targets, and fixed:
    long = "Q" * 5000
    files["docx/refused-long-rating.docx"] = fill_docx(
        template(worcestershire, "docx", "Oak", dt.date(2025, 1, 6)), worcestershire, {}, {"staff-1:rating": long}
    )
    files["docx/refused-long-reference.docx"] = fill_docx(
        template(worcestershire, "docx", "Oak", dt.date(2025, 1, 6)),
        worcestershire,
        ratings,
        {"cover:organisation_identifier": "U" * 80},
    )
    files["xlsx/crash-long-damage-report.xlsx"] = _long_header_name(files["xlsx/valid-filled-durham.xlsx"])
    files["xlsx/refused-long-rating.xlsx"] = _long_rating_xlsx(template(worcestershire, "xlsx", "Oak"), long)
    marked = fill_docx(
        template(worcestershire, "docx", "Oak", dt.date(2025, 1, 6)),
        worcestershire,
        ratings,
        {"cover:completed_by": "@"},
    )
    files["docx/crash-symbol-half-a-character.docx"] = rewrite_zip(
        marked,
        lambda name, content: (
            content.replace(
                b'<w:t xml:space="preserve">@</w:t>',
                b'<w:t xml:space="preserve">A. Patel</w:t><w:sym w:char="D800"/>',
            )
            if name == "word/document.xml"
            else content
        ),
    )
    ladder = json.loads(cp.dumps(catalogue.ladders()[0]))
    ladder["bands"][0]["id"] = []
    files["json/crash-ladder-band-id-a-list.json"] = (json.dumps(ladder, ensure_ascii=False, indent=2) + "\n").encode()
    files["json/refused-long-key.json"] = audit.replace('"date":', '"' + "k" * 5000 + '": 1, "date":', 1).encode()
    files["json/refused-long-framework-id.json"] = audit.replace(
        '"framework": "worcestershire-seven-quality-standards"', '"framework": "' + "x" * 5000 + '"'
    ).encode()

    force = "--force" in sys.argv
    for name, content in files.items():
        path = CORPUS / name
        if path.exists() and not force:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"{path.relative_to(HERE)}: {len(content):,} bytes")


def _long_rating_xlsx(workbook: bytes, text: str) -> bytes:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook))
    (sheet, reference), *_ = list(book.defined_names["coproduction_rating"].destinations)
    book[sheet][reference.replace("$", "").split(":")[0]].value = text
    book[sheet][reference.replace("$", "").split(":")[0]].data_type = "s"
    (sheet, reference), *_ = list(book.defined_names["coproduction_date"].destinations)
    book[sheet][reference.replace("$", "")].value = dt.date(2025, 1, 6)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _long_header_name(workbook: bytes) -> bytes:
    """Claim a 400-byte name in one local header, so the archive's two names of the part disagree."""
    import io
    import struct
    import zipfile

    offset = zipfile.ZipFile(io.BytesIO(workbook)).getinfo("docProps/app.xml").header_offset
    damaged = bytearray(workbook)
    damaged[offset + 26 : offset + 28] = struct.pack("<H", 400)
    return bytes(damaged)


def _strip_tags(content: bytes) -> bytes:
    """Drop every content control's tag, as LibreOffice does when it saves a Word file."""
    import re

    return re.sub(rb"<w:tag [^>]*/>", b"", content)


if __name__ == "__main__":
    main()
