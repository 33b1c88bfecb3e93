"""Every page kind in a real browser: axe-core finds no WCAG 2.2 A or AA violation, at phone and desktop widths.

Chromium and ChromeDriver are Debian's (``apt-get install chromium
chromium-driver``), axe-core is npm's (``npm ci`` in ``tests/browser``), and
Selenium drives them; ``bash scripts/test`` installs all three. The results
of axe and the screenshots are kept in ``build/browser/`` at the repository's
root (``axe-results.json``, ``screenshots/*.png``), the artefacts a CI run
uploads; ``python exporters/coproduction-html/tests/make_gallery.py`` copies
the screenshots the docs' gallery shows into ``docs/_static/gallery/``.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_check import WCAG_TAGS, WIDTHS, chromium, missing, open_page, run_axe, screenshot, tab_order
from coproduction_html import Site
from example_documents import ROOT
from page_structure import parse

pytestmark = pytest.mark.browser

ARTEFACTS = ROOT / "build" / "browser"
KINDS = ["index", "you-said-we-did", "charter", "audit-report", "comparison", "action-plan", "pooled-view"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = missing()
    if reason:
        pytest.skip(reason)
    with chromium() as driver:
        yield driver


def page_of(site: Site, kind: str) -> Path:
    if kind == "index":
        return site.index
    return site.folder / next(page.path for page in site.pages if page.kind == kind)


@pytest.fixture(scope="module")
def axe_results(site: Site, browser: Any) -> dict[str, dict[str, Any]]:
    """axe-core run on every page of the site (every page kind, both reports) at each width; saved as JSON."""
    results: dict[str, dict[str, Any]] = {}
    for path in sorted(site.folder.glob("*.html")):
        for label, width in WIDTHS.items():
            open_page(browser, path, width)
            result = run_axe(browser)
            results[f"{path.name}@{width}"] = result
            kind = "index" if path == site.index else next(p.kind for p in site.pages if p.path == path.name)
            shot = ARTEFACTS / "screenshots" / f"{kind}-{label}.png"
            if not shot.exists() or kind != "audit-report" or "parent-carers" in path.name:
                screenshot(browser, shot, height=1000 if label == "phone" else 900)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "tags": WCAG_TAGS,
        "pages": {
            key: {
                "url": Path(result.get("url", "")).name,
                "engine": result.get("testEngine"),
                "violations": result.get("violations"),
                "error": result.get("error"),
            }
            for key, result in results.items()
        },
    }
    (ARTEFACTS / "axe-results.json").write_text(json.dumps(summary, indent=2), "utf-8")
    return results


def test_axe_finds_no_wcag_violation_on_any_page(axe_results: dict[str, dict[str, Any]], site: Site) -> None:
    assert len(axe_results) == 2 * (len(site.pages) + 1)
    for key, result in axe_results.items():
        assert "error" not in result, (key, result)
        assert result["testEngine"]["name"] == "axe-core", key
        assert result["toolOptions"]["runOnly"]["values"] == WCAG_TAGS
        assert result["violations"] == [], (key, [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]])
    assert json.loads((ARTEFACTS / "axe-results.json").read_text("utf-8"))["pages"].keys() == axe_results.keys()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("label", list(WIDTHS))
def test_each_page_kind_is_screenshotted_at_phone_and_desktop_width(
    axe_results: dict[str, dict[str, Any]], kind: str, label: str
) -> None:
    shot = ARTEFACTS / "screenshots" / f"{kind}-{label}.png"
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width == WIDTHS[label] and height > 400


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_is_wider_than_a_phone(site: Site, browser: Any, kind: str) -> None:
    open_page(browser, page_of(site, kind), WIDTHS["phone"])
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("kind", KINDS)
def test_every_link_is_reached_by_keyboard_and_the_skip_link_comes_first(site: Site, browser: Any, kind: str) -> None:
    path = page_of(site, kind)
    open_page(browser, path, WIDTHS["desktop"])
    focused = tab_order(browser)
    links = [a.attrs["href"] for a in parse(path.read_text("utf-8")).all("a")]
    assert focused[0]["href"] == "#main" and focused[0]["visible"], focused[0]
    reached = [f["href"] for f in focused if f["tag"] == "a"]
    assert reached == links
    assert all(f["visible"] for f in focused)
    browser.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(browser).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
    assert browser.execute_script("return document.activeElement.id") == "main"
