"""An MIS integration: build, validate, score and store audits with coproduction.

This is what a developer connecting a school's management information system
(MIS) or a council's case system would do:

1. build an audit in code, against the Worcestershire Seven Quality Standards;
2. validate audits that arrive as JSON: one valid, one with mistakes, showing
   every problem with its JSON path and code;
3. score an audit;
4. store the score report as canonical JSON, written atomically;
5. show that ``loads(dumps(x)) == x`` for every document handled.

Run it from the repository root::

    python examples/mis_integration.py            # writes into a temporary folder
    python examples/mis_integration.py --out out  # or into a folder of your choice
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import coproduction as cp

HERE = Path(__file__).resolve().parent
FRAMEWORK_ID = "worcestershire-seven-quality-standards"


def build_audit(framework: cp.Framework) -> cp.Audit:
    """Step 1: an audit made in code, as an MIS would from its own records."""
    return cp.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=cp.Organisation("Oak Primary School", identifier="999901"),
        perspective=cp.Perspective.JOINT,
        date=dt.date(2025, 6, 20),
        completed_by="SENCo and parent carer group, together",
        responses=[
            cp.Response(
                "shared-values-1",
                rating="developing",
                evidence="The vision statement now mentions families of children with SEND.",
                next_steps="Add co-production to the development plan aims.",
            ),
            cp.Response("shared-values-6", rating="emerging", evidence="The first charter workshop has been held."),
            cp.Response("staff-4", rating="embedded", evidence="The SENCo is our parent carer champion."),
            # A criterion with notes but no rating yet counts as unanswered.
            cp.Response("systems-1", evidence="The finance committee meets next month to agree a budget."),
        ],
    )


# Step 2: JSON as it might arrive from another system, with five mistakes in it.
INCOMING_WITH_MISTAKES = {
    "kind": "audit",
    "schema_version": 1,
    "framework": FRAMEWORK_ID,
    "framework_version": "1",
    "organisation": {"name": "Elm Tree Primary School", "identifier": "999903"},
    "perspective": "parents",  # not a perspective: should be "parent-carers"
    "date": "14/03/2025",  # not an ISO date: should be 2025-03-14
    "responses": [
        {"criterion": "shared-values-1", "rating": "good"},  # not a level of the scale
        {"criterion": "shared-values-9", "rating": "embedded"},  # no such criterion
        {"criterion": "staff-1", "rating": "developing", "comment": "Added by hand"},  # no such field
    ],
}


def validate_incoming(catalogue: cp.Catalogue) -> cp.Audit:
    """Step 2: validate two incoming JSON audits; return the valid one."""
    good_file = HERE / "audits" / "worcestershire-oak-primary-parent-carers.json"
    print(f"Validating {good_file.relative_to(HERE.parent)} ...")
    good: cp.Audit = cp.loads(good_file.read_bytes(), cp.Audit, catalogue=catalogue, source=good_file.name)
    print(f"  valid: {good.organisation.name}, {len(good.responses)} responses\n")

    print("Validating an incoming audit with mistakes ...")
    try:
        cp.loads(json.dumps(INCOMING_WITH_MISTAKES), cp.Audit, catalogue=catalogue, source="incoming.json")
    except cp.InvalidDocumentError as error:
        print(f"  refused ({error.code}): {error.message}")
        for problem in error.problems:
            print(f"  - at {problem.path or '(whole document)'} [{problem.code}]: {problem.message}")
    else:  # pragma: no cover - the document above is wrong on purpose
        raise SystemExit("the audit with mistakes was accepted; that is a bug")
    print()
    return good


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write into (default: a temporary folder)")
    args = parser.parse_args(argv)

    catalogue = cp.default_catalogue()
    framework = catalogue.framework(FRAMEWORK_ID)

    built = build_audit(framework)
    problems = cp.check_audit(built, framework)
    print(
        f"Built an audit of {built.organisation.name} in code: {len(built.responses)} responses, "
        f"{len(problems)} problems.\n"
    )

    incoming = validate_incoming(catalogue)

    # Step 3: score.
    report = cp.score(incoming, framework)
    names = {level.id: level.name for level in framework.scale.levels}
    overall = report.overall
    print(f"Scored {incoming.organisation.name} ({incoming.perspective.label}):")
    print(
        f"  overall {overall.value:.0%}, band {names[overall.band or '']}, "
        f"coverage {overall.coverage:.0%} ({overall.unanswered} unanswered)"
    )
    for section in report.sections:
        value = "-" if section.score.value is None else f"{section.score.value:.0%}"
        print(f"  {section.title:<22} {value:>4}  {section.score.level_counts}")
    print()

    # Step 4: store the score report atomically, where the MIS keeps its files.
    with tempfile.TemporaryDirectory(prefix="coproduction-mis-") as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        written = cp.dump(report, out / "oak-primary-parent-carers.score-report.json")
        print(f"Stored the score report at {written} ({written.stat().st_size} bytes).")
        stored = cp.load(written, cp.ScoreReport)
        assert stored == report
        print("  read it back: the same score report.\n")

    # Step 5: the round trip holds for every document we handled.
    handled = {"audit built in code": built, "incoming audit": incoming, "score report": report, "framework": framework}
    for label, document in handled.items():
        assert cp.loads(cp.dumps(document)) == document
        print(f"Round trip loads(dumps(x)) == x holds for the {label}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
