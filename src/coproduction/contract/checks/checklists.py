"""Cross-checks of meeting checklists and a school's local details that their schemas cannot express."""

from __future__ import annotations

from typing import Any

from coproduction.contract.checks._common import _at, _duplicate_ids, _get, _library_marks
from coproduction.contract.checks.framework import _wordings
from coproduction.errors import Problem

__all__ = ["check_meeting_checklists_data", "check_school_local_details_data"]

# The texts each worded part may reword, and the list fields among them (reworded as ``name[i]``).
_REWORDABLE: dict[str, tuple[str, ...]] = {
    "first_meeting_checklist": ("title", "intro"),
    "people_you_may_meet": ("title", "intro", "outro"),
    "question": ("text", "options_prompt", "options", "note"),
    "entry": ("heading", "description"),
}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _texts(item: object, names: tuple[str, ...]) -> dict[str, object]:
    texts: dict[str, object] = {}
    for name in names:
        value = _get(item, name)
        if isinstance(value, list):
            texts.update({f"{name}[{index}]": text for index, text in enumerate(value)})
        else:
            texts[name] = value
    return texts


def _worded(item: object, path: str, names: tuple[str, ...]) -> list[Problem]:
    if not isinstance(item, dict):
        return []
    texts = _texts(item, names)
    return [*_wordings(item, path, texts), *_library_marks(item, path, texts)]


def _unknown_source(part: object, path: str, known: set[str]) -> list[Problem]:
    source = _get(part, "source")
    if not isinstance(source, str) or source in known:
        return []
    return [
        Problem(
            _at(path, "source"),
            "unknown-source",
            f"names the source {source!r}, which is not in sources; known: {', '.join(sorted(known)) or 'none'}",
        )
    ]


def check_meeting_checklists_data(data: dict[str, Any]) -> list[Problem]:
    """Check meeting checklists: unique ids, known sources, and wordings of texts that exist.

    Args:
        data: The parsed JSON document (anything of the wrong shape is left to the schema).

    Returns:
        Every problem found, each with its JSON path.
    """
    sources = _list(data.get("sources"))
    problems = _duplicate_ids(sources, "sources", "source")
    known = {identifier for item in sources if isinstance(identifier := _get(item, "id"), str)}
    for part in ("assess_plan_do_review", "first_meeting_guidance", "first_meeting_checklist", "people_you_may_meet"):
        problems += _unknown_source(data.get(part), part, known)
    apdr = data.get("assess_plan_do_review")
    stages = _list(_get(apdr, "stages"))
    problems += _duplicate_ids(stages, "assess_plan_do_review.stages", "stage")
    prompts = [
        (f"assess_plan_do_review.stages[{s}].prompts[{p}]", prompt)
        for s, stage in enumerate(stages)
        for p, prompt in enumerate(_list(_get(stage, "prompts")))
    ]
    seen: dict[str, str] = {}
    for path, prompt in prompts:
        identifier = _get(prompt, "id")
        if isinstance(identifier, str) and identifier in seen:
            problems.append(
                Problem(f"{path}.id", "duplicate-id", f"prompt id {identifier!r} is also used at {seen[identifier]}")
            )
        elif isinstance(identifier, str):
            seen[identifier] = path
    guidance = data.get("first_meeting_guidance")
    problems += _duplicate_ids(_list(_get(guidance, "items")), "first_meeting_guidance.items", "item")
    checklist = data.get("first_meeting_checklist")
    problems += _worded(checklist, "first_meeting_checklist", _REWORDABLE["first_meeting_checklist"])
    questions = _list(_get(checklist, "questions"))
    problems += _duplicate_ids(questions, "first_meeting_checklist.questions", "question")
    for index, question in enumerate(questions):
        problems += _worded(question, f"first_meeting_checklist.questions[{index}]", _REWORDABLE["question"])
    guide = data.get("people_you_may_meet")
    problems += _worded(guide, "people_you_may_meet", _REWORDABLE["people_you_may_meet"])
    entries = _list(_get(guide, "entries"))
    problems += _duplicate_ids(entries, "people_you_may_meet.entries", "entry")
    keys: dict[str, int] = {}
    for index, entry in enumerate(entries):
        path = f"people_you_may_meet.entries[{index}]"
        problems += _worded(entry, path, _REWORDABLE["entry"])
        key = _get(entry, "local_details_key")
        if isinstance(key, str) and key in keys:
            problems.append(
                Problem(
                    f"{path}.local_details_key",
                    "duplicate-id",
                    f"the local details key {key!r} is also used at people_you_may_meet.entries[{keys[key]}]",
                )
            )
        elif isinstance(key, str):
            keys[key] = index
    return sorted(problems, key=lambda problem: problem.path)


def check_school_local_details_data(data: dict[str, Any]) -> list[Problem]:
    """Check a school's local details: each contact gives something to print.

    Args:
        data: The parsed JSON document (anything of the wrong shape is left to the schema).

    Returns:
        Every problem found, each with its JSON path.
    """
    problems = []
    contacts = data.get("contacts")
    for key, contact in contacts.items() if isinstance(contacts, dict) else ():
        if not isinstance(contact, dict):
            continue
        given = [name for name in _list(contact.get("names")) if isinstance(name, str) and name.strip()]
        ways = [contact.get(field) for field in ("organisation", "phone", "email", "website", "notes")]
        if not given and not any(isinstance(way, str) and way.strip() for way in ways):
            problems.append(
                Problem(
                    f"contacts.{key}",
                    "empty-contact",
                    "gives no name and no way to reach them; add a name, phone, email or website, or leave it out",
                )
            )
    return problems
