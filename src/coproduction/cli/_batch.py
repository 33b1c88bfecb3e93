"""Importing many filled-in files at once (private; used by ``coproduction import``).

Every input is read and checked on its own, in parallel worker processes, and
each good one is written as an audit JSON file atomically, so a batch stopped
at any moment leaves only whole files behind and can simply be run again.
Results come back in the order of the inputs, whatever order the workers
finish in.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import attrs

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._common import context_for, write_bytes
from coproduction.cli._ladder_files import LADDER_TEMPLATE_HINT, is_ladder_template
from coproduction.contract import _atomic
from coproduction.contract.serialization import check_input_file, dumps
from coproduction.errors import BatchError, CoproductionError, Problem, UnreadableFileError
from coproduction.exporters._registry import ExporterRegistry, default_registry
from coproduction.model.audit import Audit
from coproduction.rules.changes import framework_changes

__all__ = [
    "REPORT_FORMAT",
    "REPORT_FORMAT_VERSION",
    "ImportJob",
    "Outcome",
    "import_file",
    "input_files",
    "output_names",
    "read_audit",
    "read_audits",
    "readable_suffixes",
    "remove_leftovers",
    "report",
    "run_imports",
    "version_notices",
]

REPORT_FORMAT = "coproduction-import-report"
"""The ``format`` of the error report ``coproduction import --errors`` writes."""

REPORT_FORMAT_VERSION = 1
"""Its version; a field added keeps the version, a field changed or removed raises it."""

_PARENT_POLL_SECONDS = 0.05


@attrs.frozen
class ImportJob:
    """One input to read and the audit file to write from it.

    Attributes:
        source: The filled-in file.
        output: The audit JSON file to write.
    """

    source: Path
    output: Path


@attrs.frozen
class Outcome:
    """What became of one input.

    Attributes:
        file: The input, as given.
        output: The audit file written, or None when the input failed.
        organisation: The organisation the audit is about (empty on failure).
        answered: How many criteria were rated.
        error: Why the input failed, with its problems; None on success.
        notices: What the reader should know about a file that was imported,
            such as a newer version of its framework and what changed in it.
        audit: The audit read, when it is kept in memory rather than written.
    """

    file: str
    output: str | None = None
    organisation: str = ""
    answered: int = 0
    error: CoproductionError | None = None
    notices: tuple[str, ...] = ()
    audit: Audit | None = attrs.field(default=None, eq=False, repr=False)


def readable_suffixes(registry: ExporterRegistry) -> dict[str, str]:
    """Map each file suffix an installed exporter can read back to that exporter's name.

    Args:
        registry: The exporters.

    Returns:
        For example ``{".docx": "docx", ".json": "json", ".xlsx": "xlsx"}``.
    """
    suffixes: dict[str, str] = {}
    for name in registry.names():
        try:
            registry.reader(name)
            suffixes.setdefault(registry.get(name).suffix.lower(), name)
        except Exception:  # a broken or write-only plugin must not stop the others being used
            continue
    return suffixes


def input_files(paths: Iterable[Path], suffixes: Iterable[str]) -> list[Path]:
    """List the files to import: files as given, and each folder's readable files sorted by name.

    In a folder, only files with a readable suffix are taken; hidden files
    (``.name``, which include our own temporary files) and the lock files
    office suites leave beside an open document (``~$name.docx``) are
    skipped. Folders are not searched recursively. A file named twice (or
    both by name and through its folder) is imported once.

    Args:
        paths: Files and folders, in the order given.
        suffixes: The suffixes to take from folders, such as ``.docx``.

    Returns:
        The files in a stable order: the order given, each folder's files by name.

    Raises:
        OSError: If a folder cannot be listed.
    """
    wanted = {suffix.lower() for suffix in suffixes}
    files: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                (
                    child
                    for child in path.iterdir()
                    if child.suffix.lower() in wanted and not child.name.startswith((".", "~$")) and child.is_file()
                ),
                key=lambda child: child.name,
            )
        else:
            found = [path]
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def output_names(files: Sequence[Path]) -> list[str]:
    """Name the audit file of each input, the same way every time for the same list.

    The audit of ``oak.docx`` is ``oak.json``. When several inputs share a
    name apart from their suffix (``oak.docx`` and ``oak.xlsx``), each keeps
    its suffix: ``oak.docx.json`` and ``oak.xlsx.json``. A name still taken
    (the same file name in two folders) gets ``-2``, ``-3``, ... in the order
    of the inputs. Names are compared ignoring case, as Windows and macOS do.

    Args:
        files: The inputs, in order.

    Returns:
        One file name per input, all different.
    """
    stems = Counter(file.stem.casefold() for file in files)
    used: set[str] = set()
    names: list[str] = []
    for file in files:
        base = file.stem if stems[file.stem.casefold()] == 1 else file.stem + file.suffix.lower()
        name, number = f"{base}.json", 2
        while name.casefold() in used:
            name, number = f"{base}-{number}.json", number + 1
        used.add(name.casefold())
        names.append(name)
    return names


def remove_leftovers(targets: Iterable[Path]) -> None:
    """Remove the temporary files a killed run left beside these targets.

    A file is written to ``.<name>.<random>.part`` beside its target and then
    renamed into place; a process killed outright (``kill -9``, a power cut)
    in between cannot remove it, so the next run does.

    Args:
        targets: The files about to be written.
    """
    for target in targets:
        _atomic.remove_leftovers(target)


def _read(source: Path, catalogue: Catalogue, registry: ExporterRegistry, suffixes: dict[str, str]) -> Audit:
    name = suffixes.get(source.suffix.lower())
    if name is None:
        known = ", ".join(sorted(suffixes)) or "none"
        raise UnreadableFileError(
            f"cannot read {source.suffix or 'a file without a suffix'} files; filled-in files are {known}"
            + ("" if {".docx", ".xlsx"} <= set(suffixes) else " (install coproduction-docx and coproduction-xlsx)"),
        )
    reader = registry.reader(name)
    check_input_file(source)
    try:
        with open(source, "rb") as stream:
            return reader.read(stream, context_for(catalogue))
    except UnreadableFileError:
        if name != "json" and is_ladder_template(source, name, catalogue, registry):
            raise UnreadableFileError(LADDER_TEMPLATE_HINT) from None
        raise
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist") from None
    except IsADirectoryError:
        raise UnreadableFileError("this is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFileError("the file cannot be read (permission denied)") from None
    except OSError as error:
        raise UnreadableFileError(f"the file cannot be read ({error.strerror or error})") from None


def import_file(job: ImportJob, catalogue: Catalogue, registry: ExporterRegistry, suffixes: dict[str, str]) -> Outcome:
    """Read one filled-in file and write its audit through the one write path; never raises for a bad input.

    Args:
        job: The input and the audit file to write.
        catalogue: Where frameworks are found.
        registry: The exporters whose readers read the inputs.
        suffixes: Which exporter reads which suffix (:func:`readable_suffixes`).

    Returns:
        The outcome: the output written, or the error with every problem found.
    """
    file = str(job.source)
    try:
        audit = _read(job.source, catalogue, registry, suffixes)
    except CoproductionError as error:
        return Outcome(file, error=error if error.source else error.with_source(file))
    except Exception as error:  # a fault in a reader must not stop the batch or lose the other files
        return Outcome(file, error=_fault(error, file))
    try:
        # The batch removed the leftovers beside all its outputs before it started.
        write_bytes(job.output, dumps(audit).encode("utf-8"), clean_leftovers=False)
    except CoproductionError as error:
        return Outcome(file, error=error if error.source else error.with_source(file))
    answered = sum(1 for response in audit.responses if response.rating is not None)
    return Outcome(file, str(job.output), audit.organisation.name, answered, notices=version_notices(audit, catalogue))


def version_notices(audit: Audit, catalogue: Catalogue) -> tuple[str, ...]:
    """Say so when an audit answers an earlier version of its framework than the catalogue's latest.

    The audit stays an audit of the version it answers; the notices name the
    latest version and what changed since, so nobody mistakes one for the other.

    Args:
        audit: The audit imported.
        catalogue: Where its framework's versions are found.

    Returns:
        Plain-English sentences; empty when the audit answers the latest version.
    """
    answered = catalogue.framework(audit.framework, audit.framework_version)
    latest = catalogue.framework(audit.framework)
    if latest.version == answered.version:
        return ()
    changes = framework_changes(answered, latest)
    opening = (
        f"This answers version {answered.version} of the {answered.title}; "
        f"the latest is version {latest.version}, and the audit stays one of version {answered.version}."
    )
    return (opening, *(changes.sentences() or [f"Version {latest.version} asks the same questions."]))


def _fault(error: Exception, file: str) -> BatchError:
    detail = f"{type(error).__name__}: {error}"[:200]
    return BatchError(
        "the file could not be read because of a fault in coproduction, not in the file as far as we know; "
        "please report it, with the file if you can",
        [Problem("", "internal-error", detail)],
        source=file,
    )


# -- worker processes -------------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(catalogue: Catalogue) -> None:
    """Set up a worker: its catalogue and exporters, and a guard that ends it with its parent.

    Ctrl-C is left to the parent, which lets the files being written finish.
    If the parent is killed outright, the guard notices within a moment and
    ends the worker, between two files, never halfway through writing one.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    registry = default_registry()
    lock, orphaned = threading.Lock(), threading.Event()
    _WORKER.update(
        catalogue=catalogue, registry=registry, suffixes=readable_suffixes(registry), lock=lock, orphaned=orphaned
    )
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent, lock, orphaned), daemon=True).start()


