"""The pooled page says why a statement's answers are not shown in the core's own words, not words of its own."""

from __future__ import annotations

import html
import io

from coproduction_html import HtmlExporter

import coproduction as cp


def test_a_withheld_statement_shows_the_note_the_pooled_view_carries(
    pages: dict[str, str], documents: dict[str, object]
) -> None:
    view = documents["pooled-view"]
    assert isinstance(view, cp.PooledView)
    withheld = [entry for entry in view.criteria if entry.withheld]
    assert len(withheld) == 2 and all(entry.note for entry in withheld)
    page = html.unescape(pages["pooled-view"])
    for entry in withheld:
        assert entry.note == cp.withheld_note(view.minimum_group)
        assert entry.note in page
    assert "answered this." not in page  # the page's former wording of its own


def test_a_withheld_statement_stored_without_a_note_gets_the_core_note(documents: dict[str, object]) -> None:
    view = documents["pooled-view"]
    assert isinstance(view, cp.PooledView)
    data = cp.to_dict(view)
    for entry in data["criteria"]:
        if entry["withheld"]:
            entry["note"] = None
    bare = cp.from_dict(data, cp.PooledView)
    out = io.BytesIO()
    HtmlExporter().export(bare, out, cp.export_context())
    assert html.unescape(out.getvalue().decode("utf-8")).count(cp.withheld_note(view.minimum_group)) == 2
