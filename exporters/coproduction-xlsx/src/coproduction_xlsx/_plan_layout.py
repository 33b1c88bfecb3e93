"""What the action plan workbook's writer and reader agree on: sheets, columns, names, metadata, words."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

import attrs

from coproduction import ActionStatus, AuditReference, Catalogue, Contributor, Group, Ladder, RungTarget
from coproduction_xlsx._layout import NAME_PREFIX

__all__ = [
    "ACTIONS_SHEET",
    "COLUMNS",
    "CRITERIA_SHEET",
    "FIRST_ACTION_ROW",
    "HEADER_ROW",
    "INSTRUCTIONS_SHEET",
    "METADATA_SHEET",
    "PLAN_FORMAT",
    "PLAN_FORMAT_VERSION",
    "PLAN_SHEET",
    "PRINTED_COLUMNS",
    "SPARE_ROWS",
    "STATUS_LABELS",
    "SUMMARY_SHEET",
    "PlanColumn",
    "RungChoices",
    "contributor_text",
    "group_labels",
    "group_names",
    "parse_contributor",
    "plan_identity",
    "status_label",
]

INSTRUCTIONS_SHEET = "Instructions"
PLAN_SHEET = "Plan"
ACTIONS_SHEET = "Actions"
SUMMARY_SHEET = "Summary"
CRITERIA_SHEET = "Statements"
METADATA_SHEET = "Metadata"

PLAN_FORMAT = "coproduction-xlsx-action-plan"
PLAN_FORMAT_VERSION = 1

HEADER_ROW = 4
FIRST_ACTION_ROW = HEADER_ROW + 1
SPARE_ROWS = 100
"""Empty, ready-formatted rows below the actions, where a school adds new ones."""

# Defined names.
ORGANISATION = NAME_PREFIX + "organisation"
ORGANISATION_ID = NAME_PREFIX + "organisation_identifier"
REVIEW_DATES = NAME_PREFIX + "review_dates"
ACTIONS_HEADER = NAME_PREFIX + "actions_header"
CRITERION_IDS = NAME_PREFIX + "criterion_ids"
RUNG_CHOICES = NAME_PREFIX + "rungs"
COUNTED_ON = NAME_PREFIX + "counted_on"

# The Plan sheet.
ORGANISATION_ROW = 2
ORGANISATION_ID_ROW = 3
FRAMEWORK_ROW = 4
REVIEW_HEADER_ROW = 6
FIRST_REVIEW_ROW = REVIEW_HEADER_ROW + 1
MIN_REVIEW_SLOTS = 6
VALUE_COLUMN = 3

# The hidden Metadata sheet: key/value pairs in A:B, the audits the plan answers in D:F, rung choices in H.
META_KEYS = (
    "format",
    "format_version",
    "framework",
    "framework_version",
    "fingerprint",
    "plan_identity",
    "organisation",
    "organisation_identifier",
    "audits",
)
META_AUDIT_COLUMNS = (4, 5, 6)  # D:F perspective, date, completed by
META_RUNG_COLUMN = 8  # H


@attrs.frozen
class PlanColumn:
    """One column of the Actions sheet.

    Attributes:
        key: What it holds: an :class:`~coproduction.plan.Action` field, or a helper.
        header: Its header text, by which the reader finds it.
        width: Its width in characters.
        helper: True for a column of formulas that the reader ignores.
        former: Earlier header texts the reader also accepts (workbooks written before it was reworded).
    """

    key: str
    header: str
    width: float
    helper: bool = False
    former: tuple[str, ...] = ()


COLUMNS = (
    PlanColumn("id", "Action id", 24),
    PlanColumn("what", "What will be done", 50),
    PlanColumn("criteria", "Statements it improves", 22, former=("Criteria it improves",)),
    PlanColumn("status", "Status", 14),
    PlanColumn("owner", "Owner", 20),
    PlanColumn("co_produced_with", "Co-produced with (one per line)", 26),
    PlanColumn("due_date", "Due date", 13),
    PlanColumn("overdue", "Overdue (worked out)", 13, helper=True),
    PlanColumn("success_measure", "Success measure", 40),
    PlanColumn("criterion_text", "Statement (worked out)", 40, helper=True),
    PlanColumn("start_date", "Start date", 13),
    PlanColumn("dropped_reason", "Reason dropped", 30),
    PlanColumn("review_date", "Review date", 13),
    PlanColumn("target", "Ladder rung aimed for", 34),
    PlanColumn("notes", "Notes", 45),
)
"""The Actions sheet's columns, in order (the reader finds them by header, so earlier orders read back too).

