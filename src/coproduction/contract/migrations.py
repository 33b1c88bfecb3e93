"""Migrations between schema versions, one function per step, named by kind and versions."""

from __future__ import annotations

from typing import Any

__all__ = ["glossary_1_to_2"]


def glossary_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Glossary version 2 adds each term's ``attribution``; a version-1 term has none."""
    terms = data.get("terms")
    if isinstance(terms, list):
        data["terms"] = [{"attribution": None, **term} if isinstance(term, dict) else term for term in terms]
    return data
