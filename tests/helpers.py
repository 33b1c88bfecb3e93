"""Helpers shared by the core's tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import coproduction as cp

ROOT = Path(__file__).resolve().parents[1]
WORCESTERSHIRE = "worcestershire-seven-quality-standards"
DURHAM = "durham-audit-tool-for-participation"


def make_audit(framework: cp.Framework, ratings: dict[str, str | None], **kwargs: object) -> cp.Audit:
    """An audit whose responses are given as criterion -> level id, None (unanswered) or 'n/a'."""
    responses = [
        cp.Response(criterion=c, not_applicable=True) if r == "n/a" else cp.Response(criterion=c, rating=r)
        for c, r in ratings.items()
    ]
    fields: dict[str, object] = {
        "framework": framework.id,
        "framework_version": framework.version,
        "organisation": cp.Organisation("Oak Primary School"),
        "perspective": cp.Perspective.SCHOOL_STAFF,
        "date": dt.date(2025, 3, 14),
        "responses": responses,
    }
    fields.update(kwargs)
    return cp.Audit(**fields)  # type: ignore[arg-type]
