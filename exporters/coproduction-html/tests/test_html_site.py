"""The council's site: index by school and by theme, a feed that follows its schema, safe names, atomic writes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from coproduction_html import Site, publish_site
from coproduction_html._site import slug
from example_documents import AS_OF, ROOT
from hypothesis import given
from hypothesis import strategies as st
from page_structure import parse
from test_html_pages import HOSTILE, hostile_charter, hostile_log

import coproduction as cp
from coproduction import schemas

CONTEXT = cp.export_context(as_of=AS_OF)
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.html$")


def feed_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / "site-feed.schema.json").read_text("utf-8"))
    cls = jsonschema.Draft202012Validator
    return cls(schema, registry=schemas.registry(), format_checker=cls.FORMAT_CHECKER)


def test_the_feed_lists_every_page_and_follows_its_published_schema(site: Site) -> None:
    feed = json.loads(site.feed.read_text("utf-8"))
    assert list(feed_validator().iter_errors(feed)) == []
    assert feed["as_of"] == AS_OF.isoformat() and feed["index"] == "index.html"
    assert [entry["path"] for entry in feed["pages"]] == [page.path for page in site.pages]
    assert {p.name for p in site.folder.iterdir()} == {"index.html", "feed.json"} | {p.path for p in site.pages}
    assert {entry["kind"] for entry in feed["pages"]} == {
        "you-said-we-did",
        "charter",
        "audit-report",
        "comparison",
        "action-plan",
        "pooled-view",
    }


def test_the_index_links_every_page_by_school_and_by_theme(site: Site) -> None:
    index = parse(site.index.read_text("utf-8"))
    links = [a.attrs["href"] for a in index.all("a") if not a.attrs["href"].startswith("#")]
    assert sorted(links) == sorted([page.path for page in site.pages] * 2)
    assert {"Oak Primary School", "Riverside Academy"} <= {h.text for h in index.all("h3")}
    assert len(index.all("h1")) == 1


def test_every_page_of_the_site_links_home_and_refers_to_nothing_outside_it(site: Site) -> None:
    files = {p.name for p in site.folder.iterdir()}
    for path in site.folder.glob("*.html"):
        page = parse(path.read_text("utf-8"))
        ids = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
        references = [
            (e.tag, name, value)
            for e in page.elements
            for name, value in e.attrs.items()
            if name in ("href", "src", "srcset", "action", "xlink:href", "poster", "data", "formaction")
        ]
        assert references, path.name
        for tag, _name, value in references:
            parts = urlsplit(value)
            assert not parts.scheme and not parts.netloc and ".." not in parts.path, (path.name, tag, value)
            if parts.path:
                assert parts.path in files, (path.name, value)
            else:
                assert parts.fragment in ids, (path.name, value)
        fills = re.findall(r"url\(([^)]*)\)", path.read_text("utf-8"))
        assert all(fill.startswith("#") and fill[1:] in ids for fill in fills), path.name
        if path.name != "index.html":
            assert "index.html" in [value for _, _, value in references]


def test_file_names_come_from_identifiers_and_dates(site: Site) -> None:
    for page in site.pages:
        assert NAME.match(page.path), page.path
        assert page.path.startswith(page.organisation_key + "-" + page.kind)
        assert page.path.endswith(page.date.isoformat() + ".html")


def test_hostile_text_is_escaped_in_the_site_and_never_reaches_a_file_name(tmp_path: Path) -> None:
    site = publish_site([hostile_log(), hostile_charter()], tmp_path / "site", context=CONTEXT)
    assert all(NAME.match(p.name) for p in site.folder.glob("*.html"))
    assert [p.path for p in site.pages] == [
        "b-9-b-you-said-we-did-2026-03-01.html",
        "script-alert-x-script-charter-2025-11-20.html",
    ]
    index = parse(site.index.read_text("utf-8"))
    assert not index.all("script") and not index.all("b")
    assert " ".join(HOSTILE[3].split()) in index.text
    feed = json.loads(site.feed.read_text("utf-8"))
    assert list(feed_validator().iter_errors(feed)) == []
    assert feed["pages"][0]["organisation"] == {"key": "b-9-b", "name": HOSTILE[3], "identifier": "<b>9</b>"}


def test_two_pages_that_would_share_a_name_get_two_names(tmp_path: Path, documents: dict[str, object]) -> None:
    report = documents["audit-report"]
    site = publish_site([report, report], tmp_path / "site", context=CONTEXT)
    first, second = (page.path for page in site.pages)
    assert second == first.removesuffix(".html") + "-2.html"


def test_a_bad_document_writes_no_site_and_lists_every_problem(tmp_path: Path, documents: dict[str, object]) -> None:
    framework = cp.default_catalogue().framework("worcestershire-seven-quality-standards")
    target = tmp_path / "site"
    with pytest.raises(cp.ExportError) as caught:
        publish_site(
            [documents["charter"], cp.AuditTemplate(framework, "school-staff"), framework],
            target,
            context=CONTEXT,
        )
    assert [p.path for p in caught.value.problems] == ["documents[1]", "documents[2]"]
    assert list(tmp_path.iterdir()) == []


def test_a_new_site_replaces_an_earlier_one_whole(tmp_path: Path, documents: dict[str, object]) -> None:
    target = tmp_path / "site"
    publish_site(list(documents.values()), target, context=CONTEXT)
    again = publish_site([documents["charter"]], target, context=CONTEXT)
    assert {p.name for p in target.iterdir()} == {"index.html", "feed.json", again.pages[0].path}
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_holding_something_else_is_never_overwritten(tmp_path: Path, documents: dict[str, object]) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(cp.ExportError, match="not a published site"):
        publish_site([documents["charter"]], target, context=CONTEXT)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@given(st.text(max_size=200))
def test_a_slug_is_always_a_safe_file_name_part(text: str) -> None:
    made = slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", made) and len(made) <= 60
