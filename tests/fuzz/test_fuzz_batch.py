"""Fuzz the batch folder walk (``coproduction import`` and ``summary`` over a folder) with hostile folder contents.

Each example builds a folder holding a drawn mix of good audits and things a
folder on a shared drive can hold: links to devices, named pipes, symbolic link
loops, dangling links, sub-folders named like files, files that cannot be read,
huge (sparse) files, empty files and file names of any bytes. The batch must
finish within its time and memory budgets, exit 0 or 1 without a traceback,
leave no temporary file, and never write an output from nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from fuzz.mutations import fuzz_settings
from helpers import ROOT
from hypothesis import given
from hypothesis import strategies as st

from coproduction.cli import main

AUDIT = (ROOT / "examples" / "audits" / "worcestershire-oak-primary-school-staff.json").read_bytes()
SECONDS = 10.0
PEAK_BYTES = 200 * 1024 * 1024


def _good(path: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(AUDIT)


def _device(path: bytes) -> None:
    os.symlink(b"/dev/zero", path)


def _pipe(path: bytes) -> None:
    os.mkfifo(path)


def _loop(path: bytes) -> None:
    os.symlink(path, path)


def _dangling(path: bytes) -> None:
    os.symlink(path + b".missing", path)


def _folder(path: bytes) -> None:
    os.mkdir(path)


def _unreadable(path: bytes) -> None:
    _good(path)
    os.chmod(path, 0)


def _huge(path: bytes) -> None:
    with open(path, "wb") as stream:
        stream.truncate(40 * 1024 * 1024)  # sparse: costs no disk, but far past every size limit


def _empty(path: bytes) -> None:
    open(path, "wb").close()


MAKERS: dict[str, Callable[[bytes], None]] = {
    "good": _good,
    "device": _device,
    "pipe": _pipe,
    "loop": _loop,
    "dangling": _dangling,
    "folder": _folder,
    "unreadable": _unreadable,
    "huge": _huge,
    "empty": _empty,
}
NAMES = st.one_of(
    st.sampled_from([b"oak", b"Ysgol-caf\xe9", b"new\nline", b"-o", b"~$lock", b"a" * 200, b"sp ace", b"\xff\xfe"]),
    st.binary(min_size=1, max_size=30).filter(lambda name: b"/" not in name and b"\0" not in name),
)
SUFFIXES = st.sampled_from([b".json", b".docx", b".xlsx", b".JSON", b""])


@fuzz_settings(25)
@given(
    entries=st.lists(st.tuples(st.sampled_from(sorted(MAKERS)), NAMES, SUFFIXES), min_size=1, max_size=8),
    command=st.sampled_from(["summary", "import"]),
)
def test_a_hostile_folder_is_walked_within_budget(entries: list[tuple[str, bytes, bytes]], command: str) -> None:
    root = Path(tempfile.mkdtemp(prefix="fuzz-batch-"))
    try:
        inputs, out = root / "in", root / "out"
        inputs.mkdir()
        out.mkdir()
        made = set()
        for kind, name, suffix in entries:
            path = os.path.join(os.fsencode(inputs), name + suffix)
            if name in (b".", b"..") or path in made:
                continue
            made.add(path)
            MAKERS[kind](path)
        target = out / ("council.json" if command == "summary" else "audits")
        started = time.perf_counter()
        tracemalloc.start()
        try:
            with (
                contextlib.redirect_stdout(io.StringIO()) as out_text,
                contextlib.redirect_stderr(io.StringIO()) as err_text,
            ):
                code = main([command, str(inputs), "-o", str(target), "--jobs", "1"])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        elapsed = time.perf_counter() - started
        printed_out, printed_err = out_text.getvalue(), err_text.getvalue()
        assert "Traceback" not in printed_out + printed_err
        assert code in (0, 1, 2), printed_err
        assert elapsed < SECONDS, f"{elapsed:.1f} s"
        assert peak < PEAK_BYTES, f"{peak / 2**20:.0f} MiB"
        leftovers = [path for path in out.rglob("*") if path.name.endswith(".part")]
        assert not leftovers
        if command == "summary" and not any(kind == "good" for kind, _, _ in entries):
            assert not target.exists()  # nothing useful read: nothing written
    finally:
        for path in root.rglob("*"):
            if not path.is_symlink() and path.exists():
                os.chmod(path, 0o700)
        shutil.rmtree(root, ignore_errors=True)
