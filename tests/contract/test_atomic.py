"""Files are written whole or not at all, with the permissions any new file would get."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coproduction.contract._atomic import write_atomically


def test_a_new_file_gets_the_umask_mode_not_owner_only(tmp_path: Path) -> None:
    written = write_atomically(tmp_path / "plan.json", lambda out: out.write(b"{}"))
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~mask
    assert written.read_bytes() == b"{}"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, lambda out: out.write(b"new"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "audit.json"
    target.write_bytes(b"kept")

    def fail(out: object) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, fail)  # type: ignore[arg-type]
    assert target.read_bytes() == b"kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["audit.json"]
