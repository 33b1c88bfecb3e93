"""The ``exporters`` command: the installed exporters, by name (private)."""

from __future__ import annotations

import argparse

from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, installed_exporters, out
from coproduction.cli._text import table

__all__ = ["EXPORTER_COMMANDS"]


def _exporters(args: argparse.Namespace) -> int:
    rows: list[tuple[str, ...]] = [(i.name, i.distribution, i.target) for i in installed_exporters().available()]
    out(table(("name", "distribution", "where"), rows))
    return EXIT_OK


EXPORTER_COMMANDS = (Command("exporters", "list the installed exporters", _exporters),)
