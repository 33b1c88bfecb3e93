"""A council's static site: one page per document, an index by school and by theme, and a JSON feed.

File names come from identifiers only: the organisation's identifier (or a
slug of its name), the page kind, the viewpoint and the date. The whole site
is written into a new folder beside the target and renamed into place, so a
failure leaves the target as it was and never half a site.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coproduction import CoproductionError, ExportContext, ExportError, Organisation, Problem
from coproduction_html._kinds import THEMES, build_page
from coproduction_html._page import Page, Part
from coproduction_html._render import render
from coproduction_html._wording import long_date

__all__ = ["FEED_SCHEMA", "PublishedPage", "Site", "publish_site", "slug"]

FEED_SCHEMA = "https://coproduction.dev/schemas/v1/site-feed.schema.json"
"""The ``$id`` of the schema the feed follows (``schemas/site-feed.schema.json``)."""

_SLUG_LENGTH = 60


def slug(text: str, fallback: str = "organisation") -> str:
    """A file-name-safe slug: lower-case ASCII letters and digits joined by single hyphens, at most 60 long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    joined = "-".join(words)[:_SLUG_LENGTH].strip("-")
    return joined or fallback


def organisation_key(organisation: Organisation) -> str:
    """The slug a site files an organisation's pages under: its identifier when it has one, else its name."""
    if organisation.identifier and organisation.identifier.strip():
        return slug(organisation.identifier)
    return slug(organisation.name)


@dataclass(frozen=True)
class PublishedPage:
    """One page of a published site, as its feed describes it.

    Attributes:
        path: The page's file name, relative to the site's folder.
        kind: The page kind (``you-said-we-did``, ``charter``, ``audit-report``, ``comparison``, ``action-plan``).
        theme: What the index calls pages of that kind.
        title: The page's title.
        summary: One sentence saying what it holds.
        organisation: Whose page it is.
        organisation_key: The slug its pages are filed under.
        date: The date it is about.
        viewpoint: Whose viewpoint it shows, a slug, or empty when it shows several or none.
    """

    path: str
    kind: str
    theme: str
    title: str
    summary: str
    organisation: Organisation
    organisation_key: str
    date: dt.date
    viewpoint: str

    @property
    def date_text(self) -> str:
        """The date as people write it."""
        return long_date(self.date)

    def feed_entry(self) -> dict[str, object]:
        """The page as an entry of the JSON feed."""
        organisation = {"key": self.organisation_key, "name": self.organisation.name}
        if self.organisation.identifier:
            organisation["identifier"] = self.organisation.identifier
        entry: dict[str, object] = {
            "path": self.path,
            "kind": self.kind,
            "theme": self.theme,
            "title": self.title,
            "summary": self.summary,
            "organisation": organisation,
            "date": self.date.isoformat(),
        }
        if self.viewpoint:
            entry["viewpoint"] = self.viewpoint
        return entry


@dataclass(frozen=True)
class Site:
    """What :func:`publish_site` wrote.

    Attributes:
        folder: The site's folder.
        pages: Every document page, in the order the feed lists them.
        feed: The path of the JSON feed.
        index: The path of the index page.
    """

    folder: Path
    pages: tuple[PublishedPage, ...]
    feed: Path
    index: Path


def _file_name(page: Page, key: str, taken: set[str]) -> str:
    stem = "-".join(part for part in (key, page.kind, page.variant, page.date.isoformat()) if part)
    name, number = f"{stem}.html", 2
    while name in taken or name in ("index.html", "feed.json"):
        name, number = f"{stem}-{number}.html", number + 1
    taken.add(name)
    return name


def _index_page(title: str, pages: list[PublishedPage], as_of: dt.date) -> Page:
    schools: dict[str, list[PublishedPage]] = {}
    for page in sorted(pages, key=lambda p: (p.organisation.name.casefold(), p.organisation_key, p.kind, p.date)):
        schools.setdefault(page.organisation_key, []).append(page)
    themes = [
        {"heading": theme, "pages": [p for p in pages if p.kind == kind]}
        for kind, theme in THEMES
        if any(p.kind == kind for p in pages)
    ]
    count = len(schools)
    return Page(
        kind="index",
        title=title,
        organisation=Organisation(title),
        date=as_of,
        summary="",
        template="index.html.j2",
        parts=[
            Part(
                "by-school",
                "By school",
                {
                    "schools": [
                        {"name": ps[0].organisation.name, "id": f"school-{n}", "pages": ps}
                        for n, ps in enumerate(schools.values(), start=1)
                    ]
                },
            ),
            Part("by-theme", "By theme", {"themes": themes}),
        ],
        introduction=[
            f"{count} {'school publishes' if count == 1 else 'schools publish'} {len(pages)} "
            f"{'page' if len(pages) == 1 else 'pages'} here about how they work with parent carers. "
            "These are parents and carers of children with special educational needs and disabilities.",
            "You can read what families told each school and what it did, its charter, its checklist results "
            "and its plans.",
            "Find a school by name, or look at one kind of page for every school.",
        ],
    )


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    with open(path, "x", encoding="utf-8", newline="\n") as file:
        file.write(text)
    return path


