"""A council's own framework: load it from a JSON file and score an audit against it.

A council can describe its own quality standards as a JSON document that
follows ``framework.schema.json``. This example writes a small one to a file
(as a council would keep it), adds it to the catalogue with
``Catalogue.including_file``, checks an audit against it and scores the audit.

Run it from the repository root::

    python examples/council_own_framework.py
    python examples/council_own_framework.py --out out   # keep the files it writes
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import coproduction as cp

# The council's framework, as plain JSON data. Identifiers are lowercase words
# joined by hyphens; documents refer to them, never to the display text.
COUNCIL_FRAMEWORK = {
    "kind": "framework",
    "schema_version": 1,
    "id": "northshire-parent-carer-standards",
    "version": "2025.1",
    "title": "Northshire Parent Carer Standards",
    "description": "Three short standards Northshire Council asks every school to audit once a year.",
    "source": {"publisher": "Northshire Council", "title": "Working together with parent carers", "year": 2025},
    "allows_not_applicable": True,
    "fields": ["evidence", "next_steps"],
    "scale": {
        "id": "four-step",
        "name": "Not yet, Starting, Growing, Strong",
        "levels": [
            {"id": "not-yet", "name": "Not yet", "value": 0, "description": "We do not do this yet."},
            {"id": "starting", "name": "Starting", "value": 1, "description": "We have made a start."},
            {"id": "growing", "name": "Growing", "value": 2, "description": "We do this in some places."},
            {"id": "strong", "name": "Strong", "value": 3, "description": "We do this everywhere, every time."},
        ],
    },
    "sections": [
        {
            "id": "listening",
            "title": "Listening",
            "criteria": [
                {"id": "listening-1", "text": "We ask parent carers for their views at least once a term."},
                {"id": "listening-2", "text": "We tell parent carers what we did with their views.", "weight": 2},
            ],
        },
        {
            "id": "welcome",
            "title": "Welcome",
            "criteria": [
                {"id": "welcome-1", "text": "Our reception area is calm and welcoming for every family."},
                {"id": "welcome-2", "text": "Information is available in the languages our families speak."},
            ],
        },
        {
            "id": "deciding-together",
            "title": "Deciding together",
            "criteria": [
                {"id": "deciding-together-1", "text": "Parent carers help to write our SEND information report."},
            ],
        },
    ],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write into (default: a temporary folder)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="coproduction-council-") as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)

        # 1. The council keeps its framework as a JSON file.
        framework_file = out / "northshire-parent-carer-standards.framework.json"
        framework_file.write_text(json.dumps(COUNCIL_FRAMEWORK, indent=2) + "\n", encoding="utf-8")
        print(f"Wrote the council's framework to {framework_file}")

        # 2. Add it to the built-in catalogue. The file is validated like any document.
        catalogue = cp.default_catalogue().including_file(framework_file)
        framework = catalogue.framework("northshire-parent-carer-standards")
        print(
            f"Loaded {framework.label}: {len(framework.sections)} sections, "
            f"{len(framework.criteria)} criteria, rated {framework.scale.names()}."
        )
        print("The catalogue now holds: " + ", ".join(f.id for f in catalogue.frameworks()) + "\n")

        # 3. A school's audit against it, saved and loaded back with the same catalogue.
        audit = cp.Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=cp.Organisation("Hilltop Community School"),
            perspective=cp.Perspective.SCHOOL_STAFF,
            date=dt.date(2025, 7, 1),
            responses=[
                cp.Response("listening-1", rating="strong", evidence="A short survey every term, on paper and online."),
                cp.Response("listening-2", rating="starting", next_steps="Start a 'you said, we did' page."),
                cp.Response("welcome-1", rating="growing", evidence="New seating and a quiet room."),
                cp.Response("welcome-2", not_applicable=True, evidence="Every family currently speaks English."),
                # deciding-together-1 is not answered yet.
            ],
        )
        audit_file = cp.dump(audit, out / "hilltop-community-school.audit.json")
        # Loading an audit of a council framework needs the catalogue that holds it.
        loaded: cp.Audit = cp.load(audit_file, cp.Audit, catalogue=catalogue)
        assert loaded == audit
        print(f"Saved and validated the audit at {audit_file}")

        # 4. Score it.
        report = cp.score(loaded, framework)
        names = {level.id: level.name for level in framework.scale.levels}
        print(f"\nScores for {report.organisation.name}:")
        for section in report.sections:
            result = section.score
            value = "no score" if result.value is None else f"{result.value:.0%} ({names[result.band or '']})"
            print(f"  {section.title:<18} {value:<16} coverage {result.coverage:.0%}")
        overall = report.overall
        value = f"{overall.value:.0%} ({names[overall.band or '']})"
        print(
            f"  {'Overall':<18} {value:<16} coverage {overall.coverage:.0%} "
            f"(complete: {'yes' if report.complete else 'no'})"
        )
        # listening: (3/3 * 1 + 1/3 * 2) / 3 = 0.556; welcome: 2/3; overall: (1 + 2/3 + 2/3) / 4 = 0.583
        assert abs((report.overall.value or 0) - 7 / 12) < 1e-9

        if args.out:
            print(f"\nThe files are in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