The first :data:`PRINTED_COLUMNS` are what a printed page shows, large enough to read; the rest are on screen."""

PRINTED_COLUMNS = 9
DATE_KEYS = frozenset({"start_date", "due_date", "review_date"})


def column_of(key: str) -> int:
    """The 1-based column of a key as written."""
    for index, column in enumerate(COLUMNS, start=1):
        if column.key == key:
            return index
    raise KeyError(key)


STATUS_LABELS = {status: status.label.capitalize() for status in ActionStatus}
"""The words shown for each status: Not started, In progress, Done, Dropped."""


def status_label(status: ActionStatus) -> str:
    """The word shown for a status, such as "In progress"."""
    return STATUS_LABELS[status]


def status_choices() -> str:
    """The statuses as a person reads a list of them: "Not started, In progress, Done or Dropped"."""
    labels = list(STATUS_LABELS.values())
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _group_name(group: Group) -> str:
    return group.label[:1].upper() + group.label[1:]


def group_names() -> str:
    """The groups as a person reads a list of them, for the instructions."""
    names = group_labels()
    return ", ".join(names[:-1]) + " or " + names[-1]


def group_labels() -> list[str]:
    """Each group as the workbook writes it, in order."""
    return [_group_name(group) for group in Group]


def contributor_text(contributor: Contributor) -> str:
    """How a contributor is written on one line: the group, then ": " and the label if there is one.

    For example "Parent carers", "Parent carers: parents of children in Year 6" or "Others: the SENCo".
    """
    name = _group_name(contributor.group)
    return f"{name}: {contributor.label}" if contributor.label else name


_GROUPS: dict[str, Group] = {}
for _group in Group:
    for _spelling in (_group.label, _group.label.removeprefix("the "), _group.value, _group.value.replace("-", " ")):
        _GROUPS.setdefault(" ".join(_spelling.split()).casefold(), _group)
_GROUPS.setdefault("other", Group.OTHER)


def parse_contributor(line: str) -> Contributor:
    """Read one line of a "co-produced with" cell back into a contributor.

    "<group>: <label>" and "<group>" give that group (ignoring case and "the"); any other text is
    a group of its own, kept whole as the label of the group "other". Exactly what
    :func:`contributor_text` wrote comes back.

    Raises:
        ValueError: If the line names the group "other" with no label.
    """
    head, colon, tail = line.partition(":")
    if colon:
        group = _GROUPS.get(" ".join(head.split()).casefold())
        if group is not None:
            return Contributor(group, tail[1:] if tail.startswith(" ") else tail)
    group = _GROUPS.get(" ".join(line.split()).casefold())
    if group is not None:
        return Contributor(group)
    return Contributor(Group.OTHER, line)


class RungChoices:
    """The ladder rungs a plan's actions can aim for, as the drop-down shows them and the reader accepts them."""

    def __init__(self, ladders: Iterable[Ladder]) -> None:
        self.ladders = {ladder.id: ladder for ladder in ladders}
        self.labels: list[str] = []
        self._accepted: dict[str, RungTarget] = {}
        for ladder in self.ladders.values():
            for rung in ladder.rungs:
                target = RungTarget(ladder.id, rung.id)
                label = f"{ladder.name}: {rung.name}"
                self.labels.append(label)
                for spelling in (label, f"{ladder.id}: {rung.id}", f"{ladder.id}/{rung.id}"):
                    self._accepted.setdefault(_folded(spelling), target)

    @classmethod
    def of(cls, catalogue: Catalogue) -> RungChoices:
        """The rungs of every ladder in a catalogue."""
        return cls(catalogue.ladders())

    def label(self, target: RungTarget) -> str:
        """How a target is written: "<ladder name>: <rung name>", or by ids when the ladder is not known."""
        ladder = self.ladders.get(target.ladder)
        if ladder is not None:
            for rung in ladder.rungs:
                if rung.id == target.rung:
                    return f"{ladder.name}: {rung.name}"
        return f"{target.ladder}: {target.rung}"

    def find(self, text: str) -> RungTarget | None:
        """The target a cell's text names (ignoring case and spacing), or None."""
        return self._accepted.get(_folded(text))

    def example(self) -> str:
        """One accepted value, for messages."""
        return self.labels[-1] if self.labels else "ladder-id: rung-id"


def plan_identity(
    organisation: str, identifier: str | None, framework: str, version: str, audits: Iterable[AuditReference]
) -> str:
    """A short fingerprint of which plan a workbook holds (organisation, framework and the audits answered).

    Returns:
        The first 16 hexadecimal digits of the SHA-256 of those values.
    """
    data = [
        organisation,
        identifier,
        framework,
        version,
        [[audit.perspective.value, audit.date.isoformat(), audit.completed_by] for audit in audits],
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
