"""Documents that several test modules build: a charter, its commitments, and an audit with five mistakes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from helpers import make_audit

import coproduction as cp

DURHAM_LADDER = "durham-degrees-of-participation"
WORCESTERSHIRE = "worcestershire-seven-quality-standards"


def commitment(**changes: Any) -> cp.Commitment:
    fields: dict[str, Any] = {
        "id": "reply-quickly",
        "what": "We reply to every message from a parent carer.",
        "aims_at": cp.RungTarget(DURHAM_LADDER, "engagement"),
        "measure": "We check how long replies take, each term.",
        "serves": cp.CriteriaRef(WORCESTERSHIRE, ["systems-2", "strategies-1"]),
    }
    fields.update(changes)
    return cp.Commitment(**fields)


def charter(**changes: Any) -> cp.Charter:
    fields: dict[str, Any] = {
        "organisation": cp.Organisation("Oak Primary School", "999901"),
        "title": "Our parent carer charter",
        "introduction": "We wrote this charter with parent carers.",
        "values": [cp.CharterValue("Honesty", "We say what we can and cannot do, and why.")],
        "commitments": [
            commitment(),
            commitment(id="plan-together", aims_at=cp.RungTarget(DURHAM_LADDER, "co-production"), serves=None),
        ],
        "expectations": [
            cp.Expectation("We reply to your email", "within 10 school days", cp.TimeFrame(10, "school-days")),
            cp.Expectation("We hold a coffee morning", "every term"),
        ],
        "co_produced_with": [
            cp.Contributor("parent-carer-forum", "Oak parent carer group"),
            cp.Contributor("school-staff", "the special needs lead"),
        ],
        "co_produced_on": dt.date(2025, 5, 1),
        "review_date": dt.date(2026, 5, 1),
        "signed_off": [cp.SignOff("Head teacher", dt.date(2025, 5, 2), "Ms Ade")],
    }
    fields.update(changes)
    return cp.Charter(**fields)


def five_mistakes(worcestershire: cp.Framework) -> str:
    audit = make_audit(worcestershire, {c.id: "developing" for c in worcestershire.criteria[:13]})
    data = json.loads(cp.dumps(audit))
    data["date"] = "2025-13-01"
    del data["organisation"]["name"]
    data["responses"][1]["criterion"] = "shared-values-99"
    data["responses"][4]["rating"] = "Embeded"
    data["responses"][12]["criterion"] = data["responses"][3]["criterion"]
    return json.dumps(data)
