from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from ajv_runner import AJV
from helpers import DURHAM, WORCESTERSHIRE
from hypothesis import HealthCheck, settings

import coproduction as cp

settings.register_profile("default", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def catalogue() -> cp.Catalogue:
    return cp.default_catalogue()


@pytest.fixture(scope="session")
def worcestershire(catalogue: cp.Catalogue) -> cp.Framework:
    return catalogue.framework(WORCESTERSHIRE)


@pytest.fixture(scope="session")
def durham(catalogue: cp.Catalogue) -> cp.Framework:
    return catalogue.framework(DURHAM)


@pytest.fixture(scope="module")
def ajv() -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed to check the schemas with ajv; install nodejs and npm")
    if not (AJV / "node_modules" / "ajv").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=AJV, check=True, timeout=300)
    return AJV
