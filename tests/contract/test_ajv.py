"""The schemas work in another language's validator: ajv, in strict mode."""

from __future__ import annotations

import json
from pathlib import Path

from ajv_runner import run
from helpers import ROOT, make_audit

import coproduction as cp
from coproduction.contract import schemas


def test_schemas_compile_strictly_and_documents_validate(
    ajv: Path, tmp_path: Path, catalogue: cp.Catalogue, worcestershire: cp.Framework
) -> None:
    audit = make_audit(
        worcestershire, {"shared-values-1": "embedded", "leadership-2": "emerging"}, completed_by="Ms Ade"
    )
    parents = make_audit(worcestershire, {"shared-values-1": "developing"}, perspective="parent-carers")
    later = make_audit(worcestershire, {"shared-values-1": "embedded"}, date=audit.date.replace(year=2026))
    comparison = cp.compare_perspectives([audit, parents], worcestershire)
    documents: dict[str, object] = {
        "framework": worcestershire,
        "framework#2": catalogue.framework("durham-audit-tool-for-participation"),
        "ladder": catalogue.ladder("tlap-ladder-of-coproduction"),
        "glossary": catalogue.glossary(),
        "approaches": catalogue.approach_collections()[0],
        "barriers": catalogue.barrier_collections()[0],
        "audit": audit,
        "score-report": cp.score(audit, worcestershire),
        "comparison": comparison,
        "progress": cp.track_progress([audit, later], worcestershire),
        "action-plan": cp.propose_plan(comparison, worcestershire).plan,
    }
    for path in sorted((ROOT / "examples").glob("**/*.json")):
        data = json.loads(path.read_text("utf-8"))
        if isinstance(data, dict) and data.get("kind") in ("audit", "ladder-assessment", "framework", "ladder"):
            documents[f"{data['kind']}#{path.name}"] = data
    lines = run(tmp_path, documents)
    summary = lines[-1]
    assert summary["schemas"] == len(list((ROOT / "schemas").glob("*.schema.json")))
    assert summary["failed"] is False, lines
    assert summary["files"] == len(documents)


def test_ajv_rejects_what_we_reject(ajv: Path, tmp_path: Path, worcestershire: cp.Framework) -> None:
    data = json.loads(cp.dumps(make_audit(worcestershire, {"shared-values-1": "embedded"})))
    data["date"] = "2025-02-30"
    data["responses"][0]["rating"] = "Embedded"
    data["surprise"] = True
    lines = run(tmp_path, {"audit": data})
    assert lines[0]["valid"] is False
    paths = {error["instancePath"] for error in lines[0]["errors"]}  # type: ignore[attr-defined]
    assert {"/date", "/responses/0/rating"} <= paths
    assert len(schemas.validate(data, "audit")) == 3