def _exit_with_parent(parent: int, lock: threading.Lock, orphaned: threading.Event) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    orphaned.set()
    with lock:  # wait for the file in hand to be written whole
        os._exit(1)


def _work(job: ImportJob) -> Outcome:
    if _WORKER["orphaned"].is_set():  # start no other file once the parent has gone
        os._exit(1)
    with _WORKER["lock"]:
        return import_file(job, _WORKER["catalogue"], _WORKER["registry"], _WORKER["suffixes"])


def run_imports(
    jobs: Sequence[ImportJob],
    catalogue: Catalogue,
    registry: ExporterRegistry,
    *,
    processes: int,
    advance: Callable[[], None] = lambda: None,
) -> list[Outcome]:
    """Import every job, in parallel when asked, and return the outcomes in the order of the jobs.

    Args:
        jobs: What to read and write.
        catalogue: Where frameworks are found.
        registry: The exporters (used as they are when working in this process).
        processes: How many worker processes to use; 1 works in this process.
        advance: Called once per job finished, for a progress display.

    Returns:
        One outcome per job, in the same order.

    Raises:
        KeyboardInterrupt: When stopped; the jobs not yet started are
            cancelled and those under way are finished (each file whole).
        BatchError: If a worker process died (killed, or out of memory).
    """
    if processes <= 1 or len(jobs) <= 1:
        suffixes = readable_suffixes(registry)
        outcomes = []
        for job in jobs:
            outcomes.append(import_file(job, catalogue, registry, suffixes))
            advance()
        return outcomes
    workers = min(processes, len(jobs))
    chunk = max(1, min(4, len(jobs) // (workers * 16)))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(catalogue,))
    outcomes = []
    try:
        for outcome in pool.map(_work, jobs, chunksize=chunk):
            outcomes.append(outcome)
            advance()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        raise BatchError(
            f"a worker process stopped unexpectedly after {len(outcomes)} of {len(jobs)} files (was it killed, or "
            "out of memory?); every audit written so far is whole. Run the command again, with --jobs 1 to use "
            "less memory"
        ) from None
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return outcomes


def read_audit(source: Path, catalogue: Catalogue, registry: ExporterRegistry, suffixes: dict[str, str]) -> Outcome:
    """Read one file into an audit without writing anything; never raises for a bad input.

    Returns:
        The outcome, with the audit in ``audit`` on success.
    """
    file = str(source)
    try:
        audit = _read(source, catalogue, registry, suffixes)
    except CoproductionError as error:
        return Outcome(file, error=error if error.source else error.with_source(file))
    except Exception as error:  # a fault in a reader must not stop the batch or lose the other files
        return Outcome(file, error=_fault(error, file))
    answered = sum(1 for response in audit.responses if response.rating is not None)
    return Outcome(file, None, audit.organisation.name, answered, audit=audit)


def _read_work(source: Path) -> Outcome:
    return read_audit(source, _WORKER["catalogue"], _WORKER["registry"], _WORKER["suffixes"])


READ_WINDOW = 256
"""How many files a parallel read has in hand at most, so memory stays bounded however many there are."""


def read_audits(
    files: Sequence[Path],
    catalogue: Catalogue,
    registry: ExporterRegistry,
    *,
    processes: int,
) -> Iterator[Outcome]:
    """Read files into audits, in parallel when asked, yielding each outcome in the order of the files.

    At most :data:`READ_WINDOW` files are read ahead of the one being used, so
    a summary of 24,000 files holds a few hundred audits at a time, not all.

    Args:
        files: The files to read (JSON audits, filled Word or Excel templates).
        catalogue: Where frameworks are found.
        registry: The exporters whose readers read the inputs.
        processes: How many worker processes to use; 1 reads in this process.

    Yields:
        One outcome per file: the audit, or the error with every problem found.

    Raises:
        BatchError: If a worker process died (killed, or out of memory).
    """
    if processes <= 1 or len(files) <= 1:
        suffixes = readable_suffixes(registry)
        for file in files:
            yield read_audit(file, catalogue, registry, suffixes)
        return
    workers = min(processes, len(files))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(catalogue,))
    done = 0
    try:
        for start in range(0, len(files), READ_WINDOW):
            window = files[start : start + READ_WINDOW]
            for outcome in pool.map(_read_work, window, chunksize=max(1, len(window) // (workers * 8))):
                done += 1
                yield outcome
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        raise BatchError(
            f"a worker process stopped unexpectedly after {done} of {len(files)} files (was it killed, or out of "
            "memory?); nothing was written. Run the command again, with --jobs 1 to use less memory"
        ) from None
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


# -- the error report -----------------------------------------------------------------------------------------------


def report(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The machine-readable report of a batch: every file imported and every failure with its reasons.

    Args:
        outcomes: The outcomes, in the order of the inputs.

    Returns:
        JSON data: ``format``, ``format_version``, ``counts`` (``files``,
        ``imported``, ``failed``), ``imported`` (``file``, ``output`` and
        ``notices`` of each success) and ``errors`` (``file``, ``code``, ``message`` and
        ``problems``, each problem with ``place``, ``code`` and ``message``),
        both in input order.
    """
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "counts": {"files": len(outcomes), "imported": len(outcomes) - len(failed), "failed": len(failed)},
        "imported": [
            {"file": outcome.file, "output": outcome.output, "notices": list(outcome.notices)}
            for outcome in outcomes
            if outcome.error is None
        ],
        "errors": [_error_entry(outcome.file, outcome.error) for outcome in failed if outcome.error is not None],
    }


def _error_entry(file: str, error: CoproductionError) -> dict[str, Any]:
    return {
        "file": file,
        "code": error.code,
        "message": error.message,
        "problems": [_problem_entry(problem) for problem in error.problems],
    }


def _problem_entry(problem: Problem) -> dict[str, Any]:
    """A problem as JSON; ``line`` and ``column`` are added, ``place`` kept, for a problem in a file's text."""
    entry: dict[str, Any] = {
        "place": problem.path or problem.position,
        "code": problem.code,
        "message": problem.message,
    }
    if problem.line is not None:
        entry.update(line=problem.line, column=problem.column)
    return entry
