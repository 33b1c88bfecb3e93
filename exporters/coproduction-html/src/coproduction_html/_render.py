"""Pages to HTML through Jinja2: autoescaping on for everything, undefined names an error, one inline style sheet.

Every page carries a Content-Security-Policy that allows nothing but its own
inline style sheet (by hash) and ``data:`` pictures: no script, no font, no
frame, no form, nothing fetched from anywhere.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from coproduction_html._page import Page
from coproduction_html._wording import long_date

__all__ = ["CSP", "STYLE", "render"]

STYLE = resources.files("coproduction_html").joinpath("style.css").read_text("utf-8").strip()
"""The one style sheet, written inline into every page."""

_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")

CSP = f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'"
"""The Content-Security-Policy of every page: no script at all, only the page's own style sheet."""

_FIGURE = re.compile(r"-?\d+(?:\.\d+)?%?")


def _is_figure(value: object) -> bool:
    return isinstance(value, str) and _FIGURE.fullmatch(value) is not None


@functools.cache
def environment() -> Environment:
    """The template environment (made once): every value escaped, every undefined name an error."""
    env = Environment(
        loader=PackageLoader("coproduction_html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["figure"] = _is_figure
    return env


def render(page: Page, *, made_on: Any, home: str | None = None, template: str | None = None, **extra: Any) -> str:
    """Render a page to a complete HTML document.

    Args:
        page: The page.
        made_on: The date the page reports on, shown in its footer.
        home: The relative link to the site's index, when the page is part of a site.
        template: Another template to draw it with (the site's index).
        extra: Further values for the template.
    """
    footer = f"Published by {page.organisation.name}. This page shows things as they were on {long_date(made_on)}."
    return (
        environment()
        .get_template(template or page.template)
        .render(page=page, home=home, css=Markup(STYLE), csp=CSP, footer=footer, **extra)
    )
