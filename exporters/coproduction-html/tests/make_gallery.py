"""Copy the browser tests' screenshots that the docs' gallery shows into docs/_static/gallery/, optimised.

Run the browser tests first (``python -m pytest exporters/coproduction-html/tests/test_browser.py``), then::

    python exporters/coproduction-html/tests/make_gallery.py

Each picture is recompressed with ``optipng`` when it is installed (``apt-get install optipng``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHOTS = ROOT / "build" / "browser" / "screenshots"
GALLERY = ROOT / "docs" / "_static" / "gallery"
SHOWN = [
    *(f"{kind}-phone.png" for kind in ("you-said-we-did", "charter", "audit-report", "comparison", "action-plan")),
    "index-phone.png",
    "comparison-desktop.png",
    "you-said-we-did-desktop.png",
]


def main() -> None:
    GALLERY.mkdir(parents=True, exist_ok=True)
    for name in SHOWN:
        shutil.copyfile(SHOTS / name, GALLERY / name)
    optipng = shutil.which("optipng")
    if optipng:
        subprocess.run([optipng, "-quiet", "-o2", "-strip", "all", *(str(GALLERY / n) for n in SHOWN)], check=True)
    print(f"{len(SHOWN)} pictures in {GALLERY}")


if __name__ == "__main__":
    main()
