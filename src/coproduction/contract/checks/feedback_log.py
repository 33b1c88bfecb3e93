"""Cross-checks of a feedback log that its schema cannot express."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coproduction.contract.checks._contributors import check_contributor_data
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.feedback import FeedbackStatus, _response_problems

__all__ = ["check_feedback_log_data"]


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_feedback_log_data(data: dict[str, Any]) -> list[Problem]:
    """Check the rules of a feedback log document, with plain-English messages.

    Used when a log is loaded: the data may not have passed the schema, so
    anything of the wrong shape is skipped here (the schema reports it).
    Checks that entry ids are unique and no answer is dated before the thing
    was said (rules the schema cannot express), and says in plain words what
    each answer needs (a "cannot do" needs a reason ...), which the schema
    also enforces.

    Args:
        data: The parsed JSON document.

    Returns:
        Every problem found, each with its JSON path.
    """
    entries = data.get("entries")
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue
        path = f"entries[{index}]"
        identifier = entry.get("id")
        if isinstance(identifier, str):
            if identifier in seen:
                problems.append(
                    Problem(
                        f"{path}.id",
                        "duplicate-id",
                        f"feedback id {excerpt(identifier)} is also used at entries[{seen[identifier]}]; "
                        "each entry needs its own id",
                    )
                )
            else:
                seen[identifier] = index
        problems.extend(check_contributor_data(entry.get("said_by"), f"{path}.said_by"))
        response = entry.get("response")
        if not isinstance(response, dict):
            continue
        try:
            status = FeedbackStatus(response.get("status", FeedbackStatus.NOT_YET_ANSWERED.value))
        except ValueError:
            continue
        problems.extend(_response_problems(status, response, f"{path}.response"))
        said = _date(entry.get("date"))
        for name in ("done_on", "due"):
            answered = _date(response.get(name))
            if said is not None and answered is not None and answered < said:
                problems.append(
                    Problem(
                        f"{path}.response.{name}",
                        "dates-out-of-order",
                        f"{answered.isoformat()} is before the feedback was given ({said.isoformat()}); "
                        f"an answer cannot come before what it answers",
                    )
                )
    return problems
