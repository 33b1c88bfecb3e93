"""The Excel "you said, we did" log names the approach used to hear each thing, when the entry names one."""

from __future__ import annotations

import datetime as dt
import io

from coproduction_xlsx import XlsxExporter
from openpyxl import load_workbook

import coproduction as c


def _entry(identifier: str, approach: str | None) -> c.FeedbackEntry:
    return c.FeedbackEntry(
        id=identifier,
        said="Meetings at 9am clash with the school run.",
        said_by=c.Contributor(c.Group.PARENT_CARERS),
        channel=c.Channel.MEETING,
        date=dt.date(2026, 1, 12),
        approach=approach,
    )


def test_how_it_was_said_names_the_approach() -> None:
    log = c.FeedbackLog(
        organisation=c.Organisation("Oak Primary School"),
        entries=[_entry("coffee", "send-coffee-mornings"), _entry("plain", None), _entry("own", "street-stall")],
    )
    out = io.BytesIO()
    XlsxExporter().export(log, out, context=c.export_context(as_of=dt.date(2026, 2, 1)))
    ws = load_workbook(io.BytesIO(out.getvalue()))["Log"]
    assert ws.cell(3, 5).value == "How it was said"
    assert [ws.cell(row, 5).value for row in (4, 5, 6)] == [
        "Meeting (Special Educational Needs and/or Disability (SEND) coffee mornings)",  # spelt out at first use
        "Meeting",
        "Meeting (street-stall)",
    ]
