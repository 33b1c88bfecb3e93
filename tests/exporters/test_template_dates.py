"""A blank audit's date is the date the command was given, not the machine's clock."""

from __future__ import annotations

import datetime as dt

import coproduction as cp


def test_a_blank_audit_takes_the_date_it_is_given(worcestershire: cp.Framework) -> None:
    template = cp.AuditTemplate(worcestershire, cp.Perspective.PARENT_CARERS)
    assert template.blank_audit(on=dt.date(2026, 3, 1)).date == dt.date(2026, 3, 1)
    dated = cp.AuditTemplate(worcestershire, cp.Perspective.PARENT_CARERS, date=dt.date(2025, 9, 1))
    assert dated.blank_audit(on=dt.date(2026, 3, 1)).date == dt.date(2025, 9, 1)