def publish_site(
    documents: Iterable[object],
    out_dir: str | os.PathLike[str],
    *,
    context: ExportContext,
    title: str = "Working with parent carers: what our schools publish",
) -> Site:
    """Publish many schools' documents as a static site, written atomically.

    Every document is checked and drawn in memory first; the site is then
    written into a new folder beside ``out_dir`` and renamed into place
    (replacing an earlier site there), so a failure leaves ``out_dir`` as it was.

    Args:
        documents: Any documents :class:`~coproduction_html.HtmlExporter`
            supports (feedback logs, charters, audit reports, comparisons,
            action plans, pooled views), of any schools.
        out_dir: The site's folder; made if missing, replaced if it holds an earlier site.
        context: The catalogue (frameworks and ladders for the pages) and
            the date plans and logs report on.
        title: The index page's title.

    Returns:
        The site: its folder, its pages (as the feed lists them), the feed and the index.

    Raises:
        ExportError: If ``out_dir`` is a file, or holds something that is not
            a site this function published (it is never overwritten); or if
            some document's text cannot be shown (every place is listed).
        UnsupportedDocumentError: If a document is of a kind no page shows.
        InvalidDocumentError: If a document names something the catalogue lacks.
    """
    target = Path(out_dir).absolute()
    _check_target(target)
    taken: set[str] = set()
    built: list[tuple[PublishedPage, str]] = []
    problems: list[Problem] = []
    for number, document in enumerate(documents):
        try:
            page = build_page(document, context)
        except CoproductionError as error:
            where = f"documents[{number}]"
            problems.extend(
                [Problem(f"{where}.{p.path}", p.code, p.message) for p in error.problems]
                or [Problem(where, error.code, str(error))]
            )
            continue
        key = organisation_key(page.organisation)
        name = _file_name(page, key, taken)
        theme = dict(THEMES)[page.kind]
        published = PublishedPage(
            name, page.kind, theme, page.title, page.summary, page.organisation, key, page.date, page.variant
        )
        built.append((published, render(page, made_on=context.as_of, home="index.html")))
    if problems:
        raise ExportError(
            f"{len(problems)} {'problem' if len(problems) == 1 else 'problems'} in the documents, "
            "so no site was written",
            problems,
        )
    pages = [published for published, _ in built]
    index = _index_page(title, pages, context.as_of)
    feed = {
        "$schema": FEED_SCHEMA,
        "kind": "site-feed",
        "schema_version": 1,
        "title": title,
        "as_of": context.as_of.isoformat(),
        "index": "index.html",
        "pages": [page.feed_entry() for page in pages],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for published, html in built:
            _write(staging, published.path, html)
        _write(staging, "index.html", render(index, made_on=context.as_of, as_of=long_date(context.as_of)))
        _write(staging, "feed.json", json.dumps(feed, indent=2, ensure_ascii=False) + "\n")
        staging.chmod(0o755)
        _replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Site(folder=target, pages=tuple(pages), feed=target / "feed.json", index=target / "index.html")


def _is_site(folder: Path) -> bool:
    feed = folder / "feed.json"
    try:
        return bool(json.loads(feed.read_text("utf-8")).get("kind") == "site-feed")
    except (OSError, ValueError, AttributeError):
        return False


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} is a file, not a folder; choose a folder for the site")
    if target.is_dir() and any(target.iterdir()) and not _is_site(target):
        raise ExportError(
            f"{target} already holds files that are not a published site; choose an empty or new folder "
            "(nothing was written)"
        )


def _replace(staging: Path, target: Path) -> None:
    """Move the new site into place; an earlier site is moved aside first and removed only once the new one is in."""
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
