"""Headless Chromium from the operating system, driven by Selenium, with axe-core injected into each page.

Nothing is downloaded: the driver is Debian's ``/usr/bin/chromedriver`` (so
Selenium Manager never runs), the browser is told not to reach the network,
and axe-core comes from ``tests/browser/node_modules`` (``npm ci``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
AXE = HERE / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS = {"phone": 320, "desktop": 1280}


def missing() -> str | None:
    """What the browser tests lack, or None when everything is installed."""
    for path, how in (
        (Path(CHROMIUM), "apt-get install chromium"),
        (Path(CHROMEDRIVER), "apt-get install chromium-driver"),
        (AXE, "npm ci in exporters/coproduction-html/tests/browser"),
    ):
        if not path.exists():
            return f"{path} is missing ({how}; bash scripts/test does both)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (it is in requirements/dev.txt)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium with a fresh profile, quit (and its profile removed) afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="coproduction-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(120)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, page: Path, width: int) -> None:
    """Load a page from disk at a window width (the height follows the page for screenshots)."""
    driver.set_window_size(width, 900)
    driver.get(page.resolve().as_uri())


def run_axe(driver: Any) -> dict[str, Any]:
    """Inject axe-core into the loaded page and run it with the WCAG 2.0, 2.1 and 2.2 A and AA rules."""
    driver.execute_script(AXE.read_text("utf-8"))
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    result: dict[str, Any] = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(r => done(JSON.parse(JSON.stringify(r))), e => done({{error: String(e)}}));"
    )
    return result


def screenshot(driver: Any, path: Path, *, height: int = 1100, scroll_to: str | None = None) -> None:
    """A screenshot of the window (``height`` pixels tall), at the top of the page or scrolled to an element."""
    driver.set_window_size(driver.get_window_size()["width"], height)
    script = (
        "window.scrollTo(0, 0);" if scroll_to is None else f"document.querySelector({scroll_to!r}).scrollIntoView();"
    )
    driver.execute_script(script)
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))


def tab_order(driver: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves it; what gets focus, in order."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(
            "const e = document.activeElement;"
            "if (!e || e === document.body) return null;"
            "return {tag: e.tagName.toLowerCase(), href: e.getAttribute('href'), text: e.textContent.trim(),"
            " visible: (() => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; })()};"
        )
        if focused is None or (seen and focused == seen[0] and len(seen) > 1):
            break
        seen.append(focused)
    return seen
