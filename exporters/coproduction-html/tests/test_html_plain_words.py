"""The library's own plain-English checker finds nothing in the words of any page kind or the site's index.

What a page quotes is left out: the document's own text (what a school or
its parent carers wrote) and the catalogue's (a framework's statements, as
their source wrote them, and a ladder's steps). Every other word on the page
is ours, and must pass the check families' documents pass.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from coproduction_html import Site
from coproduction_html._kinds import PAGES

import coproduction as cp

BLOCKS = frozenset(
    {
        "title",
        "desc",
        "text",
        "p",
        "li",
        "a",
        "th",
        "td",
        "caption",
        "dt",
        "dd",
        "figcaption",
        *(f"h{n}" for n in range(1, 7)),
    }
)


class _Blocks(HTMLParser):
    """The visible text of a page, one string per block (a paragraph, a cell, a heading, a chart's description)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, list[str]]] = []
        self.blocks: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = self.in_style or tag == "style"
        if tag in BLOCKS:
            self.open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
        if tag in BLOCKS and self.open and self.open[-1][0] == tag:
            text = " ".join("".join(self.open.pop()[1]).split())
            if text:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self.open and not self.in_style:
            self.open[-1][1].append(data)


SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _strings(value: object) -> list[str]:
    """Every text in a document as JSON data, but not its identifiers and codes (``done``, ``parent-carers``)."""
    if isinstance(value, str):
        return [] if SLUG.fullmatch(value) else [" ".join(value.split())]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _catalogue_texts() -> list[str]:
    catalogue = cp.default_catalogue()
    texts = [s for framework in catalogue.frameworks() for s in _strings(cp.to_dict(framework))]
    return texts + [s for ladder in catalogue.ladders() for s in _strings(cp.to_dict(ladder))]


CATALOGUE_TEXTS = _catalogue_texts()


def _our_words(html: str, quoted: list[str]) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    ours = []
    for block in parser.blocks:
        for text in quoted:
            if len(text) > 1:
                block = block.replace(text, " ")
        ours.append(" ".join(block.split()))
    return [block for block in ours if block]


def _findings(html: str, quoted: list[str]) -> list[str]:
    checker = cp.default_checker()
    return [
        f"{finding.message} in {block!r}"
        for block in _our_words(html, quoted)
        for finding in cp.check_plain_english(block, checker=checker)
    ]


@pytest.mark.parametrize(
    "name",
    [
        "you-said-we-did",
        "charter",
        "audit-report",
        "audit-report-durham",
        "audit-report-school",
        "comparison",
        "comparison-durham",
        "action-plan",
        "pooled-view",
        "pooled-view-durham",
    ],
)
def test_each_page_kind_speaks_plain_english(pages: dict[str, str], documents: dict[str, object], name: str) -> None:
    document = documents[name]
    stored = [PAGES[type(document)].stored(document)]
    if isinstance(document, cp.AuditReport) and document.ladder_assessment is not None:
        stored.append(document.ladder_assessment)
    quoted = sorted(
        {*(s for item in stored for s in _strings(cp.to_dict(item))), *CATALOGUE_TEXTS}, key=len, reverse=True
    )
    assert _our_words(pages[name], quoted), "the page has words of its own"
    assert _findings(pages[name], quoted) == []


def test_the_index_speaks_plain_english(site: Site, documents: dict[str, object]) -> None:
    names = sorted({page.organisation.name for page in site.pages}, key=len, reverse=True)
    assert _findings(Path(site.index).read_text("utf-8"), names) == []


def test_a_durham_page_calls_its_sections_parts_not_quality_standards(pages: dict[str, str]) -> None:
    durham, worcestershire = pages["audit-report-durham"].casefold(), pages["audit-report"].casefold()
    assert "quality standard" not in durham
    assert "the score of each part" in durham
    assert "the score of each quality standard" in worcestershire
