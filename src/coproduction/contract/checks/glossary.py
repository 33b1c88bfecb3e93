"""Cross-checks of a glossary that its schema cannot express: marks of the library's words name texts."""

from __future__ import annotations

from typing import Any

from coproduction.contract.checks._common import _library_marks
from coproduction.errors import Problem

__all__ = ["check_glossary_data"]


def check_glossary_data(data: dict[str, Any]) -> list[Problem]:
    """Check a glossary: each term marks as the library's own only fields that hold text (every problem)."""
    terms = data.get("terms")
    if not isinstance(terms, list):
        return []
    return [
        problem
        for index, term in enumerate(terms)
        if isinstance(term, dict)
        for problem in _library_marks(term, f"terms[{index}]", term)
    ]
