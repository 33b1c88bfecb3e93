"""The row type of the command table: one ``coproduction`` command, its options and what it runs (private)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

import attrs

__all__ = ["AddArguments", "Command", "Handler", "no_arguments"]

Handler = Callable[[argparse.Namespace], int]
"""What a command runs: called with the parsed arguments, returns the exit code."""

AddArguments = Callable[[argparse.ArgumentParser], None]
"""Adds a command's arguments and options to its parser."""


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For a command that takes no arguments."""


@attrs.frozen
class Command:
    """One row of the command table.

    Attributes:
        name: What the user types, such as ``score``.
        help: One line for ``coproduction --help``; also the command's own description unless one is given.
        run: What the command does; None for a command that only groups its ``subcommands``.
        add_arguments: Adds the command's arguments and options.
        description: The longer text of ``coproduction NAME --help``, when it differs from ``help``.
        subcommands: The rows of ``coproduction NAME ACTION`` (``plan propose``, ``charter check``, ...).
        subcommand_title: The heading of those actions in ``coproduction NAME --help``.
    """

    name: str
    help: str
    run: Handler | None
    add_arguments: AddArguments = no_arguments
    description: str = ""
    subcommands: tuple[Command, ...] = ()
    subcommand_title: str = ""
