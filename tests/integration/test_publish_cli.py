"""``coproduction publish``: a folder of many schools' documents becomes a site; one unreadable file stops it."""

from __future__ import annotations

import hashlib
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

import coproduction as cp
from coproduction import schemas
from coproduction.cli import main
from coproduction.exporters import SitePublisher, default_registry

pytest.importorskip("coproduction_html", reason="the html exporter is installed by scripts/test")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith("#"):
            self.links.append(href)
        if tag == "h2":
            self.headings.append(dict(attrs).get("id") or "")


def _parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of the repository's examples folder (audits, the cycle's re-audits, a ladder assessment)."""
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_examples_become_a_site_whose_index_links_every_page_and_whose_feed_follows_its_schema(
    examples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _tree(examples)
    site = tmp_path / "site"
    code = main(["publish", str(examples), "-o", str(site), "--on", "2026-03-01"])
    captured = capsys.readouterr()
    out = captured.out
    assert code == 0
    pages = sorted(path.name for path in site.glob("*.html") if path.name != "index.html")
    audits = sorted(path for path in examples.rglob("*.json") if path.parent.name not in {"activities", "checklists"})
    assert len(pages) == len(audits) - 1 == 6  # one audit report per audit; the ladder assessment joins its audit
    # the example activity and school details have no page: each is named and left out, and the rest is published
    assert "not published: a document of kind 'activity' has no web page" in captured.err
    assert "not published: a document of kind 'school-local-details' has no web page" in captured.err
    assert f"published {site}: 6 pages from 9 files" in out
    assert sorted(set(_parsed(site / "index.html").links)) == pages
    feed = json.loads((site / "feed.json").read_text("utf-8"))
    schema = json.loads((ROOT / "schemas" / "site-feed.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, registry=schemas.registry(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(feed)) == []
    assert sorted(entry["path"] for entry in feed["pages"]) == pages and feed["as_of"] == "2026-03-01"
    assessed = site / "999901-audit-report-parent-carers-2025-03-14.html"
    assert "ladder" in _parsed(assessed).headings
    assert not any("ladder" in _parsed(site / page).headings for page in pages if site / page != assessed)
    # nothing outside the output folder is written: the inputs are as they were, and the site is all that is new
    assert _tree(examples) == inputs
    assert sorted(path.name for path in tmp_path.iterdir()) == ["examples", "site"]


def test_an_unreadable_file_stops_the_site_and_every_problem_is_named(
    examples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = examples / "audits" / "broken.json"
    broken.write_text('{"kind": "audit", ', "utf-8")
    stranger = examples / "framework.json"
    stranger.write_text(cp.dumps(cp.default_catalogue().framework("worcestershire-seven-quality-standards")), "utf-8")
    site = tmp_path / "site"
    code = main(["publish", str(examples), "-o", str(site)])
    err = capsys.readouterr().err
    assert code == 1
    assert str(broken) in err and str(stranger) in err and "has no web page" in err
    assert "1 of 11 files could not be published" in err and "nothing was published" in err
    assert not site.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["examples"]


def test_a_ladder_assessment_without_its_audit_is_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment = EXAMPLES / "ladder-assessments" / "oak-primary-parent-carers.json"
    site = tmp_path / "site"
    code = main(["publish", str(assessment), str(EXAMPLES / "audits"), "-o", str(site)])
    assert code == 0 and len(list(site.glob("*.html"))) == 5
    code = main(
        [
            "publish",
            str(assessment),
            str(EXAMPLES / "cycle" / "worcestershire-oak-primary-school-staff-2026.json"),
            "-o",
            str(tmp_path / "other"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and str(assessment) in err and "no audit of Oak Primary School by parent carers" in err
    assert not (tmp_path / "other").exists()


def test_an_earlier_site_is_replaced_and_the_site_folder_itself_is_never_read(
    examples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = examples / "site"  # inside the folder published: its feed.json is not a document
    assert main(["publish", str(examples), "-o", str(site)]) == 0
    assert main(["publish", str(examples), "-o", str(site)]) == 0
    assert "6 pages from 9 files" in capsys.readouterr().out.splitlines()[-1]


def test_a_folder_with_no_documents_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", str(tmp_path), "-o", str(tmp_path / "site")]) == 2
    assert "no JSON documents found" in capsys.readouterr().err


def test_only_an_exporter_that_can_publish_is_asked_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert isinstance(default_registry().publisher("html"), SitePublisher)
    code = main(["publish", str(EXAMPLES / "audits"), "-o", str(tmp_path / "site"), "--format", "json"])
    assert code == 1
    assert "the json exporter cannot publish a site; those that can: html" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
