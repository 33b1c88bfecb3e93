"""The command table: every ``coproduction`` command, in the order ``coproduction --help`` lists them (private).

Each command module exports its rows (``POOL_COMMANDS`` and so on); a new
module adds its rows here, at the place its commands should be listed. The
parser is built from this table alone (:func:`coproduction.cli._main.build_parser`).
"""

from __future__ import annotations

from coproduction.cli._activity import ACTIVITY_COMMANDS
from coproduction.cli._audit_commands import AUDIT_COMMANDS
from coproduction.cli._barriers_survey import BARRIERS_SURVEY_COMMANDS
from coproduction.cli._calendar import CALENDAR_COMMANDS
from coproduction.cli._catalogue_commands import CATALOGUE_COMMANDS
from coproduction.cli._charter import CHARTER_COMMANDS
from coproduction.cli._checklist import CHECKLIST_COMMANDS
from coproduction.cli._command import Command
from coproduction.cli._compare import COMPARE_COMMANDS
from coproduction.cli._exporters import EXPORTER_COMMANDS
from coproduction.cli._feedback import FEEDBACK_COMMANDS
from coproduction.cli._glossary import GLOSSARY_COMMANDS
from coproduction.cli._plan import PLAN_COMMANDS
from coproduction.cli._pool import POOL_COMMANDS
from coproduction.cli._practice import PRACTICE_COMMANDS
from coproduction.cli._progress_report import PROGRESS_COMMANDS
from coproduction.cli._publish import PUBLISH_COMMANDS
from coproduction.cli._report_commands import REPORT_COMMANDS
from coproduction.cli._template_commands import TEMPLATE_COMMANDS

__all__ = ["COMMANDS"]

COMMANDS: tuple[Command, ...] = (
    *CATALOGUE_COMMANDS,
    *AUDIT_COMMANDS,
    *TEMPLATE_COMMANDS,
    *REPORT_COMMANDS,
    *COMPARE_COMMANDS,
    *PROGRESS_COMMANDS,
    *PLAN_COMMANDS,
    *CHARTER_COMMANDS,
    *FEEDBACK_COMMANDS,
    *PRACTICE_COMMANDS,
    *BARRIERS_SURVEY_COMMANDS,
    *CHECKLIST_COMMANDS,
    *ACTIVITY_COMMANDS,
    *CALENDAR_COMMANDS,
    *GLOSSARY_COMMANDS,
    *POOL_COMMANDS,
    *PUBLISH_COMMANDS,
    *EXPORTER_COMMANDS,
)
"""Every command, in the order of ``coproduction --help``."""
