"""Building documents from data already proven valid (private).

Loading checks a document three ways before it is structured: the JSON
Schema, the cross-checks, and the attrs validators run by the constructors.
The first two already prove everything the third would, so for the kinds
loaded most often (audits arrive by the hundred) the objects are built here
without running the validators again. Each builder must give an object equal
to the converter's; ``tests/contract/test_serialization.py`` property-tests that.

Nothing here is called on data that has not passed the schema and the
cross-checks. A builder that meets anything unexpected raises, and the
caller falls back to the converter, which then reports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from coproduction.model.audit import Audit, Response
from coproduction.model.organisation import Organisation, Perspective

__all__ = ["TRUSTED_BUILDERS"]

_set = object.__setattr__
_new = object.__new__


def _organisation(data: dict[str, Any]) -> Organisation:
    organisation = _new(Organisation)
    _set(organisation, "name", data["name"])
    _set(organisation, "identifier", data.get("identifier"))
    return organisation


def _response(data: dict[str, Any]) -> Response:
    response = _new(Response)
    _set(response, "criterion", data["criterion"])
    _set(response, "rating", data.get("rating"))
    _set(response, "not_applicable", data.get("not_applicable", False))
    _set(response, "evidence", data.get("evidence", ""))
    _set(response, "required_actions", data.get("required_actions", ""))
    _set(response, "next_steps", data.get("next_steps", ""))
    return response


def _audit(data: dict[str, Any]) -> Audit:
    audit = _new(Audit)
    _set(audit, "framework", data["framework"])
    _set(audit, "framework_version", data["framework_version"])
    _set(audit, "organisation", _organisation(data["organisation"]))
    _set(audit, "perspective", Perspective(data["perspective"]))
    _set(audit, "date", dt.date.fromisoformat(data["date"]))
    _set(audit, "responses", tuple(map(_response, data.get("responses", ()))))
    _set(audit, "completed_by", data.get("completed_by"))
    return audit


TRUSTED_BUILDERS: dict[str, Callable[[dict[str, Any]], object]] = {"audit": _audit}
"""For some document kinds, a builder of valid, cross-checked data."""
