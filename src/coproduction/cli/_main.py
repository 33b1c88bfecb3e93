"""The ``coproduction`` entry point: the parser built from the command table, and the exit codes (private)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import version

from coproduction.cli._command import Command, Handler
from coproduction.cli._common import EXIT_INVALID, EXIT_USAGE, UsageError, err
from coproduction.cli._table import COMMANDS
from coproduction.errors import CoproductionError

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit code.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        handler: Handler = args.handler
        return handler(args)
    except UsageError as error:
        err(f"coproduction: {error}")
        return EXIT_USAGE
    except CoproductionError as error:
        err(f"coproduction: {error}")
        return EXIT_INVALID
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        err(f"coproduction: cannot use{where}: {error.strerror or error}")
        return EXIT_INVALID
    except KeyboardInterrupt:
        err("coproduction: stopped; no partial output was left behind")
        return 130


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser of ``coproduction``, with one sub-command for each row of ``commands``."""
    parser = argparse.ArgumentParser(
        prog="coproduction",
        description="Audit how a school or service works with parent carers: list frameworks and ladders, "
        "make templates, validate, score, import filled templates and write reports.",
    )
    parser.add_argument("--version", action="version", version=f"coproduction {version('coproduction')}")
    parser.add_argument(
        "--catalogue",
        action="append",
        default=[],
        metavar="FILE",
        help="add a council's own framework, ladder, glossary, approaches or barriers from a JSON file "
        "(may be repeated)",
    )
    _add_commands(parser.add_subparsers(title="commands", metavar="COMMAND"), commands, ())
    return parser


def _add_commands(
    group: argparse._SubParsersAction[argparse.ArgumentParser], commands: Sequence[Command], path: tuple[str, ...]
) -> None:
    for command in commands:
        parser = group.add_parser(command.name, help=command.help, description=command.description or command.help)
        parser.set_defaults(handler=command.run or _needs_action((*path, command.name), command.subcommands))
        command.add_arguments(parser)
        if command.subcommands:
            actions = parser.add_subparsers(title=command.subcommand_title, metavar="ACTION")
            _add_commands(actions, command.subcommands, (*path, command.name))


def _needs_action(path: tuple[str, ...], subcommands: Sequence[Command]) -> Handler:
    """What a command that only groups its actions does when no action is given: say which there are."""
    names = ", ".join(subcommand.name for subcommand in subcommands)

    def handler(args: argparse.Namespace) -> int:
        raise UsageError(f"say what to do: coproduction {' '.join(path)} {{{names}}} ...")

    return handler
