"""Render a parent carer template and report through LibreOffice to small PNG pages for the docs' gallery.

Run from the repository root: ``python exporters/coproduction-docx/tests/make_gallery.py`` (needs soffice and
pdftoppm). Writes ``docs/_static/gallery/word-*.png``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import test_docx_family_documents as family

import coproduction as c

GALLERY = Path("docs/_static/gallery")
PAGES = {"template": {1: "word-template-first-page", 3: "word-template-statements"}, "report": {2: "word-report-chart"}}


def main() -> None:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        raise SystemExit("needs soffice (LibreOffice) and pdftoppm (poppler) on PATH")
    documents = family.documents(family.FRAMEWORKS[0], c.Perspective.PARENT_CARERS)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name in PAGES:
            (work / f"{name}.docx").write_bytes(family.render(documents[name]))
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--convert-to", "pdf",
             "--outdir", str(work), *(str(work / f"{name}.docx") for name in PAGES)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for name, pages in PAGES.items():
            for page, target in pages.items():
                out = GALLERY / target
                subprocess.run(
                    [pdftoppm, "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                     str(work / f"{name}.pdf"), str(out)],
                    check=True, timeout=120,
                )  # fmt: skip
                print(f"{out}.png")


if __name__ == "__main__":
    main()
