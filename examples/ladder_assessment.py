"""Record a ladder assessment on Durham's degrees of participation, and place it.

A ladder assessment records, rung by rung, whether an organisation is
"currently doing" that kind of participation, with the evidence. Placement then
says the highest rung practised and the rungs not yet used.

Run it from the repository root::

    python examples/ladder_assessment.py
    python examples/ladder_assessment.py --out out   # keep the assessment JSON
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

import coproduction as cp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write into (default: a temporary folder)")
    args = parser.parse_args(argv)

    ladder = cp.default_catalogue().ladder("durham-degrees-of-participation")
    bands = {band.id: band.name for band in ladder.bands}
    print(f"{ladder.name}, lowest rung first:")
    for height, rung in enumerate(ladder.rungs, start=1):
        print(f"  {height}. {rung.name} ({bands.get(rung.band or '', 'no band')})")
    print()

    assessment = cp.LadderAssessment(
        ladder=ladder.id,
        organisation=cp.Organisation("Riverside Academy", identifier="999902"),
        perspective=cp.Perspective.JOINT,
        date=dt.date(2025, 5, 20),
        completed_by="SENCo and the parent carer forum, together",
        rungs=[
            cp.RungPractice("no-engagement", doing=False, evidence="Every family hears from the academy."),
            cp.RungPractice("information", doing=True, evidence="Newsletter, app and the SEND information report."),
            cp.RungPractice("consultation", doing=True, evidence="A yearly survey of families."),
            cp.RungPractice("engagement", doing=True, evidence="Termly coffee mornings that shape our plans."),
            cp.RungPractice("co-production", doing=False, evidence="Nothing designed together from the start yet."),
        ],
    )

    placement = cp.place(assessment, ladder)
    print(f"Placement of {assessment.organisation.name} ({assessment.perspective.label}):")
    if placement.highest is None:
        print("  no rung is practised yet")
    else:
        band = bands.get(placement.highest.band or "", "no band")
        print(
            f"  highest rung practised: {placement.highest.name} "
            f"(rung {ladder.position(placement.highest.id) + 1} of {len(ladder.rungs)}, {band})"
        )
    print("  currently doing: " + ", ".join(rung.name for rung in placement.doing))
    print("  not yet used:    " + ", ".join(rung.name for rung in placement.not_used))
    print()

    with tempfile.TemporaryDirectory(prefix="coproduction-ladder-") as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        written = cp.dump(assessment, out / "riverside-academy.ladder-assessment.json")
        assert cp.load(written, cp.LadderAssessment) == assessment
        print(f"Saved the assessment at {written} and read it back unchanged.")

    # The example assessment kept beside this script, as a council might receive it.
    stored_file = Path(__file__).resolve().parent / "ladder-assessments" / "oak-primary-parent-carers.json"
    stored: cp.LadderAssessment = cp.load(stored_file, cp.LadderAssessment)
    stored_place = cp.place(stored, ladder)
    highest = stored_place.highest.name if stored_place.highest else "none"
    print(
        f"{stored.organisation.name} ({stored.perspective.label}), from {stored_file.name}: "
        f"highest rung {highest}; not yet used: {', '.join(r.name for r in stored_place.not_used)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
