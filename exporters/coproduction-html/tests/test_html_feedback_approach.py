"""The web page of "you said, we did" names the approach used to hear each thing, when the entry names one."""

from __future__ import annotations

import datetime as dt
import io

from coproduction_html import HtmlExporter

import coproduction as c


def test_the_page_says_how_we_asked() -> None:
    entries = [
        c.FeedbackEntry(
            id=identifier,
            said="Meetings at 9am clash with the school run.",
            said_by=c.Contributor(c.Group.PARENT_CARERS),
            channel=c.Channel.MEETING,
            date=dt.date(2026, 1, 12),
            approach=approach,
        )
        for identifier, approach in (("coffee", "send-coffee-mornings"), ("plain", None))
    ]
    log = c.FeedbackLog(organisation=c.Organisation("Oak Primary School"), entries=entries)
    out = io.BytesIO()
    HtmlExporter().export(log, out, context=c.export_context(as_of=dt.date(2026, 2, 1)))
    page = out.getvalue().decode("utf-8")
    assert page.count("How we asked: SEND coffee mornings.") == 1
    assert page.count("How we asked") == 1
