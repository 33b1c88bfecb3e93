"""What every command shares: exit codes, the catalogue and exporters chosen, output, one write path (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from coproduction.catalogue._catalogue import Catalogue, default_catalogue, load_item
from coproduction.contract._atomic import remove_leftovers, write_atomically
from coproduction.contract.serialization import check_input_file
from coproduction.errors import CoproductionError, ExportError, UnreadableFileError
from coproduction.exporters._protocol import ExportContext
from coproduction.exporters._registry import ExporterRegistry, default_registry
from coproduction.rules import wording

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """The command was called wrong (exit 2)."""


# -- helpers -----------------------------------------------------------------------------------


def _catalogue(args: argparse.Namespace) -> Catalogue:
    catalogue = default_catalogue()
    for file in args.catalogue:
        catalogue = catalogue.including(load_item(file, catalogue))
    return catalogue


def _context(catalogue: Catalogue, on: dt.date | None = None) -> ExportContext:
    """What the exporters are told: the command's catalogue, and its date (today unless given)."""
    return ExportContext(catalogue=catalogue, as_of=dt.date.today() if on is None else on)


def printable(text: str) -> str:
    r"""Text safe to print on any terminal.

    A file name whose bytes are not UTF-8 (``Ysgol-caf\xe9.json`` from a
    Windows share) reaches Python with those bytes as lone surrogates; they are
    shown as ``\xe9``, never raised as a ``UnicodeEncodeError``.
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _out(text: str, stream: TextIO | None = None) -> None:
    target = stream or sys.stdout
    shown = printable(text)
    encoding = getattr(target, "encoding", None) or "utf-8"
    print(shown.encode(encoding, "backslashreplace").decode(encoding), file=target)


def _err(text: str) -> None:
    _out(text, sys.stderr)


def open_input(path: Path) -> BinaryIO:
    """Open a file the user named for reading, after checking it is a regular file.

    A folder, a device (a link to ``/dev/zero``), a named pipe or a socket is
    refused before anything is read from it, naming the path as typed.

    Raises:
        UnreadableFileError: If the path is missing, not a regular file, or cannot be read.
    """
    check_input_file(path)
    try:
        return open(path, "rb")
    except PermissionError:
        raise UnreadableFileError("the file cannot be read (permission denied)", source=str(path)) from None
    except OSError as error:
        raise UnreadableFileError(f"the file cannot be read ({error.strerror or error})", source=str(path)) from None


def write_output(path: Path, write: Callable[[BinaryIO], None], *, inputs: Sequence[Path] = ()) -> Path:
    """The one write path: write a file atomically, naming the path the user typed in any error.

    Leftover temporary files of a killed earlier run beside ``path`` are
    removed first (only files of the pattern :func:`~coproduction.contract._atomic.write_atomically` makes).

    Raises:
        ExportError: If the folder is missing, the path is a folder, or the file cannot be written.
    """
    problem = output_problem(path)
    if problem:
        raise ExportError(f"{problem}; nothing was written")
    remove_leftovers(path)
    try:
        return write_atomically(path, write)
    except OSError as error:
        raise ExportError(f"cannot write {path} ({error.strerror or error}); nothing was written") from None
    except CoproductionError as error:
        if error.source is None:
            names = ", ".join(str(file) for file in inputs)
            error.with_source(f"{names} -> {path}" if names else str(path))
        raise


def output_problem(path: Path) -> str:
    """Why a file cannot be written at this path, in plain words, or empty if it can be tried."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return f"{path} is a folder; name a file to write inside it"
    if not folder.exists():
        return f"the folder {folder} does not exist, so {path} cannot be written; create the folder first"
    if not folder.is_dir():
        return f"{folder} is a file, not a folder, so {path} cannot be written"
    return ""


def _registry() -> ExporterRegistry:
    return default_registry()


def _exporter_name(registry: ExporterRegistry, name: str | None, output: Path) -> str:
    if name:
        return name
    if not output.suffix:
        raise _UsageError(f"cannot tell the format of {output}: give it a suffix such as .docx, or use --format")
    return registry.by_suffix(output.suffix)


def _write(
    registry: ExporterRegistry,
    document: object,
    output: Path,
    name: str | None,
    context: ExportContext,
    *,
    inputs: Sequence[Path] = (),
) -> Path:
    exporter = registry.for_document(_exporter_name(registry, name, output), document)
    return write_output(output, lambda out: exporter.export(document, out, context), inputs=inputs)


def _percent(value: float | None) -> str:
    return wording.percent(value, "-")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], *, separator_before_last: bool = False) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    rule = "  ".join("-" * width for width in widths)
    body = [line(row) for row in rows]
    if separator_before_last and len(body) > 1:
        body.insert(len(body) - 1, rule)
    return "\n".join([line(head), rule, *body])
