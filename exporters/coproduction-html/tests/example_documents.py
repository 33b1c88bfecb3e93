"""Every page kind, built from the repository's examples (the co-production cycle of Oak Primary School)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import coproduction as cp

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 3, 1)
"""The day the cycle example publishes its documents."""


def cycle_module() -> ModuleType:
    """``examples/co_production_cycle.py``, imported (not run)."""
    name = "co_production_cycle_for_html"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / "co_production_cycle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def example_documents() -> dict[str, object]:
    """One document of every page kind (both frameworks and both viewpoints' reports), by a short name."""
    cycle = cycle_module()
    catalogue = cp.default_catalogue()
    framework = catalogue.framework(cycle.FRAMEWORK)
    school = cp.load(EXAMPLES / "audits" / "worcestershire-oak-primary-school-staff.json", cp.Audit)
    parents = cp.load(EXAMPLES / "audits" / "worcestershire-oak-primary-parent-carers.json", cp.Audit)
    comparison = cp.compare_perspectives([school, parents], framework)
    plan = cycle.co_produce(cp.propose_plan(comparison, framework, co_produced_with=[cycle.FORUM]).plan)
    updated = cycle.carry_out(plan)
    durham = cp.load(EXAMPLES / "audits" / "durham-riverside-academy-parent-carers.json", cp.Audit)
    durham_school = cp.load(EXAMPLES / "audits" / "durham-riverside-academy-school-staff.json", cp.Audit)
    durham_framework = catalogue.framework(durham.framework, durham.framework_version)
    assessment = cp.load(EXAMPLES / "ladder-assessments" / "oak-primary-parent-carers.json", cp.LadderAssessment)
    return {
        "you-said-we-did": cycle.feedback_log(plan),
        "charter": cycle.oak_charter(),
        "audit-report": cp.AuditReport(parents, framework, catalogue.ladder(assessment.ladder), assessment),
        "audit-report-durham": cp.AuditReport(durham, durham_framework),
        "audit-report-school": cp.AuditReport(school, framework),
        "comparison-durham": cp.compare_perspectives([durham_school, durham], durham_framework),
        "pooled-view-durham": pooled_view(durham, durham_framework),
        "comparison": comparison,
        "action-plan": cp.plan_status(updated, framework, on=AS_OF, source=comparison),
        "pooled-view": pooled_view(parents, framework),
    }


def pooled_view(audit: cp.Audit, framework: cp.Framework) -> cp.PooledView:
    """Seven parent carers' answers, varied from one audit; the first two statements rated by only three of them."""
    levels = [level.id for level in framework.scale.levels]
    few = {criterion.id for criterion in framework.criteria[:2]}
    respondents = [
        cp.Audit(
            framework=audit.framework,
            framework_version=audit.framework_version,
            organisation=audit.organisation,
            perspective=audit.perspective,
            date=audit.date + dt.timedelta(days=number),
            responses=[
                cp.Response(
                    criterion=criterion.id,
                    rating=None if criterion.id in few and number >= 3 else levels[(number + index) % len(levels)],
                    evidence="We get a newsletter every half term." if index == 2 and number % 2 else "",
                    next_steps="Ask us before the plan is written." if index == 3 and number == 1 else "",
                )
                for index, criterion in enumerate(framework.criteria)
            ],
        )
        for number in range(7)
    ]
    return cp.pool(respondents, framework)
