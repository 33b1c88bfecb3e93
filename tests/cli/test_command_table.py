"""The command table: ``coproduction --help`` lists exactly its commands, and the parser is built from it alone."""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.cli._command import Command
from coproduction.cli._main import build_parser
from coproduction.cli._table import COMMANDS

CLI = Path(__file__).resolve().parents[2] / "src" / "coproduction" / "cli"


def _rows(commands: tuple[Command, ...]) -> list[Command]:
    return [row for command in commands for row in (command, *_rows(command.subcommands))]


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    groups = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(groups[0].choices) if groups else {}


def _help(argv: list[str]) -> str:
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0
    return stdout.getvalue()


def test_help_lists_exactly_the_commands_of_the_table_in_its_order() -> None:
    text = _help(["--help"])
    listed = text.split("commands:", 1)[1].split("\n")
    names = [line.split()[0] for line in listed if line.startswith("    ") and not line.startswith("     ")]
    assert names == [command.name for command in COMMANDS]
    for command in COMMANDS:
        assert command.help in " ".join(text.split())


def test_every_row_has_help_a_unique_name_and_either_a_handler_or_actions() -> None:
    for commands in (COMMANDS, *(command.subcommands for command in _rows(COMMANDS))):
        names = [command.name for command in commands]
        assert len(names) == len(set(names))
    for row in _rows(COMMANDS):
        assert row.help.strip(), row.name
        assert (row.run is None) == bool(row.subcommands), row.name


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.subcommands], ids=lambda c: c.name)
def test_actions_are_listed_from_the_table(command: Command) -> None:
    text = " ".join(_help([command.name, "--help"]).split())
    for action in command.subcommands:
        assert action.help in text


def test_the_parser_is_built_from_the_table_alone() -> None:
    parser = build_parser()
    assert list(_choices(parser)) == [command.name for command in COMMANDS]
    for command in COMMANDS:
        assert list(_choices(_choices(parser)[command.name])) == [action.name for action in command.subcommands]
    ran: list[str] = []
    table = (Command("hello", "say hello", lambda args: ran.append("hello") or 0),)
    other = build_parser(table)
    assert list(_choices(other)) == ["hello"]
    args = other.parse_args(["hello"])
    assert args.handler(args) == 0 and ran == ["hello"]


def test_no_command_module_adds_a_sub_command_of_its_own() -> None:
    """Only the parser builder calls ``add_parser`` or ``add_subparsers``: every command comes from a row."""
    callers = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("add_parser", "add_subparsers"):
                callers.append(path.name)
    assert set(callers) == {"_main.py"}


def test_every_cli_module_has_a_one_line_docstring_and_a_sorted_all() -> None:
    for path in sorted(CLI.glob("_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and docstring.splitlines()[0].endswith("."), path.name
        names = next(
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets)
        )
        key = lambda name: (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)  # noqa: E731
        assert names in (sorted(names), sorted(names, key=key)), path.name


def test_no_cli_module_is_over_600_lines() -> None:
    assert {path.name: n for path in CLI.glob("*.py") if (n := len(path.read_text().splitlines())) > 600} == {}
