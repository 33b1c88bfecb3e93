"""Documents of every schema version published so far still load.

``tests/fixtures/schema-v<N>/`` holds one document of every kind as version N
wrote it. When a kind's schema version goes up, its fixtures stay: they must
still load (through the migrations) and come out as the current version.
"""

from __future__ import annotations

import json
import re

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.contract.kinds import kinds

DOCUMENT_TYPES = {kind.name: kind.cls for kind in kinds()}
SCHEMA_VERSIONS = {kind.name: kind.version for kind in kinds()}

FIXTURES = ROOT / "tests" / "fixtures"
FILES = sorted(FIXTURES.glob("schema-v*/*.json"))


def test_there_is_a_fixture_of_every_kind_at_every_version_published() -> None:
    for kind, current in SCHEMA_VERSIONS.items():
        for version in range(1, current + 1):
            assert (FIXTURES / f"schema-v{version}" / f"{kind}.json").is_file(), f"{kind} version {version}"


@pytest.mark.parametrize("file", FILES, ids=lambda file: f"{file.parent.name}/{file.stem}")
def test_a_fixture_loads_as_the_current_version(file: object) -> None:
    path = FIXTURES / str(file)
    data = json.loads(path.read_text("utf-8"))
    written_as = int(re.fullmatch(r"schema-v(\d+)", path.parent.name).group(1))  # type: ignore[union-attr]
    assert data["kind"] == path.stem and data["schema_version"] == written_as
    document = cp.load(path)
    assert type(document) is DOCUMENT_TYPES[path.stem]
    again = json.loads(cp.dumps(document))
    assert again["schema_version"] == SCHEMA_VERSIONS[path.stem]
    if written_as == SCHEMA_VERSIONS[path.stem]:
        assert again == data, "a current-version document comes back exactly"
