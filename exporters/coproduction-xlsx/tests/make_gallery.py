"""Render parent carer workbooks through LibreOffice to small PNG pages for the docs' gallery.

Run from the repository root: ``python exporters/coproduction-xlsx/tests/make_gallery.py`` (needs soffice and
pdftoppm). Writes ``docs/_static/gallery/excel-*.png``; the workbooks are those of
``test_xlsx_every_workbook.WORKBOOKS``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import test_xlsx_every_workbook as every

GALLERY = Path("docs/_static/gallery")
FRAMEWORK = every.FRAMEWORKS[0]
PAGES = {
    every.Case("template", FRAMEWORK, every.PARENTS): {1: "excel-template-instructions"},
    every.Case("report", FRAMEWORK, every.PARENTS): {2: "excel-report-chart"},
    every.Case("plan", FRAMEWORK, every.PARENTS): {4: "excel-plan-actions"},
}


def main() -> None:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        raise SystemExit("needs soffice (LibreOffice) and pdftoppm (poppler) on PATH")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for case in PAGES:
            (work / f"{case.id}.xlsx").write_bytes(every.render(case))
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--convert-to", "pdf",
             "--outdir", str(work), *(str(work / f"{case.id}.xlsx") for case in PAGES)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for case, pages in PAGES.items():
            for page, target in pages.items():
                out = GALLERY / target
                subprocess.run(
                    [pdftoppm, "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                     str(work / f"{case.id}.pdf"), str(out)],
                    check=True, timeout=120,
                )  # fmt: skip
                print(f"{out}.png")


if __name__ == "__main__":
    main()
