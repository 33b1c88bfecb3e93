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

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "chosen_catalogue",
    "context_for",
    "err",
    "exporter_name",
    "installed_exporters",
    "open_input",
    "out",
    "output_problem",
    "printable",
    "write_bytes",
    "write_document",
    "write_output",
    "write_requested",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """The command was called wrong (exit 2)."""


def chosen_catalogue(args: argparse.Namespace) -> Catalogue:
    """The built-in catalogue with what ``--catalogue`` adds."""
    catalogue = default_catalogue()
    for file in args.catalogue:
        catalogue = catalogue.including(load_item(file, catalogue))
    return catalogue


def context_for(catalogue: Catalogue, on: dt.date | None = None) -> ExportContext:
    """What the exporters are told: the command's catalogue, and its date (today unless given)."""
    return ExportContext(catalogue=catalogue, as_of=dt.date.today() if on is None else on)


def printable(text: str) -> str:
    r"""Text safe to print on any terminal.

    A file name whose bytes are not UTF-8 (``Ysgol-caf\xe9.json`` from a
    Windows share) reaches Python with those bytes as lone surrogates; they are
    shown as ``\xe9``, never raised as a ``UnicodeEncodeError``.
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def out(text: str, stream: TextIO | None = None) -> None:
    """Print a line, on the standard output unless told, shown safely on any terminal."""
    target = stream or sys.stdout
    shown = printable(text)
    encoding = getattr(target, "encoding", None) or "utf-8"
    print(shown.encode(encoding, "backslashreplace").decode(encoding), file=target)


def err(text: str) -> None:
    """Print a line on the error output."""
    out(text, sys.stderr)


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


def write_output(
    path: Path, write: Callable[[BinaryIO], None], *, inputs: Sequence[Path] = (), clean_leftovers: bool = True
) -> Path:
    """The one write path: every file a command writes is written here, atomically, naming the path the user typed.

    Leftover temporary files of a killed earlier run beside ``path`` are
    removed first (only files of the pattern :func:`~coproduction.contract._atomic.write_atomically` makes);
    a batch that has removed those of all its targets at once passes ``clean_leftovers=False``.
    An error the writer raises without a place is placed at ``inputs -> path``.

    Raises:
        ExportError: If the folder is missing, the path is a folder, or the file cannot be written.
    """
    problem = output_problem(path)
    if problem:
        raise ExportError(f"{problem}; nothing was written")
    if clean_leftovers:
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


def write_bytes(path: Path, data: bytes, *, inputs: Sequence[Path] = (), clean_leftovers: bool = True) -> Path:
    """Write ``data`` to ``path`` through :func:`write_output`."""
    return write_output(path, lambda stream: _write_all(stream, data), inputs=inputs, clean_leftovers=clean_leftovers)


def _write_all(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)


def installed_exporters() -> ExporterRegistry:
    """The exporters installed (entry points of ``coproduction.exporters``)."""
    return default_registry()


def exporter_name(registry: ExporterRegistry, name: str | None, output: Path) -> str:
    """The exporter named by ``--format``, or the one for the output's suffix.

    Raises:
        UsageError: If neither tells the format.
    """
    if name:
        return name
    if not output.suffix:
        raise UsageError(f"cannot tell the format of {output}: give it a suffix such as .docx, or use --format")
    return registry.by_suffix(output.suffix)


def write_document(
    registry: ExporterRegistry,
    document: object,
    output: Path,
    name: str | None,
    context: ExportContext,
    *,
    inputs: Sequence[Path] = (),
    clean_leftovers: bool = True,
) -> Path:
    """Write a document with the exporter named (or the one for the output's suffix) through :func:`write_output`."""
    exporter = registry.for_document(exporter_name(registry, name, output), document)
    return write_output(
        output,
        lambda stream: exporter.export(document, stream, context),
        inputs=inputs,
        clean_leftovers=clean_leftovers,
    )


def write_requested(
    document: object,
    args: argparse.Namespace,
    catalogue: Catalogue,
    *,
    on: dt.date | None = None,
    registry: ExporterRegistry | None = None,
) -> Path:
    """Write a document to the command's ``-o``/``--output``, in its ``--format``, naming its input files in errors."""
    registry = registry or installed_exporters()
    inputs = [path for name in ("file", "files", "plan") for path in _as_paths(getattr(args, name, None))]
    return write_document(registry, document, args.output, args.format, context_for(catalogue, on), inputs=inputs)


def _as_paths(value: object) -> list[Path]:
    if isinstance(value, Path):
        return [value]
    return [item for item in value if isinstance(item, Path)] if isinstance(value, list) else []
