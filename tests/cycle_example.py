"""The hand-worked example of the co-production cycle, shared by the tests of comparisons and plans.

A framework of six criteria in two sections, rated Not started / In progress /
Embedded (steps 0, 1, 2), with "not applicable" allowed. Oak Primary School's
staff and parent carers each audit it; the staff audit again a year later
against version 2, which drops v3 and adds v4.

Steps, school staff / parent carers: v1 2/2, v2 1/1, v3 2/1, s1 1/0, s2 0/1,
s3 unanswered / not applicable.
"""

from __future__ import annotations

import datetime as dt

import attrs
from helpers import make_audit

import coproduction as cp

SCALE = cp.RatingScale(
    id="stages",
    name="Stages",
    levels=[
        cp.Level(id="not-started", name="Not started", value=0),
        cp.Level(id="in-progress", name="In progress", value=1),
        cp.Level(id="embedded", name="Embedded", value=2),
    ],
)


def example_framework(version: str = "1", values: tuple[str, ...] = ("v1", "v2", "v3")) -> cp.Framework:
    """Six criteria in two sections (version 2 drops v3 and adds v4)."""
    return cp.Framework(
        id="example-standards",
        version=version,
        title="Example standards",
        scale=SCALE,
        sections=[
            cp.Section(id="values", title="Shared values", criteria=[cp.Criterion(id=c, text=c) for c in values]),
            cp.Section(
                id="structures", title="Structures", criteria=[cp.Criterion(id=c, text=c) for c in ("s1", "s2", "s3")]
            ),
        ],
        allows_not_applicable=True,
    )


FRAMEWORK = example_framework()
OAK = cp.Organisation("Oak Primary School", "999901")


def school_audit() -> cp.Audit:
    audit = make_audit(
        FRAMEWORK,
        {"v1": "embedded", "v2": "in-progress", "v3": "embedded", "s1": "in-progress", "s2": "not-started"},
        organisation=OAK,
    )
    responses = [
        attrs.evolve(r, required_actions="Set up a parent carer forum.", next_steps="Ask the PTA to help.")
        if r.criterion == "s1"
        else r
        for r in audit.responses
    ]
    return attrs.evolve(audit, responses=responses)


def parent_audit() -> cp.Audit:
    audit = make_audit(
        FRAMEWORK,
        {
            "v1": "embedded",
            "v2": "in-progress",
            "v3": "in-progress",
            "s1": "not-started",
            "s2": "in-progress",
            "s3": "n/a",
        },
        organisation=cp.Organisation("Oak  primary school"),
        perspective=cp.Perspective.PARENT_CARERS,
        date=dt.date(2025, 3, 20),
    )
    responses = [
        attrs.evolve(r, required_actions="Meet in the evenings as well.") if r.criterion == "s1" else r
        for r in audit.responses
    ]
    return attrs.evolve(audit, responses=responses)


VERSION_2 = example_framework("2", ("v1", "v2", "v4"))


def next_year() -> cp.Audit:
    return make_audit(
        VERSION_2,
        {
            "v1": "embedded",
            "v2": "embedded",
            "v4": "not-started",
            "s1": "not-started",
            "s2": "n/a",
            "s3": "in-progress",
        },
        organisation=OAK,
        date=dt.date(2026, 3, 12),
    )
