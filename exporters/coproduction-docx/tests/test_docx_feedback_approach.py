"""The Word "you said, we did" names the approach used to hear each thing, when the entry names one."""

from __future__ import annotations

import datetime as dt
import io

import docx
from coproduction_docx import DocxExporter

import coproduction as c


def _log(*approaches: str | None) -> c.FeedbackLog:
    entries = [
        c.FeedbackEntry(
            id=f"entry-{number}",
            said="Meetings at 9am clash with the school run.",
            said_by=c.Contributor(c.Group.PARENT_CARERS),
            channel=c.Channel.MEETING,
            date=dt.date(2026, 1, 12),
            approach=approach,
        )
        for number, approach in enumerate(approaches, start=1)
    ]
    return c.FeedbackLog(organisation=c.Organisation("Oak Primary School"), entries=entries)


def _cells(log: c.FeedbackLog) -> list[str]:
    out = io.BytesIO()
    DocxExporter().export(log, out, context=c.export_context(as_of=dt.date(2026, 2, 1)))
    document = docx.Document(io.BytesIO(out.getvalue()))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_the_approach_used_is_named_under_what_was_said() -> None:
    cells = _cells(_log("send-coffee-mornings", None))
    said = [cell for cell in cells if cell.startswith("Meetings at 9am")]
    assert said[0].endswith("How we asked: SEND coffee mornings.")
    assert "How we asked" not in said[1]


def test_an_approach_the_catalogue_lacks_is_shown_by_its_id() -> None:
    log = _log("street-stall")
    out = io.BytesIO()
    catalogue = c.Catalogue(glossaries=[c.default_catalogue().glossary()])
    DocxExporter().export(log, out, context=c.export_context(catalogue=catalogue, as_of=dt.date(2026, 2, 1)))
    text = "\n".join(
        cell.text for t in docx.Document(io.BytesIO(out.getvalue())).tables for r in t.rows for cell in r.cells
    )
    assert "How we asked: street-stall." in text
