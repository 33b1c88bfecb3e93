"""The iCalendar exporter: read back with vobject, an independent parser, every date is there."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import attrs
import pytest
import vobject
from coproduction_ics import IcsExporter
from hypothesis import HealthCheck, given, settings

import coproduction as cp
from coproduction.exporters import ExporterRegistry
from coproduction.testing import activities, assert_exporter_conforms, charters

ROOT = Path(__file__).resolve().parents[3]
ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
PLAN = ROOT / "tests" / "fixtures" / "schema-v1" / "action-plan.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"
AS_OF = dt.date(2026, 1, 5)


def context() -> cp.ExportContext:
    return cp.export_context(as_of=AS_OF)


def calendar() -> cp.Calendar:
    return cp.gather_calendar([cp.load(PLAN)], [cp.load(CHARTER)], [cp.load(ACTIVITY)], title="Oak Primary")


def written(document: object) -> bytes:
    out = io.BytesIO()
    IcsExporter().export(document, out, context=context())
    return out.getvalue()


def parsed(data: bytes) -> vobject.base.Component:
    return vobject.readOne(data.decode("utf-8"))


def test_keeps_the_plugin_contract() -> None:
    documents = [calendar(), cp.load(ACTIVITY), cp.load(PLAN), cp.load(CHARTER)]
    assert_exporter_conforms(IcsExporter(), documents, context=context())


def test_the_calendar_has_what_outlook_and_google_need() -> None:
    data = written(calendar())
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    ical = parsed(data)
    assert ical.version.value == "2.0"
    assert ical.prodid.value.startswith("-//coproduction//coproduction-ics ")
    assert ical.calscale.value == "GREGORIAN"
    events = ical.vevent_list
    assert len(events) == len(calendar().events)
    for event in events:
        assert type(event.dtstart.value) is dt.date and event.dtstart.params.get("VALUE") == ["DATE"]
        assert event.dtend.value == event.dtstart.value + dt.timedelta(days=1)
        assert event.dtstamp.value == dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
    assert b"\r\nDTSTART;VALUE=DATE:" in data


def test_every_date_and_uid_is_read_back() -> None:
    gathered = calendar()
    events = parsed(written(gathered)).vevent_list
    assert [(e.uid.value, e.dtstart.value, e.summary.value) for e in events] == [
        (e.uid, e.date, e.summary) for e in gathered.events
    ]
    dates = {e.dtstart.value for e in events}
    activity, plan, charter = cp.load(ACTIVITY), cp.load(PLAN), cp.load(CHARTER)
    assert {step.date for step in activity.steps} <= dates
    assert {a.due_date for a in plan.actions if a.due_date and a.status is not cp.ActionStatus.DROPPED} <= dates
    assert set(plan.review_dates) <= dates and charter.review_date in dates


def test_the_same_documents_give_the_same_file() -> None:
    assert written(calendar()) == written(calendar())
    uids = [e.uid.value for e in parsed(written(calendar())).vevent_list]
    assert len(uids) == len(set(uids))
    assert "activity/999901/homework-coffee-morning/do-and-review@coproduction.invalid" in uids


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activities())
def test_every_step_of_any_activity_is_in_the_file(activity: cp.Activity) -> None:
    ical = parsed(written(activity))
    events = getattr(ical, "vevent_list", [])
    assert sorted(e.dtstart.value for e in events) == sorted(step.date for step in activity.steps)
    assert {e.summary.value for e in events} == {
        f"{' '.join(activity.title.split())}: {step.step.text}" for step in activity.steps
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charters())
def test_any_charter_title_survives(charter: cp.Charter) -> None:
    ical = parsed(written(charter))
    assert ical.vevent.dtstart.value == charter.review_date
    assert ical.vevent.summary.value == "Review: " + " ".join(charter.title.split())


def test_a_control_character_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    activity = attrs.evolve(cp.load(ACTIVITY), title="Coffee\x07morning")
    registry = ExporterRegistry({"ics": IcsExporter})
    target = tmp_path / "calendar.ics"
    with pytest.raises(cp.ExportError) as raised:
        registry.export(activity, target, context=context())
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert raised.value.problems and "U+0007" in raised.value.problems[0].message


def test_a_document_without_dates_is_refused_before_writing() -> None:
    out = io.BytesIO()
    with pytest.raises(cp.UnsupportedDocumentError, match="ics exporter"):
        IcsExporter().export(cp.default_catalogue().ladders()[0], out, context=context())
    assert out.getvalue() == b""


def test_the_registry_chooses_it_by_suffix(tmp_path: Path) -> None:
    registry = ExporterRegistry({"ics": IcsExporter})
    path = registry.export(calendar(), tmp_path / "key-consultations.ics", context=context())
    assert parsed(path.read_bytes()).x_wr_calname.value == "Oak Primary"


def _strings(value: object) -> list[str]:
    """Every text a document holds (what its authors wrote)."""
    if isinstance(value, str):
        return [" ".join(value.split())]  # the calendar puts each text on one line
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def test_the_calendars_own_words_are_plain_english() -> None:
    """What the calendar adds around the documents' own words passes the check families' documents pass."""
    documents = [cp.load(PLAN), cp.load(CHARTER), cp.load(ACTIVITY)]
    quoted = sorted(
        {text for d in documents for text in _strings(cp.to_dict(d)) if len(text) > 3}, key=len, reverse=True
    )
    checker = cp.default_checker()
    ours = []
    for event in parsed(written(calendar())).vevent_list:
        for text in (event.summary.value, event.description.value):
            text = " ".join(text.split())
            for value in quoted:
                text = text.replace(value, " ")
            ours.append(text)
    assert any(len(text.split()) > 3 for text in ours), "the calendar has words of its own"
    assert [str(f) for text in ours for f in cp.check_plain_english(text, checker=checker)] == []
