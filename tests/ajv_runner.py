"""Running ajv, the JavaScript validator, over our schemas and documents, as a non-Python integrator would."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from helpers import ROOT

import coproduction as cp

AJV = Path(__file__).parent / "ajv"


def run(tmp_path: Path, documents: dict[str, object]) -> list[dict[str, object]]:
    pairs = []
    for index, (kind, document) in enumerate(documents.items()):
        path = tmp_path / f"{index}.json"
        path.write_text(cp.dumps(document) if not isinstance(document, dict) else json.dumps(document))
        pairs.append(f"{kind.split('#')[0]}={path}")
    result = subprocess.run(
        ["node", str(AJV / "validate.mjs"), str(ROOT / "schemas"), *pairs],
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr
    return lines
